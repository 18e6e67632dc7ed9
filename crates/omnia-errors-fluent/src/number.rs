//! Numbers the way each locale writes them (1,000 / 1.000 / 1 000) and their plural category,
//! exactly as ICU4X writes and classifies integers, from ICU4X's CLDR data.
//!
//! The declared locales carry only their own data: `number_data.rs`, which `cargo xtask docs`
//! generates from ICU4X's compiled data for the locales of `locales/locales.toml` (the
//! grouping separator and sizes, the digits, and the cardinal plural rules reduced to what an
//! integer can meet), read here by a few lines that do what ICU4X's `DecimalFormatter` and
//! `PluralRules` do for an integer. A test compares both with ICU4X on 0..=100,000, the powers
//! of ten and random `u64`s, so the table cannot drift from ICU4X; with the `files` feature, a
//! locale that is not declared gets ICU4X itself, with all of its compiled data.
//!
//! The table is data, generated with the messages, so it comes with them: behind the
//! `embedded` feature. The workspace's tooling builds the runtime without it (with `files`,
//! so ICU4X's own data serves), and so can regenerate a broken `number_data.rs`.
//!
//! Integers stay exact (`u64`, never an `f64` on the way) and are written straight into the
//! output buffer. Plural categories follow current CLDR, as browsers' `Intl.PluralRules` (and
//! so `@fluent/bundle`) do, so a Rust server and a JavaScript UI pick the same variant:
//! fluent-bundle 0.16 would use CLDR 37, where French has no "many" for a million.

/// The CLDR plural categories, in CLDR's order, spelled as Fluent variant keys spell them.
pub const PLURAL_CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

/// What ICU4X knows of a locale's integers: how it writes them and their plural rules.
#[derive(Debug)]
pub(crate) struct NumberData {
    /// The grouping separator (`','`, `'.'`, U+00A0, U+202F…): one character in CLDR.
    pub(crate) separator: char,
    /// The size of the lowest group (3; 0 never groups).
    pub(crate) primary: u8,
    /// The size of the groups above it (2 in Indian English; 0 is the primary's).
    pub(crate) secondary: u8,
    /// CLDR's minimum grouping digits: with 2 (Polish, Spanish), 1000 is written "1000" and
    /// 10,000 is grouped.
    pub(crate) min_grouping: u8,
    /// The digits 0 to 9 of the locale's default numbering system.
    pub(crate) digits: Digits,
    /// The cardinal plural category of an integer: CLDR's rules as Rust, generated.
    pub(crate) plural: fn(u64) -> &'static str,
}

/// The digits a locale writes.
#[derive(Debug)]
#[cfg_attr(not(feature = "embedded"), allow(dead_code))] // Built by the generated data only.
pub(crate) enum Digits {
    /// `0` to `9`.
    Ascii,
    /// Another numbering system's digits (Arabic-Indic, Devanagari…), 0 to 9.
    #[allow(dead_code)] // No declared locale writes other digits today.
    Other([char; 10]),
}

impl NumberData {
    /// The data of a declared locale.
    #[cfg(feature = "embedded")]
    pub(crate) fn of(tag: &str) -> Option<&'static Self> {
        crate::number_data::NUMBERS
            .iter()
            .find(|(t, _)| *t == tag)
            .map(|(_, data)| data)
    }

    /// No locale's data without the embedded messages.
    #[cfg(not(feature = "embedded"))]
    #[allow(clippy::unnecessary_wraps)] // The signature of the embedded build's.
    pub(crate) fn of(_tag: &str) -> Option<&'static Self> {
        None
    }

    /// The sizes of the lowest group and of the others, when a number of `len` digits is
    /// grouped. ICU4X's rule (its `grouper::check`, for the default strategy): a separator
    /// follows the digit of magnitude `m` when `m >= primary` and `m - primary` is a multiple
    /// of `secondary`, in a number of at least `primary + min_grouping` digits.
    fn groups(&self, len: usize) -> Option<(usize, usize)> {
        let primary = usize::from(self.primary);
        let secondary = match self.secondary {
            0 => primary,
            s => usize::from(s),
        };
        (primary > 0 && len >= primary + usize::from(self.min_grouping.max(1)))
            .then_some((primary, secondary))
    }

    #[inline]
    fn write(&self, n: u64, out: &mut String) {
        if let Digits::Ascii = self.digits
            && self.primary == 3
            && matches!(self.secondary, 0 | 3)
        {
            self.write_thousands(n, out);
        } else {
            self.write_any(n, out);
        }
    }

    /// Any grouping, any digits: what no declared locale needs today, kept out of the way of
    /// the common path.
    #[cold]
    #[inline(never)]
    fn write_any(&self, n: u64, out: &mut String) {
        let len = n.checked_ilog10().map_or(1, |log| log as usize + 1);
        let groups = self.groups(len);
        let Digits::Ascii = self.digits else {
            return self.write_other_digits(n, len, groups, out);
        };
        let (primary, secondary) = groups.unwrap_or((usize::MAX, usize::MAX));
        // Right to left into a buffer, then one copy: `u64::MAX` has 20 digits, and at most
        // 19 separators of at most 4 bytes.
        let mut buffer = [0u8; 96];
        let mut at = buffer.len();
        let mut encoded = [0u8; 4];
        let separator = self.separator.encode_utf8(&mut encoded).as_bytes();
        let (mut group, mut size) = (0, primary);
        let mut rest = n;
        loop {
            at -= 1;
            // A digit: below 10.
            #[allow(clippy::cast_possible_truncation)]
            let digit = (rest % 10) as u8;
            buffer[at] = b'0' + digit;
            rest /= 10;
            if rest == 0 {
                break;
            }
            group += 1;
            if group == size {
                for &byte in separator.iter().rev() {
                    at -= 1;
                    buffer[at] = byte;
                }
                (group, size) = (0, secondary);
            }
        }
        // ASCII digits and an encoded `char`: always UTF-8.
        out.push_str(std::str::from_utf8(&buffer[at..]).unwrap_or_default());
    }

    /// The same for groups of three, every declared locale's: thousands at a time, each digit
    /// computed where it is written, so it goes into `out` as one byte.
    #[inline]
    fn write_thousands(&self, n: u64, out: &mut String) {
        // `u64::MAX` is seven groups of three, the first of two digits.
        let mut groups = [0u64; 7];
        let mut count = 0;
        let mut rest = n;
        loop {
            groups[count] = rest % 1000;
            count += 1;
            rest /= 1000;
            if rest == 0 {
                break;
            }
        }
        let first = groups[count - 1];
        let first_len = match first {
            100.. => 3,
            10.. => 2,
            _ => 1,
        };
        let grouped = self.groups(3 * (count - 1) + first_len).is_some();
        let digit = |value: u64| {
            // Below 10.
            #[allow(clippy::cast_possible_truncation)]
            let d = (value % 10) as u8;
            char::from(b'0' + d)
        };
        // The first group without leading zeros.
        if first >= 100 {
            out.push(digit(first / 100));
        }
        if first >= 10 {
            out.push(digit(first / 10));
        }
        out.push(digit(first));
        for &group in groups[..count - 1].iter().rev() {
            if grouped {
                out.push(self.separator);
            }
            out.push(digit(group / 100));
            out.push(digit(group / 10));
            out.push(digit(group));
        }
    }

    /// The same, in another numbering system's digits: left to right, a character at a time.
    fn write_other_digits(
        &self,
        n: u64,
        len: usize,
        grouping: Option<(usize, usize)>,
        out: &mut String,
    ) {
        let Digits::Other(chars) = &self.digits else {
            return;
        };
        let mut digits = [0u8; 20];
        let mut rest = n;
        for digit in digits.iter_mut().take(len) {
            // A digit: below 10.
            #[allow(clippy::cast_possible_truncation)]
            let d = (rest % 10) as u8;
            *digit = d;
            rest /= 10;
        }
        for magnitude in (0..len).rev() {
            out.push(chars[usize::from(digits[magnitude])]);
            if let Some((primary, secondary)) = grouping
                && magnitude >= primary
                && (magnitude - primary) % secondary == 0
            {
                out.push(self.separator);
            }
        }
    }

    fn category(&self, n: u64) -> &'static str {
        (self.plural)(n)
    }
}

/// A locale's number formatting and cardinal plural rules.
pub(crate) enum Numbers {
    /// A declared locale's data (`number_data.rs`).
    Declared(&'static NumberData),
    /// A locale loaded from files that is not declared: ICU4X with its full compiled data.
    #[cfg(feature = "files")]
    Icu(Box<icu::Icu>),
    /// A tag no data is known for: plain digits, and every number is "other".
    Plain,
}

impl Numbers {
    /// The numbers of a locale tag: a declared locale's data; with the `files` feature, ICU4X's
    /// for any other tag it can read (falling back along the locale's parents to the root
    /// locale); plain digits and the "other" category otherwise, never a panic.
    pub(crate) fn new(tag: &str) -> Self {
        if let Some(data) = NumberData::of(tag) {
            return Self::Declared(data);
        }
        #[cfg(feature = "files")]
        if let Some(icu) = icu::Icu::new(tag) {
            return Self::Icu(Box::new(icu));
        }
        Self::Plain
    }

    /// Appends `n`, grouped as the locale groups digits.
    #[inline]
    pub(crate) fn write(&self, n: u64, out: &mut String) {
        match self {
            Self::Declared(data) => data.write(n, out),
            #[cfg(feature = "files")]
            Self::Icu(icu) => icu.write(n, out),
            Self::Plain => {
                use std::fmt::Write as _;
                // Writing into a `String` cannot fail.
                let _ = write!(out, "{n}");
            }
        }
    }

    /// The CLDR plural category name of `n`: `zero`, `one`, `two`, `few`, `many` or `other`.
    pub(crate) fn category(&self, n: u64) -> &'static str {
        match self {
            Self::Declared(data) => data.category(n),
            #[cfg(feature = "files")]
            Self::Icu(icu) => icu.category(n),
            Self::Plain => "other",
        }
    }
}

/// ICU4X itself, for the locales of files that are not declared.
#[cfg(feature = "files")]
mod icu {
    use fixed_decimal::Decimal;
    use icu_decimal::DecimalFormatter;
    use icu_decimal::options::DecimalFormatterOptions;
    use icu_locale_core::Locale;
    use icu_plurals::{PluralCategory, PluralRules};
    use writeable::Writeable as _;

    pub(crate) struct Icu {
        decimal: DecimalFormatter,
        plurals: PluralRules,
    }

    impl Icu {
        pub(crate) fn new(tag: &str) -> Option<Self> {
            let locale: Locale = tag.parse().ok()?;
            Some(Self {
                decimal: DecimalFormatter::try_new(
                    (&locale).into(),
                    DecimalFormatterOptions::default(),
                )
                .ok()?,
                plurals: PluralRules::try_new_cardinal((&locale).into()).ok()?,
            })
        }

        pub(crate) fn write(&self, n: u64, out: &mut String) {
            // Writing into a `String` cannot fail.
            let _ = self.decimal.format(&Decimal::from(n)).write_to(out);
        }

        pub(crate) fn category(&self, n: u64) -> &'static str {
            match self.plurals.category_for(n) {
                PluralCategory::Zero => "zero",
                PluralCategory::One => "one",
                PluralCategory::Two => "two",
                PluralCategory::Few => "few",
                PluralCategory::Many => "many",
                PluralCategory::Other => "other",
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Numbers, PLURAL_CATEGORIES};

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

    #[test]
    fn a_tag_without_data_gets_plain_digits_and_other() {
        let numbers = Numbers::new("not a tag");
        let mut out = String::new();
        numbers.write(12_345, &mut out);
        assert_eq!(out, "12345");
        assert_eq!(numbers.category(1), "other");
    }

    /// What ICU4X itself writes and picks, with its full compiled data (a dev-dependency).
    struct Reference {
        decimal: icu_decimal::DecimalFormatter,
        plurals: icu_plurals::PluralRules,
    }

    impl Reference {
        fn new(tag: &str) -> Self {
            let locale: icu_locale_core::Locale = tag.parse().unwrap();
            Self {
                decimal: icu_decimal::DecimalFormatter::try_new(
                    (&locale).into(),
                    icu_decimal::options::DecimalFormatterOptions::default(),
                )
                .unwrap(),
                plurals: icu_plurals::PluralRules::try_new_cardinal((&locale).into()).unwrap(),
            }
        }

        fn written(&self, n: u64) -> String {
            use writeable::Writeable as _;
            self.decimal
                .format(&fixed_decimal::Decimal::from(n))
                .write_to_string()
                .into_owned()
        }

        fn category(&self, n: u64) -> &'static str {
            use icu_plurals::PluralCategory as C;
            let index = match self.plurals.category_for(n) {
                C::Zero => 0,
                C::One => 1,
                C::Two => 2,
                C::Few => 3,
                C::Many => 4,
                C::Other => 5,
            };
            PLURAL_CATEGORIES[index]
        }
    }

    /// 0..=100,000, every power of ten, `u64::MAX` and 20,000 pseudo-random `u64`s (a fixed
    /// seed, so a failure is reproducible).
    fn samples() -> impl Iterator<Item = u64> {
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let random = std::iter::repeat_with(move || {
            // SplitMix64.
            state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = state;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^ (z >> 31)
        });
        (0..=100_000)
            .chain((0..20).map(|e| 10u64.pow(e)))
            .chain([u64::MAX])
            .chain(random.take(20_000))
    }

    #[test]
    fn every_declared_locale_writes_and_classifies_integers_exactly_as_icu4x() {
        for locale in crate::LOCALES {
            let ours = Numbers::new(locale.tag);
            assert!(
                matches!(ours, Numbers::Declared(_)),
                "{}: no generated data",
                locale.tag
            );
            let icu = Reference::new(locale.tag);
            let mut out = String::new();
            for n in samples() {
                out.clear();
                ours.write(n, &mut out);
                assert_eq!(out, icu.written(n), "{} writes {n}", locale.tag);
                assert_eq!(
                    ours.category(n),
                    icu.category(n),
                    "{} classifies {n}",
                    locale.tag
                );
            }
        }
    }

    #[test]
    fn shapes_no_declared_locale_has_are_written_as_icu4x_writes_them() {
        use super::{Digits, NumberData};
        // Arabic (Egypt): Arabic-Indic digits and separator. (Its plural rules are the
        // generator's to reduce: the tooling crate tests that for every kind of rule.)
        let ar = NumberData {
            separator: '\u{66c}',
            primary: 3,
            secondary: 3,
            min_grouping: 1,
            digits: Digits::Other(['٠', '١', '٢', '٣', '٤', '٥', '٦', '٧', '٨', '٩']),
            plural: |_| "other",
        };
        // Indian English: a primary group of 3, then groups of 2.
        let en_in = NumberData {
            separator: ',',
            primary: 3,
            secondary: 2,
            min_grouping: 1,
            digits: Digits::Ascii,
            plural: |_| "other",
        };
        for (tag, data) in [("ar-EG", &ar), ("en-IN", &en_in)] {
            let icu = Reference::new(tag);
            for n in samples().step_by(7) {
                let mut out = String::new();
                data.write(n, &mut out);
                assert_eq!(out, icu.written(n), "{tag} writes {n}");
            }
        }
        // A locale that never groups, and one from 10,000 only.
        let never = NumberData {
            primary: 0,
            ..en_in
        };
        let mut out = String::new();
        never.write(1_234_567, &mut out);
        assert_eq!(out, "1234567");
        let min_three = NumberData {
            min_grouping: 3,
            secondary: 3,
            ..never
        };
        let min_three = NumberData {
            primary: 3,
            ..min_three
        };
        for (n, written) in [(12_345, "12345"), (123_456, "123,456")] {
            out.clear();
            min_three.write(n, &mut out);
            assert_eq!(out, written);
        }
    }

    #[test]
    fn other_digits_are_grouped_as_ascii_digits_are_in_every_shape() {
        use super::{Digits, NumberData};
        // Digits no locale writes, so that writing them back to ASCII is unambiguous.
        let other = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'];
        let to_ascii = |text: &str| -> String {
            text.chars()
                .map(|c| match other.iter().position(|&d| d == c) {
                    // A position in a 10-digit array: below 10.
                    #[allow(clippy::cast_possible_truncation)]
                    Some(digit) => char::from(b'0' + digit as u8),
                    None => c,
                })
                .collect()
        };
        let numbers: Vec<u64> = samples().step_by(997).collect();
        // Every shape, ICU4X's or not: no grouping (a primary of 0), secondaries that do not
        // divide twice the primary, and grouping from more digits than one. ASCII digits in
        // groups of three take the thousands writer, any other shape the general one: both
        // are compared with the writer of other digits.
        for primary in 0..=4 {
            for secondary in 0..=4 {
                for min_grouping in 1..=3 {
                    let ascii = NumberData {
                        separator: '\'',
                        primary,
                        secondary,
                        min_grouping,
                        digits: Digits::Ascii,
                        plural: |_| "other",
                    };
                    let others = NumberData {
                        digits: Digits::Other(other),
                        ..ascii
                    };
                    for &n in &numbers {
                        let (mut expected, mut written) = (String::new(), String::new());
                        ascii.write(n, &mut expected);
                        others.write(n, &mut written);
                        assert_eq!(
                            to_ascii(&written),
                            expected,
                            "{n} with groups of {primary}, then {secondary}, from {min_grouping}"
                        );
                    }
                }
            }
        }
        // The ASCII writer itself, on a shape no locale has: groups of 3, then 4.
        let mut out = String::new();
        NumberData {
            separator: ',',
            primary: 3,
            secondary: 4,
            min_grouping: 1,
            digits: Digits::Ascii,
            plural: |_| "other",
        }
        .write_any(123_456_789_012, &mut out);
        assert_eq!(out, "1,2345,6789,012");
    }

    #[cfg(feature = "files")]
    #[test]
    fn a_locale_that_is_not_declared_gets_icu4x_with_its_full_data() {
        assert!(matches!(Numbers::new("en-IN"), Numbers::Icu(_)));
        assert_eq!(written("en-IN", 12_345_678), "1,23,45,678");
        assert_eq!(written("hi-IN", 12_345_678), "1,23,45,678");
        assert_eq!(written("ar-EG", 1234), "١٬٢٣٤");
        assert_eq!(Numbers::new("ar-EG").category(2), "two");
        for tag in ["en-IN", "ar-EG", "ru-RU"] {
            let (ours, icu) = (Numbers::new(tag), Reference::new(tag));
            for n in samples().step_by(97) {
                let mut out = String::new();
                ours.write(n, &mut out);
                assert_eq!(out, icu.written(n), "{tag} writes {n}");
                assert_eq!(ours.category(n), icu.category(n), "{tag} classifies {n}");
            }
        }
    }
}
