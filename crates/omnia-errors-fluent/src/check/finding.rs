//! What the checks report: a [`Finding`] (file, position, locale, id, kind) and how it reads,
//! and where in a file something is ([`LineIndex`]).

use std::fmt;
use std::path::Path;

use crate::source::{LocaleFiles, SourceFile};

/// Where a finding is: 1-based line and column.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

/// A problem in a locale's Fluent files: where it is, and what it is (`K`: the runtime's
/// checks say it with a [`FindingKind`]; other checks of the same files, such as the
/// workspace's style checks, with their own kind, and print the same way).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding<K = FindingKind> {
    /// The file at fault (for a missing message, the file that should hold it).
    pub file: String,
    /// The position in that file, when there is one.
    pub position: Option<Position>,
    /// The locale's tag.
    pub locale: String,
    /// The message id concerned, if any.
    pub id: Option<String>,
    /// What is wrong.
    pub kind: K,
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

impl<K: fmt::Display> fmt::Display for Finding<K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(Position { line, column }) = self.position {
            write!(f, ":{line}:{column}")?;
        }
        write!(f, ": [{}]", self.locale)?;
        if let Some(id) = &self.id {
            write!(f, " {id}")?;
        }
        write!(f, ": {}", self.kind)
    }
}

impl fmt::Display for FindingKind {
    /// What is wrong and what would be right, as a sentence without the place.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let place = |attribute: &Option<String>| match attribute {
            Some(a) => format!("its .{a} attribute"),
            None => "its value".to_owned(),
        };
        match self {
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
    use super::{LineIndex, Position};

    #[test]
    fn a_position_inside_a_character_is_that_characters() {
        let index = LineIndex::new("a\u{e9}\nb");
        // Byte 2 is inside "é" (bytes 1 and 2): the position of "é", column 2.
        assert_eq!(index.position(2), Position { line: 1, column: 2 });
        assert_eq!(index.position(4), Position { line: 2, column: 1 });
    }
}
