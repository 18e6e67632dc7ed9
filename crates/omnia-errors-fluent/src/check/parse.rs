//! Parsing a locale's files for the checks: each message's shape (the variables of its value
//! and attributes) and select expressions, its terms and their references, with where each is.

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast;

use super::finding::{Finding, FindingKind, LineIndex, Position, offset_in};
use super::terms::{self, Place, TermReference};
use crate::source::SourceFile;

/// What a message should look like: variables of its value and of each attribute.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Shape {
    pub(crate) value: BTreeSet<String>,
    pub(crate) attributes: BTreeMap<String, BTreeSet<String>>,
}

/// The messages of one locale, parsed, with where each was defined.
pub(crate) struct ParsedLocale {
    pub(crate) tag: String,
    pub(crate) messages: BTreeMap<String, ParsedMessage>,
    /// Terms by name (without the dash): where each is defined, the first definition.
    pub(super) terms: BTreeMap<String, Place>,
    /// Every reference to a term, in file order.
    pub(super) term_references: Vec<TermReference>,
}

/// One message of a locale, parsed.
pub(crate) struct ParsedMessage {
    pub(crate) file: String,
    pub(crate) file_name: String,
    pub(crate) position: Option<Position>,
    pub(crate) shape: Shape,
    /// `(variable, keys, position)` of every select expression.
    pub(super) selects: Vec<Select>,
}

/// A select expression of a message: the variable it selects on, its variants' keys, and
/// where the message is.
pub(super) type Select = (String, Vec<String>, Option<Position>);

/// Parses a locale's files, recording syntax errors and duplicate ids as findings.
pub(crate) fn parse_locale(
    tag: &str,
    files: &[SourceFile],
    findings: &mut Vec<Finding>,
) -> ParsedLocale {
    let mut locale = ParsedLocale {
        tag: tag.to_owned(),
        messages: BTreeMap::new(),
        terms: BTreeMap::new(),
        term_references: Vec::new(),
    };
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
                    record_message(&mut locale, file, &lines, message, findings);
                }
                ast::Entry::Term(term) => {
                    terms::record_term(&mut locale, file, &lines, term, findings);
                }
                _ => {}
            }
        }
    }
    locale
}

/// Records a message: its shape, its selects and its term references; a duplicate id is a
/// finding.
fn record_message(
    locale: &mut ParsedLocale,
    file: &SourceFile,
    lines: &LineIndex<'_>,
    message: &ast::Message<&str>,
    findings: &mut Vec<Finding>,
) {
    let patterns = message
        .value
        .iter()
        .chain(message.attributes.iter().map(|a| &a.value));
    terms::collect_references(
        message.id.name,
        patterns,
        file,
        lines,
        &mut locale.term_references,
    );
    let id = message.id.name.to_owned();
    let at = offset_in(&file.text, message.id.name).map(|o| lines.position(o));
    let mut shape = Shape::default();
    let mut selects = Vec::new();
    if let Some(value) = &message.value {
        collect_variables(value, &mut shape.value, &mut selects, at);
    }
    for attribute in &message.attributes {
        let vars = shape
            .attributes
            .entry(attribute.id.name.to_owned())
            .or_default();
        collect_variables(&attribute.value, vars, &mut selects, at);
    }
    let parsed = ParsedMessage {
        file: file.path.clone(),
        file_name: file.name.clone(),
        position: at,
        shape,
        selects,
    };
    if locale.messages.insert(id.clone(), parsed).is_some() {
        findings.push(Finding {
            file: file.path.clone(),
            position: at,
            locale: locale.tag.clone(),
            id: Some(id),
            kind: FindingKind::Duplicate,
        });
    }
}

/// The variables a pattern uses, and its select expressions on a variable (at `at`).
fn collect_variables(
    pattern: &ast::Pattern<&str>,
    vars: &mut BTreeSet<String>,
    selects: &mut Vec<Select>,
    at: Option<Position>,
) {
    walk(pattern, &mut |node| match node {
        Node::Inline(ast::InlineExpression::VariableReference { id }) => {
            vars.insert(id.name.to_owned());
            true
        }
        // A term's arguments are the term's, not the message's variables.
        Node::Inline(ast::InlineExpression::TermReference { .. }) => false,
        Node::Select(ast::InlineExpression::VariableReference { id }, variants) => {
            let keys = variants
                .iter()
                .map(|v| match &v.key {
                    ast::VariantKey::Identifier { name }
                    | ast::VariantKey::NumberLiteral { value: name } => (*name).to_owned(),
                })
                .collect();
            selects.push((id.name.to_owned(), keys, at));
            true
        }
        Node::Inline(_) | Node::Select(..) => true,
    });
}

/// What [`walk`] meets in a pattern.
pub(super) enum Node<'a, 's> {
    /// An inline expression; `walk` goes into its arguments or nested placeable after it when
    /// the visitor returns `true`.
    Inline(&'a ast::InlineExpression<&'s str>),
    /// A select expression, its selector and its variants, met after its selector.
    Select(
        &'a ast::InlineExpression<&'s str>,
        &'a [ast::Variant<&'s str>],
    ),
}

/// Visits every expression of `pattern` in source order, nested ones included: functions'
/// arguments, terms' positional arguments, nested placeables, selectors and every variant.
pub(super) fn walk<'a, 's>(
    pattern: &'a ast::Pattern<&'s str>,
    visit: &mut dyn FnMut(Node<'a, 's>) -> bool,
) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            walk_expression(expression, visit);
        }
    }
}

fn walk_expression<'a, 's>(
    expression: &'a ast::Expression<&'s str>,
    visit: &mut dyn FnMut(Node<'a, 's>) -> bool,
) {
    match expression {
        ast::Expression::Inline(inline) => walk_inline(inline, visit),
        ast::Expression::Select { selector, variants } => {
            walk_inline(selector, visit);
            visit(Node::Select(selector, variants));
            for variant in variants {
                walk(&variant.value, visit);
            }
        }
    }
}

fn walk_inline<'a, 's>(
    inline: &'a ast::InlineExpression<&'s str>,
    visit: &mut dyn FnMut(Node<'a, 's>) -> bool,
) {
    if !visit(Node::Inline(inline)) {
        return;
    }
    match inline {
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                walk_inline(argument, visit);
            }
            for argument in &arguments.named {
                walk_inline(&argument.value, visit);
            }
        }
        // Named arguments of a term are literals (Fluent's grammar).
        ast::InlineExpression::TermReference { arguments, .. } => {
            for argument in arguments.iter().flat_map(|a| &a.positional) {
                walk_inline(argument, visit);
            }
        }
        ast::InlineExpression::Placeable { expression } => walk_expression(expression, visit),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::parse_locale;
    use crate::check::{Finding, FindingKind, Position};
    use crate::probe;
    use crate::source::SourceFile;

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
