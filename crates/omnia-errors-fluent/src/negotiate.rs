//! Choosing a locale for a request: `Accept-Language` parsing (q-values, wildcards, garbage
//! ignored), the reading of a language tag, and the negotiation against the localizer's
//! locales, with a lock-free cache of whole headers.
//!
//! Which tags are languages is [`parse_language`]'s documentation; which locale a language
//! gets, [`Localizer::for_languages`](crate::Localizer::for_languages)'s.

use std::collections::hash_map::RandomState;
use std::hash::BuildHasher;
use std::sync::OnceLock;

use icu_locale_core::LanguageIdentifier;
use icu_locale_core::subtags::{Language, Region, Script, Variant, Variants};
use omnia_errors::header;

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
    /// The language (extensions and private-use subtags set aside, see the
    /// [reading of tags](crate::parse_language)), or `None` for the wildcard `*`.
    pub language: Option<LanguageIdentifier>,
    /// The weight in thousandths (`q=0.8` is 800); [`parse_accept_language`] returns no range
    /// of weight 0.
    pub quality: u16,
}

/// Parses an `Accept-Language` header into its ranges, best first (ties keep header order).
///
/// Lenient like a browser-facing server must be: an entry that is not a language tag (see
/// [`parse_language`] for which tags are) or has an invalid `q` is skipped, never an error;
/// `q=0` ("not acceptable") entries are not returned (the [`Localizer`](crate::Localizer)
/// honours them as exclusions when it negotiates); only the first 4096 bytes (4 KiB; an entry
/// cut by that limit is dropped) and the first 32 entries are read, and a tag longer than 64
/// bytes is skipped, so the cost is linear in at most 4 KiB whatever the header's length.
///
/// ```
/// use omnia_errors_fluent::parse_accept_language;
///
/// let ranges = parse_accept_language("fr;q=0.5, pt-BR, *;q=0.1, @@garbage, de;q=0, ja-JP-u-ca-japanese;q=0.2");
/// let tags: Vec<String> = ranges
///     .iter()
///     .map(|r| r.language.as_ref().map_or("*".into(), ToString::to_string))
///     .collect();
/// assert_eq!(tags, ["pt-BR", "fr", "ja-JP", "*"]);
/// ```
pub fn parse_accept_language(header: &str) -> Vec<LanguageRange> {
    let mut ranges = parse_all(header);
    ranges.retain(|r| r.quality > 0);
    ranges
}

/// The language a BCP 47 tag names, in canonical form, or `None` for a tag that names none:
/// how [`parse_accept_language`] and [`Localizer::for_tags`](crate::Localizer::for_tags) read
/// each tag.
///
/// A language tag is read by the grammar of BCP 47 (RFC 5646 §2.1), case-insensitively, with
/// `-` between subtags (or `_`, as POSIX locale names write them: `pt_BR` is `pt-BR`). Every
/// *well-formed* tag is a language:
///
/// - language: 2–3 letters, optionally followed by up to three extended-language subtags of 3
///   letters (`zh-yue`) (the grammar's languages of 4–8 letters are below); then an optional
///   script (4 letters), an optional region (2 letters or 3 digits) and any number of variants
///   (5–8 letters and digits, or a digit and 3 letters and digits);
/// - extensions: a singleton (a letter or digit other than `x`) followed by one or more
///   subtags of 2–8 letters and digits (`-u-nu-latn`, `-t-de-h0-hybrid`, `-a-bbb`), any number
///   of them;
/// - private use: `x` followed by one or more subtags of 1–8 letters and digits, at the end
///   (`-x-twain`).
///
/// Extensions and private-use subtags are read (they must be well-formed) and set aside: they
/// say how to format (`-u-nu-latn`: Latin digits, `-u-ca-japanese`: a calendar) or carry
/// private data, not which language, so `de-DE-u-nu-latn` negotiates as `de-DE`,
/// `en-US-x-twain` as `en-US` and `ja-JP-u-ca-japanese` as `ja-JP`. The language read is in
/// canonical form: subtags in their canonical case (`DE-de` is `de-DE`), an extended language
/// in place of its prefix (`zh-yue-HK` is `yue-HK`, RFC 5646 §4.5; a second or third one, which
/// the grammar reserves, is set aside), and variants once each, in alphabetical order
/// (`de-1996-1901-1996` is `de-1901-1996`).
///
/// Skipped, as tags that name no language:
///
/// - private-use tags (`x-whatever`): no language to match;
/// - the 26 grandfathered tags of RFC 5646 §2.1 (`i-klingon`, `en-GB-oed`, `zh-min-nan`,
///   `art-lojban`, `no-bok`, …): their subtags do not mean what the grammar reads them as
///   (`no-bok` is Norwegian Bokmål, not a language `bok`), and their modern equivalents
///   (`tlh`, `en-GB-oxendict`, `nan`, `jbo`, `nb`) are what browsers send;
/// - a primary language of 4 to 8 letters (`abcd-DE`, `abcdefgh`): the grammar reserves 4
///   letters and keeps 5 to 8 for languages the registry might one day add, and it has added
///   none (the locale type, ICU4X's, holds languages of 2 or 3 letters);
/// - anything that is not well-formed (`de-`, `de--DE`, `de-u`, `en-US-x`, `🦀`, `de DE`), and
///   a tag over 64 bytes (see [`parse_accept_language`]).
///
/// Reading is one pass over the tag's subtags (linear, and a tag is at most 64 bytes).
///
/// ```
/// use omnia_errors_fluent::parse_language;
///
/// let language = |tag| parse_language(tag).map(|l| l.to_string());
/// assert_eq!(language("de-DE-u-nu-latn").as_deref(), Some("de-DE"));
/// assert_eq!(language("en-us-x-twain").as_deref(), Some("en-US"));
/// assert_eq!(language("zh-yue-HK").as_deref(), Some("yue-HK"));
/// assert_eq!(language("x-private"), None);
/// assert_eq!(language("i-klingon"), None);
/// assert_eq!(language("de-u"), None);
/// ```
pub fn parse_language(tag: &str) -> Option<LanguageIdentifier> {
    if tag.len() > MAX_TAG_BYTES
        || GRANDFATHERED.iter().any(|grandfathered| {
            grandfathered.len() == tag.len()
                && grandfathered
                    .bytes()
                    .zip(tag.bytes())
                    .all(|(g, t)| g.eq_ignore_ascii_case(&t) || (g == b'-' && t == b'_'))
        })
    {
        return None;
    }
    // `_` as well, as POSIX locale names write it (`pt_BR`).
    let mut subtags = tag.split(['-', '_']).peekable();
    let first = subtags.next()?;
    // 2 or 3 letters, as ICU4X's type holds them: 4 to 8 are reserved or unassigned, and `x`
    // begins a private-use tag.
    let mut language = Language::try_from_str(first).ok()?;
    // Extended languages: up to three of 3 letters; the first is the language in canonical
    // form (`zh-yue` is `yue`).
    let mut extlangs = 0;
    while extlangs < 3 && subtags.peek().is_some_and(|s| s.len() == 3 && is_alpha(s)) {
        let extlang = subtags.next()?;
        if extlangs == 0 {
            language = Language::try_from_str(extlang).ok()?;
        }
        extlangs += 1;
    }
    let mut id = LanguageIdentifier {
        language,
        script: None,
        region: None,
        variants: Variants::new(),
    };
    if let Some(script) = subtags.next_if(|s| s.len() == 4 && is_alpha(s)) {
        id.script = Some(Script::try_from_str(script).ok()?);
    }
    if let Some(region) = subtags.next_if(|s| {
        (s.len() == 2 && is_alpha(s)) || (s.len() == 3 && s.bytes().all(|b| b.is_ascii_digit()))
    }) {
        id.region = Some(Region::try_from_str(region).ok()?);
    }
    while let Some(variant) = subtags.next_if(|s| {
        is_alphanumeric(s)
            && match s.len() {
                5..=8 => true,
                4 => s.as_bytes()[0].is_ascii_digit(),
                _ => false,
            }
    }) {
        // Sorted, each once: the canonical form, and what the locale type holds.
        id.variants.push(Variant::try_from_str(variant).ok()?);
    }
    // Extensions, then private use: read to check the tag is well-formed, then set aside.
    while let Some(singleton) = subtags.next() {
        let private = singleton.eq_ignore_ascii_case("x");
        if singleton.len() != 1 || !is_alphanumeric(singleton) {
            return None;
        }
        let (min, max) = if private { (1, 8) } else { (2, 8) };
        // An extension's subtags are 2 to 8 long, so the next singleton ends it; in private
        // use, a subtag of one letter is data.
        let read = std::iter::from_fn(|| {
            subtags.next_if(|s| (min..=max).contains(&s.len()) && is_alphanumeric(s))
        })
        .count();
        if read == 0 {
            return None;
        }
        if private {
            // Private use runs to the end of the tag.
            return subtags.next().is_none().then_some(id);
        }
    }
    Some(id)
}

/// The language an OMNIA language name (`PTPT`, any case) stands for among `names` (the
/// declared locales' names and languages), or `None`. A look at four bytes against each
/// declared name: constant work whatever the input.
pub(crate) fn omnia_language(
    name: &str,
    names: &[(String, LanguageIdentifier)],
) -> Option<LanguageIdentifier> {
    names
        .iter()
        .find(|(omnia, _)| omnia.eq_ignore_ascii_case(name))
        .map(|(_, language)| language.clone())
}

fn is_alpha(subtag: &str) -> bool {
    subtag.bytes().all(|b| b.is_ascii_alphabetic())
}

fn is_alphanumeric(subtag: &str) -> bool {
    subtag.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// RFC 5646 §2.1's grandfathered tags, irregular and regular: tags in the IANA registry from
/// before the grammar, whose subtags do not mean what the grammar reads them as.
const GRANDFATHERED: [&str; 26] = [
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
];

/// Every range of a header, `q=0` ones included, best first (ties keep header order).
fn parse_all(header: &str) -> Vec<LanguageRange> {
    // The bound and the reading of each entry are the ones of every weighted header
    // (`omnia_errors::header`), `Accept` included.
    let mut ranges: Vec<LanguageRange> = header::bounded(header)
        .split(',')
        .take(MAX_RANGES)
        .filter_map(parse_range)
        .collect();
    // Best first, and stable: equal weights keep the order the client wrote them in. An
    // insertion sort of at most 32 entries, rather than the standard library's sort, whose
    // code a WebAssembly UI would carry for this alone.
    for i in 1..ranges.len() {
        let mut j = i;
        while j > 0 && ranges[j - 1].quality < ranges[j].quality {
            ranges.swap(j - 1, j);
            j -= 1;
        }
    }
    ranges
}

fn parse_range(entry: &str) -> Option<LanguageRange> {
    crate::probe::bytes(entry.len());
    let (tag, quality) = header::weighted(entry)?;
    let language = match tag {
        "*" => None,
        tag => Some(parse_language(tag)?),
    };
    Some(LanguageRange { language, quality })
}

/// Whether `range` matches `locale` by RFC 4647 basic filtering: its subtags are the locale's
/// first ones (`pt` matches `pt-PT` and `pt-BR`); `None`, the wildcard, matches everything.
fn filters(range: Option<&LanguageIdentifier>, locale: &LanguageIdentifier) -> Option<usize> {
    let Some(range) = range else {
        return Some(0);
    };
    let (range, locale) = (subtags(range), subtags(locale));
    (range.len() <= locale.len() && range.iter().zip(&locale).all(|(r, l)| r == l))
        .then_some(range.len())
}

/// A language's subtags in order, canonical case.
fn subtags(language: &LanguageIdentifier) -> Vec<&str> {
    let mut subtags = vec![language.language.as_str()];
    subtags.extend(language.script.as_ref().map(Script::as_str));
    subtags.extend(language.region.as_ref().map(Region::as_str));
    subtags.extend(language.variants.iter().map(Variant::as_str));
    subtags
}

/// The locales a header declares not acceptable (RFC 9110 §12.5.4: `q=0`).
///
/// A range matches a locale by RFC 4647 basic filtering (`pt` matches `pt-PT` and `pt-BR`,
/// `*` matches everything), and the most specific range that matches a locale decides: with
/// `pt;q=0, pt-PT`, European Portuguese is acceptable and Brazilian is not, and `*;q=0` only
/// excludes the locales no other range names.
struct Exclusions<'r> {
    /// The header's ranges, when one of them excludes anything.
    ranges: &'r [LanguageRange],
}

impl<'r> Exclusions<'r> {
    fn new(ranges: &'r [LanguageRange]) -> Self {
        let ranges = if ranges.iter().any(|r| r.quality == 0) {
            ranges
        } else {
            // The usual header excludes nothing: no work per candidate.
            &[]
        };
        Self { ranges }
    }

    const fn none() -> Self {
        Self { ranges: &[] }
    }

    fn excludes(&self, locale: &LanguageIdentifier) -> bool {
        let mut decided: Option<(usize, bool)> = None;
        for range in self.ranges {
            let excludes = range.quality == 0;
            // Ties between equally specific ranges: exclusion wins, the safe reading.
            if let Some(len) = filters(range.language.as_ref(), locale)
                && decided.is_none_or(|(best, was)| len > best || (len == best && excludes && !was))
            {
                decided = Some((len, excludes));
            }
        }
        decided.is_some_and(|(_, excludes)| excludes)
    }
}

/// A cached header and the index of the locale it negotiated to.
type CacheEntry = (Box<str>, usize);

/// Negotiates requests against a fixed set of locales.
pub(crate) struct Negotiator {
    /// Real locales, in preference order, with their index in the localizer.
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
        excluded: &Exclusions<'_>,
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

    fn fallback(&self, excluded: &Exclusions<'_>) -> usize {
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

    /// The locale of one requested language: the module's three rules, in order.
    fn match_one(&self, language: &LanguageIdentifier, excluded: &Exclusions<'_>) -> Option<usize> {
        let acceptable = |(tag, _): &&(LanguageIdentifier, usize)| !excluded.excludes(tag);
        if let Some((_, index)) = self
            .pseudo
            .iter()
            .filter(acceptable)
            .find(|(tag, _)| tag == language)
        {
            return Some(*index);
        }
        if language.language.is_unknown() {
            // `und`: no language, so none of ours.
            return None;
        }
        let rules: [&dyn Fn(&LanguageIdentifier) -> bool; 3] = [
            &|locale| locale == language,
            &|locale| is_prefix_of(locale, language),
            &|locale| {
                locale.language == language.language
                    && (locale.script.is_none()
                        || language.script.is_none()
                        || locale.script == language.script)
            },
        ];
        rules.iter().find_map(|rule| {
            self.available
                .iter()
                .filter(acceptable)
                .find(|(locale, _)| rule(locale))
                .map(|(_, index)| *index)
        })
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

/// Whether `locale`'s subtags are all `language`'s: its script, region and variants, where it
/// has them, are the language's (`de-DE` of `de-DE-1996`, `en-US` of `en-Latn-US`).
fn is_prefix_of(locale: &LanguageIdentifier, language: &LanguageIdentifier) -> bool {
    locale.language == language.language
        && locale.script.is_none_or(|s| language.script == Some(s))
        && locale.region.is_none_or(|r| language.region == Some(r))
        && (locale.variants.is_empty() || locale.variants == language.variants)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn language(tag: &str) -> Option<String> {
        parse_language(tag).map(|l| l.to_string())
    }

    fn id(tag: &str) -> LanguageIdentifier {
        parse_language(tag).unwrap()
    }

    #[test]
    fn a_tag_longer_than_64_bytes_is_skipped() {
        // A well-formed tag of 65 bytes: a language and seven 8-character variants.
        let long: String = std::iter::once("de".to_owned())
            .chain((1..=7).map(|i| format!("-vara000{i}")))
            .collect();
        assert_eq!(long.len(), 65);
        assert_eq!(parse_language(&long), None);
        assert!(parse_language(&long[..56]).is_some());
        let ranges = parse_accept_language(&format!("{long}, fr;q=0.5"));
        let tags: Vec<String> = ranges
            .iter()
            .filter_map(|r| r.language.as_ref().map(ToString::to_string))
            .collect();
        assert_eq!(tags, ["fr"]);
    }

    #[test]
    fn a_tag_of_exactly_64_bytes_is_read() {
        let tag = "de-1901-1996-u-abcdefgh-x-aaaaaaaa-aaaaaaaa-aaaaaaaa-aaaaaaaa-aa";
        assert_eq!(tag.len(), 64);
        assert_eq!(language(tag).as_deref(), Some("de-1901-1996"));
        assert_eq!(parse_accept_language(tag).len(), 1);
    }

    #[test]
    fn extensions_and_private_use_are_read_and_set_aside() {
        assert_eq!(language("de-DE-u-nu-latn").as_deref(), Some("de-DE"));
        assert_eq!(language("en-US-x-twain").as_deref(), Some("en-US"));
        assert_eq!(language("ja-JP-u-ca-japanese").as_deref(), Some("ja-JP"));
        assert_eq!(
            language("en-Latn-GB-1994-a-bbb-u-ca-gregory-t-de-h0-hybrid-x-1-a").as_deref(),
            Some("en-Latn-GB-1994")
        );
        // Any singleton but `x`, in any case, repeated or not; digits too.
        assert_eq!(language("de-0-abc-Z-12345678").as_deref(), Some("de"));
        assert_eq!(language("de-u-ab-u-cd").as_deref(), Some("de"));
        // Private use: subtags of 1 to 8, one-letter ones included, to the end.
        assert_eq!(language("fr-x-a-b-c").as_deref(), Some("fr"));
        assert_eq!(language("fr-X-u-nu-latn").as_deref(), Some("fr"));
    }

    #[test]
    fn the_language_read_is_in_canonical_form() {
        assert_eq!(language("DE-de").as_deref(), Some("de-DE"));
        assert_eq!(language("sR-cYrL-rs").as_deref(), Some("sr-Cyrl-RS"));
        assert_eq!(language("es-419").as_deref(), Some("es-419"));
        // An extended language stands for its prefix; a second one is set aside.
        assert_eq!(language("zh-yue-HK").as_deref(), Some("yue-HK"));
        assert_eq!(language("zh-yue-abc-def").as_deref(), Some("yue"));
        // Variants sorted, each once.
        assert_eq!(
            language("de-1996-1901-1996").as_deref(),
            Some("de-1901-1996")
        );
        assert_eq!(language("de-CH-1901").as_deref(), Some("de-CH-1901"));
        assert_eq!(language("und").as_deref(), Some("und"));
        // What a grandfathered tag begins with is a language of its own.
        assert_eq!(language("en-GB").as_deref(), Some("en-GB"));
        assert_eq!(language("no").as_deref(), Some("no"));
        assert_eq!(language("art").as_deref(), Some("art"));
        // `_` stands for `-` only: where a grandfathered tag has a letter, it is another tag.
        assert_eq!(language("zh-x_ang").as_deref(), Some("zh"));
        assert_eq!(language("cel-g_ulish").as_deref(), Some("cel"));
    }

    #[test]
    fn tags_that_name_no_language_are_skipped() {
        for tag in [
            // Private use only, grandfathered (any case), a reserved 4-letter language.
            "x-private",
            "X-A",
            "i-klingon",
            "I-KLINGON",
            "en-GB-oed",
            "zh-min-nan",
            "art-lojban",
            "no-bok",
            "sgn-CH-DE",
            "i-default",
            "abcd",
            "abcd-DE",
            "abcde",
            "abcdefgh-DE",
            // Not well-formed.
            "",
            "-",
            "de-",
            "-de",
            "de--DE",
            "de-u",
            "de-u-x-a",
            "de-x",
            "en-US-x",
            "de-u-a",
            "de DE",
            "d",
            "de-DE-abc",
            "de-abcdefghi",
            "123",
            "de-DE-1996-a",
            "zh-yue-abc-def-ghi",
            "🦀",
            "dé",
            "de-ü-ab",
            "de-a-ab-x",
            "i-xyz",
            "x",
            "de-DE-u-nu-latn-",
            "de-123-DE",
            // Only ASCII letters and digits, in a singleton and in the subtags after it.
            "de-!-ab",
            "de-u-n!",
            "de-u-ab-c!d",
            "fr-x-!",
            // Grandfathered tags are refused written with `_` too, though the grammar would
            // read `zh_min_nan` as `min` and `art_lojban` as a variant of `art`.
            "zh_min_nan",
            "art_lojban",
            "no_bok",
            "EN_gb_OED",
        ] {
            assert_eq!(language(tag), None, "{tag:?}");
        }
    }

    #[cfg(feature = "embedded")]
    #[test]
    fn an_omnia_name_in_any_case_is_its_language_and_nothing_else_is() {
        let names: Vec<(String, LanguageIdentifier)> = crate::LOCALES
            .iter()
            .map(|l| (l.omnia_name.to_owned(), parse_language(l.tag).unwrap()))
            .collect();
        let name = |name: &str| omnia_language(name, &names).map(|l| l.to_string());
        for locale in crate::LOCALES {
            assert_eq!(name(locale.omnia_name).as_deref(), Some(locale.tag));
            let lower = locale.omnia_name.to_ascii_lowercase();
            assert_eq!(name(&lower).as_deref(), Some(locale.tag));
        }
        assert_eq!(name("ptPT").as_deref(), Some("pt-PT"));
        // Only the names, whole: no trimming, no Unicode case folding (`ſ` is no `s`).
        for other in [
            "",
            "XXXX",
            "PTP",
            "PTPTX",
            " PTPT",
            "PT-PT",
            "pt-PT",
            "e\u{17f}e\u{17f}",
        ] {
            assert_eq!(name(other), None, "{other:?}");
        }
    }

    #[test]
    fn between_equally_specific_ranges_exclusion_wins_in_either_order() {
        let range = |quality| LanguageRange {
            language: Some(id("pt-PT")),
            quality,
        };
        let (a, b) = ([range(500), range(0)], [range(0), range(500)]);
        assert!(Exclusions::new(&a).excludes(&id("pt-PT")));
        assert!(Exclusions::new(&b).excludes(&id("pt-PT")));
        assert!(!Exclusions::new(&a).excludes(&id("pt-BR")));
    }

    fn negotiator() -> Negotiator {
        let available = ["en-US", "de-DE", "fr-FR", "pt-PT", "pt-BR", "sr-Latn-RS"]
            .iter()
            .enumerate()
            .map(|(i, tag)| (id(tag), i))
            .collect();
        Negotiator::new(available, vec![(id("en-XA"), 6)], 0)
    }

    #[test]
    fn a_language_gets_itself_then_a_prefix_then_its_language() {
        let negotiator = negotiator();
        let one = |tag: &str| negotiator.negotiate([Some(&id(tag))]);
        // 1. itself; 2. a prefix of it; 3. its language, the earlier locale first.
        assert_eq!(one("pt-BR"), 4);
        assert_eq!(one("de-DE-1996"), 1);
        assert_eq!(one("en-Latn-US"), 0);
        assert_eq!(one("pt"), 3);
        assert_eq!(one("pt-AO"), 3);
        assert_eq!(one("fr-CA"), 2);
        // Another script is another language; none or the same is fine.
        assert_eq!(one("sr-Cyrl-RS"), 0);
        assert_eq!(one("sr"), 5);
        assert_eq!(one("sr-Latn"), 5);
        // `und` and unknown languages: the default. A pseudo-locale: its exact tag only.
        assert_eq!(one("und-DE"), 0);
        assert_eq!(one("ja"), 0);
        assert_eq!(one("en-XA"), 6);
        assert_eq!(one("en-XB"), 0);
        // The first requested language that matches decides.
        assert_eq!(negotiator.negotiate([Some(&id("ja")), Some(&id("fr"))]), 2);
        assert_eq!(
            negotiator.negotiate([Some(&id("ja")), None, Some(&id("fr"))]),
            0
        );
    }

    #[test]
    fn a_prefix_with_variants_is_one_with_the_same_variants() {
        // Locales loaded from files can have variants, which declared locales do not.
        let available = ["de-DE-1901", "de-DE-1996", "de-CH"]
            .iter()
            .enumerate()
            .map(|(i, tag)| (id(tag), i))
            .collect();
        let negotiator = Negotiator::new(available, Vec::new(), 0);
        let one = |tag: &str| negotiator.negotiate([Some(&id(tag))]);
        assert_eq!(one("de-Latn-DE-1996"), 1);
        assert_eq!(one("de-Latn-DE-1901"), 0);
        assert_eq!(one("de-CH-1996"), 2);
        // Another language with the same region is no prefix.
        assert_eq!(one("fr-CH"), 0);
    }

    #[test]
    fn a_header_negotiates_on_the_language_of_each_tag() {
        let negotiator = negotiator();
        assert_eq!(negotiator.negotiate_header("de-DE-u-nu-latn"), 1);
        assert_eq!(
            negotiator.negotiate_header("ja-JP-u-ca-japanese, fr-x-a;q=0.5"),
            2
        );
        assert_eq!(
            negotiator.negotiate_header("x-de, i-klingon, pt-BR;q=0.1"),
            4
        );
        // An exclusion with extensions excludes the language they extend.
        assert_eq!(negotiator.negotiate_header("en-US-u-nu-latn;q=0, *"), 1);
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
