//! Fuzz harnesses: what a fuzzer may throw at the catalog's inputs from outside (headers and
//! language tags, bodies and JSON values, codes, parameter values, Fluent files and an
//! application's overrides, requests to the axum extractors, the OMNIA language files our texts
//! are merged into), each asserting what must hold for any input.
//!
//! `fuzz/` runs them under libFuzzer (`cargo fuzz run <target>`); `tests/corpus.rs` replays
//! every committed corpus and crash input through them in `cargo test`, so a fixed crash stays
//! fixed. A harness panics only when an invariant breaks; that panic is the finding.

// Every harness panics when an invariant breaks: that is what it is for.
#![allow(clippy::missing_panics_doc)]

use std::sync::OnceLock;

use omnia_errors_fluent::{LocaleFiles, Localizer};

mod bodies;
mod codes;
mod extractors;
mod headers;
mod language_file;
mod messages;

pub use bodies::{error_body_json, json_value, problem_details_json};
pub use codes::code_from_str;
pub use extractors::axum_extract;
pub use headers::{accept, accept_language, language_tag};
pub use language_file::language_file_merge;
pub use messages::{ftl_files, localize_params, overrides_ftl, overrides_omnia_file};

/// A harness: runs one input, panics if an invariant breaks.
pub type Harness = fn(&[u8]);

/// The fuzz targets, by name: the folder names under `fuzz/corpus/`.
pub const TARGETS: &[(&str, Harness)] = &[
    ("accept_language", accept_language),
    ("code_from_str", code_from_str),
    ("error_body_json", error_body_json),
    ("localize_params", localize_params),
    ("ftl_files", ftl_files),
    ("accept", accept),
    ("problem_details_json", problem_details_json),
    ("language_tag", language_tag),
    ("json_value", json_value),
    ("overrides_ftl", overrides_ftl),
    ("overrides_omnia_file", overrides_omnia_file),
    ("axum_extract", axum_extract),
    ("language_file_merge", language_file_merge),
];

/// The repository's `locales/`, read once.
fn workspace() -> &'static omnia_errors_tooling::Locales {
    static LOCALES: OnceLock<omnia_errors_tooling::Locales> = OnceLock::new();
    LOCALES.get_or_init(|| {
        omnia_errors_tooling::Workspace::current()
            .locales()
            .expect("locales/ is readable")
    })
}

/// The files of the repository's `locales/`.
fn workspace_locales() -> &'static [LocaleFiles] {
    workspace().files()
}

/// The embedded messages, with the pseudo-locales.
fn localizer() -> &'static Localizer {
    static LOCALIZER: OnceLock<Localizer> = OnceLock::new();
    LOCALIZER.get_or_init(|| Localizer::builder().pseudo_locales(true).build())
}
