//! OMNIA language files: export from the Fluent files, JSON reading and writing, comparison.

use omnia_errors::{AnyCode, ValidationErrorCode};
use omnia_errors_fluent::{
    Comparison, Difference, LanguageFile, LocaleFiles, OmniaFileError, SourceFile, Text,
    compare_language_file, embedded_locales, export_language_file, omnia_text_name,
};

const LOCALES: [&str; 7] = [
    "en-US", "pt-PT", "pt-BR", "es-ES", "fr-FR", "de-DE", "pl-PL",
];

fn codes_with_context() -> usize {
    AnyCode::all()
        .filter(|code| code.params().iter().any(|p| !p.required))
        .count()
}

/// The placeholders of an exported text: `{name}` → `name`.
fn placeholders(text: &str) -> Vec<&str> {
    text.split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .collect()
}

#[test]
fn en_us_has_one_text_per_code_and_per_context() {
    let export = export_language_file(&embedded_locales(), "en-US").unwrap();
    let file = &export.file;
    assert_eq!(file.name, "enUS");
    assert_eq!(file.description, "English (United States)");
    assert_eq!(file.culture, "en-US");
    assert_eq!(codes_with_context(), 6);
    assert_eq!(file.texts.len(), 38 + codes_with_context());
    assert_eq!(file.texts.len(), AnyCode::COUNT + codes_with_context());

    assert_eq!(
        file.texts[0],
        Text::new(
            "ErrorMessage_BehaviourFailed",
            "Behaviour execution failed."
        )
    );
    assert_eq!(
        file.text("ErrorMessage_TextMaxLengthMismatch"),
        Some("Value is too long to the defined length of {maxLength}.")
    );
    assert_eq!(
        file.text("ErrorMessage_RequiredValue_Context"),
        Some("A value is required for the attribute {path}.")
    );
    assert_eq!(
        file.text("ErrorMessage_TypeMismatch_Context"),
        Some("The value \"{value}\" doesn't match the type {type} of the attribute {path}.")
    );
    // The documentation note of ValidationFailed is not exported.
    assert_eq!(
        file.text("ErrorMessage_ValidationFailed"),
        Some("Request validation failed.")
    );
    assert!(file.texts.iter().all(|t| !t.value.contains("\"errors\"")));
    assert!(file.texts.iter().all(|t| !t.name.ends_with("_Note")));

    // Catalog order, the context right after its message.
    let names: Vec<&str> = file.texts.iter().map(|t| t.name.as_str()).collect();
    let expected: Vec<String> = AnyCode::all()
        .flat_map(|code| {
            let context = code.params().iter().any(|p| !p.required);
            std::iter::once(omnia_text_name(code, false))
                .chain(context.then(|| omnia_text_name(code, true)))
        })
        .collect();
    assert_eq!(names, expected);
}

#[test]
fn en_us_simplifies_only_its_plural_contexts() {
    let export = export_language_file(&embedded_locales(), "en-US").unwrap();
    let report: Vec<String> = export
        .simplifications
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        report,
        [
            "en-US validation-LowerLimitNotRespected.context: plural select on $limit exported as its [other] variant",
            "en-US validation-UpperLimitNotRespected.context: plural select on $limit exported as its [other] variant",
        ]
    );
    assert_eq!(
        export
            .file
            .text("ErrorMessage_LowerLimitNotRespected_Context"),
        Some("The collection must have at least {limit} elements.")
    );
    let first = &export.simplifications[0];
    assert_eq!(
        first.code,
        AnyCode::Validation(ValidationErrorCode::LowerLimitNotRespected)
    );
    assert_eq!(first.id, "validation-LowerLimitNotRespected.context");
}

#[test]
fn pl_pl_exports_the_other_variant_and_says_so() {
    let export = export_language_file(&embedded_locales(), "pl-PL").unwrap();
    assert_eq!(export.file.name, "plPL");
    assert_eq!(export.file.description, "Polish (Poland)");
    assert_eq!(
        export.file.text("ErrorMessage_TextMaxLengthMismatch"),
        Some("Wartość jest za długa. Maksymalna długość to {maxLength}.")
    );
    assert_eq!(
        export
            .file
            .text("ErrorMessage_LowerLimitNotRespected_Context"),
        Some("Kolekcja musi zawierać co najmniej {limit} elementu.")
    );
    let report: Vec<String> = export
        .simplifications
        .iter()
        .map(ToString::to_string)
        .collect();
    assert!(
        report.contains(
            &"pl-PL validation-TextMaxLengthMismatch: plural select on $maxLength exported as its [other] variant"
                .to_owned()
        ),
        "{report:#?}"
    );
    assert_eq!(report.len(), 3, "{report:#?}");
}

#[test]
fn every_locale_exports_every_text_with_the_codes_placeholders() {
    let locales = embedded_locales();
    for tag in LOCALES {
        let export = export_language_file(&locales, tag).unwrap();
        assert_eq!(export.file.culture, tag);
        assert_eq!(export.file.name, tag.replace('-', ""));
        assert_ne!(export.file.description, tag, "{tag} has no language name");
        assert_eq!(
            export.file.texts.len(),
            AnyCode::COUNT + codes_with_context(),
            "{tag}"
        );
        for code in AnyCode::all() {
            let names = [
                (false, omnia_text_name(code, false)),
                (true, omnia_text_name(code, true)),
            ];
            for (context, name) in names {
                let Some(value) = export.file.text(&name) else {
                    continue;
                };
                let mut expected: Vec<&str> = code
                    .params()
                    .iter()
                    .filter(|p| context || p.required)
                    .map(|p| p.name)
                    .collect();
                let mut found = placeholders(value);
                expected.sort_unstable();
                found.sort_unstable();
                found.dedup();
                assert_eq!(found, expected, "{tag} {name}: {value}");
                assert!(
                    !value.contains('$') && !value.trim().is_empty(),
                    "{tag} {name}: {value}"
                );
            }
        }
        // Only plural selections are simplified in our files: the two collection limits, and
        // the maximum length in the languages whose message for it has plural forms.
        let ids: Vec<&str> = export
            .simplifications
            .iter()
            .map(|s| s.id.as_str())
            .collect();
        let mut expected = vec![
            "validation-LowerLimitNotRespected.context",
            "validation-UpperLimitNotRespected.context",
        ];
        if tag != "en-US" {
            expected.push("validation-TextMaxLengthMismatch");
        }
        assert_eq!(ids, expected, "{tag}");
        // Only plural selections are simplified in our files.
        for simplification in &export.simplifications {
            assert!(
                simplification.what.starts_with("plural select on $")
                    && simplification
                        .what
                        .ends_with("exported as its [other] variant"),
                "{simplification}"
            );
        }
    }
}

#[test]
fn export_json_import_compare_finds_no_difference() {
    let locales = embedded_locales();
    for tag in LOCALES {
        let export = export_language_file(&locales, tag).unwrap();
        let json = export.file.to_json();
        assert_eq!(
            LanguageFile::from_json(&json).unwrap(),
            export.file,
            "{tag}"
        );
        let comparison = compare_language_file(&locales, &json).unwrap();
        assert!(comparison.is_empty(), "{comparison}");
        assert_eq!(comparison.culture, tag);
    }
}

#[test]
fn json_is_pretty_and_deterministic() {
    let locales = embedded_locales();
    let json = export_language_file(&locales, "pt-PT")
        .unwrap()
        .file
        .to_json();
    assert_eq!(
        json,
        export_language_file(&locales, "pt-PT")
            .unwrap()
            .file
            .to_json()
    );
    assert!(
        json.starts_with(
            "{\n  \"name\": \"ptPT\",\n  \"description\": \"Portuguese (Portugal)\",\n  \
             \"culture\": \"pt-PT\",\n  \"texts\": [\n    {\n      \"name\": \"ErrorMessage_BehaviourFailed\",\n      \"value\": "
        ),
        "{json}"
    );
    assert!(json.ends_with("}\n  ]\n}\n"), "{json}");
    // Non-ASCII letters are written as they are.
    assert!(json.contains("ã"), "{json}");
}

#[test]
fn a_modified_file_is_reported_exactly() {
    let locales = embedded_locales();
    let mut file = export_language_file(&locales, "de-DE").unwrap().file;
    let ours_changed = file.text("ErrorMessage_EntityNotFound").unwrap().to_owned();
    for text in &mut file.texts {
        match text.name.as_str() {
            "ErrorMessage_EntityNotFound" => text.value = "Nicht gefunden.".into(),
            // Whitespace only: not a difference.
            "ErrorMessage_InternalError" => {
                text.value = format!("  {}\n", text.value.replace(' ', "   "));
            }
            _ => {}
        }
    }
    file.texts
        .retain(|t| t.name != "ErrorMessage_RequiredValue_Context");
    file.texts.push(Text::new(
        "ErrorMessage_QuotaExceeded",
        "Zu viele Anfragen.",
    ));

    let comparison = compare_language_file(&locales, &file.to_json()).unwrap();
    assert_eq!(
        comparison,
        Comparison {
            culture: "de-DE".into(),
            missing_in_file: vec!["ErrorMessage_RequiredValue_Context".into()],
            missing_in_ours: vec!["ErrorMessage_QuotaExceeded".into()],
            differing: vec![Difference {
                name: "ErrorMessage_EntityNotFound".into(),
                ours: ours_changed,
                theirs: "Nicht gefunden.".into(),
            }],
            duplicated: vec![],
        }
    );
    assert!(!comparison.is_empty());
    let report = comparison.to_string();
    assert!(
        report.contains("ErrorMessage_RequiredValue_Context: missing in the file"),
        "{report}"
    );
}

#[test]
fn duplicated_names_are_reported_and_the_first_compared() {
    let locales = embedded_locales();
    let mut file = export_language_file(&locales, "en-US").unwrap().file;
    file.texts
        .push(Text::new("ErrorMessage_EntityNotFound", "Something else."));
    let comparison = compare_language_file(&locales, &file.to_json()).unwrap();
    assert_eq!(comparison.duplicated, ["ErrorMessage_EntityNotFound"]);
    assert!(comparison.differing.is_empty() && comparison.missing_in_ours.is_empty());
}

#[test]
fn reading_is_tolerant_and_keeps_extra_fields() {
    let json = "\u{feff}{\"Culture\": \"pt_pt\", \"version\": 2, \"texts\": [\
        {\"name\": \"ErrorMessage_EntityNotFound\", \"value\": \"Entidade não encontrada.\", \"id\": 7}\
    ], \"author\": {\"name\": \"X\"}}";
    let file = LanguageFile::from_json(json).unwrap();
    assert_eq!(file.culture, "pt_pt");
    assert_eq!(file.name, "");
    assert_eq!(file.extra.len(), 2);
    assert_eq!(file.texts[0].extra["id"], 7);

    let written = file.to_json();
    assert!(
        written.contains("\"author\": {\n    \"name\": \"X\"\n  },\n  \"version\": 2\n}"),
        "{written}"
    );
    assert!(
        written.contains("\"value\": \"Entidade não encontrada.\",\n      \"id\": 7\n"),
        "{written}"
    );
    assert_eq!(LanguageFile::from_json(&written).unwrap(), file);

    // `pt_pt` is our pt-PT.
    let comparison = compare_language_file(&embedded_locales(), json).unwrap();
    assert_eq!(comparison.culture, "pt-PT");
    assert_eq!(
        comparison.missing_in_file.len(),
        AnyCode::COUNT + codes_with_context() - 1
    );
    assert_eq!(comparison.differing.len(), 1);
}

#[test]
fn malformed_json_is_an_error_with_line_and_column() {
    let locales = embedded_locales();
    let cases = [
        (
            "{\n  \"culture\": \"en-US\",\n  \"texts\": [\n    {\"name\": \"A\" \"value\": \"B\"}\n  ]\n}",
            4,
            "expected `,` or `}`",
        ),
        (
            "{\n  \"culture\": \"en-US\",\n  \"texts\": [\n    {\"name\": \"A\", \"value\": 5}\n  ]\n}",
            4,
            "invalid type: integer `5`, expected a string",
        ),
        (
            "{\n  \"culture\": \"en-US\",\n  \"texts\": [\n    {\"name\": \"A\"}\n  ]\n}",
            4,
            "missing field `value`",
        ),
        ("{\n  \"texts\": []\n}", 3, "missing field `culture`"),
        (
            "{\"culture\": \"en-US\", \"culture\": \"de-DE\", \"texts\": []}",
            1,
            "duplicate field `culture`",
        ),
        ("[1, 2]", 1, "expected an OMNIA language file"),
        ("", 1, "EOF while parsing"),
    ];
    for (json, line, message) in cases {
        let error = compare_language_file(&locales, json).unwrap_err();
        let OmniaFileError::Json(source) = &error else {
            panic!("{json:?}: not a JSON error: {error}");
        };
        let text = error.to_string();
        assert_eq!(source.line(), line, "{json:?}: {text}");
        assert!(text.contains(message), "{json:?}: {text}");
        assert!(
            text.contains(&format!("at line {line} column {}", source.column())),
            "{text}"
        );
    }
}

#[test]
fn an_unknown_culture_is_an_error() {
    let locales = embedded_locales();
    let error = export_language_file(&locales, "ja-JP").unwrap_err();
    assert!(
        matches!(&error, OmniaFileError::UnknownCulture { culture, available }
            if culture == "ja-JP" && available.len() == locales.len()),
        "{error}"
    );
    assert!(error.to_string().contains("\"ja-JP\""), "{error}");
    assert!(error.to_string().contains("pl-PL"), "{error}");
    // A language without the region is not a culture we have either.
    assert!(export_language_file(&locales, "pt").is_err());
    assert!(export_language_file(&locales, "").is_err());

    let json = r#"{"name": "jaJP", "culture": "ja-JP", "texts": []}"#;
    let error = compare_language_file(&locales, json).unwrap_err();
    assert!(
        matches!(error, OmniaFileError::UnknownCulture { .. }),
        "{error}"
    );
}

fn one_file_locale(tag: &str, ftl: &str) -> Vec<LocaleFiles> {
    vec![LocaleFiles {
        tag: tag.to_owned(),
        files: vec![SourceFile {
            path: format!("locales/{tag}/errors.ftl"),
            name: "errors.ftl".to_owned(),
            text: ftl.to_owned(),
        }],
    }]
}

#[test]
fn other_fluent_constructs_are_simplified_and_reported() {
    let ftl = r#"
-brand = OMNIA
-thing = { $case ->
    [genitive] of the thing
   *[nominative] the thing
}
error-BehaviourFailed = { -brand } failed on { -thing(case: "genitive") } { "{" }x{ "}" } { 5 } { NUMBER($limit, style: "percent") }.
error-EntityNotFound = { error-BehaviourFailed } { error-ConnectorBehaviourFailed.context } { -missing } { $path ->
        [a] A
       *[b] B { $path }
    }
error-ConnectorBehaviourFailed = Failed.
    .context = Failed: { $message } { error-ConnectorBehaviourFailed.context }
    .help = Not exported.
"#;
    let export = export_language_file(&one_file_locale("xx-YY", ftl), "XX_yy").unwrap();
    assert_eq!(export.file.description, "xx-YY");
    assert_eq!(export.file.name, "xxYY");
    assert_eq!(
        export.file.text("ErrorMessage_BehaviourFailed"),
        Some("OMNIA failed on of the thing {x} 5 {limit}.")
    );
    assert_eq!(
        export.file.text("ErrorMessage_EntityNotFound"),
        Some("OMNIA failed on of the thing {x} 5 {limit}. Failed: {message}   B {path}")
    );
    assert_eq!(
        export
            .file
            .text("ErrorMessage_ConnectorBehaviourFailed_Context"),
        Some("Failed: {message} ")
    );
    let report: Vec<String> = export
        .simplifications
        .iter()
        .filter(|s| !s.what.starts_with("no such message"))
        .map(ToString::to_string)
        .collect();
    let behaviour = [
        "xx-YY error-BehaviourFailed: term -brand inlined",
        "xx-YY error-BehaviourFailed: term -thing inlined",
        "xx-YY error-BehaviourFailed: string literal \"{\" inlined; OMNIA reads its braces as a placeholder",
        "xx-YY error-BehaviourFailed: string literal \"}\" inlined; OMNIA reads its braces as a placeholder",
        "xx-YY error-BehaviourFailed: number literal 5 inlined as text",
        "xx-YY error-BehaviourFailed: function NUMBER($limit, style: \"percent\") exported as its first argument",
    ];
    let mut expected: Vec<String> = behaviour.iter().map(|s| (*s).to_owned()).collect();
    expected.push("xx-YY error-ConnectorBehaviourFailed.context: cyclic reference to message error-ConnectorBehaviourFailed.context dropped".into());
    expected.push("xx-YY error-ConnectorBehaviourFailed.help: attribute not exported".into());
    expected.push("xx-YY error-EntityNotFound: message error-BehaviourFailed inlined".into());
    expected.extend(
        behaviour
            .iter()
            .map(|s| s.replace("error-BehaviourFailed:", "error-EntityNotFound:")),
    );
    expected.push(
        "xx-YY error-EntityNotFound: message error-ConnectorBehaviourFailed.context inlined".into(),
    );
    expected.push("xx-YY error-EntityNotFound: cyclic reference to message error-ConnectorBehaviourFailed.context dropped".into());
    expected.push("xx-YY error-EntityNotFound: reference to unknown term -missing dropped".into());
    expected.push("xx-YY error-EntityNotFound: select on $path exported as its [b] variant".into());
    let mut sorted_report = report.clone();
    sorted_report.sort();
    expected.sort();
    assert_eq!(sorted_report, expected, "{report:#?}");

    // Every other code's message is missing from this locale, and reported.
    let missing = export
        .simplifications
        .iter()
        .filter(|s| s.what.starts_with("no such message"))
        .count();
    assert_eq!(missing, AnyCode::COUNT - 3);
    assert!(export.simplifications.iter().any(|s| s.to_string()
        == "xx-YY validation-RequiredValue: no such message in this locale; \
            ErrorMessage_RequiredValue and ErrorMessage_RequiredValue_Context not exported"));
}

#[test]
fn our_syntax_errors_are_an_error() {
    let locales = one_file_locale("en-US", "error-BehaviourFailed = { $oops\n");
    let error = export_language_file(&locales, "en-US").unwrap_err();
    let OmniaFileError::Fluent(findings) = &error else {
        panic!("not a Fluent error: {error}");
    };
    assert!(!findings.is_empty());
    assert!(
        error.to_string().contains("locales/en-US/errors.ftl:1:1"),
        "{error}"
    );
}
