//! The negotiation against independent implementations, on generated input: every language tag
//! is read as `language-tags` (an RFC 5646 parser; actix-web reads `Accept-Language` with it)
//! reads it, every header as that reading of each entry gives, and every language without
//! extensions negotiates to the locale fluent-langneg 0.13 (the negotiation the localizer used
//! before it had its own) chooses. OMNIA's language names (`PTPT`, any case) are their tags in a
//! tag list and nothing in a header.

use language_tags::LanguageTag;
use omnia_errors_fluent::{
    LOCALES, Localizer, SOURCE_LOCALE, parse_accept_language, parse_language,
};
use proptest::prelude::*;

fn localizer() -> &'static Localizer {
    static LOCALIZER: std::sync::OnceLock<Localizer> = std::sync::OnceLock::new();
    LOCALIZER.get_or_init(Localizer::embedded)
}

/// The language `language-tags` finds in a tag, put in canonical form the way
/// `parse_language` documents: `None` for what that documents as skipped.
fn oracle(tag: &str) -> Option<String> {
    if tag.len() > 64 {
        return None;
    }
    // `_` is read as `-` (POSIX locale names), which `language-tags` does not do.
    let parsed = LanguageTag::parse(&tag.replace('_', "-")).ok()?;
    let primary = parsed.primary_language();
    // Grandfathered and private-use tags are one "primary language" with dashes there.
    if primary.contains('-') || !(2..=3).contains(&primary.len()) {
        return None;
    }
    let mut language = parsed
        .extended_language_subtags()
        .next()
        .unwrap_or(primary)
        .to_owned();
    for subtag in parsed.script().into_iter().chain(parsed.region()) {
        language.push('-');
        language.push_str(subtag);
    }
    let mut variants: Vec<&str> = parsed.variant_subtags().collect();
    variants.sort_unstable();
    variants.dedup();
    for variant in variants {
        language.push('-');
        language.push_str(variant);
    }
    Some(language)
}

fn mixed_case(s: String, upper: bool) -> String {
    if upper { s.to_ascii_uppercase() } else { s }
}

/// Tags of every shape BCP 47 has, well-formed or nearly: languages of 2 to 8 letters,
/// extended languages, scripts, regions, variants (repeated sometimes), extensions (empty
/// sometimes), private use, grandfathered tags, and garbage.
fn tag() -> impl Strategy<Value = String> {
    let subtag = |pattern: &'static str| pattern.prop_map(String::from);
    let language = prop_oneof![
        8 => prop_oneof!["en", "pt", "de", "fr", "es", "pl", "ja", "zh", "sr", "und"].prop_map(String::from),
        4 => subtag("[a-z]{2,3}"),
        1 => subtag("[a-z]{4,9}"),
    ];
    let extlangs = proptest::collection::vec(subtag("[a-z]{3}"), 0..=4);
    let script = proptest::option::weighted(
        0.3,
        prop_oneof![
            Just("Latn".to_owned()),
            Just("Cyrl".to_owned()),
            subtag("[a-z]{4}"),
        ],
    );
    let region = proptest::option::weighted(
        0.6,
        prop_oneof![
            prop_oneof!["US", "PT", "BR", "DE", "AT", "CA", "AO", "419", "GB"]
                .prop_map(String::from),
            subtag("[a-z]{2}|[0-9]{3}"),
        ],
    );
    let variant = prop_oneof![
        Just("1996".to_owned()),
        Just("1901".to_owned()),
        subtag("[a-z0-9]{5,8}|[0-9][a-z0-9]{3}"),
    ];
    let variants = proptest::collection::vec(variant, 0..3);
    let extension = (
        subtag("[0-9a-wyz]"),
        proptest::collection::vec(subtag("[a-z0-9]{2,8}"), 0..3),
    );
    let extensions = proptest::collection::vec(extension, 0..3);
    let private = proptest::option::weighted(
        0.3,
        proptest::collection::vec(subtag("[a-z0-9]{1,8}"), 0..3),
    );
    let langtag = (
        language,
        extlangs,
        script,
        region,
        variants,
        extensions,
        private,
        any::<bool>(),
    )
        .prop_map(
            |(language, extlangs, script, region, variants, extensions, private, upper)| {
                let mut parts = vec![language];
                parts.extend(extlangs);
                parts.extend(script);
                parts.extend(region);
                parts.extend(variants);
                for (singleton, subtags) in extensions {
                    parts.push(singleton);
                    parts.extend(subtags);
                }
                if let Some(subtags) = private {
                    parts.push("x".to_owned());
                    parts.extend(subtags);
                }
                mixed_case(parts.join("-"), upper)
            },
        );
    prop_oneof![
        12 => langtag,
        1 => prop_oneof!["i-klingon", "EN-gb-OED", "zh-min-nan", "art-lojban", "no-bok", "i-default"]
            .prop_map(String::from),
        1 => subtag("x(-[a-z0-9]{1,8}){0,3}"),
        1 => subtag("[a-zA-Z]{2,3}(-[a-zA-Z]{3}){1,4}(-[a-zA-Z]{2})?"),
        2 => subtag("[a-zA-Z0-9-]{0,16}"),
        1 => subtag("[^,;\\s]{0,8}"),
    ]
}

/// A q-value as written and its weight in thousandths; `None` for one a header may not have.
fn quality() -> impl Strategy<Value = (String, Option<u16>)> {
    prop_oneof![
        4 => Just((String::new(), Some(1000))),
        1 => Just((";q=0".to_owned(), Some(0))),
        1 => Just((";q=0.5".to_owned(), Some(500))),
        1 => Just((" ; q=0.8".to_owned(), Some(800))),
        1 => Just((";Q=0.125".to_owned(), Some(125))),
        1 => Just((";q=1.000".to_owned(), Some(1000))),
        1 => Just((";q=2".to_owned(), None)),
        1 => Just((";q=0.1234".to_owned(), None)),
        1 => Just((";q".to_owned(), None)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn every_tag_is_read_as_an_independent_bcp47_parser_reads_it(tag in tag()) {
        let ours = parse_language(&tag).map(|l| l.to_string());
        prop_assert_eq!(ours, oracle(&tag), "{:?}", tag);
    }

}

proptest! {
    // Headers of up to 40 entries: fewer cases, each many tags.
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn every_header_is_read_entry_by_entry_as_the_independent_parser_reads_its_tags(
        entries in proptest::collection::vec((prop_oneof![9 => tag(), 1 => Just("*".to_owned())], quality()), 0..40),
        separator in prop_oneof![Just(","), Just(", "), Just(" ,\t")],
    ) {
        let header = entries
            .iter()
            .map(|(tag, (q, _))| format!("{tag}{q}"))
            .collect::<Vec<_>>()
            .join(separator);
        prop_assume!(header.len() <= 4096);
        // The first 32 entries, each a language (or `*`) with a valid weight, best first.
        let mut expected: Vec<(String, u16)> = entries
            .iter()
            .take(32)
            .filter_map(|(tag, (_, quality))| {
                let language = if tag == "*" { Some("*".to_owned()) } else { oracle(tag) };
                Some((language?, (*quality)?))
            })
            .collect();
        expected.sort_by_key(|(_, quality)| std::cmp::Reverse(*quality));
        expected.retain(|(_, quality)| *quality > 0);
        let ours: Vec<(String, u16)> = parse_accept_language(&header)
            .into_iter()
            .map(|r| (r.language.map_or("*".to_owned(), |l| l.to_string()), r.quality))
            .collect();
        prop_assert_eq!(ours, expected, "{:?}", header);
    }

}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn a_language_negotiates_to_the_locale_fluent_langneg_chooses(tag in tag()) {
        // Languages both read: fluent-langneg's type has no extensions.
        let Ok(theirs) = tag.parse::<unic_langid::LanguageIdentifier>() else {
            return Ok(());
        };
        prop_assume!(parse_language(&tag).is_some());
        let available: Vec<unic_langid::LanguageIdentifier> =
            LOCALES.iter().map(|l| l.tag.parse().unwrap()).collect();
        let chosen = fluent_langneg::negotiate_languages(
            &[theirs],
            &available,
            None,
            fluent_langneg::NegotiationStrategy::Filtering,
        )
        .first()
        .map_or(SOURCE_LOCALE.to_owned(), ToString::to_string);
        let ours = localizer().for_tags(&[&tag]).locale().to_string();
        prop_assert_eq!(ours, chosen, "{:?}", tag);
    }
}

/// An OMNIA language name in any case (`PTPT`, `ptPT`), with the tag it stands for.
fn omnia_name() -> impl Strategy<Value = (String, &'static str)> {
    (
        0..LOCALES.len(),
        proptest::collection::vec(any::<bool>(), 4),
    )
        .prop_map(|(i, upper)| {
            let name = LOCALES[i]
                .omnia_name
                .chars()
                .zip(upper)
                .map(|(c, upper)| {
                    if upper {
                        c.to_ascii_uppercase()
                    } else {
                        c.to_ascii_lowercase()
                    }
                })
                .collect();
            (name, LOCALES[i].tag)
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn an_omnia_name_is_its_tag_in_a_tag_list_and_nothing_in_a_header(
        items in proptest::collection::vec(
            prop_oneof![3 => tag().prop_map(|t| (t, None)), 1 => omnia_name().prop_map(|(n, t)| (n, Some(t)))],
            0..8,
        ),
    ) {
        let given: Vec<&str> = items.iter().map(|(text, _)| text.as_str()).collect();
        let as_tags: Vec<&str> = items.iter().map(|(text, tag)| tag.unwrap_or(text)).collect();
        prop_assert_eq!(
            localizer().for_tags(&given).locale().to_string(),
            localizer().for_tags(&as_tags).locale().to_string(),
            "{:?}", given
        );
        // In a header, a name is skipped: the answer is the header's without it.
        let without: Vec<&str> = items
            .iter()
            .filter(|(_, tag)| tag.is_none())
            .map(|(text, _)| text.as_str())
            .collect();
        prop_assert_eq!(
            localizer().for_accept_language(&given.join(", ")).locale().to_string(),
            localizer().for_accept_language(&without.join(", ")).locale().to_string(),
            "{:?}", given
        );
    }
}

#[test]
fn a_tag_with_extensions_or_private_use_negotiates_as_its_language() {
    let negotiate = |header: &str| localizer().for_accept_language(header).locale().to_string();
    assert_eq!(negotiate("de-DE-u-nu-latn"), "de-DE");
    assert_eq!(negotiate("en-US-x-twain, fr;q=0.5"), "en-US");
    assert_eq!(
        negotiate("ja-JP-u-ca-japanese, pt-BR-u-nu-latn;q=0.9"),
        "pt-BR"
    );
    assert_eq!(negotiate("pl-PL-t-en-h0-hybrid"), "pl-PL");
    assert_eq!(negotiate("es-419-u-nu-latn"), "es-ES");
    assert_eq!(negotiate("fr-CA-x-qc-u"), "fr-FR");
    // Skipped: private use alone, grandfathered tags, malformed extensions.
    assert_eq!(negotiate("x-de, de;q=0.1"), "de-DE");
    assert_eq!(negotiate("i-klingon, pt;q=0.1"), "pt-PT");
    assert_eq!(negotiate("de-DE-u, fr;q=0.1"), "fr-FR");
}
