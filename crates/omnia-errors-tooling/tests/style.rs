//! The style checks (quotation marks, product terms, plurals shown without their number): the
//! repository's `locales/` pass them, and each fixture under `tests/fixtures/style/` has every
//! defect of one check, each reported with file, line, locale and id.

use omnia_errors_tooling::{Workspace, check_style};

/// Every finding of a workspace, as text, with paths relative to its root.
fn findings(workspace: &Workspace) -> Vec<String> {
    let root = format!("{}/", workspace.root().display());
    check_style(workspace)
        .unwrap()
        .iter()
        .map(|f| f.to_string().replace(&root, ""))
        .collect()
}

#[test]
fn every_locale_passes_the_style_checks() {
    let report = findings(&Workspace::current());
    assert!(
        report.is_empty(),
        "{} finding(s):\n{}",
        report.len(),
        report.join("\n")
    );
}

/// The fixture workspace `tests/fixtures/style/<name>`.
fn fixture(name: &str) -> Workspace {
    Workspace::at(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/style")
            .join(name),
    )
}

#[test]
fn quotation_marks_are_the_locales_declared_pair() {
    // en-US: straight quotes, 'System' in single ones, and an exception that excuses nothing;
    // pl-PL: straight quotes where „…” are the locale's, another language's closing mark, marks
    // without their partner (also in a variant; page.ftl quotes twice, right); fr-FR: « » without their
    // no-break spaces; de-DE declares no quotes, es-ES two opening marks.
    assert_eq!(
        findings(&fixture("quotes")),
        [
            "locales/en-US/errors.ftl:4:84: [en-US] validation-CreateSystemDataSourceUnsupported: its text quotes with ', which is not this locale's: it quotes \"…\" (`quotes` in locales/locales.toml)",
            "locales/en-US/errors.ftl:4:91: [en-US] validation-CreateSystemDataSourceUnsupported: its text quotes with ', which is not this locale's: it quotes \"…\" (`quotes` in locales/locales.toml)",
            "locales/locales.toml:10:21: [en-US] validation-Duplicated: listed in quote-exceptions, but the locale has no such message with other quotation marks: remove it from the list",
            "locales/pl-PL/errors.ftl:1:10: [pl-PL] -brand: its text quotes with «, which is not this locale's: it quotes „…” (`quotes` in locales/locales.toml)",
            "locales/pl-PL/errors.ftl:1:16: [pl-PL] -brand: its text quotes with », which is not this locale's: it quotes „…” (`quotes` in locales/locales.toml)",
            "locales/pl-PL/errors.ftl:4:30: [pl-PL] validation-InvalidIdentifier: its .context attribute has a straight quotation mark (\"), where this locale's are „…”",
            "locales/pl-PL/errors.ftl:4:41: [pl-PL] validation-InvalidIdentifier: its .context attribute has a straight quotation mark (\"), where this locale's are „…”",
            "locales/pl-PL/errors.ftl:5:92: [pl-PL] validation-CreateSystemDataSourceUnsupported: its text opens a quotation with „ and does not close it with ”",
            "locales/pl-PL/errors.ftl:5:99: [pl-PL] validation-CreateSystemDataSourceUnsupported: its text quotes with “, which is not this locale's: it quotes „…” (`quotes` in locales/locales.toml)",
            "locales/pl-PL/errors.ftl:6:37: [pl-PL] validation-NotFound: its text closes a quotation with ” that it did not open with „",
            "locales/pl-PL/errors.ftl:11:32: [pl-PL] validation-UpperLimitNotRespected: its .context attribute opens a quotation with „ and does not close it with ”",
            "locales/fr-FR/errors.ftl:2:43: [fr-FR] validation-InvalidIdentifier: its .context attribute writes « without the spaces this locale's marks have: «\\u00A0…\\u00A0»",
            "locales/fr-FR/errors.ftl:2:56: [fr-FR] validation-InvalidIdentifier: its .context attribute writes » without the spaces this locale's marks have: «\\u00A0…\\u00A0»",
            "locales/locales.toml:27:7: [de-DE]: the locale declares no quotation marks: add `quotes = [\"<opening>\", \"<closing>\"]` to its entry",
            "locales/locales.toml:37:10: [es-ES]: `quotes` gives \"„„\" as the opening mark: each of the two is one quotation mark, with only the spaces the language puts beside it",
        ]
    );
}

#[test]
fn product_terms_read_as_english_only_where_declared() {
    // fr-FR: "connector" is English; Tenant is declared so; the other entries of its
    // english-terms do not hold. pl-PL: English in capitals is English; it lists a term it does
    // not have. en-US lists one, though its terms are English by definition.
    assert_eq!(
        findings(&fixture("terms")),
        [
            "locales/locales.toml:10:18: [en-US] -tenant: listed in english-terms, but en-US is the source language: its terms are English by definition",
            "locales/fr-FR/errors.ftl:1:1: [fr-FR] -connector: the term reads \"connector\", as in English: translate it, or list it in `english-terms` beside this locale in locales/locales.toml if it stays English on purpose",
            "locales/locales.toml:19:29: [fr-FR] -data-source: listed in english-terms, but the locale translates it (\"source de données\", in English \"Data Source\"): remove it from the list",
            "locales/locales.toml:19:45: [fr-FR] tenant: listed in english-terms, but a term is named with its dash: write \"-tenant\"",
            "locales/locales.toml:19:55: [fr-FR] -nothing: listed in english-terms, but en-US has no term -nothing",
            "locales/pl-PL/errors.ftl:1:1: [pl-PL] -connector: the term reads \"CONNECTOR\", as in English: translate it, or list it in `english-terms` beside this locale in locales/locales.toml if it stays English on purpose",
            "locales/pl-PL/errors.ftl:2:1: [pl-PL] -tenant: the term reads \"Tenant\", as in English: translate it, or list it in `english-terms` beside this locale in locales/locales.toml if it stays English on purpose",
            "locales/locales.toml:28:18: [pl-PL] -record: listed in english-terms, but this locale has no term -record",
        ]
    );
}

#[test]
fn plurals_shown_without_their_number_take_the_form_of_typical_numbers() {
    // en-US: a second selection on one number, shown by a default typical numbers do not take;
    // pl-PL: the fraction form as the default; lt-LT: typical numbers disagree; de-DE: the same
    // through NUMBER(). pt-BR (an exact [0]) and de-DE's limit (a default no view shows without
    // its number) are right.
    assert_eq!(
        findings(&fixture("numberless")),
        [
            "locales/en-US/errors.ftl:7:10: [en-US] validation-TextMaxLengthMismatch: the error page shows the plural on $maxLength without its number, as its [one] variant, but typical numbers (5, 10, 50, 100, 255) take [other]: make it the default variant (*[other])",
            "locales/en-US/errors.ftl:7:10: [en-US] validation-TextMaxLengthMismatch: the JSON catalog shows the plural on $maxLength without its number, as its [one] variant, but typical numbers (5, 10, 50, 100, 255) take [other]: make it the default variant (*[other]), or select on the number once in the text",
            "locales/pl-PL/errors.ftl:3:7: [pl-PL] validation-TextMaxLengthMismatch: the error page shows the plural on $maxLength without its number, as its [other] variant, but typical numbers (5, 10, 50, 100, 255) take [many]: make it the default variant (*[many])",
            "locales/lt-LT/errors.ftl:12:11: [lt-LT] validation-UpperLimitNotRespected: OMNIA's language file shows the plural on $limit without its number, but typical numbers take different variants (5 [few], 10 [other], 50 [other], 100 [other], 255 [few]), so no one text is right: write the message without a plural",
            "locales/lt-LT/errors.ftl:4:7: [lt-LT] validation-TextMaxLengthMismatch: the error page shows the plural on $maxLength without its number, but typical numbers take different variants (5 [few], 10 [other], 50 [other], 100 [other], 255 [few]), so no one text is right: write the message without a plural",
            "locales/lt-LT/errors.ftl:4:7: [lt-LT] validation-TextMaxLengthMismatch: OMNIA's language file shows the plural on $maxLength without its number, but typical numbers take different variants (5 [few], 10 [other], 50 [other], 100 [other], 255 [few]), so no one text is right: write the message without a plural",
            "locales/de-DE/errors.ftl:4:14: [de-DE] validation-TextMaxLengthMismatch: the error page shows the plural on $maxLength without its number, as its [one] variant, but typical numbers (5, 10, 50, 100, 255) take [other]: make it the default variant (*[other])",
        ]
    );
}
