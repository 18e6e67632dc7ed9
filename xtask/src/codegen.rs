//! Writing generated files: only when changed, atomically, or checking that they are current.

use std::fmt::{self, Write as _};
use std::fs;
use std::path::{Path, PathBuf};

/// A generated file: its path relative to the output folder and its contents.
pub(crate) struct Generated {
    pub(crate) path: PathBuf,
    pub(crate) contents: String,
}

/// What a run did.
#[derive(Default)]
pub(crate) struct Summary {
    pub(crate) written: Vec<PathBuf>,
    pub(crate) unchanged: usize,
    pub(crate) locales: Vec<String>,
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for path in &self.written {
            writeln!(f, "wrote {}", path.display())?;
        }
        write!(
            f,
            "{} file(s) written, {} unchanged; locales: {}",
            self.written.len(),
            self.unchanged,
            self.locales.join(", ")
        )
    }
}

/// Writes every file whose contents changed (atomically: a temporary file renamed over the
/// old one), or, with `check`, writes nothing and fails listing every stale file with a diff.
pub(crate) fn apply(
    root: &Path,
    files: &[Generated],
    check: bool,
    summary: &mut Summary,
) -> Result<(), String> {
    let mut stale = String::new();
    for file in files {
        let path = root.join(&file.path);
        let current = fs::read_to_string(&path).ok();
        if current.as_deref() == Some(file.contents.as_str()) {
            summary.unchanged += 1;
            continue;
        }
        if check {
            let _ = writeln!(
                stale,
                "\n{} is {}:",
                path.display(),
                if current.is_some() {
                    "stale"
                } else {
                    "missing"
                }
            );
            if let Some(current) = &current {
                stale.push_str(&short_diff(current, &file.contents));
            }
            continue;
        }
        write_atomic(&path, &file.contents)?;
        summary.written.push(path);
    }
    if stale.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "generated files are out of date; run `cargo xtask docs` and commit the result{stale}"
        ))
    }
}

fn write_atomic(path: &Path, contents: &str) -> Result<(), String> {
    let dir = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    fs::write(&temp, contents).map_err(|e| format!("cannot write {}: {e}", temp.display()))?;
    fs::rename(&temp, path).map_err(|e| {
        let _ = fs::remove_file(&temp);
        format!("cannot replace {}: {e}", path.display())
    })
}

/// The differing lines of two texts, as `-`/`+` lines with their line numbers; at most a
/// dozen, since the point is to show what kind of change it is, not all of it.
pub(crate) fn short_diff(old: &str, new: &str) -> String {
    const MAX_LINES: usize = 12;
    let (old_lines, new_lines): (Vec<&str>, Vec<&str>) =
        (old.lines().collect(), new.lines().collect());
    // Skip the common head and tail, then show what lies between.
    let head = old_lines
        .iter()
        .zip(&new_lines)
        .take_while(|(a, b)| a == b)
        .count();
    let tail = old_lines[head..]
        .iter()
        .rev()
        .zip(new_lines[head..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let mut out = String::new();
    let removed = &old_lines[head..old_lines.len() - tail];
    let added = &new_lines[head..new_lines.len() - tail];
    for (i, line) in removed.iter().enumerate().take(MAX_LINES / 2) {
        let _ = writeln!(out, "  {:>5} - {line}", head + i + 1);
    }
    for (i, line) in added.iter().enumerate().take(MAX_LINES / 2) {
        let _ = writeln!(out, "  {:>5} + {line}", head + i + 1);
    }
    let hidden =
        removed.len().saturating_sub(MAX_LINES / 2) + added.len().saturating_sub(MAX_LINES / 2);
    if hidden > 0 {
        let _ = writeln!(out, "  … and {hidden} more changed line(s)");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diff_shows_the_changed_lines_with_numbers() {
        let diff = short_diff("a\nb\nc\nd\n", "a\nB\nc\nd\n");
        assert_eq!(diff, "      2 - b\n      2 + B\n");
        assert_eq!(short_diff("a\n", "a\nz\n"), "      2 + z\n");
    }

    #[test]
    fn check_mode_fails_on_stale_files_and_writes_nothing() {
        let root = std::env::temp_dir().join(format!("xtask-codegen-{}", std::process::id()));
        let _ = fs::remove_dir_all(&root);
        let files = [Generated {
            path: "sub/a.txt".into(),
            contents: "new\n".into(),
        }];

        let error = apply(&root, &files, true, &mut Summary::default()).unwrap_err();
        assert!(error.contains("a.txt is missing"), "{error}");
        assert!(!root.join("sub/a.txt").exists());

        let mut summary = Summary::default();
        apply(&root, &files, false, &mut summary).unwrap();
        assert_eq!(fs::read_to_string(root.join("sub/a.txt")).unwrap(), "new\n");
        assert_eq!(summary.written.len(), 1);

        let mut summary = Summary::default();
        apply(&root, &files, true, &mut summary).unwrap();
        assert_eq!(summary.unchanged, 1);

        fs::write(root.join("sub/a.txt"), "old\n").unwrap();
        let error = apply(&root, &files, true, &mut Summary::default()).unwrap_err();
        assert!(
            error.contains("is stale") && error.contains("- old") && error.contains("+ new"),
            "{error}"
        );
        // No temporary files are left behind.
        assert_eq!(fs::read_dir(root.join("sub")).unwrap().count(), 1);
    }
}
