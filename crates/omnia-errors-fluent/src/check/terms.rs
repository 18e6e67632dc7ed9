//! The locale's terms (product vocabulary such as `-connector = Connector`): where each is
//! defined and referenced, and the check that every reference names a term of the locale and
//! is plain, and every term is referenced.

use fluent_syntax::ast;

use super::finding::{Finding, FindingKind, LineIndex, Position, offset_in};
use super::parse::{Node, ParsedLocale, walk};
use crate::source::SourceFile;

/// Where something is: a file and a position in it.
#[derive(Clone, Debug)]
pub(super) struct Place {
    file: String,
    position: Option<Position>,
}

/// A reference to a term from a message (or a term).
#[derive(Clone, Debug)]
pub(super) struct TermReference {
    /// The term's name, without the dash.
    term: String,
    /// The id of the message (or `-term`) that holds the reference.
    from: String,
    /// Where the reference is.
    place: Place,
    /// Why the reference is not plain (`{ -term }`), if it is not.
    not_plain: Option<String>,
}

/// Records a term definition: a duplicate or a term that is not plain is a finding; its
/// references (which a plain term has none of) are recorded.
pub(super) fn record_term(
    locale: &mut ParsedLocale,
    file: &SourceFile,
    lines: &LineIndex<'_>,
    term: &ast::Term<&str>,
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
        locale: locale.tag.clone(),
        id: Some(from.clone()),
        kind,
    };
    if locale.terms.contains_key(&name) {
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
    collect_references(
        &from,
        std::iter::once(&term.value).chain(term.attributes.iter().map(|a| &a.value)),
        file,
        lines,
        &mut locale.term_references,
    );
    locale.terms.insert(name, place);
}

/// Records every term reference in `patterns` (those of entry `from`).
pub(super) fn collect_references<'p>(
    from: &str,
    patterns: impl Iterator<Item = &'p ast::Pattern<&'p str>>,
    file: &SourceFile,
    lines: &LineIndex<'_>,
    references: &mut Vec<TermReference>,
) {
    let mut found = |node: Node<'_, '_>| {
        let Node::Inline(ast::InlineExpression::TermReference {
            id,
            attribute,
            arguments,
        }) = node
        else {
            return true;
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
        true
    };
    for pattern in patterns {
        walk(pattern, &mut found);
    }
}

/// Checks a locale's terms: every reference names a term of the locale and is plain, every
/// term is referenced.
pub(super) fn check_terms(locale: &ParsedLocale, findings: &mut Vec<Finding>) {
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
