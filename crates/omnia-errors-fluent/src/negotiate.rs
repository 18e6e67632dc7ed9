//! Choosing a locale for a request: `Accept-Language` parsing (q-values, wildcards, garbage
//! ignored) and negotiation with fluent-langneg, with a lock-free cache of whole headers.

use std::collections::hash_map::RandomState;
use std::hash::BuildHasher;
use std::sync::OnceLock;

use fluent_langneg::{NegotiationStrategy, negotiate_languages};
use unic_langid::LanguageIdentifier;

/// Entries past this many in one header are ignored: no browser sends more, and it bounds the
/// work a hostile header can cause.
const MAX_RANGES: usize = 32;
/// Headers longer than this are negotiated but not cached.
const MAX_CACHED_LEN: usize = 256;
const CACHE_SLOTS: usize = 512;

/// A language range of an `Accept-Language` header, with its weight.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LanguageRange {
    /// The language, or `None` for the wildcard `*`.
    pub language: Option<LanguageIdentifier>,
    /// The weight in thousandths (`q=0.8` is 800); ranges with weight 0 are not returned.
    pub quality: u16,
}

/// Parses an `Accept-Language` header into its ranges, best first (ties keep header order).
///
/// Lenient like a browser-facing server must be: an entry that is not a language tag or has an
/// invalid `q` is skipped, never an error; `q=0` ("not acceptable") entries are dropped; only the
/// first 32 entries are read.
///
/// ```
/// use omnia_errors_fluent::parse_accept_language;
///
/// let ranges = parse_accept_language("fr;q=0.5, pt-BR, *;q=0.1, @@garbage, de;q=0");
/// let tags: Vec<String> = ranges
///     .iter()
///     .map(|r| r.language.as_ref().map_or("*".into(), ToString::to_string))
///     .collect();
/// assert_eq!(tags, ["pt-BR", "fr", "*"]);
/// ```
pub fn parse_accept_language(header: &str) -> Vec<LanguageRange> {
    let mut ranges: Vec<LanguageRange> = header
        .split(',')
        .take(MAX_RANGES)
        .filter_map(parse_range)
        .filter(|r| r.quality > 0)
        .collect();
    // Stable: equal weights keep the order the client wrote them in.
    ranges.sort_by_key(|r| std::cmp::Reverse(r.quality));
    ranges
}

fn parse_range(entry: &str) -> Option<LanguageRange> {
    let mut parts = entry.split(';');
    let tag = parts.next()?.trim();
    let mut quality = 1000;
    for parameter in parts {
        let (name, value) = parameter.split_once('=')?;
        if name.trim().eq_ignore_ascii_case("q") {
            quality = parse_quality(value.trim())?;
        }
    }
    let language = match tag {
        "" => return None,
        "*" => None,
        tag => Some(tag.parse::<LanguageIdentifier>().ok()?),
    };
    Some(LanguageRange { language, quality })
}

/// RFC 9110 `qvalue`: `0`, `0.` and up to three digits, or `1`, `1.` and up to three zeros.
fn parse_quality(value: &str) -> Option<u16> {
    let (int, frac) = value.split_once('.').unwrap_or((value, ""));
    if frac.len() > 3 || !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let thousandths = frac
        .bytes()
        .chain(std::iter::repeat(b'0'))
        .take(3)
        .fold(0u16, |acc, b| acc * 10 + u16::from(b - b'0'));
    match int {
        "0" => Some(thousandths),
        "1" if thousandths == 0 => Some(1000),
        _ => None,
    }
}

/// A cached header and the index of the locale it negotiated to.
type CacheEntry = (Box<str>, usize);

/// Negotiates requests against a fixed set of locales.
pub(crate) struct Negotiator {
    /// Real locales, in preference order for fluent-langneg, with their index in the localizer.
    available: Vec<(LanguageIdentifier, usize)>,
    /// Pseudo-locales: only chosen when asked for by their exact tag.
    pseudo: Vec<(LanguageIdentifier, usize)>,
    default: usize,
    cache: Box<[OnceLock<CacheEntry>]>,
    hasher: RandomState,
}

impl Negotiator {
    pub(crate) fn new(
        available: Vec<(LanguageIdentifier, usize)>,
        pseudo: Vec<(LanguageIdentifier, usize)>,
        default: usize,
    ) -> Self {
        Self {
            available,
            pseudo,
            default,
            cache: (0..CACHE_SLOTS).map(|_| OnceLock::new()).collect(),
            hasher: RandomState::new(),
        }
    }

    /// The best locale for languages in preference order; the default when none matches.
    pub(crate) fn negotiate<'a>(
        &self,
        requested: impl IntoIterator<Item = Option<&'a LanguageIdentifier>>,
    ) -> usize {
        for language in requested {
            let Some(language) = language else {
                // `*`: any language will do, so the default is as good as any.
                return self.default;
            };
            if let Some(found) = self.match_one(language) {
                return found;
            }
        }
        self.default
    }

    fn match_one(&self, language: &LanguageIdentifier) -> Option<usize> {
        if let Some((_, index)) = self.pseudo.iter().find(|(tag, _)| tag == language) {
            return Some(*index);
        }
        let available: Vec<&LanguageIdentifier> =
            self.available.iter().map(|(tag, _)| tag).collect();
        let matched = negotiate_languages(
            &[language],
            &available,
            None,
            NegotiationStrategy::Filtering,
        );
        let best = **matched.first()?;
        self.available
            .iter()
            .find(|(tag, _)| tag == best)
            .map(|(_, index)| *index)
    }

    /// Negotiates an `Accept-Language` header, from the cache when this header was seen before.
    pub(crate) fn negotiate_header(&self, header: &str) -> usize {
        if header.len() > MAX_CACHED_LEN {
            return self.negotiate_uncached(header);
        }
        let hash = self.hasher.hash_one(header);
        // The modulo keeps the index below CACHE_SLOTS, so the truncation is lossless.
        #[allow(clippy::cast_possible_truncation)]
        let slot = &self.cache[(hash % CACHE_SLOTS as u64) as usize];
        if let Some((cached, index)) = slot.get() {
            if **cached == *header {
                return *index;
            }
            // Another header owns the slot: negotiate without caching. Entries are never
            // evicted, so a flood of distinct headers costs speed, never correctness.
            return self.negotiate_uncached(header);
        }
        let index = self.negotiate_uncached(header);
        // Losing a race to another thread is fine: the winner's entry is just as valid.
        let _ = slot.set((header.into(), index));
        index
    }

    fn negotiate_uncached(&self, header: &str) -> usize {
        let ranges = parse_accept_language(header);
        self.negotiate(ranges.iter().map(|r| r.language.as_ref()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quality_follows_rfc_9110() {
        assert_eq!(parse_quality("1"), Some(1000));
        assert_eq!(parse_quality("1.000"), Some(1000));
        assert_eq!(parse_quality("0.8"), Some(800));
        assert_eq!(parse_quality("0.123"), Some(123));
        assert_eq!(parse_quality("0"), Some(0));
        assert_eq!(parse_quality("1.5"), None);
        assert_eq!(parse_quality("0.1234"), None);
        assert_eq!(parse_quality("-1"), None);
        assert_eq!(parse_quality(""), None);
        assert_eq!(parse_quality("0.x"), None);
    }
}
