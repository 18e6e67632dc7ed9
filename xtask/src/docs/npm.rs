//! The npm package `js/omnia-errors/` (its generated files; the rest is hand-written) and the
//! negotiation fixture of its tests, `js/test/negotiation.json`.

use std::path::{Path, PathBuf};

use omnia_errors_fluent::Localizer;
use omnia_errors_tooling::Workspace;
use omnia_errors_tooling::npm::{self, HAND_WRITTEN, PACKAGE_DIR};

use crate::codegen::{self, Generated, Summary};

/// The negotiation fixture the package's tests read.
pub(crate) const NEGOTIATION_FIXTURE: &str = "js/test/negotiation.json";

/// Writes (or, with `check`, verifies) the package's generated files and the fixture under
/// `root`, and fails on files in the package's folder that are neither generated nor among its
/// hand-written ones.
pub(crate) fn generate(
    workspace: &Workspace,
    localizer: &Localizer,
    components: &Generated,
    root: &Path,
    check: bool,
    summary: &mut Summary,
) -> Result<(), String> {
    let files = files(workspace, localizer, components)?;
    let mut problems = Vec::new();
    if let Err(e) = codegen::apply(root, &files, check, summary) {
        problems.push(e);
    }
    if let Err(e) = sweep(root, &files, check, summary) {
        problems.push(e);
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n\n"))
    }
}

/// The package's generated files and the negotiation fixture, relative to the workspace root;
/// `components` is the generated `crates/omnia-errors/openapi/components.json`.
pub(crate) fn files(
    workspace: &Workspace,
    localizer: &Localizer,
    components: &Generated,
) -> Result<Vec<Generated>, String> {
    let components = serde_json::from_str(&components.contents).map_err(|e| e.to_string())?;
    let mut files: Vec<Generated> = npm::npm_package(workspace, &components)?
        .into_iter()
        .map(|(path, contents)| Generated { path, contents })
        .collect();
    files.push(Generated {
        path: PathBuf::from(NEGOTIATION_FIXTURE),
        contents: npm::negotiation_fixture(localizer),
    });
    Ok(files)
}

/// Files in the package's folder under `root` that are neither among `files` nor hand-written.
pub(crate) fn sweep(
    root: &Path,
    files: &[Generated],
    check: bool,
    summary: &mut Summary,
) -> Result<(), String> {
    let package = Path::new(PACKAGE_DIR);
    let mut expected: Vec<PathBuf> = files
        .iter()
        .filter_map(|f| f.path.strip_prefix(package).ok().map(Path::to_path_buf))
        .collect();
    expected.extend(HAND_WRITTEN.iter().map(PathBuf::from));
    let expected: Vec<&Path> = expected.iter().map(PathBuf::as_path).collect();
    codegen::sweep(&root.join(package), &expected, &|_| false, check, summary)
}

/// Whether `path` (relative to an output folder) is this module's: the package and the
/// fixture, which the sweep of `docs/` under `--out` must not take for orphans.
pub(crate) fn owns(path: &Path) -> bool {
    path.starts_with(PACKAGE_DIR) || path == Path::new(NEGOTIATION_FIXTURE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stray_file_in_the_package_is_an_orphan_and_hand_written_files_are_not() {
        let out = std::env::temp_dir().join(format!("xtask-npm-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&out);
        let workspace = Workspace::current();
        let localizer = Localizer::embedded();
        let components = Generated {
            path: PathBuf::new(),
            contents: std::fs::read_to_string(
                crate::project_root().join("crates/omnia-errors/openapi/components.json"),
            )
            .unwrap(),
        };
        let run = |check| {
            generate(
                &workspace,
                &localizer,
                &components,
                &out,
                check,
                &mut Summary::default(),
            )
        };
        run(false).unwrap();
        let package = out.join(PACKAGE_DIR);
        std::fs::write(package.join("index.js"), "// by hand\n").unwrap();
        run(true).unwrap();
        std::fs::write(package.join("omnia-errors-0.1.0.tgz"), "packed").unwrap();
        let error = run(true).unwrap_err();
        assert!(
            error.contains("omnia-errors-0.1.0.tgz is not generated"),
            "{error}"
        );
        assert!(!error.contains("index.js"), "{error}");
        let _ = std::fs::remove_dir_all(&out);
    }
}
