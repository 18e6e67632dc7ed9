//! Numbers formatted the way each locale writes them (1,000 / 1.000 / 1 000), which fluent-rs
//! does not do on its own (it prints `1000` everywhere). ICU4X's decimal formatter, with its
//! compiled CLDR data, is plugged into every bundle as its number formatter; it agrees with
//! JavaScript's `Intl.NumberFormat`, which `@fluent/bundle` uses.

use fixed_decimal::Decimal;
use fluent_bundle::FluentValue;
use fluent_bundle::types::FluentNumberOptions;
use icu_decimal::DecimalFormatter;
use icu_decimal::options::DecimalFormatterOptions;
use intl_memoizer::{IntlLangMemoizer, Memoizable};
use unic_langid::LanguageIdentifier;

/// A bundle's decimal formatter, built once per bundle from the bundle's locale by its memoizer.
pub(crate) struct LocaleDecimals(DecimalFormatter);

impl Memoizable for LocaleDecimals {
    type Args = ();
    type Error = ();

    fn construct(lang: LanguageIdentifier, (): ()) -> Result<Self, ()> {
        let locale: icu_locale_core::Locale = lang.to_string().parse().map_err(drop)?;
        DecimalFormatter::try_new((&locale).into(), DecimalFormatterOptions::default())
            .map(Self)
            .map_err(drop)
    }
}

/// Integers beyond this lose precision in Fluent's `f64` numbers; leave them to Fluent.
const MAX_EXACT: f64 = 9_007_199_254_740_992.0;

/// The number formatter of every bundle: locale digits and grouping for plain integers.
///
/// Returns `None` (Fluent's own formatting) for anything else — fractions, or numbers with
/// `NUMBER()` options — rather than guess.
pub(crate) fn format_number(value: &FluentValue<'_>, intls: &IntlLangMemoizer) -> Option<String> {
    let FluentValue::Number(number) = value else {
        return None;
    };
    let n = number.value;
    if number.options != FluentNumberOptions::default() || n.fract() != 0.0 || n.abs() > MAX_EXACT {
        return None;
    }
    // Exact: `n` is an integer within ±2^53.
    #[allow(clippy::cast_possible_truncation)]
    let integer = n as i64;
    intls
        .with_try_get::<LocaleDecimals, _, _>((), |f| {
            f.0.format(&Decimal::from(integer)).to_string()
        })
        .ok()
}

/// The number formatter for a locale that writes ASCII digits: numbers from 0 to 999, which no
/// locale groups, are left to Fluent (the same text, without a formatter lookup on the hot
/// path); the others go to [`format_number`].
pub(crate) fn format_number_ascii(
    value: &FluentValue<'_>,
    intls: &IntlLangMemoizer,
) -> Option<String> {
    match value {
        // Whatever its `NUMBER()` options, Fluent formats such a number as ICU4X would.
        FluentValue::Number(number) if (0.0..1000.0).contains(&number.value) => None,
        _ => format_number(value, intls),
    }
}

/// The formatter a bundle of `lang` should use: [`format_number_ascii`] when ICU4X writes
/// the locale's numbers with ASCII digits, else [`format_number`].
pub(crate) fn formatter_for(lang: &LanguageIdentifier) -> Formatter {
    let ascii = LocaleDecimals::construct(lang.clone(), ()).is_ok_and(|f| {
        let probe = f.0.format(&Decimal::from(9_876_543_210_i64)).to_string();
        probe
            .chars()
            .filter(char::is_ascii_digit)
            .eq("9876543210".chars())
    });
    if ascii {
        format_number_ascii
    } else {
        format_number
    }
}

/// A bundle's number formatter.
pub(crate) type Formatter = fn(&FluentValue<'_>, &IntlLangMemoizer) -> Option<String>;
