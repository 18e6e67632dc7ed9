//! The localizer against the raw library it replaces (fluent-bundle) and the peers users would
//! pick instead (rust-i18n 4, fluent-templates 0.15), doing the same work in the same run.
//!
//! `cargo bench -p omnia-errors-bench --bench localize` prints divan's table (times, and
//! allocations per call from its allocation profiler), then the ratios the issue notes quote,
//! measured again side by side in this process, rounds of each side interleaved so that the
//! load of a shared machine weighs on both alike (`-- no_such_bench` prints only the ratios).
//! The limits are there too: the English text written by hand into one `String`, and
//! `serde_json` writing a response from structs with the English texts already in them.

// Benchmark groups are modules over the same few helpers.
#![allow(clippy::wildcard_imports, missing_docs)]

use std::sync::OnceLock;
use std::time::Instant;

use divan::{Bencher, black_box};
use fluent_bundle::{FluentBundle, FluentResource, FluentValue};
use fluent_templates::Loader as _;
use omnia_errors::{ApiError, ValidationError};
use omnia_errors_fluent::Localizer;
use unic_langid::LanguageIdentifier;

#[global_allocator]
static ALLOC: divan::AllocProfiler = divan::AllocProfiler::system();

fluent_templates::static_loader! {
    static TEMPLATES = {
        locales: "../../locales",
        fallback_language: "en-US",
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

const TAGS: [&str; 3] = ["en-US", "de-DE", "pl-PL"];
const MAX_LENGTH: u64 = 1000;

fn main() {
    divan::main();
    ratios();
}

fn localizer() -> &'static Localizer {
    static L: OnceLock<Localizer> = OnceLock::new();
    L.get_or_init(Localizer::embedded)
}

use omnia_errors_bench::{Bundle, raw_bundle, sources};

/// Every declared locale's tag and `.ftl` texts.
fn all_sources() -> Vec<(String, Vec<String>)> {
    omnia_errors_fluent::LOCALES
        .iter()
        .map(|l| (l.tag.to_owned(), sources(l.tag)))
        .collect()
}

/// What the localizer used to do at start-up, and what a raw fluent-bundle user does: parse
/// every locale's files into bundles.
fn parse_all(texts: &[(String, Vec<String>)]) -> Vec<Bundle> {
    texts
        .iter()
        .map(|(tag, files)| {
            let mut bundle: Bundle = FluentBundle::new(vec![language_id(tag)]);
            for text in files {
                let _ = bundle.add_resource(FluentResource::try_new(text.clone()).expect("parses"));
            }
            bundle
        })
        .collect()
}

/// The bundle of a locale, built once per thread (fluent-bundle's plain bundle is not `Sync`)
/// and kept for the whole run.
fn raw(tag: &str, icu: bool) -> &'static Bundle {
    thread_local! {
        static CACHE: std::cell::RefCell<Vec<(String, bool, &'static Bundle)>> =
            const { std::cell::RefCell::new(Vec::new()) };
    }
    CACHE.with_borrow_mut(|cache| {
        if let Some((_, _, bundle)) = cache.iter().find(|(t, i, _)| t == tag && *i == icu) {
            return *bundle;
        }
        let bundle: &'static Bundle = Box::leak(Box::new(raw_bundle(tag, icu)));
        cache.push((tag.to_owned(), icu, bundle));
        bundle
    })
}

fn language_id(tag: &str) -> LanguageIdentifier {
    tag.parse().expect("a tag")
}

// The work each side does: the timed loops and the ratio table share it.
mod work {
    use super::*;

    pub fn omnia_body_json(language: &omnia_errors_fluent::Language) -> Vec<u8> {
        omnia_errors_bench::localized_bodies::omnia_body_json(language, black_box(MAX_LENGTH))
    }

    pub fn problem_details_json(language: &omnia_errors_fluent::Language) -> Vec<u8> {
        omnia_errors_bench::localized_bodies::problem_json(language, black_box(MAX_LENGTH))
    }

    pub fn plain_body_json() -> Vec<u8> {
        omnia_errors_bench::plain_bodies::omnia_body_json(black_box(MAX_LENGTH))
    }

    pub fn plain_problem_json() -> Vec<u8> {
        omnia_errors_bench::plain_bodies::problem_json(black_box(MAX_LENGTH))
    }

    pub fn hand_written_max_length() -> String {
        omnia_errors_bench::hand_written_max_length(black_box(MAX_LENGTH))
    }

    pub fn ours_static(language: &omnia_errors_fluent::Language) -> usize {
        language.message(&ApiError::EntityNotFound).text.len()
    }

    pub fn ours_max_length(language: &omnia_errors_fluent::Language) -> String {
        language
            .message(&ValidationError::TextMaxLengthMismatch {
                max_length: black_box(MAX_LENGTH),
            })
            .text
            .into_owned()
    }

    pub fn raw_static(bundle: &Bundle) -> usize {
        omnia_errors_bench::raw_static(bundle)
    }

    pub fn raw_max_length(bundle: &Bundle) -> String {
        omnia_errors_bench::raw_max_length(bundle, black_box(MAX_LENGTH))
    }

    pub fn rust_i18n_static(tag: &str) -> usize {
        omnia_errors_bench::rust_i18n_static(tag).len()
    }

    pub fn rust_i18n_max_length(tag: &str) -> String {
        omnia_errors_bench::rust_i18n_max_length(tag, black_box(MAX_LENGTH)).into_owned()
    }

    pub fn templates_static(id: &LanguageIdentifier) -> String {
        super::TEMPLATES.lookup(id, "error-EntityNotFound")
    }

    pub fn templates_max_length(id: &LanguageIdentifier) -> String {
        let mut args = std::collections::HashMap::with_capacity(1);
        args.insert(
            std::borrow::Cow::Borrowed("maxLength"),
            FluentValue::from(black_box(MAX_LENGTH)),
        );
        super::TEMPLATES.lookup_with_args(id, "validation-TextMaxLengthMismatch", &args)
    }
}

mod static_message {
    use super::*;

    #[divan::bench]
    fn localizer(bencher: Bencher) {
        let language = super::localizer().source();
        bencher.bench_local(|| work::ours_static(black_box(&language)));
    }

    #[divan::bench]
    fn raw_fluent_bundle(bencher: Bencher) {
        let bundle = raw("en-US", false);
        bencher.bench_local(|| work::raw_static(black_box(bundle)));
    }

    #[divan::bench]
    fn rust_i18n(bencher: Bencher) {
        bencher.bench_local(|| work::rust_i18n_static(black_box("en-US")));
    }

    #[divan::bench]
    fn fluent_templates(bencher: Bencher) {
        let id = language_id("en-US");
        bencher.bench_local(|| work::templates_static(black_box(&id)));
    }
}

mod max_length_1000 {
    use super::*;

    /// The limit: the English text written by hand, digits grouped.
    #[divan::bench]
    fn hand_written() -> String {
        work::hand_written_max_length()
    }

    #[divan::bench(args = TAGS)]
    fn localizer(bencher: Bencher, tag: &str) {
        let language = super::localizer().for_tags(&[tag]);
        bencher.bench_local(|| work::ours_max_length(black_box(&language)));
    }

    #[divan::bench(args = TAGS)]
    fn raw_fluent_bundle_icu(bencher: Bencher, tag: &str) {
        let bundle = raw(tag, true);
        bencher.bench_local(|| work::raw_max_length(black_box(bundle)));
    }

    #[divan::bench(args = TAGS)]
    fn raw_fluent_bundle(bencher: Bencher, tag: &str) {
        let bundle = raw(tag, false);
        bencher.bench_local(|| work::raw_max_length(black_box(bundle)));
    }

    #[divan::bench(args = TAGS)]
    fn rust_i18n(bencher: Bencher, tag: &str) {
        bencher.bench_local(|| work::rust_i18n_max_length(black_box(tag)));
    }

    #[divan::bench(args = TAGS)]
    fn fluent_templates(bencher: Bencher, tag: &str) {
        let id = language_id(tag);
        bencher.bench_local(|| work::templates_max_length(black_box(&id)));
    }
}

mod build {
    use super::*;

    /// The embedded localizer: nothing to parse.
    #[divan::bench]
    fn localizer() -> Localizer {
        Localizer::embedded()
    }

    /// What the localizer used to do at start-up, and what a raw fluent-bundle user does:
    /// parse every locale's files into bundles.
    #[divan::bench]
    fn raw_fluent_bundle(bencher: Bencher) {
        let texts = all_sources();
        bencher.bench_local(|| parse_all(&texts));
    }
}

/// A whole `ValidationFailed` response with two items, built from the typed errors in en-US
/// and written as JSON, as OMNIA's body and as RFC 9457 Problem Details, against `serde_json`
/// writing the same bytes from structs with the English texts already in them.
mod response_body {
    use super::*;

    #[divan::bench]
    fn omnia_body() -> Vec<u8> {
        work::omnia_body_json(&super::localizer().source())
    }

    #[divan::bench]
    fn problem_details() -> Vec<u8> {
        work::problem_details_json(&super::localizer().source())
    }

    #[divan::bench]
    fn plain_struct_body() -> Vec<u8> {
        work::plain_body_json()
    }

    #[divan::bench]
    fn plain_struct_problem() -> Vec<u8> {
        work::plain_problem_json()
    }
}

mod accept_language {
    use super::*;

    const HEADER: &str = "pt-BR,pt;q=0.9,en-US;q=0.8,en;q=0.7";

    #[divan::bench]
    fn localizer_negotiate_and_format() -> String {
        let language = super::localizer().for_accept_language(black_box(HEADER));
        work::ours_max_length(&language)
    }
}

/// Calls of `f` that take about `micros` microseconds.
fn calibrate<R>(f: &mut impl FnMut() -> R, micros: u128) -> u32 {
    let start = Instant::now();
    let mut calls = 0u32;
    while start.elapsed().as_micros() < micros {
        black_box(f());
        calls += 1;
    }
    calls.max(1)
}

/// Nanoseconds per call of a batch of `calls`.
fn batch_ns<R>(f: &mut impl FnMut() -> R, calls: u32) -> f64 {
    let start = Instant::now();
    for _ in 0..calls {
        black_box(f());
    }
    start.elapsed().as_secs_f64() * 1e9 / f64::from(calls)
}

fn median(mut samples: Vec<f64>) -> f64 {
    samples.sort_by(f64::total_cmp);
    samples[samples.len() / 2]
}

/// `ours` and `base` side by side: 31 rounds, each a batch of about 2 ms of one then of the
/// other, so that the load of a shared machine weighs on both alike. The medians of each
/// side's nanoseconds per call, and the median of the rounds' ratios.
fn side_by_side<A, B>(mut ours: impl FnMut() -> A, mut base: impl FnMut() -> B) -> (f64, f64, f64) {
    let (a_calls, b_calls) = (
        calibrate(&mut ours, 1_000) * 2,
        calibrate(&mut base, 1_000) * 2,
    );
    let rounds: Vec<(f64, f64)> = (0..31)
        .map(|_| (batch_ns(&mut ours, a_calls), batch_ns(&mut base, b_calls)))
        .collect();
    (
        median(rounds.iter().map(|r| r.0).collect()),
        median(rounds.iter().map(|r| r.1).collect()),
        median(rounds.iter().map(|r| r.0 / r.1).collect()),
    )
}

/// The table the issue notes quote: each row is the localizer against one baseline, measured
/// side by side (see [`side_by_side`]).
fn ratios() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    println!("\nratios (median ns per call, rounds of each side interleaved in this run):");
    println!(
        "{:<46} {:>10} {:>12} {:>8}",
        "work", "localizer", "baseline", "ratio"
    );
    let row = |name: &str, (ours, base, ratio): (f64, f64, f64)| {
        println!("{name:<46} {ours:>10.1} {base:>12.1} {ratio:>7.2}x");
    };
    let en = localizer().source();
    row(
        "static message vs raw fluent-bundle",
        side_by_side(
            || work::ours_static(&en),
            || work::raw_static(raw("en-US", false)),
        ),
    );
    row(
        "static message vs rust-i18n t!",
        side_by_side(
            || work::ours_static(&en),
            || work::rust_i18n_static("en-US"),
        ),
    );
    for tag in TAGS {
        let language = localizer().for_tags(&[tag]);
        let ours = || work::ours_max_length(&language);
        row(
            &format!("max_length {tag} vs hand-written (English)"),
            side_by_side(ours, work::hand_written_max_length),
        );
        row(
            &format!("max_length {tag} vs rust-i18n t! (1 arg)"),
            side_by_side(ours, || work::rust_i18n_max_length(tag)),
        );
        row(
            &format!("max_length {tag} vs raw fluent-bundle"),
            side_by_side(ours, || work::raw_max_length(raw(tag, false))),
        );
        row(
            &format!("max_length {tag} vs fluent-bundle + ICU4X"),
            side_by_side(ours, || work::raw_max_length(raw(tag, true))),
        );
        let id = language_id(tag);
        row(
            &format!("max_length {tag} vs fluent-templates"),
            side_by_side(ours, || work::templates_max_length(&id)),
        );
    }
    row(
        "OMNIA body JSON vs serde_json from a struct",
        side_by_side(|| work::omnia_body_json(&en), work::plain_body_json),
    );
    row(
        "Problem Details JSON vs serde_json, a struct",
        side_by_side(|| work::problem_details_json(&en), work::plain_problem_json),
    );
    let texts = all_sources();
    row(
        "build the embedded localizer vs parsing FTL",
        side_by_side(Localizer::embedded, || parse_all(&texts)),
    );
}
