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

use fluent_syntax::ast;
use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
use omnia_errors::{AnyCode, ParamKind};
use unic_langid::LanguageIdentifier;

/// One Fluent file: where it comes from and its text.
#[derive(Clone, Debug)]
pub struct SourceFile {
    /// The path shown in findings, e.g. `locales/pl-PL/errors.ftl`.
    pub path: String,
    /// The file's name inside its locale folder, e.g. `errors.ftl`.
    pub name: String,
    /// The FTL source.
    pub text: String,
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
    /// A plural variant the locale's rules never select for an integer (e.g. `[many]` in
    /// French: CLDR 38+, which JavaScript follows, selects it for 1000000; the CLDR 37 rules of
    /// fluent-bundle never do, so Rust and JavaScript UIs would show different texts).
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
            FindingKind::BadLocaleTag => {
                f.write_str("the folder name is not a BCP 47 language tag (e.g. pt-PT)")
            }
            FindingKind::Duplicate => f.write_str("defined more than once in this locale"),
            FindingKind::Unexpected => {
                f.write_str("no such message in the catalog or the source locale (en-US); remove it or fix its id")
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
                "the selector on ${variable} has a [{key}] variant, which this locale's plural rules (CLDR 37, as fluent-bundle has them) never select for an integer; JavaScript's newer CLDR may, so Rust and JavaScript would disagree: remove it"
            ),
            FindingKind::UnknownVariantKey { variable, key } => write!(
                f,
                "the selector on ${variable} has a [{key}] variant, which is not a plural category (zero, one, two, few, many, other)"
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

impl Finding {
    /// A parser error, pointing at the start of the broken entry and saying where parsing
    /// failed.
    pub(crate) fn syntax(
        locale: &str,
        file: &SourceFile,
        error: &fluent_syntax::parser::ParserError,
    ) -> Self {
        let failed = position(&file.text, error.pos.start);
        let entry = error
            .slice
            .clone()
            .map_or(failed, |s| position(&file.text, s.start));
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

    pub(crate) fn bad_locale_tag(locale: &crate::LocaleFiles) -> Self {
        Self {
            file: locale
                .files
                .first()
                .map_or_else(|| locale.tag.clone(), |f| f.path.clone()),
            position: None,
            locale: locale.tag.clone(),
            id: None,
            kind: FindingKind::BadLocaleTag,
        }
    }

    pub(crate) fn missing_source() -> Self {
        Self {
            file: format!("locales/{}", crate::SOURCE_LOCALE),
            position: None,
            locale: crate::SOURCE_LOCALE.to_owned(),
            id: None,
            kind: FindingKind::Missing,
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
        let resource = match fluent_syntax::parser::parse(file.text.as_str()) {
            Ok(resource) => resource,
            Err((resource, errors)) => {
                findings.extend(errors.iter().map(|e| Finding::syntax(tag, file, e)));
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
                        &mut term_references,
                    );
                }
                ast::Entry::Term(term) => {
                    record_term(tag, file, term, &mut terms, &mut term_references, findings);
                }
                _ => {}
            }
            let ast::Entry::Message(message) = entry else {
                continue;
            };
            let id = message.id.name.to_owned();
            let at = entry_offset(&file.text, &id).map(|o| position(&file.text, o));
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
    term: &ast::Term<&str>,
    terms: &mut BTreeMap<String, Place>,
    term_references: &mut Vec<TermReference>,
    findings: &mut Vec<Finding>,
) {
    let name = term.id.name.to_owned();
    let place = Place {
        file: file.path.clone(),
        position: offset_in(&file.text, term.id.name)
            .map(|o| position(&file.text, o.saturating_sub(1))),
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
        term_references,
    );
    terms.insert(name, place);
}

/// The byte offset of `part` in `text`, when `part` is a slice of it (as the parser's
/// identifiers are): the exact place of a reference, without searching for it.
fn offset_in(text: &str, part: &str) -> Option<usize> {
    let start = (part.as_ptr() as usize).checked_sub(text.as_ptr() as usize)?;
    (start + part.len() <= text.len()).then_some(start)
}

/// Records every term reference in `patterns` (those of entry `from`).
fn collect_term_references<'p>(
    from: &str,
    patterns: impl Iterator<Item = &'p ast::Pattern<&'p str>>,
    file: &SourceFile,
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
                    .map(|o| position(&file.text, o.saturating_sub(1))),
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

/// The plural categories that integers reach in `langid`'s cardinal rules (the rules
/// fluent-bundle itself uses, from `intl_pluralrules`). Parameters are integers, so a category
/// only fractions reach (Polish "other") needs no explicit variant.
pub fn integer_plural_categories(langid: &LanguageIdentifier) -> Vec<&'static str> {
    let Some(rules) = plural_rules(langid) else {
        return Vec::new();
    };
    let samples = (0..=1_000u64).chain((4..=15).map(|e| 10u64.pow(e)));
    let mut categories = Vec::new();
    for n in samples {
        if let Ok(category) = rules.select(n) {
            let name = category_name(category);
            if !categories.contains(&name) {
                categories.push(name);
            }
        }
    }
    categories.sort_by_key(|c| CATEGORIES.iter().position(|k| k == c));
    categories
}

/// The cardinal plural rules of `langid`, resolved exactly as fluent-bundle does
/// (`types/plural.rs`): lookup among the rules' locales, English when none matches.
pub(crate) fn plural_rules(langid: &LanguageIdentifier) -> Option<PluralRules> {
    let default = LanguageIdentifier::from_parts(
        unic_langid::subtags::Language::from_bytes(b"en")
            .ok()
            .unwrap_or_default(),
        None,
        None,
        &[],
    );
    let rules_locales = PluralRules::get_locales(PluralRuleType::CARDINAL);
    let resolved = fluent_langneg::negotiate_languages(
        std::slice::from_ref(langid),
        &rules_locales,
        Some(&default),
        fluent_langneg::NegotiationStrategy::Lookup,
    );
    resolved
        .first()
        .and_then(|l| PluralRules::create((*l).clone(), PluralRuleType::CARDINAL).ok())
}

/// The plural category `rules` give the integer `n`, by name (`"many"`).
pub(crate) fn integer_category(rules: &PluralRules, n: u64) -> Option<&'static str> {
    rules.select(n).ok().map(category_name)
}

#[allow(clippy::needless_pass_by_value)] // `PluralCategory` is a small enum, but not `Copy`.
const fn category_name(category: PluralCategory) -> &'static str {
    match category {
        PluralCategory::ZERO => "zero",
        PluralCategory::ONE => "one",
        PluralCategory::TWO => "two",
        PluralCategory::FEW => "few",
        PluralCategory::MANY => "many",
        PluralCategory::OTHER => "other",
    }
}

const CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

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
            } else if key != "other" && !reachable.contains(&key.as_str()) {
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
        for category in reachable.iter() {
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

/// The byte offset where message `id` is defined: at the start of a line, followed by `=`.
fn entry_offset(text: &str, id: &str) -> Option<usize> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if let Some(rest) = line.strip_prefix(id)
            && rest.trim_start().starts_with('=')
        {
            return Some(offset);
        }
        offset += line.len();
    }
    None
}

/// The 1-based line and column of a byte offset (clamped to the text, never panics).
pub(crate) fn position(text: &str, offset: usize) -> Position {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    Position {
        line,
        column: text[line_start..offset].chars().count() + 1,
    }
}
