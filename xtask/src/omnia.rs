//! `cargo xtask omnia-merge` and `cargo xtask omnia-compare`: our error messages in OMNIA's own
//! language files.

use std::fmt::Write as _;
use std::path::Path;

use omnia_errors_fluent::LocaleFiles;
use omnia_errors_tooling::{LanguageFile, Workspace, compare_language_file, export_language_file};

/// What a merge did, for the report.
#[derive(Debug)]
pub(crate) struct Merged {
    /// The merged file, in OMNIA's layout (ending with a newline only if the input did).
    pub(crate) json: String,
    /// The file's culture and the report: added and changed names, texts kept.
    pub(crate) report: String,
}

/// Merges our texts of the file's culture into `json` (an OMNIA language file).
pub(crate) fn merge_json(locales: &[LocaleFiles], json: &str) -> Result<Merged, String> {
    let mut file = LanguageFile::from_json(json).map_err(|e| e.to_string())?;
    let ours = export_language_file(locales, &file.culture).map_err(|e| e.to_string())?;
    let before = file.texts.len();
    let (added, changed) = file.merge_texts(&ours.file);
    let mut merged = file.to_json();
    // Keep the file's own ending: OMNIA writes none, an editor may have added one.
    if json.ends_with('\n') {
        merged.push('\n');
    }
    let mut report = format!(
        "{}: {} of our {} error messages added, {} changed; the file's other {} text(s) kept as they were",
        ours.file.culture,
        added.len(),
        ours.file.texts.len(),
        changed.len(),
        before - (ours.file.texts.len() - added.len()),
    );
    for name in &added {
        let _ = write!(report, "\n  added {name}");
    }
    for difference in &changed {
        let _ = write!(
            report,
            "\n  changed {}: {:?} -> {:?}",
            difference.name, difference.theirs, difference.ours
        );
    }
    Ok(Merged {
        json: merged,
        report,
    })
}

/// `cargo xtask omnia-merge <file> [--out <file>]`.
pub(crate) fn merge(file: &Path, out: Option<&Path>) -> Result<String, String> {
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
fn locales() -> Result<Vec<LocaleFiles>, String> {
    Workspace::at(crate::project_root())
        .locale_files()
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

        let report = merge(&copy, None).unwrap();
        assert!(report.contains("pt-PT: 19 of our 38 error messages added, 18 changed; the file's other 122 text(s) kept"), "{report}");
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
        let report = merge(&fixture("ESES.json"), Some(&out)).unwrap();
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
        let error = merge(&file, None).unwrap_err();
        assert!(
            error.contains("\"ja-JP\"") && error.contains("pt-PT"),
            "{error}"
        );
        assert_eq!(std::fs::read_to_string(&file).unwrap(), json);
        let error = merge(&dir.join("missing.json"), None).unwrap_err();
        assert!(error.starts_with("cannot read"), "{error}");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
