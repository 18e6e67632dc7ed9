//! What the HTTP tests share: a loopback server, and the OpenAPI schemas bodies are checked
//! against.

use std::net::{Ipv4Addr, SocketAddr};

use axum::Router;
use serde_json::{Value, json};

/// Serves `app` on an ephemeral loopback port. The listener is bound before this returns, so
/// connections queue until the server task accepts them: no sleeping, no retrying.
pub async fn serve(app: Router) -> Result<SocketAddr, std::io::Error> {
    let listener = tokio::net::TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).await?;
    let address = listener.local_addr()?;
    tokio::spawn(async move { axum::serve(listener, app).await });
    Ok(address)
}

/// A validator of one schema of the OpenAPI components the core crate serves (the published
/// fragment's), so bodies are checked against what API documents promise.
pub fn schema(name: &str) -> Result<jsonschema::Validator, Box<dyn std::error::Error>> {
    let components = serde_json::to_value(omnia_errors::openapi::components())?;
    let schema =
        json!({ "$ref": format!("#/components/schemas/{name}"), "components": components });
    Ok(jsonschema::draft202012::new(&schema)?)
}

/// Asserts that `body` is valid for `validator`, naming every violation.
pub fn assert_valid(validator: &jsonschema::Validator, body: &Value, what: &str) {
    let errors: Vec<String> = validator
        .iter_errors(body)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{what}: {errors:?}\n{body}");
}
