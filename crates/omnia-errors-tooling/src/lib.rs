//! The tooling of the OMNIA error catalog, apart from what applications link: `xtask` and the
//! tests use it, nothing is published.
//!
//! - [`Workspace`]: the repository's `locales/` read from disk, as [`Locales`]: the declared
//!   locale set (`locales/locales.toml`, the one place a language is declared) and each
//!   locale's Fluent files;
//! - [`embedded_rust`]: the Rust source of the runtime crate's compiled messages;
//! - [`number_data_rust`]: the Rust source of the runtime crate's number data, ICU4X's for the
//!   declared locales only;
//! - [`conformance_fixture`]: every message formatted by the localizer, for the JavaScript
//!   conformance test;
//! - [`npm`]: the generated files of the npm package `omnia-errors` (`js/omnia-errors/`) and the
//!   negotiation fixture its tests compare with the Rust localizer;
//! - [`DocTexts`]: the documentation-only texts (page texts, notes, generic messages with
//!   placeholders) that the error page needs and applications never do;
//! - exporters for consumers that do not run Fluent: [`export_language_file`] (OMNIA's
//!   language files, compared back with [`compare_language_file`] and merged into a user's
//!   own file with [`merge_into_text`], which writes only what it changes) and
//!   [`json_messages`] (JSON with `{placeholder}` parameters and plural objects);
//! - [`check_style`]: the translators' style checks (quotation marks, product terms, plurals
//!   shown without their number) against what `locales/locales.toml` declares.

#![forbid(unsafe_code)]

/// The repository README's example, compiled and run as a doc test so that it cannot go stale.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
struct ReadmeExample;

mod conformance;
mod doc_texts;
mod flatten;
mod in_place;
mod json_messages;
pub mod npm;
mod number_data;
mod omnia_file;
mod style;
mod workspace;

pub use conformance::conformance_fixture;
pub use doc_texts::DocLanguage;
pub use doc_texts::DocTexts;
pub use flatten::{LocaleError, Simplification};
pub use in_place::{MergedText, merge_into_text};
pub use json_messages::{
    JsonMessage, JsonMessages, JsonMessagesError, MessageText, PluralText, json_messages,
};
pub use number_data::{NumberDataError, number_data_for, number_data_rust};
pub use omnia_file::{
    Comparison, Difference, Export, LanguageFile, OmniaFileError, Text, compare_language_file,
    export_language_file, omnia_text_name,
};
pub use style::{NumberlessView, StyleFinding, StyleFindingKind, check_style};
pub use workspace::{DeclaredLocale, Locales, Workspace, WorkspaceError, embedded_rust};
