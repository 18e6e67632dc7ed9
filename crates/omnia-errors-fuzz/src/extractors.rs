//! Requests as the axum extractors of `omnia-errors-axum` read them: JSON bodies, path
//! parameters and query strings, each refused as a catalog error.

use std::collections::BTreeMap;
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

use axum::body::Body;
use axum::extract::{FromRequest, FromRequestParts};
use axum::http::{Request, StatusCode, header::CONTENT_TYPE};
use axum::response::IntoResponse;
use omnia_errors::{ApiError, ErrorBody, ValidationError};
use omnia_errors_axum::{Json, OmniaError, Path, Query, Rejection};
use serde::Deserialize;
use serde_json::Value;

/// A request to an axum service, by the input's first byte: `/` a path (its segments, any
/// bytes, percent-encoded), `?` a query string (as sent), anything else a JSON body. Each is
/// read by the extractor of this crate and by the reader it wraps (`serde_json`,
/// `serde_urlencoded`, axum's `Path`): the extractor gives the value that reader gives, or
/// refuses with a catalog error that holds for any input: `InvalidInput` for what is no JSON
/// (or names a field twice), else `ValidationFailed` with one item, `RequiredValue` naming the
/// missing field's OMNIA path (`Lines[2].Quantity`) or `TypeMismatch` naming where the wrong
/// value is, quoting that value as received, and naming an OMNIA type; its response is a 400
/// body that reads back, its size linear in the request's.
pub fn axum_extract(data: &[u8]) {
    match data.split_first() {
        Some((b'/', rest)) => path(rest),
        Some((b'?', rest)) => query(rest),
        _ => json_body(data),
    }
}

/// The types the extractors read: every kind of field serde has (text, integers, decimals,
/// booleans, characters, lists, tuples, maps, enums, nested structs, optional fields).
#[derive(Debug, Deserialize, PartialEq)]
#[serde(rename_all = "PascalCase")]
struct Order {
    address: Address,
    lines: Vec<Line>,
    note: Option<String>,
    kind: Option<Kind>,
    #[serde(default)]
    tags: BTreeMap<String, u8>,
    total: Option<f64>,
    at: Option<(u16, i8)>,
}

#[derive(Debug, Deserialize, PartialEq)]
#[serde(rename_all = "PascalCase")]
struct Address {
    zip_code: String,
    country: Option<char>,
}

#[derive(Debug, Deserialize, PartialEq)]
#[serde(rename_all = "PascalCase")]
struct Line {
    quantity: u32,
    flags: Option<Vec<bool>>,
}

#[derive(Debug, Deserialize, PartialEq)]
enum Kind {
    Sale,
    Return { reason: String },
}

/// The OMNIA attribute types a `TypeMismatch` of [`Order`], [`Page`] or a path names.
const TYPES: [&str; 7] = [
    "Integer",
    "Decimal",
    "Boolean",
    "Text",
    "List",
    "Object",
    "Enumeration",
];

fn json_body(data: &[u8]) {
    let request = Request::builder()
        .header(CONTENT_TYPE, "application/json")
        .body(Body::from(data.to_vec()))
        .expect("a request");
    let extracted = ready(Json::<Order>::from_request(request, &()));
    if std::str::from_utf8(data).is_err() {
        // JSON text is UTF-8 (RFC 8259, 8.1): the body is refused whole, where serde_json
        // reads a struct past an unknown member's bytes without checking them.
        let error = invalid(extracted.expect_err("a body that is not UTF-8 is refused"));
        assert_eq!(error, OmniaError::from(ApiError::InvalidInput), "not UTF-8");
        assert_response(&error, data.len());
        return;
    }
    let direct = serde_json::from_slice::<Order>(data);
    let error = match (extracted, direct) {
        (Ok(Json(ours)), Ok(theirs)) => {
            assert_eq!(ours, theirs);
            return;
        }
        (Ok(_), Err(error)) => panic!("read what serde_json refuses: {error}"),
        (Err(rejection), Ok(_)) => panic!("refused what serde_json reads: {rejection}"),
        (Err(rejection), Err(_)) => invalid(rejection),
    };
    assert_response(&error, data.len());
    let Ok(value) = serde_json::from_slice::<Value>(data) else {
        assert_eq!(error, OmniaError::from(ApiError::InvalidInput), "not JSON");
        return;
    };
    if *error.error() == ApiError::InvalidInput {
        // A field given twice: JSON that means two things.
        assert!(error.field_errors().is_empty());
        return;
    }
    let (item, name) = one_item(&error);
    match item {
        ValidationError::RequiredValue { path } => {
            assert_eq!(path.as_deref(), name);
            let name = name.expect("a missing field has a name");
            let (parent, field) = name.rsplit_once('.').map_or(("", name), |(p, f)| (p, f));
            let lacks = |v: &Value| v.as_object().is_some_and(|o| !o.contains_key(field));
            assert!(found_at(&value, parent, &lacks), "{name} is not missing");
        }
        ValidationError::TypeMismatch {
            value: quoted,
            expected_type,
            path,
        } => {
            assert_eq!(path.as_deref(), name);
            let at = name.unwrap_or("");
            match quoted {
                Some(quoted) => {
                    let matches = |v: &Value| quote(v) == *quoted;
                    assert!(
                        found_at(&value, at, &matches),
                        "{quoted:?} is not at {at:?}"
                    );
                }
                None => panic!("no value quoted for {at:?}"),
            }
            assert_type(expected_type.as_deref());
        }
        other => panic!("{other:?}"),
    }
}

/// The path parameters of the third of three routes (one integer; a tuple of an integer and a
/// text; this struct).
#[derive(Debug, Deserialize)]
#[allow(dead_code)]
struct Flagged {
    flag: bool,
    n: i16,
}

fn path(data: &[u8]) {
    use axum::Router;
    use axum::routing::get;
    use tower_service::Service as _;

    type Parses = fn(&str) -> bool;
    let mut segments = data.splitn(3, |&b| b == b'/');
    let route = segments.next().unwrap_or_default();
    let values: Vec<&[u8]> = segments.collect();
    // Each route's parameters: name, OMNIA type, and whether a value parses as the handler's.
    let params: &[(&str, &str, Parses)] = match (route, values.len()) {
        (b"a", 1) => &[("id", "Integer", |v| v.parse::<u64>().is_ok())],
        (b"b", 2) => &[
            ("id", "Integer", |v| v.parse::<u32>().is_ok()),
            ("name", "Text", |_| true),
        ],
        (b"c", 2) => &[
            ("flag", "Boolean", |v| v.parse::<bool>().is_ok()),
            ("n", "Integer", |v| v.parse::<i16>().is_ok()),
        ],
        _ => return,
    };
    // An empty segment matches no route.
    if values.iter().any(|v| v.is_empty()) {
        return;
    }
    let mut uri = format!("/{}", String::from_utf8_lossy(route));
    for value in &values {
        uri.push('/');
        percent_encode(
            value,
            |b| b.is_ascii_alphanumeric() || b"-._~".contains(&b),
            &mut uri,
        );
    }
    let mut router: Router = Router::new()
        .route("/a/{id}", get(|Path(_): Path<u64>| async { "ok" }))
        .route(
            "/b/{id}/{name}",
            get(|Path(_): Path<(u32, String)>| async { "ok" }),
        )
        .route(
            "/c/{flag}/{n}",
            get(|Path(_): Path<Flagged>| async { "ok" }),
        );
    let request = Request::builder()
        .uri(&uri)
        .body(Body::empty())
        .expect("a URI");
    let response = ready(router.call(request)).expect("infallible");
    let body = body_of(response, data.len());
    let Ok(decoded) = values
        .iter()
        .map(|v| std::str::from_utf8(v))
        .collect::<Result<Vec<&str>, _>>()
    else {
        let body = body.expect("a path that is not UTF-8 is refused");
        assert_eq!(body.code.as_str(), "InvalidInput", "not UTF-8: {uri}");
        return;
    };
    let first_wrong = decoded
        .iter()
        .zip(params)
        .find(|(value, (_, _, parses))| !parses(value));
    let Some((value, (name, ty, _))) = first_wrong else {
        assert!(body.is_none(), "refused a path that parses: {uri}");
        return;
    };
    let body = body.expect("a path that does not parse is refused");
    assert_eq!(body.code.as_str(), "ValidationFailed", "{uri}");
    let [item] = body.errors() else {
        panic!("one item: {body:?}");
    };
    assert_eq!(item.name.as_deref(), Some(*name), "{uri}");
    assert_eq!(item.code.as_str(), "TypeMismatch");
    let text = |param| item.parameters.text("TypeMismatch", param).ok().flatten();
    assert_eq!(text("value").as_deref(), Some(*value), "{uri}");
    assert_eq!(text("type").as_deref(), Some(*ty), "{uri}");
    assert_eq!(text("path").as_deref(), Some(*name), "{uri}");
}

/// Appends `bytes` to `out`, those `keep` refuses percent-encoded.
fn percent_encode(bytes: &[u8], keep: impl Fn(u8) -> bool, out: &mut String) {
    use std::fmt::Write as _;
    for &byte in bytes {
        if keep(byte) {
            out.push(char::from(byte));
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
}

/// The query string a handler takes.
#[derive(Debug, Deserialize, PartialEq)]
struct Page {
    top: u32,
    skip: Option<u32>,
    active: Option<bool>,
    ratio: Option<f32>,
    name: Option<String>,
    order: Option<Order2>,
}

#[derive(Debug, Deserialize, PartialEq)]
#[serde(rename_all = "lowercase")]
enum Order2 {
    Asc,
    Desc,
}

fn query(data: &[u8]) {
    // As a client sends it: bytes a URI's query may not hold, percent-encoded (`%` itself
    // kept, so the input writes its own escapes too).
    let mut query = String::new();
    let keep = |b: u8| b.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:@/?%".contains(&b);
    percent_encode(data, keep, &mut query);
    let Ok(request) = Request::builder().uri(format!("/?{query}")).body(()) else {
        return;
    };
    let (mut parts, ()) = request.into_parts();
    let sent = parts.uri.query().unwrap_or_default().to_owned();
    let extracted = ready(Query::<Page>::from_request_parts(&mut parts, &()));
    let direct = serde_urlencoded::from_str::<Page>(&sent);
    let error = match (extracted, direct) {
        (Ok(Query(ours)), Ok(theirs)) => {
            assert_eq!(ours, theirs);
            return;
        }
        (Ok(_), Err(error)) => panic!("read what serde_urlencoded refuses: {error}"),
        (Err(rejection), Ok(_)) => panic!("refused what serde_urlencoded reads: {rejection}"),
        (Err(rejection), Err(_)) => invalid(rejection),
    };
    assert_response(&error, data.len());
    if *error.error() == ApiError::InvalidInput {
        assert!(error.field_errors().is_empty());
        return;
    }
    let (item, name) = one_item(&error);
    let pairs: Vec<(String, String)> = form_urlencoded::parse(sent.as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    let name = name.expect("a query item names its parameter");
    match item {
        ValidationError::RequiredValue { path } => {
            assert_eq!(path.as_deref(), Some(name));
            assert_eq!(name, "top");
            assert!(!pairs.iter().any(|(k, _)| k == name));
        }
        ValidationError::TypeMismatch {
            value,
            expected_type,
            path,
        } => {
            assert_eq!(path.as_deref(), Some(name));
            let first = pairs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.as_str());
            assert_eq!(value.as_deref(), first, "{sent}");
            assert_type(expected_type.as_deref());
        }
        other => panic!("{other:?}"),
    }
}

/// Polls a future that never waits (nothing here does I/O) to its end.
fn ready<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    let mut context = Context::from_waker(Waker::noop());
    match future.as_mut().poll(&mut context) {
        Poll::Ready(output) => output,
        Poll::Pending => panic!("an extractor waited on a request already in memory"),
    }
}

fn invalid(rejection: Rejection) -> OmniaError {
    match rejection {
        Rejection::Invalid(error) => error,
        other => panic!("{other}"),
    }
}

fn one_item(error: &OmniaError) -> (&ValidationError, Option<&str>) {
    assert_eq!(*error.error(), ApiError::ValidationFailed, "{error}");
    let [field] = error.field_errors() else {
        panic!("one item: {error}");
    };
    (field.error(), field.name())
}

fn assert_type(expected: Option<&str>) {
    if let Some(expected) = expected {
        assert!(TYPES.contains(&expected), "{expected:?} is no OMNIA type");
    }
}

/// Panics unless the error's response is a 400 with a body that reads, no larger than a bound
/// linear in the request's `size`.
fn assert_response(error: &OmniaError, size: usize) {
    let response = error.clone().into_response();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let body = body_of(response, size).expect("an error body");
    assert_eq!(body.code.as_str(), error.error().code().as_str());
}

/// The error body of a response, `None` for a success.
fn body_of(response: axum::response::Response, size: usize) -> Option<ErrorBody> {
    let status = response.status();
    let bytes = ready(axum::body::to_bytes(response.into_body(), usize::MAX)).expect("a body");
    if status.is_success() {
        return None;
    }
    assert_eq!(status, StatusCode::BAD_REQUEST);
    // The value is quoted in the item's message and its parameters, each escaped (six bytes
    // a byte at most); the rest is the catalog's text.
    assert!(
        bytes.len() <= 2048 + 24 * size,
        "{} bytes for {size}",
        bytes.len()
    );
    Some(serde_json::from_slice(&bytes).expect("an error body reads"))
}

/// A value as a `TypeMismatch` quotes it: a string as it is, anything else as JSON.
fn quote(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

/// Whether some value at the OMNIA path `name` (`Lines[2].Quantity`; `""` is the whole
/// document) of `document` satisfies `test`. A map's keys may hold `.` and `[`, so every
/// reading of the path is tried.
fn found_at(document: &Value, name: &str, test: &dyn Fn(&Value) -> bool) -> bool {
    if name.is_empty() && test(document) {
        return true;
    }
    let rest = name.strip_prefix('.').unwrap_or(name);
    if let Some(index) = rest.strip_prefix('[') {
        let Some((digits, after)) = index.split_once(']') else {
            return false;
        };
        let Ok(i) = digits.parse::<usize>() else {
            return false;
        };
        return document
            .get(i)
            .is_some_and(|element| found_at(element, after, test));
    }
    let Some(object) = document.as_object() else {
        return false;
    };
    object.iter().any(|(key, value)| {
        rest.strip_prefix(key.as_str()).is_some_and(|after| {
            (after.is_empty() || after.starts_with(['.', '['])) && found_at(value, after, test)
        })
    })
}
