//! utoipa integration (feature `utoipa`): the error components of the OpenAPI fragment that
//! `cargo xtask docs` publishes, served to a utoipa-documented API.
//!
//! The schemas are not derived a second time here: they are the fragment's own components
//! (`openapi/components.json`, written by `cargo xtask docs` from the catalog and the en-US
//! messages, and kept current by its `--check`), so utoipa documents and the published
//! fragment cannot drift apart. utoipa's derive could not carry them anyway: it drops per-variant
//! documentation of unit enums, which is where each code's message lives.
//!
//! ```
//! use omnia_errors::openapi::ErrorComponents;
//! use utoipa::OpenApi;
//!
//! #[derive(OpenApi)]
//! #[openapi(modifiers(&ErrorComponents))] // every error schema and response, in one line
//! struct ApiDoc;
//!
//! let doc = ApiDoc::openapi();
//! let components = doc.components.unwrap();
//! assert!(components.schemas.contains_key("ErrorResponse"));
//! assert!(components.schemas.contains_key("ProblemDetails"));
//! assert!(components.responses.contains_key("Error404"));
//! ```
//!
//! Handlers' responses then `$ref` them (`#/components/responses/Error404`, which offers both
//! `application/json` and `application/problem+json`), or name the body type: `ErrorBody` is
//! the `ErrorResponse` schema, `ProblemDetails` the `ProblemDetails` schema.

use std::borrow::Cow;
use std::sync::LazyLock;

use utoipa::openapi::schema::{Components, Schema};
use utoipa::openapi::{OpenApi, RefOr};
use utoipa::{Modify, PartialSchema, ToSchema};

use crate::{
    ErrorBody, ErrorCode, Parameters, ProblemDetails, ValidationErrorCode, ValidationErrorItem,
};

/// The fragment's components, parsed once. The file is generated and checked by this
/// workspace's tests (`components_parse_and_hold_every_schema`), so it always parses; a copy
/// that did not would give empty components rather than a panic.
static COMPONENTS: LazyLock<Components> = LazyLock::new(|| {
    serde_json::from_str(include_str!("../openapi/components.json")).unwrap_or_default()
});

/// The components: schemas `ErrorCode`, `ValidationErrorCode`, `ErrorParameters`,
/// `ValidationError`, `ErrorResponse` (OMNIA's body), `ValidationProblem`, `ProblemDetails`
/// (RFC 9457 Problem Details), `StatusProblem` (an `about:blank` problem), and responses `Error400` … `Error503`, each with both bodies
/// (`application/json` and `application/problem+json`) and an example per code.
pub fn components() -> &'static Components {
    &COMPONENTS
}

fn schema(name: &str) -> RefOr<Schema> {
    COMPONENTS
        .schemas
        .get(name)
        .cloned()
        .unwrap_or_else(|| RefOr::T(Schema::default()))
}

fn reference(name: &str) -> RefOr<Schema> {
    RefOr::Ref(utoipa::openapi::Ref::from_schema_name(name))
}

/// Adds every error schema and response to a utoipa document: `modifiers(&ErrorComponents)`.
#[derive(Clone, Copy, Debug, Default)]
pub struct ErrorComponents;

impl Modify for ErrorComponents {
    fn modify(&self, openapi: &mut OpenApi) {
        let target = openapi.components.get_or_insert_with(Components::default);
        for (name, schema) in &COMPONENTS.schemas {
            target.schemas.insert(name.clone(), schema.clone());
        }
        for (name, response) in &COMPONENTS.responses {
            target.responses.insert(name.clone(), response.clone());
        }
    }
}

/// `ToSchema` for a type whose schema is one of the fragment's, with the schemas it refers to
/// (by name: a problem's items are the Rust type of a body's, under another schema).
macro_rules! fragment_schema {
    ($($ty:ty => $name:literal [$($dep:literal),*]),* $(,)?) => {$(
        impl PartialSchema for $ty {
            fn schema() -> RefOr<Schema> {
                schema($name)
            }
        }

        impl ToSchema for $ty {
            fn name() -> Cow<'static, str> {
                Cow::Borrowed($name)
            }

            #[allow(unused_variables)] // unused by the rows without dependencies
            fn schemas(schemas: &mut Vec<(String, RefOr<Schema>)>) {
                $(schemas.push(($dep.to_owned(), schema($dep)));)*
            }
        }
    )*};
}

// Each row lists every schema its schema refers to, directly or not.
fragment_schema! {
    ErrorCode => "ErrorCode" [],
    ValidationErrorCode => "ValidationErrorCode" [],
    Parameters => "ErrorParameters" [],
    ValidationErrorItem => "ValidationError" ["ValidationErrorCode", "ErrorParameters"],
    ErrorBody => "ErrorResponse" ["ErrorCode", "ValidationError", "ValidationErrorCode", "ErrorParameters"],
    ProblemDetails => "ProblemDetails" ["ErrorCode", "ValidationProblem", "ValidationErrorCode", "ErrorParameters"],
}

/// A `$ref` to the body schema, for hand-built utoipa responses.
pub fn error_response_ref() -> RefOr<Schema> {
    reference("ErrorResponse")
}

/// A `$ref` to the RFC 9457 body schema, for hand-built utoipa responses'
/// `application/problem+json` content.
pub fn problem_details_ref() -> RefOr<Schema> {
    reference("ProblemDetails")
}
