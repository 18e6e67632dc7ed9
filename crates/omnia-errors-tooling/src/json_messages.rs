//! JSON message files: every message of one locale, for user interfaces that do not run
//! Fluent (plain JavaScript, mobile apps).
//!
//! The format is documented on [`JsonMessages`], the public face of this module.

use std::collections::HashMap;
use std::fmt;

use fluent_syntax::ast;
use omnia_errors::{AnyCode, Catalog, ParamKind, ParamSpec};
use serde::ser::{SerializeMap, SerializeStruct};
use serde::{Serialize, Serializer};

use crate::LocaleError;
use crate::flatten::{
    CONTEXT_ATTRIBUTE, CodeMessage, Entries, KeptSelect, ReadLocale, Report, Simplification,
    read_locale,
};
use omnia_errors_fluent::PLURAL_CATEGORIES;

use crate::Locales;

/// The plural category every plural text has: the one a user interface falls back to.
const OTHER: &str = "other";

/// The messages of one locale as a JSON catalog, for user interfaces that do not run Fluent
/// (plain JavaScript, mobile apps); built by [`json_messages`].
///
/// Serializes (with serde, or [`JsonMessages::to_json`]) as an object with `locale`,
/// `source` and `messages`, in this order; `simplifications` are not serialized.
///
/// A catalog lists the codes of both tables in catalog order, keyed by wire name:
///
/// ```json
/// {
///   "locale": "pl-PL",
///   "source": "Generated from locales/pl-PL by cargo xtask docs; do not edit.",
///   "messages": {
///     "EntityNotFound": { "catalog": "api", "status": 404, "message": "Nie znaleziono encji." },
///     "RequiredValue": {
///       "catalog": "validation",
///       "parameters": [{ "name": "path", "type": "text", "required": false }],
///       "message": "Wartość atrybutu jest wymagana.",
///       "context": "Atrybut {path} wymaga podania wartości."
///     },
///     "TextMaxLengthMismatch": {
///       "catalog": "validation",
///       "parameters": [{ "name": "maxLength", "type": "number", "required": true }],
///       "message": {
///         "plural": "maxLength",
///         "one": "Wartość jest za długa. Maksymalna długość to {maxLength} znak.",
///         "few": "…", "many": "…", "other": "…"
///       }
///     }
///   }
/// }
/// ```
///
/// - `status`: the HTTP status, for API codes only. `parameters`: the code's parameters, when it
///   has any; `type` is `number` or `text`.
/// - `message`: the generic message, with the required parameters as `{name}` placeholders.
///   `context`: the `.context` attribute, used when every optional parameter is known too.
///   Documentation notes (`.note`) are not exported.
/// - A text is a string, or, when the Fluent message selects on a number parameter, an object:
///   `plural` names the parameter, and every other key is a variant: a CLDR plural category
///   (`zero`, `one`, `two`, `few`, `many`, `other`) or an exact number. `other` is always there.
///   Text around the selection is copied into every variant.
/// - Numbers stay placeholders: formatting them (`Intl.NumberFormat`) is the interface's job.
///
/// A user interface picks a variant as Fluent does, exact number first:
///
/// ```js
/// function format(text, params, locale) {
///   if (typeof text !== "string") {
///     const n = params[text.plural];
///     text = text[String(n)] ?? text[new Intl.PluralRules(locale).select(n)] ?? text.other;
///   }
///   const numbers = new Intl.NumberFormat(locale);
///   return text.replace(/\{(\w+)\}/g, (_, name) =>
///     typeof params[name] === "number" ? numbers.format(params[name]) : String(params[name]));
/// }
/// ```
///
/// What a catalog cannot express is simplified as in OMNIA language files, and reported in
/// [`JsonMessages::simplifications`] (not in the JSON): only one selection per text is kept,
/// on a number parameter, with plural categories or whole numbers as keys; any other selection
/// gives its default variant, a function its first argument.
///
/// ```
/// use omnia_errors_tooling::{MessageText, Workspace, json_messages};
///
/// let catalog = json_messages(&Workspace::current().locales().unwrap(), "pl-PL")?;
/// assert!(catalog.simplifications.is_empty());
/// let too_long = catalog.message("TextMaxLengthMismatch").unwrap();
/// let MessageText::Plural(plural) = &too_long.message else { panic!("not a plural") };
/// assert_eq!(plural.variable, "maxLength");
/// assert_eq!(
///     plural.variant("few"),
///     Some("Wartość jest za długa. Maksymalna długość to {maxLength} znaki.")
/// );
/// assert!(catalog.to_json().starts_with("{\n  \"locale\": \"pl-PL\",\n"));
/// # Ok::<(), omnia_errors_tooling::JsonMessagesError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct JsonMessages {
    /// The locale's tag (`pl-PL`).
    pub locale: String,
    /// Where the catalog comes from, for whoever opens the file.
    pub source: String,
    /// Every message of the locale, in catalog order ([`AnyCode::all`]); serialized as an
    /// object keyed by wire name. A code the locale has no message for is left out (and
    /// reported).
    #[serde(serialize_with = "serialize_messages")]
    pub messages: Vec<JsonMessage>,
    /// What could not be exported exactly, in catalog order. Not serialized.
    #[serde(skip)]
    pub simplifications: Vec<Simplification>,
}

impl JsonMessages {
    /// The catalog as pretty-printed JSON (two-space indentation), ending with a newline. The
    /// same catalog always gives the same text.
    ///
    /// # Panics
    ///
    /// Never: a catalog holds strings and numbers only, which always serialize.
    pub fn to_json(&self) -> String {
        let mut json = serde_json::to_string_pretty(self)
            .expect("strings and numbers always serialize to a string");
        json.push('\n');
        json
    }

    /// The message of the code with this wire name.
    pub fn message(&self, wire_name: &str) -> Option<&JsonMessage> {
        self.messages.iter().find(|m| m.code.as_str() == wire_name)
    }
}

/// One code's messages in a [`JsonMessages`].
///
/// Serializes as an object with `catalog` (`api` or `validation`), `status` (API codes only),
/// `parameters` (when the code has any), `message` and `context` (when there is one), in this
/// order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonMessage {
    /// The code; its wire name is the message's key, its catalog, status and parameters are
    /// written with the message.
    pub code: AnyCode,
    /// The generic message (the Fluent message's value).
    pub message: MessageText,
    /// The message when every optional parameter is known (its `.context` attribute).
    pub context: Option<MessageText>,
}

/// A text of a [`JsonMessage`]: a string with `{name}` placeholders, or plural variants.
///
/// Serializes as a string, or as a [`PluralText`] object.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum MessageText {
    /// One text for every value.
    Text(String),
    /// A text per plural category (or exact number) of one number parameter.
    Plural(PluralText),
}

/// Texts that depend on the value of one number parameter, picked by the user interface with
/// `Intl.PluralRules`.
///
/// Serializes as an object: `plural` (the parameter's name), then one entry per variant.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PluralText {
    /// The number parameter the text depends on (`maxLength`).
    pub variable: String,
    /// `(key, text)`: exact numbers first, in ascending order, then CLDR plural categories in
    /// their order (`zero`, `one`, `two`, `few`, `many`, `other`); `other` is always last.
    pub variants: Vec<(String, String)>,
}

impl PluralText {
    /// The text of the variant with this key (`one`, `few`, `0`).
    pub fn variant(&self, key: &str) -> Option<&str> {
        self.variants
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, text)| text.as_str())
    }
}

impl Serialize for PluralText {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.variants.len() + 1))?;
        map.serialize_entry("plural", &self.variable)?;
        for (key, text) in &self.variants {
            map.serialize_entry(key, text)?;
        }
        map.end()
    }
}

impl Serialize for JsonMessage {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let status = self.code.http_status();
        let parameters = self.code.params();
        let fields = 2
            + usize::from(status.is_some())
            + usize::from(!parameters.is_empty())
            + usize::from(self.context.is_some());
        let mut object = serializer.serialize_struct("JsonMessage", fields)?;
        object.serialize_field(
            "catalog",
            match self.code.catalog() {
                Catalog::Api => "api",
                Catalog::Validation => "validation",
            },
        )?;
        match status {
            Some(status) => object.serialize_field("status", &status)?,
            None => object.skip_field("status")?,
        }
        if parameters.is_empty() {
            object.skip_field("parameters")?;
        } else {
            let parameters: Vec<Parameter> = parameters.iter().map(Parameter::from).collect();
            object.serialize_field("parameters", &parameters)?;
        }
        object.serialize_field("message", &self.message)?;
        match &self.context {
            Some(context) => object.serialize_field("context", context)?,
            None => object.skip_field("context")?,
        }
        object.end()
    }
}

/// A parameter as a catalog writes it.
#[derive(Serialize)]
struct Parameter {
    name: &'static str,
    #[serde(rename = "type")]
    kind: &'static str,
    required: bool,
}

impl From<&ParamSpec> for Parameter {
    fn from(spec: &ParamSpec) -> Self {
        Self {
            name: spec.name,
            kind: match spec.kind {
                ParamKind::Number => "number",
                ParamKind::Text => "text",
            },
            required: spec.required,
        }
    }
}

fn serialize_messages<S: Serializer>(
    messages: &[JsonMessage],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    let mut map = serializer.serialize_map(Some(messages.len()))?;
    for message in messages {
        map.serialize_entry(message.code.as_str(), message)?;
    }
    map.end()
}

/// Why a message catalog could not be built.
#[derive(Debug)]
#[non_exhaustive]
pub enum JsonMessagesError {
    /// We have no messages for this locale, or its files do not parse.
    Locale(LocaleError),
    /// Two codes of the catalog have the same wire name, so they cannot both be keys of
    /// `messages`.
    DuplicateWireName {
        /// The wire name.
        name: &'static str,
        /// The first code with this name, in catalog order.
        first: AnyCode,
        /// The second.
        second: AnyCode,
    },
}

impl fmt::Display for JsonMessagesError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Locale(error) => error.fmt(f),
            Self::DuplicateWireName {
                name,
                first,
                second,
            } => write!(
                f,
                "the wire name {name:?} names two codes, {first:?} and {second:?}: a message \
                 catalog keys messages by wire name and cannot hold both",
            ),
        }
    }
}

impl std::error::Error for JsonMessagesError {}

impl From<LocaleError> for JsonMessagesError {
    fn from(error: LocaleError) -> Self {
        Self::Locale(error)
    }
}

/// Builds the message catalog of locale `tag` from its Fluent files in `locales` (usually
/// [`Workspace::locales`](crate::Workspace::locales)); see [`JsonMessages`] for the format.
///
/// `tag` is matched as a language tag, as by
/// [`export_language_file`](crate::export_language_file): case and `-` or `_` do not matter,
/// but it must name a locale exactly (`pt` is not `pt-PT`). A message missing from the locale
/// is left out, and reported as a simplification.
///
/// # Errors
///
/// [`JsonMessagesError::Locale`] when no locale has this tag or its files do not parse,
/// [`JsonMessagesError::DuplicateWireName`] when two codes share a wire name.
///
/// ```
/// use omnia_errors_tooling::{JsonMessagesError, LocaleError, MessageText, Workspace, json_messages};
///
/// let catalog = json_messages(&Workspace::current().locales().unwrap(), "en-US")?;
/// let required = catalog.message("RequiredValue").unwrap();
/// assert_eq!(required.message, MessageText::Text("Attribute value is required.".into()));
/// assert_eq!(
///     required.context,
///     Some(MessageText::Text("A value is required for the attribute {path}.".into()))
/// );
///
/// let error = json_messages(&Workspace::current().locales().unwrap(), "ja-JP").unwrap_err();
/// assert!(matches!(error, JsonMessagesError::Locale(LocaleError::Unknown { .. })));
/// # Ok::<(), JsonMessagesError>(())
/// ```
pub fn json_messages(locales: &Locales, tag: &str) -> Result<JsonMessages, JsonMessagesError> {
    if let Some((name, first, second)) = first_duplicate(AnyCode::all().map(|c| (c.as_str(), c))) {
        return Err(JsonMessagesError::DuplicateWireName {
            name,
            first,
            second,
        });
    }
    let ReadLocale { tag, resources, .. } = read_locale(locales, tag)?;
    let entries = Entries::new(&resources);

    let mut report = Report::new(tag);
    let mut messages = Vec::new();
    for message in entries.catalog_messages(&mut report, &|_| "the code is left out".into()) {
        messages.extend(json_message(&entries, &message, &mut report));
    }

    Ok(JsonMessages {
        locale: tag.to_owned(),
        source: format!("Generated from locales/{tag} by cargo xtask docs; do not edit."),
        messages,
        simplifications: report.into_simplifications(),
    })
}

/// A code's messages in the catalog; `None` for a message without a value, which is reported.
fn json_message(
    entries: &Entries<'_>,
    message: &CodeMessage<'_>,
    report: &mut Report<'_>,
) -> Option<JsonMessage> {
    let code = message.code;
    let id = code.fluent_id();
    let Some(value) = message.value else {
        report.simplify(code, id, "the message has no value; the code is left out");
        return None;
    };
    let text = convert(entries, code, id, value, &mut |what| {
        report.simplify(code, id, what);
    });
    let at = format!("{id}.{CONTEXT_ATTRIBUTE}");
    let context = message.context.map(|context| {
        convert(entries, code, &at, context, &mut |what| {
            report.simplify(code, &at, what);
        })
    });
    if context.is_none() && code.params().iter().any(|p| !p.required) {
        let what = "the message has no .context attribute; no context exported";
        report.simplify(code, &at, what);
    }
    Some(JsonMessage {
        code,
        message: text,
        context,
    })
}

/// The first name given twice, with the items of its first two occurrences.
fn first_duplicate<T: Copy>(
    items: impl IntoIterator<Item = (&'static str, T)>,
) -> Option<(&'static str, T, T)> {
    let mut seen = HashMap::new();
    for (name, item) in items {
        if let Some(&first) = seen.get(name) {
            return Some((name, first, item));
        }
        seen.insert(name, item);
    }
    None
}

/// Converts a message's pattern (or an attribute's: `at` is `id.attribute`), keeping whole
/// its first selection on a number parameter of `code`.
fn convert(
    entries: &Entries<'_>,
    code: AnyCode,
    at: &str,
    pattern: &ast::Pattern<&str>,
    simplify: &mut dyn FnMut(String),
) -> MessageText {
    let numbers = crate::flatten::number_params(code);
    let keep = |selector: &ast::InlineExpression<&str>, variants: &[ast::Variant<&str>]| {
        plural_keys(&numbers, selector, variants)
    };
    let (around, kept) = entries.convert_keeping_select(at, pattern, &keep, simplify);
    match kept {
        None => MessageText::Text(around),
        Some(kept) => MessageText::Plural(plural_text(&around, kept, simplify)),
    }
}

/// Whether a selection can be a plural text: `Ok((variable, keys))` when it selects on one of
/// the number parameters `numbers`, and every key is a plural category or a whole number
/// (written without sign or leading zeros, as JavaScript's `String(n)` does).
fn plural_keys(
    numbers: &[&str],
    selector: &ast::InlineExpression<&str>,
    variants: &[ast::Variant<&str>],
) -> Result<(String, Vec<String>), String> {
    let variable = match selector {
        ast::InlineExpression::VariableReference { id } => id.name,
        // NUMBER($n) without options selects exactly as $n does.
        ast::InlineExpression::FunctionReference { id, arguments }
            if id.name == "NUMBER" && arguments.named.is_empty() =>
        {
            match arguments.positional.as_slice() {
                [ast::InlineExpression::VariableReference { id }] => id.name,
                _ => return Err("its selector is not a parameter".to_owned()),
            }
        }
        _ => return Err("its selector is not a parameter".to_owned()),
    };
    if !numbers.contains(&variable) {
        return Err(format!("${variable} is not a number parameter of the code"));
    }
    let keys = variants
        .iter()
        .map(|variant| match &variant.key {
            ast::VariantKey::Identifier { name } if PLURAL_CATEGORIES.contains(name) => {
                Ok((*name).to_owned())
            }
            ast::VariantKey::NumberLiteral { value }
                if value.bytes().all(|b| b.is_ascii_digit()) =>
            {
                value
                    .parse::<u64>()
                    .map(|n| n.to_string())
                    .map_err(|_| format!("its key [{value}] is too large"))
            }
            ast::VariantKey::Identifier { name: key }
            | ast::VariantKey::NumberLiteral { value: key } => Err(format!(
                "its key [{key}] is neither a plural category nor a whole number"
            )),
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok((variable.to_owned(), keys))
}

/// The plural text of a kept selection: the text around it copied into each variant, variants
/// in canonical order, the first of equal keys only (Fluent picks the first that matches), and
/// an `other` variant (the default one's text when the selection has no `[other]`).
fn plural_text(around: &str, kept: KeptSelect, simplify: &mut dyn FnMut(String)) -> PluralText {
    let KeptSelect {
        at,
        variable,
        variants,
        default,
    } = kept;
    let (before, after) = around.split_at(at);
    let default_key = variants[default].0.clone();
    let default_text = format!("{before}{}{after}", variants[default].1);

    let mut seen_category = None;
    let mut texts: Vec<(String, String)> = Vec::with_capacity(variants.len() + 1);
    for (key, text) in variants {
        if texts.iter().any(|(k, _)| *k == key) {
            continue;
        }
        let is_number = key.bytes().all(|b| b.is_ascii_digit());
        match (&seen_category, is_number) {
            (Some(category), true) => simplify(format!(
                "plural variant [{key}] follows [{category}]: Fluent checks variants in order, \
                 a user interface checks exact numbers first"
            )),
            (None, false) => seen_category = Some(key.clone()),
            _ => {}
        }
        texts.push((key, format!("{before}{text}{after}")));
    }
    if texts.iter().all(|(k, _)| k != OTHER) {
        texts.push((OTHER.to_owned(), default_text));
    } else if default_key != OTHER {
        simplify(format!(
            "plural default variant [{default_key}] is not [{OTHER}]: a user interface falls \
             back to [{OTHER}]"
        ));
    }
    texts.sort_by_key(|(key, _)| match key.parse::<u64>() {
        Ok(n) => (0, n),
        Err(_) => (
            1,
            PLURAL_CATEGORIES
                .iter()
                .position(|c| c == key)
                .map_or(u64::MAX, |p| p as u64),
        ),
    });
    PluralText {
        variable,
        variants: texts,
    }
}

#[cfg(test)]
mod tests {
    use super::first_duplicate;

    #[test]
    fn a_duplicate_name_is_found_with_both_items() {
        assert_eq!(first_duplicate([("A", 1), ("B", 2), ("C", 3)]), None);
        assert_eq!(
            first_duplicate([("A", 1), ("B", 2), ("A", 3), ("B", 4)]),
            Some(("A", 1, 3))
        );
    }
}
