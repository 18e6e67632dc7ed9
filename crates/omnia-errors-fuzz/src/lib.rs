//! Fuzz harnesses: what a fuzzer may throw at the catalog's inputs from outside (headers,
//! bodies, codes, parameter values, Fluent files), each asserting what must hold for any input.
//!
//! `fuzz/` runs them under libFuzzer (`cargo fuzz run <target>`); `tests/corpus.rs` replays
//! every committed corpus and crash input through them in `cargo test`, so a fixed crash stays
//! fixed. A harness panics only when an invariant breaks; that panic is the finding.

// Every harness panics when an invariant breaks: that is what it is for.
#![allow(clippy::missing_panics_doc)]

use std::sync::OnceLock;

use omnia_errors::{
    AnyCode, ApiError, DocsPage, ErrorBody, ErrorCode, ErrorFormat, Number, ParamValue, Parameters,
    ProblemDetails, ValidationError, ValidationErrorCode,
};
use omnia_errors_fluent::{LocaleFiles, Localizer, parse_accept_language, parse_language};

/// A harness: runs one input, panics if an invariant breaks.
pub type Harness = fn(&[u8]);

/// The fuzz targets, by name: the folder names under `fuzz/corpus/`.
pub const TARGETS: &[(&str, Harness)] = &[
    ("accept_language", accept_language),
    ("code_from_str", code_from_str),
    ("error_body_json", error_body_json),
    ("localize_params", localize_params),
    ("ftl_files", ftl_files),
    ("accept", accept),
    ("problem_details_json", problem_details_json),
];

/// The repository's `locales/`, read once.
fn workspace_locales() -> &'static [LocaleFiles] {
    static LOCALES: OnceLock<omnia_errors_tooling::Locales> = OnceLock::new();
    LOCALES
        .get_or_init(|| {
            omnia_errors_tooling::Workspace::current()
                .locales()
                .expect("locales/ is readable")
        })
        .files()
}

fn localizer() -> &'static Localizer {
    static LOCALIZER: OnceLock<Localizer> = OnceLock::new();
    LOCALIZER.get_or_init(|| Localizer::builder().pseudo_locales(true).build())
}

/// An `Accept-Language` header: parsing is bounded and sorted, negotiation lands on an
/// available locale (the header's entries as a tag list too, OMNIA names read), and formatting
/// in it yields text. The input is also tried repeated past
/// the 4 KiB the parser reads (the long-header shape: libFuzzer's default `-max_len` of 4096
/// never gets there by itself), where the same must hold.
pub fn accept_language(data: &[u8]) {
    let header = String::from_utf8_lossy(data);
    check_header(&header, data.len() as u64);
    if !header.is_empty() {
        // 16 KiB or more: past the 4 KiB read, cut mid-entry for most inputs.
        let long = header.repeat(LONG_HEADER / header.len() + 1);
        check_header(&long, data.len() as u64);
    }
}

/// How long the long-header shape makes a header, in bytes at least.
const LONG_HEADER: usize = 16 * 1024;

fn check_header(header: &str, number: u64) {
    let ranges = parse_accept_language(header);
    assert!(ranges.len() <= 32);
    assert!(ranges.windows(2).all(|w| w[0].quality >= w[1].quality));
    assert!(
        ranges
            .iter()
            .filter_map(|r| r.language.as_ref())
            .all(|l| l.to_string().len() <= 64),
        "a tag over 64 bytes was read"
    );
    // A language read is in canonical form: written and read again, it is itself.
    for language in ranges.iter().filter_map(|r| r.language.as_ref()) {
        assert_eq!(
            parse_language(&language.to_string()).as_ref(),
            Some(language)
        );
    }
    let language = localizer().for_accept_language(header);
    assert!(localizer().locales().any(|l| l == language.locale()));
    // The same text as a tag list, OMNIA's language names read too: a locale of the
    // localizer, and a name's own locale for a name.
    let tags: Vec<&str> = header.split(',').collect();
    let listed = localizer().for_tags(&tags);
    assert!(localizer().locales().any(|l| l == listed.locale()));
    if let Some(named) = omnia_errors_fluent::LOCALES
        .iter()
        .find(|l| l.omnia_name.eq_ignore_ascii_case(tags[0]))
    {
        let chosen = localizer().for_tags(&tags[..1]);
        assert_eq!(chosen.locale().to_string(), named.tag);
    }
    let message = language.message(&ValidationError::TextMaxLengthMismatch { max_length: number });
    assert!(!message.text.is_empty());
}

/// A code name from the wire: parses to the code of that name or to an error that keeps the
/// input and has a message.
pub fn code_from_str(data: &[u8]) {
    let name = String::from_utf8_lossy(data);
    match name.parse::<ErrorCode>() {
        Ok(code) => assert_eq!(code.as_str(), name),
        Err(error) => {
            assert_eq!(error.input(), name);
            assert!(!error.to_string().is_empty());
            if let Some(suggestion) = error.suggestion() {
                assert!(suggestion.parse::<ErrorCode>().is_ok());
            }
        }
    }
    match AnyCode::parse(&name) {
        Ok(code) => assert_eq!(code.as_str(), name),
        Err(error) => assert_eq!(error.input(), name),
    }
    let _ = name.parse::<ValidationErrorCode>();
}

/// An error body from the wire: if it parses, every number it holds is written in the input
/// as it holds it (none rounded), it writes back and reads again to the same writing, and
/// localizing it changes its messages only. An input that is not a JSON object seeds a body
/// with thousands of parameter keys instead (the many-keys shape, too long for the fuzzer to
/// write): it must read keeping each key's first position and last value.
pub fn error_body_json(data: &[u8]) {
    // `#…` is the many-keys shape; anything else is read as a body (most fail at once).
    if let Some((b'#', rest)) = data.split_first() {
        many_keys(rest);
        return;
    }
    let Ok(body) = serde_json::from_slice::<ErrorBody>(data) else {
        return;
    };
    let mut held = Vec::new();
    numbers_in(&body.parameters, &mut held);
    numbers_in(&body.extensions, &mut held);
    for item in body.errors() {
        numbers_in(&item.parameters, &mut held);
        numbers_in(&item.extensions, &mut held);
    }
    assert_written_in(data, &held);
    let json = serde_json::to_vec(&body).expect("a read body writes");
    let again: ErrorBody = serde_json::from_slice(&json).expect("a written body reads");
    assert_eq!(again, body);
    assert_eq!(serde_json::to_vec(&again).expect("writes"), json);
    let _ = body.error();
    let mut localized = body.clone();
    let _ = localizer()
        .for_accept_language("pl")
        .localize_body(&mut localized);
    for item in localized.errors() {
        let _ = item.error();
    }
    // Only the messages changed.
    localized.message.clone_from(&body.message);
    for (item, original) in localized.errors.iter_mut().flatten().zip(body.errors()) {
        item.message.clone_from(&original.message);
    }
    assert_eq!(localized, body);
}

/// Every number in `parameters`, at any depth.
fn numbers_in<'a>(parameters: &'a Parameters, out: &mut Vec<&'a Number>) {
    fn walk<'a>(value: &'a ParamValue, out: &mut Vec<&'a Number>) {
        match value {
            ParamValue::Number(n) => out.push(n),
            ParamValue::List(items) => items.iter().for_each(|v| walk(v, out)),
            ParamValue::Map(map) => numbers_in(map, out),
            ParamValue::Null | ParamValue::Bool(_) | ParamValue::Text(_) => {}
        }
    }
    for (_, value) in parameters {
        walk(value, out);
    }
}

/// Panics unless each number is written in `input` as it is held: read as written, not
/// through an `f64` (which would hold `123456789012345678901234567890` as
/// `1.2345678901234568e29`).
fn assert_written_in(input: &[u8], numbers: &[&Number]) {
    let input = String::from_utf8_lossy(input);
    for number in numbers {
        assert!(
            input.contains(number.as_str()),
            "{number} is not in the input as written"
        );
    }
}

/// At most how many entries the many-keys shape writes.
const MANY_KEYS: usize = 2048;

/// A body whose `parameters` has up to [`MANY_KEYS`] entries (32 per input byte, so that most
/// inputs stay quick to run) named from the input, with duplicates when the input is short: it
/// must read with each distinct key once, in order of first appearance, holding its last value.
fn many_keys(data: &[u8]) {
    use std::collections::HashMap;
    use std::fmt::Write as _;

    let keys = (32 * data.len()).clamp(1, MANY_KEYS);
    let stem = String::from_utf8_lossy(data.get(..data.len().min(16)).unwrap_or_default());
    // 1 to 2048 distinct names, so short inputs make many duplicates.
    let distinct = 1 + data.iter().map(|&b| usize::from(b)).sum::<usize>() % keys;
    let mut json = String::from(r#"{"code":"EntityNotFound","message":"x","parameters":{"#);
    let mut order = Vec::new();
    let mut last = HashMap::new();
    for i in 0..keys {
        let name = format!("{stem}{}", i % distinct);
        if i > 0 {
            json.push(',');
        }
        let _ = write!(json, "{}:{i}", serde_json::Value::String(name.clone()));
        if last.insert(name.clone(), i as u64).is_none() {
            order.push(name);
        }
    }
    json.push_str("}}");
    let body: ErrorBody = serde_json::from_str(&json).expect("a well-formed body reads");
    assert_eq!(body.parameters.len(), order.len());
    for ((key, value), expected) in body.parameters.iter().zip(&order) {
        assert_eq!(key, expected);
        assert_eq!(value, &ParamValue::from(last[expected]));
    }
}

/// Arbitrary parameter values for every code: the message is never empty and falls back
/// nowhere.
pub fn localize_params(data: &[u8]) {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let codes: Vec<AnyCode> = AnyCode::all().collect();
    let code = codes[usize::from(selector) % codes.len()];
    let text = String::from_utf8_lossy(rest);
    let number = rest
        .iter()
        .fold(0u64, |n, &b| n.wrapping_mul(257).wrapping_add(u64::from(b)));
    let parameters: Parameters = code
        .params()
        .iter()
        .map(|p| {
            let value = match p.kind {
                omnia_errors::ParamKind::Number => ParamValue::from(number),
                omnia_errors::ParamKind::Text => ParamValue::from(text.as_ref()),
            };
            (p.name, value)
        })
        .collect();
    let locales: Vec<_> = localizer().locales().cloned().collect();
    let language = localizer().for_languages(std::slice::from_ref(
        &locales[usize::from(selector) % locales.len()],
    ));
    let message = match code {
        AnyCode::Api(c) => {
            let error = ApiError::from_parameters(c, &parameters).expect("well-typed parameters");
            language.message(&error)
        }
        AnyCode::Validation(c) => {
            let error =
                ValidationError::from_parameters(c, &parameters).expect("well-typed parameters");
            language.message(&error)
        }
    };
    assert!(!message.text.is_empty());
    assert!(message.fallbacks.is_empty(), "{:?}", message.fallbacks);
}

/// A Fluent file loaded at run time in place of pl-PL's `errors.ftl`: loading either fails
/// with findings, or yields a localizer whose every message is non-empty.
pub fn ftl_files(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut locales = workspace_locales().to_vec();
    for locale in &mut locales {
        if locale.tag == "pl-PL" {
            for file in &mut locale.files {
                if file.name == "errors.ftl" {
                    text.clone_into(&mut file.text);
                }
            }
        }
    }
    match Localizer::builder().files(&locales) {
        Err(error) => assert!(!error.to_string().is_empty()),
        Ok(builder) => {
            let localizer = builder.build();
            let pl = localizer.for_accept_language("pl-PL");
            for &code in ErrorCode::ALL {
                let error = ApiError::from_parameters(code, &Parameters::new())
                    .expect("no required parameters");
                assert!(!pl.message(&error).text.is_empty());
            }
            let message = pl.message(&ValidationError::TextMaxLengthMismatch { max_length: 5 });
            assert!(!message.text.is_empty());
        }
    }
}

/// An `Accept` header: negotiation answers one of the two formats,
/// the preference decides only ties, and past the bytes read nothing counts (the input is also
/// tried repeated to 16 KiB, as for `Accept-Language`). The same text as a `Content-Type`
/// names a format only if it holds its media type, and as a docs page URL it is refused or
/// links every code to itself.
pub fn accept(data: &[u8]) {
    let header = String::from_utf8_lossy(data);
    check_accept(&header);
    if !header.is_empty() {
        let long = header.repeat(LONG_HEADER / header.len() + 1);
        check_accept(&long);
        for tail in [
            ", application/problem+json",
            ", application/json",
            ", */*;q=0",
        ] {
            let longer = format!("{long}{tail}");
            for preferred in [ErrorFormat::Omnia, ErrorFormat::ProblemDetails] {
                assert_eq!(
                    ErrorFormat::negotiate(&longer, preferred),
                    ErrorFormat::negotiate(&long, preferred),
                    "an entry past the bound counted"
                );
            }
        }
    }
    // The same text as a response's `Content-Type`: a format only when it names one.
    if let Some(format) = ErrorFormat::of_content_type(&header) {
        assert!(header.to_ascii_lowercase().contains(format.media_type()));
    }
    if let Ok(page) = DocsPage::new(header.as_ref()) {
        for code in AnyCode::all() {
            assert_eq!(page.code_of(&page.url_of(code)), Some(code));
        }
    }
}

fn check_accept(header: &str) {
    let omnia = ErrorFormat::negotiate(header, ErrorFormat::Omnia);
    let problem = ErrorFormat::negotiate(header, ErrorFormat::ProblemDetails);
    // Either the header decides (both agree) or it is a tie (each gets its preference).
    assert!(
        omnia == problem || (omnia == ErrorFormat::Omnia && problem == ErrorFormat::ProblemDetails),
        "{omnia:?} {problem:?}"
    );
}

/// A Problem Details body from the wire: if it reads, every number it holds is written in the
/// input as it holds it, it writes back and reads again to the same writing, its typed error
/// and link to the docs page can be asked for, and localizing it again gives a known error a
/// non-empty `detail` and changes nothing but its texts.
pub fn problem_details_json(data: &[u8]) {
    let Ok(problem) = serde_json::from_slice::<ProblemDetails>(data) else {
        return;
    };
    let mut held = Vec::new();
    numbers_in(&problem.parameters, &mut held);
    numbers_in(&problem.extensions, &mut held);
    for item in problem.errors() {
        numbers_in(&item.parameters, &mut held);
        numbers_in(&item.extensions, &mut held);
    }
    assert_written_in(data, &held);
    let json = serde_json::to_vec(&problem).expect("a read problem writes");
    let again: ProblemDetails = serde_json::from_slice(&json).expect("a written problem reads");
    assert_eq!(again, problem);
    assert_eq!(serde_json::to_vec(&again).expect("writes"), json);
    if let (Ok(error), Some(code)) = (problem.error(), DocsPage::OMNIA.code_of(&problem.r#type)) {
        let _ = (error, code);
    }
    for item in problem.errors() {
        let _ = item.error();
    }
    // A UI localizes it again: the texts it has are replaced or kept, never emptied.
    let mut localized = problem.clone();
    let _ = localizer()
        .for_accept_language("pl")
        .localize_problem(&mut localized);
    if localized.error().is_ok() {
        assert!(localized.detail.as_ref().is_some_and(|d| !d.is_empty()));
    }
    // Only the texts changed.
    localized.title.clone_from(&problem.title);
    localized.detail.clone_from(&problem.detail);
    for (item, original) in localized.errors.iter_mut().flatten().zip(problem.errors()) {
        item.message.clone_from(&original.message);
    }
    assert_eq!(localized, problem);
}
