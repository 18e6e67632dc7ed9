//! The npm package `js/omnia-errors/` (its generated files; the rest is hand-written, and the
//! registry's `owning` keeps the folder to both) and the negotiation fixture of its tests,
//! `js/test/negotiation.json`.

use std::path::PathBuf;

use omnia_errors_tooling::npm;

use super::{Inputs, openapi};
use crate::codegen::Generated;

/// The negotiation fixture the package's tests read.
const NEGOTIATION_FIXTURE: &str = "js/test/negotiation.json";

/// The package's generated files and the negotiation fixture, relative to the workspace root.
pub(crate) fn generate(inputs: &Inputs) -> Result<Vec<Generated>, String> {
    // The package's types are written from the OpenAPI components' body schemas.
    let components = openapi::components(inputs)?;
    let components = components
        .first()
        .ok_or("no OpenAPI components were generated")?;
    let components = serde_json::from_str(&components.contents).map_err(|e| e.to_string())?;
    let locales = inputs.locales()?;
    let mut files: Vec<Generated> = npm::npm_package(locales, &components)?
        .into_iter()
        .map(|(path, contents): (PathBuf, String)| Generated::new(path, contents))
        .collect();
    files.push(Generated::new(
        NEGOTIATION_FIXTURE,
        npm::negotiation_fixture(locales, inputs.localizer()?),
    ));
    Ok(files)
}
