//! The conformance fixture the JavaScript tests read (`js/test/formatted.json`): every message
//! of every locale (the generic message, and the `.context` variant of codes with optional
//! parameters) formatted by the localizer over the values of the runtime crate's differential
//! test (`crates/omnia-errors-fluent/tests/differential.rs`, which compares the same messages
//! with fluent-bundle), isolation marks off and, on a sample, on; then the title every locale
//! gives an RFC 9457 `about:blank` problem of each HTTP status (its own, its class's, or
//! none: the title received kept); then received bodies ([`BODIES`]) as every locale
//! re-localizes them; one case a line.
//! `js/test/conformance.test.mjs` formats each message's case with `@fluent/bundle`, and the
//! npm package's tests each case with `message`, `statusTitle` and `localize`, expecting the
//! same texts, so Rust and JavaScript UIs provably agree (numbers
//! included: ICU4X here, `Intl.NumberFormat` there, both from CLDR). `cargo xtask docs` writes
//! it; `--check` and `cargo test` catch it stale.

use std::fmt::Write as _;

use icu_locale_core::LanguageIdentifier;
use omnia_errors::{
    AnyCode, ApiError, CatalogError, ParamKind, ParamSpec, ParamValue, Parameters, ProblemDetails,
    ValidationError,
};
use omnia_errors_fluent::{
    Fallback, Isolation, Language, Localizer, Message, STATUS_TITLES, status_title_id,
};

use crate::Locales;

/// The fixture: a JSON array, one case a line, in a deterministic order.
///
/// # Errors
///
/// The files do not load, or a message falls back to another locale or reports a problem,
/// named.
pub fn conformance_fixture(locales: &Locales) -> Result<String, String> {
    let build = |isolation| {
        Localizer::builder()
            .isolation(isolation)
            .declared(&locales.infos())
            .files(locales.files())
            .map(omnia_errors_fluent::LocalizerBuilder::build)
            .map_err(|e| e.to_string())
    };
    let plain = build(Isolation::Off)?;
    let isolating = build(Isolation::On)?;
    let mut lines: Vec<String> = cases(&plain, &isolating)?
        .iter()
        .map(Case::to_json)
        .collect();
    lines.extend(status_cases(&plain)?.iter().map(StatusCase::to_json));
    lines.extend(body_cases(&plain)?);
    Ok(format!("[\n{}\n]\n", lines.join(",\n")))
}

/// The differential test's numbers (every plural category of the shipped locales, grouping and
/// its absence, `u64::MAX`), the French million that is "many" in current CLDR, and the largest
/// integer a JavaScript number holds exactly and the first one above it that it cannot.
pub(crate) const NUMBERS: [u64; 15] = [
    0,
    1,
    2,
    5,
    12,
    21,
    22,
    25,
    101,
    1000,
    12_345,
    1_000_000,
    MAX_SAFE_INTEGER,
    MAX_SAFE_INTEGER + 2,
    u64::MAX,
];

/// The differential test's texts (empty, right-to-left, Fluent syntax, long), and blank ones:
/// U+0085 is whitespace for Rust's `trim` (so the contextual message is not used) and U+FEFF
/// is not (though JavaScript's `trim` says the opposite of both).
pub(crate) const TEXTS: [&str; 9] = [
    "",
    "Customer.Name",
    "Ação «ü» 名前 🦀",
    "שם הלקוח",
    "{ $maxLength } -term { \"x\" }",
    "a very long value that goes on and on and on and on and on and on and on and on and on",
    " \t ",
    "\u{85}",
    "\u{feff}",
];

/// The largest integer a JavaScript number holds exactly: larger ones are written as strings,
/// which the JavaScript tests read as `BigInt`s.
const MAX_SAFE_INTEGER: u64 = (1 << 53) - 1;

/// A realistic text for a parameter, by its catalog name.
fn typical_text(name: &'static str) -> &'static str {
    match name {
        "path" => "Customer.Name",
        "type" => "Integer",
        "value" => "abc-123",
        "message" => "Disk full",
        other => other,
    }
}

fn samples(spec: &ParamSpec) -> Vec<ParamValue> {
    match spec.kind {
        ParamKind::Number => NUMBERS.iter().map(|&n| n.into()).collect(),
        ParamKind::Text => std::iter::once(typical_text(spec.name))
            .chain(TEXTS)
            .map(Into::into)
            .collect(),
    }
}

fn typical(spec: &ParamSpec) -> ParamValue {
    match spec.kind {
        ParamKind::Number => 50u64.into(),
        ParamKind::Text => typical_text(spec.name).into(),
    }
}

type Args = Vec<(&'static str, ParamValue)>;

/// The parameter sets of a code: every sample of each parameter with the others typical (one
/// at a time, so that three parameters do not multiply), and none of the optional ones.
fn parameter_sets(params: &'static [ParamSpec]) -> Vec<Args> {
    if params.is_empty() {
        return vec![Vec::new()];
    }
    let mut sets = Vec::new();
    if params.iter().all(|p| !p.required) {
        sets.push(Vec::new());
    }
    for (i, spec) in params.iter().enumerate() {
        for value in samples(spec) {
            let args = params
                .iter()
                .enumerate()
                .map(|(j, other)| {
                    let value = if i == j {
                        value.clone()
                    } else {
                        typical(other)
                    };
                    (other.name, value)
                })
                .collect();
            sets.push(args);
        }
    }
    sets
}

/// One formatted message: what the fixture records.
struct Case {
    locale: String,
    code: AnyCode,
    attribute: Option<&'static str>,
    isolate: bool,
    args: Args,
    expected: String,
}

impl Case {
    /// One line of the fixture, its keys in a reading order.
    fn to_json(&self) -> String {
        let string = |s: &str| serde_json::to_string(s).unwrap_or_default();
        let mut args = String::from("{");
        for (i, (name, value)) in self.args.iter().enumerate() {
            let value = match value {
                ParamValue::Number(n) if n.as_u64().is_some_and(|n| n > MAX_SAFE_INTEGER) => {
                    string(n.as_str())
                }
                ParamValue::Number(n) => n.to_string(),
                ParamValue::Text(s) => string(s),
                // The samples are numbers and texts only.
                other => string(other.json_type()),
            };
            let separator = if i == 0 { "" } else { ", " };
            let _ = write!(args, "{separator}{}: {value}", string(name));
        }
        args.push('}');
        format!(
            r#"{{"locale": {}, "code": {}, "id": {}, "attribute": {}, "isolate": {}, "args": {args}, "expected": {}}}"#,
            string(&self.locale),
            string(self.code.as_str()),
            string(self.code.fluent_id()),
            self.attribute.map_or_else(|| "null".to_owned(), string),
            self.isolate,
            string(&self.expected),
        )
    }
}

/// Formats `code` with `args` through the public API, as a server or a Rust UI would: the
/// text, whether the contextual message was used, and the fallbacks.
fn format(
    language: &Language,
    code: AnyCode,
    args: &Args,
) -> Result<(String, bool, Vec<Fallback>), String> {
    fn typed<'l>(language: &'l Language, error: &impl CatalogError) -> (Message<'l>, bool) {
        (language.message(error), error.has_context())
    }
    let parameters: Parameters = args.iter().cloned().collect();
    let (message, has_context) = match code {
        AnyCode::Api(code) => typed(
            language,
            &ApiError::from_parameters(code, &parameters).map_err(|e| e.to_string())?,
        ),
        AnyCode::Validation(code) => typed(
            language,
            &ValidationError::from_parameters(code, &parameters).map_err(|e| e.to_string())?,
        ),
    };
    if message.locale != language.locale() {
        return Err(format!("{code}: fell back to {}", message.locale));
    }
    Ok((message.text.into_owned(), has_context, message.fallbacks))
}

/// Every case, in a deterministic order: locale (the localizer's order), code (page order),
/// the parameter sets in order; then, isolation marks on, each code's typical parameters.
fn cases(plain: &Localizer, isolating: &Localizer) -> Result<Vec<Case>, String> {
    let locales: Vec<LanguageIdentifier> = plain.locales().cloned().collect();
    let mut cases = Vec::new();
    let mut failures = Vec::new();
    for (localizer, isolate) in [(plain, false), (isolating, true)] {
        for locale in &locales {
            let language = localizer.for_languages(std::slice::from_ref(locale));
            for code in AnyCode::all() {
                let params = code.params();
                let sets = if isolate {
                    if params.is_empty() {
                        continue;
                    }
                    vec![params.iter().map(|p| (p.name, typical(p))).collect()]
                } else {
                    parameter_sets(params)
                };
                for args in sets {
                    let (expected, has_context, fallbacks) = format(&language, code, &args)?;
                    if !fallbacks.is_empty() {
                        failures.push(format!("[{locale}] {code} {args:?}: {fallbacks:?}"));
                    }
                    cases.push(Case {
                        locale: locale.to_string(),
                        code,
                        attribute: has_context.then_some("context"),
                        isolate,
                        args,
                        expected,
                    });
                }
            }
        }
    }
    if failures.is_empty() {
        Ok(cases)
    } else {
        Err(failures.join("\n"))
    }
}

/// The `title` the status cases' problems are received with: what an `about:blank` problem of
/// a status without a title (not an error status) keeps.
const RECEIVED_TITLE: &str = "The server's title";

/// The statuses sampled besides [`STATUS_TITLES`]: each class's bounds and a status without a
/// title of its own in each (which take the class's title), and statuses that are no errors.
const OTHER_STATUSES: [u16; 8] = [418, 499, 520, 599, 200, 302, 399, 600];

/// An `about:blank` problem of `status` localized: the title the localizer gives it.
struct StatusCase {
    locale: String,
    status: u16,
    expected: String,
}

impl StatusCase {
    /// One line of the fixture; `id` is the title's Fluent message (`null` for a status that
    /// has none, whose received `title` is kept).
    fn to_json(&self) -> String {
        let string = |s: &str| serde_json::to_string(s).unwrap_or_default();
        format!(
            r#"{{"locale": {}, "status": {}, "id": {}, "attribute": null, "isolate": false, "args": {{}}, "title": {}, "expected": {}}}"#,
            string(&self.locale),
            self.status,
            status_title_id(self.status).map_or_else(|| "null".to_owned(), string),
            string(RECEIVED_TITLE),
            string(&self.expected),
        )
    }
}

/// Every locale's title of every sampled status, as `localize_problem` writes it into a
/// received `about:blank` problem.
fn status_cases(localizer: &Localizer) -> Result<Vec<StatusCase>, String> {
    let mut cases = Vec::new();
    for locale in localizer.locales() {
        let language = localizer.for_languages(std::slice::from_ref(locale));
        for status in STATUS_TITLES.into_iter().chain(OTHER_STATUSES) {
            let mut problem = ProblemDetails::about_blank(status).with_title(RECEIVED_TITLE);
            let fallbacks = language.localize_problem(&mut problem);
            if !fallbacks.is_empty() {
                return Err(format!(
                    "[{locale}] status {status}: fell back ({fallbacks:?})"
                ));
            }
            let title = language.status_title(status);
            if let Some(other) = title.as_ref().filter(|t| t.locale != locale) {
                return Err(format!(
                    "[{locale}] status {status}: the title is {}'s",
                    other.locale
                ));
            }
            let expected = problem.title.unwrap_or_default();
            let given = title.as_ref().map_or(RECEIVED_TITLE, |t| &t.text);
            if given != expected {
                return Err(format!("[{locale}] status {status}: not its status title"));
            }
            cases.push(StatusCase {
                locale: locale.to_string(),
                status,
                expected,
            });
        }
    }
    Ok(cases)
}

/// Received bodies, OMNIA's (with `message`) and Problem Details, each case of how the
/// localizer reads them: by `code`, by the code its `type` documents, or by `status` alone.
pub(crate) const BODIES: [&str; 10] = [
    // By its code, whatever its type says.
    r#"{"type":"about:blank","title":"t","status":404,"detail":"d","code":"EntityNotFound"}"#,
    // No code: the code whose documentation its type is.
    r#"{"type":"https://docs.omnialowcode.com/omnia3_api_errors.html#FileNotFound","title":"t","status":404,"detail":"d"}"#,
    // A validation code's documentation is no problem's code; another page's anchor no code.
    r#"{"type":"https://docs.omnialowcode.com/omnia3_api_errors.html#Duplicated","title":"t","status":400,"detail":"d"}"#,
    r#"{"type":"https://example.com/errors#FileNotFound","title":"t","status":404,"detail":"d"}"#,
    // A code this catalog does not know: kept, not titled by its status.
    r#"{"type":"about:blank","title":"t","status":404,"detail":"d","code":"FromANewerServer"}"#,
    // Its status alone (an absent type is about:blank), its items localized.
    r#"{"title":"t","status":422,"errors":[{"code":"RequiredValue","detail":"x","parameters":{"path":"Name"}}]}"#,
    r#"{"type":"https://docs.omnialowcode.com/omnia3_api_errors.html#ValidationFailed","title":"t","status":400,"detail":"d","code":"ValidationFailed","errors":[{"code":"TextMaxLengthMismatch","name":"Description","detail":"x","parameters":{"maxLength":1000}},{"code":"RequiredValue","detail":"x"},{"code":"FromANewerServer","detail":"kept"},{"code":"TextMaxLengthMismatch","detail":"kept: no maxLength"}]}"#,
    r#"{"type":"about:blank","title":"t","status":400,"detail":"d","code":"ConnectorBehaviourFailed","parameters":{"message":"Disk full"}}"#,
    // OMNIA's body: by its code only.
    r#"{"code":"ValidationFailed","message":"m","errors":[{"code":"TypeMismatch","name":"Lines[2].Quantity","message":"x","parameters":{"value":"abc","type":"Integer","path":"Lines[2].Quantity"}},{"code":"EntityNotFound","message":"kept: not a validation code"}]}"#,
    r#"{"code":"ConnectorBehaviourFailed","message":"m","parameters":{"message":"Disk full"},"status":404,"type":"about:blank"}"#,
];

/// Every locale's re-localization of every body of [`BODIES`], as a client of the Rust crate
/// gets it: `{"locale", "body", "expected"}`, the body as received and as localized.
fn body_cases(localizer: &Localizer) -> Result<Vec<String>, String> {
    let mut lines = Vec::new();
    for locale in localizer.locales() {
        let language = localizer.for_languages(std::slice::from_ref(locale));
        for body in BODIES {
            let value: serde_json::Value = serde_json::from_str(body).map_err(|e| e.to_string())?;
            let written = if value.get("message").is_some() {
                let mut read: omnia_errors::ErrorBody =
                    serde_json::from_value(value.clone()).map_err(|e| format!("{body}: {e}"))?;
                language.localize_body(&mut read);
                serde_json::to_string(&read)
            } else {
                let mut read: ProblemDetails =
                    serde_json::from_value(value.clone()).map_err(|e| format!("{body}: {e}"))?;
                language.localize_problem(&mut read);
                serde_json::to_string(&read)
            }
            .map_err(|e| e.to_string())?;
            lines.push(format!(
                r#"{{"locale": {}, "body": {body}, "expected": {written}}}"#,
                serde_json::to_string(&locale.to_string()).unwrap_or_default(),
            ));
        }
    }
    Ok(lines)
}

#[cfg(test)]
mod tests {
    use super::{NUMBERS, TEXTS};

    /// The values of the runtime crate's differential test, read from its source: this
    /// fixture must cover them all (the JavaScript side is held to what fluent-bundle is).
    #[test]
    fn the_fixture_covers_the_differential_tests_values() {
        let source = include_str!("../../omnia-errors-fluent/tests/differential.rs");
        let list = |name: &str| -> Vec<String> {
            let start = source
                .find(&format!("const {name}:"))
                .unwrap_or_else(|| panic!("differential.rs has no const {name}"));
            let body = &source[start..];
            let open = body.find("= [").expect("an array") + 3;
            let close = body.find("];").expect("an array's end");
            body[open..close]
                .split(",\n")
                .flat_map(|line| line.split(", "))
                .map(|item| item.trim().trim_end_matches(',').to_owned())
                .filter(|item| !item.is_empty())
                .collect()
        };
        for number in list("NUMBERS") {
            let value: u64 = match number.as_str() {
                "u64::MAX" => u64::MAX,
                n => n.replace('_', "").parse().expect("a number"),
            };
            assert!(NUMBERS.contains(&value), "{value} is not sampled here");
        }
        for text in list("TEXTS") {
            let text = text.trim_matches('"').replace("\\\"", "\"");
            assert!(
                TEXTS.contains(&text.as_str()),
                "{text:?} is not sampled here"
            );
        }
    }
}
