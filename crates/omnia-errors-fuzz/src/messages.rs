//! Messages: parameter values from the wire, and Fluent files loaded at run time.

use omnia_errors::{
    AnyCode, ApiError, ErrorCode, ParamKind, ParamValue, Parameters, ValidationError,
};
use omnia_errors_fluent::{Language, Localizer, OverrideError, Overrides, Position};

use crate::{localizer, workspace_locales};

/// Arbitrary parameter values for every code: the message is never empty and falls back
/// nowhere.
pub fn localize_params(data: &[u8]) {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let codes: Vec<AnyCode> = AnyCode::all().collect();
    let code = codes[usize::from(selector) % codes.len()];
    let text = String::from_utf8_lossy(rest);
    let number = rest
        .iter()
        .fold(0u64, |n, &b| n.wrapping_mul(257).wrapping_add(u64::from(b)));
    let parameters: Parameters = code
        .params()
        .iter()
        .map(|p| {
            let value = match p.kind {
                omnia_errors::ParamKind::Number => ParamValue::from(number),
                omnia_errors::ParamKind::Text => ParamValue::from(text.as_ref()),
            };
            (p.name, value)
        })
        .collect();
    let locales: Vec<_> = localizer().locales().cloned().collect();
    let language = localizer().for_languages(std::slice::from_ref(
        &locales[usize::from(selector) % locales.len()],
    ));
    let message = match code {
        AnyCode::Api(c) => {
            let error = ApiError::from_parameters(c, &parameters).expect("well-typed parameters");
            language.message(&error)
        }
        AnyCode::Validation(c) => {
            let error =
                ValidationError::from_parameters(c, &parameters).expect("well-typed parameters");
            language.message(&error)
        }
    };
    assert!(!message.text.is_empty());
    assert!(message.fallbacks.is_empty(), "{:?}", message.fallbacks);
}

/// A Fluent file loaded at run time in place of pl-PL's `errors.ftl`: loading either fails
/// with findings, or yields a localizer whose every message is non-empty.
pub fn ftl_files(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut locales = workspace_locales().to_vec();
    for locale in &mut locales {
        if locale.tag == "pl-PL" {
            for file in &mut locale.files {
                if file.name == "errors.ftl" {
                    text.clone_into(&mut file.text);
                }
            }
        }
    }
    match Localizer::builder().files(&locales) {
        Err(error) => assert!(!error.to_string().is_empty()),
        Ok(builder) => {
            let localizer = builder.build();
            let pl = localizer.for_accept_language("pl-PL");
            for &code in ErrorCode::ALL {
                let error = ApiError::from_parameters(code, &Parameters::new())
                    .expect("no required parameters");
                assert!(!pl.message(&error).text.is_empty());
            }
            let message = pl.message(&ValidationError::TextMaxLengthMismatch { max_length: 5 });
            assert!(!message.text.is_empty());
        }
    }
}

/// An application's Fluent override of pl-PL's messages (`Overrides::ftl`): refused with an
/// error that names the file at a line it has, or layered over the embedded messages so that
/// every message stays non-empty, every message whose id the text does not name is the
/// embedded one, the other locales keep theirs, and no message grows past a bound linear in
/// the text.
pub fn overrides_ftl(data: &[u8]) {
    const PATH: &str = "app/pl-PL.ftl";
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let overrides = match Overrides::new().ftl("pl-PL", PATH, text) {
        Ok(overrides) => overrides,
        Err(error) => {
            assert_names_the_file(&error, PATH, text);
            return;
        }
    };
    let localizer = Localizer::builder()
        .overrides(overrides)
        .expect("pl-PL is a locale")
        .build();
    let embedded = Localizer::embedded();
    for (tag, overridden) in [("pl-PL", true), ("de-DE", false)] {
        let (ours, theirs) = (localizer.for_tags(&[tag]), embedded.for_tags(&[tag]));
        for code in AnyCode::all() {
            for context in [true, false] {
                let message = message_of(&ours, code, context);
                assert!(!message.is_empty(), "{tag} {code}: a blank message");
                let bound = 1024 * (text.len() + 64);
                assert!(
                    message.len() <= bound,
                    "{tag} {code}: {} bytes",
                    message.len()
                );
                if !overridden || !text.contains(code.info().fluent_id) {
                    assert_eq!(message, message_of(&theirs, code, context), "{tag} {code}");
                }
            }
        }
    }
}

/// An OMNIA language file's texts as overrides (`Overrides::omnia_file`): refused with an
/// error that names the file (at a line it has), or read so that a file the tooling reads
/// as a language file is read the same: each `ErrorMessage_<Code>` text (the last of a name)
/// is the message of its code, its `{placeholders}` filled in (a text with an optional
/// parameter is the contextual message only), every other message the embedded one, and none
/// blank.
pub fn overrides_omnia_file(data: &[u8]) {
    const PATH: &str = "app/PLPL.json";
    let Ok(json) = std::str::from_utf8(data) else {
        return;
    };
    let file = omnia_errors_tooling::LanguageFile::from_json(json).ok();
    let overrides = match Overrides::new().omnia_file(PATH, json) {
        Ok(overrides) => overrides,
        Err(error) => {
            assert_names_the_file(&error, PATH, json);
            assert!(
                file.is_none() || matches!(error, OverrideError::Invalid(_)),
                "a language file refused: {error}"
            );
            return;
        }
    };
    let localizer = match Localizer::builder().overrides(overrides) {
        Ok(builder) => builder.build(),
        Err(error) => {
            let OverrideError::UnknownLocale { locale, .. } = &error else {
                panic!("{error}");
            };
            assert!(!omnia_errors_fluent::LOCALES.iter().any(|l| l.tag == locale));
            return;
        }
    };
    let Some(file) = file else {
        return;
    };
    let ours = localizer.for_tags(&[&file.culture]);
    let theirs = Localizer::embedded().for_tags(&[&file.culture]);
    for code in AnyCode::all() {
        let name = format!("ErrorMessage_{code}");
        let text = file.texts.iter().rev().find(|t| t.name == name);
        for context in [true, false] {
            let message = message_of(&ours, code, context);
            assert!(!message.is_empty(), "{code}: a blank message");
            let embedded = message_of(&theirs, code, context);
            let expected = match text {
                Some(text) if context || !uses_optional(code, &text.value) => {
                    filled_in(code, &text.value)
                }
                _ => embedded,
            };
            assert_eq!(message, expected, "{code}, context {context}");
        }
    }
}

/// Panics unless `error` names `path`, at a line of `text` when it gives one.
fn assert_names_the_file(error: &OverrideError, path: &str, text: &str) {
    let lines = text.split('\n').count();
    let check = |file: &str, position: Option<Position>| {
        assert_eq!(file, path, "{error}");
        if let Some(position) = position {
            assert!(position.line >= 1 && position.line <= lines, "{error}");
        }
    };
    match error {
        OverrideError::Invalid(findings) => {
            assert!(!findings.is_empty());
            for finding in findings {
                check(&finding.file, finding.position);
            }
        }
        OverrideError::OmniaFile { file, position, .. } => check(file, *position),
        other => panic!("{other}"),
    }
    assert!(error.to_string().contains(path), "{error}");
}

/// The values [`message_of`] gives parameters: text and number, each written as itself.
const TEXT_VALUE: &str = "x";
const NUMBER_VALUE: u64 = 5;

/// The message of `code` with every parameter given (`context`) or only the required ones.
fn message_of(language: &Language, code: AnyCode, context: bool) -> String {
    let parameters: Parameters = code
        .params()
        .iter()
        .filter(|p| context || p.required)
        .map(|p| {
            let value = match p.kind {
                ParamKind::Number => ParamValue::from(NUMBER_VALUE),
                ParamKind::Text => ParamValue::from(TEXT_VALUE),
            };
            (p.name, value)
        })
        .collect();
    language
        .message_for(code, &parameters)
        .expect("well-typed parameters")
        .text
        .into_owned()
}

/// The `{name}` placeholders of an OMNIA text that are parameters of `code`, left to right.
fn placeholders(code: AnyCode, text: &str) -> Vec<(std::ops::Range<usize>, &'static str)> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(open) = text[from..].find('{').map(|i| from + i) {
        let name_end = text[open + 1..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .map_or(text.len(), |i| open + 1 + i);
        let param = code
            .params()
            .iter()
            .find(|p| p.name == &text[open + 1..name_end]);
        match param {
            Some(param) if text[name_end..].starts_with('}') => {
                found.push((open..name_end + 1, param.name));
                from = name_end + 1;
            }
            _ => from = open + 1,
        }
    }
    found
}

fn uses_optional(code: AnyCode, text: &str) -> bool {
    placeholders(code, text)
        .iter()
        .any(|(_, name)| code.params().iter().any(|p| p.name == *name && !p.required))
}

/// An OMNIA text with its placeholders filled in as [`message_of`] fills them.
fn filled_in(code: AnyCode, text: &str) -> String {
    let mut out = String::new();
    let mut copied = 0;
    for (range, name) in placeholders(code, text) {
        out.push_str(&text[copied..range.start]);
        let param = code
            .params()
            .iter()
            .find(|p| p.name == name)
            .expect("a parameter");
        match param.kind {
            ParamKind::Number => out.push_str(&NUMBER_VALUE.to_string()),
            ParamKind::Text => out.push_str(TEXT_VALUE),
        }
        copied = range.end;
    }
    out.push_str(&text[copied..]);
    out
}
