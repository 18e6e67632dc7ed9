//! The checker of the load-and-fault test (`tools/load/run`): reads the error bodies wrk
//! sampled (`<status>\t<content type>\t<body>` a line, files given as arguments) and checks
//! each against the OpenAPI schema of its media type (the components the core crate serves),
//! reads it back into the typed error, and compares its status. Prints the count per status
//! and media type; exits 1 on the first body that fails, naming it, or when nothing was read.
//!
//! ```sh
//! cargo run -p omnia-errors-bench --example load_check -- /tmp/omnia-load-*.tsv
//! ```

use std::collections::BTreeMap;
use std::process::ExitCode;

use omnia_errors::{ABOUT_BLANK, ErrorBody, ErrorFormat, ProblemDetails};
use serde_json::{Value, json};

fn validator(name: &str) -> Result<jsonschema::Validator, String> {
    let components =
        serde_json::to_value(omnia_errors::openapi::components()).map_err(|e| e.to_string())?;
    let schema =
        json!({ "$ref": format!("#/components/schemas/{name}"), "components": components });
    jsonschema::draft202012::new(&schema).map_err(|e| e.to_string())
}

/// The body of the plain axum route, which the mix includes as the baseline.
const PLAIN_ERROR: &str = r#"{"code":"EntityNotFound","message":"Entity can't be found."}"#;

fn check(
    line: &str,
    schemas: &[(&str, jsonschema::Validator); 3],
) -> Result<(u16, &'static str), String> {
    let mut fields = line.splitn(3, '\t');
    let (Some(status), Some(content_type), Some(body)) =
        (fields.next(), fields.next(), fields.next())
    else {
        return Err("not <status>\\t<content type>\\t<body>".into());
    };
    let status: u16 = status.parse().map_err(|_| format!("status {status:?}"))?;
    let value: Value = serde_json::from_str(body).map_err(|e| format!("not JSON: {e}"))?;
    let valid = |name: &str| -> Result<(), String> {
        let (_, validator) = schemas.iter().find(|(n, _)| *n == name).ok_or(name)?;
        let errors: Vec<String> = validator
            .iter_errors(&value)
            .map(|e| e.to_string())
            .collect();
        if errors.is_empty() {
            Ok(())
        } else {
            Err(format!("not a valid {name}: {errors:?}"))
        }
    };
    match ErrorFormat::of_content_type(content_type) {
        Some(ErrorFormat::Omnia) => {
            valid("ErrorResponse")?;
            let read: ErrorBody =
                serde_json::from_value(value.clone()).map_err(|e| e.to_string())?;
            read.error().map_err(|e| e.to_string())?;
            if read.http_status() != status {
                return Err(format!("{} is not the status of {}", status, read.code));
            }
            Ok((
                status,
                if body == PLAIN_ERROR {
                    "plain axum"
                } else {
                    "application/json"
                },
            ))
        }
        Some(ErrorFormat::ProblemDetails) => {
            let read: ProblemDetails =
                serde_json::from_value(value.clone()).map_err(|e| e.to_string())?;
            if read.status != Some(status) {
                return Err(format!(
                    "status member {:?}, response {status}",
                    read.status
                ));
            }
            if read.r#type == ABOUT_BLANK && read.code.is_none() {
                valid("StatusProblem")?;
                Ok((status, "problem+json about:blank"))
            } else {
                valid("ProblemDetails")?;
                read.error().map_err(|e| e.to_string())?;
                Ok((status, "application/problem+json"))
            }
        }
        None => Err(format!(
            "Content-Type {content_type:?} is not an error body's"
        )),
    }
}

fn main() -> ExitCode {
    let [Ok(a), Ok(b), Ok(c)] = ["ErrorResponse", "ProblemDetails", "StatusProblem"]
        .map(|name| validator(name).map(|v| (name, v)))
    else {
        eprintln!("load_check: the OpenAPI components do not compile as schemas");
        return ExitCode::FAILURE;
    };
    let schemas = [a, b, c];
    let mut counts: BTreeMap<(u16, &str), usize> = BTreeMap::new();
    for path in std::env::args().skip(1) {
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) => {
                eprintln!("load_check: cannot read {path}: {e}");
                return ExitCode::FAILURE;
            }
        };
        for (n, line) in text.lines().enumerate() {
            match check(line, &schemas) {
                Ok(key) => *counts.entry(key).or_default() += 1,
                Err(why) => {
                    eprintln!("load_check: {path}:{}: {why}\n  {line}", n + 1);
                    return ExitCode::FAILURE;
                }
            }
        }
    }
    let total: usize = counts.values().sum();
    for ((status, kind), count) in &counts {
        println!("  {status} {kind}: {count} bodies valid");
    }
    println!("{total} sampled error bodies, every one valid and read back");
    if total == 0 {
        eprintln!("load_check: no body was sampled");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
