//! Project recipes, run with `cargo xtask <task>` (the alias lives in `.cargo/config.toml`);
//! `cargo xtask` lists them, `cargo xtask <task> --help` explains one:
//!
//! - `docs`: every generated file, from the catalog, `locales/` and `templates/` (the registry
//!   of artifacts is `docs::ARTIFACTS`); `--check` fails on a stale one;
//! - `new-locale <tag>`: a new locale's Fluent files, scaffolded from en-US, and its declaration;
//! - `omnia-compare <file>`: how an OMNIA language file differs from our messages;
//! - `omnia-merge <file>`: our messages written into an OMNIA language file;
//! - `wasm-size`: the localizer's WebAssembly size beside plain fluent-bundle's.

mod codegen;
mod codes;
mod docs;
mod flags;
mod new_locale;
mod omnia;
mod wasm_size;

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

const USAGE_HEAD: &str = "Usage: cargo xtask <task> [--help]\n\nTasks:\n";

/// Each task's usage, by name: `cargo xtask` shows them all, `cargo xtask <task> --help` one.
const TASK_USAGE: [(&str, &str); 5] = [
    (
        "docs",
        "  docs [--check] [--out DIR] [--locale TAG]... [--only NAME]...
        Generate every generated file of the workspace from the catalog, locales/ and
        templates/: docs/ (the \"API Error Codes\" page per locale with its HTML preview, the
        OpenAPI error-schema fragment, OMNIA language files, JSON message catalogs), the crates'
        own generated sources and the npm package's (js/omnia-errors/). The registry of published codes only takes new codes:
        a published code removed or changed is refused, naming its line.
        --check        write nothing; fail, listing stale files with a diff, if any differs,
                       and on files no generator wrote (orphans) or *.tmp leftovers
        --out DIR      write everything under DIR instead of docs/ (the crates' generated
                       sources too, at DIR/crates/...)
        --locale TAG   only this locale's files (repeatable); default: every locale.
                       Shared files (OpenAPI, omnia/README.md) are always whole
        --only NAME    only this artifact (repeatable; no orphan sweep); the artifacts:
",
    ),
    (
        "omnia-compare",
        "  omnia-compare [--check] <file.json>
        Compare an OMNIA language file with our error messages of its culture: ours first
        (missing, repeated, different text or placeholders), then name and description, then
        the file's other texts as a count.
        --check        fail (exit 1) if any of our error messages differs
",
    ),
    (
        "omnia-merge",
        "  omnia-merge <file.json> [--out FILE [--force]]
        Write our error messages (ErrorMessage_<Code>) into an OMNIA language file of the same
        culture, in place (atomically; through a symbolic link, to its target) or to FILE;
        only the texts added or changed are written, every other byte of the file (its other
        texts and fields, their order, layout, line ends, escapes, numbers) stays as it was;
        report what was added and changed.
        --out FILE     write the merged file to FILE, leaving <file.json> as it is; refused
                       when FILE exists, unless --force
",
    ),
    (
        "new-locale",
        "  new-locale <tag>
        Scaffold locales/<tag>/ with every message of en-US, commented out, for a translator.
",
    ),
    (
        "wasm-size",
        "  wasm-size
        Build a minimal WebAssembly program formatting TextMaxLengthMismatch in pl-PL on
        omnia-errors-fluent and on plain fluent-bundle with the same errors.ftl files (release,
        LTO; xtask/wasm-size/), and print both sizes, raw and gzipped, with their ratio.
",
    ),
];

/// The usage of every task, or of `task`.
fn usage(task: Option<&str>) -> String {
    let mut text = String::from(USAGE_HEAD);
    for (name, usage) in TASK_USAGE {
        if task.is_none_or(|t| t == name) {
            text.push_str(usage);
            if name == "docs" {
                // The artifacts, from the registry itself.
                for artifact in docs::ARTIFACTS {
                    let _ = writeln!(text, "          {:<19}{}", artifact.name, artifact.what);
                }
            }
            text.push('\n');
        }
    }
    text.truncate(text.trim_end().len());
    text.push('\n');
    text
}

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
        flags::Task::Help(task) => {
            print!("{}", usage(task.as_deref()));
            Ok(())
        }
        flags::Task::OmniaCompare { file, check } => {
            println!("{}", omnia::compare(&file, check)?);
            Ok(())
        }
        flags::Task::OmniaMerge { file, out, force } => {
            println!("{}", omnia::merge(&file, out.as_deref(), force)?);
            Ok(())
        }
        flags::Task::WasmSize => {
            println!("{}", wasm_size::run(&project_root())?);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_task_has_its_usage() {
        for task in flags::TASKS {
            let text = usage(Some(task));
            assert!(text.contains(&format!("\n  {task}")), "{task}: {text}");
            // Only this task: one line of the form "  <task> ...".
            let headers = text
                .lines()
                .filter(|l| l.starts_with("  ") && !l.starts_with("   "))
                .count();
            assert_eq!(headers, 1, "{text}");
            assert!(usage(None).contains(text.trim_start_matches(USAGE_HEAD).trim_end()));
        }
        assert_eq!(TASK_USAGE.map(|(name, _)| name), flags::TASKS);
    }
}
