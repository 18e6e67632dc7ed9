//! OMNIA language files: the JSON files OMNIA's UI reads its texts from, exported from our
//! Fluent messages and compared with them.
//!
//! A language file looks like this (placeholders in braces, named after the code's parameters):
//!
//! ```json
//! {
//!   "name": "ptPT",
//!   "description": "Portuguese (Portugal)",
//!   "culture": "pt-PT",
//!   "texts": [
//!     { "name": "ErrorMessage_EntityNotFound", "value": "Não foi possível encontrar a entidade." },
//!     { "name": "ErrorMessage_RequiredValue_Context", "value": "O atributo {path} requer um valor." }
//!   ]
//! }
//! ```
//!
//! Each code of the catalog gives one text, `ErrorMessage_<code>`, from its message's value, and
//! a second one, `ErrorMessage_<code>_Context`, from its `.context` attribute when it has one.
//! Documentation notes (`.note`) are not exported. OMNIA's syntax has placeholders and nothing
//! else, so a Fluent construct it cannot express is simplified, and every simplification is
//! reported ([`Simplification`]): a plural selection exports its default variant.
//!
//! ```
//! use omnia_errors_tooling::{Workspace, compare_language_file, export_language_file};
//!
//! let locales = Workspace::current().locale_files().unwrap();
//! let export = export_language_file(&locales, "pl-PL")?;
//! assert_eq!(export.file.name, "plPL");
//! assert_eq!(
//!     export.file.text("ErrorMessage_TextMaxLengthMismatch"),
//!     Some("Wartość jest za długa. Maksymalna długość to {maxLength}.")
//! );
//! assert!(export.simplifications.iter().any(|s| s.to_string()
//!     == "pl-PL validation-TextMaxLengthMismatch: \
//!         plural select on $maxLength exported as its [other] variant"));
//!
//! // What a translator sends back is compared with what we would export.
//! let comparison = compare_language_file(&locales, &export.file.to_json())?;
//! assert!(comparison.is_empty(), "{comparison}");
//! # Ok::<(), omnia_errors_tooling::OmniaFileError>(())
//! ```

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::{self, Write as _};

use fluent_syntax::ast;
use omnia_errors::AnyCode;
use serde::de::{self, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;
use unic_langid::LanguageIdentifier;

use omnia_errors_fluent::Finding;
use omnia_errors_fluent::LocaleFiles;

/// The prefix of every text name this crate exports.
const TEXT_PREFIX: &str = "ErrorMessage_";
/// The suffix of the text exported from a message's `.context` attribute.
const CONTEXT_SUFFIX: &str = "_Context";
/// The Fluent attribute exported as the contextual text.
pub(crate) const CONTEXT_ATTRIBUTE: &str = "context";
/// The Fluent attribute that is documentation only, never exported.
pub(crate) const NOTE_ATTRIBUTE: &str = "note";

/// The `description` of the locales we ship; any other locale is described by its tag.
const LANGUAGE_NAMES: [(&str, &str); 7] = [
    ("en-US", "English (United States)"),
    ("pt-PT", "Portuguese (Portugal)"),
    ("pt-BR", "Portuguese (Brazil)"),
    ("es-ES", "Spanish (Spain)"),
    ("fr-FR", "French (France)"),
    ("de-DE", "German (Germany)"),
    ("pl-PL", "Polish (Poland)"),
];

/// How deep message and term references are inlined before giving up (a cycle, or nonsense).
const MAX_REFERENCE_DEPTH: usize = 8;

/// The plural categories of CLDR: variant keys that make a select a plural selection.
pub(crate) const PLURAL_CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

/// An OMNIA language file: a culture and its texts.
///
/// Reading is tolerant: fields this type does not know, at the top level or in a text, are kept
/// in `extra` and written back; `name` and `description` may be absent (empty); the known field
/// names are matched regardless of ASCII case; a leading byte order mark is skipped. Writing is
/// deterministic: `name`, `description`, `culture`, `texts` in this order, then the extra fields
/// sorted by name, pretty-printed with two-space indentation and a final newline.
///
/// ```
/// use omnia_errors_tooling::{LanguageFile};
///
/// let file = LanguageFile::from_json(
///     r#"{"name": "ptPT", "culture": "pt-PT", "version": 3,
///         "texts": [{"name": "ErrorMessage_EntityNotFound", "value": "Entidade não encontrada."}]}"#,
/// )?;
/// assert_eq!(file.text("ErrorMessage_EntityNotFound"), Some("Entidade não encontrada."));
/// assert_eq!(file.extra["version"], 3);
/// assert!(file.to_json().starts_with("{\n  \"name\": \"ptPT\",\n  \"description\": \"\",\n"));
/// # Ok::<(), omnia_errors_tooling::OmniaFileError>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LanguageFile {
    /// The file's name: the culture without its dashes (`ptPT`).
    pub name: String,
    /// The language's name, for people (`Portuguese (Portugal)`).
    pub description: String,
    /// The culture, a language tag (`pt-PT`).
    pub culture: String,
    /// The texts, in file order.
    pub texts: Vec<Text>,
    /// Top-level fields other than the four above, kept as read. An entry named like one of
    /// the four is not written.
    pub extra: BTreeMap<String, Value>,
}

/// One text of a [`LanguageFile`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Text {
    /// The text's name, e.g. `ErrorMessage_EntityNotFound`.
    pub name: String,
    /// The text, with placeholders in braces (`{maxLength}`).
    pub value: String,
    /// Fields other than `name` and `value`, kept as read. An entry named `name` or `value` is
    /// not written.
    pub extra: BTreeMap<String, Value>,
}

impl Text {
    /// A text without extra fields.
    pub fn new(name: impl Into<String>, value: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            value: value.into(),
            extra: BTreeMap::new(),
        }
    }
}

impl LanguageFile {
    /// Reads a language file from its JSON text.
    ///
    /// # Errors
    ///
    /// [`OmniaFileError::Json`] when the text is not JSON or not a language file (no `culture`,
    /// no `texts`, a text without `name` or `value`, a value of the wrong type); its message
    /// names the problem and its line and column.
    ///
    /// ```
    /// use omnia_errors_tooling::{LanguageFile, OmniaFileError};
    ///
    /// let error = LanguageFile::from_json("{\n  \"culture\": \"pt-PT\",\n  \"texts\": [,]\n}")
    ///     .unwrap_err();
    /// assert!(matches!(&error, OmniaFileError::Json(e) if e.line() == 3));
    /// assert!(error.to_string().contains("line 3 column 13"), "{error}");
    /// ```
    pub fn from_json(json: &str) -> Result<Self, OmniaFileError> {
        let json = json.strip_prefix('\u{feff}').unwrap_or(json);
        serde_json::from_str(json).map_err(OmniaFileError::Json)
    }

    /// The file as pretty-printed JSON, ending with a newline; see [`LanguageFile`] for the
    /// order of the fields.
    ///
    /// # Panics
    ///
    /// Never: the file holds strings and JSON values only, which always serialize.
    pub fn to_json(&self) -> String {
        let mut json = serde_json::to_string_pretty(self)
            .expect("strings and JSON values always serialize to a string");
        json.push('\n');
        json
    }

    /// The value of the first text named `name`.
    pub fn text(&self, name: &str) -> Option<&str> {
        self.texts
            .iter()
            .find(|t| t.name == name)
            .map(|t| t.value.as_str())
    }
}

/// Field names of a [`LanguageFile`], as written.
const FILE_FIELDS: [&str; 4] = ["name", "description", "culture", "texts"];
/// Field names of a [`Text`], as written.
const TEXT_FIELDS: [&str; 2] = ["name", "value"];

impl Serialize for LanguageFile {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("name", &self.name)?;
        map.serialize_entry("description", &self.description)?;
        map.serialize_entry("culture", &self.culture)?;
        map.serialize_entry("texts", &self.texts)?;
        for (key, value) in &self.extra {
            if !FILE_FIELDS.contains(&key.as_str()) {
                map.serialize_entry(key, value)?;
            }
        }
        map.end()
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("name", &self.name)?;
        map.serialize_entry("value", &self.value)?;
        for (key, value) in &self.extra {
            if !TEXT_FIELDS.contains(&key.as_str()) {
                map.serialize_entry(key, value)?;
            }
        }
        map.end()
    }
}

// Deserialized by hand rather than derived with `#[serde(flatten)]` for the extra fields:
// flattening buffers the object first, and errors then point at its end instead of at the
// faulty value.

impl<'de> Deserialize<'de> for LanguageFile {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(FileVisitor)
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(TextVisitor)
    }
}

struct FileVisitor;

impl<'de> Visitor<'de> for FileVisitor {
    type Value = LanguageFile;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an OMNIA language file (an object with \"culture\" and \"texts\")")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<LanguageFile, A::Error> {
        let (mut name, mut description, mut culture, mut texts) = (None, None, None, None);
        let mut extra = BTreeMap::new();
        while let Some(key) = map.next_key::<String>()? {
            match key.to_ascii_lowercase().as_str() {
                "name" => set_once(&mut name, "name", map.next_value()?)?,
                "description" => set_once(&mut description, "description", map.next_value()?)?,
                "culture" => set_once(&mut culture, "culture", map.next_value()?)?,
                "texts" => set_once(&mut texts, "texts", map.next_value()?)?,
                _ => insert_extra(&mut extra, key, map.next_value()?)?,
            }
        }
        Ok(LanguageFile {
            name: name.unwrap_or_default(),
            description: description.unwrap_or_default(),
            culture: culture.ok_or_else(|| de::Error::missing_field("culture"))?,
            texts: texts.ok_or_else(|| de::Error::missing_field("texts"))?,
            extra,
        })
    }
}

struct TextVisitor;

impl<'de> Visitor<'de> for TextVisitor {
    type Value = Text;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a text (an object with \"name\" and \"value\")")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Text, A::Error> {
        let (mut name, mut value) = (None, None);
        let mut extra = BTreeMap::new();
        while let Some(key) = map.next_key::<String>()? {
            match key.to_ascii_lowercase().as_str() {
                "name" => set_once(&mut name, "name", map.next_value()?)?,
                "value" => set_once(&mut value, "value", map.next_value()?)?,
                _ => insert_extra(&mut extra, key, map.next_value()?)?,
            }
        }
        Ok(Text {
            name: name.ok_or_else(|| de::Error::missing_field("name"))?,
            value: value.ok_or_else(|| de::Error::missing_field("value"))?,
            extra,
        })
    }
}

fn set_once<T, E: de::Error>(slot: &mut Option<T>, field: &'static str, value: T) -> Result<(), E> {
    if slot.is_some() {
        return Err(E::duplicate_field(field));
    }
    *slot = Some(value);
    Ok(())
}

fn insert_extra<E: de::Error>(
    extra: &mut BTreeMap<String, Value>,
    key: String,
    value: Value,
) -> Result<(), E> {
    if extra.contains_key(&key) {
        return Err(E::custom(format_args!("duplicate field `{key}`")));
    }
    extra.insert(key, value);
    Ok(())
}

/// Something of a Fluent message that OMNIA's syntax cannot express, and what the export did
/// instead.
///
/// Its `Display` is one line: `pl-PL validation-TextMaxLengthMismatch: plural select on
/// $maxLength exported as its [other] variant`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Simplification {
    /// The locale's tag.
    pub locale: String,
    /// The code whose message was simplified.
    pub code: AnyCode,
    /// The Fluent message id, followed by `.context` when the simplification is in that
    /// attribute (or concerns another attribute, by its name).
    pub id: String,
    /// What was simplified, and how.
    pub what: String,
}

impl fmt::Display for Simplification {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}: {}", self.locale, self.id, self.what)
    }
}

/// The result of [`export_language_file`]: the file, and what had to be simplified to write it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Export {
    /// The language file.
    pub file: LanguageFile,
    /// Every simplification, in catalog order.
    pub simplifications: Vec<Simplification>,
}

/// How an OMNIA language file differs from our export of the same culture.
///
/// Texts are compared with their whitespace normalized (runs of white space are one space,
/// none at either end); nothing else is normalized.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Comparison {
    /// Our locale's tag.
    pub culture: String,
    /// Names we export that the file does not have, in catalog order.
    pub missing_in_file: Vec<String>,
    /// Names in the file that we do not export, in file order: unknown names, or messages
    /// missing from our locale.
    pub missing_in_ours: Vec<String>,
    /// Names in both, with different texts, in catalog order.
    pub differing: Vec<Difference>,
    /// Names that appear more than once in the file, in file order; the first one is compared.
    pub duplicated: Vec<String>,
}

/// A text that differs between our export and a language file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Difference {
    /// The text's name.
    pub name: String,
    /// Our text.
    pub ours: String,
    /// The file's text.
    pub theirs: String,
}

impl Comparison {
    /// Compares `theirs` with `ours`, text by text, by name; the headers (`name`,
    /// `description`, `culture`) and extra fields are not compared.
    ///
    /// ```
    /// use omnia_errors_tooling::{Comparison, LanguageFile, Text};
    ///
    /// let ours = LanguageFile {
    ///     texts: vec![Text::new("A", "One  two."), Text::new("B", "Three.")],
    ///     ..LanguageFile::default()
    /// };
    /// let theirs = LanguageFile {
    ///     texts: vec![Text::new("A", " One two. "), Text::new("C", "Four.")],
    ///     ..LanguageFile::default()
    /// };
    /// let comparison = Comparison::between(&ours, &theirs);
    /// assert_eq!(comparison.missing_in_file, ["B"]);
    /// assert_eq!(comparison.missing_in_ours, ["C"]);
    /// assert!(comparison.differing.is_empty());
    /// ```
    pub fn between(ours: &LanguageFile, theirs: &LanguageFile) -> Self {
        let mut their_texts: HashMap<&str, &str> = HashMap::new();
        let mut duplicated = Vec::new();
        for text in &theirs.texts {
            if their_texts.contains_key(text.name.as_str()) {
                if !duplicated.contains(&text.name) {
                    duplicated.push(text.name.clone());
                }
            } else {
                their_texts.insert(&text.name, &text.value);
            }
        }
        let mut missing_in_file = Vec::new();
        let mut differing = Vec::new();
        for text in &ours.texts {
            match their_texts.get(text.name.as_str()) {
                None => missing_in_file.push(text.name.clone()),
                Some(their_value) => {
                    if normalize_whitespace(&text.value) != normalize_whitespace(their_value) {
                        differing.push(Difference {
                            name: text.name.clone(),
                            ours: text.value.clone(),
                            theirs: (*their_value).to_owned(),
                        });
                    }
                }
            }
        }
        let our_names: BTreeSet<&str> = ours.texts.iter().map(|t| t.name.as_str()).collect();
        let mut missing_in_ours: Vec<String> = Vec::new();
        for text in &theirs.texts {
            if !our_names.contains(text.name.as_str()) && !missing_in_ours.contains(&text.name) {
                missing_in_ours.push(text.name.clone());
            }
        }
        Self {
            culture: ours.culture.clone(),
            missing_in_file,
            missing_in_ours,
            differing,
            duplicated,
        }
    }

    /// Whether the file has exactly our texts (up to whitespace), each once.
    pub fn is_empty(&self) -> bool {
        self.missing_in_file.is_empty()
            && self.missing_in_ours.is_empty()
            && self.differing.is_empty()
            && self.duplicated.is_empty()
    }
}

impl fmt::Display for Comparison {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_empty() {
            return write!(f, "{}: the file has exactly our texts", self.culture);
        }
        write!(f, "{}: the file differs from our texts", self.culture)?;
        for name in &self.missing_in_file {
            write!(f, "\n  {name}: missing in the file")?;
        }
        for name in &self.missing_in_ours {
            write!(f, "\n  {name}: in the file, but not one of our texts")?;
        }
        for name in &self.duplicated {
            write!(f, "\n  {name}: more than once in the file")?;
        }
        for difference in &self.differing {
            write!(
                f,
                "\n  {}: ours {:?}, theirs {:?}",
                difference.name, difference.ours, difference.theirs
            )?;
        }
        Ok(())
    }
}

fn normalize_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Why a language file could not be exported, read or compared.
#[derive(Debug)]
#[non_exhaustive]
pub enum OmniaFileError {
    /// The text is not JSON, or not an OMNIA language file. `serde_json`'s message names the
    /// problem and where it is ([`serde_json::Error::line`], [`serde_json::Error::column`]).
    Json(serde_json::Error),
    /// We have no messages for this culture.
    UnknownCulture {
        /// The culture asked for, as given.
        culture: String,
        /// The locales we have, by tag.
        available: Vec<String>,
    },
    /// Our Fluent files for the culture do not parse: every syntax error.
    Fluent(Vec<Finding>),
}

impl fmt::Display for OmniaFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Json(error) => write!(f, "not a valid OMNIA language file: {error}"),
            Self::UnknownCulture { culture, available } => write!(
                f,
                "no messages for culture {culture:?} (available: {})",
                available.join(", ")
            ),
            Self::Fluent(findings) => {
                write!(f, "{} problem(s) in the Fluent files:", findings.len())?;
                for finding in findings {
                    write!(f, "\n  {finding}")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for OmniaFileError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::Json(error) => Some(error),
            Self::UnknownCulture { .. } | Self::Fluent(_) => None,
        }
    }
}

/// The name of the OMNIA text of a code's message: `ErrorMessage_<code>`, or with `context`
/// `ErrorMessage_<code>_Context` for its `.context` attribute.
///
/// ```
/// use omnia_errors::{AnyCode, ValidationErrorCode};
/// use omnia_errors_tooling::{omnia_text_name};
///
/// let code = AnyCode::Validation(ValidationErrorCode::RequiredValue);
/// assert_eq!(omnia_text_name(code, true), "ErrorMessage_RequiredValue_Context");
/// ```
pub fn omnia_text_name(code: AnyCode, context: bool) -> String {
    let suffix = if context { CONTEXT_SUFFIX } else { "" };
    format!("{TEXT_PREFIX}{}{suffix}", code.as_str())
}

/// Builds the OMNIA language file of `culture` from its Fluent files in `locales` (usually
/// [`Workspace::locale_files`](crate::Workspace::locale_files)), with the list of what had to be simplified.
///
/// `culture` is matched with the locales' tags as a language tag: case and `-` or `_` do not
/// matter (`pt_pt` is `pt-PT`), but it must name the locale exactly (`pt` is not `pt-PT`). A
/// message missing from the locale is not exported, and that is reported as a simplification.
///
/// # Errors
///
/// [`OmniaFileError::UnknownCulture`] when no locale has this tag, [`OmniaFileError::Fluent`]
/// when its files do not parse.
///
/// ```
/// use omnia_errors_tooling::{Workspace, export_language_file};
///
/// let export = export_language_file(&Workspace::current().locale_files().unwrap(), "en-US")?;
/// assert_eq!(export.file.description, "English (United States)");
/// assert_eq!(
///     export.file.text("ErrorMessage_TextMaxLengthMismatch"),
///     Some("Value is too long to the defined length of {maxLength}.")
/// );
/// # Ok::<(), omnia_errors_tooling::OmniaFileError>(())
/// ```
pub fn export_language_file(
    locales: &[LocaleFiles],
    culture: &str,
) -> Result<Export, OmniaFileError> {
    let locale = find_locale(locales, culture).ok_or_else(|| OmniaFileError::UnknownCulture {
        culture: culture.to_owned(),
        available: locales.iter().map(|l| l.tag.clone()).collect(),
    })?;
    let tag = locale.tag.as_str();

    let resources = parse_locale(locale).map_err(OmniaFileError::Fluent)?;
    let entries = Entries::new(&resources);

    let mut texts = Vec::new();
    let mut simplifications = Vec::new();
    for code in AnyCode::all() {
        let id = code.fluent_id();
        let has_optional = code.params().iter().any(|p| !p.required);
        let mut simplify = |at: String, what: String| {
            simplifications.push(Simplification {
                locale: tag.to_owned(),
                code,
                id: at,
                what,
            });
        };
        let Some(message) = entries.messages.get(id) else {
            let mut names = omnia_text_name(code, false);
            if has_optional {
                names = format!("{names} and {}", omnia_text_name(code, true));
            }
            simplify(
                id.to_owned(),
                format!("no such message in this locale; {names} not exported"),
            );
            continue;
        };
        match &message.value {
            Some(pattern) => {
                let value = entries.convert(id, pattern, &mut |what| simplify(id.to_owned(), what));
                texts.push(Text::new(omnia_text_name(code, false), value));
            }
            None => simplify(
                id.to_owned(),
                format!(
                    "the message has no value; {} not exported",
                    omnia_text_name(code, false)
                ),
            ),
        }
        let mut has_context = false;
        for attribute in &message.attributes {
            let at = format!("{id}.{}", attribute.id.name);
            match attribute.id.name {
                CONTEXT_ATTRIBUTE if !has_context => {
                    has_context = true;
                    let value = entries.convert(&at, &attribute.value, &mut |what| {
                        simplify(at.clone(), what);
                    });
                    texts.push(Text::new(omnia_text_name(code, true), value));
                }
                NOTE_ATTRIBUTE => {}
                _ => simplify(at, "attribute not exported".to_owned()),
            }
        }
        if has_optional && !has_context {
            simplify(
                format!("{id}.{CONTEXT_ATTRIBUTE}"),
                format!(
                    "the message has no .context attribute; {} not exported",
                    omnia_text_name(code, true)
                ),
            );
        }
    }

    Ok(Export {
        file: LanguageFile {
            name: tag.replace('-', ""),
            description: LANGUAGE_NAMES
                .iter()
                .find(|(t, _)| *t == tag)
                .map_or(tag, |(_, name)| name)
                .to_owned(),
            culture: tag.to_owned(),
            texts,
            extra: BTreeMap::new(),
        },
        simplifications,
    })
}

/// Reads an OMNIA language file and compares it with our export of its culture (see
/// [`export_language_file`] and [`Comparison::between`]).
///
/// # Errors
///
/// [`OmniaFileError::Json`] when `json` is not a language file,
/// [`OmniaFileError::UnknownCulture`] when we have no locale for its culture,
/// [`OmniaFileError::Fluent`] when our files for it do not parse.
///
/// ```
/// use omnia_errors_tooling::{OmniaFileError, Workspace, compare_language_file};
///
/// let json = r#"{"culture": "ja-JP", "texts": []}"#;
/// let error = compare_language_file(&Workspace::current().locale_files().unwrap(), json).unwrap_err();
/// assert!(matches!(error, OmniaFileError::UnknownCulture { .. }));
/// ```
pub fn compare_language_file(
    locales: &[LocaleFiles],
    json: &str,
) -> Result<Comparison, OmniaFileError> {
    let theirs = LanguageFile::from_json(json)?;
    let ours = export_language_file(locales, &theirs.culture)?;
    Ok(Comparison::between(&ours.file, &theirs))
}

/// The locale whose tag is `culture` as a language tag: case and `-` or `_` do not matter.
pub(crate) fn find_locale<'l>(
    locales: &'l [LocaleFiles],
    culture: &str,
) -> Option<&'l LocaleFiles> {
    let wanted = culture.parse::<LanguageIdentifier>().ok();
    locales.iter().find(|locale| {
        locale.tag.eq_ignore_ascii_case(culture)
            || wanted
                .as_ref()
                .is_some_and(|w| locale.tag.parse::<LanguageIdentifier>().ok().as_ref() == Some(w))
    })
}

/// Parses every file of `locale`; every syntax error when one does not parse.
pub(crate) fn parse_locale(locale: &LocaleFiles) -> Result<Vec<ast::Resource<&str>>, Vec<Finding>> {
    let mut findings = Vec::new();
    let resources = locale
        .files
        .iter()
        .map(
            |file| match fluent_syntax::parser::parse(file.text.as_str()) {
                Ok(resource) => resource,
                Err((resource, errors)) => {
                    findings.extend(Finding::syntax_errors(&locale.tag, file, &errors));
                    resource
                }
            },
        )
        .collect();
    if findings.is_empty() {
        Ok(resources)
    } else {
        Err(findings)
    }
}

/// A locale's messages and terms, by id; the first definition wins, as in a Fluent bundle.
pub(crate) struct Entries<'a> {
    pub(crate) messages: HashMap<&'a str, &'a ast::Message<&'a str>>,
    terms: HashMap<&'a str, &'a ast::Term<&'a str>>,
}

/// The values of a term's arguments while its pattern is converted; `None` outside terms,
/// where a variable is an OMNIA placeholder.
type Scope<'s> = Option<&'s [(&'s str, String)]>;

/// Whether a select (outside terms) is kept whole rather than replaced by its default variant:
/// `Ok((variable, keys))`, the variable it selects on and the key to give each variant, in
/// order; or `Err(why)` not, which the simplification reports.
pub(crate) type KeepSelect<'k> = &'k dyn Fn(
    &ast::InlineExpression<&str>,
    &[ast::Variant<&str>],
) -> Result<(String, Vec<String>), String>;

/// A select kept whole by [`Entries::convert_keeping_select`].
pub(crate) struct KeptSelect {
    /// Where the select was in the converted text (a byte offset): each variant goes there.
    pub(crate) at: usize,
    /// The variable it selects on.
    pub(crate) variable: String,
    /// Each variant's key (as `KeepSelect` gave it) and converted text, in source order.
    pub(crate) variants: Vec<(String, String)>,
    /// The position of the default variant in `variants`.
    pub(crate) default: usize,
}

/// Which select a conversion keeps whole.
enum Keeping<'k> {
    /// None: every select gives its default variant (OMNIA's syntax has no selections).
    Never,
    /// The first one `KeepSelect` accepts.
    First(KeepSelect<'k>),
    /// None more: one on this variable is kept already.
    Done(String),
}

impl<'a> Entries<'a> {
    pub(crate) fn new(resources: &'a [ast::Resource<&'a str>]) -> Self {
        let mut entries = Self {
            messages: HashMap::new(),
            terms: HashMap::new(),
        };
        for resource in resources {
            for entry in &resource.body {
                match entry {
                    ast::Entry::Message(message) => {
                        entries.messages.entry(message.id.name).or_insert(message);
                    }
                    ast::Entry::Term(term) => {
                        entries.terms.entry(term.id.name).or_insert(term);
                    }
                    _ => {}
                }
            }
        }
        entries
    }

    /// Converts the pattern of message `id` (`id.attribute` for an attribute's) to OMNIA's
    /// syntax, reporting each simplification to `simplified`.
    fn convert(
        &self,
        id: &str,
        pattern: &ast::Pattern<&str>,
        simplified: &mut dyn FnMut(String),
    ) -> String {
        let mut converter = Converter {
            entries: self,
            simplified,
            references: vec![id.to_owned()],
            keeping: Keeping::Never,
            kept: None,
        };
        let mut out = String::new();
        converter.pattern(pattern, None, &mut out);
        out
    }

    /// Like [`Entries::convert`], but the first select `keep` accepts is kept whole: the text
    /// around it, and each of its variants converted (where any other select gives its default
    /// variant, as do the selects after it).
    pub(crate) fn convert_keeping_select(
        &self,
        id: &str,
        pattern: &ast::Pattern<&str>,
        keep: KeepSelect<'_>,
        simplified: &mut dyn FnMut(String),
    ) -> (String, Option<KeptSelect>) {
        let mut converter = Converter {
            entries: self,
            simplified,
            references: vec![id.to_owned()],
            keeping: Keeping::First(keep),
            kept: None,
        };
        let mut out = String::new();
        converter.pattern(pattern, None, &mut out);
        (out, converter.kept)
    }
}

struct Converter<'c, 'a> {
    entries: &'c Entries<'a>,
    simplified: &'c mut dyn FnMut(String),
    /// The messages and terms being inlined, innermost last, to stop at a cycle.
    references: Vec<String>,
    /// Which select is kept whole, if any.
    keeping: Keeping<'c>,
    /// The select kept whole.
    kept: Option<KeptSelect>,
}

impl Converter<'_, '_> {
    fn pattern(&mut self, pattern: &ast::Pattern<&str>, scope: Scope<'_>, out: &mut String) {
        for element in &pattern.elements {
            match element {
                ast::PatternElement::TextElement { value } => out.push_str(value),
                ast::PatternElement::Placeable { expression } => {
                    self.expression(expression, scope, out);
                }
            }
        }
    }

    fn expression(
        &mut self,
        expression: &ast::Expression<&str>,
        scope: Scope<'_>,
        out: &mut String,
    ) {
        match expression {
            ast::Expression::Inline(inline) => self.inline(inline, scope, out),
            ast::Expression::Select { selector, variants } => {
                // Inside a term, a selector on one of its arguments picks a variant exactly as
                // Fluent does: nothing is simplified.
                let argument = match (selector, scope) {
                    (ast::InlineExpression::VariableReference { id }, Some(arguments)) => {
                        arguments.iter().find(|(name, _)| *name == id.name)
                    }
                    _ => None,
                };
                let picked = argument.and_then(|(_, value)| {
                    variants.iter().find(|v| variant_key_matches(&v.key, value))
                });
                if let Some(variant) = picked {
                    self.pattern(&variant.value, scope, out);
                    return;
                }
                let Some(default) = variants.iter().find(|v| v.default).or(variants.last()) else {
                    return;
                };
                let plural = variants.iter().all(|v| match &v.key {
                    ast::VariantKey::Identifier { name } => PLURAL_CATEGORIES.contains(name),
                    ast::VariantKey::NumberLiteral { .. } => true,
                });
                let why = match self.keep(selector, variants, scope, out.len()) {
                    Ok(()) => return,
                    Err(why) => why.map(|why| format!(" ({why})")).unwrap_or_default(),
                };
                (self.simplified)(format!(
                    "{} on {} exported as its [{}] variant{why}",
                    if plural { "plural select" } else { "select" },
                    describe(selector),
                    variant_key(&default.key),
                ));
                self.pattern(&default.value, scope, out);
            }
        }
    }

    /// Keeps a select whole if the conversion keeps one and it is that one, else says why not
    /// (nothing when the conversion keeps none).
    fn keep(
        &mut self,
        selector: &ast::InlineExpression<&str>,
        variants: &[ast::Variant<&str>],
        scope: Scope<'_>,
        at: usize,
    ) -> Result<(), Option<String>> {
        let keep = match &self.keeping {
            Keeping::Never => return Err(None),
            Keeping::Done(variable) => {
                return Err(Some(format!(
                    "only one select is kept, and the message selects on ${variable}"
                )));
            }
            Keeping::First(keep) => *keep,
        };
        if scope.is_some() {
            return Err(Some("a select inside a term is not kept".to_owned()));
        }
        let (variable, keys) = keep(selector, variants).map_err(Some)?;
        self.keeping = Keeping::Done(variable.clone());
        let mut converted = Vec::with_capacity(variants.len());
        for (key, variant) in keys.into_iter().zip(variants) {
            let mut text = String::new();
            self.pattern(&variant.value, scope, &mut text);
            converted.push((key, text));
        }
        self.kept = Some(KeptSelect {
            at,
            variable,
            default: variants
                .iter()
                .position(|v| v.default)
                .unwrap_or(variants.len().saturating_sub(1)),
            variants: converted,
        });
        Ok(())
    }

    fn inline(&mut self, inline: &ast::InlineExpression<&str>, scope: Scope<'_>, out: &mut String) {
        match inline {
            ast::InlineExpression::VariableReference { id } => match scope {
                None => {
                    let _ = write!(out, "{{{}}}", id.name);
                }
                Some(arguments) => match arguments.iter().find(|(name, _)| *name == id.name) {
                    Some((_, value)) => out.push_str(value),
                    None => (self.simplified)(format!(
                        "term variable ${} without an argument dropped",
                        id.name
                    )),
                },
            },
            ast::InlineExpression::StringLiteral { value } => {
                let text = fluent_syntax::unicode::unescape_unicode_to_string(value);
                if text.contains(['{', '}']) {
                    (self.simplified)(format!(
                        "string literal {text:?} inlined; OMNIA reads its braces as a placeholder"
                    ));
                }
                out.push_str(&text);
            }
            ast::InlineExpression::NumberLiteral { value } => {
                (self.simplified)(format!("number literal {value} inlined as text"));
                out.push_str(value);
            }
            ast::InlineExpression::FunctionReference { id, arguments } => {
                match arguments.positional.first() {
                    Some(first) => {
                        (self.simplified)(format!(
                            "function {} exported as its first argument",
                            describe(inline)
                        ));
                        self.inline(first, scope, out);
                    }
                    None => (self.simplified)(format!(
                        "function {}() without arguments dropped",
                        id.name
                    )),
                }
            }
            ast::InlineExpression::MessageReference { id, attribute } => {
                let pattern = self
                    .entries
                    .messages
                    .get(id.name)
                    .and_then(|m| match attribute {
                        Some(attribute) => m
                            .attributes
                            .iter()
                            .find(|a| a.id.name == attribute.name)
                            .map(|a| &a.value),
                        None => m.value.as_ref(),
                    });
                self.reference("message", describe(inline), pattern, None, out);
            }
            ast::InlineExpression::TermReference {
                id,
                attribute,
                arguments,
            } => {
                let pattern = self
                    .entries
                    .terms
                    .get(id.name)
                    .and_then(|t| match attribute {
                        Some(attribute) => t
                            .attributes
                            .iter()
                            .find(|a| a.id.name == attribute.name)
                            .map(|a| &a.value),
                        None => Some(&t.value),
                    });
                // Named arguments of a term are literals (Fluent's grammar); positional ones
                // are ignored by Fluent too.
                let values: Vec<(&str, String)> = arguments
                    .iter()
                    .flat_map(|a| &a.named)
                    .map(|named| (named.name.name, literal_text(&named.value)))
                    .collect();
                self.reference(
                    "term",
                    describe(inline),
                    pattern,
                    Some(values.as_slice()),
                    out,
                );
            }
            ast::InlineExpression::Placeable { expression } => {
                self.expression(expression, scope, out);
            }
        }
    }

    fn reference(
        &mut self,
        kind: &str,
        name: String,
        pattern: Option<&ast::Pattern<&str>>,
        scope: Scope<'_>,
        out: &mut String,
    ) {
        let Some(pattern) = pattern else {
            (self.simplified)(format!("reference to unknown {kind} {name} dropped"));
            return;
        };
        if self.references.contains(&name) || self.references.len() >= MAX_REFERENCE_DEPTH {
            (self.simplified)(format!("cyclic reference to {kind} {name} dropped"));
            return;
        }
        (self.simplified)(format!("{kind} {name} inlined"));
        self.references.push(name);
        self.pattern(pattern, scope, out);
        self.references.pop();
    }
}

/// The text of a literal argument; other expressions (not allowed there by Fluent) give none.
fn literal_text(expression: &ast::InlineExpression<&str>) -> String {
    match expression {
        ast::InlineExpression::StringLiteral { value } => {
            fluent_syntax::unicode::unescape_unicode_to_string(value).into_owned()
        }
        ast::InlineExpression::NumberLiteral { value } => (*value).to_owned(),
        _ => String::new(),
    }
}

/// Whether a variant key selects a literal value, as Fluent matches them.
#[expect(
    clippy::float_cmp,
    reason = "Fluent matches number keys by exact value"
)]
fn variant_key_matches(key: &ast::VariantKey<&str>, value: &str) -> bool {
    match key {
        ast::VariantKey::Identifier { name } => *name == value,
        ast::VariantKey::NumberLiteral { value: key } => {
            *key == value
                || matches!((key.parse::<f64>(), value.parse::<f64>()), (Ok(a), Ok(b)) if a == b)
        }
    }
}

fn variant_key<'k>(key: &ast::VariantKey<&'k str>) -> &'k str {
    match key {
        ast::VariantKey::Identifier { name } => name,
        ast::VariantKey::NumberLiteral { value } => value,
    }
}

/// An inline expression as Fluent source, shortened: `$maxLength`, `NUMBER($limit)`,
/// `-brand.gender`, `other-message`.
fn describe(inline: &ast::InlineExpression<&str>) -> String {
    match inline {
        ast::InlineExpression::VariableReference { id } => format!("${}", id.name),
        ast::InlineExpression::StringLiteral { value } => format!("\"{value}\""),
        ast::InlineExpression::NumberLiteral { value } => (*value).to_owned(),
        ast::InlineExpression::FunctionReference { id, arguments } => {
            let arguments: Vec<String> = arguments
                .positional
                .iter()
                .map(describe)
                .chain(
                    arguments
                        .named
                        .iter()
                        .map(|n| format!("{}: {}", n.name.name, describe(&n.value))),
                )
                .collect();
            format!("{}({})", id.name, arguments.join(", "))
        }
        ast::InlineExpression::MessageReference { id, attribute } => match attribute {
            Some(attribute) => format!("{}.{}", id.name, attribute.name),
            None => id.name.to_owned(),
        },
        ast::InlineExpression::TermReference { id, attribute, .. } => match attribute {
            Some(attribute) => format!("-{}.{}", id.name, attribute.name),
            None => format!("-{}", id.name),
        },
        ast::InlineExpression::Placeable { .. } => "a nested placeable".to_owned(),
    }
}
