//! `cargo xtask docs`: everything under `docs/`, from the catalog and the Fluent files.

mod omnia;
mod openapi;
mod page;
mod tables;

use std::path::{Path, PathBuf};

use omnia_errors_fluent::{Localizer, SOURCE_LOCALE};
use omnia_errors_tooling::{DocTexts, Workspace};

use crate::codegen::{self, Summary};
use crate::flags::DocsOptions;

/// The runtime crate's compiled messages, generated from `locales/`.
pub(crate) const EMBEDDED_RS: &str = "crates/omnia-errors-fluent/src/embedded.rs";

/// The messages as the localizer formats them, which the JavaScript conformance test expects.
pub(crate) const CONFORMANCE_FIXTURE: &str = "js/test/formatted.json";

/// Generates (or, with `--check`, verifies) every file of `docs/`, and the other generated
/// sources (the compiled messages, the utoipa components, the JavaScript conformance fixture,
/// the registry of published codes).
///
/// With `--locale`, only those locales' files are written or checked; the files shared by every
/// locale (the OpenAPI fragment, `omnia/README.md`) are always whole, so a partial run never
/// truncates them. With `--out DIR`, every file goes under `DIR`, the core crate's
/// generated sources included (at `DIR/crates/omnia-errors/openapi/components.json`), so that
/// the source tree is left alone.
///
/// `--check` also fails on files in the output folder that no generator wrote (those of a
/// removed locale, say) and on `*.tmp` leftovers; a run that writes lists the former and
/// removes the temporary files killed runs left.
pub(crate) fn generate(options: &DocsOptions) -> Result<Summary, String> {
    let root = crate::project_root();
    let out = options.out.clone().unwrap_or_else(|| root.join("docs"));
    // Crate data normally lives beside the crate; under `--out`, with the rest.
    let crate_root = options.out.clone().unwrap_or_else(|| root.clone());
    let workspace = Workspace::at(&root);
    let mut sources = workspace.locale_files().map_err(|e| e.to_string())?;
    // In the declared order (`locales/locales.toml`), which the localizer keeps for locales
    // its compiled-in list does not know yet.
    let declared = workspace.declared_locales().map_err(|e| e.to_string())?;
    sources.sort_by_key(|l| {
        declared
            .iter()
            .position(|d| d.tag == l.tag)
            .unwrap_or(declared.len())
    });
    let texts = DocTexts::new(&sources)?;
    // Compiled from the files on disk, not the messages compiled into this binary: those are
    // the `embedded.rs` this very run may be regenerating (after an edit of `locales/`, or
    // while it is a stub because the compiled form changed).
    let localizer = Localizer::builder()
        .files(&sources)
        .map_err(|e| e.to_string())?
        .build();
    let all_locales: Vec<String> = localizer.locales().map(ToString::to_string).collect();
    let locales = selected_locales(&localizer, &options.locales)?;
    let templates = page::Templates::load(&root.join("templates"))?;

    let mut files = Vec::new();
    for tag in &locales {
        files.extend(page::generate(&templates, &texts, tag)?);
    }
    let (openapi_files, components) = openapi::generate(&texts, &localizer)?;
    files.extend(openapi_files);
    files.extend(omnia::generate(&sources, &all_locales, &locales)?);
    files.extend(omnia::catalogs(&sources, &locales)?);

    let mut summary = Summary {
        locales: locales.clone(),
        ..Summary::default()
    };
    // Every step runs, so that one `--check` lists every problem.
    let mut problems = Vec::new();
    if let Err(e) = codegen::apply(&out, &files, options.check, &mut summary) {
        problems.push(e);
    }
    let embedded = codegen::Generated {
        path: PathBuf::from(EMBEDDED_RS),
        contents: omnia_errors_tooling::embedded_rust(&workspace).map_err(|e| e.to_string())?,
    };
    let conformance = codegen::Generated {
        path: PathBuf::from(CONFORMANCE_FIXTURE),
        contents: omnia_errors_tooling::conformance_fixture(&localizer)?,
    };
    let lock = crate::codes::generate(&root)?;
    if let Err(e) = codegen::apply(
        &crate_root,
        &[components, embedded, conformance, lock],
        options.check,
        &mut summary,
    ) {
        problems.push(e);
    }
    // The files of the locales not selected are not this run's, so not orphans either.
    let unselected: Vec<&String> = all_locales
        .iter()
        .filter(|t| !locales.contains(t))
        .collect();
    let foreign = |path: &Path| {
        let mut names = path
            .iter()
            .map(|c| c.to_string_lossy())
            .chain(path.file_stem().map(|s| s.to_string_lossy()));
        names.any(|name| unselected.iter().any(|t| **t == name))
            // The source locale's page is at the top, without its tag in the path.
            || unselected.iter().any(|t| path == page_dir(t).join(page::PAGE_FILE))
            || path == Path::new(openapi::CRATE_COMPONENTS)
            || path == Path::new(EMBEDDED_RS)
            || path == Path::new(CONFORMANCE_FIXTURE)
            || path == Path::new(crate::codes::LOCK_PATH)
    };
    let expected: Vec<&Path> = files.iter().map(|f| f.path.as_path()).collect();
    if let Err(e) = codegen::sweep(&out, &expected, &foreign, options.check, &mut summary) {
        problems.push(e);
    }
    if problems.is_empty() {
        Ok(summary)
    } else {
        Err(problems.join("\n\n"))
    }
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

/// A localizer of the repository's `locales/` as they are on disk, for tests (xtask builds
/// without the embedded messages, which it regenerates).
#[cfg(test)]
pub(crate) fn test_localizer() -> Localizer {
    let sources = Workspace::at(crate::project_root()).locale_files().unwrap();
    Localizer::builder().files(&sources).unwrap().build()
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

    fn temp_out(name: &str) -> PathBuf {
        let out = std::env::temp_dir().join(format!("xtask-docs-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&out);
        out
    }

    #[test]
    fn one_locale_keeps_the_shared_readme_whole() {
        let one = |out: Option<PathBuf>, check| DocsOptions {
            check,
            out,
            locales: vec!["pt-PT".into()],
        };
        if let Err(error) = generate(&one(None, true)) {
            panic!("{error}");
        }
        let out = temp_out("one");
        generate(&one(Some(out.clone()), false)).unwrap();
        let readme = std::fs::read_to_string(out.join("omnia/README.md")).unwrap();
        let committed =
            std::fs::read_to_string(crate::project_root().join("docs/omnia/README.md")).unwrap();
        assert_eq!(readme, committed);
        assert!(!out.join("omnia/de-DE.json").exists());
        assert!(out.join("omnia/pt-PT.json").exists());
        let _ = std::fs::remove_dir_all(&out);
    }

    #[test]
    fn out_puts_every_file_under_it_and_check_finds_strays() {
        let out = temp_out("all");
        let options = |check, locales: &[&str]| DocsOptions {
            check,
            out: Some(out.clone()),
            locales: locales.iter().map(|&t| t.to_owned()).collect(),
        };
        let summary = generate(&options(false, &[])).unwrap();
        assert!(summary.written.iter().all(|p| p.starts_with(&out)));
        assert!(out.join(openapi::CRATE_COMPONENTS).is_file());
        generate(&options(true, &[])).unwrap();

        // A locale that no longer exists.
        std::fs::create_dir_all(out.join("it-IT")).unwrap();
        std::fs::write(out.join("it-IT/omnia3_api_errors.md"), "old").unwrap();
        let error = generate(&options(true, &[])).err().unwrap_or_default();
        assert!(
            error.contains("it-IT/omnia3_api_errors.md is not generated"),
            "{error}"
        );
        let error = generate(&options(true, &["pt-PT"]))
            .err()
            .unwrap_or_default();
        assert!(
            error.contains("it-IT/omnia3_api_errors.md is not generated"),
            "{error}"
        );
        std::fs::remove_dir_all(out.join("it-IT")).unwrap();

        // Another run's temporary file.
        let temp = out.join("openapi/.errors.json.12345.tmp");
        std::fs::write(&temp, "half").unwrap();
        let error = generate(&options(true, &[])).err().unwrap_or_default();
        assert!(
            error.contains(".errors.json.12345.tmp is a temporary file"),
            "{error}"
        );
        std::fs::remove_file(&temp).unwrap();

        // The files of the locales not asked for are no orphans.
        generate(&options(true, &["de-DE"])).unwrap();
        let _ = std::fs::remove_dir_all(&out);
    }

    #[test]
    fn unknown_locales_are_refused_with_the_list() {
        let localizer = test_localizer();
        let error = selected_locales(&localizer, &["pt-AO".into()]).unwrap_err();
        assert!(
            error.contains("\"pt-AO\"") && error.contains("pt-PT"),
            "{error}"
        );
    }

    #[test]
    fn generated_text_is_deterministic() {
        let texts = test_texts();
        let (a, a_components) = openapi::generate(&texts, &test_localizer()).unwrap();
        let (b, b_components) = openapi::generate(&test_texts(), &test_localizer()).unwrap();
        assert!(a.iter().zip(&b).all(|(a, b)| a.contents == b.contents));
        assert_eq!(a_components.contents, b_components.contents);
    }
}
