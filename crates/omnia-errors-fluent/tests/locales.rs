//! The consistency check over catalog × locales × FTL variables × plural categories, run on
//! the repository's `locales/`. One run lists every finding with file, line, locale and id.

#![cfg(feature = "files")]

use omnia_errors_fluent::{LOCALES, check_locales, integer_plural_categories};

/// The repository's `locales/`, which the embedded messages are generated from.
fn repo_locales() -> Vec<omnia_errors_fluent::LocaleFiles> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../locales");
    omnia_errors_fluent::read_locales(&dir).expect("locales/ is readable")
}

#[test]
fn every_locale_matches_the_catalog() {
    let findings = check_locales(&repo_locales(), LOCALES, true);
    let report: Vec<String> = findings.iter().map(ToString::to_string).collect();
    assert!(
        report.is_empty(),
        "{} finding(s):\n{}",
        report.len(),
        report.join("\n")
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

/// The findings of `kind_name` (the Debug name of their kind) for a one-file locale, as text.
fn term_findings(ftl: &str) -> Vec<String> {
    use omnia_errors_fluent::{FindingKind, LocaleFiles, SourceFile};
    let locales = vec![LocaleFiles {
        tag: "xx-YY".to_owned(),
        files: vec![SourceFile {
            path: "locales/xx-YY/errors.ftl".to_owned(),
            name: "errors.ftl".to_owned(),
            text: ftl.to_owned(),
        }],
    }];
    check_locales(&locales, LOCALES, false)
        .into_iter()
        .filter(|f| {
            matches!(
                f.kind,
                FindingKind::UnknownTerm { .. }
                    | FindingKind::UnusedTerm { .. }
                    | FindingKind::NotPlainTerm { .. }
                    | FindingKind::Duplicate
            )
        })
        .map(|f| f.to_string())
        .collect()
}

#[test]
fn terms_are_defined_used_and_plain() {
    let ftl = "\
-connector = Connector
-unused = Nobody
-connector = Again
-fancy = Fancy
    .gender = masculine
-chosen = { $case ->
   *[a] A
}
error-ConnectorNotFound = { -connector } can't be reached: { -missing }.
error-ConnectorTimeout = { -fancy.gender ->
   *[masculine] { -chosen(case: \"a\") }
}.
";
    assert_eq!(
        term_findings(ftl),
        [
            "locales/xx-YY/errors.ftl:3:1: [xx-YY] -connector: defined more than once in this locale",
            "locales/xx-YY/errors.ftl:4:1: [xx-YY] -fancy: the term -fancy has attributes; terms are plain text (`-fancy = Text`), referenced as { -fancy }",
            "locales/xx-YY/errors.ftl:6:1: [xx-YY] -chosen: the term -chosen has placeables (variables, selectors or references); terms are plain text (`-chosen = Text`), referenced as { -chosen }",
            "locales/xx-YY/errors.ftl:9:62: [xx-YY] error-ConnectorNotFound: references the term -missing, which this locale does not define; define `-missing = ...` in its errors.ftl or fix the name",
            "locales/xx-YY/errors.ftl:10:28: [xx-YY] error-ConnectorTimeout: the term -fancy is referenced with an attribute (-fancy.gender); terms are plain text (`-fancy = Text`), referenced as { -fancy }",
            "locales/xx-YY/errors.ftl:11:19: [xx-YY] error-ConnectorTimeout: the term -chosen is referenced with arguments; terms are plain text (`-chosen = Text`), referenced as { -chosen }",
            "locales/xx-YY/errors.ftl:2:1: [xx-YY] -unused: the term -unused is defined but no message references it; use it as { -unused } or remove it",
        ]
    );
    // Plain terms, each referenced: nothing to report.
    assert_eq!(
        term_findings(
            "-connector = Connector\nerror-ConnectorNotFound = { -connector } can't be reached.\n"
        ),
        Vec::<String>::new()
    );
}

#[test]
fn every_locale_declares_omnia_product_terms_and_uses_them() {
    // OMNIA's own language files (omnia3-samples) fix these words; ours follow them.
    let expected = [
        ("pt-PT", "-connector = conetor"),
        ("pt-PT", "-tenant = Tenant"),
        ("pt-PT", "-environment = Ambiente"),
        ("pt-PT", "-data-source = Data Source"),
        ("pt-PT", "-record = registo"),
        ("pt-PT", "-sensitive-data = dados sensíveis"),
        ("es-ES", "-connector = conector"),
        ("es-ES", "-tenant = Tenant"),
        ("es-ES", "-environment = Entorno"),
        ("es-ES", "-data-source = Data Source"),
        ("es-ES", "-sensitive-data = datos sensibles"),
        ("en-US", "-connector = Connector"),
    ];
    let locales = repo_locales();
    for (tag, line) in expected {
        let locale = locales.iter().find(|l| l.tag == tag).unwrap();
        let errors = locale
            .files
            .iter()
            .find(|f| f.name == "errors.ftl")
            .unwrap();
        assert!(errors.text.lines().any(|l| l == line), "{tag}: no `{line}`");
    }
    let es = locales.iter().find(|l| l.tag == "es-ES").unwrap();
    assert!(
        es.files.iter().all(|f| !f.text.contains("confidencial")),
        "es-ES says OMNIA's \"datos sensibles\""
    );
}

#[test]
fn the_embedded_messages_are_what_the_generator_writes_from_locales() {
    let generated = omnia_errors_fluent::generate_embedded(LOCALES, &repo_locales())
        .unwrap_or_else(|e| panic!("{e}"));
    // Line by line, so a difference names its line.
    let committed = include_str!("../src/embedded.rs");
    for (n, (g, c)) in generated.lines().zip(committed.lines()).enumerate() {
        assert_eq!(g, c, "embedded.rs line {}", n + 1);
    }
    assert_eq!(generated, committed);
}

#[test]
fn terms_in_nested_placeables_and_function_arguments_are_references_too() {
    let findings = term_findings(
        "-connector = Connector\n\
         error-ConnectorNotFound = { { -connector } } can't be reached.\n\
         error-ConnectorTimeout = { NUMBER(-absent) } timed out.\n",
    );
    // `-connector` is used (no "defined but no message references it"), `-absent` is missing.
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert!(
        findings[0].contains("error-ConnectorTimeout: references the term -absent"),
        "{findings:?}"
    );
}

#[test]
fn the_plural_category_of_an_integer_is_the_localizers() {
    use omnia_errors_fluent::integer_plural_category;
    assert_eq!(integer_plural_category("en-US", 1), "one");
    assert_eq!(integer_plural_category("pl-PL", 5), "many");
    assert_eq!(integer_plural_category("fr-FR", 1_000_000), "many");
}

#[test]
fn files_of_an_undeclared_locale_are_refused_by_the_generator() {
    use omnia_errors_fluent::{FindingKind, LoadError, generate_embedded};
    let declared: Vec<_> = LOCALES
        .iter()
        .copied()
        .filter(|l| l.tag != "pl-PL")
        .collect();
    let Err(LoadError::Invalid(findings)) = generate_embedded(&declared, &repo_locales()) else {
        panic!("pl-PL's files were accepted without its declaration");
    };
    assert!(
        findings
            .iter()
            .any(|f| f.locale == "pl-PL" && f.kind == FindingKind::NotDeclared),
        "{findings:?}"
    );
}
