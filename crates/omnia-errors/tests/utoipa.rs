//! What utoipa emits is the published fragment (`docs/openapi/errors.json`): one source.
#![cfg(feature = "utoipa")]

use omnia_errors::openapi::{ErrorComponents, components, error_response_ref, problem_details_ref};
use omnia_errors::{
    ErrorBody, ErrorCode, PROBLEM_JSON, Parameters, ProblemDetails, ValidationErrorCode,
    ValidationErrorItem,
};
use utoipa::{OpenApi, ToSchema};

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
            "ProblemDetails",
            "StatusProblem",
            "ValidationError",
            "ValidationErrorCode",
            "ValidationProblem",
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
fn every_response_offers_both_bodies_with_the_same_examples() {
    let emitted = serde_json::to_value(components()).unwrap();
    for (status, response) in emitted["responses"].as_object().unwrap() {
        let content = response["content"].as_object().unwrap();
        let mut media_types: Vec<&String> = content.keys().collect();
        media_types.sort();
        assert_eq!(media_types, ["application/json", PROBLEM_JSON], "{status}");
        assert_eq!(
            content[PROBLEM_JSON]["schema"]["$ref"], "#/components/schemas/ProblemDetails",
            "{status}"
        );
        let names = |media_type: &str| {
            let mut names: Vec<String> = content[media_type]["examples"]
                .as_object()
                .unwrap()
                .keys()
                .cloned()
                .collect();
            names.sort();
            names
        };
        assert_eq!(names("application/json"), names(PROBLEM_JSON), "{status}");
    }
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

#[test]
fn naming_the_problem_type_pulls_in_every_schema_it_refers_to() {
    #[derive(OpenApi)]
    #[openapi(components(schemas(ProblemDetails)))]
    struct ApiDoc;

    let emitted = serde_json::to_value(ApiDoc::openapi()).unwrap();
    let schemas = emitted["components"]["schemas"].as_object().unwrap();
    let mut names: Vec<&String> = schemas.keys().collect();
    names.sort();
    assert_eq!(
        names,
        [
            "ErrorCode",
            "ErrorParameters",
            "ProblemDetails",
            "ValidationErrorCode",
            "ValidationProblem",
        ]
    );
    for (name, schema) in schemas {
        assert_eq!(
            schema,
            &published()["components"]["schemas"][name],
            "{name}"
        );
    }
}

#[test]
fn each_type_is_named_as_its_schema() {
    let names = [
        (ErrorCode::name(), "ErrorCode"),
        (ValidationErrorCode::name(), "ValidationErrorCode"),
        (Parameters::name(), "ErrorParameters"),
        (ValidationErrorItem::name(), "ValidationError"),
        (ErrorBody::name(), "ErrorResponse"),
        (ProblemDetails::name(), "ProblemDetails"),
    ];
    for (name, schema) in names {
        assert_eq!(name, schema);
        assert!(components().schemas.contains_key(schema), "{schema}");
    }
}

#[test]
fn the_body_refs_point_at_their_schemas() {
    for (reference, name) in [
        (error_response_ref(), "ErrorResponse"),
        (problem_details_ref(), "ProblemDetails"),
    ] {
        assert_eq!(
            serde_json::to_value(reference).unwrap(),
            serde_json::json!({ "$ref": format!("#/components/schemas/{name}") })
        );
    }
}
