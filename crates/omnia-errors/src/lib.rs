//! The error catalog of the OMNIA Platform's API: every error code, its HTTP status, the typed
//! parameters of its message, and the JSON error body — declared once, in spec order.
//!
//! Two catalogs make up the published "API Error Codes" page:
//! - [`ErrorCode`]: the API error codes, each with its HTTP status;
//! - [`ValidationErrorCode`]: the codes that a `ValidationFailed` response lists in its
//!   `errors`.
//!
//! Each has a typed twin carrying the message's parameters ([`ApiError`], [`ValidationError`]):
//! a code whose message needs a value cannot be built without it. [`ErrorBody`] is the JSON
//! body on the wire; reading one never fails on a code or property from a newer server.
//! [`ProblemDetails`] is the same error as RFC 9457 `application/problem+json`, its `type` a
//! link to the code's anchor on the error page ([`DocsPage`]); [`ErrorFormat::negotiate`]
//! chooses between the two from a request's `Accept`.
//!
//! The messages themselves (English and translations) live in the Fluent files of
//! `locales/`, keyed by [`ErrorCode::fluent_id`]; the `omnia-errors-fluent` crate formats them.
//!
//! ```
//! use omnia_errors::{ErrorBody, ErrorCode, ValidationError};
//!
//! assert_eq!(ErrorCode::EntityNotFound.http_status(), 404);
//! assert_eq!(ErrorCode::EntityNotFound.fluent_id(), "error-EntityNotFound");
//!
//! let error = ValidationError::TextMaxLengthMismatch { max_length: 50 };
//! assert_eq!(error.code().as_str(), "TextMaxLengthMismatch");
//!
//! // A code from a newer server is kept, not rejected.
//! let body: ErrorBody = serde_json::from_str(r#"{"code":"QuotaExceeded","message":"Slow down."}"#)?;
//! assert_eq!(body.code.as_str(), "QuotaExceeded");
//! # Ok::<(), serde_json::Error>(())
//! ```
//!
//! # Names
//!
//! One name per idea, the same in Rust, the OpenAPI fragment (`docs/openapi/errors.yaml`) and the
//! error page:
//!
//! | idea | Rust | OpenAPI schema | on the page |
//! |---|---|---|---|
//! | one of the two tables of codes | [`Catalog`] | — | "API error codes", "\"Validation Failed\" error codes" |
//! | an API error code | [`ErrorCode`] | `ErrorCode` | Error code |
//! | a validation error code | [`ValidationErrorCode`] | `ValidationErrorCode` | Error code |
//! | a code with its parameter values | [`ApiError`], [`ValidationError`] | — (a code and `parameters`) | — |
//! | a code's row of the table | [`CodeInfo`] | — | a table row |
//! | the JSON error body | [`ErrorBody`] | `ErrorResponse` | — |
//! | the same error as RFC 9457 Problem Details | [`ProblemDetails`] | `ProblemDetails` | — |
//! | one item of either body's `errors` | [`ValidationErrorItem`] | `ValidationError` (OMNIA's body), `ValidationProblem` (a problem: its text called `detail`) | — |
//! | a body's `parameters` | [`Parameters`] | `ErrorParameters` | — |
//! | a number in them, kept as written | [`Number`] | (a JSON number) | — |
//! | a code's wire name, also its row's anchor on the page | `as_str()` | `ErrorCode`, `ValidationErrorCode` values | Error code, `#EntityNotFound` |
//! | an error no code fits: its status alone (`about:blank`) | [`ProblemDetails::about_blank`] | `StatusProblem` | — |
//! | a code's documentation, a problem's `type` | [`DocsPage::url_of`] | `ProblemDetails.type` | the link to a code's row |
//! | the HTTP status, as a number | `http_status()` | the response's status | HTTP status code |
//! | the HTTP status, as `http::StatusCode` | `status_code()` | | |
//!
//! Some OpenAPI names differ from Rust's because API consumers already read them
//! (`ErrorResponse`, and `ValidationError` for an item, where Rust's `ValidationError` is the
//! typed error an item is made from); they stay, so documents that `$ref` them keep working.
//! An item is one Rust type in both bodies; OpenAPI needs two schemas for it
//! (`ValidationError`, `ValidationProblem`) because JSON Schema cannot name a member by the
//! body around it.
//!
//! # Features
//! - `serde` (default): `Serialize`/`Deserialize` for codes and bodies.
//! - `http`: [`ErrorCode::status_code`] returns an `http::StatusCode`.
//! - `utoipa`: `ToSchema` for codes and bodies, and [`openapi::ErrorComponents`] to add every
//!   error schema and response to a utoipa document in one line.
//!
//! (Built without a feature, these docs link its items to docs.rs, built with every feature.)
//!
#![cfg_attr(
    not(feature = "http"),
    doc = concat!("[`ErrorCode::status_code`]: https://docs.rs/omnia-errors/", env!("CARGO_PKG_VERSION"), "/omnia_errors/enum.ErrorCode.html#method.status_code")
)]
#![cfg_attr(
    not(feature = "utoipa"),
    doc = concat!("[`openapi::ErrorComponents`]: https://docs.rs/omnia-errors/", env!("CARGO_PKG_VERSION"), "/omnia_errors/openapi/struct.ErrorComponents.html")
)]
#![forbid(unsafe_code)]

mod body;
mod catalog;
mod define;
mod docs_page;
mod format;
pub mod header;
mod info;
#[cfg(feature = "serde")]
mod json;
#[cfg(feature = "serde")]
mod json_text;
mod number;
#[cfg(feature = "utoipa")]
pub mod openapi;
mod params;
mod problem;
mod unknown;
mod wire;

pub use body::{ErrorBody, ValidationErrorItem};
pub use catalog::{ApiError, ErrorCode, ValidationError, ValidationErrorCode};
pub use docs_page::{DocsPage, DocsPageError, DocsPageErrorKind};
pub use format::{ErrorFormat, OMNIA_JSON};
pub use info::{
    AnyCode, Catalog, CatalogCode, CatalogError, CodeInfo, Lifecycle, ParamKind, ParamRef,
    ParamSpec,
};
pub use number::{Number, NumberError, NumberErrorKind};
pub use params::{ParamError, ParamValue, Parameters};
pub use problem::{ABOUT_BLANK, PROBLEM_JSON, ProblemDetails};
pub use unknown::UnknownCode;
pub use wire::WireCode;
