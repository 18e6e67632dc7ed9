//! Instruction counts, which do not depend on what else the machine is doing: runs one piece
//! of work `N` times (`instructions <work>[:<tag>] <N>`) for `valgrind --tool=callgrind`; one
//! call's count is the difference of two runs' totals over the difference of their `N`:
//!
//! ```sh
//! cargo build --release -p omnia-errors-bench --example instructions
//! count() { valgrind --tool=callgrind --callgrind-out-file=/dev/null \
//!     target/release/examples/instructions "$1" "$2" 2>&1 | grep -oP 'Collected : \K[0-9]+'; }
//! echo $(( ($(count localizer-max-length:pl-PL 11000) - $(count localizer-max-length:pl-PL 1000)) / 10000 ))
//! ```
//!
//! Work: `localizer-static`, `raw-static`, `rust-i18n-static`, `localizer-max-length`,
//! `raw-max-length`, `rust-i18n-max-length`, `hand-written-max-length` (the limit: the English
//! text written by hand), and a whole `ValidationFailed` response as JSON: `localizer-body`,
//! `localizer-problem` (built from the typed errors), `plain-body`, `plain-problem` (`serde_json`
//! writing structs with the English texts in them); and a received `ValidationFailed` body of
//! two items (one with `parameters`): `body-read` (read by `serde_json`), `body-relocalize`
//! (read, localized again, written).

use std::hint::black_box;

use omnia_errors::{ApiError, ErrorBody, ValidationError};
use omnia_errors_bench::{
    hand_written_max_length, localized_bodies, plain_bodies, raw_bundle, raw_max_length, raw_static,
};
use omnia_errors_fluent::Localizer;

/// A received body: what `body-read` and `body-relocalize` read.
const BODY: &[u8] = br#"{"code":"ValidationFailed","message":"Request validation failed.","errors":[{"code":"TextMaxLengthMismatch","name":"Description","message":"Value is too long to the defined length of 50.","parameters":{"maxLength":50}},{"code":"RequiredValue","name":"Customer.Name","message":"Attribute value is required."}],"traceId":"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"}"#;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let work = args.get(1).map_or("", String::as_str);
    let n: u64 = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(0);
    let (kind, tag) = work.split_once(':').unwrap_or((work, "en-US"));
    let localizer = Localizer::embedded();
    let language = localizer.for_tags(&[tag]);
    let bundle = raw_bundle(tag, false);
    // The work chosen once, so that every kind pays the same (one indirect call) per run.
    let work: Box<dyn Fn(u64) -> usize> = match kind {
        "localizer-static" => Box::new(|_| language.message(&ApiError::EntityNotFound).text.len()),
        "raw-static" => Box::new(|_| raw_static(&bundle)),
        "rust-i18n-static" => Box::new(|_| omnia_errors_bench::rust_i18n_static(tag).len()),
        "localizer-max-length" => Box::new(|max_length| {
            language
                .message(&ValidationError::TextMaxLengthMismatch { max_length })
                .text
                .len()
        }),
        "rust-i18n-max-length" => {
            Box::new(|max_length| omnia_errors_bench::rust_i18n_max_length(tag, max_length).len())
        }
        "raw-max-length" => Box::new(|max_length| raw_max_length(&bundle, max_length).len()),
        "hand-written-max-length" => {
            Box::new(|max_length| hand_written_max_length(max_length).len())
        }
        "localizer-body" => {
            Box::new(|max_length| localized_bodies::omnia_body_json(&language, max_length).len())
        }
        "localizer-problem" => {
            Box::new(|max_length| localized_bodies::problem_json(&language, max_length).len())
        }
        "plain-body" => Box::new(|max_length| plain_bodies::omnia_body_json(max_length).len()),
        "plain-problem" => Box::new(|max_length| plain_bodies::problem_json(max_length).len()),
        "body-read" => Box::new(|_| {
            serde_json::from_slice::<ErrorBody>(black_box(BODY))
                .map_or(0, |body| body.errors().len())
        }),
        "body-relocalize" => Box::new(|_| {
            let mut body: ErrorBody =
                serde_json::from_slice(black_box(BODY)).expect("the body reads");
            let _ = language.localize_body(&mut body);
            serde_json::to_vec(&body).map_or(0, |json| json.len())
        }),
        _ => {
            eprintln!("unknown work {work:?}");
            std::process::exit(2);
        }
    };
    let mut total = 0usize;
    // One warm-up call outside the counted difference: first-use initialisation.
    for _ in 0..=n {
        total += work(black_box(1000));
    }
    println!("{total}");
}
