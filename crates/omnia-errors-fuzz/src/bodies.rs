//! Error bodies from the wire: OMNIA's and Problem Details, numbers kept as written.

use omnia_errors::{DocsPage, ErrorBody, Number, ParamValue, Parameters, ProblemDetails};

use crate::localizer;

/// An error body from the wire: if it parses, every number it holds is written in the input
/// as it holds it (none rounded), it writes back and reads again to the same writing, and
/// localizing it changes its messages only. An input that is not a JSON object seeds a body
/// with thousands of parameter keys instead (the many-keys shape, too long for the fuzzer to
/// write): it must read keeping each key's first position and last value.
pub fn error_body_json(data: &[u8]) {
    // `#…` is the many-keys shape; anything else is read as a body (most fail at once).
    if let Some((b'#', rest)) = data.split_first() {
        many_keys(rest);
        return;
    }
    let Ok(body) = serde_json::from_slice::<ErrorBody>(data) else {
        return;
    };
    let mut held = Vec::new();
    numbers_in(&body.parameters, &mut held);
    numbers_in(&body.extensions, &mut held);
    for item in body.errors() {
        numbers_in(&item.parameters, &mut held);
        numbers_in(&item.extensions, &mut held);
    }
    assert_written_in(data, &held);
    let json = serde_json::to_vec(&body).expect("a read body writes");
    let again: ErrorBody = serde_json::from_slice(&json).expect("a written body reads");
    assert_eq!(again, body);
    assert_eq!(serde_json::to_vec(&again).expect("writes"), json);
    let _ = body.error();
    let mut localized = body.clone();
    let _ = localizer()
        .for_accept_language("pl")
        .localize_body(&mut localized);
    for item in localized.errors() {
        let _ = item.error();
    }
    // Only the messages changed.
    localized.message.clone_from(&body.message);
    for (item, original) in localized.errors.iter_mut().flatten().zip(body.errors()) {
        item.message.clone_from(&original.message);
    }
    assert_eq!(localized, body);
}

/// Every number in `parameters`, at any depth.
fn numbers_in<'a>(parameters: &'a Parameters, out: &mut Vec<&'a Number>) {
    for (_, value) in parameters {
        numbers_in_value(value, out);
    }
}

/// Panics unless each number is written in `input` as it is held: read as written, not
/// through an `f64` (which would hold `123456789012345678901234567890` as
/// `1.2345678901234568e29`).
fn assert_written_in(input: &[u8], numbers: &[&Number]) {
    let input = String::from_utf8_lossy(input);
    for number in numbers {
        assert!(
            input.contains(number.as_str()),
            "{number} is not in the input as written"
        );
    }
}

/// At most how many entries the many-keys shape writes.
const MANY_KEYS: usize = 2048;

/// A body whose `parameters` has up to [`MANY_KEYS`] entries (32 per input byte, so that most
/// inputs stay quick to run) named from the input, with duplicates when the input is short: it
/// must read with each distinct key once, in order of first appearance, holding its last value.
fn many_keys(data: &[u8]) {
    use std::collections::HashMap;
    use std::fmt::Write as _;

    let keys = (32 * data.len()).clamp(1, MANY_KEYS);
    let stem = String::from_utf8_lossy(data.get(..data.len().min(16)).unwrap_or_default());
    // 1 to 2048 distinct names, so short inputs make many duplicates.
    let distinct = 1 + data.iter().map(|&b| usize::from(b)).sum::<usize>() % keys;
    let mut json = String::from(r#"{"code":"EntityNotFound","message":"x","parameters":{"#);
    let mut order = Vec::new();
    let mut last = HashMap::new();
    for i in 0..keys {
        let name = format!("{stem}{}", i % distinct);
        if i > 0 {
            json.push(',');
        }
        let _ = write!(json, "{}:{i}", serde_json::Value::String(name.clone()));
        if last.insert(name.clone(), i as u64).is_none() {
            order.push(name);
        }
    }
    json.push_str("}}");
    let body: ErrorBody = serde_json::from_str(&json).expect("a well-formed body reads");
    assert_eq!(body.parameters.len(), order.len());
    for ((key, value), expected) in body.parameters.iter().zip(&order) {
        assert_eq!(key, expected);
        assert_eq!(value, &ParamValue::from(last[expected]));
    }
}

/// A Problem Details body from the wire: if it reads, every number it holds is written in the
/// input as it holds it, it writes back and reads again to the same writing, its typed error
/// and link to the docs page can be asked for, and localizing it again gives a known error a
/// non-empty `detail` and changes nothing but its texts.
pub fn problem_details_json(data: &[u8]) {
    let Ok(problem) = serde_json::from_slice::<ProblemDetails>(data) else {
        return;
    };
    let mut held = Vec::new();
    numbers_in(&problem.parameters, &mut held);
    numbers_in(&problem.extensions, &mut held);
    for item in problem.errors() {
        numbers_in(&item.parameters, &mut held);
        numbers_in(&item.extensions, &mut held);
    }
    assert_written_in(data, &held);
    let json = serde_json::to_vec(&problem).expect("a read problem writes");
    let again: ProblemDetails = serde_json::from_slice(&json).expect("a written problem reads");
    assert_eq!(again, problem);
    assert_eq!(serde_json::to_vec(&again).expect("writes"), json);
    if let (Ok(error), Some(code)) = (problem.error(), DocsPage::OMNIA.code_of(&problem.r#type)) {
        let _ = (error, code);
    }
    for item in problem.errors() {
        let _ = item.error();
    }
    // A UI localizes it again: the texts it has are replaced or kept, never emptied.
    let mut localized = problem.clone();
    let _ = localizer()
        .for_accept_language("pl")
        .localize_problem(&mut localized);
    if localized.error().is_ok() {
        assert!(localized.detail.as_ref().is_some_and(|d| !d.is_empty()));
    }
    // Only the texts changed.
    localized.title.clone_from(&problem.title);
    localized.detail.clone_from(&problem.detail);
    for (item, original) in localized.errors.iter_mut().flatten().zip(problem.errors()) {
        item.message.clone_from(&original.message);
    }
    assert_eq!(localized, problem);
}

/// Any JSON value, as a parameter or extension member reads it: it reads exactly when
/// `serde_json` reads it (or refuses only a number beyond an `f64`, which is kept), to the same
/// structure, texts and values, every number as written; it writes back and reads again to
/// itself. The same text as a number alone is a `Number` exactly when it reads as a value that
/// is that number, and its accessors agree with the standard library's parsers.
pub fn json_value(data: &[u8]) {
    let ours = serde_json::from_slice::<ParamValue>(data);
    let theirs = serde_json::from_slice::<serde_json::Value>(data);
    match (&ours, &theirs) {
        (Ok(ours), Ok(theirs)) => assert_same_value(ours, theirs),
        (Err(error), Ok(_)) => panic!("serde_json reads it, ParamValue does not: {error}"),
        (Ok(_), Err(error)) => {
            // serde_json refuses a number an `f64` cannot hold (kept, unless a later
            // duplicate name replaced it); nothing else.
            assert!(
                error.to_string().starts_with("number out of range"),
                "ParamValue reads what serde_json refuses ({error})"
            );
        }
        (Err(_), Err(_)) => {}
    }
    if let Ok(value) = &ours {
        let mut held = Vec::new();
        numbers_in_value(value, &mut held);
        assert_written_in(data, &held);
        let json = serde_json::to_vec(value).expect("a value writes");
        let again: ParamValue = serde_json::from_slice(&json).expect("a written value reads");
        assert_eq!(&again, value);
        assert!(json.len() <= data.len(), "written longer than read");
        // Through serde_json's own value (numbers as it holds them), the same structure.
        if let Ok(theirs) = &theirs {
            let through: ParamValue =
                serde_json::from_value(theirs.clone()).expect("a serde_json value reads");
            assert_same_value(&through, theirs);
        }
    }
    if let Ok(text) = std::str::from_utf8(data) {
        number_text(text, ours.ok());
    }
}

/// A text as a [`Number`]: one exactly when it is, as a whole JSON value, that number
/// (`read`: the text read as a value).
fn number_text(text: &str, read: Option<ParamValue>) {
    let number = text.parse::<Number>();
    let as_value = match read {
        Some(ParamValue::Number(n)) if n.as_str() == text => Some(n),
        _ => None,
    };
    assert_eq!(number.as_ref().ok(), as_value.as_ref(), "{text:?}");
    let Ok(number) = number else {
        let error = number.unwrap_err();
        assert!(!error.to_string().is_empty());
        return;
    };
    assert_eq!(number.to_string(), text);
    assert_eq!(serde_json::to_string(&number).expect("writes"), text);
    assert_eq!(number.is_negative(), text.starts_with('-'));
    assert_eq!(number.is_integer(), !text.contains(['.', 'e', 'E']));
    let zero = text == "-0";
    assert_eq!(number.as_u64(), text.parse().ok().or(zero.then_some(0)));
    assert_eq!(number.as_i64(), text.parse().ok());
    let float: f64 = text.parse().expect("a JSON number is an f64's text");
    assert_eq!(number.as_f64().to_bits(), float.to_bits());
    if float.is_finite() {
        let shortest = Number::try_from(float).expect("a finite f64 is a number");
        assert_eq!(shortest.as_f64().to_bits(), float.to_bits());
    }
}

/// Panics unless `ours` has the structure, texts and values of `theirs`. Maps compare as
/// `serde_json`'s do (each name once, its last value), numbers by value (`serde_json` reads
/// decimals within an ulp or so).
fn assert_same_value(ours: &ParamValue, theirs: &serde_json::Value) {
    use serde_json::Value;
    match (ours, theirs) {
        (ParamValue::Null, Value::Null) => {}
        (ParamValue::Bool(a), Value::Bool(b)) => assert_eq!(a, b),
        (ParamValue::Text(a), Value::String(b)) => assert_eq!(a, b),
        (ParamValue::Number(a), Value::Number(b)) => {
            if let Some(b) = b.as_u64() {
                assert_eq!(a.as_u64(), Some(b), "{a} read as {b}");
            } else if let Some(b) = b.as_i64() {
                assert_eq!(a.as_i64(), Some(b), "{a} read as {b}");
            } else {
                let (a_f, b_f) = (a.as_f64(), b.as_f64().expect("a float"));
                let close = a_f.to_bits() == b_f.to_bits()
                    || (a_f - b_f).abs() <= b_f.abs() * 4.0 * f64::EPSILON;
                assert!(close, "{a} is {a_f}, serde_json reads {b_f}");
            }
        }
        (ParamValue::List(a), Value::Array(b)) => {
            assert_eq!(a.len(), b.len());
            for (a, b) in a.iter().zip(b) {
                assert_same_value(a, b);
            }
        }
        (ParamValue::Map(a), Value::Object(b)) => {
            assert_eq!(
                a.len(),
                b.len(),
                "{} names, serde_json {}",
                a.len(),
                b.len()
            );
            for (name, value) in a {
                let theirs = b.get(name).expect("serde_json has the name");
                assert_same_value(value, theirs);
            }
        }
        (ours, theirs) => panic!("{ours:?} read, serde_json reads {theirs:?}"),
    }
}

/// Every number in `value`, at any depth.
fn numbers_in_value<'a>(value: &'a ParamValue, out: &mut Vec<&'a Number>) {
    match value {
        ParamValue::Number(n) => out.push(n),
        ParamValue::List(items) => items.iter().for_each(|v| numbers_in_value(v, out)),
        ParamValue::Map(map) => numbers_in(map, out),
        ParamValue::Null | ParamValue::Bool(_) | ParamValue::Text(_) => {}
    }
}
