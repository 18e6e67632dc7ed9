//! Properties over arbitrary input: headers, parameter values.

#![cfg(feature = "pseudo")]

use omnia_errors::{ApiError, ValidationError};
use omnia_errors_fluent::{Localizer, parse_accept_language};
use proptest::prelude::*;

fn localizer() -> &'static Localizer {
    static LOCALIZER: std::sync::OnceLock<Localizer> = std::sync::OnceLock::new();
    LOCALIZER.get_or_init(|| Localizer::builder().pseudo_locales(true).build())
}

/// Headers that look like real ones, with garbage mixed in.
fn header() -> impl Strategy<Value = String> {
    let tag = prop_oneof![
        "[a-zA-Z]{2,3}",
        "[a-zA-Z]{2}-[a-zA-Z]{2}",
        Just("*".to_owned()),
        ".{0,6}"
    ];
    let quality = prop_oneof![
        Just(String::new()),
        "(0\\.[0-9]{1,3}|1|1\\.0|0|[0-9.]{0,4})".prop_map(|q| format!(";q={q}")),
        ".{0,4}".prop_map(|g| format!(";{g}"))
    ];
    proptest::collection::vec((tag, quality), 0..8).prop_map(|entries| {
        entries
            .into_iter()
            .map(|(t, q)| format!("{t}{q}"))
            .collect::<Vec<_>>()
            .join(",")
    })
}

proptest! {
    #[test]
    fn parsed_ranges_are_sorted_acceptable_and_bounded(header in header()) {
        let ranges = parse_accept_language(&header);
        prop_assert!(ranges.len() <= 32);
        prop_assert!(ranges.windows(2).all(|w| w[0].quality >= w[1].quality));
        prop_assert!(ranges.iter().all(|r| r.quality > 0 && r.quality <= 1000));
    }

    #[test]
    fn any_string_parses_without_panicking(header in ".{0,300}") {
        let _ = parse_accept_language(&header);
    }

    #[test]
    fn negotiation_always_lands_on_an_available_locale(header in header()) {
        let language = localizer().for_accept_language(&header);
        prop_assert!(localizer().locales().any(|l| l == language.locale()));
        // Asked twice (the second time from the cache): the same answer.
        let again = localizer().for_accept_language(&header);
        prop_assert_eq!(again.locale(), language.locale());
    }

    #[test]
    fn localizing_never_yields_an_empty_text(
        header in header(),
        n in any::<u64>(),
        text in ".{0,40}",
    ) {
        let language = localizer().for_accept_language(&header);
        let errors = [
            ValidationError::TextMaxLengthMismatch { max_length: n },
            ValidationError::LowerLimitNotRespected { limit: Some(n) },
            ValidationError::TypeMismatch { value: Some(text.clone()), expected_type: Some(text.clone()), path: Some(text.clone()) },
            ValidationError::RequiredValue { path: Some(text.clone()) },
        ];
        for error in &errors {
            let message = language.message(error);
            prop_assert!(!message.text.is_empty());
            prop_assert!(message.fallbacks.is_empty(), "{:?}", message.fallbacks);
        }
        let message = language.message(&ApiError::ConnectorBehaviourFailed { message: Some(text) });
        prop_assert!(!message.text.is_empty());
    }
}
