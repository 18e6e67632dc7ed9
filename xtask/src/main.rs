//! Project recipes, run with `cargo xtask <task>` (the alias lives in `.cargo/config.toml`).
//!
//! - `cargo xtask docs`: the error page in every locale, its HTML previews and the OpenAPI
//!   error-schema fragment, generated from the catalog and the Fluent files into `docs/`.

mod codegen;
mod codes;
mod docs;
mod flags;
mod new_locale;

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "\
Usage: cargo xtask <task>

Tasks:
  docs [--check] [--out DIR] [--locale TAG]...
        Generate docs/: the \"API Error Codes\" page per locale (Markdown and an HTML preview)
        and the OpenAPI error-schema fragment (3.1, and a 3.0.3 variant); and the crates' own
        generated sources: the compiled messages (crates/omnia-errors-fluent/src/embedded.rs)
        and the utoipa components (crates/omnia-errors/openapi/components.json).
        --check        write nothing; fail, listing stale files with a diff, if any differs,
                       and on files no generator wrote (orphans) or *.tmp leftovers
        --out DIR      write everything under DIR instead of docs/ (the crates' generated
                       sources too, at DIR/crates/...)
        --locale TAG   only this locale's files (repeatable); default: every locale.
                       Shared files (OpenAPI, omnia/README.md) are always whole

  codes [--check]
        Record new codes of the catalog in crates/omnia-errors/codes.lock, the append-only
        registry of published codes; refuses removed codes and changed statuses or parameters.
        --check        write nothing; fail if the lock does not record the catalog

  omnia-compare <file.json>
        Compare an OMNIA language file with our messages of its culture: what differs, what is
        missing on either side.

  new-locale <tag>
        Scaffold locales/<tag>/ with every message of en-US, commented out, for a translator.
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &[String]) -> Result<(), String> {
    match flags::parse(args)? {
        flags::Task::Help => {
            print!("{USAGE}");
            Ok(())
        }
        flags::Task::Codes { check } => {
            println!("{}", codes::run(check)?);
            Ok(())
        }
        flags::Task::OmniaCompare(path) => {
            let json = std::fs::read_to_string(&path)
                .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            let locales = omnia_errors_tooling::Workspace::at(project_root())
                .locale_files()
                .map_err(|e| e.to_string())?;
            let comparison = omnia_errors_tooling::compare_language_file(&locales, &json)
                .map_err(|e| format!("{}: {e}", path.display()))?;
            println!("{comparison}");
            Ok(())
        }
        flags::Task::NewLocale(tag) => {
            println!("{}", new_locale::run(&project_root(), &tag)?);
            Ok(())
        }
        flags::Task::Docs(options) => {
            let summary = docs::generate(&options)?;
            println!("{summary}");
            Ok(())
        }
    }
}

/// The workspace root: xtask lives one level below it.
pub(crate) fn project_root() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().map_or(manifest.clone(), PathBuf::from)
}
