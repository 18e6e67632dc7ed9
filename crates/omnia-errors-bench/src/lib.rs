//! Benchmarks only: `cargo bench -p omnia-errors-bench` runs `benches/localize.rs`, which times
//! the localizer, raw fluent-bundle, rust-i18n and fluent-templates doing the same work in one
//! run, and counts allocations.
//!
//! The rust-i18n peer reads its own translation file (`locales/app.yml` in this crate), since
//! it cannot read Fluent: the same sentences as `locales/*/errors.ftl`, without plurals or
//! locale-aware numbers, which rust-i18n does not have.

rust_i18n::i18n!("locales", fallback = "en-US");

/// The rust-i18n peer's `t!`, callable from the benchmark binary.
#[macro_export]
macro_rules! peer_t {
    ($($tt:tt)*) => { ::rust_i18n::t!($($tt)*) };
}

/// rust-i18n's static message: `EntityNotFound` in `locale`.
pub fn rust_i18n_static(locale: &str) -> std::borrow::Cow<'static, str> {
    rust_i18n::t!("EntityNotFound", locale = locale)
}

/// rust-i18n's one-argument message: `TextMaxLengthMismatch` in `locale`.
pub fn rust_i18n_max_length(locale: &str, max_length: u64) -> std::borrow::Cow<'static, str> {
    rust_i18n::t!(
        "TextMaxLengthMismatch",
        locale = locale,
        maxLength = max_length
    )
}

use std::sync::OnceLock;

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

/// A plain fluent-bundle bundle: the raw baseline.
pub type Bundle = FluentBundle<FluentResource>;

/// The repository's `.ftl` texts of a locale.
///
/// # Panics
///
/// When `locales/` cannot be read or has no such locale: a benchmark has nothing to measure.
pub fn sources(tag: &str) -> Vec<String> {
    static ALL: OnceLock<omnia_errors_tooling::Locales> = OnceLock::new();
    ALL.get_or_init(|| {
        omnia_errors_tooling::Workspace::current()
            .locales()
            .expect("locales/ is readable")
    })
    .files()
    .iter()
    .find(|l| l.tag == tag)
    .expect("a locale of the repository")
    .files
    .iter()
    .map(|f| f.text.clone())
    .collect()
}

/// Plain fluent-bundle, isolation off like the localizer's default; `icu` adds what a
/// fluent-bundle user writes to get locale-aware numbers (the like-for-like baseline).
///
/// # Panics
///
/// When the tag or a file is invalid.
pub fn raw_bundle(tag: &str, icu: bool) -> Bundle {
    let mut bundle = FluentBundle::new(vec![tag.parse().expect("a tag")]);
    bundle.set_use_isolating(false);
    if icu {
        bundle.set_formatter(Some(icu_formatter));
    }
    for text in sources(tag) {
        bundle
            .add_resource(FluentResource::try_new(text).expect("parses"))
            .expect("no duplicate ids");
    }
    bundle
}

/// Raw fluent-bundle's static message: `EntityNotFound`.
///
/// # Panics
///
/// When the bundle lacks the message.
pub fn raw_static(bundle: &Bundle) -> usize {
    let pattern = bundle
        .get_message("error-EntityNotFound")
        .and_then(|m| m.value())
        .expect("message");
    let mut errors = Vec::new();
    bundle.format_pattern(pattern, None, &mut errors).len()
}

/// Raw fluent-bundle's one-argument message: `TextMaxLengthMismatch`, as an owned text (what
/// a response needs, and what the localizer and the peers give).
///
/// # Panics
///
/// When the bundle lacks the message or reports an error.
pub fn raw_max_length(bundle: &Bundle, max_length: u64) -> String {
    let mut args = FluentArgs::with_capacity(1);
    args.set("maxLength", FluentValue::from(max_length));
    let pattern = bundle
        .get_message("validation-TextMaxLengthMismatch")
        .and_then(|m| m.value())
        .expect("message");
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
    assert!(errors.is_empty());
    text.into_owned()
}

struct Decimals(icu_decimal::DecimalFormatter);

impl intl_memoizer::Memoizable for Decimals {
    type Args = ();
    type Error = ();
    fn construct(lang: LanguageIdentifier, (): ()) -> Result<Self, ()> {
        let locale: icu_locale_core::Locale = lang.to_string().parse().map_err(drop)?;
        icu_decimal::DecimalFormatter::try_new(
            (&locale).into(),
            icu_decimal::options::DecimalFormatterOptions::default(),
        )
        .map(Self)
        .map_err(drop)
    }
}

fn icu_formatter(
    value: &FluentValue<'_>,
    intls: &intl_memoizer::IntlLangMemoizer,
) -> Option<String> {
    let FluentValue::Number(n) = value else {
        return None;
    };
    #[allow(clippy::cast_possible_truncation)]
    let decimal = fixed_decimal::Decimal::from(n.value as i64);
    intls
        .with_try_get::<Decimals, _, _>((), |f| f.0.format(&decimal).to_string())
        .ok()
}
