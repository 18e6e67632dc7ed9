//! Every error a server sends that no handler wrote as an `OmniaError`, over real HTTP: the
//! extractors' rejections, routing's 404 and 405, bare statuses, tower-http's timeout and body
//! limit, a panic. Each case in two languages and for both media types, each body checked
//! against its OpenAPI schema and read back into the typed error; and bodies of a handler's
//! own, untouched.

mod common;

use std::net::SocketAddr;
use std::time::Duration;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::StatusCode;
use axum::routing::{get, post};
use omnia_errors::{
    ApiError, DocsPage, ErrorBody, ErrorCode, ParamError, ProblemDetails, ValidationError,
};
use omnia_errors_axum::{Json, LocalizeErrorsLayer, OmniaError, Path, Query};
use omnia_errors_fluent::Localizer;
use reqwest::header::{ACCEPT, ACCEPT_LANGUAGE, ALLOW, CONTENT_LANGUAGE, CONTENT_TYPE, VARY};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use common::{assert_valid, schema, serve};

type TestResult = Result<(), Box<dyn std::error::Error>>;

#[derive(Debug, Deserialize, Serialize)]
#[serde(rename_all = "PascalCase")]
struct Order {
    address: Address,
    lines: Vec<Line>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(rename_all = "PascalCase")]
struct Address {
    zip_code: String,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(rename_all = "PascalCase")]
struct Line {
    quantity: u32,
}

#[derive(Debug, Deserialize)]
struct Page {
    top: u32,
}

const SECRET: &str = "the database password is hunter2";

async fn create_order(Json(order): Json<Order>) -> (StatusCode, Json<Order>) {
    (StatusCode::CREATED, Json(order))
}

async fn entity(Path(id): Path<u64>) -> Result<String, OmniaError> {
    if id == 1 {
        Ok("Ada".into())
    } else {
        Err(ApiError::EntityNotFound.into())
    }
}

async fn entities(Query(page): Query<Page>) -> String {
    format!("top {}", page.top)
}

/// A handler that answers a bare status, with no body.
async fn bare(Path(status): Path<u16>) -> StatusCode {
    StatusCode::from_u16(status).unwrap_or(StatusCode::IM_A_TEAPOT)
}

async fn slow() -> &'static str {
    tokio::time::sleep(Duration::from_secs(30)).await;
    "too late"
}

async fn panics() -> &'static str {
    panic!("{SECRET}")
}

async fn limited(Json(value): Json<Value>) -> Json<Value> {
    Json(value)
}

/// An error with a text body of the handler's own.
async fn own_text() -> (StatusCode, &'static str) {
    (StatusCode::NOT_FOUND, "no such customer")
}

/// Bodies of a handler's own that look, in one way or another, like tower-http's body-limit
/// response (413, `text/plain`, the 21 bytes "length limit exceeded"), each but one way.
async fn own_lookalike(Path(which): Path<String>) -> (StatusCode, &'static str) {
    match which.as_str() {
        // Another status, tower-http's very text.
        "400" => (StatusCode::BAD_REQUEST, "length limit exceeded"),
        // The status and the length, another text.
        "413-21" => (StatusCode::PAYLOAD_TOO_LARGE, "too large, try again!"),
        // The status, a longer text.
        _ => (
            StatusCode::PAYLOAD_TOO_LARGE,
            "your upload is larger than this server takes",
        ),
    }
}

/// A path read into a struct: its parameters by name.
#[derive(Debug, Deserialize)]
struct Named {
    id: u64,
}

async fn named(Path(path): Path<Named>) -> String {
    path.id.to_string()
}

/// A path read into a tuple: its parameters by position.
async fn pair(Path((name, n)): Path<(String, u32)>) -> String {
    format!("{name} {n}")
}

/// A value whose own `Deserialize` refuses the text it reads (an odd number), as `Uuid`'s
/// refuses a malformed one.
#[derive(Debug)]
struct Even(u64);

impl<'de> Deserialize<'de> for Even {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Text;
        impl serde::de::Visitor<'_> for Text {
            type Value = Even;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an even number")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Even, E> {
                match text.parse::<u64>() {
                    Ok(n) if n % 2 == 0 => Ok(Even(n)),
                    _ => Err(E::custom("not an even number")),
                }
            }
        }
        deserializer.deserialize_str(Text)
    }
}

#[derive(Debug, Deserialize)]
struct EvenPath {
    n: Even,
}

async fn even(Path(path): Path<EvenPath>) -> String {
    path.n.0.to_string()
}

/// A handler that takes two path parameters, on a route that has one: a server bug.
async fn two(Path((a, b)): Path<(u32, u32)>) -> String {
    format!("{a} {b}")
}

/// An error with a JSON body of the handler's own.
async fn own_json() -> (StatusCode, axum::Json<Value>) {
    (StatusCode::CONFLICT, axum::Json(json!({ "mine": true })))
}

fn app() -> Router {
    Router::new()
        .route("/orders", post(create_order))
        .route("/entities/{id}", get(entity).put(entity))
        .route("/entities", get(entities))
        .route("/bare/{status}", get(bare))
        .route(
            "/slow",
            get(slow).layer(tower_http::timeout::TimeoutLayer::with_status_code(
                StatusCode::REQUEST_TIMEOUT,
                Duration::from_millis(20),
            )),
        )
        .route(
            "/limited",
            post(limited).layer(tower_http::limit::RequestBodyLimitLayer::new(16)),
        )
        .route("/panic", get(panics))
        .route("/own-text", get(own_text))
        .route("/own-lookalike/{which}", get(own_lookalike))
        .route("/named/{id}", get(named))
        .route("/pair/{name}/{n}", get(pair))
        .route("/even/{n}", get(even))
        .route("/two/{a}", get(two))
        .route("/own-json", get(own_json))
        .layer(DefaultBodyLimit::max(1024))
        .layer(LocalizeErrorsLayer::new(Localizer::embedded()).catch_panics())
}

/// A request of a case.
struct Call {
    method: reqwest::Method,
    path: &'static str,
    content_type: Option<&'static str>,
    body: String,
}

fn get_(path: &'static str) -> Call {
    Call {
        method: reqwest::Method::GET,
        path,
        content_type: None,
        body: String::new(),
    }
}

fn post_json(path: &'static str, body: impl Into<String>) -> Call {
    Call {
        method: reqwest::Method::POST,
        path,
        content_type: Some("application/json"),
        body: body.into(),
    }
}

/// What a case must be answered with.
enum Expected {
    /// A catalog error, with the validation items of a `ValidationFailed`.
    Catalog(ApiError, Vec<(ValidationError, Option<&'static str>)>),
    /// An `about:blank` problem of this status.
    Blank(u16),
}

fn type_mismatch(value: &str, expected: &str, path: &'static str) -> Expected {
    Expected::Catalog(
        ApiError::ValidationFailed,
        vec![(
            ValidationError::TypeMismatch {
                value: Some(value.into()),
                expected_type: Some(expected.into()),
                path: Some(path.into()),
            },
            Some(path),
        )],
    )
}

fn required(path: &'static str) -> Expected {
    Expected::Catalog(
        ApiError::ValidationFailed,
        vec![(
            ValidationError::RequiredValue {
                path: Some(path.into()),
            },
            Some(path),
        )],
    )
}

#[expect(clippy::too_many_lines, reason = "a table of cases, one a row")]
fn cases() -> Vec<(&'static str, Call, Expected)> {
    let order = r#"{"Address":{"ZipCode":"1000-001"},"Lines":[{"Quantity":1}]}"#;
    let no_content_type = Call {
        content_type: None,
        ..post_json("/orders", order)
    };
    let text_content_type = Call {
        content_type: Some("text/plain"),
        ..post_json("/orders", order)
    };
    let wrong_method = Call {
        method: reqwest::Method::DELETE,
        ..get_("/entities/1")
    };
    vec![
        // Item 1: the extractors.
        (
            "not JSON",
            post_json("/orders", "{\"Address\":"),
            Expected::Catalog(ApiError::InvalidInput, vec![]),
        ),
        (
            "no Content-Type",
            no_content_type,
            Expected::Catalog(ApiError::InvalidInput, vec![]),
        ),
        (
            "not a JSON Content-Type",
            text_content_type,
            Expected::Catalog(ApiError::InvalidInput, vec![]),
        ),
        (
            "a missing field",
            post_json("/orders", r#"{"Address":{},"Lines":[]}"#),
            required("Address.ZipCode"),
        ),
        (
            "a wrong type deep in the body",
            post_json(
                "/orders",
                r#"{"Address":{"ZipCode":"1"},"Lines":[{"Quantity":1},{"Quantity":2},{"Quantity":"three"}]}"#,
            ),
            type_mismatch("three", "Integer", "Lines[2].Quantity"),
        ),
        (
            "a path parameter that does not parse",
            get_("/entities/abc"),
            type_mismatch("abc", "Integer", "id"),
        ),
        (
            "a path parameter read by name that does not parse",
            get_("/named/abc"),
            type_mismatch("abc", "Integer", "id"),
        ),
        (
            "a path parameter read by position that does not parse",
            get_("/pair/ada/many"),
            type_mismatch("many", "Integer", "n"),
        ),
        (
            "a path parameter its type's own Deserialize refuses",
            get_("/even/3"),
            Expected::Catalog(
                ApiError::ValidationFailed,
                vec![(
                    ValidationError::TypeMismatch {
                        value: Some("3".into()),
                        expected_type: None,
                        path: Some("n".into()),
                    },
                    Some("n"),
                )],
            ),
        ),
        (
            "a handler taking more path parameters than its route has",
            get_("/two/1"),
            Expected::Catalog(ApiError::InternalError, vec![]),
        ),
        (
            "a query parameter that does not parse",
            get_("/entities?top=ten"),
            type_mismatch("ten", "Integer", "top"),
        ),
        (
            "a missing query parameter",
            get_("/entities?skip=1"),
            required("top"),
        ),
        (
            "a body over axum's limit",
            post_json("/orders", format!("[{}0]", "0,".repeat(600))),
            Expected::Blank(413),
        ),
        // Item 2: responses without a body of their own.
        ("an unknown route", get_("/nowhere"), Expected::Blank(404)),
        ("a wrong method", wrong_method, Expected::Blank(405)),
        (
            "a bare 400",
            get_("/bare/400"),
            Expected::Catalog(ApiError::InvalidInput, vec![]),
        ),
        (
            "a bare 500",
            get_("/bare/500"),
            Expected::Catalog(ApiError::InternalError, vec![]),
        ),
        ("a bare 503", get_("/bare/503"), Expected::Blank(503)),
        ("a bare 418", get_("/bare/418"), Expected::Blank(418)),
        ("tower-http's timeout", get_("/slow"), Expected::Blank(408)),
        (
            "tower-http's body limit",
            post_json("/limited", r#"{"a long enough body":true}"#),
            Expected::Blank(413),
        ),
        // Item 3: a panic.
        (
            "a panic",
            get_("/panic"),
            Expected::Catalog(ApiError::InternalError, vec![]),
        ),
    ]
}

/// What a response tells.
#[derive(Debug)]
struct Answer {
    status: u16,
    content_type: Option<String>,
    content_language: Option<String>,
    vary: Vec<String>,
    allow: Option<String>,
    text: String,
}

async fn send(
    address: SocketAddr,
    call: &Call,
    accept: &str,
    accept_language: &str,
) -> Result<Answer, Box<dyn std::error::Error>> {
    let client = reqwest::Client::builder()
        .no_proxy()
        .timeout(Duration::from_secs(30))
        .build()?;
    let mut request = client
        .request(
            call.method.clone(),
            format!("http://{address}{}", call.path),
        )
        .header(ACCEPT, accept)
        .header(ACCEPT_LANGUAGE, accept_language)
        .body(call.body.clone());
    if let Some(content_type) = call.content_type {
        request = request.header(CONTENT_TYPE, content_type);
    }
    let response = request.send().await?;
    let header = |name| {
        response
            .headers()
            .get(name)
            .map(|v: &reqwest::header::HeaderValue| v.to_str().unwrap_or_default().to_owned())
    };
    Ok(Answer {
        status: response.status().as_u16(),
        content_type: header(CONTENT_TYPE),
        content_language: header(CONTENT_LANGUAGE),
        allow: header(ALLOW),
        vary: response
            .headers()
            .get_all(VARY)
            .iter()
            .map(|v| v.to_str().unwrap_or_default().to_owned())
            .collect(),
        text: response.text().await?,
    })
}

const LANGUAGES: [&str; 2] = ["pl-PL", "pt-PT"];
const MEDIA_TYPES: [&str; 2] = ["application/json", "application/problem+json"];

#[tokio::test]
// `|i| i.error()` reads the items of both bodies alike, whatever their types are named.
#[allow(clippy::redundant_closure_for_method_calls)]
async fn every_framework_error_is_a_catalog_error_or_a_localized_status() -> TestResult {
    let localizer = Localizer::embedded();
    let address = serve(app()).await?;
    let omnia_schema = schema("ErrorResponse")?;
    let problem_schema = schema("ProblemDetails")?;
    let status_schema = schema("StatusProblem")?;
    for (case, call, expected) in cases() {
        for accept_language in LANGUAGES {
            let language = localizer.for_accept_language(accept_language);
            for accept in MEDIA_TYPES {
                let what = format!("{case} ({accept_language}, {accept})");
                let answer = send(address, &call, accept, accept_language).await?;
                assert!(!answer.text.contains(SECRET), "{what}: {answer:?}");
                assert_eq!(
                    answer.content_language.as_deref(),
                    Some(accept_language),
                    "{what}: {answer:?}"
                );
                let body: Value = serde_json::from_str(&answer.text)?;
                match &expected {
                    Expected::Catalog(error, items) => {
                        let status = error.code().http_status();
                        assert_eq!(answer.status, status, "{what}: {answer:?}");
                        assert_eq!(answer.content_type.as_deref(), Some(accept), "{what}");
                        assert_eq!(answer.vary, ["accept-language", "accept"], "{what}");
                        let items = || items.iter().map(|(e, name)| (e, *name));
                        if accept == "application/json" {
                            assert_valid(&omnia_schema, &body, &what);
                            let read: ErrorBody = serde_json::from_value(body.clone())?;
                            assert_eq!(read.error().as_ref(), Ok(error), "{what}");
                            let typed: Vec<_> = read.errors().iter().map(|i| i.error()).collect();
                            let want: Vec<_> = items().map(|(e, _)| Ok(e.clone())).collect();
                            assert_eq!(typed, want, "{what}");
                            let written = language.error_body(error, items()).body;
                            assert_eq!(body, serde_json::to_value(written)?, "{what}");
                        } else {
                            assert_valid(&problem_schema, &body, &what);
                            let read: ProblemDetails = serde_json::from_value(body.clone())?;
                            assert_eq!(read.error().as_ref(), Ok(error), "{what}");
                            let typed: Vec<_> = read.errors().iter().map(|i| i.error()).collect();
                            let want: Vec<_> = items().map(|(e, _)| Ok(e.clone())).collect();
                            assert_eq!(typed, want, "{what}");
                            let written = language
                                .problem_details(error, items(), &DocsPage::OMNIA)
                                .body;
                            assert_eq!(body, serde_json::to_value(written)?, "{what}");
                        }
                    }
                    Expected::Blank(status) => {
                        assert_eq!(answer.status, *status, "{what}: {answer:?}");
                        // Whatever the format asked for: OMNIA's body cannot say "no code".
                        assert_eq!(
                            answer.content_type.as_deref(),
                            Some("application/problem+json"),
                            "{what}"
                        );
                        assert_eq!(answer.vary, ["accept-language"], "{what}");
                        assert_valid(&status_schema, &body, &what);
                        let read: ProblemDetails = serde_json::from_value(body.clone())?;
                        let title = language.status_title(*status).map(|t| t.text.into_owned());
                        assert_eq!(
                            read,
                            ProblemDetails::about_blank(*status)
                                .with_title(title.clone().unwrap_or_default()),
                            "{what}"
                        );
                        assert_ne!(
                            title,
                            localizer
                                .source()
                                .status_title(*status)
                                .map(|t| t.text.into_owned()),
                            "{what}: translated"
                        );
                        assert_eq!(read.error(), Err(ParamError::NoCode), "{what}");
                    }
                }
            }
        }
    }
    Ok(())
}

#[tokio::test]
async fn a_wrong_method_keeps_its_allow_header() -> TestResult {
    let address = serve(app()).await?;
    let call = Call {
        method: reqwest::Method::DELETE,
        ..get_("/entities/1")
    };
    let answer = send(address, &call, "*/*", "de-DE").await?;
    assert_eq!(answer.status, 405);
    let allow = answer.allow.unwrap_or_default();
    assert!(allow.contains("GET") && allow.contains("PUT"), "{allow}");
    let body: ProblemDetails = serde_json::from_str(&answer.text)?;
    assert_eq!(body.title.as_deref(), Some("Methode nicht erlaubt"));
    Ok(())
}

#[tokio::test]
async fn a_body_of_the_handlers_own_is_never_touched() -> TestResult {
    let address = serve(app()).await?;
    for accept in MEDIA_TYPES {
        let answer = send(address, &get_("/own-text"), accept, "pl-PL").await?;
        assert_eq!(answer.status, 404);
        assert_eq!(answer.text, "no such customer");
        assert_eq!(
            answer.content_type.as_deref(),
            Some("text/plain; charset=utf-8")
        );
        assert_eq!(answer.content_language, None);
        assert!(answer.vary.is_empty(), "{answer:?}");

        for (which, status, text) in [
            ("400", 400, "length limit exceeded"),
            ("413-21", 413, "too large, try again!"),
            ("413", 413, "your upload is larger than this server takes"),
        ] {
            let call = Call {
                path: match which {
                    "400" => "/own-lookalike/400",
                    "413-21" => "/own-lookalike/413-21",
                    _ => "/own-lookalike/413",
                },
                ..get_("")
            };
            let answer = send(address, &call, accept, "pl-PL").await?;
            assert_eq!(
                (answer.status, answer.text.as_str()),
                (status, text),
                "{which}"
            );
            assert_eq!(answer.content_language, None, "{which}");
        }

        let answer = send(address, &get_("/own-json"), accept, "pl-PL").await?;
        assert_eq!(answer.status, 409);
        assert_eq!(answer.text, r#"{"mine":true}"#);
        assert_eq!(answer.content_type.as_deref(), Some("application/json"));
        assert_eq!(answer.content_language, None);
    }
    // Nor are successes, or the extractors' when they succeed.
    let answer = send(address, &get_("/entities?top=5"), "*/*", "pl-PL").await?;
    assert_eq!((answer.status, answer.text.as_str()), (200, "top 5"));
    let order = r#"{"Address":{"ZipCode":"1"},"Lines":[{"Quantity":2}]}"#;
    let answer = send(address, &post_json("/orders", order), "*/*", "pl-PL").await?;
    assert_eq!(answer.status, 201);
    assert_eq!(answer.text, order);
    Ok(())
}

#[tokio::test]
async fn a_path_error_of_a_handler_is_still_its_own() -> TestResult {
    // The extractor's rejection and the handler's own error are both catalog errors.
    let address = serve(app()).await?;
    let answer = send(address, &get_("/entities/7"), "application/json", "en-US").await?;
    assert_eq!(answer.status, 404);
    let body: ErrorBody = serde_json::from_str(&answer.text)?;
    assert_eq!(body.code, ErrorCode::EntityNotFound);
    let answer = send(address, &get_("/entities/abc"), "application/json", "en-US").await?;
    let body: ErrorBody = serde_json::from_str(&answer.text)?;
    assert_eq!(
        body.errors()[0].message,
        "The value \"abc\" doesn't match the type Integer of the attribute id."
    );
    Ok(())
}

#[tokio::test]
async fn without_catch_panics_a_panic_is_not_answered() -> TestResult {
    let app = Router::new()
        .route("/panic", get(panics))
        .layer(LocalizeErrorsLayer::new(Localizer::embedded()));
    let address = serve(app).await?;
    // hyper drops the connection of a task that panicked: no response at all.
    let outcome = send(address, &get_("/panic"), "*/*", "en-US").await;
    assert!(outcome.is_err(), "{outcome:?}");
    Ok(())
}
