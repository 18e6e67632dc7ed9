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

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::Path;

use fluent_syntax::ast;
use omnia_errors::{AnyCode, ParamKind};
use unic_langid::LanguageIdentifier;

use crate::locales::LocaleInfo;
use crate::source::{LocaleFiles, SourceFile};

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

/// Where a finding is: 1-based line and column.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

/// A problem in a locale's Fluent files.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// The file at fault (for a missing message, the file that should hold it).
    pub file: String,
    /// The position in that file, when there is one.
    pub position: Option<Position>,
    /// The locale's tag.
    pub locale: String,
    /// The message id concerned, if any.
    pub id: Option<String>,
    /// What is wrong.
    pub kind: FindingKind,
}

/// What a [`Finding`] is about.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum FindingKind {
    /// The file does not parse; the parser's message.
    Syntax(String),
    /// The locale folder's name is not a language tag.
    BadLocaleTag,
    /// The locale folder's name is a language tag not written the canonical way (`en-us`),
    /// which would make a second copy of a locale; the canonical spelling.
    NonCanonicalTag(String),
    /// A message id is defined twice in the locale.
    Duplicate,
    /// A message the catalog (or the source locale) does not have.
    Unexpected,
    /// A message of the catalog (or the source locale) is absent.
    Missing,
    /// An attribute the message should have is absent.
    MissingAttribute(String),
    /// An attribute the message should not have.
    UnexpectedAttribute(String),
    /// A variable used that the code does not provide.
    UnknownVariable {
        /// `None` for the value, else the attribute's name.
        attribute: Option<String>,
        /// The variable.
        variable: String,
        /// What the code provides there.
        expected: Vec<String>,
    },
    /// A variable the code provides that the text does not use.
    UnusedVariable {
        /// `None` for the value, else the attribute's name.
        attribute: Option<String>,
        /// The variable.
        variable: String,
    },
    /// A plural selector lacks a variant for one of the locale's plural categories.
    MissingPluralVariant {
        /// The selector's variable.
        variable: String,
        /// The category without an explicit variant.
        category: &'static str,
    },
    /// A plural variant the locale's rules never select for an integer (e.g. `[few]` in
    /// English, or `[other]`-only forms: dead text that misleads translators).
    UnreachablePluralVariant {
        /// The selector's variable.
        variable: String,
        /// The category.
        key: String,
    },
    /// A variant key that is not a plural category (a typo such as `[fwe]`).
    UnknownVariantKey {
        /// The selector's variable.
        variable: String,
        /// The key.
        key: String,
    },
    /// A reference to a term (`-name`) or message that the locale does not define.
    UnknownReference(String),
    /// A Fluent construct the message compiler does not take; what it is.
    Unsupported(String),
    /// A locale folder that `locales/locales.toml` does not declare.
    NotDeclared,
    /// No locale is declared, so none is the source the others are checked against.
    NothingDeclared,
    /// A reference to a term (`{ -connector }`) this locale does not define: Fluent would
    /// show `{-connector}` in its place.
    UnknownTerm {
        /// The term's name, without its dash.
        term: String,
    },
    /// A term the locale defines and no message references.
    UnusedTerm {
        /// The term's name, without its dash.
        term: String,
    },
    /// A term, or a reference to one, that is not plain: terms are text only, referenced as
    /// `{ -term }`.
    NotPlainTerm {
        /// The term's name, without its dash.
        term: String,
        /// What makes it not plain.
        why: String,
    },
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(Position { line, column }) = self.position {
            write!(f, ":{line}:{column}")?;
        }
        write!(f, ": [{}]", self.locale)?;
        if let Some(id) = &self.id {
            write!(f, " {id}")?;
        }
        f.write_str(": ")?;
        let place = |attribute: &Option<String>| match attribute {
            Some(a) => format!("its .{a} attribute"),
            None => "its value".to_owned(),
        };
        match &self.kind {
            FindingKind::Syntax(message) => write!(f, "syntax error: {message}"),
            FindingKind::NonCanonicalTag(canonical) => write!(
                f,
                "the folder name is not written the canonical way: rename it {canonical}"
            ),
            FindingKind::BadLocaleTag => {
                f.write_str("the folder name is not a BCP 47 language tag (e.g. pt-PT)")
            }
            FindingKind::Duplicate => f.write_str("defined more than once in this locale"),
            FindingKind::Unexpected => {
                f.write_str("no such message in the catalog or the source locale (the first declared); remove it or fix its id")
            }
            FindingKind::Missing => f.write_str("missing: every locale has every message"),
            FindingKind::MissingAttribute(a) => write!(f, "missing the .{a} attribute"),
            FindingKind::UnexpectedAttribute(a) => {
                write!(f, "has a .{a} attribute, which this message does not take")
            }
            FindingKind::UnknownVariable {
                attribute,
                variable,
                expected,
            } => {
                write!(f, "{} uses ${variable}, which is not provided", place(attribute))?;
                if expected.is_empty() {
                    f.write_str(" (it takes no variables)")
                } else {
                    let expected: Vec<String> = expected.iter().map(|v| format!("${v}")).collect();
                    write!(f, " (it takes {})", expected.join(", "))
                }
            }
            FindingKind::UnusedVariable {
                attribute,
                variable,
            } => write!(f, "{} does not use ${variable}", place(attribute)),
            FindingKind::MissingPluralVariant { variable, category } => write!(
                f,
                "the selector on ${variable} has no [{category}] variant, a plural category of this locale"
            ),
            FindingKind::UnreachablePluralVariant { variable, key } => write!(
                f,
                "the selector on ${variable} has a [{key}] variant, which this locale's plural rules (current CLDR) never select for an integer: remove it"
            ),
            FindingKind::UnknownVariantKey { variable, key } => write!(
                f,
                "the selector on ${variable} has a [{key}] variant, which is not a plural category (zero, one, two, few, many, other)"
            ),
            FindingKind::UnknownReference(name) => {
                write!(f, "refers to {name}, which this locale does not define")
            }
            FindingKind::NotDeclared => f.write_str(
                "this locale is not declared in locales/locales.toml: add it there (cargo xtask new-locale does)",
            ),
            FindingKind::NothingDeclared => f.write_str(
                "no locale is declared: declare the source locale first in locales/locales.toml (the localizer's builder: `declared`)",
            ),
            FindingKind::Unsupported(what) => write!(
                f,
                "uses {what}, which OMNIA messages cannot contain: use text, the code's $variables, terms and plural selectors"

            ),
            FindingKind::UnknownTerm { term } => write!(
                f,
                "references the term -{term}, which this locale does not define; define `-{term} = ...` in its errors.ftl or fix the name"
            ),
            FindingKind::UnusedTerm { term } => write!(
                f,
                "the term -{term} is defined but no message references it; use it as {{ -{term} }} or remove it"
            ),
            FindingKind::NotPlainTerm { term, why } => write!(
                f,
                "the term -{term} {why}; terms are plain text (`-{term} = Text`), referenced as {{ -{term} }}"
            ),
        }
    }
}

/// Every finding of a failed load or export, one a line under a count: what the error types
/// of the runtime and the tooling print.
///
/// ```
/// use omnia_errors_fluent::{Finding, FindingKind, FindingList};
///
/// let finding = Finding {
///     file: "locales/pl-PL/errors.ftl".into(),
///     position: None,
///     locale: "pl-PL".into(),
///     id: None,
///     kind: FindingKind::BadLocaleTag,
/// };
/// let text = FindingList(&[finding]).to_string();
/// assert!(text.starts_with("1 problem(s) in the Fluent files:\n  locales/pl-PL/errors.ftl: [pl-PL]"));
/// ```
#[derive(Clone, Copy, Debug)]
pub struct FindingList<'a>(pub &'a [Finding]);

impl fmt::Display for FindingList<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} problem(s) in the Fluent files:", self.0.len())?;
        for finding in self.0 {
            write!(f, "\n  {finding}")?;
        }
        Ok(())
    }
}

impl Finding {
    /// The parser errors of one file, each pointing at the start of the broken entry and
    /// saying where parsing failed. The file's lines are indexed once for all of them.
    pub fn syntax_errors(
        locale: &str,
        file: &SourceFile,
        errors: &[fluent_syntax::parser::ParserError],
    ) -> Vec<Self> {
        let lines = LineIndex::new(&file.text);
        errors
            .iter()
            .map(|e| Self::syntax(locale, file, &lines, e))
            .collect()
    }

    fn syntax(
        locale: &str,
        file: &SourceFile,
        lines: &LineIndex<'_>,
        error: &fluent_syntax::parser::ParserError,
    ) -> Self {
        let failed = lines.position(error.pos.start);
        let entry = error
            .slice
            .clone()
            .map_or(failed, |s| lines.position(s.start));
        Self {
            file: file.path.clone(),
            position: Some(entry),
            locale: locale.to_owned(),
            id: None,
            kind: FindingKind::Syntax(format!(
                "{} (at line {}, column {})",
                error.kind, failed.line, failed.column
            )),
        }
    }

    pub(crate) fn bad_locale_tag(locale: &LocaleFiles, canonical: Option<String>) -> Self {
        Self {
            file: locale
                .files
                .first()
                .map_or_else(|| locale.tag.clone(), |f| f.path.clone()),
            position: None,
            locale: locale.tag.clone(),
            id: None,
            kind: match canonical {
                None => FindingKind::BadLocaleTag,
                Some(canonical) => FindingKind::NonCanonicalTag(canonical),
            },
        }
    }

    /// The source locale (the first declared; `None` when nothing is) is missing from the
    /// locales under `root`.
    pub(crate) fn missing_source(root: &Path, source: Option<&str>) -> Self {
        match source {
            Some(tag) => Self {
                file: root.join(tag).display().to_string(),
                position: None,
                locale: tag.to_owned(),
                id: None,
                kind: FindingKind::Missing,
            },
            None => Self {
                file: root.join("locales.toml").display().to_string(),
                position: None,
                locale: String::new(),
                id: None,
                kind: FindingKind::NothingDeclared,
            },
        }
    }
}

/// What a message should look like: variables of its value and of each attribute.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Shape {
    pub(crate) value: BTreeSet<String>,
    pub(crate) attributes: BTreeMap<String, BTreeSet<String>>,
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

/// The messages of one locale, parsed, with where each was defined.
pub(crate) struct ParsedLocale {
    pub(crate) tag: String,
    pub(crate) messages: BTreeMap<String, ParsedMessage>,
    /// Terms by name (without the dash): where each is defined, the first definition.
    terms: BTreeMap<String, Place>,
    /// Every reference to a term, in file order.
    term_references: Vec<TermReference>,
}

/// Where something is: a file and a position in it.
#[derive(Clone, Debug)]
struct Place {
    file: String,
    position: Option<Position>,
}

/// A reference to a term from a message (or a term).
#[derive(Clone, Debug)]
struct TermReference {
    /// The term's name, without the dash.
    term: String,
    /// The id of the message (or `-term`) that holds the reference.
    from: String,
    /// Where the reference is.
    place: Place,
    /// Why the reference is not plain (`{ -term }`), if it is not.
    not_plain: Option<String>,
}

pub(crate) struct ParsedMessage {
    pub(crate) file: String,
    pub(crate) file_name: String,
    pub(crate) position: Option<Position>,
    pub(crate) shape: Shape,
    /// `(variable, keys, position)` of every select expression.
    selects: Vec<(String, Vec<String>, Option<Position>)>,
}

/// Parses a locale's files, recording syntax errors and duplicate ids as findings.
pub(crate) fn parse_locale(
    tag: &str,
    files: &[SourceFile],
    findings: &mut Vec<Finding>,
) -> ParsedLocale {
    let mut messages = BTreeMap::new();
    let mut terms: BTreeMap<String, Place> = BTreeMap::new();
    let mut term_references = Vec::new();
    for file in files {
        let lines = LineIndex::new(&file.text);
        let resource = match fluent_syntax::parser::parse(file.text.as_str()) {
            Ok(resource) => resource,
            Err((resource, errors)) => {
                findings.extend(Finding::syntax_errors(tag, file, &errors));
                resource
            }
        };
        for entry in &resource.body {
            match entry {
                ast::Entry::Message(message) => {
                    collect_term_references(
                        message.id.name,
                        message
                            .value
                            .iter()
                            .chain(message.attributes.iter().map(|a| &a.value)),
                        file,
                        &lines,
                        &mut term_references,
                    );
                }
                ast::Entry::Term(term) => {
                    record_term(
                        tag,
                        file,
                        &lines,
                        term,
                        &mut terms,
                        &mut term_references,
                        findings,
                    );
                }
                _ => {}
            }
            let ast::Entry::Message(message) = entry else {
                continue;
            };
            let id = message.id.name.to_owned();
            let at = offset_in(&file.text, message.id.name).map(|o| lines.position(o));
            let mut shape = Shape::default();
            let mut selects = Vec::new();
            if let Some(value) = &message.value {
                collect_pattern(value, &mut shape.value, &mut selects, &file.text, at);
            }
            for attribute in &message.attributes {
                let vars = shape
                    .attributes
                    .entry(attribute.id.name.to_owned())
                    .or_default();
                collect_pattern(&attribute.value, vars, &mut selects, &file.text, at);
            }
            let parsed = ParsedMessage {
                file: file.path.clone(),
                file_name: file.name.clone(),
                position: at,
                shape,
                selects,
            };
            if messages.insert(id.clone(), parsed).is_some() {
                findings.push(Finding {
                    file: file.path.clone(),
                    position: at,
                    locale: tag.to_owned(),
                    id: Some(id),
                    kind: FindingKind::Duplicate,
                });
            }
        }
    }
    ParsedLocale {
        tag: tag.to_owned(),
        messages,
        terms,
        term_references,
    }
}

/// Records a term definition: a duplicate or a term that is not plain is a finding; its
/// references (which a plain term has none of) are recorded.
fn record_term(
    tag: &str,
    file: &SourceFile,
    lines: &LineIndex<'_>,
    term: &ast::Term<&str>,
    terms: &mut BTreeMap<String, Place>,
    term_references: &mut Vec<TermReference>,
    findings: &mut Vec<Finding>,
) {
    let name = term.id.name.to_owned();
    let place = Place {
        file: file.path.clone(),
        position: offset_in(&file.text, term.id.name).map(|o| lines.position(o.saturating_sub(1))),
    };
    let from = format!("-{name}");
    let term_finding = |kind| Finding {
        file: place.file.clone(),
        position: place.position,
        locale: tag.to_owned(),
        id: Some(from.clone()),
        kind,
    };
    if terms.contains_key(&name) {
        findings.push(term_finding(FindingKind::Duplicate));
        return;
    }
    let not_plain = |why: &str| FindingKind::NotPlainTerm {
        term: name.clone(),
        why: why.to_owned(),
    };
    if !term.attributes.is_empty() {
        findings.push(term_finding(not_plain("has attributes")));
    }
    if term
        .value
        .elements
        .iter()
        .any(|e| matches!(e, ast::PatternElement::Placeable { .. }))
    {
        findings.push(term_finding(not_plain(
            "has placeables (variables, selectors or references)",
        )));
    }
    collect_term_references(
        &from,
        std::iter::once(&term.value).chain(term.attributes.iter().map(|a| &a.value)),
        file,
        lines,
        term_references,
    );
    terms.insert(name, place);
}

/// Records every term reference in `patterns` (those of entry `from`).
fn collect_term_references<'p>(
    from: &str,
    patterns: impl Iterator<Item = &'p ast::Pattern<&'p str>>,
    file: &SourceFile,
    lines: &LineIndex<'_>,
    references: &mut Vec<TermReference>,
) {
    fn pattern(pattern: &ast::Pattern<&str>, found: &mut dyn FnMut(&ast::InlineExpression<&str>)) {
        for element in &pattern.elements {
            if let ast::PatternElement::Placeable { expression } = element {
                expression_(expression, found);
            }
        }
    }
    fn expression_(
        expression: &ast::Expression<&str>,
        found: &mut dyn FnMut(&ast::InlineExpression<&str>),
    ) {
        match expression {
            ast::Expression::Inline(inline) => inline_(inline, found),
            ast::Expression::Select { selector, variants } => {
                inline_(selector, found);
                for variant in variants {
                    pattern(&variant.value, found);
                }
            }
        }
    }
    fn inline_(
        inline: &ast::InlineExpression<&str>,
        found: &mut dyn FnMut(&ast::InlineExpression<&str>),
    ) {
        match inline {
            ast::InlineExpression::TermReference { arguments, .. } => {
                found(inline);
                for argument in arguments.iter().flat_map(|a| &a.positional) {
                    inline_(argument, found);
                }
            }
            ast::InlineExpression::FunctionReference { arguments, .. } => {
                for argument in &arguments.positional {
                    inline_(argument, found);
                }
                for argument in &arguments.named {
                    inline_(&argument.value, found);
                }
            }
            ast::InlineExpression::Placeable { expression } => expression_(expression, found),
            _ => {}
        }
    }
    let mut found = |inline: &ast::InlineExpression<&str>| {
        let ast::InlineExpression::TermReference {
            id,
            attribute,
            arguments,
        } = inline
        else {
            return;
        };
        let not_plain = match (attribute, arguments) {
            (Some(attribute), _) => Some(format!(
                "is referenced with an attribute (-{}.{})",
                id.name, attribute.name
            )),
            (None, Some(_)) => Some("is referenced with arguments".to_owned()),
            (None, None) => None,
        };
        references.push(TermReference {
            term: id.name.to_owned(),
            from: from.to_owned(),
            place: Place {
                file: file.path.clone(),
                // The dash before the name starts the reference.
                position: offset_in(&file.text, id.name)
                    .map(|o| lines.position(o.saturating_sub(1))),
            },
            not_plain,
        });
    };
    for p in patterns {
        pattern(p, &mut found);
    }
}

/// Checks a locale's terms: every reference names a term of the locale and is plain, every
/// term is referenced.
fn check_terms(locale: &ParsedLocale, findings: &mut Vec<Finding>) {
    let finding = |place: &Place, id: &str, kind| Finding {
        file: place.file.clone(),
        position: place.position,
        locale: locale.tag.clone(),
        id: Some(id.to_owned()),
        kind,
    };
    for reference in &locale.term_references {
        if !locale.terms.contains_key(&reference.term) {
            findings.push(finding(
                &reference.place,
                &reference.from,
                FindingKind::UnknownTerm {
                    term: reference.term.clone(),
                },
            ));
        }
        if let Some(why) = &reference.not_plain {
            findings.push(finding(
                &reference.place,
                &reference.from,
                FindingKind::NotPlainTerm {
                    term: reference.term.clone(),
                    why: why.clone(),
                },
            ));
        }
    }
    for (term, place) in &locale.terms {
        // A term referenced only by itself is unused all the same.
        let own = format!("-{term}");
        if !locale
            .term_references
            .iter()
            .any(|r| r.term == *term && r.from != own)
        {
            findings.push(finding(
                place,
                &own,
                FindingKind::UnusedTerm { term: term.clone() },
            ));
        }
    }
}

/// Checks a locale against the catalog and, for the page texts, against the source locale.
/// `source` is `None` when `locale` is the source itself.
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
    // Expected shapes: the catalog's, then the source locale's other messages.
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
    match source {
        Some(source) => {
            for (id, message) in &source.messages {
                expected
                    .entry(id.as_str())
                    .or_insert_with(|| (message.shape.clone(), Some(message)));
            }
        }
        // The source defines the page texts: accept its own non-catalog messages as they are.
        None => {
            for (id, message) in &locale.messages {
                expected
                    .entry(id.as_str())
                    .or_insert_with(|| (message.shape.clone(), None));
            }
        }
    }

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

/// The plural categories of `langid`'s cardinal rules (current CLDR, from ICU4X, the rules the
/// localizer selects with) that integers reach: `required`, those of the integers 0 to 1000,
/// which every selector on a number must have a variant for; `reachable`, those and the ones
/// only large round numbers reach (French, Spanish and Portuguese "many", for a million),
/// which a selector may leave to its default variant. A category only fractions reach (Polish
/// "other") needs no variant: parameters are integers.
pub fn integer_plural_categories(langid: &LanguageIdentifier) -> PluralCategories {
    let numbers = crate::number::Numbers::new(&langid.to_string());
    let mut required = Vec::new();
    let mut reachable = Vec::new();
    let large = (4..=15).map(|e| 10u64.pow(e));
    for (n, is_required) in (0..=1_000u64)
        .map(|n| (n, true))
        .chain(large.map(|n| (n, false)))
    {
        let name = numbers.category(n);
        if is_required && !required.contains(&name) {
            required.push(name);
        }
        if !reachable.contains(&name) {
            reachable.push(name);
        }
    }
    let order = |c: &&str| CATEGORIES.iter().position(|k| k == c);
    required.sort_by_key(order);
    reachable.sort_by_key(order);
    PluralCategories {
        required,
        reachable,
    }
}

/// The CLDR plural category (current CLDR, as the localizer selects with) of the integer `n` in
/// the locale `tag`, by name (`"many"`): what an exporter that cannot select needs to pick
/// the variant the localizer would.
pub fn integer_plural_category(tag: &str, n: u64) -> &'static str {
    crate::number::Numbers::new(tag).category(n)
}

/// What [`integer_plural_categories`] finds, in CLDR order (zero, one, two, few, many, other).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PluralCategories {
    /// The categories of the integers 0 to 1000.
    pub required: Vec<&'static str>,
    /// Every category an integer reaches.
    pub reachable: Vec<&'static str>,
}

use crate::number::PLURAL_CATEGORIES as CATEGORIES;

fn check_plurals(
    langid: &LanguageIdentifier,
    numeric: &BTreeSet<&str>,
    message: &ParsedMessage,
    report: &mut dyn FnMut(Option<Position>, FindingKind),
) {
    let mut categories = None;
    for (variable, keys, position) in &message.selects {
        if !numeric.contains(variable.as_str()) {
            continue;
        }
        let reachable = categories.get_or_insert_with(|| integer_plural_categories(langid));
        for key in keys {
            let key_kind = if !CATEGORIES.contains(&key.as_str()) {
                // Exact numbers (`[0]`) are fine; anything else is a typo.
                key.parse::<f64>()
                    .is_err()
                    .then(|| FindingKind::UnknownVariantKey {
                        variable: variable.clone(),
                        key: key.clone(),
                    })
            } else if key != "other" && !reachable.reachable.contains(&key.as_str()) {
                Some(FindingKind::UnreachablePluralVariant {
                    variable: variable.clone(),
                    key: key.clone(),
                })
            } else {
                None
            };
            if let Some(kind) = key_kind {
                report(*position, kind);
            }
        }
        for category in &reachable.required {
            if !keys.iter().any(|k| k == category) {
                report(
                    *position,
                    FindingKind::MissingPluralVariant {
                        variable: variable.clone(),
                        category,
                    },
                );
            }
        }
    }
}

type Selects = Vec<(String, Vec<String>, Option<Position>)>;

fn collect_pattern(
    pattern: &ast::Pattern<&str>,
    vars: &mut BTreeSet<String>,
    selects: &mut Selects,
    text: &str,
    at: Option<Position>,
) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            collect_expression(expression, vars, selects, text, at);
        }
    }
}

fn collect_expression(
    expression: &ast::Expression<&str>,
    vars: &mut BTreeSet<String>,
    selects: &mut Selects,
    text: &str,
    at: Option<Position>,
) {
    match expression {
        ast::Expression::Inline(inline) => collect_inline(inline, vars, selects, text, at),
        ast::Expression::Select { selector, variants } => {
            collect_inline(selector, vars, selects, text, at);
            if let ast::InlineExpression::VariableReference { id } = selector {
                let keys = variants
                    .iter()
                    .map(|v| match &v.key {
                        ast::VariantKey::Identifier { name }
                        | ast::VariantKey::NumberLiteral { value: name } => (*name).to_owned(),
                    })
                    .collect();
                selects.push((id.name.to_owned(), keys, at));
            }
            for variant in variants {
                collect_pattern(&variant.value, vars, selects, text, at);
            }
        }
    }
}

fn collect_inline(
    inline: &ast::InlineExpression<&str>,
    vars: &mut BTreeSet<String>,
    selects: &mut Selects,
    text: &str,
    at: Option<Position>,
) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_owned());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                collect_inline(argument, vars, selects, text, at);
            }
            for argument in &arguments.named {
                collect_inline(&argument.value, vars, selects, text, at);
            }
        }
        ast::InlineExpression::Placeable { expression } => {
            collect_expression(expression, vars, selects, text, at);
        }
        // Literals, and references to messages and terms, provide no variables of their own.
        _ => {}
    }
}

/// The byte offset of `part` in `text`, when `part` is a slice of it.
///
/// The parser of `fluent-syntax` returns slices of the text it parsed (for a `&str` source),
/// so a message's id tells where the message starts without searching the file for it, and a
/// duplicate points at its own definition. The check keeps this safe if that ever changes:
/// a slice from elsewhere gives no position rather than a wrong one.
pub(crate) fn offset_in(text: &str, part: &str) -> Option<usize> {
    let offset = part.as_ptr().addr().checked_sub(text.as_ptr().addr())?;
    let end = offset.checked_add(part.len())?;
    (end <= text.len() && text.get(offset..end) == Some(part)).then_some(offset)
}

/// Where each line of a text starts, found in one pass, so that every position in the text is
/// a binary search and a walk along one line instead of a rescan of everything before it.
pub(crate) struct LineIndex<'t> {
    text: &'t str,
    /// Byte offset of the start of each line; the first is 0.
    starts: Vec<usize>,
}

impl<'t> LineIndex<'t> {
    pub(crate) fn new(text: &'t str) -> Self {
        crate::probe::bytes(text.len());
        let starts = core::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Self { text, starts }
    }

    /// The 1-based line and column (in characters) of a byte offset, clamped to the text, so
    /// it never panics.
    pub(crate) fn position(&self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        // `starts[0] == 0 <= offset`, so at least one start is before or at `offset`.
        let line = self.starts.partition_point(|&start| start <= offset).max(1);
        let line_start = self.starts.get(line - 1).copied().unwrap_or(0);
        let on_line = self.text.get(line_start..offset).unwrap_or("");
        crate::probe::bytes(on_line.len());
        Position {
            line,
            column: on_line.chars().count() + 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Finding, FindingKind, Position, parse_locale};
    use crate::probe;
    use crate::source::{LocaleFiles, SourceFile};

    /// `n` messages, every tenth one broken (a syntax error), and the first one defined again
    /// on the last line.
    fn big_file(n: usize) -> SourceFile {
        use std::fmt::Write as _;

        let mut text = String::new();
        for i in 0..n {
            if i % 10 == 9 {
                let _ = writeln!(text, "broken-{i} = {{");
            } else {
                let _ = writeln!(text, "message-{i} = Text number {i} with {{ $value }}");
            }
        }
        // The parser's recovery from the broken entry before swallows `filler`.
        text.push_str("filler = x\nmessage-0 = again\n");
        SourceFile {
            path: "locales/xx/big.ftl".into(),
            name: "big.ftl".into(),
            text,
        }
    }

    #[test]
    fn a_position_inside_a_character_is_that_characters() {
        let index = super::LineIndex::new("a\u{e9}\nb");
        // Byte 2 is inside "é" (bytes 1 and 2): the position of "é", column 2.
        assert_eq!(index.position(2), Position { line: 1, column: 2 });
        assert_eq!(index.position(4), Position { line: 2, column: 1 });
    }

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

    #[test]
    fn positions_are_computed_in_one_pass_over_the_file() {
        const N: usize = 3000;
        let file = big_file(N);
        let mut findings = Vec::new();
        crate::probe::take();
        let parsed = parse_locale("xx", std::slice::from_ref(&file), &mut findings);
        let read = probe::take();
        let size = file.text.len();
        eprintln!("{read} bytes read for positions in a file of {size}");
        // Rescanning the file for each message and each error read about N * size / 2 bytes
        // (over 100 MB here); one pass and a binary search per position read each byte about
        // once, plus the start of the line of each position.
        assert!(read <= 3 * size, "{read} bytes read for a file of {size}");
        // And the whole file is counted once, so the bound measures something.
        assert!(read >= size, "{read} bytes read for a file of {size}");
        // The parser's recovery from a broken entry also drops the message after it (the last
        // broken one drops `filler`).
        assert_eq!(parsed.messages.len(), N - 2 * (N / 10) + 1);
        let syntax = findings
            .iter()
            .filter(|f| matches!(f.kind, FindingKind::Syntax(_)))
            .count();
        assert!(syntax >= N / 10, "{syntax} syntax findings");
        assert_eq!(
            parsed.messages["message-1"].position,
            Some(Position { line: 2, column: 1 })
        );
        assert_eq!(
            parsed.messages["message-2998"].position,
            Some(Position {
                line: 2999,
                column: 1
            })
        );
        let broken: Vec<&Finding> = findings
            .iter()
            .filter(|f| matches!(f.kind, FindingKind::Syntax(_)))
            .collect();
        assert_eq!(
            broken[0].position,
            Some(Position {
                line: 10,
                column: 1
            })
        );
        // The duplicate points at its own definition, the file's last line.
        let duplicate = findings
            .iter()
            .find(|f| f.kind == FindingKind::Duplicate)
            .expect("a duplicate finding");
        assert_eq!(
            duplicate.position,
            Some(Position {
                line: N + 2,
                column: 1
            })
        );
    }
}
