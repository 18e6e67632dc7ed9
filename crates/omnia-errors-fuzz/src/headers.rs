//! Request headers: `Accept-Language` and `Accept`.

use omnia_errors::{AnyCode, DocsPage, ErrorFormat, ValidationError};
use omnia_errors_fluent::{parse_accept_language, parse_language};

use crate::localizer;

/// An `Accept-Language` header: parsing is bounded and sorted, negotiation lands on an
/// available locale, and formatting in it yields text. The input is also tried repeated past
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
