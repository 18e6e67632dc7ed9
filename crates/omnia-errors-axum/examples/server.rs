//! A server whose routes return each kind of OMNIA error, localized from `Accept-Language`,
//! as OMNIA's body or, for `Accept: application/problem+json`, as RFC 9457 Problem Details;
//! with the crate's extractors, and the layer answering what no handler wrote (an unknown
//! route, a wrong method, a timeout, a panic).
//!
//! ```sh
//! cargo run -p omnia-errors-axum --example server          # port 3000, or set PORT
//! curl -i http://127.0.0.1:3000/entities/7 -H 'Accept-Language: pt-PT'
//! curl -i http://127.0.0.1:3000/entities/1
//! curl -i http://127.0.0.1:3000/entities/abc -H 'Accept-Language: de'
//! curl -i http://127.0.0.1:3000/behaviours/sync -H 'Accept-Language: de'
//! curl -i http://127.0.0.1:3000/customers -H 'Content-Type: application/json' \
//!      -d '{"Name":"Ada","Address":{"ZipCode":1000}}' -H 'Accept-Language: pt-AO, *;q=0.1'
//! curl -i http://127.0.0.1:3000/customers -H 'Content-Type: application/json' \
//!      -d '{"Name":"Ada","Description":"'"$(printf 'x%.0s' {1..60})"'"}' \
//!      -H 'Accept: application/problem+json'
//! curl -i 'http://127.0.0.1:3000/orders?top=ten' -H 'Accept-Language: pl'
//! curl -i http://127.0.0.1:3000/nowhere -H 'Accept-Language: fr'
//! curl -i -X DELETE http://127.0.0.1:3000/entities/1
//! curl -i http://127.0.0.1:3000/slow
//! curl -i http://127.0.0.1:3000/panic
//! ```
//!
//! `/plain-error` is an error of plain axum (a fixed English JSON body, no layer involved but
//! passing through it), to compare the cost of localized errors with (`tools/load/run`).

use std::net::Ipv4Addr;
use std::process::ExitCode;
use std::time::Duration;

use axum::Router;
use axum::http::StatusCode;
use axum::routing::{get, post};
use omnia_errors::{ApiError, ValidationError};
use omnia_errors_axum::{FieldError, Json, LocalizeErrorsLayer, OmniaError, Path, Query};
use omnia_errors_fluent::Localizer;
use serde::Deserialize;
use serde_json::{Value, json};
use tower_http::timeout::TimeoutLayer;

/// Entity 1 exists; any other id is `EntityNotFound` (404); an id that is not a number is
/// `ValidationFailed` (the `Path` extractor's `TypeMismatch`).
async fn entity(Path(id): Path<u64>) -> Result<Json<Value>, OmniaError> {
    if id != 1 {
        return Err(ApiError::EntityNotFound.into());
    }
    Ok(Json(json!({ "id": 1, "name": "Ada" })))
}

/// A behaviour that fails in its connector: `ConnectorBehaviourFailed` (400) with the
/// connector's own message.
async fn run_behaviour(Path(name): Path<String>) -> Result<Json<Value>, OmniaError> {
    Err(ApiError::ConnectorBehaviourFailed {
        message: Some(format!("The ERP did not accept behaviour '{name}'.")),
    }
    .into())
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Customer {
    name: String,
    description: Option<String>,
    #[allow(dead_code)]
    address: Option<Address>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
#[allow(dead_code)]
struct Address {
    zip_code: String,
}

/// A save: a body that does not read is the `Json` extractor's error; a description over 50
/// characters or an empty name is `ValidationFailed` (400) listing what is wrong.
async fn create_customer(
    Json(customer): Json<Customer>,
) -> Result<(StatusCode, Json<Value>), OmniaError> {
    let mut errors = Vec::new();
    if customer
        .description
        .as_deref()
        .unwrap_or_default()
        .chars()
        .count()
        > 50
    {
        errors.push(
            FieldError::new(ValidationError::TextMaxLengthMismatch { max_length: 50 })
                .with_name("Description"),
        );
    }
    if customer.name.trim().is_empty() {
        errors.push(
            FieldError::new(ValidationError::RequiredValue {
                path: Some("Name".into()),
            })
            .with_name("Name"),
        );
    }
    if !errors.is_empty() {
        return Err(OmniaError::validation_failed(errors));
    }
    Ok((StatusCode::CREATED, Json(json!({ "name": customer.name }))))
}

#[derive(Deserialize)]
struct Page {
    top: u32,
}

/// A query: `?top=ten` is the `Query` extractor's `TypeMismatch`, no `top` its `RequiredValue`.
async fn orders(Query(page): Query<Page>) -> Json<Value> {
    Json(json!({ "top": page.top, "orders": [] }))
}

/// Longer than the route's timeout: tower-http answers 408 without a body, and the layer
/// answers that.
async fn slow() -> &'static str {
    tokio::time::sleep(Duration::from_secs(5)).await;
    "too late"
}

/// A bug: the layer answers `InternalError` and logs the message, which the client never sees.
async fn panics() -> &'static str {
    panic!("invariant broken: the ledger is unbalanced")
}

/// A plain axum error: a fixed English body, what a server without this crate would send.
async fn plain_error() -> (StatusCode, axum::Json<Value>) {
    (
        StatusCode::NOT_FOUND,
        axum::Json(json!({ "code": "EntityNotFound", "message": "Entity can't be found." })),
    )
}

fn app() -> Router {
    Router::new()
        .route("/entities/{id}", get(entity))
        .route("/behaviours/{name}", get(run_behaviour))
        .route("/customers", post(create_customer))
        .route("/orders", get(orders))
        .route(
            "/slow",
            get(slow).layer(TimeoutLayer::with_status_code(
                StatusCode::REQUEST_TIMEOUT,
                Duration::from_millis(100),
            )),
        )
        .route("/panic", get(panics))
        .route("/plain-error", get(plain_error))
        // Every error below, and the fallbacks' 404 and 405, in the request's language.
        .layer(LocalizeErrorsLayer::new(Localizer::embedded()).catch_panics())
}

#[tokio::main]
async fn main() -> ExitCode {
    match run().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

async fn run() -> Result<(), Box<dyn std::error::Error>> {
    let port = match std::env::var("PORT") {
        Ok(value) => value
            .parse::<u16>()
            .map_err(|_| format!("PORT must be a port number (0-65535), not {value:?}"))?,
        Err(_) => 3000,
    };
    // A panic is logged by the layer (its message is kept out of the response); the default
    // hook would print it a second time, with a backtrace note.
    std::panic::set_hook(Box::new(|_| {}));
    log::set_logger(&StderrLogger)
        .map(|()| log::set_max_level(log::LevelFilter::Warn))
        .map_err(|e| format!("cannot set the logger: {e}"))?;

    let listener = tokio::net::TcpListener::bind((Ipv4Addr::LOCALHOST, port)).await?;
    println!("listening on http://{}", listener.local_addr()?);
    axum::serve(listener, app()).await?;
    Ok(())
}

/// Log lines (the layer's panics, the localizer's fallbacks) on standard error.
struct StderrLogger;

impl log::Log for StderrLogger {
    fn enabled(&self, metadata: &log::Metadata<'_>) -> bool {
        metadata.level() <= log::Level::Warn
    }

    fn log(&self, record: &log::Record<'_>) {
        if self.enabled(record.metadata()) {
            eprintln!("{} {}: {}", record.level(), record.target(), record.args());
        }
    }

    fn flush(&self) {}
}
