//! The localizer against the raw library it replaces (fluent-bundle) and the peers users would
//! pick instead (rust-i18n 4, fluent-templates 0.15), doing the same work in the same run.
//!
//! `cargo bench -p omnia-errors-bench --bench localize` prints divan's table (times, and
//! allocations per call from its allocation profiler), then the ratios the issue notes quote,
//! measured again side by side in this process: each is the localizer's median time over the
//! baseline's.

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

    fn items() -> [ValidationError; 2] {
        [
            ValidationError::TextMaxLengthMismatch {
                max_length: black_box(MAX_LENGTH),
            },
            ValidationError::RequiredValue {
                path: Some("Customer.Name".into()),
            },
        ]
    }

    pub fn omnia_body_json(language: &omnia_errors_fluent::Language) -> Vec<u8> {
        let [a, b] = items();
        let body = language.error_body(
            &ApiError::ValidationFailed,
            [(&a, Some("Description")), (&b, None)],
        );
        serde_json::to_vec(&body.body).unwrap_or_default()
    }

    pub fn problem_details_json(language: &omnia_errors_fluent::Language) -> Vec<u8> {
        let [a, b] = items();
        let problem = language.problem_details(
            &ApiError::ValidationFailed,
            [(&a, Some("Description")), (&b, None)],
            &omnia_errors::DocsPage::OMNIA,
        );
        serde_json::to_vec(&problem.body).unwrap_or_default()
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

/// A whole `ValidationFailed` response body with two items, in pl-PL, written as JSON: OMNIA's
/// body against the same error as RFC 9457 Problem Details (which adds the generic message as
/// `title` and the documentation link as `type`).
mod response_body {
    use super::*;

    #[divan::bench]
    fn omnia_body() -> Vec<u8> {
        work::omnia_body_json(&super::localizer().for_tags(&["pl-PL"]))
    }

    #[divan::bench]
    fn problem_details() -> Vec<u8> {
        work::problem_details_json(&super::localizer().for_tags(&["pl-PL"]))
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

/// Median nanoseconds per call of `f`, over 21 batches sized to about 5 ms each.
fn median_ns<R>(mut f: impl FnMut() -> R) -> f64 {
    let start = Instant::now();
    let mut calibrate = 0u32;
    while start.elapsed().as_micros() < 2_000 {
        black_box(f());
        calibrate += 1;
    }
    let per_batch = (calibrate * 5 / 2).max(1);
    let mut samples: Vec<f64> = (0..21)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..per_batch {
                black_box(f());
            }
            start.elapsed().as_secs_f64() * 1e9 / f64::from(per_batch)
        })
        .collect();
    samples.sort_by(f64::total_cmp);
    samples[samples.len() / 2]
}

/// The table the issue notes quote: each ratio is the localizer's median over the baseline's.
fn ratios() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    println!("\nratios (median ns per call, measured side by side in this run):");
    println!(
        "{:<44} {:>10} {:>12} {:>8}",
        "work", "localizer", "baseline", "ratio"
    );
    let row = |name: &str, ours: f64, base: f64| {
        println!("{name:<44} {ours:>10.1} {base:>12.1} {:>7.2}x", ours / base);
    };
    let en = localizer().source();
    let ours = median_ns(|| work::ours_static(&en));
    let raw_static = median_ns(|| work::raw_static(raw("en-US", false)));
    row("static message vs raw fluent-bundle", ours, raw_static);
    row(
        "static message vs rust-i18n t!",
        ours,
        median_ns(|| work::rust_i18n_static("en-US")),
    );
    for tag in TAGS {
        let language = localizer().for_tags(&[tag]);
        let ours = median_ns(|| work::ours_max_length(&language));
        row(
            &format!("max_length {tag} vs rust-i18n t! (1 arg)"),
            ours,
            median_ns(|| work::rust_i18n_max_length(tag)),
        );
        row(
            &format!("max_length {tag} vs raw fluent-bundle"),
            ours,
            median_ns(|| work::raw_max_length(raw(tag, false))),
        );
        row(
            &format!("max_length {tag} vs fluent-bundle + ICU4X"),
            ours,
            median_ns(|| work::raw_max_length(raw(tag, true))),
        );
        let id = language_id(tag);
        row(
            &format!("max_length {tag} vs fluent-templates"),
            ours,
            median_ns(|| work::templates_max_length(&id)),
        );
    }
    let pl = localizer().for_tags(&["pl-PL"]);
    row(
        "ValidationFailed JSON: problem vs OMNIA body",
        median_ns(|| work::problem_details_json(&pl)),
        median_ns(|| work::omnia_body_json(&pl)),
    );
    let texts = all_sources();
    row(
        "build the embedded localizer vs parsing FTL",
        median_ns(Localizer::embedded),
        median_ns(|| parse_all(&texts)),
    );
}
