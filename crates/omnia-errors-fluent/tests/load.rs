//! Loading Fluent files at run time: bad files are typed errors naming file, line, column,
//! locale and id; nothing half-loaded is used; gaps in a translation fall back to en-US.

#![cfg(feature = "files")]

use std::fs;
use std::path::PathBuf;

use omnia_errors::{ApiError, ValidationError};
use omnia_errors_fluent::{
    FallbackKind, FindingKind, LOCALES, LoadError, Localizer, check_locales,
};

/// A fresh folder with the repository's locales, with `edit` applied to `locale/file`.
fn locales_dir(name: &str, locale: &str, file: &str, edit: impl Fn(&str) -> String) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("omnia-fluent-{}-{name}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    for l in repo_locales() {
        fs::create_dir_all(dir.join(&l.tag)).unwrap();
        for f in &l.files {
            let text = if l.tag == locale && f.name == file {
                edit(&f.text)
            } else {
                f.text.clone()
            };
            fs::write(dir.join(&l.tag).join(&f.name), text).unwrap();
        }
    }
    dir
}

/// The repository's `locales/`, which the embedded messages are generated from.
fn repo_locales() -> Vec<omnia_errors_fluent::LocaleFiles> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../locales");
    omnia_errors_fluent::read_locales(&dir).expect("locales/ is readable")
}

/// Removes a message and its indented continuation lines.
fn drop_message(text: &str, id: &str) -> String {
    let mut dropping = false;
    let mut kept = String::new();
    for line in text.lines() {
        if line.starts_with(&format!("{id} =")) {
            dropping = true;
        } else if dropping && !line.starts_with(' ') {
            dropping = false;
        }
        if !dropping {
            kept.push_str(line);
            kept.push('\n');
        }
    }
    assert_ne!(kept, text, "{id} not found");
    kept
}

fn load_errors(dir: &PathBuf) -> Vec<String> {
    match Localizer::builder()
        .directory(dir)
        .map(omnia_errors_fluent::LocalizerBuilder::build)
    {
        Ok(_) => Vec::new(),
        Err(LoadError::Invalid(findings)) => findings.iter().map(ToString::to_string).collect(),
        Err(other) => vec![other.to_string()],
    }
}

#[test]
fn a_loaded_message_without_parameters_is_served_as_it_is_like_an_embedded_one() {
    let localizer = Localizer::builder().files(&repo_locales()).unwrap().build();
    let pl = localizer.for_accept_language("pl-PL");
    let message = pl.message(&ApiError::EntityNotFound);
    // Borrowed from the compiled file: nothing allocated, as for the embedded messages.
    assert!(
        matches!(message.text, std::borrow::Cow::Borrowed(_)),
        "{message:?}"
    );
    assert!(message.fallbacks.is_empty());
}

#[test]
fn a_typo_in_a_variable_names_file_line_locale_and_id() {
    let dir = locales_dir("typo", "pl-PL", "errors.ftl", |t| {
        t.replacen("$maxLength", "$maxLenght", 1)
    });
    let errors = load_errors(&dir);
    assert!(!errors.is_empty());
    let finding = errors
        .iter()
        .find(|e| e.contains("$maxLenght"))
        .unwrap_or_else(|| panic!("{errors:?}"));
    assert!(finding.contains("pl-PL/errors.ftl:"), "{finding}");
    assert!(
        finding.contains("[pl-PL] validation-TextMaxLengthMismatch"),
        "{finding}"
    );
    assert!(finding.contains("(it takes $maxLength)"), "{finding}");
}

#[test]
fn a_blank_message_is_a_finding_not_a_blank_error() {
    let dir = locales_dir("blank", "pl-PL", "errors.ftl", |t| {
        drop_message(t, "error-EntityNotFound") + "error-EntityNotFound = { \"\" }\n"
    });
    let errors = load_errors(&dir);
    assert!(
        errors
            .iter()
            .any(|e| e.contains("[pl-PL] error-EntityNotFound: its value is blank")),
        "{errors:?}"
    );
}

#[test]
fn a_syntax_error_is_reported_with_line_and_column() {
    let dir = locales_dir("syntax", "de-DE", "errors.ftl", |t| {
        format!("{t}\nbroken-entry = {{ $oops\n")
    });
    let errors = load_errors(&dir);
    let lines = repo_locales()
        .iter()
        .find(|l| l.tag == "de-DE")
        .unwrap()
        .files
        .iter()
        .find(|f| f.name == "errors.ftl")
        .unwrap()
        .text
        .lines()
        .count();
    // The entry's start, where a translator looks first, and the exact point of failure.
    let expected = format!("de-DE/errors.ftl:{}:1: [de-DE]: syntax error", lines + 2);
    let at = format!("(at line {}, column 1)", lines + 3);
    assert!(
        errors
            .iter()
            .any(|e| e.contains(&expected) && e.contains(&at)),
        "{expected} {at} in {errors:?}"
    );
}

#[test]
fn unknown_ids_missing_attributes_and_plural_gaps_are_all_reported_at_once() {
    let dir = locales_dir("many", "fr-FR", "errors.ftl", |t| {
        let t = t.replacen("error-FileNotFound", "error-FileNotFund", 1);
        // Drop the `.context` of RequiredValue and the [one] variants of the limits.
        let t: Vec<&str> = t.lines().filter(|l| !l.contains("$path")).collect();
        let t = t.join("\n");
        t.replace("[one]", "[une]")
    });
    let errors = load_errors(&dir).join("\n");
    assert!(
        errors.contains("[fr-FR] error-FileNotFund: no such message"),
        "{errors}"
    );
    assert!(
        errors.contains("[fr-FR] validation-RequiredValue: missing the .context attribute"),
        "{errors}"
    );
    assert!(
        errors.contains("has a [une] variant, which is not a plural category"),
        "{errors}"
    );
    assert!(errors.contains("has no [one] variant"), "{errors}");
}

#[test]
fn an_unreadable_folder_is_an_io_error_naming_it() {
    let missing = std::env::temp_dir().join("omnia-fluent-does-not-exist");
    let error = Localizer::builder().directory(&missing).unwrap_err();
    assert!(matches!(error, LoadError::Io { .. }));
    assert!(
        error.to_string().contains("omnia-fluent-does-not-exist"),
        "{error}"
    );
}

#[test]
fn a_folder_without_the_source_locale_is_rejected() {
    let dir = locales_dir("nosource", "", "", str::to_owned);
    fs::remove_dir_all(dir.join("en-US")).unwrap();
    let errors = load_errors(&dir).join("\n");
    // Where it should be: in the folder loaded, not in the repository's `locales/`.
    let expected = format!("{}: [en-US]: missing", dir.join("en-US").display());
    assert!(errors.contains(&expected), "{expected} in {errors}");
}

#[test]
fn gaps_in_a_translation_fall_back_to_en_us_and_are_reported() {
    let dir = locales_dir("gap", "pt-PT", "errors.ftl", |t| {
        drop_message(
            &drop_message(t, "error-EntityNotFound"),
            "validation-TextMaxLengthMismatch",
        )
    });
    let strict = check_locales(
        &omnia_errors_fluent::read_locales(&dir).unwrap(),
        LOCALES,
        true,
    );
    assert!(
        strict.iter().any(|f| f.kind == FindingKind::Missing),
        "the strict check sees the gap"
    );

    let localizer = Localizer::builder().directory(&dir).unwrap().build();
    let pt = localizer.for_accept_language("pt-PT");
    let message = pt.message(&ApiError::EntityNotFound);
    let fallbacks = &message.fallbacks;
    assert_eq!(message.text, "Entity can't be found.");
    assert_eq!(message.locale.to_string(), "en-US");
    assert!(
        matches!(
            fallbacks[0].kind,
            FallbackKind::MissingMessage {
                id: "error-EntityNotFound",
                attribute: None
            }
        ),
        "{fallbacks:?}"
    );

    let message = pt.message(&ValidationError::TextMaxLengthMismatch { max_length: 3 });
    assert_eq!(
        message.text,
        "Value is too long to the defined length of 3."
    );
    assert_eq!(message.fallbacks.len(), 1);
    // Messages present in the translation are still translated.
    assert_eq!(
        pt.message(&ApiError::InternalError).locale.to_string(),
        "pt-PT"
    );
}

#[test]
fn a_plural_variant_no_integer_selects_is_reported() {
    // German has no "few": a translator copying Polish variants leaves dead text.
    let dir = locales_dir("few-de", "de-DE", "errors.ftl", |t| {
        t.replacen("*[other]", "[few] einige\n           *[other]", 1)
    });
    let errors = load_errors(&dir).join("\n");
    assert!(
        errors.contains(
            "has a [few] variant, which this locale's plural rules (current CLDR) never select"
        ),
        "{errors}"
    );
}

#[test]
fn french_many_is_allowed_and_selected_for_a_million() {
    // Current CLDR (browsers, ICU4X) gives French "many" to a million; the localizer follows
    // it, so a translator may write "1 000 000 de caractères" and both Rust and JS select it.
    let dir = locales_dir("many-fr", "fr-FR", "errors.ftl", |t| {
        t.replacen(
            "*[other]",
            "[many] La collection peut avoir au plus { $limit } d'éléments.\n           *[other]",
            1,
        )
    });
    assert_eq!(load_errors(&dir), Vec::<String>::new());
    let localizer = Localizer::builder().directory(&dir).unwrap().build();
    let fr = localizer.for_accept_language("fr-FR");
    let text = |limit| {
        fr.message(&ValidationError::LowerLimitNotRespected { limit: Some(limit) })
            .text
            .into_owned()
    };
    assert!(
        text(1_000_000).ends_with("1\u{202f}000\u{202f}000 d'éléments."),
        "{}",
        text(1_000_000)
    );
    assert!(
        !text(1_000_001).contains("d'éléments"),
        "{}",
        text(1_000_001)
    );
}

#[test]
fn an_unreadable_file_is_an_io_error_naming_it() {
    let dir = locales_dir("unreadable", "", "", str::to_owned);
    let file = dir.join("es-ES/errors.ftl");
    fs::write(&file, b"validation-Duplicated = \xff\xfe\n").unwrap();
    let error = Localizer::builder().directory(&dir).unwrap_err();
    assert!(matches!(error, LoadError::Io { .. }), "{error}");
    assert!(error.to_string().contains("es-ES/errors.ftl"), "{error}");
}

/// A folder with the repository's locales, then `change` applied to it.
fn changed_dir(name: &str, change: impl FnOnce(&std::path::Path)) -> PathBuf {
    let dir = locales_dir(name, "", "", str::to_owned);
    change(&dir);
    dir
}

#[cfg(unix)]
#[test]
fn a_fifo_or_a_device_is_refused_without_being_opened() {
    // Opening a FIFO blocks until a writer comes; reading /dev/zero never ends. Both must be
    // refused from their file type, so this test finishing at all is half the proof.
    let dir = changed_dir("fifo", |dir| {
        let fifo = dir.join("de-DE/extra.ftl");
        let status = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(status.success());
    });
    let error = Localizer::builder().directory(&dir).unwrap_err();
    assert!(
        matches!(error, LoadError::NotAFile { ref path } if path.ends_with("de-DE/extra.ftl")),
        "{error}"
    );
    assert!(
        error.to_string().contains("is not a regular file"),
        "{error}"
    );

    let dir = changed_dir("zero", |dir| {
        std::os::unix::fs::symlink("/dev/zero", dir.join("pl-PL/zero.ftl")).unwrap();
    });
    let error = Localizer::builder().directory(&dir).unwrap_err();
    assert!(matches!(error, LoadError::NotAFile { .. }), "{error}");
}

#[test]
fn a_file_over_the_size_limit_is_refused() {
    let limit = omnia_errors_fluent::MAX_FILE_BYTES;
    let dir = changed_dir("large", |dir| {
        let comment = format!("# {}\n", "x".repeat(usize::try_from(limit).unwrap()));
        fs::write(dir.join("fr-FR/huge.ftl"), comment).unwrap();
    });
    let error = Localizer::builder().directory(&dir).unwrap_err();
    assert!(
        matches!(error, LoadError::TooLarge { limit: l, .. } if l == limit),
        "{error}"
    );
    // At the limit exactly, the file is read (and, being a comment, changes nothing).
    let dir = changed_dir("at-limit", |dir| {
        let comment = format!("# {}\n", "x".repeat(usize::try_from(limit).unwrap() - 3));
        fs::write(dir.join("fr-FR/big.ftl"), comment).unwrap();
    });
    assert_eq!(load_errors(&dir), Vec::<String>::new());
}

#[test]
fn hidden_entries_are_skipped() {
    let dir = changed_dir("hidden", |dir| {
        fs::create_dir_all(dir.join(".git/objects")).unwrap();
        fs::write(dir.join(".git/HEAD.ftl"), "not Fluent {{{").unwrap();
        fs::write(dir.join("en-US/.errors.ftl.swp"), "junk {").unwrap();
        fs::write(dir.join("en-US/.draft.ftl"), "junk {").unwrap();
    });
    assert_eq!(load_errors(&dir), Vec::<String>::new());
}

#[test]
fn a_locale_folder_in_another_case_is_refused_with_its_canonical_name() {
    let dir = changed_dir("case", |dir| {
        fs::create_dir_all(dir.join("de-de")).unwrap();
        fs::copy(dir.join("de-DE/errors.ftl"), dir.join("de-de/errors.ftl")).unwrap();
    });
    let errors = load_errors(&dir).join("\n");
    assert!(
        errors.contains("de-de/errors.ftl: [de-de]")
            && errors.contains("not written the canonical way: rename it de-DE"),
        "{errors}"
    );
}

#[test]
fn a_plural_variant_that_formats_to_nothing_is_refused_at_load() {
    // Once shown as an en-US fallback at run time (the message formatted to an empty text);
    // now the file does not load, and the finding names the message.
    let dir = locales_dir("empty-de", "de-DE", "errors.ftl", |t| {
        t.replacen(
            "[one] Die Sammlung muss mindestens { $limit } Element enthalten.",
            "[one] {\"\"}",
            1,
        )
    });
    let errors = load_errors(&dir);
    assert!(
        errors.iter().any(|e| e.contains("de-DE/errors.ftl:")
            && e.contains(
                "[de-DE] validation-LowerLimitNotRespected: its .context attribute is blank"
            )),
        "{errors:?}"
    );
}

#[test]
fn a_parameter_the_translation_leaves_out_is_reported() {
    let dir = locales_dir("unused-pl", "pl-PL", "errors.ftl", |t| {
        drop_message(t, "validation-TextMaxLengthMismatch")
            + "validation-TextMaxLengthMismatch = Wartość jest za długa.\n"
    });
    let findings = check_locales(
        &omnia_errors_fluent::read_locales(&dir).unwrap(),
        LOCALES,
        false,
    );
    assert!(
        findings.iter().any(|f| f.locale == "pl-PL"
            && f.id.as_deref() == Some("validation-TextMaxLengthMismatch")
            && f.kind
                == FindingKind::UnusedVariable {
                    attribute: None,
                    variable: "maxLength".into()
                }),
        "{findings:?}"
    );
}

#[test]
fn a_file_at_the_size_limit_is_read_whole() {
    let limit = usize::try_from(omnia_errors_fluent::MAX_FILE_BYTES).unwrap();
    let dir = changed_dir("whole", |dir| {
        let comment = format!("# {}\n", "x".repeat(limit - 3));
        fs::write(dir.join("fr-FR/big.ftl"), comment).unwrap();
    });
    let locales = omnia_errors_fluent::read_locales(&dir).unwrap();
    let fr = locales.iter().find(|l| l.tag == "fr-FR").unwrap();
    let big = fr.files.iter().find(|f| f.name == "big.ftl").unwrap();
    assert_eq!(big.text.len(), limit);
    assert!(big.text.ends_with("x\n"));
}

#[test]
fn an_io_error_keeps_its_cause() {
    let missing = std::env::temp_dir().join("omnia-fluent-does-not-exist");
    let error = Localizer::builder().directory(&missing).unwrap_err();
    let cause = std::error::Error::source(&error).expect("the I/O error");
    let io = cause
        .downcast_ref::<std::io::Error>()
        .expect("an io::Error");
    assert_eq!(io.kind(), std::io::ErrorKind::NotFound);
}

/// The repository's `locales/`.
fn repository_locales() -> Vec<omnia_errors_fluent::LocaleFiles> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../locales");
    omnia_errors_fluent::read_locales(&dir).unwrap()
}

#[test]
fn the_declared_set_orders_the_locales_and_names_the_source() {
    use omnia_errors_fluent::LocaleInfo;
    let info = |tag| LocaleInfo {
        tag,
        native_name: tag,
        english_name: tag,
        omnia_name: tag,
    };
    let files: Vec<_> = repository_locales()
        .into_iter()
        .filter(|l| l.tag == "pl-PL" || l.tag == "en-US")
        .collect();
    let localizer = Localizer::builder()
        .declared(&[info("pl-PL"), info("en-US")])
        .files(&files)
        .unwrap()
        .build();
    let tags: Vec<String> = localizer.locales().map(ToString::to_string).collect();
    assert_eq!(tags, ["pl-PL", "en-US"]);
    assert_eq!(localizer.source().locale().to_string(), "pl-PL");
}

#[test]
fn the_complete_check_holds_the_folders_to_the_declaration() {
    use omnia_errors_fluent::LocaleInfo;
    let info = |tag| LocaleInfo {
        tag,
        native_name: tag,
        english_name: tag,
        omnia_name: tag,
    };
    let files: Vec<_> = repository_locales()
        .into_iter()
        .filter(|l| l.tag == "en-US" || l.tag == "de-DE")
        .collect();
    let findings = check_locales(&files, &[info("en-US"), info("it-IT")], true);
    let declaration: Vec<String> = findings
        .iter()
        .filter(|f| f.id.is_none())
        .map(ToString::to_string)
        .collect();
    assert!(
        declaration
            .iter()
            .any(|f| f.contains("locales.toml: [it-IT]") && f.contains("missing")),
        "{declaration:?}"
    );
    assert!(
        declaration
            .iter()
            .any(|f| f.contains("de-DE") && f.contains("not declared in locales/locales.toml")),
        "{declaration:?}"
    );
    // A translation in progress is not held to it.
    let partial = check_locales(&files, &[info("en-US")], false);
    assert!(
        partial.iter().all(|f| f.kind != FindingKind::NotDeclared),
        "{partial:?}"
    );
    assert_eq!(
        check_locales(&files, &[info("en-US"), info("de-DE")], true)
            .iter()
            .filter(|f| f.id.is_none())
            .count(),
        0
    );
}
