//! Where each code is documented: the error page, with one anchor per code.

use core::fmt;
use std::borrow::Cow;

use crate::AnyCode;

/// The URL of the "API Error Codes" page, where every code has an anchor of its own
/// (its wire name, [`ErrorCode::as_str`](crate::ErrorCode::as_str)): a code's documentation is
/// `<page>#<code>`, the `type` of its RFC 9457 [`ProblemDetails`](crate::ProblemDetails).
///
/// The default is the page on the OMNIA documentation site. An API that publishes the page
/// itself (`cargo xtask docs --out`) sets its own URL, which must be absolute and without a
/// fragment:
///
/// ```
/// use omnia_errors::{DocsPage, ErrorCode};
///
/// assert_eq!(
///     DocsPage::default().url_of(ErrorCode::EntityNotFound),
///     "https://docs.omnialowcode.com/omnia3_api_errors.html#EntityNotFound",
/// );
///
/// let ours = DocsPage::new("https://api.example.com/docs/errors.html")?;
/// assert_eq!(ours.url_of(ErrorCode::FileNotFound), "https://api.example.com/docs/errors.html#FileNotFound");
///
/// let error = DocsPage::new("errors.html").unwrap_err();
/// assert_eq!(
///     error.to_string(),
///     r#"docs page URL "errors.html" has no scheme: write an absolute URL, e.g. "https://example.com/errors.html""#,
/// );
/// # Ok::<(), omnia_errors::DocsPageError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct DocsPage(Cow<'static, str>);

impl DocsPage {
    /// The page on the OMNIA documentation site (`OMNIALowCode/omniadocs`, published at
    /// `docs.omnialowcode.com` with the permalink `omnia3_api_errors.html`).
    pub const OMNIA: Self = Self(Cow::Borrowed(
        "https://docs.omnialowcode.com/omnia3_api_errors.html",
    ));

    /// The longest URL accepted: far above any real page's, and a bound on what every
    /// response's `type` repeats.
    pub const MAX_LEN: usize = 2048;

    /// A page at `url`: an absolute URI (RFC 3986: a scheme, then only URI characters), with
    /// no fragment, since the code's anchor is appended as one.
    ///
    /// # Errors
    ///
    /// [`DocsPageError`] saying what is wrong with the URL and what would be right.
    pub fn new(url: impl Into<String>) -> Result<Self, DocsPageError> {
        let url = url.into();
        match check(&url) {
            None => Ok(Self(Cow::Owned(url))),
            Some(kind) => Err(DocsPageError { url, kind }),
        }
    }

    /// The page's URL.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The URL of a code's documentation: the page and the code's anchor.
    pub fn url_of(&self, code: impl Into<AnyCode>) -> String {
        let anchor = code.into().as_str();
        let mut url = String::with_capacity(self.0.len() + 1 + anchor.len());
        url.push_str(&self.0);
        url.push('#');
        url.push_str(anchor);
        url
    }

    /// The code whose documentation `url` is, when it is this page's link to one:
    /// what a client reading a problem's `type` wants.
    ///
    /// ```
    /// use omnia_errors::{AnyCode, DocsPage, ErrorCode};
    ///
    /// let page = DocsPage::default();
    /// let url = page.url_of(ErrorCode::EntityNotFound);
    /// assert_eq!(page.code_of(&url), Some(AnyCode::Api(ErrorCode::EntityNotFound)));
    /// assert_eq!(page.code_of("https://example.com/#EntityNotFound"), None);
    /// ```
    pub fn code_of(&self, url: &str) -> Option<AnyCode> {
        let anchor = url.strip_prefix(self.as_str())?.strip_prefix('#')?;
        AnyCode::from_name(anchor)
    }
}

impl Default for DocsPage {
    /// [`DocsPage::OMNIA`].
    fn default() -> Self {
        Self::OMNIA
    }
}

impl fmt::Display for DocsPage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// What is wrong with the URL of `DocsPage::new`, in one pass over it.
fn check(url: &str) -> Option<DocsPageErrorKind> {
    if url.len() > DocsPage::MAX_LEN {
        return Some(DocsPageErrorKind::TooLong);
    }
    // scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ), then ":" (RFC 3986, 3.1).
    let scheme_end = url.find(':').filter(|&end| {
        let scheme = &url.as_bytes()[..end];
        scheme.first().is_some_and(u8::is_ascii_alphabetic)
            && scheme
                .iter()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'))
    });
    let Some(scheme_end) = scheme_end else {
        return Some(DocsPageErrorKind::NoScheme);
    };
    let rest = &url[scheme_end + 1..];
    if rest.is_empty() {
        return Some(DocsPageErrorKind::NoScheme);
    }
    for (offset, c) in rest.char_indices() {
        let at = scheme_end + 1 + offset;
        if c == '#' {
            return Some(DocsPageErrorKind::Fragment { at });
        }
        // unreserved, reserved and "%" of a percent-encoding (RFC 3986, 2).
        let uri_char = c.is_ascii_alphanumeric() || "-._~:/?[]@!$&'()*+,;=%".contains(c);
        if !uri_char {
            return Some(DocsPageErrorKind::NotAUriCharacter { at, character: c });
        }
    }
    None
}

/// A URL that [`DocsPage::new`] refuses, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocsPageError {
    url: String,
    kind: DocsPageErrorKind,
}

/// Why a [`DocsPageError`] was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum DocsPageErrorKind {
    /// Not an absolute URL: no `scheme:` at its start, or nothing after it.
    NoScheme,
    /// A `#` at byte offset `at`: the page's URL has no fragment of its own.
    Fragment {
        /// The byte offset of the `#`.
        at: usize,
    },
    /// A character a URI cannot hold unencoded (a space, a non-ASCII letter) at byte offset
    /// `at`.
    NotAUriCharacter {
        /// The byte offset of the character.
        at: usize,
        /// The character.
        character: char,
    },
    /// Longer than [`DocsPage::MAX_LEN`] bytes.
    TooLong,
}

impl DocsPageError {
    /// The URL that was refused.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// Why.
    pub fn kind(&self) -> DocsPageErrorKind {
        self.kind
    }
}

impl fmt::Display for DocsPageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            DocsPageErrorKind::TooLong => write!(
                f,
                "docs page URL of {} bytes is longer than the {} allowed",
                self.url.len(),
                DocsPage::MAX_LEN
            ),
            DocsPageErrorKind::NoScheme => write!(
                f,
                "docs page URL {:?} has no scheme: write an absolute URL, e.g. \"https://example.com/errors.html\"",
                self.url
            ),
            DocsPageErrorKind::Fragment { at } => write!(
                f,
                "docs page URL {:?} has a fragment (\"#\" at byte {at}): write the page's URL alone; each code's anchor is appended to it",
                self.url
            ),
            DocsPageErrorKind::NotAUriCharacter { at, character } => write!(
                f,
                "docs page URL {:?} has {character:?} at byte {at}, which a URL cannot hold: percent-encode it (e.g. a space as %20)",
                self.url
            ),
        }
    }
}

impl std::error::Error for DocsPageError {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ErrorCode, ValidationErrorCode};

    fn kind(url: &str) -> Option<DocsPageErrorKind> {
        DocsPage::new(url).err().map(|e| e.kind())
    }

    #[test]
    fn the_default_page_is_the_omnia_sites() {
        assert_eq!(DocsPage::default(), DocsPage::OMNIA);
        assert_eq!(DocsPage::new(DocsPage::OMNIA.as_str()), Ok(DocsPage::OMNIA));
        assert_eq!(
            DocsPage::OMNIA.to_string(),
            "https://docs.omnialowcode.com/omnia3_api_errors.html"
        );
    }

    #[test]
    fn every_code_links_to_its_own_anchor_and_back() {
        let page = DocsPage::OMNIA;
        let mut seen = std::collections::HashSet::new();
        for code in AnyCode::all() {
            let url = page.url_of(code);
            assert_eq!(url, format!("{}#{}", page.as_str(), code.as_str()));
            assert!(seen.insert(code.as_str()), "{code}: anchor repeated");
            assert_eq!(page.code_of(&url), Some(code), "{url}");
            assert!(
                check(&url).is_some_and(|k| matches!(k, DocsPageErrorKind::Fragment { .. })),
                "{url}"
            );
        }
        assert_eq!(
            page.url_of(ValidationErrorCode::NotFound),
            "https://docs.omnialowcode.com/omnia3_api_errors.html#NotFound"
        );
    }

    #[test]
    fn code_of_reads_only_this_pages_anchors() {
        let page = DocsPage::new("https://x.example/e.html").unwrap();
        assert_eq!(
            page.code_of("https://x.example/e.html#FileNotFound"),
            Some(AnyCode::Api(ErrorCode::FileNotFound))
        );
        for url in [
            "https://x.example/e.html",
            "https://x.example/e.html#",
            "https://x.example/e.html#Nope",
            "https://x.example/e.htmlx#FileNotFound",
            "https://y.example/e.html#FileNotFound",
            "about:blank",
        ] {
            assert_eq!(page.code_of(url), None, "{url}");
        }
    }

    #[test]
    fn urls_are_checked_with_a_reason() {
        for good in [
            "https://example.com/errors.html",
            "http://localhost:8080/e",
            "urn:omnia:errors",
            "https://example.com/a%20b?x=1&y=[2]",
            "tag:example.com,2026:errors",
        ] {
            assert_eq!(kind(good), None, "{good}");
        }
        assert_eq!(kind(""), Some(DocsPageErrorKind::NoScheme));
        assert_eq!(kind("errors.html"), Some(DocsPageErrorKind::NoScheme));
        assert_eq!(kind("/docs/errors.html"), Some(DocsPageErrorKind::NoScheme));
        assert_eq!(kind("https:"), Some(DocsPageErrorKind::NoScheme));
        assert_eq!(kind("1http://x"), Some(DocsPageErrorKind::NoScheme));
        assert_eq!(kind("ht_tp://x"), Some(DocsPageErrorKind::NoScheme));
        assert_eq!(kind("h+t-t.p://x"), None);
        assert_eq!(
            kind("https://x/e.html#top"),
            Some(DocsPageErrorKind::Fragment { at: 16 })
        );
        assert_eq!(
            kind("https://x/a b"),
            Some(DocsPageErrorKind::NotAUriCharacter {
                at: 11,
                character: ' '
            })
        );
        assert_eq!(
            kind("https://x/é"),
            Some(DocsPageErrorKind::NotAUriCharacter {
                at: 10,
                character: 'é'
            })
        );
        let long = format!("https://x/{}", "a".repeat(DocsPage::MAX_LEN - 10));
        assert_eq!(long.len(), DocsPage::MAX_LEN);
        assert_eq!(kind(&long), None);
        assert_eq!(kind(&format!("{long}a")), Some(DocsPageErrorKind::TooLong));
    }

    #[test]
    fn errors_say_what_would_be_right() {
        let error = DocsPage::new("https://x/e.html#top").unwrap_err();
        assert_eq!(error.url(), "https://x/e.html#top");
        assert_eq!(
            error.to_string(),
            "docs page URL \"https://x/e.html#top\" has a fragment (\"#\" at byte 16): write the page's URL alone; each code's anchor is appended to it"
        );
        assert_eq!(
            DocsPage::new("https://x/a b").unwrap_err().to_string(),
            "docs page URL \"https://x/a b\" has ' ' at byte 11, which a URL cannot hold: percent-encode it (e.g. a space as %20)"
        );
        let long = "h".repeat(DocsPage::MAX_LEN + 1);
        assert_eq!(
            DocsPage::new(long).unwrap_err().to_string(),
            "docs page URL of 2049 bytes is longer than the 2048 allowed"
        );
    }
}
