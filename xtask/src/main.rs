//! Project recipes, run with `cargo xtask <task>` (the alias lives in `.cargo/config.toml`);
//! `cargo xtask` lists them, `cargo xtask <task> --help` explains one:
//!
//! - `docs`: every generated file, from the catalog, `locales/` and `templates/` (the registry
//!   of artifacts is `docs::ARTIFACTS`); `--check` fails on a stale one;
//! - `new-locale <tag>`: a new locale's Fluent files, scaffolded from en-US, and its declaration;
//! - `omnia-compare <file>`: how an OMNIA language file differs from our messages;
//! - `omnia-merge <file>`: our messages written into an OMNIA language file;
//! - `wasm-size`: the localizer's WebAssembly size beside plain fluent-bundle's.
//!
//! A Unix tool: the output goes to stdout, errors to stderr; exit 0 on success (also when
//! the reader of the output stopped reading, as `| head` does), 1 when a task fails, 2 on a
//! usage error (no task, an unknown task or flag).

mod codegen;
mod codes;
mod docs;
mod flags;
mod new_locale;
mod omnia;
mod shell;
mod wasm_size;

use std::fmt::Write as _;
use std::io::Write as _;
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

/// Why a run failed: how it was called, or the task itself.
#[derive(Debug, PartialEq, Eq)]
enum Failure {
    /// Exit 2: the command line is wrong.
    Usage(String),
    /// Exit 1: the task failed.
    Task(String),
}

impl From<String> for Failure {
    fn from(error: String) -> Self {
        Self::Task(error)
    }
}

/// The exit status of a usage error, as Unix tools (and clap) use it.
const USAGE_ERROR: u8 = 2;

fn main() -> ExitCode {
    let outcome = arguments().and_then(|args| match run(&args) {
        // No task at all: what the tasks are is the answer.
        Err(Failure::Usage(error)) if args.is_empty() => {
            Err(Failure::Usage(format!("{error}\n\n{}", usage(None))))
        }
        outcome => outcome,
    });
    match outcome {
        Ok(output) => write_output(&output),
        Err(Failure::Usage(error)) => {
            write_error(&format!("error: {error}\n"));
            ExitCode::from(USAGE_ERROR)
        }
        Err(Failure::Task(error)) => {
            write_error(&format!("error: {error}\n"));
            ExitCode::FAILURE
        }
    }
}

/// The arguments after the program's name; one that is not UTF-8 is a usage error (every
/// argument is a task, a flag, a tag or a path these tasks print).
fn arguments() -> Result<Vec<String>, Failure> {
    std::env::args_os()
        .skip(1)
        .map(|arg| {
            arg.into_string().map_err(|arg| {
                Failure::Usage(format!(
                    "the argument {:?} is not valid UTF-8; name the file without such characters",
                    arg.to_string_lossy()
                ))
            })
        })
        .collect()
}

/// Writes a task's output to stdout. A reader that stopped reading (`| head -1`) ends the run
/// quietly, as a successful one: what it read is what it asked for.
fn write_output(text: &str) -> ExitCode {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            write_error(&format!("error: cannot write the output: {e}\n"));
            ExitCode::FAILURE
        }
    }
}

/// Writes to stderr; if even that fails (a closed pipe), there is no one left to tell.
fn write_error(text: &str) {
    let mut stderr = std::io::stderr().lock();
    let _ = stderr
        .write_all(text.as_bytes())
        .and_then(|()| stderr.flush());
}

/// Runs the task `args` name; its output, to print.
fn run(args: &[String]) -> Result<String, Failure> {
    let line = |text: String| text + "\n";
    Ok(match flags::parse(args).map_err(Failure::Usage)? {
        flags::Task::Help(task) => usage(task.as_deref()),
        flags::Task::OmniaCompare { file, check } => line(omnia::compare(&file, check)?),
        flags::Task::OmniaMerge { file, out, force } => {
            line(omnia::merge(&file, out.as_deref(), force)?)
        }
        flags::Task::WasmSize => line(wasm_size::run(&project_root())?),
        flags::Task::NewLocale(tag) => line(new_locale::run(&project_root(), &tag)?),
        flags::Task::Docs(options) => line(docs::generate(&options)?.to_string()),
    })
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

    #[test]
    fn a_wrong_command_line_is_a_usage_error_and_a_failing_task_is_not() {
        let args = |line: &str| {
            line.split_whitespace()
                .map(str::to_owned)
                .collect::<Vec<_>>()
        };
        assert!(matches!(run(&[]), Err(Failure::Usage(_))));
        assert!(matches!(run(&args("docs --chek")), Err(Failure::Usage(_))));
        assert!(matches!(
            run(&args("omnia-compare /nonexistent/PTPT.json")),
            Err(Failure::Task(e)) if e.starts_with("cannot read")
        ));
        assert_eq!(run(&args("help")), Ok(usage(None)));
    }
}
