//! `cargo xtask` as a Unix tool, run as a user runs it: exit statuses, stdout and stderr,
//! closed pipes, and messages that hold from a folder outside the repository.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const XTASK: &str = env!("CARGO_BIN_EXE_xtask");

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

fn fixture(name: &str) -> PathBuf {
    root()
        .join("crates/omnia-errors-tooling/tests/fixtures/omnia3-samples")
        .join(name)
}

/// A new empty folder outside the repository.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("xtask-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn xtask(args: &[&str], cwd: &Path) -> Output {
    Command::new(XTASK)
        .args(args)
        .current_dir(cwd)
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn a_reader_that_stops_reading_ends_the_run_quietly() {
    // Before: `cargo xtask omnia-compare file.json | head -1` panicked ("failed printing to
    // stdout: Broken pipe") and exited 101.
    for (args, status) in [
        (vec!["omnia-compare", "PTPT.json"], 0),
        (vec!["help"], 0),
        // A failing run's error goes to a closed stderr: still no panic, still its status.
        (vec!["omnia-compare", "--check", "PTPT.json"], 1),
    ] {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let (err_reader, err_writer) = std::io::pipe().unwrap();
        drop(err_reader);
        let run = Command::new(XTASK)
            .args(&args)
            .current_dir(fixture("."))
            .stdout(writer)
            .stderr(err_writer)
            .status()
            .unwrap();
        assert_eq!(run.code(), Some(status), "{args:?}");
        // And with stderr readable, nothing is said about the closed stdout.
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let run = Command::new(XTASK)
            .args(&args)
            .current_dir(fixture("."))
            .stdout(writer)
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        assert_eq!(run.status.code(), Some(status), "{args:?}");
        let stderr = text(&run.stderr);
        assert!(
            !stderr.contains("panicked") && !stderr.contains("Broken pipe"),
            "{stderr}"
        );
    }
}

#[test]
fn no_task_is_a_usage_error_with_the_usage_on_stderr() {
    // Before: the usage on stdout, and exit 0.
    let run = xtask(&[], &root());
    assert_eq!(run.status.code(), Some(2));
    assert!(run.stdout.is_empty());
    let stderr = text(&run.stderr);
    assert!(
        stderr.starts_with("error: no task given\n\nUsage: cargo xtask <task> [--help]"),
        "{stderr}"
    );
    for task in [
        "docs",
        "omnia-compare",
        "omnia-merge",
        "new-locale",
        "wasm-size",
    ] {
        assert!(stderr.contains(&format!("\n  {task}")), "{stderr}");
    }
    // Asked for, the usage is the output.
    let run = xtask(&["help"], &root());
    assert_eq!(run.status.code(), Some(0));
    assert!(text(&run.stdout).starts_with("Usage: cargo xtask <task>"));
    assert!(run.stderr.is_empty());
    // Other usage errors share the status.
    for args in [&["doc"][..], &["docs", "--chek"], &["omnia-compare"]] {
        let run = xtask(args, &root());
        assert_eq!(run.status.code(), Some(2), "{args:?}");
        assert!(text(&run.stderr).starts_with("error: "), "{args:?}");
    }
}

#[cfg(unix)]
#[test]
fn an_argument_that_is_not_utf8_is_a_usage_error_not_a_panic() {
    use std::os::unix::ffi::OsStrExt as _;

    let run = Command::new(XTASK)
        .arg("omnia-compare")
        .arg(std::ffi::OsStr::from_bytes(b"PT\xffPT.json"))
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(2));
    let stderr = text(&run.stderr);
    assert!(stderr.contains("is not valid UTF-8"), "{stderr}");
}

#[test]
fn out_at_a_file_says_it_is_not_a_directory() {
    // Before: "cannot create …: File exists (os error 17)".
    let dir = scratch("out-file");
    let file = dir.join("afile");
    std::fs::write(&file, "mine").unwrap();
    let run = xtask(&["docs", "--out", &file.to_string_lossy()], &dir);
    assert_eq!(run.status.code(), Some(1));
    let stderr = text(&run.stderr);
    assert_eq!(
        stderr,
        format!(
            "error: --out {} is not a directory (a file is there); give the folder to write into, new or existing\n",
            file.display()
        )
    );
    let under = file.join("sub");
    let run = xtask(
        &["docs", "--check", "--out", &under.to_string_lossy()],
        &dir,
    );
    let stderr = text(&run.stderr);
    assert!(
        stderr.contains(&format!(
            "{} is not a directory (a file is there)",
            file.display()
        )),
        "{stderr}"
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "mine");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn check_with_out_says_how_to_write_that_folder_not_to_commit() {
    // Before: "run `cargo xtask docs` and commit the result", for a folder outside the
    // repository that `cargo xtask docs` does not write and nobody commits.
    let dir = scratch("check-out");
    let out = dir.join("site docs");
    let manifest = root().join("Cargo.toml");
    for (cwd, command) in [
        (
            root(),
            format!("cargo xtask docs --out '{}' --locale pt-PT", out.display()),
        ),
        (
            dir.clone(),
            format!(
                "cargo run -q --manifest-path {} -p xtask -- docs --out '{}' --locale pt-PT",
                manifest.display(),
                out.display()
            ),
        ),
    ] {
        let run = xtask(
            &[
                "docs",
                "--check",
                "--out",
                &out.to_string_lossy(),
                "--locale",
                "pt-PT",
            ],
            &cwd,
        );
        assert_eq!(run.status.code(), Some(1));
        let stderr = text(&run.stderr);
        assert!(
            stderr.contains("pt-PT/omnia3_api_errors.md is missing"),
            "{stderr}"
        );
        assert!(
            stderr.ends_with(&format!("\n\nrun `{command}` to write them\n")),
            "{stderr}"
        );
        assert!(!stderr.contains("commit"), "{stderr}");
        assert!(!out.exists(), "--check wrote");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn advice_names_a_command_that_runs_where_the_user_is() {
    // From a folder outside the repository, `cargo xtask` is no command (the alias is the
    // repository's): the advice runs xtask through its manifest, on the path as given.
    let dir = scratch("outside");
    std::fs::copy(fixture("PTPT.json"), dir.join("PTPT.json")).unwrap();
    let run = xtask(&["omnia-compare", "--check", "PTPT.json"], &dir);
    assert_eq!(run.status.code(), Some(1));
    let stderr = text(&run.stderr);
    let manifest = root().join("Cargo.toml");
    assert!(
        stderr.ends_with(&format!(
            "\nrun `cargo run -q --manifest-path {} -p xtask -- omnia-merge PTPT.json` to write our error messages into it\n",
            manifest.display()
        )),
        "{stderr}"
    );
    // Inside it, the alias.
    let inside = xtask(
        &[
            "omnia-compare",
            "--check",
            &dir.join("PTPT.json").to_string_lossy(),
        ],
        &root(),
    );
    let stderr = text(&inside.stderr);
    assert!(
        stderr.contains(&format!(
            "run `cargo xtask omnia-merge {}`",
            dir.join("PTPT.json").display()
        )),
        "{stderr}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
