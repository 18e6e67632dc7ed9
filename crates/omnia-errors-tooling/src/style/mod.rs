//! Style checks of the translators' files: how a native speaker writes the messages, against
//! what each locale declares beside its entry in `locales/locales.toml`.
//!
//! - quotation marks ([`quotes`]): every mark is one of the locale's declared pair (`quotes`),
//!   each quotation opened and closed; straight quotes where the locale's are typographic are
//!   another pair;
//! - product terms ([`terms`]): a term (`-connector`) reads as the English one only where the
//!   locale declares it kept in English (`english-terms`), as OMNIA's own files keep "Tenant";
//! - plurals shown without their number ([`numberless`]): where a plural message is shown with
//!   no number to select on (the error page's "(defined length)", OMNIA's language files), the
//!   form shown is the one typical numbers take (Polish "many": 5, 10, 50, 100, 255 znaków).
//!
//! The runtime crate's check (`omnia_errors_fluent::check_locales`) makes sure the files can be
//! formatted: every message, variable and plural category there. These checks are about
//! wording, which an application loading `.ftl` files at run time does not need to pay for, so
//! they live here, beside the exporters whose texts the last one is about, and `cargo test`
//! runs them on `locales/` (`tests/style.rs`).
//!
//! ```
//! use omnia_errors_tooling::{Workspace, check_style};
//!
//! let findings = check_style(&Workspace::current())?;
//! assert!(findings.is_empty(), "{findings:#?}");
//! # Ok::<(), omnia_errors_tooling::WorkspaceError>(())
//! ```

mod numberless;
mod quotes;
mod terms;

use std::collections::HashMap;
use std::fmt;

use fluent_syntax::ast;
use omnia_errors_fluent::{Finding, LocaleFiles, Position, SourceFile};
use serde::Deserialize;
use serde::de::IgnoredAny;
use toml::Spanned;

use crate::{DeclaredLocale, Workspace, WorkspaceError};

pub use numberless::NumberlessView;

/// A style problem in a locale's files or in its declaration, with where it is: the file at
/// fault is a `.ftl` file, or `locales/locales.toml` for a declaration; the id, a message
/// (`validation-TypeMismatch`) or a term (`-tenant`).
///
/// Its `Display` is one line, as the runtime check's findings are:
/// `locales/pl-PL/errors.ftl:49:30: [pl-PL] validation-TypeMismatch: …`.
pub type StyleFinding = Finding<StyleFindingKind>;

/// What a [`StyleFinding`] is about.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum StyleFindingKind {
    /// The locale declares no `quotes` in `locales/locales.toml`.
    QuotesNotDeclared,
    /// The declared `quotes` are not a pair of quotation marks; what is wrong.
    BadQuotes(String),
    /// A quotation mark that is not one of the locale's.
    ForeignQuote {
        /// `None` for the message's value, else the attribute's name.
        attribute: Option<String>,
        /// The mark.
        mark: char,
        /// The locale's pair, opening and closing.
        quotes: [String; 2],
    },
    /// One of the locale's marks without its partner: an opening one not closed, or a closing
    /// one not opened.
    UnpairedQuote {
        /// `None` for the message's value, else the attribute's name.
        attribute: Option<String>,
        /// Whether the lone mark is the opening one.
        opening: bool,
        /// The locale's pair, opening and closing.
        quotes: [String; 2],
    },
    /// A `quote-exceptions` entry naming a message whose marks are all the locale's, or no
    /// message at all.
    NeedlessQuoteException,
    /// A product term whose text is the English one, in a locale that does not declare it kept
    /// in English.
    EnglishTerm {
        /// The text, as the locale has it.
        text: String,
    },
    /// An `english-terms` entry that does not hold: why.
    StaleEnglishTerm(String),
    /// A plural shown without its number in a form typical numbers do not take.
    NumberlessForm {
        /// Where it is shown.
        view: NumberlessView,
        /// The number it selects on.
        variable: String,
        /// The variant shown.
        shown: String,
        /// The variant typical numbers take.
        typical: String,
    },
    /// A plural shown without its number whose forms typical numbers do not agree on: no one
    /// text is right for them all.
    TypicalNumbersDisagree {
        /// Where it is shown.
        view: NumberlessView,
        /// The number it selects on.
        variable: String,
        /// Each typical number with the variant it takes.
        forms: Vec<(u64, String)>,
    },
}

impl fmt::Display for StyleFindingKind {
    /// What is wrong and what would be right, as a sentence without the place.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let place = |attribute: &Option<String>| match attribute {
            Some(a) => format!("its .{a} attribute"),
            None => "its text".to_owned(),
        };
        match self {
            Self::QuotesNotDeclared => f.write_str(
                "the locale declares no quotation marks: add `quotes = [\"<opening>\", \"<closing>\"]` to its entry",
            ),
            Self::BadQuotes(why) => write!(f, "`quotes` {why}"),
            Self::ForeignQuote {
                attribute,
                mark,
                quotes,
            } => foreign_quote(f, &place(attribute), *mark, quotes),
            Self::UnpairedQuote {
                attribute,
                opening,
                quotes,
            } => unpaired_quote(f, &place(attribute), *opening, quotes),
            Self::NeedlessQuoteException => f.write_str(
                "listed in quote-exceptions, but the locale has no such message with other quotation marks: remove it from the list",
            ),
            Self::EnglishTerm { text } => write!(
                f,
                "the term reads {text:?}, as in English: translate it, or list it in `english-terms` beside this locale in locales/locales.toml if it stays English on purpose"
            ),
            Self::StaleEnglishTerm(why) => write!(f, "listed in english-terms, but {why}"),
            Self::NumberlessForm {
                view,
                variable,
                shown,
                typical,
            } => write!(
                f,
                "{view} shows the plural on ${variable} without its number, as its [{shown}] variant, but typical numbers ({}) take [{typical}]: {}",
                typical_numbers(),
                view.remedy(typical)
            ),
            Self::TypicalNumbersDisagree {
                view,
                variable,
                forms,
            } => {
                let forms: Vec<String> = forms.iter().map(|(n, key)| format!("{n} [{key}]")).collect();
                write!(
                    f,
                    "{view} shows the plural on ${variable} without its number, but typical numbers take different variants ({}), so no one text is right: write the message without a plural",
                    forms.join(", ")
                )
            }
        }
    }
}

/// A quotation mark that is not the locale's, worded by what it is instead.
fn foreign_quote(
    f: &mut fmt::Formatter<'_>,
    place: &str,
    mark: char,
    quotes: &[String; 2],
) -> fmt::Result {
    let pair = pair(quotes);
    if is_straight(mark) && !quotes.iter().any(|q| q.chars().any(is_straight)) {
        write!(
            f,
            "{place} has a straight quotation mark ({mark}), where this locale's are {pair}"
        )
    } else if quotes.iter().any(|q| q.contains(mark)) {
        write!(
            f,
            "{place} writes {mark} without the spaces this locale's marks have: {pair}"
        )
    } else {
        write!(
            f,
            "{place} quotes with {mark}, which is not this locale's: it quotes {pair} (`quotes` in locales/locales.toml)"
        )
    }
}

/// A quotation opened and not closed, or closed and not opened.
fn unpaired_quote(
    f: &mut fmt::Formatter<'_>,
    place: &str,
    opening: bool,
    quotes: &[String; 2],
) -> fmt::Result {
    let [open, close] = quotes.each_ref().map(|q| shown(q));
    if opening {
        write!(
            f,
            "{place} opens a quotation with {open} and does not close it with {close}"
        )
    } else {
        write!(
            f,
            "{place} closes a quotation with {close} that it did not open with {open}"
        )
    }
}

/// Every style finding of `workspace`'s locales: the declared set (`locales/locales.toml`)
/// and the Fluent files of each locale it declares, quotation marks, product terms and
/// plurals shown without their number, in the order of the declared set.
///
/// A locale folder that is not declared, or a file that does not parse, is the runtime
/// check's to report (`omnia_errors_fluent::check_locales`); this checks what parses.
///
/// # Errors
///
/// What [`Workspace::locales`] reports.
pub fn check_style(workspace: &Workspace) -> Result<Vec<StyleFinding>, WorkspaceError> {
    let locales = workspace.locales()?;
    let toml_path = workspace.locales_toml();
    // Read once more for positions only: `locales` has just read and parsed it.
    let toml_text = std::fs::read_to_string(&toml_path).unwrap_or_default();
    let declarations = declarations(
        &toml_path.display().to_string(),
        &toml_text,
        locales.declared(),
    );

    let parsed: Vec<ParsedLocale<'_>> = locales.files().iter().map(ParsedLocale::new).collect();
    let source = parsed.iter().find(|l| l.tag == locales.source().tag);
    let mut findings = Vec::new();
    for declaration in &declarations {
        let Some(locale) = parsed.iter().find(|l| l.tag == declaration.locale.tag) else {
            continue;
        };
        quotes::check(declaration, locale, &mut findings);
        terms::check(declaration, locale, source, &mut findings);
        numberless::check(locale, &mut findings);
    }
    Ok(findings)
}

/// One locale's declaration and its positions.
struct Declaration<'d> {
    locale: &'d DeclaredLocale,
    /// The path of `locales/locales.toml`, as findings name it.
    file: String,
    /// Its `tag = …` line.
    tag_at: Option<Position>,
    quotes_at: Option<Position>,
    /// By entry of `english_terms`.
    english_terms_at: Vec<Option<Position>>,
    /// By entry of `quote_exceptions`.
    quote_exceptions_at: Vec<Option<Position>>,
}

/// Where the fields of one `[[locale]]` are (toml's spans; nothing else is read).
#[derive(Deserialize)]
#[serde(rename_all = "kebab-case")]
struct LocaleSpans {
    tag: Spanned<String>,
    #[serde(default)]
    quotes: Option<Spanned<IgnoredAny>>,
    #[serde(default)]
    english_terms: Vec<Spanned<IgnoredAny>>,
    #[serde(default)]
    quote_exceptions: Vec<Spanned<IgnoredAny>>,
}

#[derive(Deserialize)]
struct Spans {
    #[serde(default)]
    locale: Vec<LocaleSpans>,
}

/// The declared locales, with where each declaration is in `text`, the file `file`.
fn declarations<'d>(
    file: &str,
    text: &str,
    declared: &'d [DeclaredLocale],
) -> Vec<Declaration<'d>> {
    let spans: Vec<LocaleSpans> = toml::from_str::<Spans>(text)
        .map(|s| s.locale)
        .unwrap_or_default();
    let lines = Lines::new(text);
    let at = |span: &std::ops::Range<usize>| Some(lines.position(span.start));
    declared
        .iter()
        .map(|locale| {
            let spans = spans.iter().find(|s| *s.tag.get_ref() == locale.tag);
            let each = |list: Option<&Vec<Spanned<IgnoredAny>>>, len: usize| {
                (0..len)
                    .map(|i| list.and_then(|l| l.get(i)).and_then(|s| at(&s.span())))
                    .collect()
            };
            Declaration {
                locale,
                file: file.to_owned(),
                tag_at: spans.and_then(|s| at(&s.tag.span())),
                quotes_at: spans
                    .and_then(|s| s.quotes.as_ref())
                    .and_then(|q| at(&q.span())),
                english_terms_at: each(spans.map(|s| &s.english_terms), locale.english_terms.len()),
                quote_exceptions_at: each(
                    spans.map(|s| &s.quote_exceptions),
                    locale.quote_exceptions.len(),
                ),
            }
        })
        .collect()
}

impl Declaration<'_> {
    fn finding(
        &self,
        at: Option<Position>,
        id: Option<&str>,
        kind: StyleFindingKind,
    ) -> StyleFinding {
        StyleFinding {
            file: self.file.clone(),
            position: at.or(self.tag_at),
            locale: self.locale.tag.clone(),
            id: id.map(str::to_owned),
            kind,
        }
    }
}

/// A locale's files, parsed (what parses of them), with their lines indexed.
struct ParsedLocale<'a> {
    tag: &'a str,
    files: Vec<ParsedFile<'a>>,
}

struct ParsedFile<'a> {
    source: &'a SourceFile,
    lines: Lines<'a>,
    resource: ast::Resource<&'a str>,
}

impl<'a> ParsedLocale<'a> {
    fn new(locale: &'a LocaleFiles) -> Self {
        let files = locale
            .files
            .iter()
            .map(|source| ParsedFile {
                source,
                lines: Lines::new(&source.text),
                resource: fluent_syntax::parser::parse(source.text.as_str())
                    .unwrap_or_else(|(resource, _)| resource),
            })
            .collect();
        Self {
            tag: &locale.tag,
            files,
        }
    }

    /// Every message, the first definition of each id (as a Fluent bundle has them), with its
    /// file.
    fn messages(&self) -> HashMap<&'a str, (&ast::Message<&'a str>, &ParsedFile<'a>)> {
        let mut messages = HashMap::new();
        for file in &self.files {
            for entry in &file.resource.body {
                if let ast::Entry::Message(message) = entry {
                    messages.entry(message.id.name).or_insert((message, file));
                }
            }
        }
        messages
    }

    /// Every term by name (without its dash), the first definition, with its file.
    fn terms(&self) -> HashMap<&'a str, (&ast::Term<&'a str>, &ParsedFile<'a>)> {
        let mut terms = HashMap::new();
        for file in &self.files {
            for entry in &file.resource.body {
                if let ast::Entry::Term(term) = entry {
                    terms.entry(term.id.name).or_insert((term, file));
                }
            }
        }
        terms
    }
}

impl ParsedFile<'_> {
    /// The position of `part`, a slice of this file's text (as the parser's identifiers and
    /// texts are); `None` for a slice of anything else.
    fn position_of(&self, part: &str) -> Option<Position> {
        self.lines.offset_of(part).map(|o| self.lines.position(o))
    }

    /// The position of the sigil before a name the parser gives without it: the `-` of a
    /// term, the `$` of a variable.
    fn position_of_sigil(&self, name: &str) -> Option<Position> {
        self.lines
            .offset_of(name)
            .map(|o| self.lines.position(o.saturating_sub(1)))
    }

    fn finding(
        &self,
        tag: &str,
        at: Option<Position>,
        id: &str,
        kind: StyleFindingKind,
    ) -> StyleFinding {
        StyleFinding {
            file: self.source.path.clone(),
            position: at,
            locale: tag.to_owned(),
            id: Some(id.to_owned()),
            kind,
        }
    }
}

/// Where each line of a text starts, so that a byte offset becomes a line and column with a
/// binary search.
struct Lines<'t> {
    text: &'t str,
    starts: Vec<usize>,
}

impl<'t> Lines<'t> {
    fn new(text: &'t str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Self { text, starts }
    }

    /// The 1-based line and column (in characters) of a byte offset, clamped to the text. The
    /// offsets are where slices of the text start, or the ASCII sigil before one: characters'
    /// boundaries (inside a character, the column would read 1; nothing panics).
    fn position(&self, offset: usize) -> Position {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&start| start <= offset).max(1);
        let start = self.starts.get(line - 1).copied().unwrap_or(0);
        Position {
            line,
            column: self.text.get(start..offset).unwrap_or("").chars().count() + 1,
        }
    }

    /// The byte offset of `part` in the text, when `part` is a slice of it.
    fn offset_of(&self, part: &str) -> Option<usize> {
        let offset = part
            .as_ptr()
            .addr()
            .checked_sub(self.text.as_ptr().addr())?;
        let end = offset.checked_add(part.len())?;
        (end <= self.text.len()).then_some(offset)
    }
}

fn is_straight(mark: char) -> bool {
    matches!(mark, '"' | '\'')
}

/// A declared mark as findings show it: the invisible spaces French puts inside its marks
/// written as locales.toml escapes them.
fn shown(mark: &str) -> String {
    mark.chars()
        .map(|c| match c {
            '\u{a0}' => "\\u00A0".to_owned(),
            '\u{202f}' => "\\u202F".to_owned(),
            c => c.to_string(),
        })
        .collect()
}

/// The locale's pair as findings show it: `„…”`.
fn pair(quotes: &[String; 2]) -> String {
    format!("{}…{}", shown(&quotes[0]), shown(&quotes[1]))
}

/// The typical numbers, as findings list them: "5, 10, 50, 100, 255".
fn typical_numbers() -> String {
    crate::omnia_file::TYPICAL_NUMBERS
        .iter()
        .map(u64::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}
