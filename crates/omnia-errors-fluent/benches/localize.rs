//! The localizer against raw fluent-bundle and fluent-langneg, in the same run.
//!
//! `cargo bench -p omnia-errors-fluent --bench localize`; the ratios go in the issue notes.
//! Each `raw_*` benchmark does the same work with the libraries alone: the baseline.

// Benchmark groups are modules over the same few helpers.
#![allow(clippy::wildcard_imports)]

use std::sync::{Arc, OnceLock};

use divan::{Bencher, black_box};
use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use omnia_errors::{ApiError, ValidationError};
use omnia_errors_fluent::{Localizer, embedded_locales};
use unic_langid::LanguageIdentifier;

#[global_allocator]
static ALLOC: divan::AllocProfiler = divan::AllocProfiler::system();

fn main() {
    divan::main();
}

const HEADER: &str = "pt-BR,pt;q=0.9,en-US;q=0.8,en;q=0.7";

fn localizer() -> &'static Localizer {
    static L: OnceLock<Localizer> = OnceLock::new();
    L.get_or_init(|| Localizer::embedded().unwrap())
}

fn resources(tag: &str) -> Vec<Arc<FluentResource>> {
    let locale = embedded_locales()
        .into_iter()
        .find(|l| l.tag == tag)
        .unwrap();
    locale
        .files
        .into_iter()
        .map(|f| Arc::new(FluentResource::try_new(f.text).unwrap()))
        .collect()
}

/// A plain fluent-bundle bundle of one locale, isolation off like the localizer's default.
fn raw_bundle(tag: &str) -> FluentBundle<Arc<FluentResource>> {
    let mut bundle = FluentBundle::new(vec![tag.parse().unwrap()]);
    bundle.set_use_isolating(false);
    for r in resources(tag) {
        bundle.add_resource(r).unwrap();
    }
    bundle
}

fn raw_concurrent(
    tag: &str,
) -> &'static fluent_bundle::concurrent::FluentBundle<Arc<FluentResource>> {
    static B: OnceLock<
        Vec<(
            String,
            fluent_bundle::concurrent::FluentBundle<Arc<FluentResource>>,
        )>,
    > = OnceLock::new();
    let all = B.get_or_init(|| {
        ["en-US", "pl-PL"]
            .into_iter()
            .map(|tag| {
                let mut bundle = fluent_bundle::concurrent::FluentBundle::new_concurrent(vec![
                    tag.parse().unwrap(),
                ]);
                bundle.set_use_isolating(false);
                for r in resources(tag) {
                    bundle.add_resource(r).unwrap();
                }
                (tag.to_owned(), bundle)
            })
            .collect()
    });
    &all.iter().find(|(t, _)| t == tag).unwrap().1
}

fn raw_format<M: fluent_bundle::memoizer::MemoizerKind>(
    bundle: &fluent_bundle::bundle::FluentBundle<Arc<FluentResource>, M>,
    id: &str,
    args: Option<&FluentArgs>,
) -> String {
    let pattern = bundle.get_message(id).unwrap().value().unwrap();
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, args, &mut errors);
    assert!(errors.is_empty());
    // Both sides return an owned-or-borrowed text; measure the formatting, not a copy.
    black_box(&text);
    String::new()
}

/// What a plain fluent-bundle user writes to get locale-aware numbers: an ICU4X decimal
/// formatter behind `set_formatter`, memoized per bundle. The localizer does the same, so
/// this is the like-for-like baseline for messages with numbers.
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

mod static_message {
    use super::*;

    #[divan::bench]
    fn raw_fluent_bundle(bencher: Bencher) {
        let bundle = raw_bundle("en-US");
        bencher.bench_local(|| raw_format(&bundle, black_box("error-EntityNotFound"), None));
    }

    #[divan::bench]
    fn localizer(bencher: Bencher) {
        let en = super::localizer().source();
        bencher.bench_local(|| black_box(en.message(black_box(&ApiError::EntityNotFound))));
    }
}

mod parameterized {
    use super::*;

    #[divan::bench(args = ["en-US", "pl-PL"])]
    fn raw_fluent_bundle(bencher: Bencher, tag: &str) {
        let bundle = raw_bundle(tag);
        bencher.bench_local(|| {
            let mut args = FluentArgs::with_capacity(1);
            args.set("maxLength", FluentValue::from(black_box(50u64)));
            raw_format(&bundle, "validation-TextMaxLengthMismatch", Some(&args))
        });
    }

    /// Raw fluent-bundle with an ICU4X number formatter: the same output as the localizer.
    #[divan::bench(args = ["en-US", "pl-PL"])]
    fn raw_fluent_bundle_with_icu_numbers(bencher: Bencher, tag: &str) {
        let mut bundle = raw_bundle(tag);
        bundle.set_formatter(Some(icu_formatter));
        bencher.bench_local(|| {
            let mut args = FluentArgs::with_capacity(1);
            args.set("maxLength", FluentValue::from(black_box(50u64)));
            raw_format(&bundle, "validation-TextMaxLengthMismatch", Some(&args))
        });
    }

    #[divan::bench(args = ["en-US", "pl-PL"])]
    fn localizer(bencher: Bencher, tag: &str) {
        let language =
            super::localizer().for_languages(&[tag.parse::<LanguageIdentifier>().unwrap()]);
        let error = ValidationError::TextMaxLengthMismatch { max_length: 50 };
        // Drop the text inside the timed loop, as the raw benchmarks do.
        bencher.bench_local(|| black_box(language.message(black_box(&error))).text.len());
    }
}

/// Four threads formatting at once: the localizer (per-thread bundles, no lock) against one
/// shared concurrent fluent-bundle bundle (a mutex around its formatter cache).
mod four_threads {
    use super::*;

    #[divan::bench(threads = [4], args = ["en-US", "pl-PL"])]
    fn raw_concurrent_bundle(bencher: Bencher, tag: &str) {
        let bundle = raw_concurrent(tag);
        bencher.with_inputs(|| ()).bench_values(|()| {
            let mut args = FluentArgs::with_capacity(1);
            args.set("maxLength", FluentValue::from(black_box(50u64)));
            raw_format(bundle, "validation-TextMaxLengthMismatch", Some(&args))
        });
    }

    #[divan::bench(threads = [4], args = ["en-US", "pl-PL"])]
    fn localizer(bencher: Bencher, tag: &str) {
        let language =
            super::localizer().for_languages(&[tag.parse::<LanguageIdentifier>().unwrap()]);
        let error = ValidationError::TextMaxLengthMismatch { max_length: 50 };
        // Each thread builds its bundles on first use: do that outside the timed loop. The
        // text is dropped inside it, on the thread that made it, as the raw benchmark does.
        bencher
            .with_inputs(|| black_box(language.message(&error)).text.len())
            .bench_values(|_| black_box(language.message(black_box(&error))).text.len());
    }
}

mod negotiate {
    use super::*;

    /// fluent-langneg parsing and negotiating the header, no formatting.
    #[divan::bench]
    fn raw_langneg_parse_and_negotiate(bencher: Bencher) {
        let available: Vec<LanguageIdentifier> = [
            "en-US", "pt-PT", "pt-BR", "es-ES", "fr-FR", "de-DE", "pl-PL",
        ]
        .iter()
        .map(|t| t.parse().unwrap())
        .collect();
        let default: LanguageIdentifier = "en-US".parse().unwrap();
        bencher.bench_local(|| {
            let requested = fluent_langneg::accepted_languages::parse(black_box(HEADER));
            let chosen = fluent_langneg::negotiate_languages(
                &requested,
                &available,
                Some(&default),
                fluent_langneg::NegotiationStrategy::Filtering,
            );
            black_box(chosen.first().map(|l| (*l).clone()))
        });
    }

    /// The localizer negotiating the same header and formatting a message.
    #[divan::bench]
    fn localizer_negotiate_and_format(bencher: Bencher) {
        let localizer = super::localizer();
        let error = ValidationError::TextMaxLengthMismatch { max_length: 50 };
        bencher.bench_local(|| {
            black_box(
                localizer
                    .for_accept_language(black_box(HEADER))
                    .message(&error),
            )
            .text
            .len()
        });
    }
}

mod build {
    use super::*;

    /// Parsing the embedded files and building the bundles of every locale (allocations are
    /// the resident memory they take).
    #[divan::bench]
    fn localizer_all_locales() -> Localizer {
        Localizer::embedded().unwrap()
    }

    /// Raw fluent-bundle: parsing the same files into one bundle per locale.
    #[divan::bench]
    fn raw_bundles_all_locales() -> Vec<FluentBundle<Arc<FluentResource>>> {
        embedded_locales()
            .iter()
            .map(|l| raw_bundle(&l.tag))
            .collect()
    }
}
