//! Product terms: OMNIA's vocabulary (`-connector`, `-tenant`), declared once per locale as
//! Fluent terms. A term that reads as en-US's is a translation forgotten, unless the locale
//! declares it kept in English (`english-terms` in `locales/locales.toml`), as OMNIA's own pt-PT
//! and es-ES files keep "Tenant" and "Data Source". The declaration is checked too: an entry
//! for a term the locale translates, or that en-US or the locale does not define, is stale.
//!
//! Texts are compared ignoring case and spacing: "connector" in French is still English.

use fluent_syntax::ast;

use super::{Declaration, ParsedFile, ParsedLocale, StyleFinding, StyleFindingKind};

pub(super) fn check(
    declaration: &Declaration<'_>,
    locale: &ParsedLocale<'_>,
    source: Option<&ParsedLocale<'_>>,
    findings: &mut Vec<StyleFinding>,
) {
    let declared = declaration.locale;
    let stale = |index: usize, why: String| {
        declaration.finding(
            declaration.english_terms_at[index],
            Some(&declared.english_terms[index]),
            StyleFindingKind::StaleEnglishTerm(why),
        )
    };
    let Some(source) = source else {
        return;
    };
    if locale.tag == source.tag {
        for index in 0..declared.english_terms.len() {
            findings.push(stale(
                index,
                format!(
                    "{} is the source language: its terms are English by definition",
                    source.tag
                ),
            ));
        }
        return;
    }
    let english = source.terms();
    let terms = locale.terms();
    // In file order; a term defined twice is the runtime check's to report.
    let mut seen = std::collections::HashSet::new();
    for file in &locale.files {
        for entry in &file.resource.body {
            let ast::Entry::Term(term) = entry else {
                continue;
            };
            let name = term.id.name;
            let (true, Some(text), Some(english_text)) = (
                seen.insert(name),
                plain_text(term),
                english.get(name).and_then(|(t, _)| plain_text(t)),
            ) else {
                continue;
            };
            let id = format!("-{name}");
            if same_words(&text, &english_text) && !declared.english_terms.contains(&id) {
                findings.push(file.finding(
                    locale.tag,
                    file.position_of_sigil(name),
                    &id,
                    StyleFindingKind::EnglishTerm { text },
                ));
            }
        }
    }
    for (index, entry) in declared.english_terms.iter().enumerate() {
        let why = why_stale(entry, source.tag, &english, &terms);
        if let Some(why) = why {
            findings.push(stale(index, why));
        }
    }
}

/// Why an entry of `english-terms` is stale, if it is: not a term's name, no term of the source
/// (`source`) or of this locale, or one this locale translates after all.
fn why_stale(
    entry: &str,
    source: &str,
    english: &Terms<'_, '_>,
    terms: &Terms<'_, '_>,
) -> Option<String> {
    let name = entry.strip_prefix('-').unwrap_or(entry);
    if !entry.starts_with('-') {
        Some(format!("a term is named with its dash: write \"-{entry}\""))
    } else if !english.contains_key(name) {
        Some(format!("{source} has no term {entry}"))
    } else {
        match terms.get(name) {
            None => Some(format!("this locale has no term {entry}")),
            Some((term, _)) => match (
                plain_text(term),
                english.get(name).and_then(|(t, _)| plain_text(t)),
            ) {
                (Some(text), Some(english_text)) if !same_words(&text, &english_text) => {
                    Some(format!(
                        "the locale translates it ({text:?}, in English {english_text:?}): remove it from the list"
                    ))
                }
                _ => None,
            },
        }
    }
}

/// A locale's terms by name, as [`ParsedLocale::terms`] gives them.
type Terms<'p, 'a> =
    std::collections::HashMap<&'a str, (&'p ast::Term<&'a str>, &'p ParsedFile<'a>)>;

/// A plain term's text; `None` for a term with placeables (which the runtime check reports).
fn plain_text(term: &ast::Term<&str>) -> Option<String> {
    term.value
        .elements
        .iter()
        .map(|element| match element {
            ast::PatternElement::TextElement { value } => Some(*value),
            ast::PatternElement::Placeable { .. } => None,
        })
        .collect()
}

/// The same words, ignoring case and spacing.
fn same_words(a: &str, b: &str) -> bool {
    let words = |s: &str| -> Vec<String> { s.split_whitespace().map(str::to_lowercase).collect() };
    words(a) == words(b)
}

#[cfg(test)]
mod tests {
    use super::same_words;

    #[test]
    fn words_are_compared_ignoring_case_and_spacing() {
        assert!(same_words("Data Source", "data  source"));
        assert!(same_words(" Connector", "connector"));
        assert!(!same_words("connecteur", "connector"));
        assert!(!same_words("Data", "Data Source"));
    }
}
