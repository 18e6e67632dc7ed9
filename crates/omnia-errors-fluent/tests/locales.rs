//! The consistency check over catalog × locales × FTL variables × plural categories, run on
//! the repository's `locales/`. One run lists every finding with file, line, locale and id.

#![cfg(feature = "files")]

use omnia_errors_fluent::{LOCALES, SOURCE_LOCALE, check_locales, integer_plural_categories};

/// The repository's `locales/`, which the embedded messages are generated from.
fn repo_locales() -> Vec<omnia_errors_fluent::LocaleFiles> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../locales");
    omnia_errors_fluent::read_locales(&dir).expect("locales/ is readable")
}

#[test]
fn every_locale_matches_the_catalog() {
    let findings = check_locales(&repo_locales(), true);
    let report: Vec<String> = findings.iter().map(ToString::to_string).collect();
    assert!(
        report.is_empty(),
        "{} finding(s):\n{}",
        report.len(),
        report.join("\n")
    );
}

#[test]
fn the_seven_locales_are_embedded_the_source_first() {
    let tags: Vec<&str> = LOCALES.iter().map(|l| l.tag).collect();
    assert_eq!(
        tags,
        [
            SOURCE_LOCALE,
            "pt-PT",
            "pt-BR",
            "es-ES",
            "fr-FR",
            "de-DE",
            "pl-PL"
        ]
    );
}

#[test]
fn plural_rules_are_current_cldr_as_browsers_use_them() {
    let categories = |tag: &str| integer_plural_categories(&tag.parse().unwrap());
    assert_eq!(categories("en-US").required, ["one", "other"]);
    assert_eq!(categories("pl-PL").required, ["one", "few", "many"]);
    // CLDR 38+ (ICU4X, JavaScript Intl) gives French "many" for 1000000: reachable, so a
    // translator may write it, but not required, the default variant may cover it.
    assert_eq!(categories("fr-FR").required, ["one", "other"]);
    assert_eq!(categories("fr-FR").reachable, ["one", "many", "other"]);
}
