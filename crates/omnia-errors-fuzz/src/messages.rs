//! Messages: parameter values from the wire, and Fluent files loaded at run time.

use omnia_errors::{AnyCode, ApiError, ErrorCode, ParamValue, Parameters, ValidationError};
use omnia_errors_fluent::Localizer;

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
    let mut fallbacks = Vec::new();
    let message = match code {
        AnyCode::Api(c) => {
            let error = ApiError::from_parameters(c, &parameters).expect("well-typed parameters");
            language.message_reporting(&error, &mut fallbacks)
        }
        AnyCode::Validation(c) => {
            let error =
                ValidationError::from_parameters(c, &parameters).expect("well-typed parameters");
            language.message_reporting(&error, &mut fallbacks)
        }
    };
    assert!(!message.text.is_empty());
    assert!(fallbacks.is_empty(), "{fallbacks:?}");
}

/// A Fluent file loaded at run time in place of pl-PL's `errors.ftl`: loading either fails
/// with findings, or yields a localizer whose every message is non-empty.
pub fn ftl_files(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut locales = workspace_locales().clone();
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
