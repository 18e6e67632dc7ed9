//! Compiles a locale's Fluent files into [`pattern`](crate::pattern) form: the messages of the
//! catalog's codes (value and `.context`) and the status titles ([`crate::status`]), with terms
//! and message references inlined.
//!
//! Used for files loaded at run time and, through `cargo xtask docs`, to generate the embedded
//! messages (`embedded.rs`), so both are formatted by the same engine. The constructs compiled
//! are those the catalog's messages need: text, the code's parameters (`{ $maxLength }`,
//! `{ NUMBER($maxLength) }`), string literals, references to terms and messages without
//! arguments, and selection on a parameter by plural category or exact number. Anything else
//! is reported as [`FindingKind::Unsupported`], with where it is, rather than formatted wrongly.

use std::borrow::Cow;
use std::collections::HashMap;

use fluent_syntax::ast;
use omnia_errors::ParamSpec;

use crate::check::{Finding, FindingKind, LineIndex, offset_in};
use crate::pattern::{Key, Message, Pattern, Piece, Select, Seq, Variant};
use crate::source::SourceFile;

/// A text transform applied to literal text (the pseudo-locales'), as fluent-bundle applies
/// its transform to text elements.
pub(crate) type Transform = fn(&str) -> Cow<'_, str>;

/// How deep references may nest (a term referring to a term ...); deeper is reported, so a
/// reference cycle cannot recurse without end.
const MAX_DEPTH: usize = 16;
/// How many pieces one message may expand to; more is reported, so nested references cannot
/// blow a small file up exponentially.
const MAX_PIECES: usize = 1_000;

/// One entry of a locale: a message or a term, with the file it is in.
struct Entry<'a> {
    /// The entry's id, a slice of its file's text (so it tells where the entry is).
    id: &'a str,
    value: Option<&'a ast::Pattern<&'a str>>,
    attributes: &'a [ast::Attribute<&'a str>],
    file: &'a SourceFile,
}

/// Compiles the catalog's messages of one locale. `None` where the locale has no such message
/// (a translation in progress: the source's is used).
///
/// # Errors
///
/// Every finding: unsupported constructs, references to missing terms or messages, variables
/// the code does not provide. Syntax errors are reported by the check that runs first; here
/// the entries that parsed are used.
pub(crate) fn compile_locale(
    tag: &str,
    files: &[SourceFile],
    transform: Option<Transform>,
) -> Result<Vec<Message>, Vec<Finding>> {
    let resources: Vec<(&SourceFile, ast::Resource<&str>)> = files
        .iter()
        .map(|file| {
            let resource = fluent_syntax::parser::parse(file.text.as_str())
                .unwrap_or_else(|(resource, _)| resource);
            (file, resource)
        })
        .collect();
    let (messages, terms) = entries(&resources);
    let compiler = Compiler {
        tag,
        messages: &messages,
        terms: &terms,
        transform,
    };
    let mut findings = Vec::new();
    let messages_of_codes = crate::status::message_ids()
        .map(|(id, params)| compiler.message(id, params, &mut findings))
        .collect();
    if findings.is_empty() {
        Ok(messages_of_codes)
    } else {
        Err(findings)
    }
}

/// The messages and the terms of a locale's files, by id; the first definition wins, as in a
/// Fluent bundle.
fn entries<'a>(
    resources: &'a [(&'a SourceFile, ast::Resource<&'a str>)],
) -> (HashMap<&'a str, Entry<'a>>, HashMap<&'a str, Entry<'a>>) {
    let mut messages = HashMap::new();
    let mut terms = HashMap::new();
    for (file, resource) in resources {
        for entry in &resource.body {
            match entry {
                ast::Entry::Message(m) => {
                    messages.entry(m.id.name).or_insert(Entry {
                        id: m.id.name,
                        value: m.value.as_ref(),
                        attributes: &m.attributes,
                        file,
                    });
                }
                ast::Entry::Term(t) => {
                    terms.entry(t.id.name).or_insert(Entry {
                        id: t.id.name,
                        value: Some(&t.value),
                        attributes: &t.attributes,
                        file,
                    });
                }
                _ => {}
            }
        }
    }
    (messages, terms)
}

struct Compiler<'a> {
    tag: &'a str,
    messages: &'a HashMap<&'a str, Entry<'a>>,
    terms: &'a HashMap<&'a str, Entry<'a>>,
    transform: Option<Transform>,
}

/// The message being compiled, and where its findings go.
struct Job<'f> {
    /// The parameters of the message's code (none for a status title).
    params: &'static [ParamSpec],
    file: &'f SourceFile,
    id: &'static str,
    /// The message's id in its file's text: where its findings point.
    at: &'f str,
    pieces: usize,
    findings: &'f mut Vec<Finding>,
}

impl Job<'_> {
    fn report(&mut self, tag: &str, kind: FindingKind) {
        // One finding per message and kind is enough to point a translator at it.
        let duplicate = self
            .findings
            .iter()
            .any(|f| f.id.as_deref() == Some(self.id) && f.kind == kind && f.locale == tag);
        if !duplicate {
            let text = &self.file.text;
            let position = offset_in(text, self.at).map(|o| LineIndex::new(text).position(o));
            self.findings.push(Finding {
                file: self.file.path.clone(),
                position,
                locale: tag.to_owned(),
                id: Some(self.id.to_owned()),
                kind,
            });
        }
    }
}

impl Compiler<'_> {
    /// The compiled message `id` (a code's, whose parameters are `params`, or a status title):
    /// its value and `.context`, `None` where the locale has no such message (a translation in
    /// progress: the source's is used).
    fn message(
        &self,
        id: &'static str,
        params: &'static [ParamSpec],
        findings: &mut Vec<Finding>,
    ) -> Message {
        let Some(entry) = self.messages.get(id) else {
            return Message {
                value: None,
                context: None,
            };
        };
        let mut compile = |pattern: Option<&ast::Pattern<&str>>, attribute: Option<&str>| {
            let pattern = pattern?;
            let mut job = Job {
                params,
                file: entry.file,
                id,
                at: entry.id,
                pieces: 0,
                findings,
            };
            let before = job.findings.len();
            let pieces = self.pattern(pattern, &mut job, 0);
            // Blank for want of what a finding already reports is that finding alone.
            if job.findings.len() == before && can_be_blank(&pieces) {
                let attribute = attribute.map(str::to_owned);
                job.report(self.tag, FindingKind::Blank { attribute });
            }
            Some(finish(pieces))
        };
        let context = entry
            .attributes
            .iter()
            .find(|a| a.id.name == "context")
            .map(|a| &a.value);
        Message {
            value: compile(entry.value, None),
            context: compile(context, Some("context")),
        }
    }

    fn unsupported(&self, job: &mut Job<'_>, what: &str) {
        job.report(self.tag, FindingKind::Unsupported(what.to_owned()));
    }

    fn pattern(&self, pattern: &ast::Pattern<&str>, job: &mut Job<'_>, depth: usize) -> Vec<Piece> {
        let mut pieces = Vec::new();
        if depth > MAX_DEPTH {
            self.unsupported(
                job,
                &format!("references nested more than {MAX_DEPTH} deep (a cycle?)"),
            );
            return pieces;
        }
        let several = pattern.elements.len() > 1;
        for element in &pattern.elements {
            if job.pieces > MAX_PIECES {
                self.unsupported(
                    job,
                    &format!("a message expanding to more than {MAX_PIECES} pieces"),
                );
                return pieces;
            }
            job.pieces += 1;
            match element {
                ast::PatternElement::TextElement { value } => {
                    let text = match self.transform {
                        Some(transform) => transform(value).into_owned(),
                        None => (*value).to_owned(),
                    };
                    pieces.push(Piece::Text(Cow::Owned(text)));
                }
                ast::PatternElement::Placeable { expression } => {
                    self.expression(expression, several, job, depth, &mut pieces);
                }
            }
        }
        pieces
    }

    fn expression(
        &self,
        expression: &ast::Expression<&str>,
        several: bool,
        job: &mut Job<'_>,
        depth: usize,
        pieces: &mut Vec<Piece>,
    ) {
        match expression {
            ast::Expression::Inline(inline) => self.inline(inline, several, job, depth, pieces),
            ast::Expression::Select { selector, variants } => {
                let Some(index) = self.selector(selector, job) else {
                    return;
                };
                let mut compiled = Vec::with_capacity(variants.len());
                let mut default = 0;
                for (i, variant) in variants.iter().enumerate() {
                    if variant.default {
                        default = u8::try_from(i).unwrap_or(u8::MAX);
                    }
                    let key = match variant.key {
                        ast::VariantKey::Identifier { name } => Key::Name(name.to_owned().into()),
                        ast::VariantKey::NumberLiteral { value } => number_key(value),
                    };
                    let variant_pieces = self.pattern(&variant.value, job, depth + 1);
                    compiled.push((key, merge(variant_pieces)));
                }
                if compiled.len() > usize::from(u8::MAX) {
                    self.unsupported(job, "a select expression with more than 255 variants");
                    return;
                }
                if !several {
                    pieces.extend(take_common_prefix(&mut compiled, index));
                }
                let variants = compiled
                    .into_iter()
                    .map(|(key, pieces)| Variant {
                        key,
                        pieces: Seq::Owned(pieces.into()),
                    })
                    .collect::<Vec<_>>();
                pieces.push(Piece::Select(Select {
                    index,
                    isolate: several,
                    variants: Seq::Owned(variants.into()),
                    default,
                }));
            }
        }
    }

    fn inline(
        &self,
        inline: &ast::InlineExpression<&str>,
        several: bool,
        job: &mut Job<'_>,
        depth: usize,
        pieces: &mut Vec<Piece>,
    ) {
        match inline {
            ast::InlineExpression::StringLiteral { value } => {
                let text = fluent_syntax::unicode::unescape_unicode_to_string(value);
                pieces.push(Piece::Text(Cow::Owned(text.into_owned())));
            }
            ast::InlineExpression::VariableReference { .. }
            | ast::InlineExpression::FunctionReference { .. } => {
                if let Some(index) = self.selector(inline, job) {
                    pieces.push(Piece::Param {
                        index,
                        isolate: several,
                    });
                }
            }
            ast::InlineExpression::MessageReference { id, attribute } => {
                let Some(entry) = self.messages.get(id.name) else {
                    job.report(self.tag, FindingKind::UnknownReference(id.name.to_owned()));
                    return;
                };
                self.reference(entry, id.name, attribute.as_ref(), job, depth, pieces);
            }
            ast::InlineExpression::TermReference {
                id,
                attribute,
                arguments,
            } => {
                if arguments.is_some() {
                    self.unsupported(job, &format!("arguments to the term -{}", id.name));
                    return;
                }
                let Some(entry) = self.terms.get(id.name) else {
                    job.report(
                        self.tag,
                        FindingKind::UnknownReference(format!("-{}", id.name)),
                    );
                    return;
                };
                self.reference(entry, id.name, attribute.as_ref(), job, depth, pieces);
            }
            ast::InlineExpression::NumberLiteral { value } => {
                self.unsupported(job, &format!("the number literal {{ {value} }}"));
            }
            ast::InlineExpression::Placeable { .. } => {
                self.unsupported(job, "a placeable inside a placeable");
            }
        }
    }

    /// Inlines the value (or attribute) of a referenced message or term.
    fn reference(
        &self,
        entry: &Entry<'_>,
        name: &str,
        attribute: Option<&ast::Identifier<&str>>,
        job: &mut Job<'_>,
        depth: usize,
        pieces: &mut Vec<Piece>,
    ) {
        let pattern = match attribute {
            None => entry.value,
            Some(attribute) => entry
                .attributes
                .iter()
                .find(|a| a.id.name == attribute.name)
                .map(|a| &a.value),
        };
        match pattern {
            Some(pattern) => pieces.extend(self.pattern(pattern, job, depth + 1)),
            None => job.report(
                self.tag,
                FindingKind::UnknownReference(match attribute {
                    Some(a) => format!("{name}.{}", a.name),
                    None => name.to_owned(),
                }),
            ),
        }
    }

    /// The parameter a placeable or selector reads: `$name` or `NUMBER($name)` without
    /// options.
    fn selector(&self, inline: &ast::InlineExpression<&str>, job: &mut Job<'_>) -> Option<u8> {
        let variable = match inline {
            ast::InlineExpression::VariableReference { id } => id.name,
            ast::InlineExpression::FunctionReference { id, arguments }
                if id.name == "NUMBER" && arguments.named.is_empty() =>
            {
                if let [ast::InlineExpression::VariableReference { id }] =
                    arguments.positional.as_slice()
                {
                    id.name
                } else {
                    self.unsupported(job, "NUMBER() of anything but one variable");
                    return None;
                }
            }
            ast::InlineExpression::FunctionReference { id, .. } => {
                self.unsupported(job, &format!("the function {}() with options", id.name));
                return None;
            }
            _ => {
                self.unsupported(job, "a selector that is not one of the code's parameters");
                return None;
            }
        };
        let params = job.params;
        if let Some(index) = params.iter().position(|p| p.name == variable) {
            u8::try_from(index).ok()
        } else {
            job.report(
                self.tag,
                FindingKind::UnknownVariable {
                    attribute: None,
                    variable: variable.to_owned(),
                    expected: params.iter().map(|p| p.name.to_owned()).collect(),
                },
            );
            None
        }
    }
}

/// A numeric variant key, as Fluent compares it with an integer parameter.
fn number_key(value: &str) -> Key {
    match value.parse::<u64>() {
        Ok(n) => Key::Number(n),
        // `1.0` equals 1 for Fluent; `1.5` or `-1` never equals a `u64`.
        Err(_) => match value.parse::<f64>() {
            Ok(f) if f.fract() == 0.0 && (0.0..9_007_199_254_740_992.0).contains(&f) => {
                // Exact: an integer below 2^53.
                #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                Key::Number(f as u64)
            }
            _ => Key::Never,
        },
    }
}

/// Whether some choice of variants writes nothing but white space: a message a reader would
/// see as blank. A parameter always writes something (a number, or the caller's text).
pub(crate) fn can_be_blank(pieces: &[Piece]) -> bool {
    pieces.iter().all(|piece| match piece {
        Piece::Text(text) => text.trim().is_empty(),
        Piece::Param { .. } => false,
        Piece::Select(select) => select.variants.iter().any(|v| can_be_blank(&v.pieces)),
    })
}

/// Joins adjacent texts, so that a message whose terms are inlined is one text again.
fn merge(pieces: Vec<Piece>) -> Vec<Piece> {
    let mut merged: Vec<Piece> = Vec::with_capacity(pieces.len());
    for piece in pieces {
        if let (Some(Piece::Text(last)), Piece::Text(text)) = (merged.last_mut(), &piece) {
            last.to_mut().push_str(text);
            continue;
        }
        merged.push(piece);
    }
    merged
}

/// What every variant of a selection begins with, taken out of them to be written once
/// before the selection instead of once per variant (Polish's three plural forms of one
/// sentence differ in its last word only). For a selection without isolation marks of its
/// own, where the text is the same either way; and only texts and the selector's own
/// parameter, so that a missing parameter is still the selector's, as Fluent reports it.
fn take_common_prefix(variants: &mut [(Key, Vec<Piece>)], selector: u8) -> Vec<Piece> {
    let mut prefix = Vec::new();
    while let Some(((_, first), others)) = variants.split_first_mut() {
        let next = match first.first() {
            Some(Piece::Text(text)) => {
                // The longest start of every variant's text, on a character boundary.
                let mut len = text.len();
                for (_, pieces) in others.iter() {
                    let Some(Piece::Text(other)) = pieces.first() else {
                        return prefix;
                    };
                    len = text
                        .char_indices()
                        .zip(other.chars())
                        .find(|((_, a), b)| a != b)
                        .map_or(len.min(other.len()), |((at, _), _)| at.min(len));
                }
                if len == 0 {
                    return prefix;
                }
                Piece::Text(Cow::Owned(text[..len].to_owned()))
            }
            Some(piece @ Piece::Param { index, .. })
                if *index == selector && others.iter().all(|(_, p)| p.first() == Some(piece)) =>
            {
                piece.clone()
            }
            _ => return prefix,
        };
        for (_, pieces) in variants.iter_mut() {
            match (&next, pieces.first_mut()) {
                (Piece::Text(taken), Some(Piece::Text(text))) if taken.len() < text.len() => {
                    *text = Cow::Owned(text[taken.len()..].to_owned());
                }
                _ => {
                    pieces.remove(0);
                }
            }
        }
        prefix.push(next);
    }
    prefix
}

/// The pattern of merged pieces, with the bound of its literal text.
pub(crate) fn finish(pieces: Vec<Piece>) -> Pattern {
    let pieces = merge(pieces);
    let text_len = u32::try_from(text_len(&pieces)).unwrap_or(u32::MAX);
    Pattern::of_pieces(Seq::Owned(pieces.into()), text_len)
}

/// The most literal text any choice of variants writes.
fn text_len(pieces: &[Piece]) -> usize {
    pieces
        .iter()
        .map(|piece| match piece {
            Piece::Text(text) => text.len(),
            Piece::Param { .. } => 0,
            Piece::Select(select) => select
                .variants
                .iter()
                .map(|v| text_len(&v.pieces))
                .max()
                .unwrap_or(0),
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use std::fmt::Write as _;

    use super::*;
    use crate::pattern::Seq;
    use omnia_errors::AnyCode;

    fn compile(ftl: &str) -> Result<Vec<Message>, Vec<Finding>> {
        let file = SourceFile {
            path: "locales/xx/errors.ftl".into(),
            name: "errors.ftl".into(),
            text: ftl.into(),
        };
        compile_locale("en-US", &[file], None)
    }

    fn value(messages: &[Message], code: &str) -> Vec<Piece> {
        let code = AnyCode::parse(code).unwrap();
        messages[code.index()]
            .value
            .as_ref()
            .unwrap()
            .pieces()
            .to_vec()
    }

    #[test]
    fn terms_are_inlined_and_texts_joined() {
        let messages = compile(
            "-connector = Connector\nerror-ConnectorNotFound = { -connector } can't be reached.\n",
        )
        .unwrap();
        assert_eq!(
            value(&messages, "ConnectorNotFound"),
            [Piece::Text("Connector can't be reached.".into())]
        );
    }

    #[test]
    fn what_every_variant_begins_with_is_written_once_before_the_selection() {
        let messages = compile(
            "validation-TextMaxLengthMismatch = { $maxLength ->\n    [one] Längé { $maxLength } zeichen\n   *[other] Längè { $maxLength } zeichenn\n}\n",
        )
        .unwrap();
        let pieces = value(&messages, "TextMaxLengthMismatch");
        // The shared start ends where "é" and "è" differ: on a character boundary.
        let [
            Piece::Text(start),
            Piece::Select(Select {
                variants,
                default: 1,
                ..
            }),
        ] = &pieces[..]
        else {
            panic!("not text then select: {pieces:?}");
        };
        assert_eq!(start, "Läng");
        assert_eq!(
            *variants[0].pieces,
            [
                Piece::Text("é ".into()),
                Piece::Param {
                    index: 0,
                    isolate: true
                },
                Piece::Text(" zeichen".into())
            ]
        );
        // Whole texts and the selector's own parameter are taken while they agree.
        let messages = compile(
            "validation-TextMaxLengthMismatch = { $maxLength ->\n    [one] Max { $maxLength } char.\n   *[other] Max { $maxLength } chars.\n}\n",
        )
        .unwrap();
        let pieces = value(&messages, "TextMaxLengthMismatch");
        assert!(
            matches!(
                &pieces[..],
                [Piece::Text(max), Piece::Param { index: 0, isolate: true }, Piece::Text(char), Piece::Select(s)]
                    if max == "Max " && char == " char" && *s.variants[0].pieces == [Piece::Text(".".into())]
            ),
            "{pieces:?}"
        );
    }

    #[test]
    fn a_parameter_is_taken_out_only_when_it_is_the_selector_and_every_variant_starts_with_it() {
        // Another parameter than the selector's, in every variant: left in them, so that a
        // missing selector is still the first missing parameter.
        let messages = compile(
            "validation-TypeMismatch = { $type ->\n    [Integer] { $value } is no integer.\n   *[other] { $value } is invalid.\n}\n",
        )
        .unwrap();
        let pieces = value(&messages, "TypeMismatch");
        let [Piece::Select(select)] = &pieces[..] else {
            panic!("not one select: {pieces:?}");
        };
        assert!(matches!(
            select.variants[0].pieces[0],
            Piece::Param { index: 0, .. }
        ));
        // The selector's own parameter, but not first in every variant.
        let messages = compile(
            "validation-TextMaxLengthMismatch = { $maxLength ->\n    [one] { $maxLength } char\n   *[other] max { $maxLength }\n}\n",
        )
        .unwrap();
        let pieces = value(&messages, "TextMaxLengthMismatch");
        let [Piece::Select(select)] = &pieces[..] else {
            panic!("not one select: {pieces:?}");
        };
        assert!(matches!(
            select.variants[0].pieces[0],
            Piece::Param { index: 0, .. }
        ));
        assert_eq!(select.variants[1].pieces[0], Piece::Text("max ".into()));
    }

    #[test]
    fn a_selection_among_other_text_keeps_its_variants_whole() {
        // Isolated (it is not the whole pattern): taking text out would move it out of the
        // marks.
        let messages = compile(
            "validation-TextMaxLengthMismatch = Max: { $maxLength ->\n    [one] same one\n   *[other] same other\n}\n",
        )
        .unwrap();
        let pieces = value(&messages, "TextMaxLengthMismatch");
        let [Piece::Text(_), Piece::Select(select)] = &pieces[..] else {
            panic!("not text then select: {pieces:?}");
        };
        assert!(select.isolate);
        assert_eq!(*select.variants[0].pieces, [Piece::Text("same one".into())]);
    }

    #[test]
    fn parameters_and_selectors_become_positions() {
        let messages = compile(
            "validation-TextMaxLengthMismatch = { $maxLength ->\n    [0] none\n    [one] { NUMBER($maxLength) } char\n   *[other] { $maxLength } chars\n}\n",
        )
        .unwrap();
        let [
            Piece::Select(Select {
                index: 0,
                isolate: false,
                variants,
                default: 2,
            }),
        ] = &value(&messages, "TextMaxLengthMismatch")[..]
        else {
            panic!("not one select");
        };
        assert_eq!(variants[0].key, Key::Number(0));
        assert_eq!(variants[1].key, Key::Name("one".into()));
        assert_eq!(
            *variants[1].pieces,
            [
                Piece::Param {
                    index: 0,
                    isolate: true
                },
                Piece::Text(" char".into())
            ]
        );
        assert!(matches!(variants[2].pieces, Seq::Owned(_)));
    }

    #[test]
    fn unsupported_constructs_and_cycles_are_findings() {
        let findings = compile(
            "-a = { -b }\n-b = { -a }\nerror-BehaviourFailed = { -a }\nerror-InternalError = { 5 }\nerror-EntityNotFound = { $nope }\nerror-FileNotFound = { -missing }\n",
        )
        .unwrap_err();
        let kinds: Vec<_> = findings
            .iter()
            .map(|f| (f.id.clone().unwrap(), &f.kind))
            .collect();
        assert!(kinds.iter().any(|(id, k)| id == "error-BehaviourFailed"
            && matches!(k, FindingKind::Unsupported(w) if w.contains("nested"))));
        assert!(kinds.iter().any(|(id, k)| id == "error-InternalError"
            && matches!(k, FindingKind::Unsupported(w) if w.contains("number literal"))));
        assert!(kinds.iter().any(|(id, k)| id == "error-EntityNotFound"
            && matches!(k, FindingKind::UnknownVariable { variable, .. } if variable == "nope")));
        // Each points at its message: `error-InternalError` starts line 4.
        let number = findings
            .iter()
            .find(|f| f.id.as_deref() == Some("error-InternalError"))
            .unwrap();
        assert_eq!(
            number.position,
            Some(crate::check::Position { line: 4, column: 1 })
        );
        assert!(kinds.iter().any(|(id, k)| id == "error-FileNotFound"
            && matches!(k, FindingKind::UnknownReference(r) if r == "-missing")));
    }

    #[test]
    fn a_message_that_can_be_blank_is_a_finding() {
        let findings = compile(
            "-nothing = { \"\" }\n\
             error-BehaviourFailed = { \"\" }\n\
             error-InternalError = { -nothing }  { \" \" }\n\
             error-ConnectorBehaviourFailed = Failed.\n    .context = { $message ->\n        [x] { \"\" }\n       *[other] Failed: { $message }\n    }\n\
             validation-TextMaxLengthMismatch = { $maxLength ->\n        [0] {\" \"}\n       *[other] { $maxLength }\n    }\n\
             error-EntityNotFound = { $nope }\n",
        )
        .unwrap_err();
        let mut blank: Vec<_> = findings
            .iter()
            .filter_map(|f| match &f.kind {
                FindingKind::Blank { attribute } => Some((f.id.as_deref(), attribute.as_deref())),
                _ => None,
            })
            .collect();
        blank.sort_unstable();
        // Not `error-EntityNotFound`, blank for want of a variable its finding names.
        assert_eq!(
            blank,
            [
                (Some("error-BehaviourFailed"), None),
                (Some("error-ConnectorBehaviourFailed"), Some("context")),
                (Some("error-InternalError"), None),
                (Some("validation-TextMaxLengthMismatch"), None),
            ]
        );
        // A parameter alone writes something; a message of one is no blank one.
        assert!(compile("validation-TextMaxLengthMismatch = { $maxLength }\n").is_ok());
    }

    #[test]
    fn exponential_references_are_cut_off() {
        // Each term doubles the one before: 2^30 pieces if expanded.
        let mut ftl = String::from("-t0 = x\n");
        for i in 1..=30 {
            let previous = i - 1;
            let _ = writeln!(ftl, "-t{i} = {{ -t{previous} }}{{ -t{previous} }}");
        }
        ftl.push_str("error-BehaviourFailed = { -t30 }\n");
        let findings = compile(&ftl).unwrap_err();
        assert!(
            findings
                .iter()
                .any(|f| matches!(&f.kind, FindingKind::Unsupported(w) if w.contains("pieces")))
        );
    }

    fn unsupported(findings: &[Finding]) -> Vec<(&str, &str)> {
        findings
            .iter()
            .filter_map(|f| match &f.kind {
                FindingKind::Unsupported(what) => Some((f.id.as_deref()?, what.as_str())),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_reference_to_an_attribute_inlines_that_attribute() {
        let messages = compile(
            "texts = v\n    .one = One\n    .two = Two\nerror-BehaviourFailed = { texts.two }\n",
        )
        .unwrap();
        assert_eq!(
            value(&messages, "BehaviourFailed"),
            [Piece::Text("Two".into())]
        );
    }

    #[test]
    fn only_number_without_options_is_compiled() {
        let findings = compile(
            "validation-TextMaxLengthMismatch = { NUMBER($maxLength, minimumFractionDigits: 2) }\n\
             validation-LowerLimitNotRespected = x\n    .context = { OTHER($limit) }\n",
        )
        .unwrap_err();
        assert_eq!(
            unsupported(&findings),
            [
                (
                    "validation-LowerLimitNotRespected",
                    "the function OTHER() with options"
                ),
                (
                    "validation-TextMaxLengthMismatch",
                    "the function NUMBER() with options"
                ),
            ]
        );
    }

    #[test]
    fn a_construct_is_reported_once_per_message() {
        let findings =
            compile("error-InternalError = { 5 } and { 5 }\nerror-BehaviourFailed = { 5 }\n")
                .unwrap_err();
        assert_eq!(
            unsupported(&findings),
            [
                ("error-BehaviourFailed", "the number literal { 5 }"),
                ("error-InternalError", "the number literal { 5 }"),
            ]
        );
    }

    /// A message of `depth` selects, each inside the default variant of the one before.
    fn nested_selects(depth: usize) -> String {
        let mut ftl = String::from("validation-LowerLimitNotRespected = x\n    .context = ");
        for _ in 0..depth {
            ftl.push_str("{ $limit ->\n *[other] ");
        }
        ftl.push('y');
        for _ in 0..depth {
            ftl.push_str("\n }");
        }
        ftl.push('\n');
        ftl
    }

    #[test]
    fn nesting_is_allowed_to_16_levels() {
        assert!(compile(&nested_selects(MAX_DEPTH)).is_ok());
        let findings = compile(&nested_selects(MAX_DEPTH + 1)).unwrap_err();
        assert!(
            unsupported(&findings)[0]
                .1
                .contains("nested more than 16 deep")
        );
    }

    #[test]
    fn a_message_may_expand_to_1001_pieces() {
        let message = |n: usize| format!("error-BehaviourFailed = {}\n", "{ \"a\" }".repeat(n));
        assert!(compile(&message(MAX_PIECES + 1)).is_ok());
        let findings = compile(&message(MAX_PIECES + 2)).unwrap_err();
        assert!(
            unsupported(&findings)[0]
                .1
                .contains("more than 1000 pieces")
        );
    }

    #[test]
    fn a_select_may_have_255_variants() {
        let mut ftl =
            String::from("validation-LowerLimitNotRespected = x\n    .context = { $limit ->\n");
        for i in 0..254 {
            let _ = writeln!(ftl, "  [{i}] n");
        }
        ftl.push_str(" *[other] m\n}\n");
        assert!(compile(&ftl).is_ok());
    }

    #[test]
    fn number_keys_compare_as_fluent_does() {
        assert_eq!(number_key("0"), Key::Number(0));
        assert_eq!(number_key("1.0"), Key::Number(1));
        assert_eq!(number_key("1.5"), Key::Never);
        assert_eq!(number_key("-1"), Key::Never);
    }

    #[test]
    fn text_len_bounds_the_longest_variant() {
        let pieces = vec![
            Piece::Text("ab".into()),
            Piece::Select(Select {
                index: 0,
                isolate: false,
                default: 0,
                variants: Seq::Owned(
                    vec![
                        Variant {
                            key: Key::Never,
                            pieces: Seq::Owned(vec![Piece::Text("xyz".into())].into()),
                        },
                        Variant {
                            key: Key::Never,
                            pieces: Seq::Owned(vec![Piece::Text("x".into())].into()),
                        },
                    ]
                    .into(),
                ),
            }),
        ];
        assert_eq!(text_len(&pieces), 5);
    }
}
