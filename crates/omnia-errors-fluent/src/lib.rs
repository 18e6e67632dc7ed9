//! OMNIA API error messages in the user's language: every code of the
//! [`omnia-errors`](omnia_errors) catalog, in every language the repository's
//! `locales/locales.toml` declares ([`LOCALES`]), written from Project Fluent files
//! (`locales/<tag>/*.ftl`) compiled into this crate.
//!
//! - [`Localizer`]: built once (nothing to parse), `Send + Sync`; negotiates a locale from a
//!   language list or an `Accept-Language` header and formats any code with its parameters as
//!   a [`Message`] that says which locale it is in.
//! - Messages are compiled to Rust by `cargo xtask docs`: a message without parameters is a
//!   `&'static str`; one with parameters is written into one `String`, numbers grouped for the
//!   locale as ICU4X groups them (exactly, up to `u64::MAX`; ICU4X's data for the declared
//!   locales only, generated into the crate) and plural variants chosen by current CLDR
//!   rules, as browsers' `Intl` does, so a Rust server and a JavaScript UI reading the same
//!   `.ftl` files agree.
//! - Every message falls back to en-US when a locale cannot format it, then to the code's
//!   name, and that is reported: never a blank, never a panic.
//!
//! ```
//! use omnia_errors::{ApiError, ValidationError};
//! use omnia_errors_fluent::Localizer;
//!
//! let localizer = Localizer::embedded();
//! let language = localizer.for_accept_language("pt-BR,pt;q=0.9,en-US;q=0.8");
//! assert_eq!(language.locale().to_string(), "pt-BR");
//!
//! let en = localizer.source();
//! assert_eq!(en.message(&ApiError::EntityNotFound).text, "Entity can't be found.");
//! let too_long = ValidationError::TextMaxLengthMismatch { max_length: 1000 };
//! assert_eq!(en.message(&too_long).text, "Value is too long to the defined length of 1,000.");
//! ```
//!
//! # Features
//!
//! - `embedded` (default): the messages of `locales/`, compiled into the crate
//!   ([`Localizer::embedded`], [`LOCALES`]). As ICU4X's `compiled_data`: the zero-setup path;
//!   without it, a localizer formats the files it loads (`files`), and the crate holds no
//!   messages at all (what the workspace's own generator builds on, so that it never links
//!   the messages it rewrites).
//! - `pseudo`: the pseudo-locales `en-XA` (accented, longer) and `ar-XB` (mirrored), compiled
//!   in, for testing UIs ([`LocalizerBuilder::pseudo_locales`]).
//! - `files`: load `.ftl` files at run time instead ([`LocalizerBuilder::directory`],
//!   [`read_locales`]), for translators trying their work; they pass the same checks as the
//!   embedded ones ([`check_locales`]), which report every problem with file, line, column,
//!   locale and message id, and are compiled by the same engine. The declared locales write
//!   numbers from their generated data; a loaded locale that is not declared gets them from
//!   ICU4X with its full compiled data (every CLDR locale), which this feature adds. It also
//!   lays the application's own wording over the embedded messages ([`Overrides`], from
//!   Fluent or an OMNIA language file).
//!
//! (Built without a feature, these docs link its items to docs.rs, built with every feature.)
//!
#![cfg_attr(
    not(feature = "pseudo"),
    doc = concat!("[`LocalizerBuilder::pseudo_locales`]: https://docs.rs/omnia-errors-fluent/", env!("CARGO_PKG_VERSION"), "/omnia_errors_fluent/struct.LocalizerBuilder.html#method.pseudo_locales")
)]
#![cfg_attr(
    not(feature = "files"),
    doc = concat!("[`LocalizerBuilder::directory`]: https://docs.rs/omnia-errors-fluent/", env!("CARGO_PKG_VERSION"), "/omnia_errors_fluent/struct.LocalizerBuilder.html#method.directory"),
    doc = concat!("[`read_locales`]: https://docs.rs/omnia-errors-fluent/", env!("CARGO_PKG_VERSION"), "/omnia_errors_fluent/fn.read_locales.html"),
    doc = concat!("[`check_locales`]: https://docs.rs/omnia-errors-fluent/", env!("CARGO_PKG_VERSION"), "/omnia_errors_fluent/fn.check_locales.html"),
    doc = concat!("[`Overrides`]: https://docs.rs/omnia-errors-fluent/", env!("CARGO_PKG_VERSION"), "/omnia_errors_fluent/struct.Overrides.html")
)]
#![forbid(unsafe_code)]
#![cfg_attr(docsrs, feature(doc_cfg))]

#[cfg(feature = "files")]
mod check;
#[cfg(feature = "codegen")]
mod codegen;
#[cfg(feature = "files")]
mod compile;
#[cfg(feature = "codegen")]
mod compiled;
#[cfg(feature = "embedded")]
#[rustfmt::skip] // Generated, one line per message.
mod embedded;
#[cfg(feature = "files")]
mod load;
mod locales;
mod localizer;
mod negotiate;
mod number;
#[cfg(feature = "embedded")]
#[rustfmt::skip] // Generated.
mod number_data;
#[cfg(feature = "files")]
mod overrides;
mod pattern;
mod probe;
#[cfg(feature = "files")]
mod source;
mod status;

pub use locales::LocaleInfo;

/// Every language of the embedded messages, as `locales/locales.toml` declares them, in
/// negotiation preference order: when a request matches several equally (a bare `pt`, or
/// `pt-AO`), the earlier wins. The first is the source.
#[cfg(feature = "embedded")]
pub const LOCALES: &[LocaleInfo<'static>] = &embedded::LOCALES;

/// The source language, the first declared: complete by definition, and the fallback of every
/// other locale.
#[cfg(feature = "embedded")]
pub const SOURCE_LOCALE: &str = LOCALES[0].tag;
pub use localizer::{
    Fallback, FallbackKind, Isolation, Language, Localized, LocalizedBody, LocalizedProblem,
    Localizer, LocalizerBuilder, Message,
};
pub use negotiate::{LanguageRange, parse_accept_language, parse_language};
pub use number::PLURAL_CATEGORIES;
pub use status::{CLIENT_ERROR, SERVER_ERROR, STATUS_TITLES, status_title_id};

#[cfg(feature = "files")]
pub use check::{
    Finding, FindingKind, FindingList, PluralCategories, Position, check_locales,
    integer_plural_categories, integer_plural_category,
};
#[cfg(feature = "codegen")]
#[doc(hidden)]
pub use codegen::generate_embedded;
#[cfg(feature = "codegen")]
#[doc(hidden)]
pub use compiled::{CompiledLocale, CompiledMessage, Part, VariantKey, compile_declared};
#[cfg(feature = "files")]
pub use load::{LoadError, MAX_FILE_BYTES, read_locales};
#[cfg(feature = "files")]
pub use overrides::{OverrideError, Overrides};
#[cfg(feature = "files")]
pub use source::{LocaleFiles, SourceFile};
