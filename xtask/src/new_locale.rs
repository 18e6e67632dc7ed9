//! `cargo xtask new-locale <tag>`: a new locale's Fluent files with every message id, the
//! English source beside each, so a translator starts from a complete list.
//!
//! The messages are written commented out: an untranslated message is then *missing* (the
//! locale tests list each one, and at run time it falls back to en-US), never English text
//! silently shipped as a translation.

use std::fmt::Write as _;
use std::path::Path;

use icu_locale_core::LanguageIdentifier;
use omnia_errors_tooling::Workspace;

use crate::codegen::{self, Generated, Summary};

/// Scaffolds `locales/<tag>/` under `root` from `locales/en-US/`.
///
/// Refuses, before writing anything, a tag that is not a language tag, `und` (no language),
/// a pseudo-locale or other private-use region (`en-XA`, `ar-XB`: the localizer makes those
/// from en-US at run time), a tag not written the canonical way (`en-us`: write `en-US`), and
/// a locale whose folder already exists, in any case.
pub(crate) fn run(root: &Path, tag_arg: &str) -> Result<String, String> {
    let langid: LanguageIdentifier = tag_arg.parse().map_err(|_| {
        format!("{tag_arg:?} is not a BCP 47 language tag; expected something like pt-PT or de-CH")
    })?;
    let tag = langid.to_string();
    refuse_special(tag_arg, &langid)?;
    if tag != tag_arg {
        // A folder named in another case would be a second copy of the locale on
        // case-sensitive file systems, and the same folder elsewhere.
        return Err(format!(
            "{tag_arg:?} is not written the canonical way; write it as {tag:?}"
        ));
    }
    let locales = root.join("locales");
    let target = locales.join(&tag);
    if target.exists() {
        return Err(format!("{} already exists", target.display()));
    }
    if let Ok(entries) = std::fs::read_dir(&locales) {
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.eq_ignore_ascii_case(&tag) {
                return Err(format!(
                    "{tag} already exists as {}: rename that folder to {tag} instead",
                    crate::shell::path(&entry.path())
                ));
            }
        }
    }
    // The declared source locale is what a translation starts from.
    let declared = Workspace::at(root).locales().map_err(|e| e.to_string())?;
    let source = &declared.files()[0];
    let files: Vec<Generated> = source
        .files
        .iter()
        .map(|file| {
            Generated::new(
                Path::new(&tag).join(&file.name),
                scaffold(&tag, &source.tag, &file.name, &file.text),
            )
        })
        .collect();
    let mut summary = Summary::default();
    codegen::apply(&locales, &files, false, &mut summary)?;
    declare(&locales.join("locales.toml"), &tag)?;
    let (declared, folder) = (
        crate::shell::path(&locales.join("locales.toml")),
        crate::shell::path(&target),
    );
    let (test, docs) = (
        crate::shell::cargo(&["test"]),
        crate::shell::cargo(&["xtask", "docs"]),
    );
    Ok(format!(
        "{summary}\ndeclared {tag} at the end of {declared}\nNext: give it its names there, translate every message of {folder}/ (remove the \"# \" before it), then run `{test}`: it lists what is still missing or wrong, and `{docs}` compiles it in."
    ))
}

/// Appends the locale to the declared set, last in negotiation preference; its names start as
/// its tag, for the translator to write.
fn declare(path: &Path, tag: &str) -> Result<(), String> {
    use std::io::Write as _;
    let omnia = tag.replace('-', "").to_ascii_uppercase();
    let entry = format!(
        "\n[[locale]]\ntag = \"{tag}\"\nnative-name = \"{tag}\"\nenglish-name = \"{tag}\"\nomnia-name = \"{omnia}\"\n"
    );
    std::fs::OpenOptions::new()
        .append(true)
        .create(true)
        .open(path)
        .and_then(|mut file| file.write_all(entry.as_bytes()))
        .map_err(|e| format!("cannot declare {tag} in {}: {e}", path.display()))
}

/// Refuses tags no translation should have: `und`, and private-use regions (RFC 5646 §2.2.4:
/// AA, QM-QZ, XA-XZ, ZZ), among them the pseudo-locales' XA and XB.
fn refuse_special(tag_arg: &str, langid: &LanguageIdentifier) -> Result<(), String> {
    if langid.language.is_unknown() {
        return Err(format!(
            "{tag_arg:?} has the undetermined language `und`; name the language, e.g. it-IT"
        ));
    }
    if let Some(region) = langid.region {
        let region = region.as_str().to_ascii_uppercase();
        if matches!(region.as_str(), "XA" | "XB") {
            return Err(format!(
                "{tag_arg:?} is a pseudo-locale's tag: the localizer generates en-XA and ar-XB from en-US at run time; they have no folder"
            ));
        }
        let bytes = region.as_bytes();
        let private = region == "AA"
            || region == "ZZ"
            || (bytes.len() == 2 && bytes[0] == b'X')
            || (bytes.len() == 2 && bytes[0] == b'Q' && bytes[1] >= b'M');
        if private {
            return Err(format!(
                "{tag_arg:?} has a private-use region ({region}), which no real locale has; use a country code, e.g. it-IT"
            ));
        }
    }
    Ok(())
}

/// The source locale's file with its header replaced and every message commented out.
fn scaffold(tag: &str, source_tag: &str, name: &str, source: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "### {tag} translation of locales/{source_tag}/{name}, scaffolded by `cargo xtask new-locale {tag}`.\n\
         ### Each message is below in English, commented out: remove the \"# \" before its lines and\n\
         ### translate it. Keep the ids, the attributes and the $variables; select on numbers by this\n\
         ### language's plural categories. `cargo test` lists every message still missing."
    );
    for line in source.lines() {
        if line.starts_with("###") {
            continue;
        }
        if line.is_empty() || line.starts_with('#') {
            out.push_str(line);
        } else {
            out.push_str("# ");
            out.push_str(line);
        }
        out.push('\n');
    }
    out
}

/// "Translates" a scaffolded locale folder for tests: every message uncommented, in English.
#[cfg(test)]
pub(crate) fn translate(folder: &Path) {
    for entry in std::fs::read_dir(folder).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        // Message lines: an id and `=`, or indented continuation lines.
        let is_message = |rest: &str| {
            rest.starts_with(' ')
                || rest.split_once(" =").is_some_and(|(id, _)| {
                    id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
                })
        };
        let uncommented: Vec<&str> = text
            .lines()
            .map(|l| l.strip_prefix("# ").filter(|r| is_message(r)).unwrap_or(l))
            .collect();
        std::fs::write(&path, uncommented.join("\n") + "\n").unwrap();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use omnia_errors_fluent::{Finding, FindingKind, check_locales};

    /// A repository holding only the source locale, declared alone.
    fn temp_root(name: &str) -> std::path::PathBuf {
        let root =
            std::env::temp_dir().join(format!("xtask-new-locale-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        let locales = Workspace::current().locales().unwrap();
        let source = locales.source();
        let to = root.join("locales").join(&source.tag);
        std::fs::create_dir_all(&to).unwrap();
        for file in &locales.files()[0].files {
            std::fs::write(to.join(&file.name), &file.text).unwrap();
        }
        let declaration = format!(
            "[[locale]]\ntag = {:?}\nnative-name = {:?}\nenglish-name = {:?}\nomnia-name = {:?}\n",
            source.tag, source.native_name, source.english_name, source.omnia_name
        );
        std::fs::write(root.join("locales/locales.toml"), declaration).unwrap();
        root
    }

    /// Every finding of the complete check of the locales under `root`.
    fn check(root: &Path) -> Vec<Finding> {
        let locales = Workspace::at(root).locales().unwrap();
        check_locales(locales.files(), &locales.infos(), true)
    }

    #[test]
    fn a_scaffold_parses_and_lists_every_message_as_missing_until_translated() {
        let root = temp_root("it");
        let report = run(&root, "it-IT").unwrap();
        // Paths and commands that hold from where the task ran (the temporary root is outside
        // the current folder, the workspace is not).
        let toml = root.join("locales/locales.toml");
        assert!(
            report.contains(&format!(
                "declared it-IT at the end of {}\n",
                toml.display()
            )),
            "{report}"
        );
        assert!(
            report.contains(&format!(
                "translate every message of {}/ ",
                root.join("locales/it-IT").display()
            )),
            "{report}"
        );
        assert!(report.contains("run `cargo test`"), "{report}");
        let declared = std::fs::read_to_string(root.join("locales/locales.toml")).unwrap();
        assert!(
            declared.ends_with("\n[[locale]]\ntag = \"it-IT\"\nnative-name = \"it-IT\"\nenglish-name = \"it-IT\"\nomnia-name = \"ITIT\"\n"),
            "{declared}"
        );
        let findings = check(&root);
        assert!(
            findings
                .iter()
                .all(|f| f.kind == FindingKind::Missing && f.locale == "it-IT"),
            "{findings:?}"
        );
        let source_ids = Workspace::at(&root).locales().unwrap().files()[0]
            .files
            .iter()
            .flat_map(|f| {
                f.text
                    .lines()
                    // Messages only: terms (`-connector = ...`) are no messages.
                    .filter(|l| l.contains(" = ") && !l.starts_with([' ', '#', '-']))
                    .map(str::to_owned)
                    .collect::<Vec<_>>()
            })
            .count();
        assert_eq!(findings.len(), source_ids, "one finding per message");

        // "Translating" (here: uncommenting the English) leaves nothing to report.
        translate(&root.join("locales/it-IT"));
        let findings = check(&root);
        assert!(findings.is_empty(), "{findings:?}");
    }

    #[test]
    fn bad_or_existing_tags_are_refused() {
        let root = temp_root("bad");
        assert!(
            run(&root, "not a tag!")
                .unwrap_err()
                .contains("not a BCP 47 language tag")
        );
        assert!(run(&root, "en-US").unwrap_err().contains("already exists"));
    }

    #[test]
    fn undetermined_pseudo_and_non_canonical_tags_are_refused() {
        let root = temp_root("refused");
        let refused = |tag: &str, why: &str| {
            let error = run(&root, tag).unwrap_err();
            assert!(error.contains(why), "{tag}: {error}");
            assert!(!root.join("locales").join(tag).exists(), "{tag}");
        };
        refused("und", "undetermined");
        refused("und-PT", "undetermined");
        refused("en-XA", "pseudo-locale");
        refused("ar-XB", "pseudo-locale");
        refused("fr-XC", "private-use region");
        refused("de-QM", "private-use region");
        refused("en-us", "write it as \"en-US\"");
        refused("PT-pt", "write it as \"pt-PT\"");
        // A folder of the same locale in another case.
        std::fs::create_dir_all(root.join("locales/it-it")).unwrap();
        // The folder is named so that it can be found from where the task ran (here, the
        // temporary root is outside the current folder: its full path).
        let other_case = root.join("locales/it-it");
        refused(
            "it-IT",
            &format!("already exists as {}: rename", other_case.display()),
        );
        let mut listed: Vec<String> = std::fs::read_dir(root.join("locales"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        listed.sort();
        let source = Workspace::current().locales().unwrap().source().tag.clone();
        assert_eq!(
            listed,
            [source.as_str(), "it-it", "locales.toml"],
            "nothing was created"
        );
    }
}
