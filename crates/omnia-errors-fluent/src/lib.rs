//! OMNIA API error messages in the user's language, from the Project Fluent files of
//! `locales/<tag>/*.ftl` (embedded at compile time; a folder can be loaded at run time).
//!
//! - [`Localizer`]: built once, `Send + Sync`; negotiates a locale from a language list or an
//!   `Accept-Language` header and formats any code of the catalog, with its parameters, as a
//!   [`Message`] that says which locale it is in.
//! - Every message falls back to en-US when a locale cannot format it, and that is reported:
//!   never a blank, never a panic.
//! - [`check_locales`] is the consistency check the tests (and run-time loading) apply: every
//!   code has a message, the variables are exactly the code's parameters, plural variants cover
//!   the locale's categories.
//! - Exports for consumers that do not run Fluent: [`export_language_file`] (OMNIA's language
//!   files, compared back with [`compare_language_file`]) and [`message_catalog`] (JSON with
//!   `{placeholder}` parameters and plural objects).
//!
//! ```
//! use omnia_errors::{ApiError, ValidationError};
//! use omnia_errors_fluent::Localizer;
//!
//! let localizer = Localizer::embedded()?;
//! let language = localizer.for_accept_language("pt-BR,pt;q=0.9,en-US;q=0.8");
//! assert_eq!(language.locale().to_string(), "pt-BR");
//!
//! let en = localizer.source();
//! assert_eq!(en.message(&ApiError::EntityNotFound).text, "Entity can't be found.");
//! let too_long = ValidationError::TextMaxLengthMismatch { max_length: 1000 };
//! assert_eq!(en.message(&too_long).text, "Value is too long to the defined length of 1,000.");
//! # Ok::<(), omnia_errors_fluent::LoadError>(())
//! ```

#![forbid(unsafe_code)]

/// The README's example, compiled and run as a doc test so that it cannot go stale.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
struct ReadmeExample;

mod check;
mod localizer;
mod message_catalog;
mod negotiate;
mod number;
mod omnia_file;
mod source;

pub use check::{Finding, FindingKind, Position, SourceFile};
pub use localizer::{
    Isolation, Language, Localizer, LocalizerBuilder, Message, Problem, ProblemKind,
};
pub use message_catalog::{
    CatalogMessage, MessageCatalog, MessageCatalogError, MessageText, PluralText, message_catalog,
};
pub use negotiate::{LanguageRange, parse_accept_language};
pub use omnia_file::{
    Comparison, Difference, Export, LanguageFile, OmniaFileError, Simplification, Text,
    compare_language_file, export_language_file, omnia_text_name,
};
pub use source::{
    LoadError, LocaleFiles, SOURCE_LOCALE, check_locales, embedded_locales, read_locales,
};

/// The plural categories integers reach in a locale, per the rules fluent-bundle uses
/// (`intl_pluralrules` 7, CLDR 37). Exposed for tests and tooling that compare with other
/// runtimes.
pub use check::integer_plural_categories;
