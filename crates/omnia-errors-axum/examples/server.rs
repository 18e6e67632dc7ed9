//! A server whose routes return each kind of OMNIA error, localized from `Accept-Language`,
//! as OMNIA's body or, for `Accept: application/problem+json`, as RFC 9457 Problem Details.
//!
//! ```sh
//! cargo run -p omnia-errors-axum --example server          # port 3000, or set PORT
//! curl -i http://127.0.0.1:3000/entities/7 -H 'Accept-Language: pt-PT'
//! curl -i http://127.0.0.1:3000/entities/1
//! curl -i http://127.0.0.1:3000/behaviours/sync -H 'Accept-Language: de'
//! curl -i -X POST http://127.0.0.1:3000/customers -H 'Accept-Language: pt-AO, *;q=0.1'
//! curl -i -X POST http://127.0.0.1:3000/customers -H 'Accept: application/problem+json'
//! ```

use std::net::Ipv4Addr;
use std::process::ExitCode;

use axum::extract::Path;
use axum::routing::{get, post};
use axum::{Json, Router};
use omnia_errors::{ApiError, ValidationError};
use omnia_errors_axum::{FieldError, LocalizeErrorsLayer, OmniaError};
use omnia_errors_fluent::Localizer;
use serde_json::{Value, json};

/// Entity 1 exists; any other id is `EntityNotFound` (404).
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

/// A save that fails validation: `ValidationFailed` (400) listing two errors.
async fn create_customer() -> Result<Json<Value>, OmniaError> {
    Err(OmniaError::validation_failed([
        FieldError::new(ValidationError::TextMaxLengthMismatch { max_length: 50 })
            .with_name("Description"),
        FieldError::new(ValidationError::RequiredValue { path: None }),
    ]))
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

    let app = Router::new()
        .route("/entities/{id}", get(entity))
        .route("/behaviours/{name}", get(run_behaviour))
        .route("/customers", post(create_customer))
        .layer(LocalizeErrorsLayer::new(Localizer::embedded()));

    let listener = tokio::net::TcpListener::bind((Ipv4Addr::LOCALHOST, port)).await?;
    println!("listening on http://{}", listener.local_addr()?);
    axum::serve(listener, app).await?;
    Ok(())
}
