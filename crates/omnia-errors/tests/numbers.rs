//! Numbers come back as written through every reading and writing of a body or a problem:
//! integers of any size, decimals with their own digits, exponents past any `f64`.

use omnia_errors::{
    ErrorBody, ErrorCode, Number, ParamError, ParamValue, Parameters, ProblemDetails,
    ValidationError,
};
use proptest::prelude::*;

/// Numbers that `serde_json`'s own reading rounds, shortens or refuses.
const AS_WRITTEN: [&str; 8] = [
    "123456789012345678901234567890",
    "-123456789012345678901234567890",
    "1e400",
    "1.50",
    "-0",
    "1E+2",
    "0.1000000000000000055511151231257827",
    "18446744073709551616",
];

fn body(json: &str) -> ErrorBody {
    serde_json::from_str(json).unwrap_or_else(|e| panic!("{json}: {e}"))
}

fn problem(json: &str) -> ProblemDetails {
    serde_json::from_str(json).unwrap_or_else(|e| panic!("{json}: {e}"))
}

#[test]
fn every_place_a_body_or_a_problem_holds_a_number_keeps_it_as_written() {
    // Before numbers were kept as written, the first came back as 1.2345678901234568e+29,
    // and a body with 1e400 anywhere was refused.
    for n in AS_WRITTEN {
        let value = format!(r#"{{"n":{n},"list":[{n},{{"deep":{n}}}]}}"#);
        for json in [
            format!(r#"{{"code":"InternalError","message":"x","parameters":{value}}}"#),
            format!(r#"{{"code":"InternalError","message":"x","trace":{value}}}"#),
            format!(
                r#"{{"code":"ValidationFailed","message":"x","errors":[{{"code":"Duplicated","message":"y","parameters":{value},"extra":{n}}}]}}"#
            ),
        ] {
            let read = body(&json);
            assert_eq!(serde_json::to_string(&read).unwrap(), json);
            // The other readers of serde_json: bytes, and a reader (which buffers the text).
            assert_eq!(
                serde_json::from_slice::<ErrorBody>(json.as_bytes()).unwrap(),
                read
            );
            assert_eq!(
                serde_json::from_reader::<_, ErrorBody>(json.as_bytes()).unwrap(),
                read
            );
            let mut written = Vec::new();
            serde_json::to_writer(&mut written, &read).unwrap();
            assert_eq!(written, json.as_bytes());
        }
        for json in [
            format!(r#"{{"type":"about:blank","code":"InternalError","parameters":{value}}}"#),
            format!(r#"{{"type":"about:blank","code":"InternalError","balance":{value}}}"#),
            format!(
                r#"{{"type":"about:blank","code":"ValidationFailed","errors":[{{"code":"Duplicated","detail":"y","parameters":{value},"extra":{n}}}]}}"#
            ),
        ] {
            let read = problem(&json);
            assert_eq!(serde_json::to_string(&read).unwrap(), json);
            assert_eq!(
                serde_json::from_reader::<_, ProblemDetails>(json.as_bytes()).unwrap(),
                read
            );
        }
    }
}

#[test]
fn a_number_no_f64_holds_is_read_and_its_parameter_says_what_is_wrong() {
    // Before: "`parameters` must be a JSON object: number out of range", of an object.
    let read = body(
        r#"{"code":"ValidationFailed","message":"x","errors":[{"code":"TextMaxLengthMismatch","message":"y","parameters":{"maxLength":1e400}}]}"#,
    );
    assert_eq!(
        read.errors()[0].parameters.get("maxLength"),
        Some(&ParamValue::Number("1e400".parse().unwrap()))
    );
    assert_eq!(
        read.errors()[0].error().unwrap_err().to_string(),
        r#"parameter "maxLength" of TextMaxLengthMismatch must be a non-negative integer, found number"#
    );
    let read = body(
        r#"{"code":"ValidationFailed","message":"x","errors":[{"code":"TextMaxLengthMismatch","message":"y","parameters":{"maxLength":123456789012345678901234567890}}]}"#,
    );
    let error = read.errors()[0].error().unwrap_err();
    assert!(matches!(
        error,
        ParamError::OutOfRange {
            param: "maxLength",
            ..
        }
    ));
    assert_eq!(
        error.to_string(),
        r#"parameter "maxLength" of TextMaxLengthMismatch must be a non-negative integer of at most 18446744073709551615, found 123456789012345678901234567890"#
    );
    // A text parameter given a number names what it was given.
    let read = body(
        r#"{"code":"ValidationFailed","message":"x","errors":[{"code":"TypeMismatch","message":"y","parameters":{"value":5,"path":2.5}}]}"#,
    );
    let error = read.errors()[0].error().unwrap_err().to_string();
    assert!(
        error.ends_with("must be a string, found integer"),
        "{error}"
    );
    // The largest a u64 holds is read; -0 is zero.
    for (n, value) in [("18446744073709551615", u64::MAX), ("-0", 0)] {
        let read = body(&format!(
            r#"{{"code":"ValidationFailed","message":"x","errors":[{{"code":"TextMaxLengthMismatch","message":"y","parameters":{{"maxLength":{n}}}}}]}}"#
        ));
        assert_eq!(
            read.errors()[0].error(),
            Ok(ValidationError::TextMaxLengthMismatch { max_length: value })
        );
    }
}

#[test]
fn a_number_json_cannot_hold_is_refused_where_it_is_made() {
    for value in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        let error = Number::try_from(value).unwrap_err();
        assert!(
            error
                .to_string()
                .ends_with("is not a JSON number: JSON has no NaN or infinities (send null or a string instead)"),
            "{error}"
        );
    }
    let error = serde_json::from_str::<Number>(r#""5""#).unwrap_err();
    assert_eq!(
        error.to_string(),
        r#"invalid type: string "5", expected a JSON number"#
    );
    let error = "0x1F".parse::<Number>().unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with(r#""0x1F" is not a JSON number"#),
        "{error}"
    );
}

#[test]
fn a_body_inside_a_callers_untagged_enum_still_reads() {
    // serde buffers an untagged enum's content in its own value type, which holds 64-bit
    // numbers only: such numbers are read, and an error past them is serde_json's own.
    #[derive(serde::Deserialize, Debug)]
    #[serde(untagged)]
    enum Reply {
        Error(ErrorBody),
    }
    let Reply::Error(read) = serde_json::from_str::<Reply>(
        r#"{"code":"InternalError","message":"x","parameters":{"n":-5,"f":1.5},"trace":7}"#,
    )
    .unwrap();
    assert_eq!(
        serde_json::to_string(&read).unwrap(),
        r#"{"code":"InternalError","message":"x","parameters":{"n":-5,"f":1.5},"trace":7}"#
    );
    let error = serde_json::from_str::<Reply>(
        r#"{"code":"InternalError","message":"x","parameters":{"n":1e400}}"#,
    )
    .unwrap_err();
    assert_eq!(error.to_string(), "number out of range at line 1 column 61");
}

#[test]
fn a_body_read_from_a_serde_json_value_keeps_what_the_value_holds() {
    let value: serde_json::Value = serde_json::from_str(
        r#"{"code":"InternalError","message":"x","parameters":{"n":12,"f":0.5},"trace":[-1]}"#,
    )
    .unwrap();
    let read: ErrorBody = serde_json::from_value(value.clone()).unwrap();
    assert_eq!(
        read.parameters.get("f"),
        Some(&ParamValue::Number("0.5".parse().unwrap()))
    );
    assert_eq!(serde_json::to_value(&read).unwrap(), value);
}

#[test]
fn known_members_read_once_and_are_required_where_the_format_says() {
    for (json, says) in [
        (
            r#"{"code":"InternalError","code":"InternalError","message":"x"}"#,
            "duplicate field `code`",
        ),
        (
            r#"{"code":"InternalError","message":"x","parameters":{},"parameters":{}}"#,
            "duplicate field `parameters`",
        ),
        (r"[]", "expected an OMNIA error body (a JSON object)"),
        (
            r#"{"code":"ValidationFailed","message":"x","errors":[7]}"#,
            "expected a validation error (a JSON object)",
        ),
        (
            r#"{"code":"InternalError","message":"x","parameters":{"a":[[[[1}}"#,
            "expected `,` or `]` at line 1 column 62",
        ),
    ] {
        let error = serde_json::from_str::<ErrorBody>(json)
            .unwrap_err()
            .to_string();
        assert!(error.contains(says), "{json}: {error}");
    }
    let deep = format!(
        r#"{{"code":"InternalError","message":"x","parameters":{{"a":{}{}}}}}"#,
        "[".repeat(200),
        "]".repeat(200)
    );
    let error = serde_json::from_str::<ErrorBody>(&deep)
        .unwrap_err()
        .to_string();
    assert!(
        error.ends_with("arrays and objects nested more than 128 deep at byte 132 of the value at line 1 column 458"),
        "{error}"
    );
    for (json, says) in [
        (
            r#"{"code":"InternalError","type":"a","type":"b"}"#,
            "duplicate field `type`",
        ),
        ("7", "expected an RFC 9457 problem (a JSON object)"),
        (
            r#"{"code":"ValidationFailed","errors":[[]]}"#,
            "expected a validation problem (a JSON object)",
        ),
    ] {
        let error = serde_json::from_str::<ProblemDetails>(json)
            .unwrap_err()
            .to_string();
        assert!(error.contains(says), "{json}: {error}");
    }
}

/// A JSON number's text: any size, any precision, with or without an exponent.
fn number() -> impl Strategy<Value = String> {
    "-?(0|[1-9][0-9]{0,40})(\\.[0-9]{1,24})?([eE][+-]?[0-9]{1,4})?"
}

/// A JSON value's text as `serde_json` writes it (no whitespace), distinct member names.
fn value() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        number(),
        Just("null".to_owned()),
        any::<bool>().prop_map(|b| b.to_string()),
        "[ -~\u{e9}\u{1F600}\\n]{0,8}".prop_map(|s| serde_json::to_string(&s).unwrap()),
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6)
                .prop_map(|items| format!("[{}]", items.join(","))),
            object(inner),
        ]
    })
}

fn object(values: impl Strategy<Value = String>) -> impl Strategy<Value = String> {
    proptest::collection::btree_map("[a-zA-Z]{1,6}", values, 0..6).prop_map(|members| {
        let members: Vec<String> = members
            .into_iter()
            .map(|(k, v)| format!("{}:{v}", serde_json::to_string(&k).unwrap()))
            .collect();
        format!("{{{}}}", members.join(","))
    })
}

/// Extension members (named `x…`: no name a body or a problem reads as its own).
fn extensions() -> impl Strategy<Value = String> {
    proptest::collection::btree_map("x[a-zA-Z]{0,6}", value(), 0..4).prop_map(|members| {
        members
            .into_iter()
            .map(|(k, v)| format!(",\"{k}\":{v}"))
            .collect::<Vec<_>>()
            .concat()
    })
}

proptest! {
    #[test]
    fn a_body_writes_back_byte_for_byte(
        parameters in object(value()),
        extensions in extensions(),
        item_parameters in object(value()),
        item_extensions in extensions(),
    ) {
        let json = format!(
            r#"{{"code":"ValidationFailed","message":"m","errors":[{{"code":"Duplicated","message":"i","parameters":{item_parameters}{item_extensions}}}],"parameters":{parameters}{extensions}}}"#
        );
        // An empty `parameters` is left out when written.
        let json = json.replace(r#","parameters":{}"#, "");
        let read: ErrorBody = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(serde_json::to_string(&read).unwrap(), json);
    }

    #[test]
    fn a_problem_writes_back_byte_for_byte(
        parameters in object(value()),
        extensions in extensions(),
        status in any::<u16>(),
    ) {
        let json = format!(
            r#"{{"type":"about:blank","status":{status},"code":"ValidationFailed","errors":[{{"code":"Duplicated","detail":"i"{extensions}}}],"parameters":{parameters}{extensions}}}"#
        );
        let json = json.replace(r#","parameters":{}"#, "");
        let read: ProblemDetails = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(serde_json::to_string(&read).unwrap(), json);
    }

    #[test]
    fn a_number_reads_and_writes_as_itself(text in number()) {
        let number: Number = text.parse().unwrap();
        prop_assert_eq!(number.as_str(), text.as_str());
        let parameters: Parameters = [("n", ParamValue::Number(number.clone()))].into_iter().collect();
        prop_assert_eq!(serde_json::to_string(&parameters).unwrap(), format!("{{\"n\":{text}}}"));
        prop_assert_eq!(serde_json::from_str::<Number>(&text).unwrap(), number.clone());
        prop_assert_eq!(serde_json::from_str::<ParamValue>(&text).unwrap(), ParamValue::Number(number));
    }

    #[test]
    fn typed_numbers_write_as_json_writes_them(n in any::<u64>()) {
        let body = ErrorBody::new(ErrorCode::ValidationFailed, "m").with_error(
            omnia_errors::ValidationErrorItem::new(&ValidationError::TextMaxLengthMismatch { max_length: n }, "i"),
        );
        let json = serde_json::to_string(&body).unwrap();
        prop_assert!(json.contains(&format!(r#""parameters":{{"maxLength":{n}}}"#)), "{}", json);
    }
}
