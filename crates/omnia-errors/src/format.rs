//! Which of the two error bodies a request gets: OMNIA's `application/json` or RFC 9457
//! `application/problem+json`, chosen from its `Accept` header.

use crate::PROBLEM_JSON;
use crate::header;

/// The media type of OMNIA's own error body.
pub const OMNIA_JSON: &str = "application/json";

/// The body an error response carries.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ErrorFormat {
    /// OMNIA's body, [`ErrorBody`](crate::ErrorBody), as `application/json`: what
    /// OMNIA's own clients read.
    #[default]
    Omnia,
    /// RFC 9457 Problem Details, [`ProblemDetails`](crate::ProblemDetails), as
    /// `application/problem+json`.
    ProblemDetails,
}

impl ErrorFormat {
    /// The response's `Content-Type`.
    pub const fn media_type(self) -> &'static str {
        match self {
            Self::Omnia => OMNIA_JSON,
            Self::ProblemDetails => PROBLEM_JSON,
        }
    }

    /// The format of a received response by its `Content-Type` (parameters such as `charset`
    /// ignored, case-insensitive): what a client reads the body as. `None` for any other
    /// media type (an HTML error page of a proxy, say).
    ///
    /// ```
    /// use omnia_errors::{ErrorBody, ErrorFormat, ProblemDetails};
    ///
    /// let (content_type, body) = ("application/problem+json; charset=utf-8", r#"{"code":"FileNotFound"}"#);
    /// let code = match ErrorFormat::of_content_type(content_type) {
    ///     Some(ErrorFormat::Omnia) => Some(serde_json::from_str::<ErrorBody>(body)?.code),
    ///     Some(ErrorFormat::ProblemDetails) => serde_json::from_str::<ProblemDetails>(body)?.code,
    ///     None => panic!("not an OMNIA error"),
    /// };
    /// assert_eq!(code.unwrap().as_str(), "FileNotFound");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn of_content_type(content_type: &str) -> Option<Self> {
        let media_type = content_type.split(';').next().unwrap_or_default().trim();
        [Self::Omnia, Self::ProblemDetails]
            .into_iter()
            .find(|format| format.media_type().eq_ignore_ascii_case(media_type))
    }

    /// The format an `Accept` header asks for (RFC 9110, 12.5.1): each media type gets the
    /// quality of the most specific range that matches it (`application/problem+json`, then
    /// `application/*`, then `*/*`; none: not acceptable), and the better one wins. A tie,
    /// including no header at all or neither type acceptable, goes to `preferred`: an error is
    /// answered in any case, never with 406.
    ///
    /// `header` is the `Accept` value, several lines joined by commas as RFC 9110 reads them;
    /// no header at all reads as an empty one. Never fails: malformed entries are skipped, and
    /// only the first [`MAX_HEADER_BYTES`](header::MAX_HEADER_BYTES) are read, as of
    /// `Accept-Language`, so the work is bounded whatever the header.
    ///
    /// ```
    /// use omnia_errors::ErrorFormat;
    ///
    /// let omnia = ErrorFormat::Omnia;
    /// assert_eq!(ErrorFormat::negotiate("application/problem+json", omnia), ErrorFormat::ProblemDetails);
    /// assert_eq!(ErrorFormat::negotiate("application/json, */*;q=0.1", omnia), ErrorFormat::Omnia);
    /// // A tie goes to the server's preference.
    /// assert_eq!(ErrorFormat::negotiate("*/*", omnia), ErrorFormat::Omnia);
    /// assert_eq!(ErrorFormat::negotiate("", ErrorFormat::ProblemDetails), ErrorFormat::ProblemDetails);
    /// // A client that asks for `application/json` alone gets it, whatever the preference.
    /// assert_eq!(ErrorFormat::negotiate("application/json", ErrorFormat::ProblemDetails), omnia);
    /// ```
    pub fn negotiate(header: &str, preferred: Self) -> Self {
        let mut omnia = Match::default();
        let mut problem = Match::default();
        for range in header::bounded(header)
            .split(',')
            .filter_map(MediaRange::parse)
        {
            omnia.consider(&range, OMNIA_JSON);
            problem.consider(&range, PROBLEM_JSON);
        }
        match problem.quality().cmp(&omnia.quality()) {
            std::cmp::Ordering::Greater => Self::ProblemDetails,
            std::cmp::Ordering::Less => Self::Omnia,
            std::cmp::Ordering::Equal => preferred,
        }
    }
}

/// One element of `Accept`: `type/subtype` and its quality in thousandths.
#[derive(Debug, PartialEq, Eq)]
struct MediaRange<'a> {
    kind: &'a str,
    subtype: &'a str,
    quality: u16,
}

impl<'a> MediaRange<'a> {
    /// `type "/" subtype *( OWS ";" OWS parameter )`, with `q` the weight; `None` when it is
    /// not one (no `/`, a `q` that is not a qvalue, `*/json`). An empty type or subtype is
    /// kept: it matches no media type, which is all a reader needs to know of it.
    fn parse(element: &'a str) -> Option<Self> {
        let (media_range, quality) = header::weighted(element)?;
        let (kind, subtype) = media_range.split_once('/')?;
        // `*/json` names no range (RFC 9110: `*/*` or `type/*` only); read as a subtype, it
        // would match `application/json` exactly.
        if kind == "*" && subtype != "*" {
            return None;
        }
        Some(Self {
            kind,
            subtype,
            quality,
        })
    }

    /// How specifically the range matches `media_type` (2: exactly, 1: `type/*`, 0: `*/*`).
    fn specificity(&self, media_type: &str) -> Option<u8> {
        let (kind, subtype) = media_type.split_once('/')?;
        if !self.kind.eq_ignore_ascii_case(kind) && self.kind != "*" {
            return None;
        }
        match (self.kind, self.subtype) {
            ("*", "*") => Some(0),
            (_, "*") => Some(1),
            (_, s) if s.eq_ignore_ascii_case(subtype) => Some(2),
            _ => None,
        }
    }
}

/// The most specific range seen so far for one media type, and its quality.
#[derive(Default)]
struct Match {
    best: Option<(u8, u16)>,
}

impl Match {
    fn consider(&mut self, range: &MediaRange<'_>, media_type: &str) {
        if let Some(specificity) = range.specificity(media_type) {
            // The more specific range decides; among equally specific ones, the first.
            if self.best.is_none_or(|(s, _)| specificity > s) {
                self.best = Some((specificity, range.quality));
            }
        }
    }

    /// 0 when no range matched: not acceptable.
    fn quality(&self) -> u16 {
        self.best.map_or(0, |(_, q)| q)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const OMNIA: ErrorFormat = ErrorFormat::Omnia;
    const PROBLEM: ErrorFormat = ErrorFormat::ProblemDetails;

    fn pick(accept: &str, preferred: ErrorFormat) -> ErrorFormat {
        ErrorFormat::negotiate(accept, preferred)
    }

    #[test]
    fn the_better_quality_wins() {
        for preferred in [OMNIA, PROBLEM] {
            assert_eq!(pick("application/problem+json", preferred), PROBLEM);
            assert_eq!(pick("application/json", preferred), OMNIA);
            assert_eq!(
                pick(
                    "application/json;q=0.5, application/problem+json",
                    preferred
                ),
                PROBLEM
            );
            assert_eq!(
                pick(
                    "application/problem+json;q=0.9, application/json",
                    preferred
                ),
                OMNIA
            );
            assert_eq!(
                pick("application/problem+json, */*;q=0.8", preferred),
                PROBLEM
            );
            assert_eq!(
                pick("application/json, application/*;q=0.2", preferred),
                OMNIA
            );
            assert_eq!(pick("APPLICATION/Problem+JSON", preferred), PROBLEM);
            assert_eq!(
                pick(
                    "application/problem+json ; charset=utf-8 ; q=1.0",
                    preferred
                ),
                PROBLEM
            );
        }
    }

    #[test]
    fn ties_and_nothing_acceptable_go_to_the_preference() {
        for preferred in [OMNIA, PROBLEM] {
            for accept in [
                "*/*",
                "application/*",
                "application/json, application/problem+json",
                "text/html",
                "",
                "garbage",
                "application/json;q=0, application/problem+json;q=0",
            ] {
                assert_eq!(pick(accept, preferred), preferred, "{accept:?}");
            }
        }
    }

    #[test]
    fn a_type_wildcard_is_more_specific_than_the_full_one() {
        // problem+json: `application/*` (0.9) decides over `*/*` (0.1), wherever it comes.
        for header in [
            "application/json;q=0.5, */*;q=0.1, application/*;q=0.9",
            "application/json;q=0.5, application/*;q=0.9, */*;q=0.1",
        ] {
            assert_eq!(pick(header, OMNIA), PROBLEM, "{header}");
        }
        // A type wildcard counts at all: it gives problem+json a quality json's exact range
        // does not reach.
        assert_eq!(
            pick("application/*;q=0.9, application/json;q=0.5", OMNIA),
            PROBLEM
        );
        assert_eq!(
            pick("application/*;q=0.1, application/json;q=0.5", PROBLEM),
            OMNIA
        );
    }

    #[test]
    fn the_most_specific_range_decides() {
        // `*/*` would accept problem+json, but the exact range refuses it.
        assert_eq!(pick("*/*, application/problem+json;q=0", PROBLEM), OMNIA);
        assert_eq!(pick("application/problem+json;q=0, */*", PROBLEM), OMNIA);
        assert_eq!(pick("application/*;q=0.1, */*", OMNIA), OMNIA);
        // The first of two equally specific ranges counts.
        assert_eq!(
            pick(
                "application/json;q=0.1, application/json, application/problem+json;q=0.5",
                OMNIA
            ),
            PROBLEM
        );
    }

    #[test]
    fn malformed_entries_are_skipped() {
        for accept in [
            "application/problem+json;q=2",
            "application/problem+json;q=1.5",
            "application/problem+json;q=0.1234",
            "application/problem+json;q=x",
            "application/problem+json;q",
            "application/problem+json;q=-0",
            "*/problem+json",
            "/problem+json",
            "application/",
            "problem+json",
        ] {
            assert_eq!(pick(accept, OMNIA), OMNIA, "{accept:?}");
            // …and the entries after them still count.
            assert_eq!(
                pick(&format!("{accept}, application/problem+json"), OMNIA),
                PROBLEM,
                "{accept:?}"
            );
        }
    }

    #[test]
    fn only_the_first_bytes_are_read() {
        let filler = "text/html;q=0.1, ".repeat(header::MAX_HEADER_BYTES / 17 + 1);
        assert!(filler.len() > header::MAX_HEADER_BYTES);
        assert_eq!(
            pick(&format!("{filler}application/problem+json"), OMNIA),
            OMNIA
        );
        // Within the bound it counts.
        let short = "text/html;q=0.1, ".repeat(10);
        assert_eq!(
            pick(&format!("{short}application/problem+json"), OMNIA),
            PROBLEM
        );
        // Commas alone count against the bound as well.
        let commas = ",".repeat(header::MAX_HEADER_BYTES);
        assert_eq!(
            pick(&format!("{commas}application/problem+json"), OMNIA),
            OMNIA
        );
    }

    #[test]
    fn a_received_body_is_read_by_its_content_type() {
        assert_eq!(
            ErrorFormat::of_content_type("application/json"),
            Some(OMNIA)
        );
        assert_eq!(
            ErrorFormat::of_content_type("Application/JSON ; charset=utf-8"),
            Some(OMNIA)
        );
        assert_eq!(
            ErrorFormat::of_content_type("application/problem+json"),
            Some(PROBLEM)
        );
        assert_eq!(
            ErrorFormat::of_content_type(" application/problem+json;charset=UTF-8"),
            Some(PROBLEM)
        );
        for other in [
            "text/html",
            "",
            ";",
            "application/jsonx",
            "application/problem",
            "*/*",
        ] {
            assert_eq!(ErrorFormat::of_content_type(other), None, "{other:?}");
        }
    }

    #[test]
    fn media_types_are_the_crates() {
        assert_eq!(OMNIA.media_type(), "application/json");
        assert_eq!(PROBLEM.media_type(), "application/problem+json");
        assert_eq!(ErrorFormat::default(), OMNIA);
    }
}
