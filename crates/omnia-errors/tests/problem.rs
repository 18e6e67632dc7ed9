//! RFC 9457 Problem Details: the body's shape, reading it as RFC 9457 allows, nothing lost;
//! and the `Accept` negotiation that chooses it.

use omnia_errors::header::MAX_HEADER_BYTES;
use omnia_errors::{
    ABOUT_BLANK, ApiError, DocsPage, ErrorCode, ErrorFormat, ParamError, ParamValue, Parameters,
    ProblemDetails, ValidationError, ValidationErrorCode, ValidationErrorItem, WireCode,
};
use proptest::prelude::*;

fn round_trip(json: &str) -> ProblemDetails {
    let problem: ProblemDetails =
        serde_json::from_str(json).unwrap_or_else(|e| panic!("{json}: {e}"));
    assert_eq!(
        serde_json::to_string(&problem).unwrap(),
        json,
        "not byte for byte"
    );
    problem
}

#[test]
fn a_problem_has_the_rfc_members_then_omnias() {
    let error = ApiError::ConnectorBehaviourFailed {
        message: Some("Disk full".into()),
    };
    let problem = ProblemDetails::new(&error, &DocsPage::default())
        .with_title("Behaviour execution failed while running in Connector.")
        .with_detail("Behaviour execution failed while running in Connector: Disk full")
        .with_instance("/customers/7");
    let json = serde_json::to_string(&problem).unwrap();
    assert_eq!(
        json,
        concat!(
            r#"{"type":"https://docs.omnialowcode.com/omnia3_api_errors.html#ConnectorBehaviourFailed","#,
            r#""title":"Behaviour execution failed while running in Connector.","status":400,"#,
            r#""detail":"Behaviour execution failed while running in Connector: Disk full","#,
            r#""instance":"/customers/7","code":"ConnectorBehaviourFailed","#,
            r#""parameters":{"message":"Disk full"}}"#,
        )
    );
    let read = round_trip(&json);
    assert_eq!(read, problem);
    assert_eq!(read.error(), Ok(error));
    assert!(read.errors().is_empty());
}

#[test]
fn every_code_links_to_its_anchor_with_its_status() {
    let page = DocsPage::new("https://api.example.com/errors.html").unwrap();
    for &code in ErrorCode::ALL {
        let Ok(error) = ApiError::from_parameters(code, &Parameters::default()) else {
            continue;
        };
        let problem = ProblemDetails::new(&error, &page);
        assert_eq!(
            problem.r#type,
            format!("{}#{}", page.as_str(), code.as_str())
        );
        assert_eq!(page.code_of(&problem.r#type), Some(code.into()));
        assert_eq!(problem.status, Some(code.http_status()));
        assert_eq!(problem.code, Some(code.into()));
        assert_eq!((&problem.title, &problem.detail), (&None, &None));
    }
}

#[test]
fn validation_items_carry_name_detail_and_parameters() {
    let problem = round_trip(concat!(
        r#"{"type":"https://docs.omnialowcode.com/omnia3_api_errors.html#ValidationFailed","#,
        r#""title":"Request validation failed.","status":400,"detail":"Request validation failed.","#,
        r#""code":"ValidationFailed","errors":[{"code":"TextMaxLengthMismatch","name":"Description","#,
        r#""detail":"Too long.","parameters":{"maxLength":50}},{"code":"Duplicated","detail":"Duplicated element."}]}"#
    ));
    let items = problem.errors();
    assert_eq!(items.len(), 2);
    assert_eq!(items[0].name.as_deref(), Some("Description"));
    assert_eq!(
        items[0].error(),
        Ok(ValidationError::TextMaxLengthMismatch { max_length: 50 })
    );
    assert_eq!(items[1].code, ValidationErrorCode::Duplicated);
    assert_eq!(items[1].name, None);
    let built = ValidationErrorItem::new(
        &ValidationError::TextMaxLengthMismatch { max_length: 50 },
        "Too long.",
    )
    .with_name("Description");
    assert_eq!(items[0], built);
}

#[test]
fn absent_standard_members_read_as_rfc_9457_says() {
    // Only `code` is required: it is what makes the body an OMNIA problem.
    let problem: ProblemDetails = serde_json::from_str(r#"{"code":"InternalError"}"#).unwrap();
    assert_eq!(problem.r#type, ABOUT_BLANK);
    assert_eq!(
        (
            &problem.title,
            problem.status,
            &problem.detail,
            &problem.instance
        ),
        (&None, None, &None, &None)
    );
    assert_eq!(problem.errors, None);
    assert_eq!(
        serde_json::to_string(&problem).unwrap(),
        r#"{"type":"about:blank","code":"InternalError"}"#
    );
    let null_errors: ProblemDetails =
        serde_json::from_str(r#"{"code":"InternalError","errors":null}"#).unwrap();
    assert_eq!(null_errors.errors, None);
    round_trip(r#"{"type":"about:blank","code":"InternalError","errors":[]}"#);
}

#[test]
fn members_and_codes_from_a_newer_server_are_kept() {
    let problem = round_trip(concat!(
        r#"{"type":"https://example.com/probs/quota","title":"Quota","status":429,"#,
        r#""code":"QuotaExceeded","errors":[{"code":"TooManyTags","detail":"Too many.","severity":"warning"}],"#,
        r#""traceId":"abc-123","balance":30}"#
    ));
    assert_eq!(
        problem.code,
        Some(WireCode::Unknown("QuotaExceeded".into()))
    );
    assert_eq!(
        problem.error(),
        Err(ParamError::NotInCatalog {
            code: "QuotaExceeded".into()
        })
    );
    assert_eq!(
        problem.extensions.get("traceId"),
        Some(&ParamValue::Text("abc-123".into()))
    );
    assert_eq!(
        problem.extensions.get("balance"),
        Some(&ParamValue::from(30))
    );
    let item = &problem.errors()[0];
    assert!(item.error().is_err());
    assert_eq!(
        item.extensions.get("severity"),
        Some(&ParamValue::Text("warning".into()))
    );
}

#[test]
fn malformed_problems_are_errors_that_say_what_is_wrong() {
    for (json, says) in [
        (r#"{"code":"InternalError","status":"500"}"#, "invalid type"),
        (
            r#"{"code":"InternalError","status":70000}"#,
            "invalid value",
        ),
        (r#"{"code":"InternalError","type":null}"#, "invalid type"),
        (r#"{"code":7}"#, "invalid type"),
        (
            r#"{"code":"ValidationFailed","errors":[{"code":"Duplicated"}]}"#,
            "missing field `detail`",
        ),
        (
            r#"{"code":"ValidationFailed","errors":[5]}"#,
            "invalid type: integer `5`, expected a validation problem (a JSON object)",
        ),
        ("[]", "invalid type"),
    ] {
        let error = serde_json::from_str::<ProblemDetails>(json).unwrap_err();
        assert!(error.to_string().contains(says), "{json}: {error}");
    }
}

#[test]
fn a_problem_and_an_omnia_body_read_into_the_same_typed_error() {
    let error = ValidationError::TextMaxLengthMismatch { max_length: 7 };
    let body = omnia_errors::ErrorBody::new(ErrorCode::ValidationFailed, "x")
        .with_error(ValidationErrorItem::new(&error, "y"));
    let problem = ProblemDetails::new(&ApiError::ValidationFailed, &DocsPage::OMNIA)
        .with_error(ValidationErrorItem::new(&error, "y"));
    assert_eq!(body.error(), problem.error());
    // One item type: the same item in either body, named `message` in one and `detail` in the
    // other on the wire.
    assert_eq!(body.errors(), problem.errors());
    let item = r#"{"code":"TextMaxLengthMismatch","message":"y","parameters":{"maxLength":7}}"#;
    assert_eq!(serde_json::to_string(&body.errors()[0]).unwrap(), item);
    let json = serde_json::to_string(&problem).unwrap();
    assert!(json.contains(&item.replace("message", "detail")), "{json}");
}

#[test]
fn a_body_becomes_the_same_problem() {
    let error = ValidationError::TextMaxLengthMismatch { max_length: 7 };
    let mut body = omnia_errors::ErrorBody::from_error(&ApiError::ValidationFailed, "x")
        .with_error(ValidationErrorItem::new(&error, "y").with_name("Description"));
    body.extensions
        .insert("traceId", ParamValue::Text("abc".into()));
    let page = DocsPage::OMNIA;
    let problem = ProblemDetails::from_body(body.clone(), &page);
    let mut built = ProblemDetails::new(&ApiError::ValidationFailed, &page)
        .with_detail("x")
        .with_error(ValidationErrorItem::new(&error, "y").with_name("Description"));
    built
        .extensions
        .insert("traceId", ParamValue::Text("abc".into()));
    assert_eq!(problem, built);

    // A code this version does not know documents nothing and has no known status.
    let unknown: omnia_errors::ErrorBody =
        serde_json::from_str(r#"{"code":"QuotaExceeded","message":"Slow down."}"#).unwrap();
    let problem = ProblemDetails::from_body(unknown, &page);
    assert_eq!(
        (problem.r#type.as_str(), problem.status),
        (ABOUT_BLANK, None)
    );
    assert_eq!(
        problem.code.as_ref().map(WireCode::as_str),
        Some("QuotaExceeded")
    );
    assert_eq!(problem.detail.as_deref(), Some("Slow down."));
}

proptest! {
    /// Whatever a server sends that reads, writes back and reads again to the same value.
    #[test]
    fn every_problem_round_trips_through_json(
        code in "[A-Za-z]{1,20}",
        title in proptest::option::of(".{0,20}"),
        status in proptest::option::of(any::<u16>()),
        detail in proptest::option::of(".{0,20}"),
        extra in proptest::collection::btree_map("[a-z]{1,8}", any::<u64>(), 0..4),
    ) {
        let mut problem = ProblemDetails::new(&ApiError::InternalError, &DocsPage::OMNIA);
        problem.code = Some(code.as_str().into());
        problem.title = title;
        problem.status = status;
        problem.detail = detail;
        for (key, value) in extra {
            // Names of known members would be read as those members, not extensions.
            if !["type", "title", "status", "detail", "instance", "code", "errors", "parameters"].contains(&key.as_str()) {
                problem.extensions.insert(key, ParamValue::from(value));
            }
        }
        let json = serde_json::to_string(&problem).unwrap();
        let read: ProblemDetails = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(read, problem);
    }

    /// A header that names neither JSON type nor a wildcard leaves the choice to the server.
    #[test]
    fn headers_without_json_or_wildcards_keep_the_preference(header in "[^*n]{0,200}") {
        for preferred in [ErrorFormat::Omnia, ErrorFormat::ProblemDetails] {
            prop_assert_eq!(ErrorFormat::negotiate(&header, preferred), preferred);
        }
    }

    /// Past the bytes read, nothing changes the answer.
    #[test]
    fn nothing_past_the_bound_counts(
        elements in proptest::collection::vec(
            prop_oneof![
                Just("application/json"), Just("application/problem+json"), Just("*/*"),
                Just("application/*;q=0.5"), Just("text/html;q=0.1"), Just("application/json;q=0"),
            ],
            1..400,
        ),
        suffix in "[ -~]{0,64}",
    ) {
        let header = elements.join(", ");
        prop_assume!(header.len() >= MAX_HEADER_BYTES);
        for preferred in [ErrorFormat::Omnia, ErrorFormat::ProblemDetails] {
            prop_assert_eq!(
                ErrorFormat::negotiate(&format!("{header}, {suffix}"), preferred),
                ErrorFormat::negotiate(&header, preferred),
            );
        }
    }

    /// The types' exact ranges decide over wildcards, in whatever order they come.
    #[test]
    fn exact_ranges_decide(problem_q in 0u16..=1000, json_q in 0u16..=1000, wildcard_first in any::<bool>()) {
        let q = |v: u16| format!("{}.{:03}", v / 1000, v % 1000);
        let exact = format!("application/problem+json;q={}, application/json;q={}", q(problem_q), q(json_q));
        let header = if wildcard_first { format!("*/*, {exact}") } else { format!("{exact}, */*") };
        // A tie goes to the preference, OMNIA's body here.
        let expected = if problem_q > json_q { ErrorFormat::ProblemDetails } else { ErrorFormat::Omnia };
        prop_assert_eq!(ErrorFormat::negotiate(&header, ErrorFormat::Omnia), expected);
    }
}

#[test]
fn a_problem_without_code_is_read_by_the_code_its_type_documents() {
    let page = DocsPage::new("https://api.example.com/errors.html").unwrap();
    let json =
        r#"{"type":"https://api.example.com/errors.html#EntityHasBeenChanged","status":412}"#;
    let problem: ProblemDetails = serde_json::from_str(json).unwrap();
    assert_eq!(problem.code, None);
    assert_eq!(
        problem.code_on(&page),
        Some(ErrorCode::EntityHasBeenChanged.into())
    );
    assert_eq!(problem.error_on(&page), Ok(ApiError::EntityHasBeenChanged));
    // Not a link of the OMNIA site's page, which `error` reads by.
    assert_eq!(problem.code_on(&DocsPage::OMNIA), None);
    assert_eq!(problem.error(), Err(ParamError::NoCode));
    // A code member wins over the type; a validation code's anchor is no problem's code.
    let both: ProblemDetails = serde_json::from_str(
        r#"{"type":"https://api.example.com/errors.html#FileNotFound","code":"DataNotFound"}"#,
    )
    .unwrap();
    assert_eq!(both.error_on(&page), Ok(ApiError::DataNotFound));
    let item: ProblemDetails =
        serde_json::from_str(r#"{"type":"https://api.example.com/errors.html#Duplicated"}"#)
            .unwrap();
    assert_eq!(item.code_on(&page), None);
}

#[test]
fn an_about_blank_problem_is_its_status_alone() {
    let problem = ProblemDetails::about_blank(404).with_title("Not Found");
    let json = serde_json::to_string(&problem).unwrap();
    assert_eq!(
        json,
        r#"{"type":"about:blank","title":"Not Found","status":404}"#
    );
    let read: ProblemDetails = serde_json::from_str(&json).unwrap();
    assert_eq!(read, problem);
    assert_eq!(read.code_on(&DocsPage::OMNIA), None);
    let error = read.error().unwrap_err();
    assert_eq!(error, ParamError::NoCode);
    assert!(error.to_string().contains("no OMNIA code"), "{error}");
}
