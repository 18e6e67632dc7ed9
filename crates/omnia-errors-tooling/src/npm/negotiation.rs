//! The negotiation fixture (`js/test/negotiation.json`): inputs a UI hands the npm package's
//! `negotiate` (an `Accept-Language` header, or language tags as `navigator.languages` holds
//! them), each with the locale the Rust localizer negotiates for it. The JavaScript test
//! expects the same locale from the package for every case.
//!
//! The inputs: the cases that matter (regional variants our locales do not have, `*`, `q=0`
//! exclusions, garbage, the byte, entry and tag bounds, every shape of BCP 47 tag and the
//! grandfathered ones, case, characters whose Unicode case is ASCII), OMNIA's language names,
//! and a few hundred headers and tag lists drawn with a fixed seed from a pool of tags and
//! weights.
//!
//! Rust is asked with the input as given: a tag list by `Localizer::for_tags` (which reads
//! OMNIA's names, `PTPT`), a header by `for_accept_language` (which does not). The package's
//! `negotiate` reads a string that is one OMNIA name as that name, since a UI holds one
//! (OMNIA's `getLanguageTranslator().language`) and a header cannot mean anything by it: such
//! a string is asked of Rust as a tag list of one ([`string`]).

use std::fmt::Write as _;

use omnia_errors_fluent::Localizer;

use crate::{DeclaredLocale, Locales};

/// Headers that matter, each for a reason.
const HEADERS: &[&str] = &[
    "pt-AO",
    "es-419",
    "fr-CA",
    "zh",
    "*",
    "",
    "garbage",
    "🦀, x;q=2",
    "de-CH, fr;q=0.8, *;q=0.1",
    "fr;q=0.5, pt-BR, *;q=0.1, @@garbage, de;q=0",
    "pl-PL,pl;q=0.9,en;q=0.5",
    "pt-BR,pt;q=0.9,en-US;q=0.8",
    // Ties keep the header's order.
    "de;q=0.5, fr;q=0.5",
    "fr;q=0.5, de;q=0.5",
    // `q=0`: not acceptable, the most specific range deciding.
    "en-US;q=0, *",
    "pt-PT;q=0, pt",
    "pt;q=0, pt-PT",
    "pt;q=0, pt-PT;q=0, pt-BR;q=0.1",
    "*;q=0",
    "*;q=0, de;q=0.1",
    "en-US;q=0, de-DE;q=0, *",
    "en-US;q=0, zz",
    "en;q=0, en-US;q=0.5",
    "pt-PT;q=0.5, pt-PT;q=0",
    "pl-PL;q=0.000, de",
    // q-values as RFC 9110 writes them, and not.
    "de;q=1.000, pl;q=0.999",
    "de;q=1.0001, pl",
    "de;q=0.0001, pl",
    "de;q=0.0001, pl;q=0",
    "de;q=1.0000, pl;q=0.5",
    "de;q=.5, pl;q=0.4",
    "de ; q = 0.5 , pl ; q=0.6",
    "de;Q=0.5,pl;q=0.4",
    "de;q, pl",
    "de;;q=1, pl",
    "de;x=1;q=0.2, fr;q=0.1",
    "de;q=0.9;q=0, pl;q=0.1",
    // Tags: case, `_`, scripts, variants, `und`.
    "PT-br",
    "pt_BR",
    "pt",
    "en-GB",
    "sr",
    "sr-RU",
    "zh-Hant-TW",
    "pt-Latn-PT",
    "und",
    "und-PT",
    "de-DE-1996",
    "de-1996-1901-1996",
    "en-US-posix",
    "es, pt",
    "i-klingon, pl",
    "de--DE, pl;q=0.1",
    "de-, pl;q=0.1",
    "abcd, pl;q=0.1",
    "x-🦀, pl",
    // Whitespace as Rust's `trim` reads it: U+0085 is, U+FEFF is not.
    "\u{85}pl\u{85}",
    "\u{feff}pl, de;q=0.1",
    "\tpl-PL ;q=0.5\u{3000}",
    // OMNIA's names: a string that is one is read as it; in a header, none is.
    "PTPT",
    "ptPT",
    " PTPT",
    "e\u{17f}e\u{17f}",
    "ptbr;q=0.9, DEDE",
    "PLPL;q=0.5, DEDE;q=0.6",
    "ptpt;q=0, pt",
    "PTPT, pt-BR;q=0.5",
    // Every shape of BCP 47 tag: extended languages (the first is the language), 5 to 8
    // letters, scripts, 3-digit regions, variants repeated, extensions repeated, `_`.
    "zh-yue-HK, pl;q=0.1",
    "pt-xyz-BR, pl;q=0.1",
    "pt-por, pl;q=0.1",
    "de-abc-def-ghi, pl;q=0.1",
    "de-abc-def-ghi-jkl, pl;q=0.1",
    "abcde-DE, pl;q=0.1",
    "abcdefgh, pl;q=0.1",
    "abcdefghi, pl;q=0.1",
    "de-Latn-DE-1996-u-nu-latn",
    "es-419-u-nu-latn",
    "de-1996-1996",
    "de-u-ab-u-cd, pl;q=0.1",
    "pt_BR_u_nu_latn",
    "pt-PT-u-nu-latn;q=0, pt",
    "und-u-nu-latn, pl;q=0.1",
    "de-DE-, pl;q=0.1",
    "de--u-ab, pl;q=0.1",
    "de-DE-u-ab-x, pl;q=0.1",
    "de-DE-x-abcdefghi, pl;q=0.1",
    "x-pt-PT, de;q=0.1",
    "X-A, de;q=0.1",
    // Case.
    "pT-lAtN-bR",
    "DE-DE-U-NU-LATN",
    "EN-us-X-TWAIN, pl;q=0.1",
    "Zh-YUE-hk, pl;q=0.1",
    // Characters outside ASCII whose case mapping is ASCII: no letters of a tag (`ſ` is no
    // `s`, the Kelvin sign no `k`).
    "e\u{17f}, pl;q=0.1",
    "de-DE-u-\u{212a}a, pl;q=0.1",
    "\u{130}t, pl;q=0.1",
];

/// Tag lists that matter (`navigator.languages`, OMNIA's `getLanguageTranslator().language`).
const TAG_LISTS: &[&[&str]] = &[
    &[],
    &["pt-AO", "en"],
    &["x-🦀", "pt-AO", "en"],
    &["es-419"],
    &["fr-CA"],
    &["zh"],
    &["*"],
    &["*", "de"],
    &["en-GB", "de"],
    &["pt_BR"],
    &["und", "pl"],
    &["de;q=0.5", "pl"],
    &["de-DE-1996"],
    &["", " pl", "pl "],
    &["PTPT"],
    &["PLPL", "de"],
    &["ptpt"],
    &["XXXX", "DEDE"],
    &["ENUS", "pt"],
    &["ptPT"],
    &["e\u{17f}e\u{17f}", "pl"],
    &["PTPT ", "pl"],
    &["zh-yue-HK", "pt-xyz-BR", "pl"],
    &["de-DE-u-nu-latn", "pl"],
    &["e\u{17f}", "pl"],
];

/// RFC 5646's grandfathered tags: each in a header and a list before `pl`, which answers when
/// the tag is skipped. Some are well-formed as other tags (`art-lojban`, `no-bok`), one
/// nearly (`en-GB-oed`).
const GRANDFATHERED: &[&str] = &[
    "en-GB-oed",
    "i-ami",
    "i-bnn",
    "i-default",
    "i-enochian",
    "i-hak",
    "i-klingon",
    "i-lux",
    "i-mingo",
    "i-navajo",
    "i-pwn",
    "i-tao",
    "i-tay",
    "i-tsu",
    "sgn-BE-FR",
    "sgn-BE-NL",
    "sgn-CH-DE",
    "art-lojban",
    "cel-gaulish",
    "no-bok",
    "no-nyn",
    "zh-guoyu",
    "zh-hakka",
    "zh-min",
    "zh-min-nan",
    "zh-xiang",
    // Any case, `_` for `-`.
    "EN-gb-OED",
    "zh_min_nan",
];

/// Extensions and private-use subtags, with the tag they negotiate as (a test holds Rust to
/// it).
const EXTENSIONS: &[(&str, &str)] = &[
    ("de-DE-u-nu-latn", "de-DE"),
    ("en-US-x-twain", "en-US"),
    ("pt-PT-t-en-us", "pt-PT"),
    ("pl-a-bcd-x-y", "pl"),
    ("fr-CA-u-ca-gregory-nu-latn", "fr-CA"),
    ("de-DE-u-nu-latn;q=0.5, fr;q=0.4", "de-DE;q=0.5, fr;q=0.4"),
];

/// The pool random headers are drawn from.
const POOL: &[&str] = &[
    "en",
    "en-US",
    "EN-us",
    "en_GB",
    "pt",
    "pt-PT",
    "pt-BR",
    "pt-AO",
    "pt-Latn-BR",
    "es",
    "es-419",
    "es-MX",
    "es-ES",
    "fr",
    "fr-CA",
    "fr-FR",
    "de",
    "de-AT",
    "de-DE-1996",
    "pl",
    "pl-PL",
    "zh",
    "zh-Hant-TW",
    "sr-RU",
    "ja",
    "und",
    "und-PT",
    "*",
    "i-klingon",
    "x-🦀",
    "@@",
    "",
    "en-",
    "de--DE",
    "PTPT",
    "PLPL",
    "ptbr",
    "abcd",
    "it-IT",
    "nl",
];

const WEIGHTS: &[&str] = &[
    "",
    "",
    "",
    ";q=0",
    ";q=0.5",
    ";q=0.5",
    ";q=0.8",
    ";q=1",
    ";q=0.000",
    ";q=1.001",
    ";Q=0.3",
    " ; q = 0.3 ",
    ";q",
    ";x=1;q=0.2",
    ";q=0.12345",
];

const SEPARATORS: &[&str] = &[",", ", ", " , ", ",,"];

/// A fixed-seed generator (SplitMix64): the same cases on every run.
struct Draw(u64);

impl Draw {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        // The index is below the length, so it fits.
        #[allow(clippy::cast_possible_truncation)]
        let index = (self.next() % items.len() as u64) as usize;
        items[index]
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// Whether `input` is the OMNIA language name (`PTPT`, in any case) of a declared locale.
fn is_omnia_name(input: &str, declared: &[DeclaredLocale]) -> bool {
    declared
        .iter()
        .any(|l| l.omnia_name.eq_ignore_ascii_case(input))
}

/// What the package's `negotiate` answers for a string: a tag list of one for an OMNIA name,
/// the header's locale for any other string.
fn string(localizer: &Localizer, declared: &[DeclaredLocale], input: &str) -> String {
    let language = if is_omnia_name(input, declared) {
        localizer.for_tags(&[input])
    } else {
        localizer.for_accept_language(input)
    };
    language.locale().to_string()
}

/// The bounds: 32 entries, 4 KiB (whole entries only, never inside a character), 64-byte tags.
fn bounds() -> Vec<String> {
    let x = |n: usize| "x".repeat(n);
    let long_tag = format!("de{}", "-abcdefgh".repeat(7));
    let tag_of_64 = format!("de{}-abcdefg", "-abcdefgh".repeat(6));
    vec![
        format!("{}, pl", vec!["zz"; 31].join(", ")),
        format!("{}, pl", vec!["zz"; 32].join(", ")),
        format!("{long_tag}, fr;q=0.5"),
        format!("{tag_of_64}, fr;q=0.5"),
        format!("de,{},fr", x(4093)),
        format!("pl,{}b,fr", x(4093)),
        format!("fr,{}é,de", x(4092)),
        format!("{},de", x(4096)),
        format!("{}é,de", x(4095)),
        format!("{}, pl", x(5000)),
        format!("pl;q=0.1,{};q=0.9", x(4090)),
        // The bound cuts `deu` after `de`, and a character after `de`: a language each, were
        // the cut entry read.
        format!("pl;q=0.5,{},deu", x(4084)),
        format!("pl;q=0.5,{},de\u{1f980}", x(4082)),
        // 64 and 65 bytes with extensions and private use: the bound is on the whole tag.
        format!("{}, pl;q=0.1", long_private_use(64)),
        format!("{}, pl;q=0.1", long_private_use(65)),
    ]
}

/// A well-formed pt-BR tag of 64 or 65 bytes, with an extension and private use.
fn long_private_use(len: usize) -> String {
    let tag = format!(
        "pt-BR-u-abcdefgh-abcdefgh-x-a{}-aaaaaaa",
        "-aaaaaaaa".repeat(3)
    );
    debug_assert_eq!(tag.len(), 64);
    if len > 64 { tag + "a" } else { tag }
}

struct Case {
    /// A header, or a tag list.
    input: Result<String, Vec<String>>,
    expected: String,
}

fn cases(localizer: &Localizer, declared: &[DeclaredLocale]) -> Vec<Case> {
    let header = |input: &str| Case {
        input: Ok(input.to_owned()),
        expected: string(localizer, declared, input),
    };
    let tags = |input: &[&str]| Case {
        input: Err(input.iter().map(|&t| t.to_owned()).collect()),
        expected: localizer.for_tags(input).locale().to_string(),
    };
    let mut cases: Vec<Case> = HEADERS.iter().map(|h| header(h)).collect();
    cases.extend(bounds().iter().map(|h| header(h)));
    cases.extend(TAG_LISTS.iter().map(|t| tags(t)));
    for tag in GRANDFATHERED {
        cases.push(header(&format!("{tag}, pl;q=0.1")));
        cases.push(tags(&[tag, "pl"]));
    }
    cases.extend(EXTENSIONS.iter().map(|(with, _)| header(with)));
    for len in [64, 65] {
        cases.push(tags(&[&long_private_use(len), "pl"]));
    }
    let mut draw = Draw(0x0d15_ea5e);
    for _ in 0..300 {
        let entries = 1 + draw.below(5);
        let mut input = String::new();
        for i in 0..entries {
            if i > 0 {
                input.push_str(draw.pick(SEPARATORS));
            }
            input.push_str(draw.pick(POOL));
            input.push_str(draw.pick(WEIGHTS));
        }
        cases.push(header(&input));
    }
    for _ in 0..100 {
        let list: Vec<&str> = (0..draw.below(4)).map(|_| draw.pick(POOL)).collect();
        cases.push(tags(&list));
    }
    cases
}

/// The fixture: a JSON array, one case a line, `{"header": …}` or `{"tags": […]}` with the
/// `expected` locale, as `localizer` (built with the declared `locales`, whose OMNIA names
/// its `for_tags` reads) negotiates.
pub fn negotiation_fixture(locales: &Locales, localizer: &Localizer) -> String {
    let string = |s: &str| serde_json::to_string(s).unwrap_or_default();
    let lines: Vec<String> = cases(localizer, locales.declared())
        .iter()
        .map(|case| {
            let mut line = String::from("{");
            match &case.input {
                Ok(header) => {
                    let _ = write!(line, "\"header\": {}", string(header));
                }
                Err(tags) => {
                    let list: Vec<String> = tags.iter().map(|t| string(t)).collect();
                    let _ = write!(line, "\"tags\": [{}]", list.join(", "));
                }
            }
            let _ = write!(line, ", \"expected\": {}}}", string(&case.expected));
            line
        })
        .collect();
    format!("[\n{}\n]\n", lines.join(",\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn declared() -> Vec<DeclaredLocale> {
        crate::Workspace::current()
            .locales()
            .unwrap()
            .declared()
            .to_vec()
    }

    #[test]
    fn a_string_that_is_an_omnia_name_is_that_name_and_any_other_a_header() {
        let (localizer, declared) = (Localizer::embedded(), declared());
        let string = |input: &str| string(&localizer, &declared, input);
        assert_eq!(string("ptPT"), "pt-PT");
        assert_eq!(string("PTPT, pt-BR;q=0.5"), "pt-BR");
        assert_eq!(string(" PTPT"), "en-US");
        assert_eq!(string("e\u{17f}e\u{17f}"), "en-US");
        assert!(is_omnia_name("dede", &declared) && !is_omnia_name("XXXX", &declared));
    }

    #[test]
    fn extensions_and_private_use_are_set_aside_and_long_tags_bounded() {
        let (localizer, declared) = (Localizer::embedded(), declared());
        for (with, without) in EXTENSIONS {
            assert_eq!(
                string(&localizer, &declared, with),
                string(&localizer, &declared, without),
                "{with}"
            );
        }
        assert_eq!(long_private_use(64).len(), 64);
        assert_eq!(long_private_use(65).len(), 65);
        assert_eq!(
            localizer
                .for_tags(&[&long_private_use(64), "pl"])
                .locale()
                .to_string(),
            "pt-BR"
        );
        assert_eq!(
            localizer
                .for_tags(&[&long_private_use(65), "pl"])
                .locale()
                .to_string(),
            "pl-PL"
        );
    }

    #[test]
    fn the_cases_the_issue_names_answer_as_expected() {
        let localizer = Localizer::embedded();
        let all = cases(&localizer, &declared());
        let expected = |input: &str| {
            all.iter()
                .find(|c| c.input.as_deref() == Ok(input))
                .map(|c| c.expected.clone())
        };
        assert_eq!(expected("pt-AO").as_deref(), Some("pt-PT"));
        assert_eq!(expected("es-419").as_deref(), Some("es-ES"));
        assert_eq!(expected("fr-CA").as_deref(), Some("fr-FR"));
        assert_eq!(expected("zh").as_deref(), Some("en-US"));
        assert_eq!(expected("PTPT").as_deref(), Some("pt-PT"));
        assert_eq!(expected("pt-PT;q=0, pt").as_deref(), Some("pt-BR"));
        // A name in a header is nothing, so it excludes nothing.
        assert_eq!(expected("ptpt;q=0, pt").as_deref(), Some("pt-PT"));
        // Every grandfathered tag is skipped.
        for tag in GRANDFATHERED {
            assert_eq!(
                expected(&format!("{tag}, pl;q=0.1")).as_deref(),
                Some("pl-PL"),
                "{tag}"
            );
        }
        assert!(all.len() > 500, "{}", all.len());
    }
}
