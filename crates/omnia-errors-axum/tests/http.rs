//! End to end over real HTTP: a server on a loopback port, a real client, and the status,
//! headers and JSON bodies of each kind of error in several languages.
//!
//! Expected texts come from the localizer itself (except the en-US source texts, which are the
//! published ones), so translations can change without breaking these tests.

use std::fs;
mod common;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use axum::Router;
use axum::extract::Path;
use axum::http::HeaderName;
use axum::http::header::VARY;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use omnia_errors::{ApiError, DocsPage, ErrorCode, ErrorFormat, ProblemDetails, ValidationError};
use omnia_errors_axum::{FieldError, LocalizeErrorsLayer, OmniaError};
use omnia_errors_fluent::{Localizer, read_locales};
use reqwest::header::{
    ACCEPT, ACCEPT_LANGUAGE, CONTENT_LANGUAGE, CONTENT_TYPE, HeaderMap, HeaderValue,
};
use serde_json::{Value, json};

use common::{assert_valid, schema, serve};

type TestResult = Result<(), Box<dyn std::error::Error>>;

const CONNECTOR_MESSAGE: &str = "ERP said: invoice 42 is locked";

fn connector_error() -> ApiError {
    ApiError::ConnectorBehaviourFailed {
        message: Some(CONNECTOR_MESSAGE.into()),
    }
}

fn too_long() -> ValidationError {
    ValidationError::TextMaxLengthMismatch { max_length: 50 }
}

fn required() -> ValidationError {
    ValidationError::RequiredValue { path: None }
}

async fn entity(Path(id): Path<u64>) -> Result<&'static str, OmniaError> {
    if id == 1 {
        Ok("Ada")
    } else {
        Err(ApiError::EntityNotFound.into())
    }
}

async fn connector() -> Result<(), OmniaError> {
    Err(connector_error().into())
}

async fn validation() -> Result<(), OmniaError> {
    Err(OmniaError::validation_failed([
        FieldError::new(too_long()).with_name("Description"),
        FieldError::new(required()),
    ]))
}

/// An error response with a `Vary` of its own.
async fn with_vary() -> ([(axum::http::HeaderName, &'static str); 1], OmniaError) {
    ([(VARY, "Origin")], ApiError::EntityNotFound.into())
}

/// Headers a handler adds about the bytes of the response it made.
const REPRESENTATION_HEADERS: [(&str, &str); 12] = [
    ("etag", "\"v1\""),
    ("last-modified", "Tue, 15 Nov 1994 08:12:31 GMT"),
    (
        "digest",
        "sha-256=X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=",
    ),
    (
        "content-digest",
        "sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:",
    ),
    (
        "repr-digest",
        "sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:",
    ),
    ("content-md5", "Q2hlY2sgSW50ZWdyaXR5IQ=="),
    ("content-range", "bytes 0-3/4"),
    ("content-encoding", "gzip"),
    ("content-disposition", "attachment; filename=\"report.pdf\""),
    (
        "signature-input",
        "sig1=(\"content-digest\");created=1618884473",
    ),
    ("signature", "sig1=:dGVzdA==:"),
    ("content-location", "/entities/2.json"),
];

/// An error response the handler makes itself, then adds headers to.
async fn with_representation_headers() -> Response {
    let mut response = OmniaError::from(ApiError::EntityNotFound).into_response();
    for (name, value) in REPRESENTATION_HEADERS {
        response.headers_mut().insert(
            HeaderName::from_static(name),
            HeaderValue::from_static(value),
        );
    }
    response
}

fn routes() -> Router {
    Router::new()
        .route("/entities/{id}", get(entity))
        .route("/representation", get(with_representation_headers))
        .route("/connector", get(connector))
        .route("/validation", get(validation))
        .route("/vary", get(with_vary))
}

async fn serve_localized() -> Result<SocketAddr, Box<dyn std::error::Error>> {
    let app = routes().layer(LocalizeErrorsLayer::new(Localizer::embedded()));
    Ok(serve(app).await?)
}

/// What a response tells: status, the headers under test, and the JSON body.
#[derive(Debug)]
struct Answer {
    status: u16,
    content_type: Option<String>,
    content_language: Option<String>,
    vary: Vec<String>,
    body: Value,
}

/// GETs `path` with the given `Accept-Language` lines (none: no header at all).
async fn get_with(
    address: SocketAddr,
    path: &str,
    accept_language: &[HeaderValue],
) -> Result<Answer, Box<dyn std::error::Error>> {
    let mut headers = HeaderMap::new();
    for line in accept_language {
        headers.append(ACCEPT_LANGUAGE, line.clone());
    }
    get_headers(address, path, headers).await
}

/// GETs `path` with these request headers.
async fn get_headers(
    address: SocketAddr,
    path: &str,
    headers: HeaderMap,
) -> Result<Answer, Box<dyn std::error::Error>> {
    let client = reqwest::Client::builder()
        .no_proxy()
        .timeout(Duration::from_secs(30))
        .build()?;
    let response = client
        .get(format!("http://{address}{path}"))
        .headers(headers)
        .send()
        .await?;
    let header = |name| {
        response
            .headers()
            .get(name)
            .map(|v: &HeaderValue| String::from_utf8_lossy(v.as_bytes()).into_owned())
    };
    let content_type = header(CONTENT_TYPE);
    let content_language = header(CONTENT_LANGUAGE);
    let vary = response
        .headers()
        .get_all(VARY)
        .iter()
        .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned())
        .collect();
    let status = response.status().as_u16();
    let text = response.text().await?;
    let json = ["application/json", "application/problem+json"];
    let body = if json.contains(&content_type.as_deref().unwrap_or_default()) {
        serde_json::from_str(&text)?
    } else {
        Value::String(text)
    };
    Ok(Answer {
        status,
        content_type,
        content_language,
        vary,
        body,
    })
}

async fn request(
    address: SocketAddr,
    path: &str,
    accept_language: &str,
) -> Result<Answer, Box<dyn std::error::Error>> {
    get_with(address, path, &[HeaderValue::from_str(accept_language)?]).await
}

/// Asserts the headers of a localized error response.
fn assert_localized(answer: &Answer, status: u16, locale: &str) {
    assert_eq!(answer.status, status, "{answer:?}");
    assert_eq!(answer.content_type.as_deref(), Some("application/json"));
    assert_eq!(answer.content_language.as_deref(), Some(locale));
    assert_eq!(answer.vary, VARY_BOTH);
}

/// What the layer adds to `Vary`: the request headers that chose the language and the format.
const VARY_BOTH: [&str; 2] = ["accept-language", "accept"];

/// The message the library gives for `error` in the language `accept_language` negotiates to.
fn expected(
    localizer: &Localizer,
    accept_language: &str,
    error: &impl omnia_errors::CatalogError,
) -> String {
    localizer
        .for_accept_language(accept_language)
        .message(error)
        .text
        .into_owned()
}

#[tokio::test]
async fn entity_not_found_in_en_us() -> TestResult {
    let address = serve_localized().await?;
    let answer = request(address, "/entities/7", "en-US").await?;
    assert_localized(&answer, 404, "en-US");
    assert_eq!(
        answer.body,
        json!({ "code": "EntityNotFound", "message": "Entity can't be found." })
    );
    Ok(())
}

#[tokio::test]
async fn entity_not_found_in_pt_pt() -> TestResult {
    let localizer = Localizer::embedded();
    let message = expected(&localizer, "pt-PT", &ApiError::EntityNotFound);
    assert_ne!(message, "Entity can't be found.", "pt-PT has a translation");

    let address = serve_localized().await?;
    let answer = request(address, "/entities/7", "pt-PT").await?;
    assert_localized(&answer, 404, "pt-PT");
    assert_eq!(
        answer.body,
        json!({ "code": "EntityNotFound", "message": message })
    );
    Ok(())
}

#[tokio::test]
async fn unavailable_portuguese_falls_back_to_pt_pt() -> TestResult {
    let localizer = Localizer::embedded();
    let address = serve_localized().await?;
    let answer = request(address, "/entities/7", "pt-AO, *;q=0.1").await?;
    assert_localized(&answer, 404, "pt-PT");
    let message = expected(&localizer, "pt-PT", &ApiError::EntityNotFound);
    assert_eq!(
        answer.body,
        json!({ "code": "EntityNotFound", "message": message })
    );
    Ok(())
}

#[tokio::test]
async fn no_accept_language_gets_en_us() -> TestResult {
    let address = serve_localized().await?;
    let answer = get_with(address, "/entities/7", &[]).await?;
    assert_localized(&answer, 404, "en-US");
    assert_eq!(
        answer.body,
        json!({ "code": "EntityNotFound", "message": "Entity can't be found." })
    );
    Ok(())
}

#[tokio::test]
async fn garbage_accept_language_gets_en_us() -> TestResult {
    let address = serve_localized().await?;
    let en_us = json!({ "code": "EntityNotFound", "message": "Entity can't be found." });
    let cases: [(&str, Vec<HeaderValue>); 4] = [
        ("empty", vec![HeaderValue::from_static("")]),
        (
            "garbage",
            vec![HeaderValue::from_static("@@, ;;;, x-;q=2, ,,q=1, -")],
        ),
        // Not UTF-8: the whole line is treated as absent, even its valid part.
        (
            "non-UTF-8",
            vec![HeaderValue::from_bytes(b"\xff\xfe\x80 pt-PT, \xc3(")?],
        ),
        (
            "huge",
            vec![HeaderValue::try_from("zz-ZZ;q=0.5, ".repeat(500))?],
        ),
    ];
    for (case, lines) in cases {
        let answer = get_with(address, "/entities/7", &lines).await?;
        assert_eq!(answer.status, 404, "{case}: {answer:?}");
        assert_eq!(answer.content_language.as_deref(), Some("en-US"), "{case}");
        assert_eq!(answer.vary, VARY_BOTH, "{case}");
        assert_eq!(answer.body, en_us, "{case}");
    }
    Ok(())
}

#[tokio::test]
async fn accept_language_lines_are_one_list() -> TestResult {
    let localizer = Localizer::embedded();
    let address = serve_localized().await?;
    let lines = [
        HeaderValue::from_bytes(b"\xffde-DE")?,
        HeaderValue::from_static("pt-PT;q=0.5"),
        HeaderValue::from_static("fr-FR;q=0.9"),
    ];
    let answer = get_with(address, "/entities/7", &lines).await?;
    assert_localized(&answer, 404, "fr-FR");
    let message = expected(&localizer, "fr-FR", &ApiError::EntityNotFound);
    assert_eq!(answer.body["message"], message);
    Ok(())
}

#[tokio::test]
async fn connector_failure_carries_its_message() -> TestResult {
    let localizer = Localizer::embedded();
    let address = serve_localized().await?;
    for accept_language in ["en-US", "pt-PT", "pt-AO, *;q=0.1"] {
        let answer = request(address, "/connector", accept_language).await?;
        let locale = localizer
            .for_accept_language(accept_language)
            .locale()
            .to_string();
        assert_localized(&answer, 400, &locale);
        let message = expected(&localizer, accept_language, &connector_error());
        assert!(message.contains(CONNECTOR_MESSAGE), "{message}");
        assert_eq!(
            answer.body,
            json!({
                "code": "ConnectorBehaviourFailed",
                "message": message,
                "parameters": { "message": CONNECTOR_MESSAGE },
            })
        );
    }
    let answer = request(address, "/connector", "en-US").await?;
    assert_eq!(
        answer.body["message"],
        format!("Behaviour execution failed while running in Connector: {CONNECTOR_MESSAGE}")
    );
    Ok(())
}

#[tokio::test]
async fn validation_failure_lists_localized_items() -> TestResult {
    let localizer = Localizer::embedded();
    let address = serve_localized().await?;

    let answer = request(address, "/validation", "en-US").await?;
    assert_localized(&answer, 400, "en-US");
    assert_eq!(
        answer.body,
        json!({
            "code": "ValidationFailed",
            "message": "Request validation failed.",
            "errors": [
                {
                    "code": "TextMaxLengthMismatch",
                    "name": "Description",
                    "message": "Value is too long to the defined length of 50.",
                    "parameters": { "maxLength": 50 },
                },
                { "code": "RequiredValue", "message": "Attribute value is required." },
            ],
        })
    );

    for accept_language in ["pt-PT", "pt-AO, *;q=0.1"] {
        let answer = request(address, "/validation", accept_language).await?;
        assert_localized(&answer, 400, "pt-PT");
        let item = expected(&localizer, accept_language, &too_long());
        assert!(item.contains("50"), "{item}");
        assert_eq!(
            answer.body,
            json!({
                "code": "ValidationFailed",
                "message": expected(&localizer, accept_language, &ApiError::ValidationFailed),
                "errors": [
                    {
                        "code": "TextMaxLengthMismatch",
                        "name": "Description",
                        "message": item,
                        "parameters": { "maxLength": 50 },
                    },
                    {
                        "code": "RequiredValue",
                        "message": expected(&localizer, accept_language, &required()),
                    },
                ],
            })
        );
    }
    Ok(())
}

#[tokio::test]
async fn success_responses_are_untouched() -> TestResult {
    let address = serve_localized().await?;
    let answer = request(address, "/entities/1", "pt-PT").await?;
    assert_eq!(answer.status, 200);
    assert_eq!(answer.body, "Ada");
    assert_eq!(answer.content_language, None);
    assert!(answer.vary.is_empty(), "{answer:?}");
    Ok(())
}

#[tokio::test]
async fn a_vary_of_the_handler_is_kept() -> TestResult {
    let localizer = Localizer::embedded();
    let address = serve_localized().await?;
    let answer = request(address, "/vary", "pt-PT").await?;
    assert_eq!(answer.status, 404);
    assert_eq!(answer.vary, ["Origin", "accept-language", "accept"]);
    assert_eq!(answer.content_language.as_deref(), Some("pt-PT"));
    let message = expected(&localizer, "pt-PT", &ApiError::EntityNotFound);
    assert_eq!(answer.body["message"], message);
    Ok(())
}

#[tokio::test]
async fn without_the_layer_errors_are_in_en_us() -> TestResult {
    let address = serve(routes()).await?;
    let answer = request(address, "/validation", "pt-PT").await?;
    assert_eq!(answer.status, 400);
    assert_eq!(answer.content_type.as_deref(), Some("application/json"));
    assert_eq!(answer.content_language.as_deref(), Some("en-US"));
    assert!(answer.vary.is_empty(), "nothing was negotiated: {answer:?}");
    assert_eq!(answer.body["message"], "Request validation failed.");
    assert_eq!(
        answer.body["errors"][0]["message"],
        "Value is too long to the defined length of 50."
    );
    Ok(())
}

#[tokio::test]
async fn an_error_body_is_written_once_in_the_request_language_and_never_rewritten() -> TestResult {
    // The handler makes the error response itself, then adds headers about its bytes. The body
    // was written in pt-PT when it was made (inside the layer), so the layer has nothing to
    // rewrite: every header the handler chose still describes the bytes sent.
    let address = serve_localized().await?;
    let client = reqwest::Client::builder().no_proxy().build()?;
    let response = client
        .get(format!("http://{address}/representation"))
        .header(ACCEPT_LANGUAGE, "pt-PT")
        .send()
        .await?;
    assert_eq!(response.status().as_u16(), 404);
    let headers = response.headers().clone();
    for (name, value) in REPRESENTATION_HEADERS {
        assert_eq!(headers[name], value, "{name}: {headers:?}");
    }
    assert_eq!(headers[CONTENT_LANGUAGE], "pt-PT");
    let vary: Vec<&HeaderValue> = headers.get_all(VARY).iter().collect();
    assert_eq!(vary, VARY_BOTH);
    let length: usize = headers["content-length"].to_str()?.parse()?;
    let body = response.bytes().await?;
    assert_eq!(length, body.len());
    let json: Value = serde_json::from_slice(&body)?;
    assert_eq!(json["code"], "EntityNotFound");
    let localizer = Localizer::embedded();
    assert_eq!(
        json["message"],
        expected(&localizer, "pt-PT", &ApiError::EntityNotFound)
    );
    Ok(())
}

/// A folder with the repository's en-US files and a pt-PT that only translates `ValidationFailed`:
/// a translation in progress.
fn partial_translation() -> Result<PathBuf, Box<dyn std::error::Error>> {
    let dir =
        std::env::temp_dir().join(format!("omnia-errors-axum-{}-partial", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    let locales =
        read_locales(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../locales"))?;
    for locale in locales {
        let files: Vec<(String, String)> = match locale.tag.as_str() {
            "en-US" => locale
                .files
                .iter()
                .map(|f| (f.name.clone(), f.text.clone()))
                .collect(),
            "pt-PT" => locale
                .files
                .iter()
                .filter(|f| f.name == "errors.ftl")
                .map(|f| {
                    (
                        f.name.clone(),
                        only_message(&f.text, "error-ValidationFailed"),
                    )
                })
                .collect(),
            _ => continue,
        };
        fs::create_dir_all(dir.join(&locale.tag))?;
        for (name, text) in files {
            fs::write(dir.join(&locale.tag).join(name), text)?;
        }
    }
    Ok(dir)
}

/// The message `id` of a Fluent file, with its attributes (indented lines).
fn only_message(text: &str, id: &str) -> String {
    let mut lines = text
        .lines()
        .skip_while(|line| !line.starts_with(&format!("{id} =")));
    let mut message: String = lines.next().map(|l| format!("{l}\n")).unwrap_or_default();
    for line in lines.take_while(|line| line.starts_with(' ')) {
        message.push_str(line);
        message.push('\n');
    }
    message
}

#[tokio::test]
async fn content_language_lists_every_locale_used() -> TestResult {
    let dir = partial_translation()?;
    let localizer = Localizer::builder().directory(&dir)?.build();
    let _ = fs::remove_dir_all(&dir);
    let translated = expected(&localizer, "pt-PT", &ApiError::ValidationFailed);
    assert_ne!(
        translated, "Request validation failed.",
        "pt-PT has this one"
    );

    let address = serve(routes().layer(LocalizeErrorsLayer::new(localizer))).await?;
    // The body's message is in pt-PT, its items fell back to en-US.
    let answer = request(address, "/validation", "pt-PT").await?;
    assert_localized(&answer, 400, "pt-PT, en-US");
    assert_eq!(answer.body["message"], translated);
    assert_eq!(
        answer.body["errors"][0]["message"],
        "Value is too long to the defined length of 50."
    );
    // Nothing of this response is in pt-PT, so it does not claim to be.
    let answer = request(address, "/entities/7", "pt-PT").await?;
    assert_localized(&answer, 404, "en-US");
    assert_eq!(answer.body["message"], "Entity can't be found.");
    Ok(())
}

/// GETs `path` with `Accept` and `Accept-Language`.
async fn get_accepting(
    address: SocketAddr,
    path: &str,
    accept: &'static str,
    accept_language: &'static str,
) -> Result<Answer, Box<dyn std::error::Error>> {
    let mut headers = HeaderMap::new();
    headers.insert(ACCEPT, HeaderValue::from_static(accept));
    headers.insert(ACCEPT_LANGUAGE, HeaderValue::from_static(accept_language));
    get_headers(address, path, headers).await
}

/// A validation error of a route, with the attribute it names.
type Item = (ValidationError, Option<&'static str>);

/// The errors the routes answer, with the validation items `/validation` lists.
fn route_errors() -> [(&'static str, ApiError, Vec<Item>); 3] {
    [
        ("/entities/7", ApiError::EntityNotFound, vec![]),
        ("/connector", connector_error(), vec![]),
        (
            "/validation",
            ApiError::ValidationFailed,
            vec![(too_long(), Some("Description")), (required(), None)],
        ),
    ]
}

#[tokio::test]
async fn each_media_type_gets_its_body_which_its_schema_accepts() -> TestResult {
    let localizer = Localizer::embedded();
    let problem_schema = schema("ProblemDetails")?;
    let omnia_schema = schema("ErrorResponse")?;
    let address = serve_localized().await?;
    for (path, error, items) in route_errors() {
        let status = error.code().http_status();
        let items = || items.iter().map(|(e, name)| (e, *name));
        for accept_language in ["en-US", "pt-PT", "pl-PL"] {
            let language = localizer.for_accept_language(accept_language);

            let answer =
                get_accepting(address, path, "application/problem+json", accept_language).await?;
            assert_eq!(answer.status, status, "{path}");
            assert_eq!(
                answer.content_type.as_deref(),
                Some("application/problem+json")
            );
            assert_eq!(answer.content_language.as_deref(), Some(accept_language));
            assert_eq!(answer.vary, VARY_BOTH);
            assert_valid(&problem_schema, &answer.body, path);
            let problem = language
                .problem_details(&error, items(), &DocsPage::default())
                .body;
            assert_eq!(answer.body, serde_json::to_value(&problem)?, "{path}");
            assert_eq!(
                answer.body["type"],
                DocsPage::default().url_of(error.code())
            );
            assert_eq!(answer.body["status"], status);
            assert_eq!(
                answer.body["detail"],
                language.message(&error).text.as_ref()
            );
            assert_eq!(
                answer.body["title"],
                language.generic_message(&error).text.as_ref()
            );
            // A client reads it back into the typed error.
            let read: ProblemDetails = serde_json::from_value(answer.body.clone())?;
            assert_eq!(read.error(), Ok(error.clone()));

            let answer = get_accepting(address, path, "application/json", accept_language).await?;
            assert_eq!(answer.content_type.as_deref(), Some("application/json"));
            assert_valid(&omnia_schema, &answer.body, path);
            let body = language.error_body(&error, items()).body;
            assert_eq!(answer.body, serde_json::to_value(&body)?, "{path}");
        }
    }
    Ok(())
}

#[tokio::test]
async fn accept_chooses_the_format_by_quality_and_ties_keep_omnias_body() -> TestResult {
    let address = serve_localized().await?;
    for (accept, expected) in [
        ("application/problem+json", "application/problem+json"),
        (
            "application/json;q=0.5, application/problem+json",
            "application/problem+json",
        ),
        (
            "application/problem+json;q=0.5, application/json",
            "application/json",
        ),
        ("*/*", "application/json"),
        (
            "application/json, application/problem+json",
            "application/json",
        ),
        ("text/html", "application/json"),
        ("application/problem+json;q=5", "application/json"),
    ] {
        let answer = get_accepting(address, "/entities/7", accept, "en-US").await?;
        assert_eq!(answer.content_type.as_deref(), Some(expected), "{accept}");
        assert_eq!(answer.status, 404, "{accept}");
    }
    Ok(())
}

#[tokio::test]
async fn a_server_may_prefer_problem_details_on_its_own_docs_page() -> TestResult {
    let page = DocsPage::new("https://api.example.com/docs/errors.html")?;
    let layer = LocalizeErrorsLayer::new(Localizer::embedded())
        .preferred_format(ErrorFormat::ProblemDetails)
        .docs_page(page.clone());
    let address = serve(routes().layer(layer)).await?;

    let answer = get_with(address, "/entities/7", &[]).await?;
    assert_eq!(
        answer.content_type.as_deref(),
        Some("application/problem+json")
    );
    assert_eq!(
        answer.body["type"],
        "https://api.example.com/docs/errors.html#EntityNotFound"
    );
    assert_eq!(
        page.code_of(answer.body["type"].as_str().unwrap_or_default()),
        Some(ErrorCode::EntityNotFound.into())
    );
    assert_eq!(answer.vary, VARY_BOTH);
    assert_valid(&schema("ProblemDetails")?, &answer.body, "preferred");

    // A client that asks for OMNIA's body alone still gets it.
    let answer = get_accepting(address, "/entities/7", "application/json", "en-US").await?;
    assert_eq!(answer.content_type.as_deref(), Some("application/json"));
    assert_eq!(
        answer.body,
        json!({ "code": "EntityNotFound", "message": "Entity can't be found." })
    );
    Ok(())
}

#[tokio::test]
async fn without_the_layer_problem_details_are_not_offered() -> TestResult {
    let address = serve(routes()).await?;
    let answer = get_accepting(address, "/entities/7", "application/problem+json", "pt-PT").await?;
    assert_eq!(answer.content_type.as_deref(), Some("application/json"));
    assert_eq!(answer.content_language.as_deref(), Some("en-US"));
    assert!(answer.vary.is_empty(), "nothing was negotiated: {answer:?}");
    Ok(())
}
