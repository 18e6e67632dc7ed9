//! Benchmarks only: `cargo bench -p omnia-errors-bench` runs `benches/localize.rs`, which times
//! the localizer, raw fluent-bundle, rust-i18n and fluent-templates doing the same work in one
//! run, and counts allocations.
//!
//! The rust-i18n peer reads its own translation file (`locales/app.yml` in this crate), since
//! it cannot read Fluent: the same sentences as `locales/*/errors.ftl`, without plurals or
//! locale-aware numbers, which rust-i18n does not have.

rust_i18n::i18n!("locales", fallback = "en-US");

/// The rust-i18n peer's `t!`, callable from the benchmark binary.
#[macro_export]
macro_rules! peer_t {
    ($($tt:tt)*) => { ::rust_i18n::t!($($tt)*) };
}

/// rust-i18n's static message: `EntityNotFound` in `locale`.
pub fn rust_i18n_static(locale: &str) -> std::borrow::Cow<'static, str> {
    rust_i18n::t!("EntityNotFound", locale = locale)
}

/// rust-i18n's one-argument message: `TextMaxLengthMismatch` in `locale`.
pub fn rust_i18n_max_length(locale: &str, max_length: u64) -> std::borrow::Cow<'static, str> {
    rust_i18n::t!(
        "TextMaxLengthMismatch",
        locale = locale,
        maxLength = max_length
    )
}

use std::sync::OnceLock;

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

/// A plain fluent-bundle bundle: the raw baseline.
pub type Bundle = FluentBundle<FluentResource>;

/// The repository's `.ftl` texts of a locale.
///
/// # Panics
///
/// When `locales/` cannot be read or has no such locale: a benchmark has nothing to measure.
pub fn sources(tag: &str) -> Vec<String> {
    static ALL: OnceLock<omnia_errors_tooling::Locales> = OnceLock::new();
    ALL.get_or_init(|| {
        omnia_errors_tooling::Workspace::current()
            .locales()
            .expect("locales/ is readable")
    })
    .files()
    .iter()
    .find(|l| l.tag == tag)
    .expect("a locale of the repository")
    .files
    .iter()
    .map(|f| f.text.clone())
    .collect()
}

/// Plain fluent-bundle, isolation off like the localizer's default; `icu` adds what a
/// fluent-bundle user writes to get locale-aware numbers (the like-for-like baseline).
///
/// # Panics
///
/// When the tag or a file is invalid.
pub fn raw_bundle(tag: &str, icu: bool) -> Bundle {
    let mut bundle = FluentBundle::new(vec![tag.parse().expect("a tag")]);
    bundle.set_use_isolating(false);
    if icu {
        bundle.set_formatter(Some(icu_formatter));
    }
    for text in sources(tag) {
        bundle
            .add_resource(FluentResource::try_new(text).expect("parses"))
            .expect("no duplicate ids");
    }
    bundle
}

/// Raw fluent-bundle's static message: `EntityNotFound`.
///
/// # Panics
///
/// When the bundle lacks the message.
pub fn raw_static(bundle: &Bundle) -> usize {
    let pattern = bundle
        .get_message("error-EntityNotFound")
        .and_then(|m| m.value())
        .expect("message");
    let mut errors = Vec::new();
    bundle.format_pattern(pattern, None, &mut errors).len()
}

/// Raw fluent-bundle's one-argument message: `TextMaxLengthMismatch`, as an owned text (what
/// a response needs, and what the localizer and the peers give).
///
/// # Panics
///
/// When the bundle lacks the message or reports an error.
pub fn raw_max_length(bundle: &Bundle, max_length: u64) -> String {
    let mut args = FluentArgs::with_capacity(1);
    args.set("maxLength", FluentValue::from(max_length));
    let pattern = bundle
        .get_message("validation-TextMaxLengthMismatch")
        .and_then(|m| m.value())
        .expect("message");
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
    assert!(errors.is_empty());
    text.into_owned()
}

struct Decimals(icu_decimal::DecimalFormatter);

impl intl_memoizer::Memoizable for Decimals {
    type Args = ();
    type Error = ();
    fn construct(lang: LanguageIdentifier, (): ()) -> Result<Self, ()> {
        let locale: icu_locale_core::Locale = lang.to_string().parse().map_err(drop)?;
        icu_decimal::DecimalFormatter::try_new(
            (&locale).into(),
            icu_decimal::options::DecimalFormatterOptions::default(),
        )
        .map(Self)
        .map_err(drop)
    }
}

fn icu_formatter(
    value: &FluentValue<'_>,
    intls: &intl_memoizer::IntlLangMemoizer,
) -> Option<String> {
    let FluentValue::Number(n) = value else {
        return None;
    };
    #[allow(clippy::cast_possible_truncation)]
    let decimal = fixed_decimal::Decimal::from(n.value as i64);
    intls
        .with_try_get::<Decimals, _, _>((), |f| f.0.format(&decimal).to_string())
        .ok()
}

/// The limit a formatter is measured against: `TextMaxLengthMismatch {max_length}`'s English
/// text written by hand into one `String`, its digits grouped by threes with commas, as
/// en-US writes them; no lookup, no locale, no plural rules.
pub fn hand_written_max_length(max_length: u64) -> String {
    let mut text = String::with_capacity(64);
    text.push_str("Value is too long to the defined length of ");
    // Right to left into a buffer: 20 digits and 6 commas at most.
    let mut buffer = [0u8; 26];
    let mut at = buffer.len();
    let mut rest = max_length;
    let mut in_group = 0;
    loop {
        if in_group == 3 {
            at -= 1;
            buffer[at] = b',';
            in_group = 0;
        }
        at -= 1;
        // A digit: below 10.
        #[allow(clippy::cast_possible_truncation)]
        let digit = (rest % 10) as u8;
        buffer[at] = b'0' + digit;
        in_group += 1;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    text.push_str(std::str::from_utf8(&buffer[at..]).unwrap_or_default());
    text.push('.');
    text
}

/// The server's baseline: the same `ValidationFailed` bodies the benchmark localizes (two
/// items, `TextMaxLengthMismatch {1000}` on `Description` and `RequiredValue` on
/// `Customer.Name`), as plain structs with the English texts already in them, which
/// `serde_json` writes.
pub mod plain_bodies {
    use serde::Serialize;

    #[derive(Serialize)]
    struct Body {
        code: &'static str,
        message: &'static str,
        errors: [Item; 2],
    }

    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Item {
        code: &'static str,
        #[serde(skip_serializing_if = "Option::is_none")]
        name: Option<&'static str>,
        message: &'static str,
        parameters: Parameters,
    }

    #[derive(Serialize)]
    struct Problem {
        r#type: &'static str,
        title: &'static str,
        status: u16,
        detail: &'static str,
        code: &'static str,
        errors: [ProblemItem; 2],
    }

    #[derive(Serialize)]
    struct ProblemItem {
        code: &'static str,
        #[serde(skip_serializing_if = "Option::is_none")]
        name: Option<&'static str>,
        detail: &'static str,
        parameters: Parameters,
    }

    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Parameters {
        #[serde(skip_serializing_if = "Option::is_none")]
        max_length: Option<u64>,
        #[serde(skip_serializing_if = "Option::is_none")]
        path: Option<&'static str>,
    }

    const FAILED: &str = "Request validation failed.";
    const TOO_LONG: &str = "Value is too long to the defined length of 1,000.";
    const REQUIRED: &str = "A value is required for the attribute Customer.Name.";

    /// OMNIA's body.
    pub fn omnia_body_json(max_length: u64) -> Vec<u8> {
        let body = Body {
            code: "ValidationFailed",
            message: FAILED,
            errors: [
                Item {
                    code: "TextMaxLengthMismatch",
                    name: Some("Description"),
                    message: TOO_LONG,
                    parameters: Parameters {
                        max_length: Some(max_length),
                        path: None,
                    },
                },
                Item {
                    code: "RequiredValue",
                    name: None,
                    message: REQUIRED,
                    parameters: Parameters {
                        max_length: None,
                        path: Some("Customer.Name"),
                    },
                },
            ],
        };
        serde_json::to_vec(&body).unwrap_or_default()
    }

    /// The same error as RFC 9457 Problem Details.
    pub fn problem_json(max_length: u64) -> Vec<u8> {
        let problem = Problem {
            r#type: "https://docs.omnialowcode.com/omnia3_api_errors.html#ValidationFailed",
            title: FAILED,
            status: 400,
            detail: FAILED,
            code: "ValidationFailed",
            errors: [
                ProblemItem {
                    code: "TextMaxLengthMismatch",
                    name: Some("Description"),
                    detail: TOO_LONG,
                    parameters: Parameters {
                        max_length: Some(max_length),
                        path: None,
                    },
                },
                ProblemItem {
                    code: "RequiredValue",
                    name: None,
                    detail: REQUIRED,
                    parameters: Parameters {
                        max_length: None,
                        path: Some("Customer.Name"),
                    },
                },
            ],
        };
        serde_json::to_vec(&problem).unwrap_or_default()
    }
}

/// The localizer's side of the server's work: the same bodies built from the typed errors in
/// `language` and written as JSON.
pub mod localized_bodies {
    use omnia_errors::{ApiError, DocsPage, ValidationError};
    use omnia_errors_fluent::Language;

    fn items(max_length: u64) -> [ValidationError; 2] {
        [
            ValidationError::TextMaxLengthMismatch { max_length },
            ValidationError::RequiredValue {
                path: Some("Customer.Name".into()),
            },
        ]
    }

    /// OMNIA's body.
    pub fn omnia_body_json(language: &Language, max_length: u64) -> Vec<u8> {
        let [a, b] = items(max_length);
        let body = language.error_body(
            &ApiError::ValidationFailed,
            [(&a, Some("Description")), (&b, None)],
        );
        serde_json::to_vec(&body.body).unwrap_or_default()
    }

    /// RFC 9457 Problem Details.
    pub fn problem_json(language: &Language, max_length: u64) -> Vec<u8> {
        let [a, b] = items(max_length);
        let problem = language.problem_details(
            &ApiError::ValidationFailed,
            [(&a, Some("Description")), (&b, None)],
            &DocsPage::OMNIA,
        );
        serde_json::to_vec(&problem.body).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use omnia_errors::ValidationError;
    use omnia_errors_fluent::Localizer;

    use super::{hand_written_max_length, localized_bodies, plain_bodies};

    #[test]
    fn the_hand_written_text_is_the_localizers_en_us_text() {
        let en = Localizer::embedded().source();
        for n in [0, 7, 999, 1000, 12_345, 999_999, 1_000_000, u64::MAX] {
            let error = ValidationError::TextMaxLengthMismatch { max_length: n };
            assert_eq!(hand_written_max_length(n), en.message(&error).text, "{n}");
        }
    }

    #[test]
    fn the_plain_bodies_are_byte_for_byte_the_localized_en_us_ones() {
        let en = Localizer::embedded().source();
        assert_eq!(
            String::from_utf8(plain_bodies::omnia_body_json(1000)).unwrap(),
            String::from_utf8(localized_bodies::omnia_body_json(&en, 1000)).unwrap()
        );
        assert_eq!(
            String::from_utf8(plain_bodies::problem_json(1000)).unwrap(),
            String::from_utf8(localized_bodies::problem_json(&en, 1000)).unwrap()
        );
    }
}
