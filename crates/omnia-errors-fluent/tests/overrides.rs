//! The application's own wording layered over the embedded messages: per message, per locale,
//! checked like our files, and a typed error naming file, line and message when it is wrong.
#![cfg(feature = "files")]

use omnia_errors::{AnyCode, ApiError, ParamValue, Parameters, ValidationError, WireCode};
use omnia_errors_fluent::{FindingKind, Language, Localizer, OverrideError, Overrides};

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// Sample parameters for every code, so that contextual variants are formatted too.
fn parameters(code: AnyCode) -> Parameters {
    code.params()
        .iter()
        .map(|p| {
            let value = match p.kind {
                omnia_errors::ParamKind::Number => ParamValue::from(5u64),
                omnia_errors::ParamKind::Text => ParamValue::from("Nome"),
            };
            (p.name, value)
        })
        .collect()
}

#[test]
fn one_polish_message_overridden_and_every_other_still_polish() -> TestResult {
    let text = "error-EntityNotFound = Nie ma takiego rekordu.\n";
    let overrides = Overrides::new().ftl("pl-PL", "app/pl-PL/errors.ftl", text)?;
    let localizer = Localizer::builder().overrides(overrides)?.build();
    let embedded = Localizer::embedded();
    let (pl, ours) = (
        localizer.for_tags(&["pl-PL"]),
        embedded.for_tags(&["pl-PL"]),
    );
    for code in AnyCode::all() {
        let params = parameters(code);
        for with_params in [false, true] {
            let params = if with_params {
                params.clone()
            } else {
                Parameters::new()
            };
            let (Ok(got), Ok(want)) = (
                pl.message_for(WireCode::Known(code), &params),
                ours.message_for(WireCode::Known(code), &params),
            ) else {
                continue; // a required parameter left out
            };
            assert_eq!(got.locale.to_string(), "pl-PL", "{code}");
            if code == AnyCode::Api(omnia_errors::ErrorCode::EntityNotFound) {
                assert_eq!(got.text, "Nie ma takiego rekordu.");
            } else {
                assert_eq!(got.text, want.text, "{code}: still the embedded Polish");
            }
        }
    }
    // Other locales are untouched.
    let pt = localizer.for_tags(&["pt-PT"]);
    assert_eq!(
        pt.message(&ApiError::EntityNotFound).text,
        embedded
            .for_tags(&["pt-PT"])
            .message(&ApiError::EntityNotFound)
            .text
    );
    Ok(())
}

#[test]
fn a_value_without_context_serves_both_and_a_context_alone_keeps_the_value() -> TestResult {
    let overrides = Overrides::new().ftl(
        "de-DE",
        "app.ftl",
        "validation-RequiredValue = Pflichtfeld.\n\
         validation-InvalidIdentifier =\n    .context = Der Code { $value } ist ungültig.\n",
    )?;
    let de = Localizer::builder()
        .overrides(overrides)?
        .build()
        .for_tags(&["de-DE"]);
    let embedded = Localizer::embedded().for_tags(&["de-DE"]);
    let required = ValidationError::RequiredValue {
        path: Some("Name".into()),
    };
    assert_eq!(de.message(&required).text, "Pflichtfeld.");
    assert_eq!(
        de.message(&ValidationError::RequiredValue { path: None })
            .text,
        "Pflichtfeld."
    );
    let invalid = ValidationError::InvalidIdentifier {
        value: Some("x y".into()),
    };
    assert_eq!(de.message(&invalid).text, "Der Code x y ist ungültig.");
    let generic = ValidationError::InvalidIdentifier { value: None };
    assert_eq!(de.message(&generic).text, embedded.message(&generic).text);
    Ok(())
}

fn findings(error: OverrideError) -> Vec<omnia_errors_fluent::Finding> {
    match error {
        OverrideError::Invalid(findings) => findings,
        other => panic!("not findings: {other}"),
    }
}

#[test]
fn a_bad_ftl_override_names_file_line_and_message() {
    let text = "error-EntityNotFound = Fine.\n\
                error-EntityNotFund = A typo.\n\
                validation-TextMaxLengthMismatch = Max { $max }.\n\
                validation-UpperLimitNotRespected = x\n    .context = { $limit ->\n        [one] one\n       *[other] many\n    }\n";
    let error = Overrides::new()
        .ftl("pl-PL", "app/pl.ftl", text)
        .unwrap_err();
    let message = error.to_string();
    let found = findings(error);
    let findings = found;
    let at = |id: &str| {
        findings
            .iter()
            .find(|f| f.id.as_deref() == Some(id))
            .unwrap_or_else(|| panic!("{id}: {findings:?}"))
    };
    let typo = at("error-EntityNotFund");
    assert_eq!(typo.kind, FindingKind::Unexpected);
    assert_eq!(
        (typo.file.as_str(), typo.position.map(|p| p.line)),
        ("app/pl.ftl", Some(2))
    );
    let variable = at("validation-TextMaxLengthMismatch");
    assert!(
        matches!(&variable.kind, FindingKind::UnknownVariable { variable, .. } if variable == "max")
    );
    assert_eq!(variable.position.map(|p| p.line), Some(3));
    // Polish has `few` and `many`: a selector without them would fall to `other`.
    let plural = at("validation-UpperLimitNotRespected");
    assert!(findings.iter().any(|f| f.id == plural.id
        && matches!(
            f.kind,
            FindingKind::MissingPluralVariant {
                category: "few",
                ..
            }
        )));
    assert!(
        message.contains("app/pl.ftl:2:1: [pl-PL] error-EntityNotFund"),
        "{message}"
    );
    // An optional parameter in the generic message is refused: it may be unknown.
    let error = Overrides::new()
        .ftl(
            "pl-PL",
            "x.ftl",
            "validation-RequiredValue = Podaj { $path }.\n",
        )
        .unwrap_err();
    let OverrideError::Invalid(optional) = error else {
        panic!("{error}")
    };
    assert!(
        matches!(&optional[0].kind, FindingKind::UnknownVariable { variable, .. } if variable == "path")
    );
}

const PTPT: &str = r#"{
	"name": "PTPT",
	"description": "Português (Portugal)",
	"culture": "pt-PT",
	"texts": [
		{
			"name": "Button_Save",
			"value": "Gravar"
		},
		{
			"name": "ErrorMessage_ElementLoading",
			"value": "Erro ao carregar {definition}"
		},
		{
			"name": "ErrorMessage_TextMaxLengthMismatch",
			"value": "Texto demasiado longo (máximo {maxLength})."
		},
		{
			"name": "ErrorMessage_RequiredValue",
			"value": "O campo {path} é obrigatório."
		}
	]
}"#;

#[test]
fn an_omnia_language_files_error_texts_override_their_codes() -> TestResult {
    let path = std::env::temp_dir().join(format!("omnia-overrides-{}.json", std::process::id()));
    std::fs::write(&path, PTPT)?;
    let overrides = Overrides::new().omnia_file_at(&path);
    let _ = std::fs::remove_file(&path);
    let pt = Localizer::builder()
        .overrides(overrides?)?
        .build()
        .for_tags(&["pt-PT"]);
    let embedded = Localizer::embedded().for_tags(&["pt-PT"]);
    let too_long = ValidationError::TextMaxLengthMismatch { max_length: 1000 };
    assert_eq!(
        pt.message(&too_long).text,
        "Texto demasiado longo (máximo 1000)."
    );
    let required = ValidationError::RequiredValue {
        path: Some("Nome".into()),
    };
    assert_eq!(pt.message(&required).text, "O campo Nome é obrigatório.");
    // Without the path, the generic message is the embedded one: the text needs the path.
    let generic = ValidationError::RequiredValue { path: None };
    assert_eq!(pt.message(&generic).text, embedded.message(&generic).text);
    assert_eq!(
        pt.message(&ApiError::EntityNotFound).text,
        embedded.message(&ApiError::EntityNotFound).text
    );
    Ok(())
}

/// pt-PT with the texts of one OMNIA language file over its own.
fn pt_pt_with_omnia_file(json: &str) -> Result<Language, Box<dyn std::error::Error>> {
    Ok(Localizer::builder()
        .overrides(Overrides::new().omnia_file("PTPT.json", json)?)?
        .build()
        .for_tags(&["pt-PT"]))
}

#[test]
fn braces_that_are_no_placeholder_are_text_in_an_omnia_file() -> TestResult {
    // `{}`, an unclosed `{maxLength`, `{ maxLength }` and `{max-length}`: none is a name
    // between braces, so each is the text's own, beside one real placeholder.
    let file = r#"{"culture": "pt-PT", "texts": [{"name": "ErrorMessage_TextMaxLengthMismatch",
        "value": "{} {maxLength {maxLength} { maxLength } {max-length}"}]}"#;
    let pt = pt_pt_with_omnia_file(file)?;
    let too_long = ValidationError::TextMaxLengthMismatch { max_length: 7 };
    assert_eq!(
        pt.message(&too_long).text,
        "{} {maxLength 7 { maxLength } {max-length}"
    );
    Ok(())
}

#[test]
fn a_bad_omnia_file_names_file_line_and_text() {
    let typo = PTPT.replace("{maxLength}", "{maxLenght}");
    let findings = findings(Overrides::new().omnia_file("PTPT.json", &typo).unwrap_err());
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(
        findings[0].id.as_deref(),
        Some("ErrorMessage_TextMaxLengthMismatch")
    );
    assert_eq!(findings[0].file, "PTPT.json");
    assert_eq!(findings[0].position.map(|p| p.line), Some(14));
    assert!(
        matches!(&findings[0].kind, FindingKind::UnknownVariable { variable, expected, .. } if variable == "maxLenght" && expected == &["maxLength"])
    );

    let error = Overrides::new()
        .omnia_file("x.json", "{\"culture\": \"pt-PT\",\n \"texts\": [1]}")
        .unwrap_err();
    assert!(
        matches!(&error, OverrideError::OmniaFile { position: Some(p), .. } if p.line == 2),
        "{error}"
    );
    let error = Overrides::new()
        .omnia_file("x.json", "{\"texts\": []}")
        .unwrap_err();
    assert!(
        error
            .to_string()
            .contains("x.json: not an OMNIA language file: no \"culture\""),
        "{error}"
    );
    // JSON that breaks off, or is not JSON: where the reader stopped.
    for (json, line, column) in [
        ("{\"culture\": ", 1, 12),
        ("{\"culture\": \"pt-PT\",\n \"texts\": [}", 2, 12),
    ] {
        let error = Overrides::new().omnia_file("x.json", json).unwrap_err();
        assert!(
            matches!(&error, OverrideError::OmniaFile { position: Some(p), .. } if (p.line, p.column) == (line, column)),
            "{json:?}: {error}"
        );
    }
    // JSON of another shape is placed too.
    for json in ["[]", "\"texts\"", "{\"culture\": 1}"] {
        let error = Overrides::new().omnia_file("x.json", json).unwrap_err();
        assert!(
            matches!(&error, OverrideError::OmniaFile { position: Some(p), .. } if p.line == 1),
            "{json:?}: {error}"
        );
    }
}

#[test]
fn a_text_without_the_optional_parameter_replaces_both_messages() -> TestResult {
    let file = r#"{"culture": "pt-PT", "texts": [
        {"name": "ErrorMessage_RequiredValue", "value": "Preencha este campo."}]}"#;
    let pt = pt_pt_with_omnia_file(file)?;
    for path in [None, Some("Nome".into())] {
        let error = ValidationError::RequiredValue { path };
        assert_eq!(pt.message(&error).text, "Preencha este campo.", "{error:?}");
    }
    Ok(())
}

#[test]
fn a_blank_override_is_refused_not_shown() {
    // Fluent: an empty literal, or a variant of white space only.
    for text in [
        "error-EntityNotFound = { \"\" }\n",
        "validation-TextMaxLengthMismatch = { $maxLength ->\n    [one] {\"  \"}\n    [few] x\n    [many] x\n   *[other] x\n}\n",
    ] {
        let found = findings(
            Overrides::new()
                .ftl("pl-PL", "app/pl.ftl", text)
                .unwrap_err(),
        );
        assert!(
            found
                .iter()
                .any(|f| f.kind == FindingKind::Blank { attribute: None }),
            "{found:?}"
        );
    }
    // An OMNIA text: empty, or white space.
    for value in ["", " \\t"] {
        let json = format!(
            "{{\"culture\": \"pt-PT\",\n \"texts\": [{{\"name\": \"ErrorMessage_EntityNotFound\", \"value\": \"{value}\"}}]}}"
        );
        let error = Overrides::new().omnia_file("x.json", &json).unwrap_err();
        assert!(error.to_string().contains("x.json:2:"), "{error}");
        let found = findings(error);
        assert_eq!(found[0].kind, FindingKind::Blank { attribute: None });
        assert_eq!(found[0].id.as_deref(), Some("ErrorMessage_EntityNotFound"));
    }
}

#[test]
fn overrides_of_a_locale_the_localizer_lacks_are_refused() -> TestResult {
    let overrides = Overrides::new().ftl(
        "it-IT",
        "it.ftl",
        "error-EntityNotFound = Entità non trovata.\n",
    )?;
    let error = Localizer::builder().overrides(overrides).unwrap_err();
    assert!(
        matches!(&error, OverrideError::UnknownLocale { locale, file, .. } if locale == "it-IT" && file == "it.ftl"),
        "{error}"
    );
    assert!(
        error
            .to_string()
            .starts_with("it.ftl: overrides messages of it-IT"),
        "{error}"
    );
    Ok(())
}

#[test]
fn a_folder_overrides_several_locales_and_a_later_override_wins() -> TestResult {
    let dir = std::env::temp_dir().join(format!("omnia-overrides-dir-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for (tag, text) in [
        ("fr-FR", "error-FileNotFound = Fichier absent.\n"),
        ("es-ES", "error-FileNotFound = Archivo ausente.\n"),
    ] {
        std::fs::create_dir_all(dir.join(tag))?;
        std::fs::write(dir.join(tag).join("app.ftl"), text)?;
    }
    let overrides = Overrides::new().directory(&dir);
    let _ = std::fs::remove_dir_all(&dir);
    let later = Overrides::new().ftl(
        "es-ES",
        "later.ftl",
        "error-FileNotFound = Archivo perdido.\n",
    )?;
    let localizer = Localizer::builder()
        .overrides(overrides?)?
        .overrides(later)?
        .build();
    assert_eq!(
        localizer
            .for_tags(&["fr-FR"])
            .message(&ApiError::FileNotFound)
            .text,
        "Fichier absent."
    );
    assert_eq!(
        localizer
            .for_tags(&["es-ES"])
            .message(&ApiError::FileNotFound)
            .text,
        "Archivo perdido."
    );
    Ok(())
}

#[test]
fn a_term_referenced_in_another_terms_arguments_is_checked_too() {
    // Terms take no arguments here (the outer reference is not plain), and every term a
    // message names, an argument's included, must exist.
    let text = "validation-TextMaxLengthMismatch = Max { -tenant(-nowhere) }.\n";
    let found = findings(
        Overrides::new()
            .ftl("pl-PL", "app/pl.ftl", text)
            .unwrap_err(),
    );
    for term in ["tenant", "nowhere"] {
        assert!(
            found.iter().any(|f| matches!(
                &f.kind,
                FindingKind::UnknownTerm { term: t } if t == term
            )),
            "{term}: {found:?}"
        );
    }
    assert!(
        found
            .iter()
            .any(|f| matches!(&f.kind, FindingKind::NotPlainTerm { term, .. } if term == "tenant")),
        "{found:?}"
    );
}

#[test]
fn a_file_that_cannot_be_read_is_a_load_error_with_its_cause() {
    use std::error::Error as _;
    let missing = std::env::temp_dir().join(format!("omnia-no-such-{}.json", std::process::id()));
    let error = Overrides::new().omnia_file_at(&missing).unwrap_err();
    let OverrideError::Load(load) = &error else {
        panic!("not a load error: {error}");
    };
    let source = error.source().expect("a load error has its cause");
    let cause = source
        .downcast_ref::<omnia_errors_fluent::LoadError>()
        .expect("the cause is the LoadError");
    assert_eq!(cause.to_string(), load.to_string());
    assert_eq!(error.to_string(), load.to_string());
    // The other kinds have no cause beyond themselves.
    let invalid = Overrides::new()
        .omnia_file("x.json", "{\"texts\": []}")
        .unwrap_err();
    assert!(invalid.source().is_none(), "{invalid}");
}
