//! The error of parsing a code name, with a "did you mean" suggestion.

use core::fmt;

use crate::{AnyCode, Catalog};

/// A name that is not a code of the catalog it was parsed for.
///
/// ```
/// use omnia_errors::ErrorCode;
///
/// let error = "EntityNotFond".parse::<ErrorCode>().unwrap_err();
/// assert_eq!(error.suggestion(), Some("EntityNotFound"));
/// assert_eq!(
///     error.to_string(),
///     r#"unknown API error code "EntityNotFond": did you mean "EntityNotFound"?"#
/// );
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownCode {
    input: String,
    // `None` when parsed for either catalog.
    expected: Option<Catalog>,
    suggestion: Option<AnyCode>,
}

/// Inputs longer than this get no suggestion: no code is that long, and it bounds the work
/// spent on hostile input.
const MAX_SUGGEST_LEN: usize = 128;

impl UnknownCode {
    pub(crate) fn new(input: &str, expected: Catalog) -> Self {
        Self {
            input: input.to_owned(),
            expected: Some(expected),
            suggestion: suggest(input, |code| code.catalog() == expected),
        }
    }

    pub(crate) fn new_any(input: &str) -> Self {
        Self {
            input: input.to_owned(),
            expected: None,
            suggestion: suggest(input, |_| true),
        }
    }

    /// The name that was not found.
    pub fn input(&self) -> &str {
        &self.input
    }

    /// The closest known code, if one is close enough to be a likely typo.
    pub fn suggestion(&self) -> Option<&'static str> {
        self.suggestion.map(AnyCode::as_str)
    }

    /// The code of the *other* catalog with exactly this name, if any: parsing
    /// `"NotFound"` as an API error code finds the validation code `NotFound`.
    pub fn in_other_catalog(&self) -> Option<AnyCode> {
        let expected = self.expected?;
        AnyCode::all().find(|code| code.catalog() != expected && code.as_str() == self.input)
    }
}

impl fmt::Display for UnknownCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = self.expected.map_or("error code", Catalog::describe);
        // Debug-format the input so that control characters and empty strings stay visible.
        write!(f, "unknown {what} {:?}", self.input)?;
        if let Some(other) = self.in_other_catalog() {
            write!(f, ": that name belongs to the {}", other.catalog().plural())
        } else if let Some(suggestion) = self.suggestion {
            write!(f, ": did you mean {:?}?", suggestion.as_str())
        } else {
            let count = AnyCode::all()
                .filter(|c| self.expected.is_none_or(|e| c.catalog() == e))
                .count();
            write!(
                f,
                ": expected one of the {count} codes of the published error page"
            )
        }
    }
}

impl std::error::Error for UnknownCode {}

fn suggest(input: &str, candidates: impl Fn(AnyCode) -> bool) -> Option<AnyCode> {
    if input.is_empty() || input.len() > MAX_SUGGEST_LEN {
        return None;
    }
    let lower = input.to_ascii_lowercase();
    let length = lower.chars().count();
    let mut best: Option<(usize, AnyCode)> = None;
    for code in AnyCode::all().filter(|&c| candidates(c)) {
        // A third of the name's length, at least two edits: close enough to be a typo or a
        // case mistake, far enough that "Foo" suggests nothing. The length difference is a
        // lower bound of the distance, so most codes are ruled out without computing it.
        let limit = (code.as_str().len() / 3).max(2);
        if length.abs_diff(code.as_str().len()) > limit {
            continue;
        }
        let distance = edit_distance(&lower, &code.as_str().to_ascii_lowercase());
        if distance <= limit && best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, code));
        }
    }
    best.map(|(_, code)| code)
}

/// Levenshtein distance over chars, with one row of memory.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::edit_distance;

    #[test]
    fn edit_distance_counts_insertions_deletions_and_substitutions() {
        assert_eq!(edit_distance("", ""), 0);
        assert_eq!(edit_distance("abc", ""), 3);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("entitynotfond", "entitynotfound"), 1);
    }

    #[test]
    fn edit_distance_charges_every_deletion() {
        assert_eq!(edit_distance("abc", "b"), 2);
        assert_eq!(edit_distance("notfoundxx", "notfound"), 2);
    }
}
