//! Formats every message of every locale, generic and contextual, with sample parameters, and
//! checks the results: no Fluent error, no blank, no unresolved placeable, locale-aware numbers.

#![cfg(feature = "pseudo")]

use omnia_errors::{AnyCode, ApiError, ErrorCode, ParamKind, ParamRef, ValidationError};
use omnia_errors_fluent::{Fallback, Isolation, Localizer};

/// Sample values for every parameter the catalog declares.
fn sample(name: &str, kind: ParamKind) -> ParamRef<'static> {
    match (kind, name) {
        (ParamKind::Number, _) => ParamRef::Number(1000),
        (ParamKind::Text, "path") => ParamRef::Text("Customer.Name"),
        (ParamKind::Text, "type") => ParamRef::Text("Integer"),
        (ParamKind::Text, _) => ParamRef::Text("abc"),
    }
}

/// Every code with all its parameters set, built through the wire form so that a new code
/// or parameter is covered without editing this test.
/// Formats one error in a language.
type Formatter = Box<dyn Fn(&omnia_errors_fluent::Language) -> (String, Vec<Fallback>)>;

/// A message's text and fallbacks, owned.
fn owned(message: omnia_errors_fluent::Message<'_>) -> (String, Vec<Fallback>) {
    (message.text.into_owned(), message.fallbacks)
}

fn every_error_with_context() -> Vec<(AnyCode, Formatter)> {
    AnyCode::all()
        .map(|code| {
            let parameters: omnia_errors::Parameters = code
                .params()
                .iter()
                .map(|p| {
                    let value = match sample(p.name, p.kind) {
                        ParamRef::Number(n) => n.into(),
                        ParamRef::Text(s) => s.into(),
                    };
                    (p.name, value)
                })
                .collect();
            let format: Formatter = match code {
                AnyCode::Api(c) => {
                    let error = ApiError::from_parameters(c, &parameters).unwrap();
                    Box::new(move |l| owned(l.message(&error)))
                }
                AnyCode::Validation(c) => {
                    let error = ValidationError::from_parameters(c, &parameters).unwrap();
                    Box::new(move |l| owned(l.message(&error)))
                }
            };
            (code, format)
        })
        .collect()
}

#[test]
fn every_message_formats_in_every_locale() {
    let localizer = Localizer::builder().pseudo_locales(true).build();
    let mut failures = Vec::new();
    let locales: Vec<_> = localizer.locales().cloned().collect();
    // Every declared locale and the two pseudo-locales.
    assert_eq!(
        locales.len(),
        omnia_errors_fluent::LOCALES.len() + 2,
        "{locales:?}"
    );
    for locale in &locales {
        let language = localizer.for_languages(std::slice::from_ref(locale));
        assert_eq!(language.locale(), locale);
        for (code, format) in every_error_with_context() {
            let (text, fallbacks) = format(&language);
            check(
                &mut failures,
                locale,
                code,
                "with parameters",
                &text,
                &fallbacks,
            );
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn check(
    failures: &mut Vec<String>,
    locale: &impl std::fmt::Display,
    code: AnyCode,
    what: &str,
    text: &str,
    fallbacks: &[Fallback],
) {
    if !fallbacks.is_empty()
        || text.trim().is_empty()
        || text.contains("{$")
        || text.contains('\u{2068}')
    {
        failures.push(format!(
            "[{locale}] {} ({what}): {text:?} {fallbacks:?}",
            code.fluent_id()
        ));
    }
}

#[test]
fn contextual_messages_carry_their_parameters() {
    let localizer = Localizer::embedded();
    let en = localizer.source();
    let text = |e: &ValidationError| en.message(e).text.into_owned();
    assert_eq!(
        text(&ValidationError::RequiredValue {
            path: Some("Customer.Name".into())
        }),
        "A value is required for the attribute Customer.Name."
    );
    assert_eq!(
        text(&ValidationError::RequiredValue { path: None }),
        "Attribute value is required."
    );
    assert_eq!(
        text(&ValidationError::TypeMismatch {
            value: Some("abc".into()),
            expected_type: Some("Integer".into()),
            path: Some("Amount".into()),
        }),
        r#"The value "abc" doesn't match the type Integer of the attribute Amount."#
    );
    // Only part of the context known: the generic message.
    assert_eq!(
        text(&ValidationError::TypeMismatch {
            value: Some("abc".into()),
            expected_type: None,
            path: Some("Amount".into()),
        }),
        "Attribute value doesn't match the attribute type."
    );
    assert_eq!(
        text(&ValidationError::LowerLimitNotRespected { limit: Some(1) }),
        "The collection must have at least 1 element."
    );
    assert_eq!(
        text(&ValidationError::UpperLimitNotRespected {
            limit: Some(12_345)
        }),
        "The collection can have at most 12,345 elements."
    );
    assert_eq!(
        en.message(&ApiError::ConnectorBehaviourFailed {
            message: Some("Disk full".into())
        })
        .text,
        "Behaviour execution failed while running in Connector: Disk full"
    );
}

#[test]
fn numbers_are_written_the_way_each_locale_writes_them() {
    let localizer = Localizer::embedded();
    let limit = |tag: &str, n: u64| {
        let language = localizer.for_accept_language(tag);
        assert_eq!(language.locale().to_string(), tag);
        language
            .message(&ValidationError::UpperLimitNotRespected { limit: Some(n) })
            .text
            .into_owned()
    };
    assert!(limit("en-US", 1000).contains("1,000"));
    assert!(limit("de-DE", 1000).contains("1.000"));
    assert!(limit("fr-FR", 1000).contains("1\u{202f}000"));
    // CLDR's minimum grouping digits of 2: four-digit numbers are not grouped in Polish and
    // European Portuguese, five-digit ones are.
    assert!(limit("pl-PL", 1000).contains("1000"));
    assert!(limit("pl-PL", 12_345).contains("12\u{a0}345"));
    assert!(limit("pt-PT", 1000).contains("1000"));
}

#[test]
fn polish_selects_every_plural_form() {
    let localizer = Localizer::embedded();
    let pl = localizer.for_accept_language("pl");
    let text = |n| {
        pl.message(&ValidationError::TextMaxLengthMismatch { max_length: n })
            .text
            .into_owned()
    };
    assert!(text(1).ends_with("1 znak."), "{}", text(1));
    assert!(text(3).ends_with("3 znaki."), "{}", text(3));
    assert!(text(5).ends_with("5 znaków."), "{}", text(5));
    assert!(text(22).ends_with("22 znaki."), "{}", text(22));
    assert!(text(25).ends_with("25 znaków."), "{}", text(25));
    // The collection limits have one text for every number.
    for n in [1, 3, 5, 22, 25] {
        let lower = pl
            .message(&ValidationError::LowerLimitNotRespected { limit: Some(n) })
            .text
            .into_owned();
        assert_eq!(lower, format!("Minimalna liczba elementów kolekcji: {n}."));
    }
}

#[test]
fn isolation_marks_are_a_choice() {
    let error = ValidationError::RequiredValue {
        path: Some("Nome".into()),
    };
    let plain = Localizer::embedded();
    assert!(!plain.source().message(&error).text.contains('\u{2068}'));
    let ui = Localizer::builder().isolation(Isolation::On).build();
    assert!(
        ui.source()
            .message(&error)
            .text
            .contains("\u{2068}Nome\u{2069}")
    );
    // Static messages have no placeables, so nothing to isolate.
    assert_eq!(
        ui.source().message(&ApiError::InternalError).text,
        "Internal system error."
    );
}

#[test]
fn pseudo_locales_transform_the_source_and_are_only_picked_by_exact_tag() {
    let localizer = Localizer::builder().pseudo_locales(true).build();
    let xa = localizer.for_accept_language("en-XA");
    let accented = xa.message(&ApiError::EntityNotFound);
    assert_eq!(accented.locale.to_string(), "en-XA");
    assert_ne!(accented.text, "Entity can't be found.");
    assert!(
        accented.text.chars().count() > "Entity can't be found.".len(),
        "{}",
        accented.text
    );
    let xb = localizer.for_accept_language("ar-XB");
    let mirrored = xb.message(&ValidationError::TextMaxLengthMismatch { max_length: 1000 });
    assert_eq!(mirrored.locale.to_string(), "ar-XB");
    assert!(
        mirrored.text.contains("1,000"),
        "numbers stay readable: {}",
        mirrored.text
    );
    // An Arabic speaker never gets the pseudo-locale.
    assert_eq!(
        localizer.for_accept_language("ar").locale().to_string(),
        "en-US"
    );
    assert_eq!(
        Localizer::embedded()
            .for_accept_language("en-XA")
            .locale()
            .to_string(),
        "en-US"
    );
}

#[test]
fn negotiation_follows_the_users_preferences() {
    let localizer = Localizer::embedded();
    let negotiate = |header: &str| localizer.for_accept_language(header).locale().to_string();
    assert_eq!(negotiate("pt-BR,pt;q=0.9,en-US;q=0.8"), "pt-BR");
    assert_eq!(negotiate("pt-AO, *;q=0.1"), "pt-PT");
    assert_eq!(negotiate("fr-CA"), "fr-FR");
    assert_eq!(negotiate("en-GB"), "en-US");
    assert_eq!(negotiate("ja, de;q=0.5"), "de-DE");
    assert_eq!(negotiate("de;q=0.5, es;q=0.9"), "es-ES");
    assert_eq!(negotiate("es;q=0, fr;q=0.1"), "fr-FR");
    assert_eq!(negotiate("*"), "en-US");
    assert_eq!(negotiate(""), "en-US");
    assert_eq!(negotiate(";;;,,,q=,=;q"), "en-US");
    assert_eq!(negotiate("PL-pl"), "pl-PL");
    // Cached: the same answer again.
    assert_eq!(negotiate("pt-AO, *;q=0.1"), "pt-PT");
    let long = format!("{}pl", "xx;q=0.9,".repeat(100));
    assert_eq!(
        negotiate(&long),
        "en-US",
        "entries past the first 32 are ignored"
    );
}

#[test]
fn q_0_means_not_acceptable() {
    // RFC 9110 §12.5.4: "a qvalue of 0 means not acceptable".
    let localizer = Localizer::embedded();
    let negotiate = |header: &str| localizer.for_accept_language(header).locale().to_string();
    // `*` stands for any locale but en-US: the first other one in preference order.
    assert_eq!(negotiate("en-US;q=0, *"), "pt-PT");
    assert_eq!(negotiate("en;q=0, *;q=0.5"), "pt-PT");
    assert_eq!(negotiate("pt-PT;q=0, pt"), "pt-BR");
    assert_eq!(negotiate("pt;q=0, pt-AO, de;q=0.5"), "de-DE");
    // The most specific range decides: Portuguese no, but European Portuguese yes.
    assert_eq!(negotiate("pt;q=0, pt-PT;q=0.5"), "pt-PT");
    // Nothing requested matches, and the default is excluded: another locale.
    assert_eq!(negotiate("en-US;q=0"), "pt-PT");
    assert_eq!(negotiate("de-DE;q=0, de"), "en-US");
    // `*;q=0` only excludes what no other range names.
    assert_eq!(negotiate("fr, *;q=0"), "fr-FR");
    assert_eq!(negotiate("ja, *;q=0"), "en-US");
    // Every locale excluded: the default, as documented.
    assert_eq!(
        negotiate("en;q=0, pt;q=0, es;q=0, fr;q=0, de;q=0, pl;q=0, *"),
        "en-US"
    );
    // A `q=0` range is never a request, even for a locale it does not exclude by name.
    assert_eq!(negotiate("pt-AO;q=0"), "en-US");
    // The same through the list API, which has no q-values: unchanged.
    let requested = ["pt".parse().unwrap()];
    assert_eq!(
        localizer.for_languages(&requested).locale().to_string(),
        "pt-PT"
    );
}

#[test]
fn only_the_first_4_kib_of_a_header_are_read() {
    let localizer = Localizer::embedded();
    let negotiate = |header: &str| localizer.for_accept_language(header).locale().to_string();
    // Fits in 4 KiB: read.
    let near = format!("{}, fr", "x".repeat(4000));
    assert_eq!(negotiate(&near), "fr-FR");
    // Past 4 KiB: not read, and neither is an entry cut by the limit.
    let far = format!("{}, fr", "x".repeat(5000));
    assert_eq!(negotiate(&far), "en-US");
    let cut = format!("{}, de, french", "x".repeat(4088));
    assert_eq!(negotiate(&cut), "de-DE");
    // Multi-byte characters at the limit do not panic.
    let emoji = format!("de;q=0.5, {}", "🦀".repeat(2000));
    assert_eq!(negotiate(&emoji), "de-DE");
}

#[test]
fn a_localizer_is_shared_by_threads() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Localizer>();
    let localizer = Localizer::embedded();
    std::thread::scope(|scope| {
        for tag in ["pl-PL", "de-DE", "fr-FR", "pt-PT"] {
            let localizer = &localizer;
            scope.spawn(move || {
                for n in 0..200 {
                    let language = localizer.for_accept_language(tag);
                    let text = language
                        .message(&ValidationError::TextMaxLengthMismatch { max_length: n })
                        .text;
                    assert!(text.contains(&n.to_string()), "{tag}: {text}");
                }
            });
        }
    });
}

#[test]
fn bodies_are_localized_whole() {
    let localizer = Localizer::embedded();
    let pt = localizer.for_accept_language("pt-PT");
    let too_long = ValidationError::TextMaxLengthMismatch { max_length: 50 };
    let validation = pt.error_body(
        &ApiError::ValidationFailed,
        [(&too_long, Some("Description"))],
    );
    assert_eq!(validation.locales, [pt.locale().clone()]);
    let body = validation.body;
    let json = serde_json::to_string(&body).unwrap();
    assert!(
        json.contains(r#""name":"Description""#)
            && json.contains(r#""parameters":{"maxLength":50}"#),
        "{json}"
    );
    assert_ne!(body.message, "Request validation failed.");

    // Re-localize what came from the wire into Polish; keep what cannot be.
    let mut wire: omnia_errors::ErrorBody = serde_json::from_str(concat!(
        r#"{"code":"ValidationFailed","message":"Request validation failed.","errors":["#,
        r#"{"code":"TextMaxLengthMismatch","name":"Description","message":"Too long.","parameters":{"maxLength":5}},"#,
        r#"{"code":"TextMaxLengthMismatch","message":"No length.","parameters":{}},"#,
        r#"{"code":"FromTheFuture","message":"Kept."}]}"#
    ))
    .unwrap();
    let fallbacks = localizer.for_accept_language("pl").localize_body(&mut wire);
    assert_eq!(wire.code, ErrorCode::ValidationFailed);
    assert_ne!(wire.message, "Request validation failed.");
    assert!(
        wire.errors()[0].message.contains("5 znaków"),
        "{}",
        wire.errors()[0].message
    );
    assert_eq!(wire.errors()[1].message, "No length.");
    assert_eq!(wire.errors()[2].message, "Kept.");
    let report: Vec<String> = fallbacks.iter().map(ToString::to_string).collect();
    assert_eq!(report.len(), 2, "{report:?}");
    assert!(report[0].contains("maxLength"), "{report:?}");
    assert!(report[1].contains("FromTheFuture"), "{report:?}");
}

#[test]
fn a_message_of_text_only_is_served_without_allocating() {
    let localizer = Localizer::embedded();
    for tag in ["en-US", "pl-PL"] {
        let language = localizer.for_accept_language(tag);
        // A code without parameters, and the generic message of one whose parameter is absent.
        for error in [
            ApiError::EntityNotFound,
            ApiError::ConnectorBehaviourFailed { message: None },
        ] {
            let text = language.message(&error).text;
            assert!(
                matches!(text, std::borrow::Cow::Borrowed(_)),
                "{tag}: {text}"
            );
        }
    }
}

#[test]
fn a_problem_is_the_same_error_as_the_body_in_every_locale() {
    let localizer = Localizer::builder().pseudo_locales(true).build();
    let page = omnia_errors::DocsPage::new("https://example.com/e.html").unwrap();
    let too_long = ValidationError::TextMaxLengthMismatch { max_length: 1000 };
    let required = ValidationError::RequiredValue {
        path: Some("Customer.Name".into()),
    };
    let items = [(&too_long, Some("Description")), (&required, None)];
    for locale in localizer.locales() {
        let language = localizer.for_languages(std::slice::from_ref(locale));
        for &code in ErrorCode::ALL {
            let parameters = code
                .params()
                .iter()
                .map(|p| (p.name, omnia_errors::ParamValue::from("abc")))
                .collect();
            let error = ApiError::from_parameters(code, &parameters).unwrap();
            let body = language.error_body(&error, items);
            let problem = language.problem_details(&error, items, &page);
            let p = &problem.body;
            assert_eq!(p.r#type, page.url_of(code), "[{locale}] {code}");
            assert_eq!(p.status, Some(code.http_status()));
            assert_eq!(p.code, Some(code.into()));
            assert_eq!(p.detail.as_deref(), Some(body.body.message.as_str()));
            let generic = language.generic_message(&error).text;
            assert_eq!(
                p.title.as_deref(),
                Some(generic.as_ref()),
                "[{locale}] {code}"
            );
            assert_eq!(p.parameters, body.body.parameters);
            assert_eq!(problem.locales, body.locales, "[{locale}] {code}");
            assert_eq!(p.errors().len(), 2);
            assert_eq!(p.errors(), body.body.errors(), "[{locale}] {code}");
        }
    }
}

#[test]
fn the_title_leaves_the_occurrence_out() {
    let localizer = Localizer::embedded();
    for tag in ["en-US", "de-DE", "pl-PL"] {
        let language = localizer.for_accept_language(tag);
        let with_context = ApiError::ConnectorBehaviourFailed {
            message: Some("Disk full".into()),
        };
        let without = ApiError::ConnectorBehaviourFailed { message: None };
        let title = language.generic_message(&with_context).text;
        assert!(!title.contains("Disk full"), "[{tag}] {title}");
        assert!(language.message(&with_context).text.contains("Disk full"));
        assert_eq!(title, language.message(&without).text, "[{tag}]");
        // A code whose one parameter is required has it in its generic message too.
        let too_long = ValidationError::TextMaxLengthMismatch { max_length: 5 };
        assert_eq!(
            language.generic_message(&too_long).text,
            language.message(&too_long).text
        );
    }
}

#[test]
fn a_received_problem_is_localized_again_keeping_what_cannot_be() {
    let mut wire: omnia_errors::ProblemDetails = serde_json::from_str(concat!(
        r#"{"type":"https://example.com/e#ValidationFailed","title":"Request validation failed.","status":400,"#,
        r#""detail":"Request validation failed.","instance":"/x","code":"ValidationFailed","errors":["#,
        r#"{"code":"TextMaxLengthMismatch","name":"Description","detail":"Too long.","parameters":{"maxLength":5}},"#,
        r#"{"code":"TextMaxLengthMismatch","detail":"No length.","parameters":{}},"#,
        r#"{"code":"FromTheFuture","detail":"Kept."}],"traceId":"t"}"#
    ))
    .unwrap();
    let before = wire.clone();
    let pl = Localizer::embedded().for_accept_language("pl");
    let fallbacks = pl.localize_problem(&mut wire);
    let title = pl.generic_message(&ApiError::ValidationFailed).text;
    assert_eq!(wire.title.as_deref(), Some(title.as_ref()));
    assert_eq!(
        wire.detail.as_deref(),
        Some(pl.message(&ApiError::ValidationFailed).text.as_ref())
    );
    assert_ne!(wire.detail, before.detail, "pl-PL has a translation");
    assert!(
        wire.errors()[0].message.contains("5 znaków"),
        "{:?}",
        wire.errors()[0]
    );
    assert_eq!(wire.errors()[1].message, "No length.");
    assert_eq!(wire.errors()[2].message, "Kept.");
    // What is not a message stays as it came.
    assert_eq!(
        (&wire.r#type, wire.status, &wire.instance, &wire.extensions),
        (
            &before.r#type,
            before.status,
            &before.instance,
            &before.extensions
        )
    );
    let report: Vec<String> = fallbacks.iter().map(ToString::to_string).collect();
    assert_eq!(report.len(), 2, "{report:?}");
    assert!(report[0].contains("maxLength"), "{report:?}");
    assert!(report[1].contains("FromTheFuture"), "{report:?}");

    // A problem of a code this version does not know keeps its texts.
    let mut newer: omnia_errors::ProblemDetails =
        serde_json::from_str(r#"{"title":"T","detail":"D","code":"QuotaExceeded"}"#).unwrap();
    let fallbacks = pl.localize_problem(&mut newer);
    assert_eq!(
        (newer.title.as_deref(), newer.detail.as_deref()),
        (Some("T"), Some("D"))
    );
    assert_eq!(fallbacks.len(), 1);
}

#[test]
fn a_received_problem_of_its_status_alone_gets_the_status_title_and_no_other_does() {
    let pl = Localizer::embedded().for_accept_language("pl");
    let read = |json: &str| -> omnia_errors::ProblemDetails { serde_json::from_str(json).unwrap() };
    let mut blank = read(r#"{"type":"about:blank","title":"Not Found","status":404}"#);
    assert!(pl.localize_problem(&mut blank).is_empty());
    let title = pl.status_title(404).unwrap().text;
    assert_ne!(title, "Not Found", "pl-PL has a translation");
    assert_eq!(blank.title.as_deref(), Some(title.as_ref()));
    // A problem type of its own: its title is its server's, which we cannot know better.
    let mut typed =
        read(r#"{"type":"https://example.com/out-of-stock","title":"Out of stock","status":404}"#);
    assert!(pl.localize_problem(&mut typed).is_empty());
    assert_eq!(typed.title.as_deref(), Some("Out of stock"));
    // `about:blank` without a status, or with one that is not an error: the title stays.
    for json in [
        r#"{"type":"about:blank","title":"Kept"}"#,
        r#"{"type":"about:blank","title":"Kept","status":200}"#,
    ] {
        let mut problem = read(json);
        pl.localize_problem(&mut problem);
        assert_eq!(problem.title.as_deref(), Some("Kept"), "{json}");
    }
}
