//! What utoipa emits is the published fragment (`docs/openapi/errors.json`): one source.
#![cfg(feature = "utoipa")]

use omnia_errors::openapi::{ErrorComponents, components};
use omnia_errors::{ErrorBody, ErrorCode};
use utoipa::OpenApi;

fn published() -> serde_json::Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../docs/openapi/errors.json"
    );
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn components_parse_and_hold_every_schema() {
    let names: Vec<&String> = components().schemas.keys().collect();
    assert_eq!(
        names,
        [
            "ErrorCode",
            "ErrorParameters",
            "ErrorResponse",
            "ValidationError",
            "ValidationErrorCode"
        ]
    );
    assert_eq!(components().responses.len(), 7);
}

#[test]
fn a_utoipa_document_embeds_exactly_the_published_components() {
    #[derive(OpenApi)]
    #[openapi(modifiers(&ErrorComponents))]
    struct ApiDoc;

    let emitted = serde_json::to_value(ApiDoc::openapi()).unwrap();
    assert_eq!(
        emitted["components"]["schemas"],
        published()["components"]["schemas"]
    );
    assert_eq!(
        emitted["components"]["responses"],
        published()["components"]["responses"]
    );
}

#[test]
fn naming_the_body_type_pulls_in_every_schema_it_refers_to() {
    #[derive(OpenApi)]
    #[openapi(components(schemas(ErrorBody, ErrorCode)))]
    struct ApiDoc;

    let emitted = serde_json::to_value(ApiDoc::openapi()).unwrap();
    let schemas = &emitted["components"]["schemas"];
    for name in [
        "ErrorResponse",
        "ErrorCode",
        "ValidationError",
        "ValidationErrorCode",
        "ErrorParameters",
    ] {
        assert_eq!(
            schemas[name],
            published()["components"]["schemas"][name],
            "{name}"
        );
    }
}
