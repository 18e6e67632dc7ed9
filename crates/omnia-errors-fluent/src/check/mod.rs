//! Static checks of Fluent files against the catalog: every message present, no extra ones, the
//! right attributes, exactly the variables each code's parameters provide, plural selectors
//! that cover the locale's plural categories, and the locale's terms (product vocabulary such as
//! `-connector = Connector`): every term a message references is defined, every term defined is
//! referenced, and every term is plain text referenced as `{ -term }` (no attributes,
//! arguments, placeables or selectors: tools that inline terms rely on it).
//!
//! fluent-rs checks none of this: a missing variable formats as `{$name}`, an extra argument is
//! silently ignored, and a missing plural variant silently uses the default. So the checks run on
//! the syntax tree, and they collect every finding before reporting, so one run shows them all.

mod finding;
mod parse;
mod plurals;
mod terms;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use icu_locale_core::LanguageIdentifier;
use omnia_errors::{AnyCode, ParamKind};

pub use finding::{Finding, FindingKind, FindingList, Position};
pub(crate) use finding::{LineIndex, offset_in};
pub(crate) use parse::parse_locale;
use parse::{ParsedLocale, ParsedMessage, Shape};
use plurals::check_plurals;
pub use plurals::{PluralCategories, integer_plural_categories, integer_plural_category};
use terms::check_terms;

use crate::locales::LocaleInfo;
use crate::source::LocaleFiles;

/// Every finding of every locale: syntax, ids, attributes, variables, plural variants; checked
/// against the catalog and, for the other locales, against the source locale, the first of
/// `declared` (the locale set of `locales/locales.toml`, [`LOCALES`](crate::LOCALES) in a build
/// with the embedded messages).
///
/// `require_complete` also reports messages missing from a translation (the source locale must
/// always be complete), and holds the folders to the declared set: a declared locale without
/// files, a folder not declared. The embedded files pass with it on; a folder loaded at run time
/// may be a translation in progress, whose gaps fall back to the source.
pub fn check_locales(
    locales: &[LocaleFiles],
    declared: &[LocaleInfo<'_>],
    require_complete: bool,
) -> Vec<Finding> {
    let tags: Vec<&str> = declared.iter().map(|d| d.tag).collect();
    check_declared(locales, &tags, require_complete)
}

/// [`check_locales`] of a declared set given by its tags.
pub(crate) fn check_declared(
    locales: &[LocaleFiles],
    declared: &[&str],
    require_complete: bool,
) -> Vec<Finding> {
    let mut findings = Vec::new();
    // Where the locale folders are: beside the files that were read.
    let root = locales
        .iter()
        .flat_map(|l| &l.files)
        .find_map(|f| Path::new(&f.path).parent()?.parent())
        .unwrap_or(Path::new("locales"));
    let parsed: Vec<(&LocaleFiles, ParsedLocale)> = locales
        .iter()
        .map(|l| (l, parse_locale(&l.tag, &l.files, &mut findings)))
        .collect();
    let source_tag = declared.first().copied();
    let source = parsed
        .iter()
        .find(|(l, _)| Some(l.tag.as_str()) == source_tag)
        .map(|(_, p)| p);
    if source.is_none() {
        findings.push(Finding::missing_source(root, source_tag));
    }
    if require_complete {
        check_declaration(locales, declared, root, &mut findings);
    }
    for (files, locale) in &parsed {
        match files.tag.parse::<LanguageIdentifier>() {
            Err(_) => findings.push(Finding::bad_locale_tag(files, None)),
            // `en-us` beside `en-US` would be the same locale twice.
            Ok(id) if id.to_string() != files.tag => {
                findings.push(Finding::bad_locale_tag(files, Some(id.to_string())));
            }
            Ok(_) => {}
        }
        let is_source = Some(files.tag.as_str()) == source_tag;
        let against = if is_source { None } else { source };
        check_locale(
            locale,
            against,
            require_complete || is_source,
            &mut findings,
        );
    }
    findings
}

/// The folders against the declared set: every declared locale has one, every one is declared.
fn check_declaration(
    locales: &[LocaleFiles],
    declared: &[&str],
    root: &Path,
    findings: &mut Vec<Finding>,
) {
    let finding = |file: String, locale: &str, kind| Finding {
        file,
        position: None,
        locale: locale.to_owned(),
        id: None,
        kind,
    };
    for locale in locales {
        if !declared.contains(&locale.tag.as_str()) {
            let folder = root.join(&locale.tag).display().to_string();
            findings.push(finding(folder, &locale.tag, FindingKind::NotDeclared));
        }
    }
    for tag in declared {
        if !locales.iter().any(|l| l.tag == *tag) {
            let declaration = root.join("locales.toml").display().to_string();
            findings.push(finding(declaration, tag, FindingKind::Missing));
        }
    }
}

/// The shape the catalog gives a code's message.
fn catalog_shape(code: AnyCode) -> Shape {
    let params = code.params();
    let names = |all: bool| -> BTreeSet<String> {
        params
            .iter()
            .filter(|p| all || p.required)
            .map(|p| p.name.to_owned())
            .collect()
    };
    let mut shape = Shape {
        value: names(false),
        attributes: BTreeMap::new(),
    };
    if params.iter().any(|p| !p.required) {
        shape.attributes.insert("context".into(), names(true));
    }
    if code.has_doc_note() {
        shape.attributes.insert("note".into(), BTreeSet::new());
    }
    shape
}

/// Checks a locale against the catalog and, for the page texts, against the source locale.
/// `source` is `None` when `locale` is the source itself.
/// Each message's expected shape (and the source's message, if any): the catalog's, then the
/// source locale's other messages (the page texts); for the source itself, its own page texts
/// as they are.
fn expected_shapes<'p>(
    locale: &'p ParsedLocale,
    source: Option<&'p ParsedLocale>,
) -> BTreeMap<&'p str, (Shape, Option<&'p ParsedMessage>)> {
    let mut expected: BTreeMap<&str, (Shape, Option<&ParsedMessage>)> = AnyCode::all()
        .map(|code| {
            (
                code.fluent_id(),
                (
                    catalog_shape(code),
                    source.and_then(|s| s.messages.get(code.fluent_id())),
                ),
            )
        })
        .collect();
    // The titles of error statuses: plain texts, no variables.
    for id in crate::status::IDS {
        let source_message = source.and_then(|s| s.messages.get(id));
        expected.insert(id, (Shape::default(), source_message));
    }
    match source {
        Some(source) => {
            for (id, message) in &source.messages {
                expected
                    .entry(id.as_str())
                    .or_insert_with(|| (message.shape.clone(), Some(message)));
            }
        }
        None => {
            for (id, message) in &locale.messages {
                expected
                    .entry(id.as_str())
                    .or_insert_with(|| (message.shape.clone(), None));
            }
        }
    }

    expected
}

pub(crate) fn check_locale(
    locale: &ParsedLocale,
    source: Option<&ParsedLocale>,
    require_complete: bool,
    findings: &mut Vec<Finding>,
) {
    check_terms(locale, findings);
    let langid: Option<LanguageIdentifier> = locale.tag.parse().ok();
    // The catalog's number parameters: a select on one of them is a plural selector.
    let numeric: BTreeSet<&str> = AnyCode::all()
        .flat_map(AnyCode::params)
        .filter(|p| p.kind == ParamKind::Number)
        .map(|p| p.name)
        .collect();
    let finding = |file: &str, position, id: &str, kind| Finding {
        file: file.to_owned(),
        position,
        locale: locale.tag.clone(),
        id: Some(id.to_owned()),
        kind,
    };
    let expected = expected_shapes(locale, source);
    for (id, message) in &locale.messages {
        let Some((shape, _)) = expected.get(id.as_str()) else {
            findings.push(finding(
                &message.file,
                message.position,
                id,
                FindingKind::Unexpected,
            ));
            continue;
        };
        compare_shapes(shape, &message.shape, &mut |kind| {
            findings.push(finding(&message.file, message.position, id, kind));
        });
        if let Some(langid) = &langid {
            check_plurals(langid, &numeric, message, &mut |position, kind| {
                findings.push(finding(&message.file, position, id, kind));
            });
        }
    }
    if require_complete {
        for (id, (_, source_message)) in &expected {
            if !locale.messages.contains_key(*id) {
                // Point at the file that should hold it: the same file name as in the source.
                let file_name = source_message.map_or("errors.ftl", |m| m.file_name.as_str());
                let file = format!("locales/{}/{file_name}", locale.tag);
                findings.push(finding(&file, None, id, FindingKind::Missing));
            }
        }
    }
}

fn compare_shapes(expected: &Shape, actual: &Shape, report: &mut dyn FnMut(FindingKind)) {
    compare_vars(None, &expected.value, &actual.value, report);
    for (name, vars) in &expected.attributes {
        match actual.attributes.get(name) {
            Some(actual_vars) => compare_vars(Some(name), vars, actual_vars, report),
            None => report(FindingKind::MissingAttribute(name.clone())),
        }
    }
    for name in actual.attributes.keys() {
        if !expected.attributes.contains_key(name) {
            report(FindingKind::UnexpectedAttribute(name.clone()));
        }
    }
}

fn compare_vars(
    attribute: Option<&String>,
    expected: &BTreeSet<String>,
    actual: &BTreeSet<String>,
    report: &mut dyn FnMut(FindingKind),
) {
    for variable in actual.difference(expected) {
        report(FindingKind::UnknownVariable {
            attribute: attribute.cloned(),
            variable: variable.clone(),
            expected: expected.iter().cloned().collect(),
        });
    }
    for variable in expected.difference(actual) {
        report(FindingKind::UnusedVariable {
            attribute: attribute.cloned(),
            variable: variable.clone(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::FindingKind;
    use crate::source::{LocaleFiles, SourceFile};

    #[test]
    fn variables_inside_functions_and_nested_placeables_are_used() {
        let file = SourceFile {
            path: "locales/xx/errors.ftl".into(),
            name: "errors.ftl".into(),
            text:
                "validation-TextMaxLengthMismatch = { NUMBER($maxLength) } and { { $maxLength } }\n\
                   validation-LowerLimitNotRespected = x\n    .context = { { $limit } }\n\
                   validation-UpperLimitNotRespected = x\n    .context = { NUMBER($limit) }\n"
                    .into(),
        };
        let locales = [LocaleFiles {
            tag: "xx-YY".into(),
            files: vec![file],
        }];
        let unused: Vec<_> = super::check_declared(&locales, &["xx-YY"], false)
            .into_iter()
            .filter(|f| matches!(f.kind, FindingKind::UnusedVariable { .. }))
            .collect();
        assert!(unused.is_empty(), "{unused:?}");
    }
}
