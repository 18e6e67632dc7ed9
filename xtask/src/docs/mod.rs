//! `cargo xtask docs`: every generated file of the workspace, from the catalog, `locales/` and
//! `templates/`.
//!
//! Each artifact is registered once, in [`ARTIFACTS`] (rust-analyzer's codegen pattern): its
//! name (`--only NAME`), the folder its files are relative to and its generator. Writing,
//! `--check`, `--only`, `--locale` and the sweep for files no generator wrote all work from
//! that list and from what the generators return, so adding an artifact is its generator and
//! one line there (README: "How to add a generated file").

mod npm;
mod omnia;
mod openapi;
mod page;
mod tables;

use std::cell::OnceCell;
use std::path::{Path, PathBuf};

use omnia_errors_fluent::Localizer;
use omnia_errors_tooling::{DocTexts, Locales, Workspace};

use crate::codegen::{self, Generated, Summary};
use crate::flags::DocsOptions;

/// One generated artifact.
pub(crate) struct Artifact {
    /// Its name, for `--only NAME`.
    pub(crate) name: &'static str,
    /// What it is, for `cargo xtask docs --help`.
    pub(crate) what: &'static str,
    /// The folder its files' paths are relative to.
    pub(crate) root: Root,
    /// Its files, every locale's (`--locale` chooses which are written or checked).
    pub(crate) generate: fn(&Inputs) -> Result<Vec<Generated>, String>,
    /// A folder of the workspace it owns, if any.
    pub(crate) owns: Option<Owned>,
}

/// A folder an artifact owns: every file in it is one the artifact generates or one of
/// `hand_written` (relative to the folder); anything else is an orphan.
pub(crate) struct Owned {
    pub(crate) dir: &'static str,
    pub(crate) hand_written: &'static [&'static str],
}

impl Artifact {
    const fn new(
        name: &'static str,
        what: &'static str,
        root: Root,
        generate: fn(&Inputs) -> Result<Vec<Generated>, String>,
    ) -> Self {
        Self {
            name,
            what,
            root,
            generate,
            owns: None,
        }
    }

    /// The artifact, owning `dir` (a path of the workspace) with its `hand_written` files.
    const fn owning(mut self, dir: &'static str, hand_written: &'static [&'static str]) -> Self {
        self.owns = Some(Owned { dir, hand_written });
        self
    }
}

/// Where an artifact's files go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Root {
    /// `docs/` (or `--out DIR`): what is published.
    Docs,
    /// The workspace (or `--out DIR` too): the crates' generated sources and fixtures.
    Workspace,
}

/// Every generated file of the workspace, registered once, in the order they are generated.
#[rustfmt::skip] // One artifact a line.
pub(crate) const ARTIFACTS: &[Artifact] = &[
    Artifact::new("pages", "docs/<tag>/omnia3_api_errors.md and docs/preview/<tag>.html", Root::Docs, page::generate),
    Artifact::new("openapi", "docs/openapi/ (3.1, and 3.0.3 in docs/openapi/3.0/)", Root::Docs, openapi::generate),
    Artifact::new("utoipa-components", "crates/omnia-errors/openapi/components.json", Root::Workspace, openapi::components),
    Artifact::new("omnia", "docs/omnia/<tag>.json and docs/omnia/README.md", Root::Docs, omnia::generate),
    Artifact::new("messages", "docs/messages/<tag>.json", Root::Docs, omnia::catalogs),
    Artifact::new("embedded", "crates/omnia-errors-fluent/src/embedded.rs", Root::Workspace, embedded),
    Artifact::new("number-data", "crates/omnia-errors-fluent/src/number_data.rs", Root::Workspace, number_data),
    Artifact::new("conformance", "js/test/formatted.json", Root::Workspace, conformance),
    Artifact::new("npm", "js/omnia-errors/ (generated files) and js/test/negotiation.json", Root::Workspace, npm::generate)
        .owning(omnia_errors_tooling::npm::PACKAGE_DIR, &omnia_errors_tooling::npm::HAND_WRITTEN),
    Artifact::new("wasm-size-baseline", "xtask/wasm-size/fluent-bundle/src/locales.rs", Root::Workspace, crate::wasm_size::baseline),
    Artifact::new("codes-lock", "crates/omnia-errors/codes.lock", Root::Workspace, crate::codes::generate),
];

/// What the generators read, each part loaded the first time one asks for it (so that
/// `--only codes-lock` reads no Fluent file, and `--only embedded` no template).
pub(crate) struct Inputs {
    root: PathBuf,
    workspace: Workspace,
    locales: OnceCell<Result<Locales, String>>,
    texts: OnceCell<Result<DocTexts, String>>,
    localizer: OnceCell<Result<Localizer, String>>,
    templates: OnceCell<Result<page::Templates, String>>,
}

/// A lazily loaded input, or the error loading it gave.
fn loaded<T>(
    cell: &OnceCell<Result<T, String>>,
    load: impl FnOnce() -> Result<T, String>,
) -> Result<&T, String> {
    cell.get_or_init(load).as_ref().map_err(Clone::clone)
}

impl Inputs {
    pub(crate) fn new(root: &Path) -> Self {
        Self {
            root: root.to_owned(),
            workspace: Workspace::at(root),
            locales: OnceCell::new(),
            texts: OnceCell::new(),
            localizer: OnceCell::new(),
            templates: OnceCell::new(),
        }
    }

    /// The workspace root.
    pub(crate) fn root(&self) -> &Path {
        &self.root
    }

    /// The declared locales (`locales/locales.toml`) and their Fluent files, in the declared
    /// order.
    pub(crate) fn locales(&self) -> Result<&Locales, String> {
        loaded(&self.locales, || {
            self.workspace.locales().map_err(|e| e.to_string())
        })
    }

    /// Every locale's tag, in the declared order.
    pub(crate) fn tags(&self) -> Result<Vec<String>, String> {
        Ok(self.locales()?.tags().map(str::to_owned).collect())
    }

    /// The documentation texts.
    pub(crate) fn texts(&self) -> Result<&DocTexts, String> {
        loaded(&self.texts, || DocTexts::new(self.locales()?))
    }

    /// A localizer of the files on disk, not of the messages compiled into the runtime: those
    /// are the `embedded.rs` this very run may be regenerating (xtask builds the runtime
    /// without them).
    pub(crate) fn localizer(&self) -> Result<&Localizer, String> {
        loaded(&self.localizer, || {
            let locales = self.locales()?;
            let localizer = Localizer::builder()
                .declared(&locales.infos())
                .files(locales.files())
                .map_err(|e| e.to_string())?;
            Ok(localizer.build())
        })
    }

    /// The page templates.
    pub(crate) fn templates(&self) -> Result<&page::Templates, String> {
        loaded(&self.templates, || {
            page::Templates::load(&self.root.join("templates"))
        })
    }
}

/// The runtime crate's compiled messages.
fn embedded(inputs: &Inputs) -> Result<Vec<Generated>, String> {
    let contents =
        omnia_errors_tooling::embedded_rust(inputs.locales()?).map_err(|e| e.to_string())?;
    Ok(vec![Generated::new(
        "crates/omnia-errors-fluent/src/embedded.rs",
        contents,
    )])
}

/// The runtime crate's number data: ICU4X's, for the declared locales only.
fn number_data(inputs: &Inputs) -> Result<Vec<Generated>, String> {
    let contents =
        omnia_errors_tooling::number_data_rust(inputs.locales()?).map_err(|e| e.to_string())?;
    Ok(vec![Generated::new(
        "crates/omnia-errors-fluent/src/number_data.rs",
        contents,
    )])
}

/// The messages as the localizer formats them, which the npm package and `@fluent/bundle` must
/// match.
fn conformance(inputs: &Inputs) -> Result<Vec<Generated>, String> {
    let contents = omnia_errors_tooling::conformance_fixture(inputs.locales()?)?;
    Ok(vec![Generated::new("js/test/formatted.json", contents)])
}

/// Generates (or, with `--check`, verifies) every registered artifact, or those of `--only`.
///
/// With `--locale`, only those locales' files are written or checked; the files shared by every
/// locale (the OpenAPI fragment, `omnia/README.md`) are always whole, so a partial run never
/// truncates them. With `--out DIR`, every file goes under `DIR`, the workspace's generated
/// sources included (at `DIR/crates/...`), so that the source tree is left alone.
///
/// Without `--only`, `--check` also fails on files in the output folder that no generator
/// wrote (those of a removed locale, say) and on `*.tmp` leftovers; a run that writes lists the
/// former and removes the temporary files killed runs left. Every artifact runs even when one
/// fails, so that one run lists every problem.
pub(crate) fn generate(options: &DocsOptions) -> Result<Summary, String> {
    if let Some(out) = &options.out {
        writable_folder(out)?;
    }
    generate_at(&crate::project_root(), options)
}

/// [`generate`] for the workspace at `root`.
fn generate_at(root: &Path, options: &DocsOptions) -> Result<Summary, String> {
    let root = root.to_owned();
    let artifacts = selected_artifacts(&options.only)?;
    let inputs = Inputs::new(&root);
    let locales = selected_locales(&inputs.tags()?, &options.locales)?;
    let docs = options.out.clone().unwrap_or_else(|| root.join("docs"));
    // The workspace's files normally live in the workspace; under `--out`, with the rest.
    let workspace = options.out.clone().unwrap_or_else(|| root.clone());
    let mut summary = Summary {
        locales: locales.clone(),
        ..Summary::default()
    };
    let mut problems = Vec::new();
    let mut stale = false;
    let mut expected = Vec::new();
    let mut owned = Vec::new();
    for artifact in artifacts {
        let files = match (artifact.generate)(&inputs) {
            Ok(files) => files,
            Err(e) => {
                problems.push(format!("{}: {e}", artifact.name));
                continue;
            }
        };
        let dir = match artifact.root {
            Root::Docs => &docs,
            Root::Workspace => &workspace,
        };
        expected.extend(files.iter().map(|f| dir.join(&f.path)));
        owned.extend(&artifact.owns);
        let files: Vec<Generated> = files
            .into_iter()
            .filter(|f| f.locale.as_ref().is_none_or(|t| locales.contains(t)))
            .collect();
        if let Err(e) = codegen::apply(dir, &files, options.check, &mut summary) {
            // In check mode an error of `apply` is stale files.
            stale |= options.check;
            problems.push(e);
        }
    }
    // A folder an artifact owns holds only its files and the hand-written ones it names.
    for owns in owned {
        let dir = workspace.join(owns.dir);
        if let Err(e) = sweep_owned(owns, &dir, &expected, options, &mut summary) {
            problems.push(e);
        }
    }
    // The sweep of the output folder needs every artifact's files to tell an orphan.
    if options.only.is_empty() {
        let expected: Vec<&Path> = expected
            .iter()
            .filter_map(|p| p.strip_prefix(&docs).ok())
            .collect();
        if let Err(e) = codegen::sweep(&docs, &expected, options.check, &mut summary) {
            problems.push(e);
        }
    }
    if stale {
        problems.push(regenerate(options));
    }
    if problems.is_empty() {
        Ok(summary)
    } else {
        Err(problems.join("\n\n"))
    }
}

/// Sweeps a folder an artifact owns (`dir`, under the output): what is there must be among the
/// files generated (`expected`) or the artifact's hand-written ones.
fn sweep_owned(
    owns: &Owned,
    dir: &Path,
    expected: &[PathBuf],
    options: &DocsOptions,
    summary: &mut Summary,
) -> Result<(), String> {
    let mut mine: Vec<&Path> = expected
        .iter()
        .filter_map(|p| p.strip_prefix(dir).ok())
        .collect();
    mine.extend(owns.hand_written.iter().map(Path::new));
    codegen::sweep(dir, &mine, options.check, summary)
}

/// The artifacts `--only` names, or all of them; an unknown name is an error listing them.
fn selected_artifacts(only: &[String]) -> Result<Vec<&'static Artifact>, String> {
    if only.is_empty() {
        return Ok(ARTIFACTS.iter().collect());
    }
    only.iter()
        .map(|name| {
            ARTIFACTS.iter().find(|a| a.name == name).ok_or_else(|| {
                let names: Vec<&str> = ARTIFACTS.iter().map(|a| a.name).collect();
                format!(
                    "unknown artifact {name:?}; the artifacts are: {}",
                    names.join(", ")
                )
            })
        })
        .collect()
}

/// What to run to bring stale files up to date: the same run without `--check`, as a command
/// that works where the user is; the repository's own files are then to be committed, a
/// folder of `--out` is the user's.
fn regenerate(options: &DocsOptions) -> String {
    let mut words = vec!["xtask", "docs"];
    let out = options.out.as_ref().map(|out| out.to_string_lossy());
    if let Some(out) = &out {
        words.extend(["--out", out]);
    }
    for tag in &options.locales {
        words.extend(["--locale", tag]);
    }
    let command = crate::shell::cargo(&words);
    match out {
        None => format!("run `{command}` and commit the result"),
        Some(_) => format!("run `{command}` to write them"),
    }
}

/// Refuses an `--out` that is, or lies under, something other than a folder, before anything
/// is generated (writing would fail at the first file, naming a path inside it).
fn writable_folder(out: &Path) -> Result<(), String> {
    let Some((existing, meta)) = out
        .ancestors()
        .filter(|a| !a.as_os_str().is_empty())
        .find_map(|a| std::fs::metadata(a).ok().map(|meta| (a, meta)))
    else {
        return Ok(());
    };
    match (meta.is_dir(), existing == out) {
        (true, _) => Ok(()),
        (false, true) => Err(format!(
            "--out {} is not a directory (a file is there); give the folder to write into, new or existing",
            out.display()
        )),
        (false, false) => Err(format!(
            "--out {}: {} is not a directory (a file is there), so no folder can be made under it",
            out.display(),
            existing.display()
        )),
    }
}

/// The locales asked for, or all of them; an unknown tag is an error listing the known ones.
fn selected_locales(available: &[String], requested: &[String]) -> Result<Vec<String>, String> {
    if requested.is_empty() {
        return Ok(available.to_vec());
    }
    for tag in requested {
        if !available.contains(tag) {
            return Err(format!(
                "unknown locale {tag:?}; the locales are: {}",
                available.join(", ")
            ));
        }
    }
    Ok(requested.to_vec())
}

/// The inputs of the repository, for tests.
#[cfg(test)]
pub(crate) fn test_inputs() -> Inputs {
    Inputs::new(&crate::project_root())
}

/// A localizer of the repository's `locales/` as they are on disk, for tests (xtask builds
/// without the embedded messages, which it regenerates).
#[cfg(test)]
pub(crate) fn test_localizer() -> Localizer {
    test_inputs().localizer().unwrap().clone()
}

/// The documentation texts of the repository's `locales/`, for tests.
#[cfg(test)]
pub(crate) fn test_texts() -> DocTexts {
    let locales = Workspace::at(crate::project_root()).locales().unwrap();
    DocTexts::new(&locales).unwrap()
}

/// Where a locale's page goes: the source's at the top, translations in a folder of their tag.
fn page_dir(tag: &str, source: &str) -> PathBuf {
    if tag == source {
        PathBuf::new()
    } else {
        PathBuf::from(tag)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use omnia_errors_tooling::LanguageFile;

    /// The rust-analyzer pattern: `cargo test` alone catches a generated file left stale.
    #[test]
    fn generated_files_are_up_to_date() {
        let options = DocsOptions {
            check: true,
            ..DocsOptions::default()
        };
        if let Err(error) = generate(&options) {
            panic!("{error}");
        }
    }

    fn temp_out(name: &str) -> PathBuf {
        let out = std::env::temp_dir().join(format!("xtask-docs-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&out);
        out
    }

    #[test]
    fn one_locale_keeps_the_shared_readme_whole() {
        let one = |out: Option<PathBuf>, check| DocsOptions {
            check,
            out,
            locales: vec!["pt-PT".into()],
            ..DocsOptions::default()
        };
        if let Err(error) = generate(&one(None, true)) {
            panic!("{error}");
        }
        let out = temp_out("one");
        generate(&one(Some(out.clone()), false)).unwrap();
        let readme = std::fs::read_to_string(out.join("omnia/README.md")).unwrap();
        let committed =
            std::fs::read_to_string(crate::project_root().join("docs/omnia/README.md")).unwrap();
        assert_eq!(readme, committed);
        assert!(!out.join("omnia/de-DE.json").exists());
        assert!(out.join("omnia/pt-PT.json").exists());
        let _ = std::fs::remove_dir_all(&out);
    }

    #[test]
    fn out_puts_every_file_under_it_and_check_finds_strays() {
        let out = temp_out("all");
        let options = |check, locales: &[&str]| DocsOptions {
            check,
            out: Some(out.clone()),
            locales: locales.iter().map(|&t| t.to_owned()).collect(),
            ..DocsOptions::default()
        };
        let summary = generate(&options(false, &[])).unwrap();
        assert!(summary.written.iter().all(|p| p.starts_with(&out)));
        assert!(
            out.join("crates/omnia-errors/openapi/components.json")
                .is_file()
        );
        generate(&options(true, &[])).unwrap();

        // A locale that no longer exists.
        std::fs::create_dir_all(out.join("it-IT")).unwrap();
        std::fs::write(out.join("it-IT/omnia3_api_errors.md"), "old").unwrap();
        let error = generate(&options(true, &[])).err().unwrap_or_default();
        assert!(
            error.contains("it-IT/omnia3_api_errors.md is not generated"),
            "{error}"
        );
        let error = generate(&options(true, &["pt-PT"]))
            .err()
            .unwrap_or_default();
        assert!(
            error.contains("it-IT/omnia3_api_errors.md is not generated"),
            "{error}"
        );
        std::fs::remove_dir_all(out.join("it-IT")).unwrap();

        // Another run's temporary file.
        let temp = out.join("openapi/.errors.json.12345.tmp");
        std::fs::write(&temp, "half").unwrap();
        let error = generate(&options(true, &[])).err().unwrap_or_default();
        assert!(
            error.contains(".errors.json.12345.tmp is a temporary file"),
            "{error}"
        );
        std::fs::remove_file(&temp).unwrap();

        // The files of the locales not asked for are no orphans.
        generate(&options(true, &["de-DE"])).unwrap();
        let _ = std::fs::remove_dir_all(&out);
    }

    #[test]
    fn unknown_locales_and_artifacts_are_refused_with_the_list() {
        let tags = test_inputs().tags().unwrap();
        let error = selected_locales(&tags, &["pt-AO".into()]).unwrap_err();
        assert!(
            error.contains("\"pt-AO\"") && error.contains("pt-PT"),
            "{error}"
        );
        let error = generate(&DocsOptions {
            only: vec!["page".into()],
            ..DocsOptions::default()
        })
        .err()
        .unwrap_or_default();
        assert!(
            error.contains("unknown artifact \"page\"") && error.contains("pages, openapi"),
            "{error}"
        );
    }

    /// Copies the folder `from` into `to`, recursively.
    fn copy_tree(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).unwrap();
        for entry in std::fs::read_dir(from).unwrap() {
            let entry = entry.unwrap();
            let target = to.join(entry.file_name());
            if entry.file_type().unwrap().is_dir() {
                copy_tree(&entry.path(), &target);
            } else {
                std::fs::copy(entry.path(), target).unwrap();
            }
        }
    }

    /// `locales/locales.toml` declares a language, and only it: on a scratch copy of the tree,
    /// `cargo xtask new-locale it-IT`, its translations (here: the English uncommented) and its
    /// names in the declaration are all it takes for every export, page, preview, the compiled
    /// messages, the conformance fixture and the WebAssembly size baseline to have it.
    #[test]
    fn a_new_locale_follows_from_new_locale_and_its_translations_alone() {
        let scratch = temp_out("new-locale");
        let repo = crate::project_root();
        for dir in ["locales", "templates"] {
            copy_tree(&repo.join(dir), &scratch.join(dir));
        }
        crate::new_locale::run(&scratch, "it-IT").unwrap();
        crate::new_locale::translate(&scratch.join("locales/it-IT"));
        // The translator names the language where new-locale declared it.
        let declaration = scratch.join("locales/locales.toml");
        let text = std::fs::read_to_string(&declaration).unwrap();
        let named = text
            .replace(
                "native-name = \"it-IT\"",
                "native-name = \"Italiano (Italia)\"",
            )
            .replace(
                "english-name = \"it-IT\"",
                "english-name = \"Italian (Italy)\"",
            );
        assert_ne!(named, text);
        std::fs::write(&declaration, named).unwrap();

        let summary = generate_at(&scratch, &DocsOptions::default()).unwrap();
        assert!(
            summary.locales.last().is_some_and(|t| t == "it-IT"),
            "{summary}"
        );
        // Consistent: a check finds nothing stale and no orphan.
        let check = DocsOptions {
            check: true,
            ..DocsOptions::default()
        };
        if let Err(error) = generate_at(&scratch, &check) {
            panic!("{error}");
        }
        let read = |path: &str| std::fs::read_to_string(scratch.join(path)).unwrap();
        assert!(
            read("docs/it-IT/omnia3_api_errors.md")
                .contains("permalink: it-IT/omnia3_api_errors.html")
        );
        assert!(read("docs/preview/it-IT.html").contains("lang=\"it-IT\""));
        let omnia = LanguageFile::from_json(&read("docs/omnia/it-IT.json")).unwrap();
        assert_eq!(
            (omnia.name.as_str(), omnia.description.as_str()),
            ("ITIT", "Italiano (Italia)")
        );
        assert!(read("docs/omnia/README.md").contains("\n## it-IT\n"));
        assert!(read("docs/messages/it-IT.json").contains("\"locale\": \"it-IT\""));
        assert!(
            read("crates/omnia-errors-fluent/src/embedded.rs")
                .contains("LocaleInfo { tag: \"it-IT\", native_name: \"Italiano (Italia)\"")
        );
        // Its numbers and plural rules: ICU4X's data for the new locale.
        assert!(
            read("crates/omnia-errors-fluent/src/number_data.rs")
                .contains("(\"it-IT\", NumberData {")
        );
        assert!(read("js/test/formatted.json").contains("{\"locale\": \"it-IT\""));
        assert!(read("js/omnia-errors/catalog.js").contains("nativeName: \"Italiano (Italia)\""));
        assert!(read("js/omnia-errors/messages/it-IT.js").contains("locale: \"it-IT\""));
        assert!(read("js/omnia-errors/package.json").contains("\"messages/it-IT.js\""));
        assert!(
            read("xtask/wasm-size/fluent-bundle/src/locales.rs")
                .contains("(\"it-IT\", include_str!(\"../../../../locales/it-IT/errors.ftl\"))")
        );
        // Every per-locale file the repository has for pl-PL, the scratch copy has for it-IT.
        let mut per_locale = Vec::new();
        for artifact in ARTIFACTS {
            for file in (artifact.generate)(&test_inputs()).unwrap() {
                if file.locale.as_deref() == Some("pl-PL") {
                    per_locale.push((artifact.root, file.path));
                }
            }
        }
        assert!(!per_locale.is_empty());
        for (root, path) in per_locale {
            let path = PathBuf::from(path.to_string_lossy().replace("pl-PL", "it-IT"));
            let dir = match root {
                Root::Docs => scratch.join("docs"),
                Root::Workspace => scratch.clone(),
            };
            assert!(dir.join(&path).is_file(), "{}", path.display());
        }
        let _ = std::fs::remove_dir_all(&scratch);
    }

    #[test]
    fn a_stray_file_in_an_owned_folder_is_an_orphan_and_hand_written_files_are_not() {
        let out = temp_out("owned");
        let options = |check| DocsOptions {
            check,
            out: Some(out.clone()),
            only: vec!["npm".into()],
            ..DocsOptions::default()
        };
        generate(&options(false)).unwrap();
        let package = out.join(omnia_errors_tooling::npm::PACKAGE_DIR);
        std::fs::write(package.join("index.js"), "// by hand\n").unwrap();
        generate(&options(true)).unwrap();
        std::fs::write(package.join("omnia-errors-0.1.0.tgz"), "packed").unwrap();
        let error = generate(&options(true)).err().unwrap_or_default();
        assert!(
            error.contains("omnia-errors-0.1.0.tgz is not generated"),
            "{error}"
        );
        assert!(!error.contains("index.js"), "{error}");
        let _ = std::fs::remove_dir_all(&out);
    }

    #[test]
    fn every_artifact_is_named_once_and_generates_deterministically() {
        let mut names: Vec<&str> = ARTIFACTS.iter().map(|a| a.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), ARTIFACTS.len(), "an artifact name is repeated");
        let (first, second) = (test_inputs(), test_inputs());
        for artifact in ARTIFACTS {
            let a = (artifact.generate)(&first).unwrap();
            let b = (artifact.generate)(&second).unwrap();
            assert!(!a.is_empty(), "{} generates nothing", artifact.name);
            assert!(
                a.iter()
                    .zip(&b)
                    .all(|(a, b)| a.path == b.path && a.contents == b.contents),
                "{}",
                artifact.name
            );
        }
    }

    #[test]
    fn only_writes_the_artifacts_named() {
        let out = temp_out("only");
        let options = |check, only: &[&str]| DocsOptions {
            check,
            out: Some(out.clone()),
            only: only.iter().map(|&n| n.to_owned()).collect(),
            ..DocsOptions::default()
        };
        let summary = generate(&options(false, &["embedded", "codes-lock"])).unwrap();
        let mut written: Vec<&Path> = summary
            .written
            .iter()
            .map(|p| p.strip_prefix(&out).unwrap())
            .collect();
        written.sort();
        assert_eq!(
            written,
            [
                Path::new("crates/omnia-errors/codes.lock"),
                Path::new("crates/omnia-errors-fluent/src/embedded.rs"),
            ]
        );
        // The other artifacts are not there, and `--only` does not call their files orphans.
        generate(&options(true, &["embedded"])).unwrap();
        let error = generate(&options(true, &["pages"]))
            .err()
            .unwrap_or_default();
        assert!(error.contains("omnia3_api_errors.md is missing"), "{error}");
        let _ = std::fs::remove_dir_all(&out);
    }
}
