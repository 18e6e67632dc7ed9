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
    let decimal = Decimal::from(n as i64);
    intls
        .with_try_get::<LocaleDecimals, _, _>((), |f| f.0.format(&decimal).to_string())
        .ok()
}
