//! The JSON error body: OMNIA's shape byte for byte, forward compatible, nothing lost.

use omnia_errors::{
    ApiError, ErrorBody, ErrorCode, ParamValue, ValidationError, ValidationErrorCode,
    ValidationErrorItem, WireCode,
};
use proptest::prelude::*;

fn round_trip(json: &str) -> ErrorBody {
    let body: ErrorBody = serde_json::from_str(json).unwrap_or_else(|e| panic!("{json}: {e}"));
    assert_eq!(
        serde_json::to_string(&body).unwrap(),
        json,
        "not byte for byte"
    );
    body
}

#[test]
fn plain_omnia_bodies_round_trip_byte_for_byte() {
    let body = round_trip(r#"{"code":"EntityNotFound","message":"Entity can't be found."}"#);
    assert_eq!(body.code, ErrorCode::EntityNotFound);
    assert_eq!(body.http_status(), 404);
    assert!(body.errors().is_empty());

    round_trip(r#"{"code":"InvalidInput","message":"Invalid request input data.","errors":[]}"#);

    let body = round_trip(concat!(
        r#"{"code":"ValidationFailed","message":"Request validation failed.","errors":["#,
        r#"{"code":"RequiredValue","name":"Customer.Name","message":"Attribute value is required."},"#,
        r#"{"code":"Duplicated","message":"Duplicated element."}]}"#
    ));
    let items = body.errors();
    assert_eq!(items[0].code, ValidationErrorCode::RequiredValue);
    assert_eq!(items[0].name.as_deref(), Some("Customer.Name"));
    assert_eq!(
        items[0].error(),
        Ok(ValidationError::RequiredValue { path: None })
    );
    assert_eq!(items[1].name, None);
}

#[test]
fn parameters_travel_with_items_and_bodies() {
    let body = round_trip(concat!(
        r#"{"code":"ValidationFailed","message":"Request validation failed.","errors":["#,
        r#"{"code":"TextMaxLengthMismatch","name":"Description","message":"Too long.","parameters":{"maxLength":50}}]}"#
    ));
    assert_eq!(
        body.errors()[0].error(),
        Ok(ValidationError::TextMaxLengthMismatch { max_length: 50 })
    );

    let body = ErrorBody::from_error(
        &ApiError::ConnectorBehaviourFailed {
            message: Some("Disk full".into()),
        },
        "Failed.",
    );
    let json = serde_json::to_string(&body).unwrap();
    assert_eq!(
        json,
        r#"{"code":"ConnectorBehaviourFailed","message":"Failed.","parameters":{"message":"Disk full"}}"#
    );
    assert_eq!(
        round_trip(&json).error(),
        Ok(ApiError::ConnectorBehaviourFailed {
            message: Some("Disk full".into())
        })
    );
}

#[test]
fn codes_and_properties_from_a_newer_server_are_kept() {
    let body = round_trip(concat!(
        r#"{"code":"QuotaExceeded","message":"Slow down.","errors":["#,
        r#"{"code":"TooManyTags","name":"Tags","message":"Too many.","parameters":{"max":10,"ratio":0.5,"tags":["a",null,true],"nested":{"x":-1}},"severity":"warning"}],"#,
        r#""traceId":"abc-123"}"#
    ));
    assert_eq!(body.code, WireCode::Unknown("QuotaExceeded".into()));
    assert_eq!(body.http_status(), 500);
    assert!(
        body.error()
            .unwrap_err()
            .to_string()
            .contains("QuotaExceeded")
    );
    assert_eq!(
        body.extensions.get("traceId"),
        Some(&ParamValue::from("abc-123"))
    );
    let item = &body.errors()[0];
    assert_eq!(item.code.as_str(), "TooManyTags");
    assert_eq!(
        item.extensions.get("severity"),
        Some(&ParamValue::from("warning"))
    );
    assert_eq!(
        item.parameters.get("ratio"),
        Some(&ParamValue::Number("0.5".parse().unwrap()))
    );
}

#[test]
fn null_errors_reads_as_absent() {
    let body: ErrorBody = serde_json::from_str(
        r#"{"code":"InternalError","message":"x","errors":null,"parameters":null}"#,
    )
    .unwrap();
    assert_eq!(body.errors, None);
    assert!(body.parameters.is_empty());
    assert_eq!(
        serde_json::to_string(&body).unwrap(),
        r#"{"code":"InternalError","message":"x"}"#
    );
}

#[test]
fn malformed_bodies_are_errors_that_say_what_is_wrong() {
    for (json, expected) in [
        (r#"{"message":"x"}"#, "missing field `code`"),
        (r#"{"code":"InternalError"}"#, "missing field `message`"),
        (r#"{"code":42,"message":"x"}"#, "API error code as a string"),
        (
            r#"{"code":"InternalError","message":"x","parameters":[1]}"#,
            "invalid type: sequence, expected a JSON object of parameters at line 1 column 55",
        ),
        (
            r#"{"code":"InternalError","message":"x","parameters":5}"#,
            "invalid type: integer `5`, expected a JSON object of parameters",
        ),
        (
            r#"{"code":"ValidationFailed","message":"x","errors":[5]}"#,
            "invalid type: integer `5`, expected a validation error (a JSON object)",
        ),
        (
            r#"{"code":"ValidationFailed","message":"x","errors":[{"code":"Duplicated","message":"a","message":"b"}]}"#,
            "duplicate field `message`",
        ),
    ] {
        let error = serde_json::from_str::<ErrorBody>(json)
            .unwrap_err()
            .to_string();
        assert!(error.contains(expected), "{json}: {error}");
    }
}

#[test]
fn strict_codes_reject_unknown_names_with_a_suggestion() {
    assert_eq!(
        serde_json::from_str::<ErrorCode>(r#""EntityNotFound""#).unwrap(),
        ErrorCode::EntityNotFound
    );
    let error = serde_json::from_str::<ValidationErrorCode>(r#""Duplicate""#)
        .unwrap_err()
        .to_string();
    assert!(error.contains(r#"did you mean "Duplicated"?"#), "{error}");
}

fn any_typed_item() -> impl Strategy<Value = ValidationErrorItem> {
    let text = "[a-zA-Z0-9 .'\"\\\\\u{e9}\u{1F600}]{0,12}";
    let error = prop_oneof![
        (0..u64::MAX).prop_map(|n| ValidationError::TextMaxLengthMismatch { max_length: n }),
        proptest::option::of(0..1000u64)
            .prop_map(|limit| ValidationError::UpperLimitNotRespected { limit }),
        (
            proptest::option::of(text),
            proptest::option::of(text),
            proptest::option::of(text)
        )
            .prop_map(
                |(value, expected_type, path)| ValidationError::TypeMismatch {
                    value,
                    expected_type,
                    path,
                }
            ),
        (0..ValidationErrorCode::ALL.len()).prop_filter_map("parameterless", |i| {
            ValidationError::from_parameters(
                ValidationErrorCode::ALL[i],
                &omnia_errors::Parameters::new(),
            )
            .ok()
        }),
    ];
    (error, proptest::option::of(text), text).prop_map(|(error, name, message)| {
        let item = ValidationErrorItem::new(&error, message);
        match name {
            Some(name) => item.with_name(name),
            None => item,
        }
    })
}

proptest! {
    #[test]
    fn every_body_round_trips_through_json(
        code in 0..ErrorCode::ALL.len(),
        message in ".{0,20}",
        items in proptest::option::of(proptest::collection::vec(any_typed_item(), 0..4)),
    ) {
        let body = ErrorBody { errors: items, ..ErrorBody::new(ErrorCode::ALL[code], message) };
        let json = serde_json::to_string(&body).unwrap();
        let back: ErrorBody = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(&back, &body);
        for item in back.errors() {
            prop_assert!(item.error().is_ok());
        }
    }
}

#[test]
fn numbers_from_a_newer_server_come_back_as_written() {
    // Found by the error_body_json fuzz target: serde_json's default float parser read "4e40"
    // as 3.9999999999999996e40. Numbers are now kept as written, not read into an f64.
    let body =
        round_trip(r#"{"code":"InternalError","message":"x","parameters":{"f":4e40,"g":0.1}}"#);
    assert_eq!(
        body.parameters.get("f"),
        Some(&ParamValue::Number("4e40".parse().unwrap()))
    );
}

#[test]
fn a_wire_code_equals_only_the_known_code_it_holds() {
    let known = WireCode::<ErrorCode>::from("EntityNotFound");
    assert!(known == ErrorCode::EntityNotFound);
    assert!(known != ErrorCode::FileNotFound);
    let newer = WireCode::<ErrorCode>::from("QuotaExceeded".to_owned());
    assert!(newer != ErrorCode::EntityNotFound);
}

#[test]
fn a_wire_code_displays_its_wire_name() {
    assert_eq!(
        WireCode::<ErrorCode>::from(ErrorCode::FileNotFound).to_string(),
        "FileNotFound"
    );
    assert_eq!(
        WireCode::<ErrorCode>::from("QuotaExceeded").to_string(),
        "QuotaExceeded"
    );
}
