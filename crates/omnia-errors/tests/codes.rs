//! Code names, parsing errors and typed parameters.

use omnia_errors::{
    AnyCode, ApiError, CatalogError, ErrorCode, Lifecycle, ParamError, ParamKind, ParamRef,
    ParamValue, Parameters, ValidationError, ValidationErrorCode,
};
use proptest::prelude::*;

#[test]
fn unknown_names_get_a_typed_error_with_a_suggestion() {
    let error = "EntityNotFond".parse::<ErrorCode>().unwrap_err();
    assert_eq!(error.input(), "EntityNotFond");
    assert_eq!(error.suggestion(), Some("EntityNotFound"));
    assert!(
        error
            .to_string()
            .contains(r#"did you mean "EntityNotFound"?"#),
        "{error}"
    );

    // Case mistakes are typos too.
    let error = "entitynotfound".parse::<ErrorCode>().unwrap_err();
    assert_eq!(error.suggestion(), Some("EntityNotFound"));

    // Far from everything: no suggestion, but a pointer to what would be right.
    let error = "Banana".parse::<ErrorCode>().unwrap_err();
    assert_eq!(error.suggestion(), None);
    assert_eq!(
        error.to_string(),
        format!(
            r#"unknown API error code "Banana": expected one of the {} codes of the published error page"#,
            ErrorCode::ALL.len()
        )
    );

    // A validation code asked for as an API code says where it belongs.
    let error = "NotFound".parse::<ErrorCode>().unwrap_err();
    assert_eq!(
        error.in_other_catalog(),
        Some(AnyCode::Validation(ValidationErrorCode::NotFound))
    );
    assert!(error.to_string().contains("Validation Failed"), "{error}");

    // Hostile input: long, empty, control characters. No panic, input visible.
    let long = "x".repeat(100_000);
    assert_eq!(
        long.parse::<ValidationErrorCode>()
            .unwrap_err()
            .suggestion(),
        None
    );
    assert!(
        "".parse::<ErrorCode>()
            .unwrap_err()
            .to_string()
            .contains(r#""""#)
    );
    assert!(
        "\u{0}"
            .parse::<ErrorCode>()
            .unwrap_err()
            .to_string()
            .contains(r"\0")
    );
}

#[test]
fn suggestions_reach_a_third_of_the_name_and_ties_go_to_the_page_order() {
    // Three edits in a name of 14 letters: within its third.
    let error = "EntityNtFnd".parse::<ErrorCode>().unwrap_err();
    assert_eq!(error.suggestion(), Some("EntityNotFound"));
    // Two letters added to a name of 8: at its limit of two edits, still a typo.
    let error = "NotFoundXX".parse::<ValidationErrorCode>().unwrap_err();
    assert_eq!(error.suggestion(), Some("NotFound"));
    // Two edits from both DataNotFound and FileNotFound: the first on the page wins.
    let error = "DiteNotFound".parse::<ErrorCode>().unwrap_err();
    assert_eq!(error.suggestion(), Some("DataNotFound"));
}

#[test]
fn any_code_parses_either_catalog() {
    assert_eq!(
        AnyCode::parse("Duplicated"),
        Ok(AnyCode::Validation(ValidationErrorCode::Duplicated))
    );
    assert_eq!(
        AnyCode::parse("FileNotFound"),
        Ok(AnyCode::Api(ErrorCode::FileNotFound))
    );
    assert_eq!(
        AnyCode::parse("Duplicate").unwrap_err().suggestion(),
        Some("Duplicated")
    );
}

#[test]
fn only_declared_rows_have_params_and_notes() {
    let with_params: Vec<&str> = AnyCode::all()
        .filter(|c| !c.params().is_empty())
        .map(AnyCode::as_str)
        .collect();
    assert_eq!(
        with_params,
        [
            "ConnectorBehaviourFailed",
            "InvalidIdentifier",
            "LowerLimitNotRespected",
            "RequiredValue",
            "TypeMismatch",
            "UpperLimitNotRespected",
            "TextMaxLengthMismatch"
        ]
    );
    let max_length = ValidationErrorCode::TextMaxLengthMismatch.params();
    assert_eq!(max_length.len(), 1);
    assert_eq!(
        (
            max_length[0].name,
            max_length[0].kind,
            max_length[0].required
        ),
        ("maxLength", ParamKind::Number, true)
    );
    let notes: Vec<AnyCode> = AnyCode::all().filter(|c| c.has_doc_note()).collect();
    assert_eq!(notes, [AnyCode::Api(ErrorCode::ValidationFailed)]);
}

#[test]
fn typed_parameters_round_trip_through_the_wire_object() {
    let errors = [
        ValidationError::TextMaxLengthMismatch { max_length: 50 },
        ValidationError::TypeMismatch {
            value: Some("abc".into()),
            expected_type: Some("Integer".into()),
            path: Some("Amount".into()),
        },
        ValidationError::TypeMismatch {
            value: None,
            expected_type: Some("Date".into()),
            path: None,
        },
        ValidationError::LowerLimitNotRespected { limit: Some(1) },
        ValidationError::RequiredValue { path: None },
        ValidationError::Duplicated,
    ];
    for error in errors {
        let parameters = error.parameters();
        assert_eq!(
            ValidationError::from_parameters(error.code(), &parameters),
            Ok(error)
        );
    }
    let type_mismatch = ValidationError::TypeMismatch {
        value: Some("abc".into()),
        expected_type: Some("Integer".into()),
        path: Some("Amount".into()),
    }
    .parameters();
    let names: Vec<&str> = type_mismatch.iter().map(|(k, _)| k).collect();
    assert_eq!(names, ["value", "type", "path"]);
}

#[test]
fn context_is_known_only_when_every_optional_parameter_is() {
    assert!(
        ValidationError::TypeMismatch {
            value: Some("x".into()),
            expected_type: Some("Integer".into()),
            path: Some("Amount".into()),
        }
        .has_context()
    );
    assert!(
        !ValidationError::TypeMismatch {
            value: Some("x".into()),
            expected_type: None,
            path: Some("Amount".into()),
        }
        .has_context()
    );
    // `path` was added later: without it the generic message is shown, as before.
    assert!(
        !ValidationError::TypeMismatch {
            value: Some("x".into()),
            expected_type: Some("Integer".into()),
            path: None,
        }
        .has_context()
    );
    assert!(!ValidationError::TextMaxLengthMismatch { max_length: 3 }.has_context());
    assert!(
        ApiError::ConnectorBehaviourFailed {
            message: Some("boom".into())
        }
        .has_context()
    );
    assert!(!ApiError::EntityNotFound.has_context());
}

#[test]
fn an_empty_optional_text_selects_the_generic_message() {
    // "...while running in Connector: " with nothing after it is worse than the generic text.
    for empty in ["", " ", "\t\n"] {
        assert!(
            !ApiError::ConnectorBehaviourFailed {
                message: Some(empty.into())
            }
            .has_context(),
            "{empty:?}"
        );
        assert!(
            !ValidationError::TypeMismatch {
                value: Some("x".into()),
                expected_type: Some(empty.into()),
                path: Some("A.B".into()),
            }
            .has_context(),
            "{empty:?}"
        );
    }
    // A number has no "empty" value: 0 is a limit like any other.
    assert!(ValidationError::UpperLimitNotRespected { limit: Some(0) }.has_context());
}

#[test]
fn bad_wire_parameters_are_typed_errors() {
    let code = ValidationErrorCode::TextMaxLengthMismatch;
    assert_eq!(
        ValidationError::from_parameters(code, &Parameters::new()),
        Err(ParamError::Missing {
            code: "TextMaxLengthMismatch".into(),
            param: "maxLength"
        })
    );
    let negative: Parameters = [("maxLength", ParamValue::Number((-1).into()))]
        .into_iter()
        .collect();
    let error = ValidationError::from_parameters(code, &negative).unwrap_err();
    assert_eq!(
        error.to_string(),
        r#"parameter "maxLength" of TextMaxLengthMismatch must be a non-negative integer, found negative integer"#
    );
    let text: Parameters = [("maxLength", ParamValue::from("50"))]
        .into_iter()
        .collect();
    assert!(matches!(
        ValidationError::from_parameters(code, &text),
        Err(ParamError::WrongType {
            found: "string",
            ..
        })
    ));
    // Undeclared parameters are ignored by the typed view.
    let extra: Parameters = [("maxLength", ParamValue::from(5)), ("unit", "chars".into())]
        .into_iter()
        .collect();
    assert_eq!(
        ValidationError::from_parameters(code, &extra),
        Ok(ValidationError::TextMaxLengthMismatch { max_length: 5 })
    );
}

#[test]
fn a_typed_error_has_the_status_of_its_code() {
    assert_eq!(ApiError::EntityNotFound.http_status(), 404);
    assert_eq!(
        ApiError::ConnectorBehaviourFailed { message: None }.http_status(),
        400
    );
    assert_eq!(ApiError::ConnectorTimeout.http_status(), 503);
}

#[test]
fn any_code_counts_indexes_and_displays_both_catalogs() {
    assert_eq!(
        AnyCode::COUNT,
        ErrorCode::ALL.len() + ValidationErrorCode::ALL.len()
    );
    assert_eq!(AnyCode::all().count(), AnyCode::COUNT);
    for (position, code) in AnyCode::all().enumerate() {
        assert_eq!(code.index(), position, "{code:?}");
        assert_eq!(code.to_string(), code.as_str());
    }
    assert_eq!(
        AnyCode::Validation(ValidationErrorCode::Duplicated).to_string(),
        "Duplicated"
    );
}

/// A typed error that visits a parameter its code does not declare.
struct WithUndeclaredParam;

impl CatalogError for WithUndeclaredParam {
    type Code = ValidationErrorCode;

    fn code(&self) -> ValidationErrorCode {
        ValidationErrorCode::TypeMismatch
    }
    fn visit_params<'e>(&'e self, visit: &mut dyn FnMut(&'static str, ParamRef<'e>)) {
        visit("value", ParamRef::Text("x"));
        visit("type", ParamRef::Text("Integer"));
        visit("undeclared", ParamRef::Text("y"));
    }
}

#[test]
fn an_undeclared_parameter_does_not_stand_for_a_missing_optional_one() {
    // Three values visited, but `path` is not among them: no context.
    assert!(!WithUndeclaredParam.has_context());
}

#[test]
fn a_parameter_by_position_is_the_one_declared_there() {
    // The default, by name: TypeMismatch declares value, type, path; path is not visited.
    let params = ValidationErrorCode::TypeMismatch.info().params;
    let names: Vec<&str> = params.iter().map(|p| p.name).collect();
    assert_eq!(names, ["value", "type", "path"]);
    assert_eq!(WithUndeclaredParam.param(0), Some(ParamRef::Text("x")));
    assert_eq!(
        WithUndeclaredParam.param(1),
        Some(ParamRef::Text("Integer"))
    );
    assert_eq!(WithUndeclaredParam.param(2), None);
    assert_eq!(WithUndeclaredParam.param(3), None);
    // The catalog's own, one match: the same as visiting, for every position of every code.
    let error = ValidationError::TypeMismatch {
        value: Some("x".into()),
        expected_type: None,
        path: Some("Customer.Age".into()),
    };
    for (index, spec) in params.iter().enumerate() {
        let mut visited = None;
        error.visit_params(|name, value| {
            if name == spec.name {
                visited = Some(value);
            }
        });
        assert_eq!(CatalogError::param(&error, index), visited, "{}", spec.name);
    }
    assert_eq!(CatalogError::param(&error, params.len()), None);
    assert_eq!(CatalogError::param(&ValidationError::Duplicated, 0), None);
}

#[test]
fn lifecycles_have_their_registry_names() {
    assert_eq!(Lifecycle::Active.as_str(), "active");
    assert_eq!(Lifecycle::Deprecated.as_str(), "deprecated");
    assert_eq!(Lifecycle::Retired.as_str(), "retired");
}

#[test]
fn param_kinds_have_their_json_type_names() {
    assert_eq!(ParamKind::Number.json_type(), "integer");
    assert_eq!(ParamKind::Text.json_type(), "string");
}

#[cfg(feature = "http")]
#[test]
fn every_status_is_a_valid_http_status() {
    for &code in ErrorCode::ALL {
        assert_eq!(code.status_code().as_u16(), code.http_status(), "{code}");
    }
}

proptest! {
    #[test]
    fn as_str_then_from_str_is_identity(index in 0..AnyCode::COUNT) {
        let code = AnyCode::all().nth(index).unwrap();
        prop_assert_eq!(AnyCode::parse(code.as_str()), Ok(code));
        match code {
            AnyCode::Api(c) => prop_assert_eq!(c.as_str().parse::<ErrorCode>(), Ok(c)),
            AnyCode::Validation(c) => prop_assert_eq!(c.as_str().parse::<ValidationErrorCode>(), Ok(c)),
        }
    }

    #[test]
    fn parsing_any_string_never_panics_and_keeps_the_input(input in ".{0,200}") {
        match input.parse::<ErrorCode>() {
            Ok(code) => prop_assert_eq!(code.as_str(), input.as_str()),
            Err(error) => {
                prop_assert_eq!(error.input(), input.as_str());
                prop_assert!(!error.to_string().is_empty());
            }
        }
    }
}
