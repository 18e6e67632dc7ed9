//! `cargo xtask omnia-merge` and `cargo xtask omnia-compare`: our error messages in OMNIA's own
//! language files.

use std::fmt::Write as _;
use std::path::Path;

use omnia_errors_tooling::{
    LanguageFile, Locales, Workspace, compare_language_file, export_language_file, merge_into_text,
};

/// What a merge did, for the report.
#[derive(Debug)]
pub(crate) struct Merged {
    /// The merged file: the input with only the added and changed texts written into it.
    pub(crate) json: String,
    /// The file's culture and the report: added and changed names, texts kept.
    pub(crate) report: String,
}

/// Merges our texts of the file's culture into `json` (an OMNIA language file), writing only
/// what changes ([`merge_into_text`]).
pub(crate) fn merge_json(locales: &Locales, json: &str) -> Result<Merged, String> {
    let culture = LanguageFile::from_json(json)
        .map_err(|e| e.to_string())?
        .culture;
    let ours = export_language_file(locales, &culture).map_err(|e| e.to_string())?;
    let merged = merge_into_text(json, &ours.file).map_err(|e| e.to_string())?;
    let mut report = format!(
        "{}: {} of our {} error messages added, {} changed; the file's other {} text(s) kept as they were",
        ours.file.culture,
        merged.added.len(),
        ours.file.texts.len(),
        merged.changed.len(),
        merged
            .file
            .texts
            .len()
            .saturating_sub(ours.file.texts.len()),
    );
    for name in &merged.added {
        let _ = write!(report, "\n  added {name}");
    }
    for difference in &merged.changed {
        let _ = write!(
            report,
            "\n  changed {}: {:?} -> {:?}",
            difference.name, difference.theirs, difference.ours
        );
    }
    Ok(Merged {
        json: merged.json,
        report,
    })
}

/// `cargo xtask omnia-merge <file> [--out <file> [--force]]`.
///
/// In place, a symbolic link is written through: its target gets the merged text (atomically,
/// in the target's folder) and the link stays a link. `--out` refuses an existing file unless
/// `force`.
pub(crate) fn merge(file: &Path, out: Option<&Path>, force: bool) -> Result<String, String> {
    if let Some(out) = out.filter(|_| !force) {
        // `symlink_metadata`: a dangling link is something that exists too.
        if out.symlink_metadata().is_ok() {
            return Err(format!(
                "{} exists; merge into another file, or add --force to replace it",
                out.display()
            ));
        }
    }
    let json = read(file)?;
    let merged = merge_json(&locales()?, &json).map_err(|e| format!("{}: {e}", file.display()))?;
    let target = out.unwrap_or(file);
    crate::codegen::write_atomic(target, &merged.json)?;
    Ok(format!("wrote {}\n{}", target.display(), merged.report))
}

/// `cargo xtask omnia-compare [--check] <file>`: the comparison, and with `check` an error when
/// our error messages differ.
pub(crate) fn compare(file: &Path, check: bool) -> Result<String, String> {
    let json = read(file)?;
    let comparison = compare_language_file(&locales()?, &json)
        .map_err(|e| format!("{}: {e}", file.display()))?;
    if check && !comparison.is_empty() {
        let merge = crate::shell::cargo(&["xtask", "omnia-merge", &file.to_string_lossy()]);
        return Err(format!(
            "{}: {comparison}\nrun `{merge}` to write our error messages into it",
            file.display(),
        ));
    }
    Ok(format!("{}: {comparison}", file.display()))
}

fn read(file: &Path) -> Result<String, String> {
    std::fs::read_to_string(file).map_err(|e| format!("cannot read {}: {e}", file.display()))
}

/// The repository's `locales/`.
fn locales() -> Result<Locales, String> {
    Workspace::at(crate::project_root())
        .locales()
        .map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn fixture(name: &str) -> PathBuf {
        crate::project_root()
            .join("crates/omnia-errors-tooling/tests/fixtures/omnia3-samples")
            .join(name)
    }

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("xtask-omnia-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn merging_omnias_ptpt_in_place_then_compare_check_passes() {
        let dir = scratch("in-place");
        let copy = dir.join("PTPT.json");
        std::fs::copy(fixture("PTPT.json"), &copy).unwrap();
        // The original file is not ours: --check fails and says what to run.
        let error = compare(&copy, true).unwrap_err();
        assert!(error.contains("cargo xtask omnia-merge"), "{error}");
        assert!(
            error.contains("ErrorMessage_TextMaxLengthMismatch: missing in the file"),
            "{error}"
        );

        let report = merge(&copy, None, false).unwrap();
        // OMNIA's file has 19 of our codes, 18 of them with other texts; its other 122 texts
        // are not ours.
        let count = omnia_errors::AnyCode::COUNT;
        let added = format!(
            "pt-PT: {} of our {count} error messages added, 18 changed; the file's other 122 text(s) kept",
            count - 19
        );
        assert!(report.contains(&added), "{report}");
        assert!(
            report.contains("changed ErrorMessage_TypeMismatch"),
            "{report}"
        );
        let ok = compare(&copy, true).unwrap();
        assert!(
            ok.contains("the file has exactly our error messages"),
            "{ok}"
        );
        // No temporary file is left behind.
        let names: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["PTPT.json"]);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn merging_to_out_leaves_the_input_alone() {
        let dir = scratch("out");
        let out = dir.join("merged.json");
        let original = std::fs::read_to_string(fixture("ESES.json")).unwrap();
        let report = merge(&fixture("ESES.json"), Some(&out), false).unwrap();
        assert!(report.contains("es-ES:"), "{report}");
        assert_eq!(
            std::fs::read_to_string(fixture("ESES.json")).unwrap(),
            original
        );
        let merged = std::fs::read_to_string(&out).unwrap();
        // OMNIA's layout: tabs, no final newline (as the input), the file's own name kept.
        assert!(
            merged
                .starts_with("{\n\t\"name\": \"ESES\",\n\t\"description\": \"Español (España)\",")
        );
        assert!(!merged.ends_with('\n'));
        assert!(compare(&out, true).is_ok());
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_file_of_a_culture_we_do_not_have_is_refused_and_not_written() {
        let dir = scratch("unknown");
        let file = dir.join("JAJP.json");
        let json = "{\"name\": \"JAJP\", \"culture\": \"ja-JP\", \"texts\": []}";
        std::fs::write(&file, json).unwrap();
        let error = merge(&file, None, false).unwrap_err();
        assert!(
            error.contains("\"ja-JP\"") && error.contains("pt-PT"),
            "{error}"
        );
        assert_eq!(std::fs::read_to_string(&file).unwrap(), json);
        let error = merge(&dir.join("missing.json"), None, false).unwrap_err();
        assert!(error.starts_with("cannot read"), "{error}");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[cfg(unix)]
    #[test]
    fn merging_through_a_link_writes_its_target_and_keeps_the_link() {
        use std::os::unix::fs::{PermissionsExt as _, symlink};
        let dir = scratch("link");
        let real_dir = dir.join("app/languages");
        std::fs::create_dir_all(&real_dir).unwrap();
        let real = real_dir.join("PTPT.json");
        std::fs::copy(fixture("PTPT.json"), &real).unwrap();
        std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o640)).unwrap();
        // A chain: link.json -> languages -> the real file, both relative.
        symlink("app/languages/PTPT.json", dir.join("languages.json")).unwrap();
        symlink("languages.json", dir.join("link.json")).unwrap();

        let report = merge(&dir.join("link.json"), None, false).unwrap();
        assert!(report.contains("pt-PT:"), "{report}");
        for link in ["link.json", "languages.json"] {
            let metadata = std::fs::symlink_metadata(dir.join(link)).unwrap();
            assert!(metadata.file_type().is_symlink(), "{link} is still a link");
        }
        assert_eq!(
            std::fs::read_link(dir.join("link.json")).unwrap(),
            PathBuf::from("languages.json")
        );
        // The real file got the merge, kept its permissions, and left no temporary file.
        assert!(compare(&real, true).is_ok());
        let mode = std::fs::metadata(&real).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
        let names: Vec<_> = std::fs::read_dir(&real_dir)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["PTPT.json"]);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[cfg(unix)]
    #[test]
    fn a_loop_of_links_is_an_error_and_nothing_is_written() {
        use std::os::unix::fs::symlink;
        let dir = scratch("loop");
        symlink("b.json", dir.join("a.json")).unwrap();
        symlink("a.json", dir.join("b.json")).unwrap();
        let error = crate::codegen::write_atomic(&dir.join("a.json"), "{}").unwrap_err();
        assert!(error.contains("symbolic links"), "{error}");
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 2);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn out_refuses_an_existing_file_unless_forced() {
        let dir = scratch("exists");
        let out = dir.join("unrelated.json");
        std::fs::write(&out, "not ours").unwrap();
        let error = merge(&fixture("ESES.json"), Some(&out), false).unwrap_err();
        assert!(
            error.contains("exists") && error.contains("--force"),
            "{error}"
        );
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "not ours");
        // A dangling link is something that exists, too.
        #[cfg(unix)]
        {
            let dangling = dir.join("dangling.json");
            std::os::unix::fs::symlink("nowhere.json", &dangling).unwrap();
            assert!(merge(&fixture("ESES.json"), Some(&dangling), false).is_err());
        }
        let report = merge(&fixture("ESES.json"), Some(&out), true).unwrap();
        assert!(report.starts_with("wrote "), "{report}");
        assert!(compare(&out, true).is_ok());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
