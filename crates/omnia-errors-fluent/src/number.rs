//! Numbers the way each locale writes them (1,000 / 1.000 / 1 000) and their plural category,
//! both from ICU4X with its compiled CLDR data.
//!
//! Integers go to ICU4X exactly (`u64` to `Decimal`, no `f64` on the way) and are written
//! straight into the output buffer. Plural categories follow current CLDR, as browsers'
//! `Intl.PluralRules` (and so `@fluent/bundle`) do, so a Rust server and a JavaScript UI pick
//! the same variant: fluent-bundle 0.16 would use CLDR 37, where French has no "many" for a
//! million.

use fixed_decimal::Decimal;
use icu_decimal::DecimalFormatter;
use icu_decimal::options::DecimalFormatterOptions;
use icu_locale_core::Locale;
use icu_plurals::{PluralCategory, PluralRules};
use writeable::Writeable as _;

/// A locale's number formatter and cardinal plural rules.
pub(crate) struct Numbers {
    decimal: Option<DecimalFormatter>,
    /// ICU4X's grouping of this locale, read off its own output and checked against it, for
    /// locales that write ASCII digits: writes the same text without ICU4X's general machinery
    /// (sign, fractions, other numbering systems), about five times faster.
    grouping: Option<Grouping>,
    plurals: Option<PluralRules>,
    /// The categories of `0..SMALL`, by index into [`PLURAL_CATEGORIES`]: lengths and limits are small
    /// numbers, and ICU4X evaluates a locale's rules on every call.
    small: Box<[u8]>,
}

/// Integers below this have their plural category in a table.
const SMALL: u64 = 1024;

/// The CLDR plural categories, in CLDR's order, spelled as Fluent variant keys spell them.
pub const PLURAL_CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

impl Numbers {
    /// The formatter and rules of a locale tag. ICU4X falls back along the locale's parents to
    /// the root locale, so any well-formed tag gets data; a tag ICU4X cannot parse gets plain
    /// digits and the "other" category, never a panic.
    pub(crate) fn new(tag: &str) -> Self {
        let locale: Option<Locale> = tag.parse().ok();
        let decimal = locale.as_ref().and_then(|l| {
            DecimalFormatter::try_new(l.into(), DecimalFormatterOptions::default()).ok()
        });
        let plurals = locale
            .as_ref()
            .and_then(|l| PluralRules::try_new_cardinal(l.into()).ok());
        let small = (0..SMALL)
            .map(|n| {
                let name = plurals
                    .as_ref()
                    .map_or("other", |rules| category_name(rules.category_for(n)));
                PLURAL_CATEGORIES
                    .iter()
                    .position(|c| *c == name)
                    .map_or(5, |i| {
                        // At most 5: the table has six entries.
                        #[allow(clippy::cast_possible_truncation)]
                        let i = i as u8;
                        i
                    })
            })
            .collect();
        Self {
            grouping: decimal.as_ref().and_then(Grouping::derive),
            decimal,
            plurals,
            small,
        }
    }

    /// Appends `n`, grouped as the locale groups digits.
    pub(crate) fn write(&self, n: u64, out: &mut String) {
        if let Some(grouping) = &self.grouping {
            grouping.write(n, out);
        } else if let Some(decimal) = &self.decimal {
            write_icu(decimal, n, out);
        } else {
            use std::fmt::Write as _;
            // Writing into a `String` cannot fail.
            let _ = write!(out, "{n}");
        }
    }

    /// The CLDR plural category name of `n`: `zero`, `one`, `two`, `few`, `many` or `other`.
    pub(crate) fn category(&self, n: u64) -> &'static str {
        if let Some(&index) = usize::try_from(n).ok().and_then(|i| self.small.get(i)) {
            return PLURAL_CATEGORIES[usize::from(index)];
        }
        self.plurals
            .as_ref()
            .map_or("other", |rules| category_name(rules.category_for(n)))
    }
}

fn write_icu(decimal: &DecimalFormatter, n: u64, out: &mut String) {
    // Writing into a `String` cannot fail.
    let _ = decimal.format(&Decimal::from(n)).write_to(out);
}

/// How a locale groups the digits of an integer written in ASCII digits.
#[derive(Debug, PartialEq, Eq)]
struct Grouping {
    separator: Box<str>,
    /// The size of the last group (3 in most locales).
    primary: usize,
    /// The size of the groups before it (2 in Indian English).
    secondary: usize,
    /// Numbers with fewer than `primary + min_digits` digits are not grouped (CLDR minimum
    /// grouping digits: 2 in Polish and Spanish, where 1000 is written "1000").
    min_digits: usize,
}

/// Values the derived grouping must write exactly as ICU4X does before it is used.
const PROBES: [u64; 16] = [
    0,
    7,
    999,
    1000,
    1234,
    9999,
    10_000,
    12_345,
    99_999,
    100_000,
    123_456,
    1_234_567,
    12_345_678,
    987_654_321,
    (1 << 53) + 1,
    u64::MAX,
];

impl Grouping {
    /// Reads the grouping off ICU4X's text of a long number; `None` unless the digits are ASCII
    /// and the result writes every probe exactly as ICU4X does.
    fn derive(decimal: &DecimalFormatter) -> Option<Self> {
        let icu = |n: u64| {
            let mut out = String::new();
            write_icu(decimal, n, &mut out);
            out
        };
        let long = icu(1_234_567_890_123_456_789);
        // Groups of digits from the right, and the separators between them.
        let mut groups: Vec<usize> = Vec::new();
        let mut separator: Option<String> = None;
        let mut current = 0;
        let mut between = String::new();
        for c in long.chars().rev() {
            if c.is_ascii_digit() {
                if !between.is_empty() {
                    groups.push(current);
                    current = 0;
                    match &separator {
                        Some(s) if *s != between => return None,
                        Some(_) => {}
                        None => separator = Some(between.chars().rev().collect()),
                    }
                    between.clear();
                }
                current += 1;
            } else {
                between.push(c);
            }
        }
        groups.push(current);
        let digits: String = long.chars().filter(char::is_ascii_digit).collect();
        if digits != "1234567890123456789" || !between.is_empty() {
            return None;
        }
        let grouping = match (separator, groups.as_slice()) {
            (None, _) => Self {
                separator: "".into(),
                primary: usize::MAX,
                secondary: usize::MAX,
                min_digits: 1,
            },
            (Some(separator), [primary, secondary, ..]) => Self {
                separator: separator.into(),
                primary: *primary,
                secondary: *secondary,
                min_digits: (1..=3).find(|m| {
                    let n = 10u64.pow(u32::try_from(primary + m - 1).unwrap_or(0));
                    icu(n).chars().any(|c| !c.is_ascii_digit())
                })?,
            },
            _ => return None,
        };
        PROBES
            .iter()
            .all(|&n| {
                let mut out = String::new();
                grouping.write(n, &mut out);
                out == icu(n)
            })
            .then_some(grouping)
    }

    fn write(&self, n: u64, out: &mut String) {
        let mut buffer = [0u8; 20];
        let mut start = buffer.len();
        let mut rest = n;
        loop {
            start -= 1;
            // A digit: `rest % 10` is below 10.
            #[allow(clippy::cast_possible_truncation)]
            let digit = (rest % 10) as u8;
            buffer[start] = b'0' + digit;
            rest /= 10;
            if rest == 0 {
                break;
            }
        }
        // ASCII digits: always UTF-8.
        let digits = std::str::from_utf8(&buffer[start..]).unwrap_or_default();
        let len = digits.len();
        if self.primary == usize::MAX || len < self.primary + self.min_digits {
            out.push_str(digits);
            return;
        }
        // The first group is what is left once the primary and secondary groups are taken.
        let before_primary = len - self.primary;
        let first = match before_primary % self.secondary {
            0 => self.secondary,
            r => r,
        };
        let mut at = 0;
        let mut take = first;
        while at < before_primary {
            out.push_str(&digits[at..at + take]);
            out.push_str(&self.separator);
            at += take;
            take = self.secondary;
        }
        out.push_str(&digits[at..]);
    }
}

/// The CLDR name of a category, as Fluent variant keys spell it.
pub(crate) const fn category_name(category: PluralCategory) -> &'static str {
    match category {
        PluralCategory::Zero => "zero",
        PluralCategory::One => "one",
        PluralCategory::Two => "two",
        PluralCategory::Few => "few",
        PluralCategory::Many => "many",
        PluralCategory::Other => "other",
    }
}

#[cfg(test)]
mod tests {
    use super::Numbers;

    fn written(tag: &str, n: u64) -> String {
        let mut out = String::new();
        Numbers::new(tag).write(n, &mut out);
        out
    }

    #[test]
    fn integers_are_exact_and_grouped_per_locale() {
        assert_eq!(written("en-US", 1000), "1,000");
        assert_eq!(written("de-DE", 1000), "1.000");
        assert_eq!(written("fr-FR", 1000), "1\u{202f}000");
        assert_eq!(written("pl-PL", 1000), "1000");
        assert_eq!(written("pl-PL", 12_345), "12\u{a0}345");
        // Beyond 2^53 an f64 would round: 2^53 + 1 must keep its last digit.
        assert_eq!(written("en-US", (1 << 53) + 1), "9,007,199,254,740,993");
        assert_eq!(written("en-US", u64::MAX), "18,446,744,073,709,551,615");
        assert_eq!(written("de-DE", u64::MAX), "18.446.744.073.709.551.615");
    }

    #[test]
    fn the_derived_grouping_writes_what_icu4x_writes() {
        for tag in [
            "en-US", "pt-PT", "pt-BR", "es-ES", "fr-FR", "de-DE", "pl-PL", "en-IN", "hi-IN",
            "ar-EG",
        ] {
            let numbers = Numbers::new(tag);
            let decimal = numbers.decimal.as_ref().unwrap();
            // Every power of ten and its neighbours, and a spread of others.
            let mut values: Vec<u64> = (0..20)
                .flat_map(|e| {
                    let p = 10u64.pow(e);
                    [p - 1, p, p + 1, p.saturating_mul(7) / 3]
                })
                .collect();
            values.extend((0..2000).map(|i| i * 7919));
            values.push(u64::MAX);
            for n in values {
                let mut fast = String::new();
                numbers.write(n, &mut fast);
                let mut icu = String::new();
                super::write_icu(decimal, n, &mut icu);
                assert_eq!(fast, icu, "{tag} {n}");
            }
        }
        // Latin-digit locales get the fast path; others keep ICU4X.
        assert!(Numbers::new("pl-PL").grouping.is_some());
        assert!(
            Numbers::new("en-IN")
                .grouping
                .is_some_and(|g| g.secondary == 2)
        );
        assert!(Numbers::new("ar-EG").grouping.is_none());
    }

    #[test]
    fn a_formatter_that_never_groups_gets_the_fast_path_too() {
        use icu_decimal::DecimalFormatter;
        use icu_decimal::options::GroupingStrategy;

        let locale: icu_locale_core::Locale = "en-US".parse().unwrap();
        let never =
            DecimalFormatter::try_new((&locale).into(), GroupingStrategy::Never.into()).unwrap();
        let grouping = super::Grouping::derive(&never).unwrap();
        let mut out = String::new();
        grouping.write(1_234_567, &mut out);
        assert_eq!(out, "1234567");
    }

    #[test]
    fn small_categories_come_from_the_same_rules() {
        for tag in ["en-US", "fr-FR", "pl-PL", "pt-PT", "pt-BR"] {
            let numbers = Numbers::new(tag);
            let rules = numbers.plurals.as_ref().unwrap();
            for n in 0..super::SMALL + 10 {
                assert_eq!(
                    numbers.category(n),
                    super::category_name(rules.category_for(n)),
                    "{tag} {n}"
                );
            }
        }
    }

    #[test]
    fn a_tag_icu4x_cannot_read_gets_plain_digits_and_other() {
        let numbers = Numbers::new("not a tag");
        let mut out = String::new();
        numbers.write(12_345, &mut out);
        assert_eq!(out, "12345");
        assert_eq!(numbers.category(1), "other");
    }

    #[test]
    fn categories_follow_current_cldr() {
        let pl = Numbers::new("pl-PL");
        let got: Vec<_> = [1, 2, 5, 22, 25, 1000].map(|n| pl.category(n)).into();
        assert_eq!(got, ["one", "few", "many", "few", "many", "many"]);
        // CLDR 38+ (browsers, ICU4X): French "many" for a million; CLDR 37 had none.
        let fr = Numbers::new("fr-FR");
        assert_eq!(fr.category(0), "one");
        assert_eq!(fr.category(1_000_000), "many");
        assert_eq!(fr.category(1_000_001), "other");
    }
}
