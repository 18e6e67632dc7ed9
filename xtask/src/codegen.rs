//! Writing generated files: only when changed, atomically, or checking that they are current.

use std::collections::BTreeSet;
use std::fmt::{self, Write as _};
use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};

/// A generated file: its path relative to the output folder, its contents, and the locale it
/// belongs to (`None`: shared by every locale).
pub(crate) struct Generated {
    pub(crate) path: PathBuf,
    pub(crate) contents: String,
    pub(crate) locale: Option<String>,
}

impl Generated {
    /// A file shared by every locale.
    pub(crate) fn new(path: impl Into<PathBuf>, contents: impl Into<String>) -> Self {
        Self {
            path: path.into(),
            contents: contents.into(),
            locale: None,
        }
    }

    /// A file of one locale's (`--locale` writes only the chosen locales').
    pub(crate) fn of_locale(
        tag: &str,
        path: impl Into<PathBuf>,
        contents: impl Into<String>,
    ) -> Self {
        Self {
            locale: Some(tag.to_owned()),
            ..Self::new(path, contents)
        }
    }
}

/// What a run did.
#[derive(Default)]
pub(crate) struct Summary {
    pub(crate) written: Vec<PathBuf>,
    pub(crate) unchanged: usize,
    pub(crate) locales: Vec<String>,
    /// Temporary files of killed runs, removed.
    pub(crate) removed: Vec<PathBuf>,
    /// Files in the output folder that no generator wrote (reported, never deleted: a person
    /// may have put them there; `--check` fails on them).
    pub(crate) orphans: Vec<PathBuf>,
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for path in &self.written {
            writeln!(f, "wrote {}", path.display())?;
        }
        for path in &self.removed {
            writeln!(f, "removed {} (left by a killed run)", path.display())?;
        }
        for path in &self.orphans {
            writeln!(
                f,
                "warning: {} is not generated (a removed locale's?); delete it, or `--check` fails",
                path.display()
            )?;
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

/// Writes every file whose contents changed (atomically: a temporary file, synced, renamed over
/// the old one), or, with `check`, writes nothing and fails listing every stale file with a
/// diff (and only then: in `check` mode, an error means stale files). Writing also removes the temporary files that killed runs left in the folders written.
pub(crate) fn apply(
    root: &Path,
    files: &[Generated],
    check: bool,
    summary: &mut Summary,
) -> Result<(), String> {
    let mut stale = String::new();
    let mut swept = BTreeSet::new();
    for file in files {
        let path = root.join(&file.path);
        let current = match read(&path) {
            Current::Same(contents) if contents == file.contents => {
                summary.unchanged += 1;
                continue;
            }
            other => other,
        };
        if check {
            let _ = writeln!(stale, "\n{} {}:", path.display(), current.describe());
            if let Current::Same(text) = &current {
                stale.push_str(&short_diff(text, &file.contents));
            }
            continue;
        }
        let dir = path.parent().unwrap_or(Path::new("."));
        if swept.insert(dir.to_path_buf()) {
            remove_leftovers(dir, summary);
        }
        write_atomic(&path, &file.contents)?;
        summary.written.push(path);
    }
    if stale.is_empty() {
        Ok(())
    } else {
        // What to run to bring them up to date is the caller's to say: it knows the command.
        Err(format!("generated files are out of date:{stale}"))
    }
}

/// What is at a generated file's place.
enum Current {
    /// A UTF-8 file (its contents may or may not be the expected ones).
    Same(String),
    Missing,
    Directory,
    NotUtf8(usize),
    Unreadable(String),
}

impl Current {
    fn describe(&self) -> String {
        match self {
            Self::Same(_) => "is stale".into(),
            Self::Missing => "is missing".into(),
            Self::Directory => "is a directory, where the generated file should be".into(),
            Self::NotUtf8(len) => format!("is not UTF-8 text ({len} bytes)"),
            Self::Unreadable(error) => format!("cannot be read ({error})"),
        }
    }
}

fn read(path: &Path) -> Current {
    match fs::symlink_metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Current::Missing,
        Err(e) => return Current::Unreadable(e.to_string()),
        Ok(meta) if meta.is_dir() => return Current::Directory,
        Ok(_) => {}
    }
    match fs::read(path) {
        Ok(bytes) => {
            let len = bytes.len();
            String::from_utf8(bytes).map_or(Current::NotUtf8(len), Current::Same)
        }
        Err(e) => Current::Unreadable(e.to_string()),
    }
}

/// The marker in the names of our temporary files: `.<name>.xtask-<pid>.tmp`, so that a later
/// run can tell its own kind of leftover from anything else and remove it.
const TEMP_MARK: &str = ".xtask-";

fn temp_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}{TEMP_MARK}{}.tmp", std::process::id()))
}

/// The process id in the name of one of our temporary files.
fn temp_pid(name: &str) -> Option<u32> {
    let rest = name.strip_prefix('.')?.strip_suffix(".tmp")?;
    let (_, pid) = rest.rsplit_once(TEMP_MARK)?;
    pid.parse().ok()
}

/// Whether the run that made a temporary file may still be writing it. With `/proc`, whether
/// its process exists; without, whether the file changed in the last ten minutes.
fn may_be_running(pid: u32, path: &Path) -> bool {
    if pid == std::process::id() {
        return true;
    }
    let proc = Path::new("/proc");
    if proc.join("self").exists() {
        return proc.join(pid.to_string()).exists();
    }
    fs::metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.elapsed().ok())
        .is_some_and(|age| age.as_secs() < 600)
}

/// Removes the temporary files of dead runs in `dir`.
fn remove_leftovers(dir: &Path, summary: &mut Summary) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = entry.path();
        if let Some(pid) = temp_pid(&name)
            && entry.file_type().is_ok_and(|t| t.is_file())
            && !may_be_running(pid, &path)
            && fs::remove_file(&path).is_ok()
        {
            summary.removed.push(path);
        }
    }
}

/// Looks in `root` for files no generator produced: orphans (`expected`, paths relative to
/// `root`, does not list them) and `*.tmp` leftovers. Writing removes the leftovers of dead
/// runs and lists orphans in the summary; `check` fails on both.
pub(crate) fn sweep(
    root: &Path,
    expected: &[&Path],
    check: bool,
    summary: &mut Summary,
) -> Result<(), String> {
    let expected: BTreeSet<&Path> = expected.iter().copied().collect();
    let mut found = Vec::new();
    walk(root, Path::new(""), &mut found);
    let mut problems = String::new();
    for relative in found {
        let path = root.join(&relative);
        let name = relative
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if Path::new(&name).extension().is_some_and(|e| e == "tmp") {
            if !check
                && temp_pid(&name).is_some_and(|pid| !may_be_running(pid, &path))
                && fs::remove_file(&path).is_ok()
            {
                summary.removed.push(path);
            } else if check {
                let _ = writeln!(
                    problems,
                    "\n{} is a temporary file left by an interrupted run: delete it",
                    path.display()
                );
            }
            continue;
        }
        if expected.contains(relative.as_path()) {
            continue;
        }
        if check {
            let _ = writeln!(
                problems,
                "\n{} is not generated (orphaned: its locale or generator is gone?): delete it",
                path.display()
            );
        } else {
            summary.orphans.push(path);
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "the generated folder {} holds files no generator wrote{problems}",
            root.display()
        ))
    }
}

/// Every non-directory under `dir` (symbolic links are not followed), relative to the root.
fn walk(dir: &Path, relative: &Path, found: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.flatten().collect();
    entries.sort_by_key(fs::DirEntry::file_name);
    for entry in entries {
        let child = relative.join(entry.file_name());
        if entry.file_type().is_ok_and(|t| t.is_dir()) {
            walk(&entry.path(), &child, found);
        } else {
            found.push(child);
        }
    }
}

/// Writes `path` through a temporary file in its folder, synced to disk before the rename so
/// that a crash leaves the old file or the new one, never a truncated one.
///
/// A symbolic link is written through: the file it points to (following a chain of links) is
/// replaced, in that file's folder, and the link stays as it was. The replaced file keeps its
/// permissions.
pub(crate) fn write_atomic(path: &Path, contents: &str) -> Result<(), String> {
    let path = &link_target(path)?;
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let permissions = fs::metadata(path).ok().map(|m| m.permissions());
    let temp = temp_path(path);
    let written = fs::File::create(&temp).and_then(|mut file| {
        file.write_all(contents.as_bytes())?;
        if let Some(permissions) = permissions {
            file.set_permissions(permissions)?;
        }
        file.sync_all()
    });
    if let Err(e) = written {
        let _ = fs::remove_file(&temp);
        return Err(format!("cannot write {}: {e}", temp.display()));
    }
    fs::rename(&temp, path).map_err(|e| {
        let _ = fs::remove_file(&temp);
        format!("cannot replace {}: {e}", path.display())
    })?;
    // The rename itself is durable once the folder is synced; not every platform can open a
    // folder for that, and the file is complete either way, so a failure here is ignored.
    if let Ok(folder) = fs::File::open(dir) {
        let _ = folder.sync_all();
    }
    Ok(())
}

/// The file `path` names once its symbolic links are followed (a dangling link names the file
/// it would create); `path` itself when it is no link.
fn link_target(path: &Path) -> Result<PathBuf, String> {
    // As many links as Linux follows before it gives up with ELOOP.
    const MAX_LINKS: usize = 40;
    let mut target = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match fs::symlink_metadata(&target) {
            Ok(metadata) if metadata.file_type().is_symlink() => {
                let next = fs::read_link(&target)
                    .map_err(|e| format!("cannot read the link {}: {e}", target.display()))?;
                // A relative target is relative to the link's folder; `join` keeps an absolute
                // one as it is.
                target = target
                    .parent()
                    .map_or_else(|| next.clone(), |dir| dir.join(&next));
            }
            _ => return Ok(target),
        }
    }
    Err(format!(
        "cannot write {}: more than {MAX_LINKS} symbolic links in a chain (a loop?)",
        path.display()
    ))
}

/// The differing lines of two texts, as `-`/`+` lines with their line numbers; at most a
/// dozen, since the point is to show what kind of change it is, not all of it.
///
/// Lines are compared with their endings, so a change of line endings or of the final
/// newline shows: a carriage return is written `␍`, and a last line without a newline is
/// followed by git's `\ No newline at end of file`.
pub(crate) fn short_diff(old: &str, new: &str) -> String {
    const MAX_LINES: usize = 12;
    let (old_lines, new_lines): (Vec<&str>, Vec<&str>) = (
        old.split_inclusive('\n').collect(),
        new.split_inclusive('\n').collect(),
    );
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
    for (sign, lines) in [('-', removed), ('+', added)] {
        for (i, line) in lines.iter().enumerate().take(MAX_LINES / 2) {
            let text = line.strip_suffix('\n');
            let shown = text.unwrap_or(line);
            let shown = shown
                .strip_suffix('\r')
                .map_or_else(|| shown.to_owned(), |s| format!("{s}␍"));
            let _ = writeln!(out, "  {:>5} {sign} {shown}", head + i + 1);
            if text.is_none() {
                out.push_str("        \\ No newline at end of file\n");
            }
        }
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
    fn diff_shows_line_endings_and_the_final_newline() {
        let diff = short_diff("a\r\nb\r\n", "a\nb\n");
        assert!(
            diff.contains("1 - a␍") && diff.contains("1 + a\n"),
            "{diff}"
        );
        let diff = short_diff("a\nb", "a\nb\n");
        assert_eq!(
            diff,
            "      2 - b\n        \\ No newline at end of file\n      2 + b\n"
        );
        assert!(short_diff("a\n", "a\n").is_empty());
    }

    fn temp(name: &str) -> PathBuf {
        let root =
            std::env::temp_dir().join(format!("xtask-codegen-{}-{name}", std::process::id()));
        let _ = fs::remove_dir_all(&root);
        root
    }

    #[test]
    fn check_names_what_is_in_a_files_place() {
        let root = temp("kinds");
        let files = [
            Generated::new("binary.txt", "text\n"),
            Generated::new("dir.txt", "text\n"),
            Generated::new("crlf.txt", "text\n"),
        ];
        fs::create_dir_all(root.join("dir.txt")).unwrap();
        fs::write(root.join("binary.txt"), b"\xff\xfe").unwrap();
        fs::write(root.join("crlf.txt"), "text\r\n").unwrap();
        let error = apply(&root, &files, true, &mut Summary::default()).unwrap_err();
        assert!(
            error.contains("binary.txt is not UTF-8 text (2 bytes)"),
            "{error}"
        );
        assert!(error.contains("dir.txt is a directory"), "{error}");
        assert!(
            error.contains("crlf.txt is stale") && error.contains("- text␍"),
            "{error}"
        );
        assert!(!error.contains("missing"), "{error}");
    }

    #[test]
    fn a_killed_runs_temporary_files_are_removed_by_the_next_run() {
        let root = temp("leftover");
        fs::create_dir_all(&root).unwrap();
        // No process has this id (Linux's pid_max is at most 2^22).
        let leftover = root.join(".a.txt.xtask-4294967295.tmp");
        fs::write(&leftover, "half").unwrap();
        let mine = temp_path(&root.join("b.txt"));
        assert!(temp_pid(&mine.file_name().unwrap().to_string_lossy()) == Some(std::process::id()));
        let files = [Generated::new("a.txt", "whole\n")];
        let mut summary = Summary::default();
        apply(&root, &files, false, &mut summary).unwrap();
        assert!(!leftover.exists());
        assert_eq!(summary.removed, [leftover]);
        let names: Vec<_> = fs::read_dir(&root)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["a.txt"]);
    }

    #[test]
    fn sweep_finds_orphans_and_temporary_files() {
        let root = temp("sweep");
        fs::create_dir_all(root.join("it-IT")).unwrap();
        fs::create_dir_all(root.join("de-DE")).unwrap();
        fs::write(root.join("kept.md"), "").unwrap();
        fs::write(root.join("it-IT/page.md"), "").unwrap();
        fs::write(root.join("de-DE/page.md"), "").unwrap();
        fs::write(root.join("editor.tmp"), "").unwrap();
        let expected = [Path::new("kept.md"), Path::new("de-DE/page.md")];
        let error = sweep(&root, &expected, true, &mut Summary::default()).unwrap_err();
        assert!(error.contains("it-IT/page.md is not generated"), "{error}");
        assert!(error.contains("editor.tmp is a temporary file"), "{error}");
        assert!(
            !error.contains("kept.md") && !error.contains("de-DE"),
            "{error}"
        );
        // Writing reports orphans without deleting them, and leaves others' .tmp files alone.
        let mut summary = Summary::default();
        sweep(&root, &expected, false, &mut summary).unwrap();
        assert_eq!(summary.orphans, [root.join("it-IT/page.md")]);
        assert!(root.join("it-IT/page.md").exists() && root.join("editor.tmp").exists());
    }

    #[test]
    fn check_mode_fails_on_stale_files_and_writes_nothing() {
        let root = std::env::temp_dir().join(format!("xtask-codegen-{}", std::process::id()));
        let _ = fs::remove_dir_all(&root);
        let files = [Generated::new("sub/a.txt", "new\n")];

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
