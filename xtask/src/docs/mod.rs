//! `cargo xtask docs`: everything under `docs/`, from the catalog and the Fluent files.

mod omnia;
mod openapi;
mod page;
mod tables;

use std::path::PathBuf;

use omnia_errors::AnyCode;
use omnia_errors_fluent::{Language, Localizer, SOURCE_LOCALE, embedded_locales};

use crate::codegen::{self, Summary};
use crate::flags::DocsOptions;

/// Generates (or, with `--check`, verifies) every file of `docs/`.
pub(crate) fn generate(options: &DocsOptions) -> Result<Summary, String> {
    let root = crate::project_root();
    let out = options.out.clone().unwrap_or_else(|| root.join("docs"));
    let localizer = Localizer::embedded().map_err(|e| e.to_string())?;
    let locales = selected_locales(&localizer, &options.locales)?;
    let templates = page::Templates::load(&root.join("templates"))?;

    let mut files = Vec::new();
    for tag in &locales {
        files.extend(page::generate(&templates, &localizer, tag)?);
    }
    let (openapi_files, components) = openapi::generate(&localizer)?;
    files.extend(openapi_files);
    let sources = embedded_locales();
    files.extend(omnia::generate(&sources, &locales)?);
    files.extend(omnia::catalogs(&sources, &locales)?);

    let mut summary = Summary {
        locales: locales.clone(),
        ..Summary::default()
    };
    codegen::apply(&out, &files, options.check, &mut summary)?;
    // Not documentation but crate data: always beside the crate, whatever `--out` says.
    codegen::apply(&root, &[components], options.check, &mut summary)?;
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

/// A code's message as documentation shows it: generic, its required parameters shown by the
/// locale's placeholder text (`page-placeholder-<name>`, e.g. "(defined length)").
pub(crate) fn documented_message(
    language: &Language<'_>,
    tag: &str,
    code: AnyCode,
) -> Result<String, String> {
    let mut placeholders = Vec::new();
    for param in code.params().iter().filter(|p| p.required) {
        let id = format!("page-placeholder-{}", param.name);
        let text = language.page_text(&id).ok_or_else(|| {
            format!("locale {tag} has no page text {id}, the placeholder of {code}'s parameter")
        })?;
        placeholders.push((param.name, text));
    }
    let borrowed: Vec<(&'static str, &str)> =
        placeholders.iter().map(|(n, t)| (*n, t.as_str())).collect();
    let mut problems = Vec::new();
    let message = language
        .generic_message(code, &borrowed, &mut problems)
        .text
        .into_owned();
    if problems.is_empty() {
        Ok(message)
    } else {
        let problems: Vec<String> = problems.iter().map(ToString::to_string).collect();
        Err(format!(
            "locale {tag}, {}: {}",
            code.fluent_id(),
            problems.join("; ")
        ))
    }
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
        let localizer = Localizer::embedded().unwrap();
        let error = selected_locales(&localizer, &["pt-AO".into()]).unwrap_err();
        assert!(
            error.contains("\"pt-AO\"") && error.contains("pt-PT"),
            "{error}"
        );
    }

    #[test]
    fn generated_text_is_deterministic() {
        let localizer = Localizer::embedded().unwrap();
        let (a, a_components) = openapi::generate(&localizer).unwrap();
        let (b, b_components) = openapi::generate(&Localizer::embedded().unwrap()).unwrap();
        assert!(a.iter().zip(&b).all(|(a, b)| a.contents == b.contents));
        assert_eq!(a_components.contents, b_components.contents);
    }
}
