//! The error catalog of the OMNIA Platform's API: every error code, its HTTP status, the typed
//! parameters of its message, and the JSON error body — declared once, in spec order.
//!
//! Two catalogs make up the published "API Error Codes" page:
//! - [`ErrorCode`]: the 16 API error codes, each with its HTTP status;
//! - [`ValidationErrorCode`]: the 22 codes that a `ValidationFailed` response lists in its
//!   `errors`.
//!
//! Each has a typed twin carrying the message's parameters ([`ApiError`], [`ValidationError`]):
//! a code whose message needs a value cannot be built without it. [`ErrorBody`] is the JSON
//! body on the wire; reading one never fails on a code or property from a newer server.
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
//! # Features
//! - `serde` (default): `Serialize`/`Deserialize` for codes and bodies.
//! - `http`: [`ErrorCode::status_code`] returns an `http::StatusCode`.
//! - `utoipa`: `ToSchema` for codes and bodies, and [`openapi::ErrorComponents`] to add every
//!   error schema and response to a utoipa document in one line.

#![forbid(unsafe_code)]

mod body;
mod catalog;
mod define;
mod info;
#[cfg(feature = "utoipa")]
pub mod openapi;
mod params;
mod unknown;
mod wire;

pub use body::{ErrorBody, ValidationErrorItem};
pub use catalog::{ApiError, ErrorCode, ValidationError, ValidationErrorCode};
pub use info::{
    AnyCode, Catalog, CatalogCode, CatalogError, CodeInfo, Lifecycle, ParamKind, ParamRef,
    ParamSpec,
};
pub use params::{ParamError, ParamValue, Parameters};
pub use unknown::UnknownCode;
pub use wire::WireCode;
