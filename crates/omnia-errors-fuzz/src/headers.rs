//! Request headers: `Accept-Language` and `Accept`.

use omnia_errors::{AnyCode, DocsPage, ErrorFormat, ValidationError};
use omnia_errors_fluent::{parse_accept_language, parse_language};

use crate::localizer;

/// An `Accept-Language` header: parsing is bounded and sorted, negotiation lands on an
/// available locale (the header's entries as a tag list too, OMNIA names read), and formatting
/// in it yields text. The input is also tried repeated past
/// the 4 KiB the parser reads (the long-header shape: libFuzzer's default `-max_len` of 4096
/// never gets there by itself), where the same must hold.
pub fn accept_language(data: &[u8]) {
    let header = String::from_utf8_lossy(data);
    check_header(&header, data.len() as u64);
    if !header.is_empty() {
        // 16 KiB or more: past the 4 KiB read, cut mid-entry for most inputs.
        let long = header.repeat(LONG_HEADER / header.len() + 1);
        check_header(&long, data.len() as u64);
    }
}

/// How long the long-header shape makes a header, in bytes at least.
const LONG_HEADER: usize = 16 * 1024;

fn check_header(header: &str, number: u64) {
    let ranges = parse_accept_language(header);
    assert!(ranges.len() <= 32);
    assert!(ranges.windows(2).all(|w| w[0].quality >= w[1].quality));
    assert!(
        ranges
            .iter()
            .filter_map(|r| r.language.as_ref())
            .all(|l| l.to_string().len() <= 64),
        "a tag over 64 bytes was read"
    );
    // A language read is in canonical form: written and read again, it is itself.
    for language in ranges.iter().filter_map(|r| r.language.as_ref()) {
        assert_eq!(
            parse_language(&language.to_string()).as_ref(),
            Some(language)
        );
    }
    let language = localizer().for_accept_language(header);
    assert!(localizer().locales().any(|l| l == language.locale()));
    // The same text as a tag list, OMNIA's language names read too: a locale of the
    // localizer, and a name's own locale for a name.
    let tags: Vec<&str> = header.split(',').collect();
    let listed = localizer().for_tags(&tags);
    assert!(localizer().locales().any(|l| l == listed.locale()));
    if let Some(named) = omnia_errors_fluent::LOCALES
        .iter()
        .find(|l| l.omnia_name.eq_ignore_ascii_case(tags[0]))
    {
        let chosen = localizer().for_tags(&tags[..1]);
        assert_eq!(chosen.locale().to_string(), named.tag);
    }
    let message = language.message(&ValidationError::TextMaxLengthMismatch { max_length: number });
    assert!(!message.text.is_empty());
}

/// An `Accept` header: negotiation answers one of the two formats,
/// the preference decides only ties, and past the bytes read nothing counts (the input is also
/// tried repeated to 16 KiB, as for `Accept-Language`). The same text as a `Content-Type`
/// names a format only if it holds its media type, and as a docs page URL it is refused or
/// links every code to itself.
pub fn accept(data: &[u8]) {
    let header = String::from_utf8_lossy(data);
    check_accept(&header);
    if !header.is_empty() {
        let long = header.repeat(LONG_HEADER / header.len() + 1);
        check_accept(&long);
        for tail in [
            ", application/problem+json",
            ", application/json",
            ", */*;q=0",
        ] {
            let longer = format!("{long}{tail}");
            for preferred in [ErrorFormat::Omnia, ErrorFormat::ProblemDetails] {
                assert_eq!(
                    ErrorFormat::negotiate(&longer, preferred),
                    ErrorFormat::negotiate(&long, preferred),
                    "an entry past the bound counted"
                );
            }
        }
    }
    // The same text as a response's `Content-Type`: a format only when it names one.
    if let Some(format) = ErrorFormat::of_content_type(&header) {
        assert!(header.to_ascii_lowercase().contains(format.media_type()));
    }
    if let Ok(page) = DocsPage::new(header.as_ref()) {
        for code in AnyCode::all() {
            assert_eq!(page.code_of(&page.url_of(code)), Some(code));
        }
    }
}

fn check_accept(header: &str) {
    let omnia = ErrorFormat::negotiate(header, ErrorFormat::Omnia);
    let problem = ErrorFormat::negotiate(header, ErrorFormat::ProblemDetails);
    // Either the header decides (both agree) or it is a tie (each gets its preference).
    assert!(
        omnia == problem || (omnia == ErrorFormat::Omnia && problem == ErrorFormat::ProblemDetails),
        "{omnia:?} {problem:?}"
    );
}

/// A language tag, as `Localizer::for_tags` and each entry of `Accept-Language` read it: the
/// language is the one `language-tags` (an independent RFC 5646 parser) finds, put in
/// canonical form as [`parse_language`] documents, or `None` exactly where that documents a
/// skip; the reading ignores ASCII case and reads `_` as `-`; the language read is canonical
/// (written and read again, it is itself) and never longer than the tag.
pub fn language_tag(data: &[u8]) {
    let tag = String::from_utf8_lossy(data);
    let ours = parse_language(&tag);
    assert_eq!(
        ours.as_ref().map(ToString::to_string),
        oracle(&tag),
        "{tag:?}"
    );
    for variant in [
        tag.to_ascii_uppercase(),
        tag.to_ascii_lowercase(),
        tag.replace('_', "-"),
    ] {
        assert_eq!(parse_language(&variant), ours, "{tag:?} as {variant:?}");
    }
    if let Some(language) = &ours {
        let written = language.to_string();
        assert!(written.len() <= tag.len(), "{written:?} from {tag:?}");
        assert_eq!(parse_language(&written).as_ref(), Some(language));
    }
    let language = localizer().for_tags(&[&tag]);
    assert!(localizer().locales().any(|l| l == language.locale()));
}

/// The language `language-tags` finds in a tag, in the canonical form [`parse_language`]
/// documents: the extended language in place of its prefix, then script and region, then
/// the variants sorted, each once; `None` for what it documents as skipped (tags over 64
/// bytes, private use, grandfathered tags, primary languages of 4 to 8 letters).
fn oracle(tag: &str) -> Option<String> {
    if tag.len() > 64 {
        return None;
    }
    let parsed = language_tags::LanguageTag::parse(&tag.replace('_', "-")).ok()?;
    let primary = parsed.primary_language();
    // A grandfathered or private-use tag is one "primary language" with dashes in it.
    if primary.contains('-') || !(2..=3).contains(&primary.len()) {
        return None;
    }
    let language = parsed.extended_language_subtags().next().unwrap_or(primary);
    let mut variants: Vec<String> = parsed
        .variant_subtags()
        .map(str::to_ascii_lowercase)
        .collect();
    variants.sort_unstable();
    variants.dedup();
    let mut canonical = language.to_ascii_lowercase();
    if let Some(script) = parsed.script() {
        canonical.push('-');
        canonical.push_str(&script[..1].to_ascii_uppercase());
        canonical.push_str(&script[1..].to_ascii_lowercase());
    }
    if let Some(region) = parsed.region() {
        canonical.push('-');
        canonical.push_str(&region.to_ascii_uppercase());
    }
    for variant in variants {
        canonical.push('-');
        canonical.push_str(&variant);
    }
    Some(canonical)
}
