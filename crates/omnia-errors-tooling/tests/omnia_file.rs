//! OMNIA language files: export from the Fluent files in OMNIA's layout, JSON reading and
//! writing, merging into OMNIA's own files (fixtures from OMNIALowCode/omnia3-samples, MIT),
//! comparison.

use omnia_errors::{AnyCode, ValidationError, ValidationErrorCode};
use omnia_errors_fluent::Localizer;
use omnia_errors_tooling::{
    Comparison, Difference, LanguageFile, LocaleError, Locales, OmniaFileError, Text, Workspace,
    compare_language_file, export_language_file, omnia_text_name,
};

/// The declared locales' tags (`locales/locales.toml`), in order.
fn tags() -> impl Iterator<Item = &'static str> {
    static LOCALES: std::sync::OnceLock<Locales> = std::sync::OnceLock::new();
    LOCALES
        .get_or_init(|| Workspace::current().locales().unwrap())
        .tags()
}

/// Typical maximum lengths and collection limits.
const TYPICAL_NUMBERS: [u64; 5] = [5, 10, 50, 100, 255];

const PTPT: &str = include_str!("fixtures/omnia3-samples/PTPT.json");
const ESES: &str = include_str!("fixtures/omnia3-samples/ESES.json");

/// The placeholders of an exported text: `{name}` → `name`, sorted, each once.
fn placeholders(text: &str) -> Vec<&str> {
    let mut names: Vec<&str> = text
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}

#[test]
fn en_us_has_one_text_per_code_in_omnias_layout() {
    let export = export_language_file(&Workspace::current().locales().unwrap(), "en-US").unwrap();
    let file = &export.file;
    assert_eq!(file.name, "ENUS");
    assert_eq!(file.description, "English (US)");
    assert_eq!(file.culture, "en-US");
    assert_eq!(file.texts.len(), AnyCode::COUNT);
    assert!(file.texts.iter().all(|t| !t.name.ends_with("_Context")));
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
    // Codes with optional parameters: the contextual text, as OMNIA fills in placeholders.
    assert_eq!(
        file.text("ErrorMessage_RequiredValue"),
        Some("A value is required for the attribute {path}.")
    );
    assert_eq!(
        file.text("ErrorMessage_TypeMismatch"),
        Some("The value \"{value}\" doesn't match the type {type} of the attribute {path}.")
    );
    assert_eq!(
        file.text("ErrorMessage_LowerLimitNotRespected"),
        Some("The collection must have at least {limit} elements.")
    );
    // Terms are resolved to their text.
    assert_eq!(
        file.text("ErrorMessage_TenantNotFound"),
        Some("Tenant/Environment can't be found.")
    );
    // The documentation note of ValidationFailed is not exported.
    assert_eq!(
        file.text("ErrorMessage_ValidationFailed"),
        Some("Request validation failed.")
    );
    let names: Vec<String> = file.texts.iter().map(|t| t.name.clone()).collect();
    let expected: Vec<String> = AnyCode::all().map(omnia_text_name).collect();
    assert_eq!(names, expected);
    let first = &export.simplifications[0];
    assert_eq!(
        first.code,
        AnyCode::Validation(ValidationErrorCode::LowerLimitNotRespected)
    );
    assert_eq!(
        first.to_string(),
        "en-US validation-LowerLimitNotRespected.context: plural select on $limit exported as \
         its [other] variant, the one Fluent picks for 5, 10, 50, 100 and 255"
    );
}

/// OMNIA's own files, code by code: the placeholders their `ErrorMessage_<Code>` carries.
#[test]
fn every_locale_exports_the_placeholders_omnias_files_use() {
    let locales = Workspace::current().locales().unwrap();
    let omnia: Vec<LanguageFile> = [PTPT, ESES]
        .iter()
        .map(|json| LanguageFile::from_json(json).unwrap())
        .collect();
    for tag in tags() {
        let export = export_language_file(&locales, tag).unwrap();
        assert_eq!(export.file.culture, tag);
        assert_eq!(export.file.name, tag.replace('-', "").to_uppercase());
        assert_ne!(export.file.description, tag, "{tag} has no language name");
        assert_eq!(export.file.texts.len(), AnyCode::COUNT, "{tag}");
        for code in AnyCode::all() {
            let name = omnia_text_name(code);
            let value = export.file.text(&name).unwrap();
            // Every parameter of the code: OMNIA always fills them in.
            let mut expected: Vec<&str> = code.params().iter().map(|p| p.name).collect();
            expected.sort_unstable();
            assert_eq!(placeholders(value), expected, "{tag} {name}: {value}");
            for file in &omnia {
                if let Some(theirs) = file.text(&name) {
                    assert_eq!(
                        placeholders(theirs),
                        expected,
                        "OMNIA's {} {name}",
                        file.culture
                    );
                }
            }
            assert!(
                !value.contains('$') && !value.contains("{-") && !value.trim().is_empty(),
                "{tag} {name}: {value}"
            );
        }
        // Only plural selections are simplified in our files.
        for simplification in &export.simplifications {
            assert!(
                simplification.what.starts_with("plural select on $"),
                "{simplification}"
            );
        }
    }
}

/// OMNIA substitutes numbers into the text as they are: for typical values, that must be
/// exactly what Fluent says.
#[test]
fn exported_numbers_read_as_fluent_formats_them_in_every_locale() {
    let locales = Workspace::current().locales().unwrap();
    let localizer = Localizer::embedded();
    let mut checked = 0;
    for tag in tags() {
        let export = export_language_file(&locales, tag).unwrap();
        let language = localizer.for_accept_language(tag);
        assert_eq!(language.locale().to_string(), tag);
        for code in AnyCode::all() {
            let numbers: Vec<&str> = code
                .params()
                .iter()
                .filter(|p| p.kind == omnia_errors::ParamKind::Number)
                .map(|p| p.name)
                .collect();
            let [number] = numbers.as_slice() else {
                continue;
            };
            // Our number codes are validation codes.
            let AnyCode::Validation(code) = code else {
                panic!("{code}: a number parameter on an API code");
            };
            let exported = export
                .file
                .text(&omnia_text_name(AnyCode::Validation(code)))
                .unwrap();
            for n in TYPICAL_NUMBERS {
                let parameters: omnia_errors::Parameters =
                    [(*number, n.into())].into_iter().collect();
                let error = ValidationError::from_parameters(code, &parameters).unwrap();
                let fluent = language.message(&error).text.into_owned();
                let naive = exported.replace(&format!("{{{number}}}"), &n.to_string());
                assert_eq!(naive, fluent, "{tag} {code} with {number} = {n}");
                checked += 1;
            }
        }
    }
    // 7 locales × 3 codes with a number × 5 values.
    assert_eq!(checked, 7 * 3 * 5);
}

#[test]
fn pl_pl_exports_grammatical_texts_for_typical_numbers() {
    let export = export_language_file(&Workspace::current().locales().unwrap(), "pl-PL").unwrap();
    assert_eq!(export.file.description, "Polski (Polska)");
    // Fluent says "5 znaków" (many) for 5, 10, 50, 100 and 255, and keeps the noun.
    assert_eq!(
        export.file.text("ErrorMessage_TextMaxLengthMismatch"),
        Some("Wartość jest za długa. Maksymalna długość to {maxLength} znaków.")
    );
    // One text for every number: no "co najmniej {limit} elementu".
    assert_eq!(
        export.file.text("ErrorMessage_LowerLimitNotRespected"),
        Some("Minimalna liczba elementów kolekcji: {limit}.")
    );
    let report: Vec<String> = export
        .simplifications
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        report,
        [
            "pl-PL validation-TextMaxLengthMismatch: plural select on $maxLength exported as its \
          [many] variant, the one Fluent picks for 5, 10, 50, 100 and 255"
        ]
    );
}

#[test]
fn export_json_import_compare_finds_no_difference() {
    let locales = Workspace::current().locales().unwrap();
    for tag in tags() {
        let export = export_language_file(&locales, tag).unwrap();
        let json = export.file.to_json();
        assert_eq!(
            LanguageFile::from_json(&json).unwrap(),
            export.file,
            "{tag}"
        );
        let comparison = compare_language_file(&locales, &json).unwrap();
        assert!(comparison.is_empty(), "{comparison}");
        assert!(comparison.headers.is_empty(), "{comparison}");
        assert_eq!(comparison.other_texts, 0);
        assert_eq!(comparison.culture, tag);
    }
}

#[test]
fn json_has_omnias_layout() {
    let locales = Workspace::current().locales().unwrap();
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
            "{\n\t\"name\": \"PTPT\",\n\t\"description\": \"Português (Portugal)\",\n\t\
             \"culture\": \"pt-PT\",\n\t\"texts\": [\n\t\t{\n\t\t\t\"name\": \"ErrorMessage_BehaviourFailed\",\n\t\t\t\"value\": "
        ),
        "{json}"
    );
    assert!(json.ends_with("}\n\t]\n}"), "{json}");
    assert!(!json.contains('\r') && !json.starts_with('\u{feff}'));
    assert!(json.contains("ã"), "{json}");
}

#[test]
fn omnias_own_files_are_read_and_written_back_byte_for_byte() {
    for json in [PTPT, ESES] {
        let file = LanguageFile::from_json(json).unwrap();
        assert_eq!(file.to_json(), json);
    }
}

#[test]
fn merging_into_omnias_ptpt_keeps_its_texts_and_placeholders() {
    let locales = Workspace::current().locales().unwrap();
    let original = LanguageFile::from_json(PTPT).unwrap();
    assert_eq!(original.texts.len(), 141);
    let ours = export_language_file(&locales, &original.culture)
        .unwrap()
        .file;
    let mut merged = original.clone();
    let (added, changed) = merged.merge_texts(&ours);

    // All 141 texts are still there, in their order, followed by the ones added.
    assert_eq!(merged.texts.len(), 141 + added.len());
    for (before, after) in original.texts.iter().zip(&merged.texts) {
        assert_eq!(before.name, after.name);
        if ours.text(&before.name).is_none() {
            assert_eq!(before.value, after.value, "{} was not ours", before.name);
        }
    }
    assert_eq!(
        (merged.name.as_str(), merged.culture.as_str()),
        ("ptPT", "pt-PT")
    );
    assert_eq!(merged.description, original.description);
    // OMNIA's file has 19 of our codes; every other code of the catalog is added.
    let present = AnyCode::all()
        .filter(|&c| original.text(&omnia_text_name(c)).is_some())
        .count();
    assert_eq!(present, 19);
    assert_eq!(added.len(), AnyCode::COUNT - present, "{added:?}");
    assert!(added.contains(&"ErrorMessage_TextMaxLengthMismatch".to_owned()));
    let type_mismatch = changed
        .iter()
        .find(|d| d.name == "ErrorMessage_TypeMismatch")
        .unwrap();
    assert_eq!(
        type_mismatch.theirs,
        "\"{value}\" não é válido para o tipo \"{type}\" de {path}."
    );
    // Every placeholder OMNIA's file uses is still in the merged file.
    for text in &original.texts {
        let now = merged.text(&text.name).unwrap();
        assert_eq!(
            placeholders(now),
            placeholders(&text.value),
            "{}",
            text.name
        );
    }
    // Merged: nothing of ours differs; the original: it does.
    let after = compare_language_file(&locales, &merged.to_json()).unwrap();
    assert!(after.is_empty(), "{after}");
    assert_eq!(after.other_texts, 141 - present);
    assert_eq!(after.headers.len(), 1, "{after}");
    let before = compare_language_file(&locales, PTPT).unwrap();
    assert!(!before.is_empty());
    assert_eq!(before.missing_in_file.len(), AnyCode::COUNT - present);
    let report = before.to_string();
    // Our messages first, the other texts as one count at the end.
    assert!(
        report.ends_with("122 other text(s) in the file, not ours: not compared"),
        "{report}"
    );
    assert!(!report.contains("SaveButton"), "{report}");
    assert!(
        report.contains("name: ours \"PTPT\", theirs \"ptPT\""),
        "{report}"
    );

    // Merging again changes nothing.
    let mut again = merged.clone();
    assert_eq!(again.merge_texts(&ours), (vec![], vec![]));
    assert_eq!(again, merged);
}

#[test]
fn merging_into_omnias_eses_keeps_its_texts() {
    let locales = Workspace::current().locales().unwrap();
    let original = LanguageFile::from_json(ESES).unwrap();
    assert_eq!(original.texts.len(), 125);
    let ours = export_language_file(&locales, "es-ES").unwrap().file;
    let mut merged = original.clone();
    let (added, _) = merged.merge_texts(&ours);
    // ESES lacks ConnectorBehaviourFailed, which OMNIA's PTPT has.
    assert!(added.contains(&"ErrorMessage_ConnectorBehaviourFailed".to_owned()));
    assert_eq!(merged.texts.len(), 125 + added.len());
    assert!(
        compare_language_file(&locales, &merged.to_json())
            .unwrap()
            .is_empty()
    );
    let header = compare_language_file(&locales, ESES).unwrap();
    // ESES's name and description are OMNIA's convention, and ours.
    assert!(header.headers.is_empty(), "{header}");
}

#[test]
fn a_modified_file_is_reported_exactly() {
    let locales = Workspace::current().locales().unwrap();
    let mut file = export_language_file(&locales, "de-DE").unwrap().file;
    let ours_changed = file.text("ErrorMessage_EntityNotFound").unwrap().to_owned();
    let ours_required = file.text("ErrorMessage_RequiredValue").unwrap().to_owned();
    for text in &mut file.texts {
        match text.name.as_str() {
            "ErrorMessage_EntityNotFound" => text.value = "Nicht gefunden.".into(),
            "ErrorMessage_RequiredValue" => text.value = "Pflichtfeld.".into(),
            // Whitespace only: not a difference.
            "ErrorMessage_InternalError" => {
                text.value = format!("  {}\n", text.value.replace(' ', "   "));
            }
            _ => {}
        }
    }
    file.texts.retain(|t| t.name != "ErrorMessage_TypeMismatch");
    file.texts.push(Text::new(
        "ErrorMessage_QuotaExceeded",
        "Zu viele Anfragen.",
    ));
    file.description = "German".into();

    let comparison = compare_language_file(&locales, &file.to_json()).unwrap();
    assert_eq!(
        comparison,
        Comparison {
            culture: "de-DE".into(),
            headers: vec![(
                "description".into(),
                "Deutsch (Deutschland)".into(),
                "German".into()
            )],
            missing_in_file: vec!["ErrorMessage_TypeMismatch".into()],
            differing: vec![
                Difference {
                    name: "ErrorMessage_EntityNotFound".into(),
                    ours: ours_changed,
                    theirs: "Nicht gefunden.".into(),
                    placeholders: None,
                },
                Difference {
                    name: "ErrorMessage_RequiredValue".into(),
                    ours: ours_required,
                    theirs: "Pflichtfeld.".into(),
                    placeholders: Some((vec!["path".into()], vec![])),
                },
            ],
            duplicated: vec![],
            other_texts: 1,
        }
    );
    let report = comparison.to_string();
    assert!(
        report.contains("ErrorMessage_TypeMismatch: missing in the file"),
        "{report}"
    );
    assert!(
        report.contains("placeholders differ: ours {path}, theirs none"),
        "{report}"
    );
}

#[test]
fn duplicated_names_are_reported_and_the_first_compared() {
    let locales = Workspace::current().locales().unwrap();
    let mut file = export_language_file(&locales, "en-US").unwrap().file;
    file.texts
        .push(Text::new("ErrorMessage_EntityNotFound", "Something else."));
    let comparison = compare_language_file(&locales, &file.to_json()).unwrap();
    assert_eq!(comparison.duplicated, ["ErrorMessage_EntityNotFound"]);
    assert!(comparison.differing.is_empty());
    assert!(!comparison.is_empty());
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
        written.contains("\"author\": {\n\t\t\"name\": \"X\"\n\t},\n\t\"version\": 2\n}"),
        "{written}"
    );
    assert!(
        written.contains("\"value\": \"Entidade não encontrada.\",\n\t\t\t\"id\": 7\n"),
        "{written}"
    );
    assert_eq!(LanguageFile::from_json(&written).unwrap(), file);

    // `pt_pt` is our pt-PT.
    let comparison = compare_language_file(&Workspace::current().locales().unwrap(), json).unwrap();
    assert_eq!(comparison.culture, "pt-PT");
    assert_eq!(comparison.missing_in_file.len(), AnyCode::COUNT - 1);
    assert_eq!(comparison.differing.len(), 1);
}

#[test]
fn malformed_json_is_an_error_with_line_and_column() {
    let locales = Workspace::current().locales().unwrap();
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
    let locales = Workspace::current().locales().unwrap();
    let error = export_language_file(&locales, "ja-JP").unwrap_err();
    assert!(
        matches!(&error, OmniaFileError::Locale(LocaleError::Unknown { tag, available })
            if tag == "ja-JP" && available.len() == locales.declared().len()),
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
        matches!(error, OmniaFileError::Locale(LocaleError::Unknown { .. })),
        "{error}"
    );
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
    let export = export_language_file(&Locales::one_file("xx-YY", ftl), "XX_yy").unwrap();
    assert_eq!(export.file.description, "xx-YY");
    assert_eq!(export.file.name, "XXYY");
    assert_eq!(
        export.file.text("ErrorMessage_BehaviourFailed"),
        Some("OMNIA failed on of the thing {x} 5 {limit}.")
    );
    assert_eq!(
        export.file.text("ErrorMessage_EntityNotFound"),
        Some("OMNIA failed on of the thing {x} 5 {limit}. Failed: {message}   B {path}")
    );
    assert_eq!(
        export.file.text("ErrorMessage_ConnectorBehaviourFailed"),
        Some("Failed: {message} ")
    );
    let report: Vec<String> = export
        .simplifications
        .iter()
        .filter(|s| !s.what.starts_with("no such message"))
        .map(ToString::to_string)
        .collect();
    let behaviour = [
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
            ErrorMessage_RequiredValue not exported"));
}

#[test]
fn our_syntax_errors_are_an_error() {
    let locales = Locales::one_file("en-US", "error-BehaviourFailed = { $oops\n");
    let error = export_language_file(&locales, "en-US").unwrap_err();
    let OmniaFileError::Locale(LocaleError::Fluent(findings)) = &error else {
        panic!("not a Fluent error: {error}");
    };
    assert!(!findings.is_empty());
    assert!(
        error.to_string().contains("locales/en-US/errors.ftl:1:1"),
        "{error}"
    );
}

#[test]
fn a_file_that_is_not_json_keeps_the_parser_error_as_its_source() {
    let locales = Workspace::current().locales().unwrap();
    let error = compare_language_file(&locales, "{ not json").unwrap_err();
    assert!(matches!(error, OmniaFileError::Json(_)), "{error}");
    let source = std::error::Error::source(&error).expect("the JSON error");
    assert!(!source.to_string().is_empty());
    let unknown = export_language_file(&locales, "xx-XX").unwrap_err();
    assert!(std::error::Error::source(&unknown).is_none());
}

fn export_of(ftl: &str) -> omnia_errors_tooling::Export {
    export_language_file(&Locales::one_file("en-US", ftl), "en-US").unwrap()
}

#[test]
fn a_term_argument_is_written_as_its_literal() {
    let export = export_of(
        "-items = { $count } items and { $label }\n\
         error-BehaviourFailed = Failed with { -items(count: 5, label: \"x\") }.\n",
    );
    assert_eq!(
        export.file.text("ErrorMessage_BehaviourFailed"),
        Some("Failed with 5 items and x.")
    );
}

#[test]
fn a_number_key_matches_the_typical_numbers_it_equals() {
    // `[5.0]` is the number 5 for Fluent: for the typical value 5 it is chosen, for 10 the
    // default is, so no one variant serves every typical value, and the export says so.
    let export = export_of(
        "validation-TextMaxLengthMismatch = { $maxLength ->\n    [5.0] Five at most.\n   \
         *[other] At most { $maxLength }.\n}\n",
    );
    let report: Vec<String> = export
        .simplifications
        .iter()
        .map(|s| s.what.clone())
        .collect();
    assert!(
        report
            .iter()
            .any(|what| what.contains("plural select on $maxLength")
                && !what.contains("Fluent picks for")),
        "{report:#?}"
    );
    // Without the exact key, [other] serves every typical value.
    let plain = export_of(
        "validation-TextMaxLengthMismatch = { $maxLength ->\n    [7.0] Seven at most.\n   \
         *[other] At most { $maxLength }.\n}\n",
    );
    assert!(
        plain.simplifications.iter().any(|s| s
            .what
            .contains("the one Fluent picks for 5, 10, 50, 100 and 255")),
        "{:#?}",
        plain.simplifications
    );
}

#[test]
fn a_term_with_arguments_is_inlined_and_reported() {
    let export = export_of(
        "-brand = OMNIA\n\
         -items = { $count } items\n\
         -thing = Thing\n\
         error-BehaviourFailed = { -brand } failed on { -items(count: 3) }.\n\
         error-InternalError = { -thing(unused: 1) } broke.\n",
    );
    assert_eq!(
        export.file.text("ErrorMessage_BehaviourFailed"),
        Some("OMNIA failed on 3 items.")
    );
    assert_eq!(
        export.file.text("ErrorMessage_InternalError"),
        Some("Thing broke.")
    );
    let report: Vec<String> = export
        .simplifications
        .iter()
        .map(|s| s.what.clone())
        .collect();
    // A term given arguments is not plain vocabulary, even when its text takes none.
    for term in ["term -items inlined", "term -thing inlined"] {
        assert!(
            report.iter().any(|what| what == term),
            "{term}: {report:#?}"
        );
    }
    assert!(
        !report.iter().any(|what| what.contains("-brand")),
        "a plain term is vocabulary, not a simplification: {report:#?}"
    );
}
