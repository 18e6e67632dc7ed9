//! Extractors whose rejections are catalog errors: [`Json`], [`Path`] and [`Query`], drop-in
//! replacements of axum's, which reject with plain text. What each rejection is: the crate
//! docs' table.

use std::fmt;
use std::ops::{Deref, DerefMut};

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, PathRejection};
use axum::extract::{FromRequest, FromRequestParts, RawPathParams, Request};
use axum::http::header::CONTENT_TYPE;
use axum::http::request::Parts;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use omnia_errors::{ApiError, ValidationError};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::{FieldError, OmniaError};

/// Why an extractor of this crate refused a request. Its response is the catalog error, or,
/// for a body over the limit, a bare 413 that [`LocalizeErrorsLayer`](crate::LocalizeErrorsLayer)
/// answers.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Rejection {
    /// The request is not what the handler takes: `InvalidInput`, or `ValidationFailed`
    /// saying what is wrong where.
    Invalid(OmniaError),
    /// The body is larger than axum's body limit: `413 Content Too Large`.
    TooLarge,
}

impl Rejection {
    /// The catalog error, unless the body was too large.
    pub fn error(&self) -> Option<&OmniaError> {
        match self {
            Self::Invalid(error) => Some(error),
            Self::TooLarge => None,
        }
    }

    fn invalid_input() -> Self {
        Self::Invalid(ApiError::InvalidInput.into())
    }
}

impl From<OmniaError> for Rejection {
    fn from(error: OmniaError) -> Self {
        Self::Invalid(error)
    }
}

impl fmt::Display for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Invalid(error) => error.fmt(f),
            Self::TooLarge => f.write_str("the body is larger than the limit"),
        }
    }
}

impl std::error::Error for Rejection {}

impl IntoResponse for Rejection {
    fn into_response(self) -> Response {
        match self {
            Self::Invalid(error) => error.into_response(),
            Self::TooLarge => StatusCode::PAYLOAD_TOO_LARGE.into_response(),
        }
    }
}

/// A JSON body (as a request's extractor) or a JSON response, like [`axum::Json`], but a
/// request it cannot read is rejected with a catalog error (see the [crate docs](crate#extractors)):
///
/// ```
/// use omnia_errors_axum::{Json, OmniaError};
/// use serde::Deserialize;
///
/// #[derive(Deserialize, serde::Serialize)]
/// #[serde(rename_all = "PascalCase")]
/// struct Order {
///     lines: Vec<Line>,
/// }
/// #[derive(Deserialize, serde::Serialize)]
/// #[serde(rename_all = "PascalCase")]
/// struct Line {
///     quantity: u32,
/// }
///
/// // `{"Lines":[{"Quantity":1},{"Quantity":"two"}]}` is rejected with `ValidationFailed`,
/// // its item a `TypeMismatch` named `Lines[1].Quantity`.
/// async fn create(Json(order): Json<Order>) -> Result<Json<Order>, OmniaError> {
///     Ok(Json(order))
/// }
/// # let _ = axum::Router::<()>::new().route("/orders", axum::routing::post(create));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Json<T>(pub T);

impl<T, S> FromRequest<S> for Json<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = Rejection;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        if !has_json_content_type(request.headers()) {
            return Err(Rejection::invalid_input());
        }
        let bytes =
            Bytes::from_request(request, state)
                .await
                .map_err(|rejection| match rejection {
                    BytesRejection::FailedToBufferBody(ref failed)
                        if failed.status() == StatusCode::PAYLOAD_TOO_LARGE =>
                    {
                        Rejection::TooLarge
                    }
                    _ => Rejection::invalid_input(),
                })?;
        from_json(&bytes).map(Self)
    }
}

/// Reads `T` from a JSON body.
fn from_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, Rejection> {
    let Document(value) = serde_json::from_slice(bytes).map_err(|_| Rejection::invalid_input())?;
    serde_path_to_error::deserialize(&value).map_err(|error| {
        let message = error.inner().to_string();
        let segments = segments(error.path());
        reading_error(&message, &segments, || at(&value, &segments).map(quote))
    })
}

/// A JSON document, refused when an object names a member twice: such a body means two
/// things. (`serde_json`'s `Value` keeps the last silently, where reading a struct from the
/// text refuses its repeated field: the value at fault could then be quoted from the wrong
/// member.)
struct Document(Value);

impl<'de> serde::Deserialize<'de> for Document {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(DocumentVisitor).map(Document)
    }
}

struct DocumentVisitor;

impl<'de> serde::de::Visitor<'de> for DocumentVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        // JSON text holds finite numbers only.
        Ok(Value::from(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(Document(item)) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut object = serde_json::Map::new();
        while let Some(name) = map.next_key::<String>()? {
            let Document(value) = map.next_value()?;
            if object.contains_key(&name) {
                return Err(serde::de::Error::custom(format_args!(
                    "the member `{name}` is named twice"
                )));
            }
            object.insert(name, value);
        }
        Ok(Value::Object(object))
    }
}

/// Whether the request says its body is JSON: `application/json` or `application/<x>+json`,
/// with any parameters (as axum's own `Json` accepts).
fn has_json_content_type(headers: &HeaderMap) -> bool {
    let Some(value) = headers.get(CONTENT_TYPE).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    let essence = value.split(';').next().unwrap_or_default().trim();
    let Some((kind, subtype)) = essence.split_once('/') else {
        return false;
    };
    let subtype = subtype.to_ascii_lowercase();
    kind.eq_ignore_ascii_case("application") && (subtype == "json" || subtype.ends_with("+json"))
}

impl<T: Serialize> IntoResponse for Json<T> {
    fn into_response(self) -> Response {
        axum::Json(self.0).into_response()
    }
}

/// A path's parameters, like [`axum::extract::Path`], but one that does not parse is rejected
/// with `ValidationFailed`, its item a `TypeMismatch` naming the parameter (see the
/// [crate docs](crate#extractors)):
///
/// ```
/// use omnia_errors_axum::{OmniaError, Path};
///
/// // `GET /entities/abc` is rejected: a `TypeMismatch` named `id`, value "abc", type Integer.
/// async fn entity(Path(id): Path<u64>) -> Result<String, OmniaError> {
///     Ok(id.to_string())
/// }
/// # let _ = axum::Router::<()>::new().route("/entities/{id}", axum::routing::get(entity));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Path<T>(pub T);

impl<T, S> FromRequestParts<S> for Path<T>
where
    T: DeserializeOwned + Send,
    S: Send + Sync,
{
    type Rejection = Rejection;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        match axum::extract::Path::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Path(value)) => Ok(Self(value)),
            Err(rejection) => {
                let names: Vec<String> = RawPathParams::from_request_parts(parts, state)
                    .await
                    .map(|params| params.iter().map(|(k, _)| k.to_owned()).collect())
                    .unwrap_or_default();
                Err(path_rejection(&rejection, &names))
            }
        }
    }
}

/// The catalog error of a path that does not fit; `names` are the route's parameters, in
/// order (a tuple's errors give the index alone).
fn path_rejection(rejection: &PathRejection, names: &[String]) -> Rejection {
    use axum::extract::path::ErrorKind;

    let PathRejection::FailedToDeserializePathParams(failed) = rejection else {
        // No parameters where the extractor expects some: the route and the handler disagree.
        return Rejection::Invalid(ApiError::InternalError.into());
    };
    let mismatch = |name: Option<&str>, value: &str, expected: Option<&str>| {
        let item = ValidationError::TypeMismatch {
            value: Some(value.to_owned()),
            expected_type: expected.and_then(type_name),
            path: name.map(str::to_owned),
        };
        Rejection::Invalid(one_item(item, name))
    };
    match failed.kind() {
        ErrorKind::ParseErrorAtKey {
            key,
            value,
            expected_type,
        } => mismatch(Some(key), value, Some(expected_type)),
        ErrorKind::ParseErrorAtIndex {
            index,
            value,
            expected_type,
        } => mismatch(
            names.get(*index).map(String::as_str),
            value,
            Some(expected_type),
        ),
        ErrorKind::ParseError {
            value,
            expected_type,
        } => mismatch(
            names.first().map(String::as_str),
            value,
            Some(expected_type),
        ),
        ErrorKind::DeserializeError { key, value, .. } => mismatch(Some(key), value, None),
        ErrorKind::WrongNumberOfParameters { .. } | ErrorKind::UnsupportedType { .. } => {
            Rejection::Invalid(ApiError::InternalError.into())
        }
        // Not UTF-8, and whatever a newer axum adds.
        _ => Rejection::invalid_input(),
    }
}

/// A query string, like axum's `Query`, but one that does not fit is rejected with
/// `ValidationFailed`, its item naming the parameter (see the [crate docs](crate#extractors)):
///
/// ```
/// use omnia_errors_axum::{OmniaError, Query};
/// use serde::Deserialize;
///
/// #[derive(Deserialize)]
/// struct Page {
///     top: u32,
/// }
///
/// // `GET /entities?top=ten` is rejected: a `TypeMismatch` named `top`, value "ten".
/// async fn entities(Query(page): Query<Page>) -> Result<String, OmniaError> {
///     Ok(page.top.to_string())
/// }
/// # let _ = axum::Router::<()>::new().route("/entities", axum::routing::get(entities));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Query<T>(pub T);

impl<T, S> FromRequestParts<S> for Query<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = Rejection;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        from_query(parts.uri.query().unwrap_or_default()).map(Self)
    }
}

/// Reads `T` from a query string.
fn from_query<T: DeserializeOwned>(query: &str) -> Result<T, Rejection> {
    let deserializer =
        serde_urlencoded::Deserializer::new(form_urlencoded::parse(query.as_bytes()));
    serde_path_to_error::deserialize(deserializer).map_err(|error| {
        let message = error.inner().to_string();
        let segments = segments(error.path());
        reading_error(&message, &segments, || {
            let Some(Segment::Key(key)) = segments.last() else {
                return None;
            };
            form_urlencoded::parse(query.as_bytes())
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.into_owned())
        })
    })
}

impl<T> Deref for Json<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> DerefMut for Json<T> {
    fn deref_mut(&mut self) -> &mut T {
        &mut self.0
    }
}

impl<T> Deref for Path<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> DerefMut for Path<T> {
    fn deref_mut(&mut self) -> &mut T {
        &mut self.0
    }
}

impl<T> Deref for Query<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> DerefMut for Query<T> {
    fn deref_mut(&mut self) -> &mut T {
        &mut self.0
    }
}

/// One step of the path to a value.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Segment {
    /// A field or map key.
    Key(String),
    /// A list's element.
    Index(usize),
}

fn segments(path: &serde_path_to_error::Path) -> Vec<Segment> {
    use serde_path_to_error::Segment as S;
    path.iter()
        .filter_map(|segment| match segment {
            S::Map { key } => Some(Segment::Key(key.clone())),
            S::Enum { variant } => Some(Segment::Key(variant.clone())),
            S::Seq { index } => Some(Segment::Index(*index)),
            S::Unknown => None,
        })
        .collect()
}

/// A path as OMNIA writes an attribute's: `Address.ZipCode`, `Lines[2].Quantity`; `field`
/// appended as a last step.
fn omnia_name(segments: &[Segment], field: Option<&str>) -> Option<String> {
    let mut name = String::new();
    let keys = segments
        .iter()
        .map(|s| match s {
            Segment::Key(key) => Ok(key.as_str()),
            Segment::Index(index) => Err(*index),
        })
        .chain(field.map(Ok));
    for step in keys {
        match step {
            Ok(key) => {
                if !name.is_empty() {
                    name.push('.');
                }
                name.push_str(key);
            }
            Err(index) => {
                use fmt::Write as _;
                let _ = write!(name, "[{index}]");
            }
        }
    }
    (!name.is_empty()).then_some(name)
}

/// The value at `segments` of a JSON document.
fn at<'v>(value: &'v Value, segments: &[Segment]) -> Option<&'v Value> {
    segments
        .iter()
        .try_fold(value, |value, segment| match segment {
            Segment::Key(key) => value.get(key),
            Segment::Index(index) => value.get(index),
        })
}

/// A value as a `TypeMismatch` quotes it: a string as it is, anything else as JSON.
fn quote(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

/// The catalog error of a deserialization error (serde's message, which its `de::Error`
/// constructors write in fixed forms) at `segments`; `value_at` gives the value received
/// there, which a wrong type quotes.
fn reading_error(
    message: &str,
    segments: &[Segment],
    value_at: impl FnOnce() -> Option<String>,
) -> Rejection {
    if let Some(field) = between(message, "missing field `", "`") {
        let name = omnia_name(segments, Some(field));
        let item = ValidationError::RequiredValue { path: name.clone() };
        return Rejection::Invalid(one_item(item, name.as_deref()));
    }
    if message.starts_with("unknown field `") || message.starts_with("duplicate field `") {
        return Rejection::invalid_input();
    }
    let name = omnia_name(segments, None);
    // The last ", expected": what comes before it may quote the value received.
    let expected = message
        .rsplit_once(", expected ")
        .and_then(|(_, expected)| expected_type(expected))
        .or_else(|| parse_error_type(message));
    let item = ValidationError::TypeMismatch {
        value: value_at(),
        expected_type: expected,
        path: name.clone(),
    };
    Rejection::Invalid(one_item(item, name.as_deref()))
}

fn one_item(item: ValidationError, name: Option<&str>) -> OmniaError {
    let field = FieldError::new(item);
    OmniaError::validation_failed([match name {
        Some(name) => field.with_name(name),
        None => field,
    }])
}

/// The text between `start` (at the beginning of `text`) and the next `end`.
fn between<'t>(text: &'t str, start: &str, end: &str) -> Option<&'t str> {
    let rest = text.strip_prefix(start)?;
    rest.split_once(end).map(|(inside, _)| inside)
}

/// The type serde expected, as an OMNIA attribute type where one fits: `expected` is serde's
/// text after "expected " (`u32`, `a string`, `struct Address`), maybe followed by
/// `serde_json`'s " at line 1 column 9".
fn expected_type(expected: &str) -> Option<String> {
    let expected = expected
        .rsplit_once(" at line ")
        .map_or(expected, |(before, _)| before);
    type_name(expected)
}

/// An OMNIA attribute type for a Rust type's or serde's name of what it expected; `None` for
/// a text that names no type.
fn type_name(expected: &str) -> Option<String> {
    let named = match expected {
        "u8" | "u16" | "u32" | "u64" | "u128" | "usize" | "i8" | "i16" | "i32" | "i64" | "i128"
        | "isize" => "Integer",
        "f32" | "f64" => "Decimal",
        "a boolean" | "bool" => "Boolean",
        "a string" | "a borrowed string" | "a character" | "char" | "alloc::string::String" => {
            "Text"
        }
        "a sequence" | "a tuple" => "List",
        "a map" => "Object",
        // A struct, and a struct variant of an enum (`struct variant Kind::Return`).
        other if other.starts_with("struct ") || other.starts_with("a map") => "Object",
        other if other.starts_with("a tuple") || other.starts_with("an array") => "List",
        other if other.starts_with("tuple struct ") => "List",
        // An enum: a variant's name (serde lists the variants: "`Sale` or `Return`"), one of
        // its kinds of variant, or what `serde_json` reads an enum from.
        other
            if other.starts_with("variant ")
                || other.starts_with("one of ")
                || other.starts_with('`')
                || other.starts_with("unit variant ")
                || other == "there are no variants"
                || other == "string or map"
                || other == "map with a single key" =>
        {
            "Enumeration"
        }
        other if other.starts_with("tuple variant ") => "List",
        // A type's name (`uuid::Uuid`): its last segment, if it is a name.
        other => {
            let name = other.rsplit("::").next().unwrap_or(other);
            let is_name = name.starts_with(|c: char| c.is_ascii_alphabetic())
                && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
            return is_name.then(|| name.to_owned());
        }
    };
    Some(named.to_owned())
}

/// The type a standard library parse error implies (what a query string's values give:
/// `"ten".parse::<u32>()` fails with "invalid digit found in string").
fn parse_error_type(message: &str) -> Option<String> {
    let named = match message {
        "invalid digit found in string"
        | "number too large to fit in target type"
        | "number too small to fit in target type"
        | "cannot parse integer from empty string" => "Integer",
        "invalid float literal" | "cannot parse float from empty string" => "Decimal",
        "provided string was not `true` or `false`" => "Boolean",
        _ => return None,
    };
    Some(named.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    #[allow(dead_code)]
    struct Order {
        address: Address,
        lines: Vec<Line>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    #[allow(dead_code)]
    struct Address {
        zip_code: String,
    }

    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "PascalCase")]
    #[allow(dead_code)]
    struct Line {
        quantity: u32,
    }

    fn item(rejection: Rejection) -> (ValidationError, Option<String>) {
        let Rejection::Invalid(error) = rejection else {
            panic!("a catalog error: {rejection}")
        };
        assert_eq!(error.error(), &ApiError::ValidationFailed);
        let [field] = error.field_errors() else {
            panic!("one item: {error}")
        };
        (field.error().clone(), field.name().map(str::to_owned))
    }

    #[test]
    fn a_wrong_type_deep_in_a_body_is_named_as_omnia_writes_it() {
        let body = br#"{"Address":{"ZipCode":"1000"},"Lines":[{"Quantity":1},{"Quantity":2},{"Quantity":"x"}]}"#;
        let (error, name) = item(from_json::<Order>(body).unwrap_err());
        assert_eq!(name.as_deref(), Some("Lines[2].Quantity"));
        assert_eq!(
            error,
            ValidationError::TypeMismatch {
                value: Some("x".into()),
                expected_type: Some("Integer".into()),
                path: Some("Lines[2].Quantity".into()),
            }
        );
    }

    #[test]
    fn a_missing_field_is_a_required_value_at_its_path() {
        let body = br#"{"Address":{},"Lines":[]}"#;
        let (error, name) = item(from_json::<Order>(body).unwrap_err());
        assert_eq!(name.as_deref(), Some("Address.ZipCode"));
        assert_eq!(
            error,
            ValidationError::RequiredValue {
                path: Some("Address.ZipCode".into())
            }
        );
    }

    #[test]
    fn values_are_quoted_as_received() {
        let body = br#"{"Address":{"ZipCode":1000},"Lines":[]}"#;
        let (error, _) = item(from_json::<Order>(body).unwrap_err());
        assert_eq!(
            error,
            ValidationError::TypeMismatch {
                value: Some("1000".into()),
                expected_type: Some("Text".into()),
                path: Some("Address.ZipCode".into()),
            }
        );
        let negative = br#"{"Address":{"ZipCode":"x"},"Lines":[{"Quantity":-1}]}"#;
        let (error, _) = item(from_json::<Order>(negative).unwrap_err());
        assert!(
            matches!(&error, ValidationError::TypeMismatch { value: Some(v), .. } if v == "-1"),
            "{error:?}"
        );
        // The whole body of the wrong type: an item without a name.
        let (error, name) = item(from_json::<Order>(br#""an order""#).unwrap_err());
        assert_eq!(name, None);
        assert!(
            matches!(&error, ValidationError::TypeMismatch { expected_type: Some(t), .. } if t == "Object"),
            "{error:?}"
        );
    }

    #[test]
    fn what_is_not_json_or_not_a_value_is_invalid_input() {
        #[derive(Debug, Deserialize)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct Strict {
            a: u8,
        }
        for body in [&b"{"[..], b"", b"{\"Address\": }", b"\xff"] {
            let rejection = from_json::<Order>(body).unwrap_err();
            assert_eq!(rejection, Rejection::invalid_input(), "{body:?}");
        }
        let rejection = from_json::<Strict>(br#"{"a":1,"b":2}"#).unwrap_err();
        assert_eq!(rejection, Rejection::invalid_input());
    }

    #[test]
    fn json_content_types() {
        let accepts = |value: &str| {
            let mut headers = HeaderMap::new();
            headers.insert(CONTENT_TYPE, value.parse().unwrap());
            has_json_content_type(&headers)
        };
        for yes in [
            "application/json",
            "Application/JSON; charset=utf-8",
            "application/problem+json",
            "application/vnd.omnia+json",
        ] {
            assert!(accepts(yes), "{yes}");
        }
        for no in [
            "text/json",
            "application/jsonx",
            "application/xml",
            "json",
            "",
        ] {
            assert!(!accepts(no), "{no}");
        }
        assert!(!has_json_content_type(&HeaderMap::new()));
    }

    #[test]
    fn query_strings_name_their_parameter() {
        #[derive(Debug, Deserialize)]
        #[allow(dead_code)]
        struct Page {
            top: u32,
            skip: Option<u32>,
            active: Option<bool>,
        }
        let (error, name) = item(from_query::<Page>("top=ten").unwrap_err());
        assert_eq!(name.as_deref(), Some("top"));
        assert_eq!(
            error,
            ValidationError::TypeMismatch {
                value: Some("ten".into()),
                expected_type: Some("Integer".into()),
                path: Some("top".into()),
            }
        );
        let (error, name) = item(from_query::<Page>("skip=1").unwrap_err());
        assert_eq!(name.as_deref(), Some("top"));
        assert_eq!(
            error,
            ValidationError::RequiredValue {
                path: Some("top".into())
            }
        );
        let (error, _) = item(from_query::<Page>("top=1&active=maybe").unwrap_err());
        assert!(
            matches!(&error, ValidationError::TypeMismatch { value: Some(v), expected_type: Some(t), .. } if v == "maybe" && t == "Boolean"),
            "{error:?}"
        );
        assert!(from_query::<Page>("top=5&skip=2").is_ok());
    }

    #[test]
    fn omnia_names() {
        let key = |k: &str| Segment::Key(k.into());
        assert_eq!(omnia_name(&[], None), None);
        assert_eq!(omnia_name(&[], Some("Code")).as_deref(), Some("Code"));
        assert_eq!(
            omnia_name(&[key("Lines"), Segment::Index(2), key("Quantity")], None).as_deref(),
            Some("Lines[2].Quantity")
        );
        assert_eq!(
            omnia_name(&[Segment::Index(0), Segment::Index(1)], Some("A")).as_deref(),
            Some("[0][1].A")
        );
    }

    #[test]
    fn a_standard_library_parse_error_names_the_type_it_parsed() {
        let integer = [
            "invalid digit found in string",
            "number too large to fit in target type",
            "number too small to fit in target type",
            "cannot parse integer from empty string",
        ];
        for message in integer {
            assert_eq!(
                parse_error_type(message).as_deref(),
                Some("Integer"),
                "{message}"
            );
        }
        for message in [
            "invalid float literal",
            "cannot parse float from empty string",
        ] {
            assert_eq!(
                parse_error_type(message).as_deref(),
                Some("Decimal"),
                "{message}"
            );
        }
        assert_eq!(
            parse_error_type("provided string was not `true` or `false`").as_deref(),
            Some("Boolean")
        );
        assert_eq!(parse_error_type("invalid value"), None);
        // What they are: the standard library's own messages.
        assert_eq!("x".parse::<u8>().unwrap_err().to_string(), integer[0]);
        assert_eq!(
            "x".parse::<f64>().unwrap_err().to_string(),
            "invalid float literal"
        );
    }

    #[test]
    fn types_are_named_as_omnia_names_them() {
        let named = |expected| type_name(expected);
        assert_eq!(named("u64").as_deref(), Some("Integer"));
        assert_eq!(named("f64").as_deref(), Some("Decimal"));
        assert_eq!(named("a string").as_deref(), Some("Text"));
        assert_eq!(named("struct Address").as_deref(), Some("Object"));
        assert_eq!(named("uuid::Uuid").as_deref(), Some("Uuid"));
        assert_eq!(
            expected_type("u32 at line 1 column 9").as_deref(),
            Some("Integer")
        );
        // An enum, however serde and serde_json say what they expected of one.
        for expected in [
            "`Sale` or `Return`",
            "`Sale`",
            "one of `A`, `B`, `C`",
            "variant identifier",
            "string or map",
            "map with a single key",
            "unit variant Kind::Sale",
        ] {
            assert_eq!(
                named(expected).as_deref(),
                Some("Enumeration"),
                "{expected}"
            );
        }
        assert_eq!(
            named("struct variant Kind::Return").as_deref(),
            Some("Object")
        );
        assert_eq!(named("tuple variant Kind::Pair").as_deref(), Some("List"));
        assert_eq!(named("tuple struct Pair").as_deref(), Some("List"));
        for list in [
            "a sequence",
            "a tuple",
            "a tuple of size 2",
            "an array of length 3",
        ] {
            assert_eq!(named(list).as_deref(), Some("List"), "{list}");
        }
        // A text that names no type gives none, rather than itself as a type.
        assert_eq!(named("something else entirely"), None);
    }

    #[test]
    fn an_enum_of_the_wrong_variant_is_a_type_mismatch_of_an_enumeration() {
        #[derive(Debug, Deserialize)]
        #[allow(dead_code)]
        enum Kind {
            Sale,
            Return { reason: String },
        }
        #[derive(Debug, Deserialize)]
        #[allow(dead_code)]
        struct Body {
            kind: Kind,
        }
        for body in [
            &br#"{"kind":"Gift"}"#[..],
            br#"{"kind":5}"#,
            br#"{"kind":{"Sale":null,"Return":null}}"#,
        ] {
            let (error, name) = item(from_json::<Body>(body).unwrap_err());
            assert_eq!(name.as_deref(), Some("kind"));
            assert!(
                matches!(&error, ValidationError::TypeMismatch { expected_type: Some(t), .. } if t == "Enumeration"),
                "{error:?}"
            );
        }
        let (error, _) = item(from_json::<Body>(br#"{"kind":{"Return":"late"}}"#).unwrap_err());
        assert!(
            matches!(&error, ValidationError::TypeMismatch { expected_type: Some(t), .. } if t == "Object"),
            "{error:?}"
        );
    }

    #[test]
    fn the_type_expected_is_never_read_from_the_value_received() {
        let body = br#"{"Address":{"ZipCode":"1"},"Lines":[{"Quantity":"1, expected bool"}]}"#;
        let (error, _) = item(from_json::<Order>(body).unwrap_err());
        assert_eq!(
            error,
            ValidationError::TypeMismatch {
                value: Some("1, expected bool".into()),
                expected_type: Some("Integer".into()),
                path: Some("Lines[0].Quantity".into()),
            }
        );
    }

    #[test]
    fn a_body_that_is_not_utf8_is_invalid_input_even_in_a_member_the_type_ignores() {
        // serde_json reads the struct, skipping the unknown member's bytes unchecked; JSON text
        // is UTF-8 (RFC 8259, 8.1), so the body is refused, not half read (found by fuzzing).
        let body = b"{\"Address\":{\"ZipCode\":\"1\"},\"Lines\":[],\"Kind\":\"Gi\xc0ft\"}";
        assert!(serde_json::from_slice::<Order>(body).is_ok());
        assert_eq!(
            from_json::<Order>(body).unwrap_err(),
            Rejection::invalid_input()
        );
    }

    #[test]
    fn every_kind_of_json_value_reads_as_serde_json_reads_it() {
        for text in [
            "null",
            "true",
            "false",
            "0",
            "-1",
            "18446744073709551615",
            "1.5",
            "-2.5e3",
            r#""a""#,
            r#""\u00e9""#,
            "[1,[true,null]]",
            r#"{"a":{"b":[1.25,false]},"c":"d"}"#,
        ] {
            let Document(value) = serde_json::from_str(text).expect("a JSON document");
            let theirs: Value = serde_json::from_str(text).expect("a JSON document");
            assert_eq!(value, theirs, "{text}");
        }
    }

    #[test]
    fn a_member_named_twice_is_invalid_input() {
        // A struct's field, with a wrong value in the first (which the second would hide),
        // and a map's key.
        let twice = br#"{"Address":{"ZipCode":"1"},"Lines":[{"Quantity":"x"}],"Lines":[]}"#;
        assert_eq!(
            from_json::<Order>(twice).unwrap_err(),
            Rejection::invalid_input()
        );
        let map = br#"{"a":1,"b":2,"a":3}"#;
        let rejection = from_json::<std::collections::BTreeMap<String, u8>>(map).unwrap_err();
        assert_eq!(rejection, Rejection::invalid_input());
        // The same names in different objects are no repetition.
        let fine = br#"{"Address":{"ZipCode":"1"},"Lines":[{"Quantity":1},{"Quantity":2}]}"#;
        assert!(from_json::<Order>(fine).is_ok());
    }
}
