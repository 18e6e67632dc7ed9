//! The registry of published codes, `crates/omnia-errors/codes.lock`, generated with the other
//! files by `cargo xtask docs` (and checked by `--check` and `cargo test`).
//!
//! Like rustc's error-code registry, published codes are append-only: a code is never removed
//! or renamed, and keeps its HTTP status and parameters, unless the catalog marks it
//! `[deprecated]` or `[retired]`. The one change a published code may take is a new *optional*
//! parameter: a client that does not send it gets the generic message, as it did before, so
//! nothing it relies on changes; a parameter removed, renamed, retyped or made required would
//! break clients and is refused. The lock file records what was published; generating it appends
//! new codes (never by hand) and refuses any other change, naming the line at fault.

use std::fmt::Write as _;

use crate::codegen::Generated;
use crate::docs::Inputs;

use omnia_errors::{AnyCode, Catalog, Lifecycle, ParamKind};

pub(crate) const LOCK_PATH: &str = "crates/omnia-errors/codes.lock";

const HEADER: &str = "\
# The published OMNIA error codes: append-only, like rustc's error-code registry.
# Written by `cargo xtask docs`, never by hand; a test compares it with the catalog table
# (crates/omnia-errors/src/catalog.rs). One code a line:
#   <table> <Code> <HTTP status or -> [<parameter>=<number|text>[?]]... [deprecated|retired]
";

/// One line of the lock: everything about a code that clients depend on.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Entry {
    table: String,
    code: String,
    status: String,
    params: Vec<String>,
    lifecycle: String,
}

impl Entry {
    fn of(code: AnyCode) -> Self {
        Self {
            table: match code.catalog() {
                Catalog::Api => "api",
                Catalog::Validation => "validation",
            }
            .to_owned(),
            code: code.as_str().to_owned(),
            status: code
                .http_status()
                .map_or_else(|| "-".to_owned(), |s| s.to_string()),
            params: code
                .params()
                .iter()
                .map(|p| {
                    let kind = match p.kind {
                        ParamKind::Number => "number",
                        ParamKind::Text => "text",
                    };
                    format!("{}={kind}{}", p.name, if p.required { "" } else { "?" })
                })
                .collect(),
            lifecycle: code.lifecycle().as_str().to_owned(),
        }
    }

    fn parse(line: &str) -> Result<Self, String> {
        let mut words = line.split_whitespace();
        let (Some(table), Some(code), Some(status)) = (words.next(), words.next(), words.next())
        else {
            return Err("expected `<table> <Code> <status>`".into());
        };
        if table != "api" && table != "validation" {
            return Err(format!(
                "unknown table {table:?}, expected api or validation"
            ));
        }
        let mut entry = Self {
            table: table.into(),
            code: code.into(),
            status: status.into(),
            params: Vec::new(),
            lifecycle: Lifecycle::Active.as_str().into(),
        };
        for word in words {
            if word == "deprecated" || word == "retired" {
                entry.lifecycle = word.into();
            } else if word.contains('=') {
                entry.params.push(word.into());
            } else {
                return Err(format!("unexpected {word:?}"));
            }
        }
        Ok(entry)
    }

    /// Whether `self` (the catalog's entry) keeps the contract `published` made while the code
    /// is active: the same status and every published parameter as it was (name, kind,
    /// optionality); any parameter added since is optional (`name=kind?`).
    fn keeps_contract_of(&self, published: &Self) -> bool {
        self.status == published.status
            && published.params.iter().all(|p| self.params.contains(p))
            && self
                .params
                .iter()
                .filter(|p| !published.params.contains(p))
                .all(|p| p.ends_with('?'))
    }
}

impl std::fmt::Display for Entry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {} {}", self.table, self.code, self.status)?;
        for param in &self.params {
            write!(f, " {param}")?;
        }
        if self.lifecycle != Lifecycle::Active.as_str() {
            write!(f, " {}", self.lifecycle)?;
        }
        Ok(())
    }
}

/// The lock's entries with their line numbers.
fn parse(lock: &str) -> Result<Vec<(usize, Entry)>, Vec<String>> {
    let mut entries = Vec::new();
    let mut problems = Vec::new();
    for (index, line) in lock.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        match Entry::parse(line) {
            Ok(entry) => entries.push((index + 1, entry)),
            Err(e) => problems.push(format!("{LOCK_PATH}:{}: {e}", index + 1)),
        }
    }
    if problems.is_empty() {
        Ok(entries)
    } else {
        Err(problems)
    }
}

/// Compares the lock with the catalog. `Ok(updated lock)` when the only differences are new
/// codes and changes to deprecated or retired ones; `Err` listing every forbidden change.
fn reconcile(lock: &str) -> Result<String, Vec<String>> {
    let entries = parse(lock)?;
    let catalog: Vec<Entry> = AnyCode::all().map(Entry::of).collect();
    let mut problems = Vec::new();
    let mut out = String::from(HEADER);
    for (line, published) in &entries {
        let current = catalog
            .iter()
            .find(|e| e.table == published.table && e.code == published.code);
        let Some(current) = current else {
            problems.push(format!(
                "{LOCK_PATH}:{line}: {} was published and is gone from the catalog: codes are never removed or renamed; restore its row and flag it [retired]",
                published.code
            ));
            continue;
        };
        if !current.keeps_contract_of(published) && current.lifecycle == Lifecycle::Active.as_str()
        {
            problems.push(format!(
                "{LOCK_PATH}:{line}: {} was published as `{published}` and is now `{current}`: a published code keeps its status and parameters (it may only gain optional ones, `name=kind?`); flag it [deprecated] and add a new code instead",
                published.code
            ));
        }
        let _ = writeln!(out, "{current}");
    }
    for current in &catalog {
        if !entries
            .iter()
            .any(|(_, e)| e.table == current.table && e.code == current.code)
        {
            let _ = writeln!(out, "{current}");
        }
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

/// The lock as the catalog makes it: the committed one (under `root`) with new codes
/// appended.
///
/// # Errors
///
/// Every forbidden change (a published code removed, renamed, re-statused, a parameter
/// removed or changed), with the lock's line.
pub(crate) fn generate(inputs: &Inputs) -> Result<Vec<Generated>, String> {
    let lock = std::fs::read_to_string(inputs.root().join(LOCK_PATH)).unwrap_or_default();
    let contents = reconcile(&lock).map_err(|p| p.join("\n"))?;
    Ok(vec![Generated::new(LOCK_PATH, contents)])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn current_lock() -> String {
        std::fs::read_to_string(crate::project_root().join(LOCK_PATH)).unwrap()
    }

    #[test]
    fn the_committed_lock_records_the_catalog() {
        // `docs::tests::generated_files_are_up_to_date` checks the file; this names the cause.
        let generated = generate(&crate::docs::test_inputs()).unwrap();
        assert_eq!(generated[0].contents, current_lock());
    }

    #[test]
    fn a_removed_code_is_refused() {
        // A code in the lock that the catalog lacks looks exactly like a removed row.
        let lock = current_lock() + "api QuotaExceeded 429\n";
        let problems = reconcile(&lock).unwrap_err();
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0].contains("QuotaExceeded was published and is gone")
                && problems[0].contains("[retired]"),
            "{problems:?}"
        );
        assert!(
            problems[0].starts_with(&format!("{LOCK_PATH}:{}:", lock.lines().count())),
            "{problems:?}"
        );
    }

    #[test]
    fn a_changed_status_or_parameter_is_refused() {
        let lock = current_lock()
            .replace("api EntityNotFound 404", "api EntityNotFound 410")
            .replace("maxLength=number", "maxLength=text");
        let problems = reconcile(&lock).unwrap_err();
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(
            problems[0].contains("`api EntityNotFound 410` and is now `api EntityNotFound 404`"),
            "{problems:?}"
        );
        assert!(
            problems[1].contains("TextMaxLengthMismatch") && problems[1].contains("[deprecated]"),
            "{problems:?}"
        );
    }

    #[test]
    fn a_new_optional_parameter_is_recorded_and_any_other_change_refused() {
        let lock = current_lock();
        let line = lock
            .lines()
            .find(|l| l.starts_with("validation TypeMismatch "))
            .unwrap();
        assert_eq!(
            line,
            "validation TypeMismatch - value=text? type=text? path=text?"
        );
        // The lock as it was before `path` was added: the task records the new parameter.
        let before = lock.replace(line, "validation TypeMismatch - value=text? type=text?");
        assert_eq!(reconcile(&before), Ok(lock.clone()));
        // A published parameter that is gone, or made required, is refused.
        let gone = lock.replace(line, &format!("{line} format=text?"));
        let problems = reconcile(&gone).unwrap_err();
        assert!(
            problems.len() == 1 && problems[0].contains("may only gain optional ones"),
            "{problems:?}"
        );
        let was_required = lock.replace(line, "validation TypeMismatch - value=text type=text?");
        assert_eq!(reconcile(&was_required).unwrap_err().len(), 1);
        // A new parameter that is required breaks clients that do not send it.
        let entry = |params: &[&str]| Entry {
            table: "validation".into(),
            code: "X".into(),
            status: "-".into(),
            params: params.iter().map(|p| (*p).to_owned()).collect(),
            lifecycle: "active".into(),
        };
        assert!(entry(&["a=text?", "b=number?"]).keeps_contract_of(&entry(&["a=text?"])));
        assert!(!entry(&["a=text?", "b=number"]).keeps_contract_of(&entry(&["a=text?"])));
        assert!(!entry(&["b=number?"]).keeps_contract_of(&entry(&["a=text?"])));
    }

    #[test]
    fn a_new_code_is_appended_by_the_task() {
        let lock = current_lock();
        let (without_last, _) = lock.trim_end().rsplit_once('\n').unwrap();
        let without_last = format!("{without_last}\n");
        let updated = reconcile(&without_last).unwrap();
        assert_eq!(updated, lock);
    }

    #[test]
    fn malformed_lines_name_their_line() {
        let problems = reconcile("# header\napi\nerrors X 1\n").unwrap_err();
        assert_eq!(
            problems,
            [
                format!("{LOCK_PATH}:2: expected `<table> <Code> <status>`"),
                format!("{LOCK_PATH}:3: unknown table \"errors\", expected api or validation"),
            ]
        );
    }
}
