//! The consistency check over catalog × locales × FTL variables × plural categories, run on
//! the embedded files. One run lists every finding with file, line, locale and id.

use omnia_errors_fluent::{
    SOURCE_LOCALE, check_locales, embedded_locales, integer_plural_categories,
};

#[test]
fn every_locale_matches_the_catalog() {
    let findings = check_locales(&embedded_locales(), true);
    let report: Vec<String> = findings.iter().map(ToString::to_string).collect();
    assert!(
        report.is_empty(),
        "{} finding(s):\n{}",
        report.len(),
        report.join("\n")
    );
}

#[test]
fn the_seven_locales_are_embedded() {
    let tags: Vec<String> = embedded_locales().into_iter().map(|l| l.tag).collect();
    for tag in [
        SOURCE_LOCALE,
        "pt-PT",
        "pt-BR",
        "es-ES",
        "fr-FR",
        "de-DE",
        "pl-PL",
    ] {
        assert!(tags.iter().any(|t| t == tag), "{tag} missing from {tags:?}");
    }
}

#[test]
fn plural_rules_are_cldr_37_as_fluent_bundle_uses_them() {
    let categories = |tag: &str| integer_plural_categories(&tag.parse().unwrap());
    assert_eq!(categories("en-US"), ["one", "other"]);
    assert_eq!(categories("pl-PL"), ["one", "few", "many"]);
    // CLDR 38+ (ICU4X, JavaScript Intl) adds "many" to French for 1000000; CLDR 37 has not.
    assert_eq!(categories("fr-FR"), ["one", "other"]);
}
