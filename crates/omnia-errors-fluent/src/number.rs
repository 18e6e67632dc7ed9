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
    plurals: Option<PluralRules>,
}

impl Numbers {
    /// The formatter and rules of a locale tag. ICU4X falls back along the locale's parents to
    /// the root locale, so any well-formed tag gets data; a tag ICU4X cannot parse gets plain
    /// digits and the "other" category, never a panic.
    pub(crate) fn new(tag: &str) -> Self {
        let locale: Option<Locale> = tag.parse().ok();
        Self {
            decimal: locale.as_ref().and_then(|l| {
                DecimalFormatter::try_new(l.into(), DecimalFormatterOptions::default()).ok()
            }),
            plurals: locale
                .as_ref()
                .and_then(|l| PluralRules::try_new_cardinal(l.into()).ok()),
        }
    }

    /// Appends `n`, grouped as the locale groups digits.
    pub(crate) fn write(&self, n: u64, out: &mut String) {
        // Writing into a `String` cannot fail.
        if let Some(decimal) = &self.decimal {
            let _ = decimal.format(&Decimal::from(n)).write_to(out);
        } else {
            use std::fmt::Write as _;
            let _ = write!(out, "{n}");
        }
    }

    /// The CLDR plural category name of `n`: `zero`, `one`, `two`, `few`, `many` or `other`.
    pub(crate) fn category(&self, n: u64) -> &'static str {
        self.plurals
            .as_ref()
            .map_or("other", |rules| category_name(rules.category_for(n)))
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
