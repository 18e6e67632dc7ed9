//! Command-line parsing: a handful of flags do not need a parser crate.

use std::path::PathBuf;

/// What to run.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Task {
    /// The usage of every task, or of the one named.
    Help(Option<String>),
    Docs(DocsOptions),
    NewLocale(String),
    OmniaCompare {
        file: PathBuf,
        check: bool,
    },
    OmniaMerge {
        file: PathBuf,
        out: Option<PathBuf>,
        /// Replace `out` when it exists.
        force: bool,
    },
    WasmSize,
}

/// The tasks, by name, as `cargo xtask <task> --help` knows them.
pub(crate) const TASKS: [&str; 5] = [
    "docs",
    "omnia-compare",
    "omnia-merge",
    "new-locale",
    "wasm-size",
];

/// `cargo xtask docs` options.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct DocsOptions {
    pub(crate) check: bool,
    pub(crate) out: Option<PathBuf>,
    pub(crate) locales: Vec<String>,
    /// The artifacts of `--only NAME`; empty: all of them.
    pub(crate) only: Vec<String>,
}

/// The task and options of a command line; an error is a usage error, saying what is wrong.
pub(crate) fn parse(args: &[String]) -> Result<Task, String> {
    let Some((task, rest)) = args.split_first() else {
        return Err("no task given".into());
    };
    if rest.iter().any(|a| a == "--help" || a == "-h") && TASKS.contains(&task.as_str()) {
        return Ok(Task::Help(Some(task.clone())));
    }
    match task.as_str() {
        "help" | "--help" | "-h" => match rest {
            [] => Ok(Task::Help(None)),
            [name] if TASKS.contains(&name.as_str()) => Ok(Task::Help(Some(name.clone()))),
            _ => Err(format!(
                "unexpected {rest:?} for help; expected one task of: {}",
                TASKS.join(", ")
            )),
        },
        "docs" => parse_docs(rest).map(Task::Docs),
        "omnia-compare" => {
            let (check, files): (Vec<&String>, Vec<&String>) =
                rest.iter().partition(|a| *a == "--check");
            match files.as_slice() {
                [file] if !file.starts_with("--") => Ok(Task::OmniaCompare {
                    file: PathBuf::from(file),
                    check: !check.is_empty(),
                }),
                _ => Err(format!(
                    "omnia-compare takes [--check] and one file, e.g. `cargo xtask omnia-compare --check PTPT.json`; got {rest:?}"
                )),
            }
        }
        "omnia-merge" => parse_merge(rest),
        "new-locale" => match rest {
            [tag] => Ok(Task::NewLocale(tag.clone())),
            _ => {
                Err("new-locale takes one language tag, e.g. `cargo xtask new-locale it-IT`".into())
            }
        },
        "wasm-size" => match rest {
            [] => Ok(Task::WasmSize),
            _ => Err(format!(
                "unexpected {rest:?} for wasm-size; it takes nothing"
            )),
        },
        other => Err(format!(
            "unknown task {other:?}; the tasks are {} (`help <task>` describes one)",
            TASKS.join(", ")
        )),
    }
}

fn parse_merge(args: &[String]) -> Result<Task, String> {
    let mut file = None;
    let mut out = None;
    let mut force = false;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--out" => {
                let value = args.next().ok_or("--out FILE needs a value")?;
                out = Some(PathBuf::from(value));
            }
            "--force" => force = true,
            other if other.starts_with("--") => {
                return Err(format!(
                    "unknown option {other:?} for omnia-merge; expected --out FILE or --force"
                ));
            }
            path if file.is_none() => file = Some(PathBuf::from(path)),
            extra => {
                return Err(format!(
                    "omnia-merge takes one file; {extra:?} is a second one (write elsewhere with --out FILE)"
                ));
            }
        }
    }
    let file = file.ok_or(
        "omnia-merge takes one file, e.g. `cargo xtask omnia-merge PTPT.json [--out merged.json]`",
    )?;
    if force && out.is_none() {
        return Err("--force only applies to --out FILE (a merge in place always writes)".into());
    }
    Ok(Task::OmniaMerge { file, out, force })
}

fn parse_docs(args: &[String]) -> Result<DocsOptions, String> {
    let mut options = DocsOptions::default();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let mut value = |flag: &str| {
            args.next()
                .cloned()
                .ok_or_else(|| format!("{flag} needs a value"))
        };
        match arg.as_str() {
            "--check" => options.check = true,
            "--out" => options.out = Some(PathBuf::from(value("--out DIR")?)),
            "--locale" => options.locales.push(value("--locale TAG")?),
            "--only" => options.only.push(value("--only NAME")?),
            other => {
                return Err(format!(
                    "unknown option {other:?} for docs; expected --check, --out DIR, --locale TAG or --only NAME"
                ));
            }
        }
    }
    Ok(options)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(line: &str) -> Vec<String> {
        line.split_whitespace().map(str::to_owned).collect()
    }

    #[test]
    fn parses_docs_flags() {
        assert_eq!(parse(&[]), Err("no task given".into()));
        assert_eq!(
            parse(&args(
                "docs --check --locale pt-PT --locale de-DE --out /tmp/x --only pages"
            )),
            Ok(Task::Docs(DocsOptions {
                check: true,
                out: Some("/tmp/x".into()),
                locales: vec!["pt-PT".into(), "de-DE".into()],
                only: vec!["pages".into()],
            }))
        );
    }

    #[test]
    fn every_task_has_help() {
        for task in TASKS {
            for help in ["--help", "-h"] {
                assert_eq!(
                    parse(&args(&format!("{task} {help}"))),
                    Ok(Task::Help(Some(task.to_owned()))),
                    "{task} {help}"
                );
            }
            assert_eq!(
                parse(&args(&format!("help {task}"))),
                Ok(Task::Help(Some(task.to_owned())))
            );
        }
        assert!(
            parse(&args("help nothing"))
                .unwrap_err()
                .contains("omnia-merge")
        );
    }

    #[test]
    fn parses_the_omnia_tasks() {
        assert_eq!(
            parse(&args("omnia-compare --check PTPT.json")),
            Ok(Task::OmniaCompare {
                file: "PTPT.json".into(),
                check: true
            })
        );
        assert_eq!(
            parse(&args("omnia-compare PTPT.json")),
            Ok(Task::OmniaCompare {
                file: "PTPT.json".into(),
                check: false
            })
        );
        assert!(parse(&args("omnia-compare")).is_err());
        assert!(parse(&args("omnia-compare a.json b.json")).is_err());
        assert_eq!(
            parse(&args("omnia-merge PTPT.json --out merged.json")),
            Ok(Task::OmniaMerge {
                file: "PTPT.json".into(),
                out: Some("merged.json".into()),
                force: false,
            })
        );
        assert_eq!(
            parse(&args("omnia-merge PTPT.json --force --out merged.json")),
            Ok(Task::OmniaMerge {
                file: "PTPT.json".into(),
                out: Some("merged.json".into()),
                force: true,
            })
        );
        assert_eq!(
            parse(&args("omnia-merge PTPT.json")),
            Ok(Task::OmniaMerge {
                file: "PTPT.json".into(),
                out: None,
                force: false,
            })
        );
        assert!(
            parse(&args("omnia-merge"))
                .unwrap_err()
                .contains("one file")
        );
        assert!(
            parse(&args("omnia-merge a b"))
                .unwrap_err()
                .contains("--out")
        );
        assert!(
            parse(&args("omnia-merge a --out"))
                .unwrap_err()
                .contains("needs a value")
        );
        assert!(
            parse(&args("omnia-merge a --forced"))
                .unwrap_err()
                .contains("expected --out FILE or --force")
        );
        assert!(
            parse(&args("omnia-merge a --force"))
                .unwrap_err()
                .contains("only applies to --out")
        );
    }

    #[test]
    fn bad_flags_say_what_would_be_right() {
        assert_eq!(
            parse(&args("doc")).unwrap_err(),
            "unknown task \"doc\"; the tasks are docs, omnia-compare, omnia-merge, new-locale, wasm-size (`help <task>` describes one)"
        );
        assert!(
            parse(&args("docs --chek"))
                .unwrap_err()
                .contains("expected --check")
        );
        assert_eq!(
            parse(&args("docs --out")).unwrap_err(),
            "--out DIR needs a value"
        );
    }
}
