//! `cargo xtask docs`: everything under `docs/`, from the catalog and the Fluent files.

mod omnia;
mod openapi;
mod page;
mod tables;

use std::path::PathBuf;

use omnia_errors_fluent::{Localizer, SOURCE_LOCALE};
use omnia_errors_tooling::{DocTexts, Workspace};

use crate::codegen::{self, Summary};
use crate::flags::DocsOptions;

/// The runtime crate's compiled messages, generated from `locales/`.
pub(crate) const EMBEDDED_RS: &str = "crates/omnia-errors-fluent/src/embedded.rs";

/// Generates (or, with `--check`, verifies) every file of `docs/`, and the crates' generated
/// sources.
pub(crate) fn generate(options: &DocsOptions) -> Result<Summary, String> {
    let root = crate::project_root();
    let out = options.out.clone().unwrap_or_else(|| root.join("docs"));
    let workspace = Workspace::at(&root);
    let sources = workspace.locale_files().map_err(|e| e.to_string())?;
    let texts = DocTexts::new(&sources)?;
    let localizer = Localizer::embedded();
    let locales = selected_locales(&localizer, &options.locales)?;
    let templates = page::Templates::load(&root.join("templates"))?;

    let mut files = Vec::new();
    for tag in &locales {
        files.extend(page::generate(&templates, &texts, tag)?);
    }
    let (openapi_files, components) = openapi::generate(&texts, &localizer)?;
    files.extend(openapi_files);
    files.extend(omnia::generate(&sources, &locales)?);
    files.extend(omnia::catalogs(&sources, &locales)?);

    let mut summary = Summary {
        locales: locales.clone(),
        ..Summary::default()
    };
    codegen::apply(&out, &files, options.check, &mut summary)?;
    // Not documentation but crate sources: always beside the crates, whatever `--out` says.
    let embedded = codegen::Generated {
        path: PathBuf::from(EMBEDDED_RS),
        contents: omnia_errors_tooling::embedded_rust(&workspace).map_err(|e| e.to_string())?,
    };
    codegen::apply(&root, &[components, embedded], options.check, &mut summary)?;
    Ok(summary)
}

/// The locales asked for, or all of them; an unknown tag is an error listing the known ones.
fn selected_locales(localizer: &Localizer, requested: &[String]) -> Result<Vec<String>, String> {
    let available: Vec<String> = localizer.locales().map(ToString::to_string).collect();
    if requested.is_empty() {
        return Ok(available);
    }
    for tag in requested {
        if !available.contains(tag) {
            return Err(format!(
                "unknown locale {tag:?}; the locales are: {}",
                available.join(", ")
            ));
        }
    }
    Ok(requested.to_vec())
}

/// The documentation texts of the repository's `locales/`, for tests.
#[cfg(test)]
pub(crate) fn test_texts() -> DocTexts {
    let locales = Workspace::at(crate::project_root()).locale_files().unwrap();
    DocTexts::new(&locales).unwrap()
}

/// Where a locale's page goes: the source at the top, translations in a folder of their tag.
fn page_dir(tag: &str) -> PathBuf {
    if tag == SOURCE_LOCALE {
        PathBuf::new()
    } else {
        PathBuf::from(tag)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The rust-analyzer pattern: `cargo test` alone catches a generated file left stale.
    #[test]
    fn generated_files_are_up_to_date() {
        let options = DocsOptions {
            check: true,
            ..DocsOptions::default()
        };
        if let Err(error) = generate(&options) {
            panic!("{error}");
        }
    }

    #[test]
    fn unknown_locales_are_refused_with_the_list() {
        let localizer = Localizer::embedded();
        let error = selected_locales(&localizer, &["pt-AO".into()]).unwrap_err();
        assert!(
            error.contains("\"pt-AO\"") && error.contains("pt-PT"),
            "{error}"
        );
    }

    #[test]
    fn generated_text_is_deterministic() {
        let texts = test_texts();
        let (a, a_components) = openapi::generate(&texts, &Localizer::embedded()).unwrap();
        let (b, b_components) = openapi::generate(&test_texts(), &Localizer::embedded()).unwrap();
        assert!(a.iter().zip(&b).all(|(a, b)| a.contents == b.contents));
        assert_eq!(a_components.contents, b_components.contents);
    }
}
