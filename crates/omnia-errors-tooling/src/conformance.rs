//! The conformance fixture the JavaScript test reads (`js/test/formatted.json`): every message
//! of every locale of a localizer (the generic message, and the `.context` variant of codes with
//! optional parameters) formatted with sample parameters derived from the catalog, one case a
//! line. `js/test/conformance.test.mjs` formats the same cases with `@fluent/bundle` and expects
//! the same texts, so Rust and JavaScript UIs provably agree (numbers included: ICU4X here,
//! `Intl.NumberFormat` there, both from CLDR). `cargo xtask docs` writes it; `--check` and
//! `cargo test` catch it stale.

use std::fmt::Write as _;

use omnia_errors::{
    AnyCode, ApiError, CatalogError, ParamKind, ParamSpec, ParamValue, Parameters, ValidationError,
};
use omnia_errors_fluent::{Fallback, Language, Localizer, Message};
use unic_langid::LanguageIdentifier;

/// The fixture: a JSON array, one case a line, in a deterministic order.
///
/// # Errors
///
/// A message that falls back to another locale or reports a problem, named.
pub fn conformance_fixture(localizer: &Localizer) -> Result<String, String> {
    let lines: Vec<String> = cases(localizer)?.iter().map(Case::to_json).collect();
    Ok(format!("[\n{}\n]\n", lines.join(",\n")))
}

/// Number samples: every plural category of the shipped locales (Polish one/few/many, the
/// Portuguese and French `0` that is "one"), and numbers with and without grouping (Polish,
/// Spanish and European Portuguese do not group four digits; French groups with U+202F).
const NUMBERS: [u64; 9] = [0, 1, 2, 5, 12, 22, 1000, 12_345, 1_000_000];

/// A text that must come out untouched: non-ASCII, quotes, Fluent syntax, an emoji.
const TRICKY_TEXT: &str = "Ação «ü» \"q\" { $x } 🦀";

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
        ParamKind::Text => vec![typical_text(spec.name).into(), TRICKY_TEXT.into()],
    }
}

type Args = Vec<(&'static str, ParamValue)>;

/// Every combination of the samples of `specs`, in declaration order.
fn combinations<'s>(specs: impl IntoIterator<Item = &'s ParamSpec>) -> Vec<Args> {
    let mut all = vec![Vec::new()];
    for spec in specs {
        all = all
            .into_iter()
            .flat_map(|prefix: Args| {
                samples(spec).into_iter().map(move |value| {
                    let mut args = prefix.clone();
                    args.push((spec.name, value));
                    args
                })
            })
            .collect();
    }
    all
}

/// One formatted message: what the fixture records.
struct Case {
    locale: String,
    id: &'static str,
    attribute: Option<&'static str>,
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
                ParamValue::Unsigned(n) => n.to_string(),
                ParamValue::Text(s) => string(s),
                // The samples are numbers and texts only.
                other => string(other.json_type()),
            };
            let separator = if i == 0 { "" } else { ", " };
            let _ = write!(args, "{separator}{}: {value}", string(name));
        }
        args.push('}');
        format!(
            r#"{{"locale": {}, "id": {}, "attribute": {}, "args": {args}, "expected": {}}}"#,
            string(&self.locale),
            string(self.id),
            self.attribute.map_or_else(|| "null".to_owned(), string),
            string(&self.expected),
        )
    }
}

/// Formats `code` with `args` through the public API, as a server or a Rust UI would: the
/// text, whether the contextual variant was chosen, and the fallbacks.
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
/// generic before contextual, then the samples in order.
fn cases(localizer: &Localizer) -> Result<Vec<Case>, String> {
    let locales: Vec<LanguageIdentifier> = localizer.locales().cloned().collect();

    let mut cases = Vec::new();
    let mut failures = Vec::new();
    for locale in &locales {
        let language = localizer.for_languages(std::slice::from_ref(locale));
        for code in AnyCode::all() {
            let params = code.params();
            let has_optional = params.iter().any(|p| !p.required);
            let generic = combinations(params.iter().filter(|p| p.required));
            let contextual = if has_optional {
                combinations(params)
            } else {
                Vec::new()
            };
            let variants = generic
                .into_iter()
                .map(|args| (None, args))
                .chain(contextual.into_iter().map(|args| (Some("context"), args)));
            for (attribute, args) in variants {
                let (expected, has_context, fallbacks) = format(&language, code, &args)?;
                if has_context != attribute.is_some() || !fallbacks.is_empty() {
                    failures.push(format!(
                        "[{locale}] {code} {attribute:?} {args:?}: context {has_context}, {fallbacks:?}"
                    ));
                }
                cases.push(Case {
                    locale: locale.to_string(),
                    id: code.fluent_id(),
                    attribute,
                    args,
                    expected,
                });
            }
        }
    }
    if failures.is_empty() {
        Ok(cases)
    } else {
        Err(failures.join("\n"))
    }
}
