//! `cargo xtask new-locale <tag>`: a new locale's Fluent files with every message id, the
//! English source beside each, so a translator starts from a complete list.
//!
//! The messages are written commented out: an untranslated message is then *missing* (the
//! locale tests list each one, and at run time it falls back to en-US), never English text
//! silently shipped as a translation.

use std::fmt::Write as _;
use std::path::Path;

use omnia_errors_fluent::SOURCE_LOCALE;
use unic_langid::LanguageIdentifier;

use crate::codegen::{self, Generated, Summary};

/// Scaffolds `locales/<tag>/` under `root` from `locales/en-US/`.
pub(crate) fn run(root: &Path, tag: &str) -> Result<String, String> {
    let langid: LanguageIdentifier = tag.parse().map_err(|_| {
        format!("{tag:?} is not a BCP 47 language tag; expected something like pt-PT or de-CH")
    })?;
    let tag = langid.to_string();
    let locales = root.join("locales");
    let target = locales.join(&tag);
    if target.exists() {
        return Err(format!("{} already exists", target.display()));
    }
    let source = omnia_errors_fluent::read_locales(&locales)
        .map_err(|e| e.to_string())?
        .into_iter()
        .find(|l| l.tag == SOURCE_LOCALE)
        .ok_or_else(|| {
            format!(
                "{} has no {SOURCE_LOCALE} folder to start from",
                locales.display()
            )
        })?;
    let files: Vec<Generated> = source
        .files
        .iter()
        .map(|file| Generated {
            path: Path::new(&tag).join(&file.name),
            contents: scaffold(&tag, &file.name, &file.text),
        })
        .collect();
    let mut summary = Summary::default();
    codegen::apply(&locales, &files, false, &mut summary)?;
    Ok(format!(
        "{summary}\nNext: translate every message of locales/{tag}/ (remove the \"# \" before it), then run `cargo test`: it lists what is still missing or wrong."
    ))
}

/// The source file with its header replaced and every message commented out.
fn scaffold(tag: &str, name: &str, source: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "### {tag} translation of locales/{SOURCE_LOCALE}/{name}, scaffolded by `cargo xtask new-locale {tag}`.\n\
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

#[cfg(test)]
mod tests {
    use super::*;
    use omnia_errors_fluent::{FindingKind, check_locales, read_locales};

    fn temp_root(name: &str) -> std::path::PathBuf {
        let root =
            std::env::temp_dir().join(format!("xtask-new-locale-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        let from = crate::project_root().join("locales").join(SOURCE_LOCALE);
        let to = root.join("locales").join(SOURCE_LOCALE);
        std::fs::create_dir_all(&to).unwrap();
        for entry in std::fs::read_dir(from).unwrap() {
            let path = entry.unwrap().path();
            std::fs::copy(&path, to.join(path.file_name().unwrap())).unwrap();
        }
        root
    }

    #[test]
    fn a_scaffold_parses_and_lists_every_message_as_missing_until_translated() {
        let root = temp_root("it");
        run(&root, "it-IT").unwrap();
        let locales = read_locales(&root.join("locales")).unwrap();
        let findings = check_locales(&locales, true);
        assert!(
            findings
                .iter()
                .all(|f| f.kind == FindingKind::Missing && f.locale == "it-IT"),
            "{findings:?}"
        );
        let source_ids = locales
            .iter()
            .find(|l| l.tag == SOURCE_LOCALE)
            .unwrap()
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
        for file in ["errors.ftl", "page.ftl"] {
            let path = root.join("locales/it-IT").join(file);
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
        let findings = check_locales(&read_locales(&root.join("locales")).unwrap(), true);
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
}
