//! Localizing a received body or problem changes its messages and nothing else: read,
//! localized and written again, every number comes back as the server wrote it.

use omnia_errors::{ErrorBody, ProblemDetails};
use omnia_errors_fluent::Localizer;
use proptest::prelude::*;

/// A body with `n` in its parameters, an item's parameters and an extension, each message
/// as the embedded en-US has it (so that localizing into en-US changes no byte).
fn body(n: &str) -> String {
    format!(
        concat!(
            r#"{{"code":"ValidationFailed","message":"Request validation failed.","errors":["#,
            r#"{{"code":"TextMaxLengthMismatch","name":"Description","message":"Value is too long to the defined length of 5.","#,
            r#""parameters":{{"maxLength":5,"seen":{n}}},"rank":{n}}}],"#,
            r#""parameters":{{"n":{n},"list":[{n},{{"deep":{n}}}]}},"traceId":{n}}}"#
        ),
        n = n
    )
}

fn problem(n: &str) -> String {
    format!(
        concat!(
            r#"{{"type":"about:blank","title":"Request validation failed.","status":400,"#,
            r#""detail":"Request validation failed.","code":"ValidationFailed","errors":["#,
            r#"{{"code":"TextMaxLengthMismatch","detail":"Value is too long to the defined length of 5.","#,
            r#""parameters":{{"maxLength":5,"seen":{n}}},"rank":{n}}}],"#,
            r#""parameters":{{"n":{n}}},"balance":{n}}}"#
        ),
        n = n
    )
}

fn localized_body(json: &str, tag: &str) -> String {
    let mut body: ErrorBody = serde_json::from_str(json).unwrap();
    let fallbacks = Localizer::embedded()
        .for_accept_language(tag)
        .localize_body(&mut body);
    assert!(fallbacks.is_empty(), "{fallbacks:?}");
    serde_json::to_string(&body).unwrap()
}

fn localized_problem(json: &str, tag: &str) -> String {
    let mut problem: ProblemDetails = serde_json::from_str(json).unwrap();
    let fallbacks = Localizer::embedded()
        .for_accept_language(tag)
        .localize_problem(&mut problem);
    assert!(fallbacks.is_empty(), "{fallbacks:?}");
    serde_json::to_string(&problem).unwrap()
}

#[test]
fn numbers_past_any_f64_come_back_from_localizing_as_written() {
    // Before numbers were kept as written, 123456789012345678901234567890 came back as
    // 1.2345678901234568e+29, and a body holding 1e400 did not read.
    for n in [
        "123456789012345678901234567890",
        "1e400",
        "1.50",
        "-0",
        "2E-7",
    ] {
        assert_eq!(localized_body(&body(n), "en-US"), body(n));
        assert_eq!(localized_problem(&problem(n), "en-US"), problem(n));
        let polish = localized_body(&body(n), "pl-PL");
        assert!(polish.contains(&format!(r#""traceId":{n}}}"#)), "{polish}");
        assert!(polish.contains("5 znaków"), "{polish}");
    }
}

proptest! {
    #[test]
    fn localizing_changes_no_number(n in "-?(0|[1-9][0-9]{0,40})(\\.[0-9]{1,24})?([eE][+-]?[0-9]{1,4})?") {
        prop_assert_eq!(localized_body(&body(&n), "en-US"), body(&n));
        prop_assert_eq!(localized_problem(&problem(&n), "en-US"), problem(&n));
    }
}
