//! Command-line parsing: a handful of flags do not need a parser crate.

use std::path::PathBuf;

/// What to run.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Task {
    Help,
    Docs(DocsOptions),
    Codes { check: bool },
    NewLocale(String),
    OmniaCompare(PathBuf),
}

/// `cargo xtask docs` options.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct DocsOptions {
    pub(crate) check: bool,
    pub(crate) out: Option<PathBuf>,
    pub(crate) locales: Vec<String>,
}

pub(crate) fn parse(args: &[String]) -> Result<Task, String> {
    let Some((task, rest)) = args.split_first() else {
        return Ok(Task::Help);
    };
    match task.as_str() {
        "help" | "--help" | "-h" => Ok(Task::Help),
        "docs" => parse_docs(rest).map(Task::Docs),
        "omnia-compare" => match rest {
            [path] => Ok(Task::OmniaCompare(PathBuf::from(path))),
            _ => Err(
                "omnia-compare takes one file, e.g. `cargo xtask omnia-compare ptPT.json`".into(),
            ),
        },
        "new-locale" => match rest {
            [tag] => Ok(Task::NewLocale(tag.clone())),
            _ => {
                Err("new-locale takes one language tag, e.g. `cargo xtask new-locale it-IT`".into())
            }
        },
        "codes" => match rest {
            [] => Ok(Task::Codes { check: false }),
            [flag] if flag == "--check" => Ok(Task::Codes { check: true }),
            _ => Err(format!(
                "unexpected {rest:?} for codes; expected nothing or --check"
            )),
        },
        other => Err(format!(
            "unknown task {other:?}; run `cargo xtask` to list the tasks"
        )),
    }
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
            other => {
                return Err(format!(
                    "unknown option {other:?} for docs; expected --check, --out DIR or --locale TAG"
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
        assert_eq!(parse(&[]), Ok(Task::Help));
        assert_eq!(
            parse(&args(
                "docs --check --locale pt-PT --locale de-DE --out /tmp/x"
            )),
            Ok(Task::Docs(DocsOptions {
                check: true,
                out: Some("/tmp/x".into()),
                locales: vec!["pt-PT".into(), "de-DE".into()],
            }))
        );
    }

    #[test]
    fn bad_flags_say_what_would_be_right() {
        assert!(
            parse(&args("doc"))
                .unwrap_err()
                .contains("run `cargo xtask`")
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
