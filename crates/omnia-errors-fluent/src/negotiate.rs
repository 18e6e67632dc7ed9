//! Choosing a locale for a request: `Accept-Language` parsing (q-values, wildcards, garbage
//! ignored) and negotiation with fluent-langneg, with a lock-free cache of whole headers.

use std::collections::hash_map::RandomState;
use std::hash::BuildHasher;
use std::sync::OnceLock;

use fluent_langneg::{NegotiationStrategy, negotiate_languages};
use omnia_errors::header;
use unic_langid::LanguageIdentifier;

/// Entries past this many in one header are ignored: no browser sends more, and it bounds the
/// work a hostile header can cause.
const MAX_RANGES: usize = 32;
/// A language tag longer than this is skipped without being parsed. RFC 5646 §4.4.1 asks
/// implementations to accept at least 35 characters; real tags are far shorter.
const MAX_TAG_BYTES: usize = 64;
/// Headers longer than this are negotiated but not cached.
const MAX_CACHED_LEN: usize = 256;
const CACHE_SLOTS: usize = 512;

/// A language range of an `Accept-Language` header, with its weight.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LanguageRange {
    /// The language, or `None` for the wildcard `*`.
    pub language: Option<LanguageIdentifier>,
    /// The weight in thousandths (`q=0.8` is 800); [`parse_accept_language`] returns no range
    /// of weight 0.
    pub quality: u16,
}

/// Parses an `Accept-Language` header into its ranges, best first (ties keep header order).
///
/// Lenient like a browser-facing server must be: an entry that is not a language tag or has an
/// invalid `q` is skipped, never an error; `q=0` ("not acceptable") entries are not returned
/// (the [`Localizer`](crate::Localizer) honours them as exclusions when it negotiates); only
/// the first 4096 bytes (4 KiB; an entry cut by that limit is dropped) and the first 32 entries
/// are read, and a tag longer than 64 bytes is skipped, so the cost is linear in at most 4 KiB
/// whatever the header's length.
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
    let mut ranges = parse_all(header);
    ranges.retain(|r| r.quality > 0);
    ranges
}

/// Every range of a header, `q=0` ones included, best first (ties keep header order).
fn parse_all(header: &str) -> Vec<LanguageRange> {
    // The bound and the reading of each entry are the ones of every weighted header
    // (`omnia_errors::header`), `Accept` included.
    let mut ranges: Vec<LanguageRange> = header::bounded(header)
        .split(',')
        .take(MAX_RANGES)
        .filter_map(parse_range)
        .collect();
    // Stable: equal weights keep the order the client wrote them in.
    ranges.sort_by_key(|r| std::cmp::Reverse(r.quality));
    ranges
}

fn parse_range(entry: &str) -> Option<LanguageRange> {
    crate::probe::bytes(entry.len());
    let (tag, quality) = header::weighted(entry)?;
    if tag.len() > MAX_TAG_BYTES {
        return None;
    }
    let language = match tag {
        "" => return None,
        "*" => None,
        tag => Some(tag.parse::<LanguageIdentifier>().ok()?),
    };
    Some(LanguageRange { language, quality })
}

/// The subtags of a tag in canonical case, for RFC 4647 basic filtering.
fn subtags(language: &LanguageIdentifier) -> Vec<String> {
    language.to_string().split('-').map(str::to_owned).collect()
}

/// The locales a header declares not acceptable (RFC 9110 §12.5.4: `q=0`).
///
/// A range matches a locale by RFC 4647 basic filtering (`pt` matches `pt-PT` and `pt-BR`,
/// `*` matches everything), and the most specific range that matches a locale decides: with
/// `pt;q=0, pt-PT`, European Portuguese is acceptable and Brazilian is not, and `*;q=0` only
/// excludes the locales no other range names.
struct Exclusions {
    /// `(subtags, excludes)` of every range, `*` being no subtags.
    ranges: Vec<(Vec<String>, bool)>,
}

impl Exclusions {
    fn new(ranges: &[LanguageRange]) -> Self {
        let ranges = if ranges.iter().any(|r| r.quality == 0) {
            ranges
                .iter()
                .map(|r| {
                    let subtags = r.language.as_ref().map(subtags).unwrap_or_default();
                    (subtags, r.quality == 0)
                })
                .collect()
        } else {
            // The usual header excludes nothing: no work per candidate.
            Vec::new()
        };
        Self { ranges }
    }

    const fn none() -> Self {
        Self { ranges: Vec::new() }
    }

    fn excludes(&self, locale: &LanguageIdentifier) -> bool {
        if self.ranges.is_empty() {
            return false;
        }
        let locale = subtags(locale);
        let mut decided: Option<(usize, bool)> = None;
        for (range, excludes) in &self.ranges {
            let matches = range.len() <= locale.len()
                && range
                    .iter()
                    .zip(&locale)
                    .all(|(r, l)| r.eq_ignore_ascii_case(l));
            // Ties between equally specific ranges: exclusion wins, the safe reading.
            if matches
                && decided.is_none_or(|(len, was)| {
                    range.len() > len || (range.len() == len && *excludes && !was)
                })
            {
                decided = Some((range.len(), *excludes));
            }
        }
        decided.is_some_and(|(_, excludes)| excludes)
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
        self.negotiate_excluding(requested, &Exclusions::none())
    }

    /// The best acceptable locale for languages in preference order.
    ///
    /// `*`, or no match at all, gives the default locale unless it is excluded, else the first
    /// acceptable locale in preference order; when every locale is excluded, the default all
    /// the same (an error message in an unwanted language beats none, and RFC 9110 lets a
    /// server answer so).
    fn negotiate_excluding<'a>(
        &self,
        requested: impl IntoIterator<Item = Option<&'a LanguageIdentifier>>,
        excluded: &Exclusions,
    ) -> usize {
        for language in requested {
            let Some(language) = language else {
                // `*`: any acceptable language will do, so the default is as good as any.
                return self.fallback(excluded);
            };
            if let Some(found) = self.match_one(language, excluded) {
                return found;
            }
        }
        self.fallback(excluded)
    }

    fn fallback(&self, excluded: &Exclusions) -> usize {
        let default_excluded = self
            .available
            .iter()
            .find(|(_, index)| *index == self.default)
            .is_some_and(|(tag, _)| excluded.excludes(tag));
        if !default_excluded {
            return self.default;
        }
        self.available
            .iter()
            .find(|(tag, _)| !excluded.excludes(tag))
            .map_or(self.default, |(_, index)| *index)
    }

    fn match_one(&self, language: &LanguageIdentifier, excluded: &Exclusions) -> Option<usize> {
        if let Some((_, index)) = self
            .pseudo
            .iter()
            .find(|(tag, _)| tag == language && !excluded.excludes(tag))
        {
            return Some(*index);
        }
        let available: Vec<&LanguageIdentifier> = self
            .available
            .iter()
            .map(|(tag, _)| tag)
            .filter(|tag| !excluded.excludes(tag))
            .collect();
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
        let ranges = parse_all(header);
        let excluded = Exclusions::new(&ranges);
        let acceptable = ranges.iter().filter(|r| r.quality > 0);
        self.negotiate_excluding(acceptable.map(|r| r.language.as_ref()), &excluded)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tag_longer_than_64_bytes_is_skipped() {
        // A valid tag of 65 bytes: a language and seven 8-letter variants.
        let long = format!("de{}", "-abcdefgh".repeat(7));
        assert_eq!(long.len(), 65);
        assert!(long.parse::<LanguageIdentifier>().is_ok());
        let ranges = parse_accept_language(&format!("{long}, fr;q=0.5"));
        let tags: Vec<String> = ranges
            .iter()
            .filter_map(|r| r.language.as_ref().map(ToString::to_string))
            .collect();
        assert_eq!(tags, ["fr"]);
        let fits = &long[..56];
        assert_eq!(parse_accept_language(fits).len(), 1);
    }

    #[test]
    fn between_equally_specific_ranges_exclusion_wins_in_either_order() {
        let range = |quality| LanguageRange {
            language: Some("pt-PT".parse().unwrap()),
            quality,
        };
        let pt_pt: LanguageIdentifier = "pt-PT".parse().unwrap();
        assert!(Exclusions::new(&[range(500), range(0)]).excludes(&pt_pt));
        assert!(Exclusions::new(&[range(0), range(500)]).excludes(&pt_pt));
        assert!(!Exclusions::new(&[range(500), range(0)]).excludes(&"pt-BR".parse().unwrap()));
    }

    fn negotiator() -> Negotiator {
        let available = ["en-US", "de-DE", "fr-FR"]
            .iter()
            .enumerate()
            .map(|(i, tag)| (tag.parse().unwrap(), i))
            .collect();
        Negotiator::new(available, Vec::new(), 0)
    }

    fn cached(negotiator: &Negotiator) -> Vec<String> {
        negotiator
            .cache
            .iter()
            .filter_map(|slot| slot.get().map(|(header, _)| header.to_string()))
            .collect()
    }

    #[test]
    fn headers_up_to_256_bytes_are_cached_and_longer_ones_not() {
        let negotiator = negotiator();
        let long = format!("de, {}", "x".repeat(MAX_CACHED_LEN - 3));
        assert_eq!(long.len(), MAX_CACHED_LEN + 1);
        assert_eq!(negotiator.negotiate_header(&long), 1);
        assert!(cached(&negotiator).is_empty());
        let longest = &long[..MAX_CACHED_LEN];
        assert_eq!(negotiator.negotiate_header(longest), 1);
        assert_eq!(cached(&negotiator), [longest]);
    }

    #[test]
    fn a_header_whose_slot_another_holds_is_negotiated_for_itself() {
        let negotiator = negotiator();
        let slot = |header: &str| negotiator.hasher.hash_one(header) % CACHE_SLOTS as u64;
        let german = "de, x-a";
        // A French header landing in the German header's slot (one in 512 does).
        let french = (0..100_000)
            .map(|i| format!("fr, x-{i}"))
            .find(|h| slot(h) == slot(german))
            .unwrap();
        assert_eq!(negotiator.negotiate_header(german), 1);
        assert_eq!(negotiator.negotiate_header(&french), 2);
        assert_eq!(negotiator.negotiate_header(german), 1);
    }

    #[test]
    fn the_probe_counts_every_byte_parsed() {
        crate::probe::take();
        let _ = parse_accept_language("de, fr;q=0.5");
        assert_eq!(crate::probe::take(), 11);
    }

    #[test]
    fn a_tag_of_exactly_64_bytes_is_read() {
        let tag = format!("de{}-abcdefg", "-abcdefgh".repeat(6));
        assert_eq!(tag.len(), 64);
        let ranges = parse_accept_language(&tag);
        assert_eq!(ranges.len(), 1);
        assert_eq!(ranges[0].language, tag.parse().ok());
    }

    #[test]
    fn the_bytes_read_of_a_header_are_bounded() {
        // 32 entries of 6 kB each (190 kB): the issue's slow header.
        let header = vec![format!("en-{}", "a".repeat(6000)); 32].join(",");
        crate::probe::take();
        let _ = parse_accept_language(&header);
        let read = crate::probe::take();
        assert!(
            read <= 4096,
            "{read} bytes read of a {}-byte header",
            header.len()
        );
    }
}
