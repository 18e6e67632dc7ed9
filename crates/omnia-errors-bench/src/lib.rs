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
