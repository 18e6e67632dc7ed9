//! Commands and paths as messages show them: ones that work where the user is.
//!
//! `cargo xtask` is an alias of the workspace's `.cargo/config.toml`, which Cargo reads only
//! inside the workspace; run from elsewhere (`cargo run --manifest-path …`, or the binary
//! itself), a message that said "run `cargo xtask docs`" would name a command that does not
//! exist there, and a path relative to the workspace root would point nowhere.

use std::borrow::Cow;
use std::path::{Path, PathBuf};

/// `cargo <words>` as it runs from the current folder: as written inside the workspace;
/// elsewhere with the workspace's manifest (and `xtask` as the `cargo run` it stands for).
pub(crate) fn cargo(words: &[&str]) -> String {
    cargo_from(
        std::env::current_dir().ok().as_deref(),
        &crate::project_root(),
        words,
    )
}

fn cargo_from(cwd: Option<&Path>, root: &Path, words: &[&str]) -> String {
    let mut command = vec![Cow::Borrowed("cargo")];
    let mut words = words.iter().map(|w| word(w));
    if !cwd.is_some_and(|cwd| within(cwd, root)) {
        let manifest = Cow::Owned(word(&root.join("Cargo.toml").to_string_lossy()).into_owned());
        match words.next() {
            Some(first) if first == "xtask" => {
                command.extend(["run", "-q", "--manifest-path"].map(Cow::Borrowed));
                command.push(manifest);
                command.extend(["-p", "xtask", "--"].map(Cow::Borrowed));
            }
            Some(first) => command.extend([first, Cow::Borrowed("--manifest-path"), manifest]),
            None => {}
        }
    }
    command.extend(words);
    command.join(" ")
}

/// Whether `path` is `root` or inside it (both made absolute and free of `..` when they can be).
fn within(path: &Path, root: &Path) -> bool {
    let real = |p: &Path| p.canonicalize().unwrap_or_else(|_| p.to_path_buf());
    real(path).starts_with(real(root))
}

/// A path under the workspace root, as the user can use it: relative to the current folder
/// when it is inside it, absolute otherwise.
pub(crate) fn path(path: &Path) -> String {
    path_from(std::env::current_dir().ok().as_deref(), path)
}

fn path_from(cwd: Option<&Path>, path: &Path) -> String {
    let shown: PathBuf = match cwd {
        Some(cwd) if within(path, cwd) => {
            let real = |p: &Path| p.canonicalize().unwrap_or_else(|_| p.to_path_buf());
            real(path)
                .strip_prefix(real(cwd))
                .map_or_else(|_| path.to_path_buf(), Path::to_path_buf)
        }
        _ => path.to_path_buf(),
    };
    shown.display().to_string()
}

/// `text` as one shell word: as it is when it needs no quoting, single-quoted otherwise.
pub(crate) fn word(text: &str) -> Cow<'_, str> {
    let plain = |c: char| c.is_ascii_alphanumeric() || "@%+=:,./_-".contains(c);
    if !text.is_empty() && text.chars().all(plain) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(format!("'{}'", text.replace('\'', r"'\''")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_use_the_alias_inside_the_workspace_and_its_manifest_outside() {
        let root = crate::project_root();
        let inside = cargo_from(Some(&root.join("crates")), &root, &["xtask", "docs"]);
        assert_eq!(inside, "cargo xtask docs");
        let outside = std::env::temp_dir();
        let manifest = root.join("Cargo.toml");
        assert_eq!(
            cargo_from(
                Some(&outside),
                &root,
                &["xtask", "omnia-merge", "my file.json"]
            ),
            format!(
                "cargo run -q --manifest-path {} -p xtask -- omnia-merge 'my file.json'",
                word(&manifest.to_string_lossy())
            )
        );
        assert_eq!(
            cargo_from(Some(&outside), &root, &["test"]),
            format!(
                "cargo test --manifest-path {}",
                word(&manifest.to_string_lossy())
            )
        );
        assert_eq!(cargo_from(None, &root, &[]), "cargo");
    }

    #[test]
    fn paths_are_relative_to_the_current_folder_only_inside_it() {
        let root = crate::project_root();
        let lock = root.join("locales/locales.toml");
        assert_eq!(path_from(Some(&root), &lock), "locales/locales.toml");
        // A folder the file is not in, wherever the workspace is (a clone may be in the
        // temporary folder itself).
        let elsewhere = root.join("crates");
        assert_eq!(
            path_from(Some(&elsewhere), &lock),
            lock.display().to_string()
        );
        assert_eq!(path_from(None, &lock), lock.display().to_string());
    }

    #[test]
    fn words_are_quoted_when_a_shell_would_split_or_expand_them() {
        assert_eq!(word("docs/x-1.json"), "docs/x-1.json");
        assert_eq!(word("a b"), "'a b'");
        assert_eq!(word("it's"), r"'it'\''s'");
        assert_eq!(word("$HOME"), "'$HOME'");
        assert_eq!(word(""), "''");
    }
}
