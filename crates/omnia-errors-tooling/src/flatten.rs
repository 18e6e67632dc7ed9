//! Fluent messages flattened to text with `{placeholder}`s, for the exporters whose formats
//! do not run Fluent (OMNIA language files, JSON message catalogs): terms and message
//! references inlined, selections replaced by a variant (or, for the JSON catalog, one kept
//! whole), and every simplification reported.

use std::collections::HashMap;
use std::fmt::{self, Write as _};

use fluent_syntax::ast;
use omnia_errors::AnyCode;
use omnia_errors_fluent::{Finding, LocaleFiles, PLURAL_CATEGORIES};

use crate::{DeclaredLocale, Locales};

/// The Fluent attribute exported as the contextual text.
pub(crate) const CONTEXT_ATTRIBUTE: &str = "context";
/// The Fluent attribute that is documentation only, never exported.
pub(crate) const NOTE_ATTRIBUTE: &str = "note";

/// Why an exporter could not read a locale's messages.
#[derive(Debug)]
#[non_exhaustive]
pub enum LocaleError {
    /// We have no messages for this locale.
    Unknown {
        /// The tag asked for, as given.
        tag: String,
        /// The locales we have, by tag.
        available: Vec<String>,
    },
    /// The locale's Fluent files do not parse: every syntax error.
    Fluent(Vec<Finding>),
}

impl fmt::Display for LocaleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Unknown { tag, available } => write!(
                f,
                "no messages for locale {tag:?} (available: {})",
                available.join(", ")
            ),
            Self::Fluent(findings) => omnia_errors_fluent::FindingList(findings).fmt(f),
        }
    }
}

impl std::error::Error for LocaleError {}

/// A locale as the exporters read it: its declaration and its files, parsed.
pub(crate) struct ReadLocale<'a> {
    pub(crate) declared: &'a DeclaredLocale,
    pub(crate) tag: &'a str,
    pub(crate) resources: Vec<ast::Resource<&'a str>>,
}

/// The names of `code`'s number parameters (`maxLength`): what a plural selects on.
pub(crate) fn number_params(code: AnyCode) -> Vec<&'static str> {
    code.params()
        .iter()
        .filter(|p| p.kind == omnia_errors::ParamKind::Number)
        .map(|p| p.name)
        .collect()
}

/// The locale of `locales` whose tag is `tag` as a language tag
/// ([`Locales::find`](crate::Locales::find)), parsed.
pub(crate) fn read_locale<'a>(
    locales: &'a Locales,
    tag: &str,
) -> Result<ReadLocale<'a>, LocaleError> {
    let (declared, files) = locales.find(tag).ok_or_else(|| LocaleError::Unknown {
        tag: tag.to_owned(),
        available: locales.tags().map(str::to_owned).collect(),
    })?;
    Ok(ReadLocale {
        declared,
        tag: &files.tag,
        resources: parse_locale(files).map_err(LocaleError::Fluent)?,
    })
}

/// How deep message and term references are inlined before giving up (a cycle, or nonsense).
const MAX_REFERENCE_DEPTH: usize = 8;

/// Something of a Fluent message that OMNIA's syntax cannot express, and what the export did
/// instead.
///
/// Its `Display` is one line: `pl-PL validation-TextMaxLengthMismatch: plural select on
/// $maxLength exported as its [other] variant`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Simplification {
    /// The locale's tag.
    pub locale: String,
    /// The code whose message was simplified.
    pub code: AnyCode,
    /// The Fluent message id, followed by `.context` when the simplification is in that
    /// attribute (or concerns another attribute, by its name).
    pub id: String,
    /// What was simplified, and how.
    pub what: String,
}

impl fmt::Display for Simplification {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}: {}", self.locale, self.id, self.what)
    }
}

/// Parses every file of `locale`; every syntax error when one does not parse.
pub(crate) fn parse_locale(locale: &LocaleFiles) -> Result<Vec<ast::Resource<&str>>, Vec<Finding>> {
    let mut findings = Vec::new();
    let resources = locale
        .files
        .iter()
        .map(
            |file| match fluent_syntax::parser::parse(file.text.as_str()) {
                Ok(resource) => resource,
                Err((resource, errors)) => {
                    findings.extend(Finding::syntax_errors(&locale.tag, file, &errors));
                    resource
                }
            },
        )
        .collect();
    if findings.is_empty() {
        Ok(resources)
    } else {
        Err(findings)
    }
}

/// A locale's messages and terms, by id; the first definition wins, as in a Fluent bundle.
pub(crate) struct Entries<'a> {
    messages: HashMap<&'a str, &'a ast::Message<&'a str>>,
    terms: HashMap<&'a str, &'a ast::Term<&'a str>>,
}

/// A code's message as the exporters read it: its value and its `.context` attribute.
pub(crate) struct CodeMessage<'a> {
    pub(crate) code: AnyCode,
    pub(crate) value: Option<&'a ast::Pattern<&'a str>>,
    pub(crate) context: Option<&'a ast::Pattern<&'a str>>,
}

/// The simplifications of one locale's export, in the order they are made.
pub(crate) struct Report<'t> {
    tag: &'t str,
    simplifications: Vec<Simplification>,
}

impl<'t> Report<'t> {
    pub(crate) fn new(tag: &'t str) -> Self {
        Self {
            tag,
            simplifications: Vec::new(),
        }
    }

    /// Notes that the export of `code`'s message (at `at`: its id, or `id.attribute`)
    /// simplified `what`.
    pub(crate) fn simplify(&mut self, code: AnyCode, at: &str, what: impl Into<String>) {
        self.simplifications.push(Simplification {
            locale: self.tag.to_owned(),
            code,
            id: at.to_owned(),
            what: what.into(),
        });
    }

    pub(crate) fn into_simplifications(self) -> Vec<Simplification> {
        self.simplifications
    }
}

/// The values of a term's arguments while its pattern is converted; `None` outside terms,
/// where a variable is an OMNIA placeholder.
type Scope<'s> = Option<&'s [(&'s str, String)]>;

/// Whether a select (outside terms) is kept whole rather than replaced by its default variant:
/// `Ok((variable, keys))`, the variable it selects on and the key to give each variant, in
/// order; or `Err(why)` not, which the simplification reports.
pub(crate) type KeepSelect<'k> = &'k dyn Fn(
    &ast::InlineExpression<&str>,
    &[ast::Variant<&str>],
) -> Result<(String, Vec<String>), String>;

/// A select kept whole by [`Entries::convert_keeping_select`].
pub(crate) struct KeptSelect {
    /// Where the select was in the converted text (a byte offset): each variant goes there.
    pub(crate) at: usize,
    /// The variable it selects on.
    pub(crate) variable: String,
    /// Each variant's key (as `KeepSelect` gave it) and converted text, in source order.
    pub(crate) variants: Vec<(String, String)>,
    /// The position of the default variant in `variants`.
    pub(crate) default: usize,
}

/// Which select a conversion keeps whole.
enum Keeping<'k> {
    /// None: every select gives its default variant (OMNIA's syntax has no selections).
    Never,
    /// The first one `KeepSelect` accepts.
    First(KeepSelect<'k>),
    /// None more: one on this variable is kept already.
    Done(String),
}

impl<'a> Entries<'a> {
    pub(crate) fn new(resources: &'a [ast::Resource<&'a str>]) -> Self {
        let mut entries = Self {
            messages: HashMap::new(),
            terms: HashMap::new(),
        };
        for resource in resources {
            for entry in &resource.body {
                match entry {
                    ast::Entry::Message(message) => {
                        entries.messages.entry(message.id.name).or_insert(message);
                    }
                    ast::Entry::Term(term) => {
                        entries.terms.entry(term.id.name).or_insert(term);
                    }
                    _ => {}
                }
            }
        }
        entries
    }

    /// Every code of the catalog that has a message here, in catalog order, with its value and
    /// (first) `.context`: the walk both exporters share. A code without a message is reported
    /// as `left_out` says what the export does without it; attributes other than `.context`
    /// (exported) and `.note` (documentation) as not exported.
    pub(crate) fn catalog_messages(
        &self,
        report: &mut Report<'_>,
        left_out: &dyn Fn(AnyCode) -> String,
    ) -> Vec<CodeMessage<'a>> {
        let mut found = Vec::new();
        for code in AnyCode::all() {
            let id = code.fluent_id();
            let Some(message) = self.messages.get(id) else {
                let what = format!("no such message in this locale; {}", left_out(code));
                report.simplify(code, id, what);
                continue;
            };
            let mut context = None;
            for attribute in &message.attributes {
                match attribute.id.name {
                    CONTEXT_ATTRIBUTE if context.is_none() => context = Some(&attribute.value),
                    NOTE_ATTRIBUTE => {}
                    other => {
                        report.simplify(code, &format!("{id}.{other}"), "attribute not exported");
                    }
                }
            }
            found.push(CodeMessage {
                code,
                value: message.value.as_ref(),
                context,
            });
        }
        found
    }

    /// Converts the pattern of message `id` (`id.attribute` for an attribute's) to OMNIA's
    /// syntax, reporting each simplification to `simplified`. A plural selection gives the
    /// variant Fluent picks for every number of `typical` (with its plural category) when that
    /// is one variant, else its default variant.
    pub(crate) fn convert_for_omnia(
        &self,
        id: &str,
        pattern: &ast::Pattern<&str>,
        typical: &[(u64, &'static str)],
        simplified: &mut dyn FnMut(String),
    ) -> String {
        let mut converter = Converter {
            entries: self,
            simplified,
            references: vec![id.to_owned()],
            keeping: Keeping::Never,
            kept: None,
            typical,
        };
        let mut out = String::new();
        converter.pattern(pattern, None, &mut out);
        out
    }

    /// Like [`Entries::convert`], but the first select `keep` accepts is kept whole: the text
    /// around it, and each of its variants converted (where any other select gives its default
    /// variant, as do the selects after it).
    pub(crate) fn convert_keeping_select(
        &self,
        id: &str,
        pattern: &ast::Pattern<&str>,
        keep: KeepSelect<'_>,
        simplified: &mut dyn FnMut(String),
    ) -> (String, Option<KeptSelect>) {
        let mut converter = Converter {
            entries: self,
            simplified,
            references: vec![id.to_owned()],
            keeping: Keeping::First(keep),
            kept: None,
            typical: &[],
        };
        let mut out = String::new();
        converter.pattern(pattern, None, &mut out);
        (out, converter.kept)
    }
}

struct Converter<'c, 'a> {
    entries: &'c Entries<'a>,
    simplified: &'c mut dyn FnMut(String),
    /// The messages and terms being inlined, innermost last, to stop at a cycle.
    references: Vec<String>,
    /// Which select is kept whole, if any.
    keeping: Keeping<'c>,
    /// The select kept whole.
    kept: Option<KeptSelect>,
    /// Typical numbers with their plural category: a plural selection outside terms gives the
    /// variant Fluent picks for all of them, when it is one (empty: always the default).
    typical: &'c [(u64, &'static str)],
}

impl Converter<'_, '_> {
    fn pattern(&mut self, pattern: &ast::Pattern<&str>, scope: Scope<'_>, out: &mut String) {
        for element in &pattern.elements {
            match element {
                ast::PatternElement::TextElement { value } => out.push_str(value),
                ast::PatternElement::Placeable { expression } => {
                    self.expression(expression, scope, out);
                }
            }
        }
    }

    fn expression(
        &mut self,
        expression: &ast::Expression<&str>,
        scope: Scope<'_>,
        out: &mut String,
    ) {
        match expression {
            ast::Expression::Inline(inline) => self.inline(inline, scope, out),
            ast::Expression::Select { selector, variants } => {
                // Inside a term, a selector on one of its arguments picks a variant exactly as
                // Fluent does: nothing is simplified.
                let argument = match (selector, scope) {
                    (ast::InlineExpression::VariableReference { id }, Some(arguments)) => {
                        arguments.iter().find(|(name, _)| *name == id.name)
                    }
                    _ => None,
                };
                let picked = argument.and_then(|(_, value)| {
                    variants.iter().find(|v| variant_key_matches(&v.key, value))
                });
                if let Some(variant) = picked {
                    self.pattern(&variant.value, scope, out);
                    return;
                }
                let Some(default) = variants.iter().find(|v| v.default).or(variants.last()) else {
                    return;
                };
                let plural = variants.iter().all(|v| match &v.key {
                    ast::VariantKey::Identifier { name } => PLURAL_CATEGORIES.contains(name),
                    ast::VariantKey::NumberLiteral { .. } => true,
                });
                if plural
                    && scope.is_none()
                    && let Some((index, key)) = self.typical_variant(variants)
                {
                    let numbers: Vec<String> =
                        self.typical.iter().map(|(n, _)| n.to_string()).collect();
                    let numbers = match numbers.split_last() {
                        Some((last, rest)) if !rest.is_empty() => {
                            format!("{} and {last}", rest.join(", "))
                        }
                        _ => numbers.join(""),
                    };
                    (self.simplified)(format!(
                        "plural select on {} exported as its [{key}] variant, the one Fluent picks for {numbers}",
                        describe(selector),
                    ));
                    self.pattern(&variants[index].value, scope, out);
                    return;
                }
                let why = match self.keep(selector, variants, scope, out.len()) {
                    Ok(()) => return,
                    Err(why) => why.map(|why| format!(" ({why})")).unwrap_or_default(),
                };
                (self.simplified)(format!(
                    "{} on {} exported as its [{}] variant{why}",
                    if plural { "plural select" } else { "select" },
                    describe(selector),
                    variant_key(&default.key),
                ));
                self.pattern(&default.value, scope, out);
            }
        }
    }

    /// The variant (its position and key) a plural selection gives for every typical number,
    /// as Fluent picks it: the first variant whose key is the number or its plural category,
    /// else the default. `None` when the numbers do not all pick the same one, or there are none.
    fn typical_variant<'v>(
        &self,
        variants: &'v [ast::Variant<&'v str>],
    ) -> Option<(usize, &'v str)> {
        let default = variants
            .iter()
            .position(|v| v.default)
            .or(variants.len().checked_sub(1))?;
        let mut picked = None;
        for (n, category) in self.typical {
            let value = n.to_string();
            let index = variants
                .iter()
                .position(|v| match v.key {
                    ast::VariantKey::NumberLiteral { .. } => variant_key_matches(&v.key, &value),
                    ast::VariantKey::Identifier { name } => name == *category,
                })
                .unwrap_or(default);
            match picked {
                None => picked = Some(index),
                Some(p) if p == index => {}
                Some(_) => return None,
            }
        }
        picked.map(|i| (i, variant_key(&variants[i].key)))
    }

    /// Keeps a select whole if the conversion keeps one and it is that one, else says why not
    /// (nothing when the conversion keeps none).
    fn keep(
        &mut self,
        selector: &ast::InlineExpression<&str>,
        variants: &[ast::Variant<&str>],
        scope: Scope<'_>,
        at: usize,
    ) -> Result<(), Option<String>> {
        let keep = match &self.keeping {
            Keeping::Never => return Err(None),
            Keeping::Done(variable) => {
                return Err(Some(format!(
                    "only one select is kept, and the message selects on ${variable}"
                )));
            }
            Keeping::First(keep) => *keep,
        };
        if scope.is_some() {
            return Err(Some("a select inside a term is not kept".to_owned()));
        }
        let (variable, keys) = keep(selector, variants).map_err(Some)?;
        self.keeping = Keeping::Done(variable.clone());
        let mut converted = Vec::with_capacity(variants.len());
        for (key, variant) in keys.into_iter().zip(variants) {
            let mut text = String::new();
            self.pattern(&variant.value, scope, &mut text);
            converted.push((key, text));
        }
        self.kept = Some(KeptSelect {
            at,
            variable,
            default: variants
                .iter()
                .position(|v| v.default)
                .unwrap_or(variants.len().saturating_sub(1)),
            variants: converted,
        });
        Ok(())
    }

    fn inline(&mut self, inline: &ast::InlineExpression<&str>, scope: Scope<'_>, out: &mut String) {
        match inline {
            ast::InlineExpression::VariableReference { id } => match scope {
                None => {
                    let _ = write!(out, "{{{}}}", id.name);
                }
                Some(arguments) => match arguments.iter().find(|(name, _)| *name == id.name) {
                    Some((_, value)) => out.push_str(value),
                    None => (self.simplified)(format!(
                        "term variable ${} without an argument dropped",
                        id.name
                    )),
                },
            },
            ast::InlineExpression::StringLiteral { value } => {
                let text = fluent_syntax::unicode::unescape_unicode_to_string(value);
                if text.contains(['{', '}']) {
                    (self.simplified)(format!(
                        "string literal {text:?} inlined; OMNIA reads its braces as a placeholder"
                    ));
                }
                out.push_str(&text);
            }
            ast::InlineExpression::NumberLiteral { value } => {
                (self.simplified)(format!("number literal {value} inlined as text"));
                out.push_str(value);
            }
            ast::InlineExpression::FunctionReference { id, arguments } => {
                match arguments.positional.first() {
                    Some(first) => {
                        (self.simplified)(format!(
                            "function {} exported as its first argument",
                            describe(inline)
                        ));
                        self.inline(first, scope, out);
                    }
                    None => (self.simplified)(format!(
                        "function {}() without arguments dropped",
                        id.name
                    )),
                }
            }
            ast::InlineExpression::MessageReference { id, attribute } => {
                let pattern = self.entries.messages.get(id.name).and_then(|m| {
                    entry_pattern(m.value.as_ref(), &m.attributes, attribute.as_ref())
                });
                self.reference("message", describe(inline), pattern, None, true, out);
            }
            ast::InlineExpression::TermReference { .. } => self.term_reference(inline, out),
            ast::InlineExpression::Placeable { expression } => {
                self.expression(expression, scope, out);
            }
        }
    }

    /// Inlines a term: with its named arguments (literals, by Fluent's grammar; positional ones
    /// Fluent ignores too) as the values of its variables.
    fn term_reference(&mut self, inline: &ast::InlineExpression<&str>, out: &mut String) {
        let ast::InlineExpression::TermReference {
            id,
            attribute,
            arguments,
        } = inline
        else {
            return;
        };
        let pattern = self
            .entries
            .terms
            .get(id.name)
            .and_then(|t| entry_pattern(Some(&t.value), &t.attributes, attribute.as_ref()));
        let values: Vec<(&str, String)> = arguments
            .iter()
            .flat_map(|a| &a.named)
            .map(|named| (named.name.name, literal_text(&named.value)))
            .collect();
        // A plain term (`{ -connector }` of `-connector = Connector`: text only, no
        // attribute, no arguments) is product vocabulary: its text is exactly what
        // Fluent shows, so inlining it simplifies nothing and is not reported.
        let plain = attribute.is_none()
            && arguments.is_none()
            && pattern.is_some_and(|p| {
                p.elements
                    .iter()
                    .all(|e| matches!(e, ast::PatternElement::TextElement { .. }))
            });
        self.reference(
            "term",
            describe(inline),
            pattern,
            Some(values.as_slice()),
            !plain,
            out,
        );
    }

    fn reference(
        &mut self,
        kind: &str,
        name: String,
        pattern: Option<&ast::Pattern<&str>>,
        scope: Scope<'_>,
        report: bool,
        out: &mut String,
    ) {
        let Some(pattern) = pattern else {
            (self.simplified)(format!("reference to unknown {kind} {name} dropped"));
            return;
        };
        if self.references.contains(&name) || self.references.len() >= MAX_REFERENCE_DEPTH {
            (self.simplified)(format!("cyclic reference to {kind} {name} dropped"));
            return;
        }
        if report {
            (self.simplified)(format!("{kind} {name} inlined"));
        }
        self.references.push(name);
        self.pattern(pattern, scope, out);
        self.references.pop();
    }
}

/// What a reference to an entry (a message or a term) names: its value, or with `attribute`
/// that attribute's pattern, if it has one.
fn entry_pattern<'p>(
    value: Option<&'p ast::Pattern<&'p str>>,
    attributes: &'p [ast::Attribute<&'p str>],
    attribute: Option<&ast::Identifier<&str>>,
) -> Option<&'p ast::Pattern<&'p str>> {
    match attribute {
        Some(name) => attributes
            .iter()
            .find(|a| a.id.name == name.name)
            .map(|a| &a.value),
        None => value,
    }
}

/// The text of a literal argument; other expressions (not allowed there by Fluent) give none.
fn literal_text(expression: &ast::InlineExpression<&str>) -> String {
    match expression {
        ast::InlineExpression::StringLiteral { value } => {
            fluent_syntax::unicode::unescape_unicode_to_string(value).into_owned()
        }
        ast::InlineExpression::NumberLiteral { value } => (*value).to_owned(),
        _ => String::new(),
    }
}

/// Whether a variant key selects a literal value, as Fluent matches them.
#[expect(
    clippy::float_cmp,
    reason = "Fluent matches number keys by exact value"
)]
fn variant_key_matches(key: &ast::VariantKey<&str>, value: &str) -> bool {
    match key {
        ast::VariantKey::Identifier { name } => *name == value,
        ast::VariantKey::NumberLiteral { value: key } => {
            *key == value
                || matches!((key.parse::<f64>(), value.parse::<f64>()), (Ok(a), Ok(b)) if a == b)
        }
    }
}

fn variant_key<'k>(key: &ast::VariantKey<&'k str>) -> &'k str {
    match key {
        ast::VariantKey::Identifier { name } => name,
        ast::VariantKey::NumberLiteral { value } => value,
    }
}

/// An inline expression as Fluent source, shortened: `$maxLength`, `NUMBER($limit)`,
/// `-brand.gender`, `other-message`.
fn describe(inline: &ast::InlineExpression<&str>) -> String {
    match inline {
        ast::InlineExpression::VariableReference { id } => format!("${}", id.name),
        ast::InlineExpression::StringLiteral { value } => format!("\"{value}\""),
        ast::InlineExpression::NumberLiteral { value } => (*value).to_owned(),
        ast::InlineExpression::FunctionReference { id, arguments } => {
            let arguments: Vec<String> = arguments
                .positional
                .iter()
                .map(describe)
                .chain(
                    arguments
                        .named
                        .iter()
                        .map(|n| format!("{}: {}", n.name.name, describe(&n.value))),
                )
                .collect();
            format!("{}({})", id.name, arguments.join(", "))
        }
        ast::InlineExpression::MessageReference { id, attribute } => match attribute {
            Some(attribute) => format!("{}.{}", id.name, attribute.name),
            None => id.name.to_owned(),
        },
        ast::InlineExpression::TermReference { id, attribute, .. } => match attribute {
            Some(attribute) => format!("-{}.{}", id.name, attribute.name),
            None => format!("-{}", id.name),
        },
        ast::InlineExpression::Placeable { .. } => "a nested placeable".to_owned(),
    }
}
