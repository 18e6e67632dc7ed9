//! OMNIA language files: the JSON files OMNIA's UI reads its texts from, exported from our
//! Fluent messages, merged into OMNIA's own files and compared with them.
//!
//! A language file looks like this (OMNIA's layout: one tab of indentation, shown here as four
//! spaces, LF, no byte order mark; placeholders in braces, named after the code's parameters):
//!
//! ```json
//! {
//!     "name": "PTPT",
//!     "description": "Português (Portugal)",
//!     "culture": "pt-PT",
//!     "texts": [
//!         {
//!             "name": "ErrorMessage_RequiredValue",
//!             "value": "É obrigatório indicar um valor para o atributo {path}."
//!         }
//!     ]
//! }
//! ```
//!
//! Each code of the catalog gives one text, `ErrorMessage_<code>`, as OMNIA's own files have
//! it: OMNIA's UI always fills in the placeholders, so a code with optional parameters exports
//! its contextual text (the message's `.context` attribute), with every parameter as a
//! placeholder; any other code exports the message's value. Documentation notes (`.note`) are
//! not exported. Terms (`{ -connector }`) are replaced by their text. OMNIA's syntax has
//! placeholders and nothing else, so a Fluent construct it cannot express is simplified, and
//! every simplification is reported ([`Simplification`]): a plural selection exports the
//! variant Fluent picks for typical numbers (5, 10, 50, 100 and 255) when it picks the same one
//! for all of them, else its default variant.
//!
//! ```
//! use omnia_errors_tooling::{Workspace, compare_language_file, export_language_file};
//!
//! let locales = Workspace::current().locales().unwrap();
//! let export = export_language_file(&locales, "pl-PL")?;
//! assert_eq!(export.file.name, "PLPL");
//! assert_eq!(
//!     export.file.text("ErrorMessage_TextMaxLengthMismatch"),
//!     Some("Wartość jest za długa. Maksymalna długość to {maxLength} znaków.")
//! );
//! assert!(export.simplifications.iter().any(|s| s.to_string()
//!     == "pl-PL validation-TextMaxLengthMismatch: plural select on $maxLength exported as \
//!         its [many] variant, the one Fluent picks for 5, 10, 50, 100 and 255"));
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

use omnia_errors_fluent::{Finding, LocaleFiles, PLURAL_CATEGORIES};

use crate::Locales;

/// The prefix of every text name this crate exports.
const TEXT_PREFIX: &str = "ErrorMessage_";
/// The Fluent attribute exported as the contextual text.
pub(crate) const CONTEXT_ATTRIBUTE: &str = "context";
/// The Fluent attribute that is documentation only, never exported.
pub(crate) const NOTE_ATTRIBUTE: &str = "note";

/// The numbers a plural selection is exported for: typical maximum lengths and collection
/// limits. OMNIA substitutes the number into the text as it is, so the text exported is the one
/// Fluent shows for these.
const TYPICAL_NUMBERS: [u64; 5] = [5, 10, 50, 100, 255];

/// How deep message and term references are inlined before giving up (a cycle, or nonsense).
const MAX_REFERENCE_DEPTH: usize = 8;

/// An OMNIA language file: a culture and its texts.
///
/// Reading is tolerant: fields this type does not know, at the top level or in a text, are kept
/// in `extra` and written back; `name` and `description` may be absent (empty); the known field
/// names are matched regardless of ASCII case; a leading byte order mark is skipped. Writing is
/// deterministic and in OMNIA's layout: `name`, `description`, `culture`, `texts` in this
/// order, then the extra fields sorted by name, indented with one tab, LF line ends, no byte
/// order mark and no final newline (so OMNIA's own files read and written back are unchanged).
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
/// assert!(file.to_json().starts_with("{\n\t\"name\": \"ptPT\",\n\t\"description\": \"\",\n"));
/// # Ok::<(), omnia_errors_tooling::OmniaFileError>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LanguageFile {
    /// The language's unique identifier in OMNIA: the culture in capitals without its dash
    /// (`PTPT`, `ENUS`).
    pub name: String,
    /// The language's own name (`Português (Portugal)`).
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

    /// The file as JSON in OMNIA's layout (see [`LanguageFile`]).
    pub fn to_json(&self) -> String {
        let mut bytes = Vec::new();
        let formatter = serde_json::ser::PrettyFormatter::with_indent(b"\t");
        let mut serializer = serde_json::Serializer::with_formatter(&mut bytes, formatter);
        // Strings and JSON values always serialize, to valid UTF-8; the fallbacks are never
        // taken.
        if self.serialize(&mut serializer).is_err() {
            return String::new();
        }
        String::from_utf8(bytes).unwrap_or_default()
    }

    /// Writes `ours` (our export of the same culture) into this file: a text of ours that the
    /// file has takes our value, wherever it is (every occurrence, when the file repeats it);
    /// one it lacks is appended, in catalog order. Every other text, the order of the texts
    /// and the other fields are kept. Returns the names added and the texts changed (with the
    /// file's old value as `theirs`), in the order of `ours`.
    ///
    /// ```
    /// use omnia_errors_tooling::{LanguageFile, Text};
    ///
    /// let mut file = LanguageFile {
    ///     texts: vec![Text::new("SaveButton", "Gravar"), Text::new("ErrorMessage_A", "Old.")],
    ///     ..LanguageFile::default()
    /// };
    /// let ours = LanguageFile {
    ///     texts: vec![Text::new("ErrorMessage_A", "New."), Text::new("ErrorMessage_B", "B.")],
    ///     ..LanguageFile::default()
    /// };
    /// let (added, changed) = file.merge_texts(&ours);
    /// assert_eq!(added, ["ErrorMessage_B"]);
    /// assert_eq!((changed[0].theirs.as_str(), changed[0].ours.as_str()), ("Old.", "New."));
    /// let names: Vec<&str> = file.texts.iter().map(|t| t.name.as_str()).collect();
    /// assert_eq!(names, ["SaveButton", "ErrorMessage_A", "ErrorMessage_B"]);
    /// ```
    pub fn merge_texts(&mut self, ours: &LanguageFile) -> (Vec<String>, Vec<Difference>) {
        // One pass over the file's texts with an index of ours: linear in the file's size.
        let our_values: HashMap<&str, &str> = ours
            .texts
            .iter()
            .map(|t| (t.name.as_str(), t.value.as_str()))
            .collect();
        let mut old_values: HashMap<&str, String> = HashMap::new();
        for text in &mut self.texts {
            if let Some((name, value)) = our_values.get_key_value(text.name.as_str()) {
                // The first occurrence's old value is the one reported.
                let old = std::mem::replace(&mut text.value, (*value).to_owned());
                old_values.entry(name).or_insert(old);
            }
        }
        let mut added = Vec::new();
        let mut changed = Vec::new();
        for text in &ours.texts {
            match old_values.get(text.name.as_str()) {
                None => {
                    added.push(text.name.clone());
                    self.texts.push(text.clone());
                    old_values.insert(text.name.as_str(), text.value.clone());
                }
                Some(old) if *old != text.value => changed.push(Difference {
                    name: text.name.clone(),
                    ours: text.value.clone(),
                    theirs: old.clone(),
                    placeholders: None,
                }),
                Some(_) => {}
            }
        }
        (added, changed)
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
/// Only our texts (`ErrorMessage_<Code>` of the catalog's codes) are compared; the file's other
/// texts (OMNIA's buttons, calendars, client-side messages) are counted. Texts are compared with
/// their whitespace normalized (runs of white space are one space, none at either end), and
/// their placeholders as sets. `name` and `description` are compared too, but differing headers
/// are reported without making the comparison non-empty: OMNIA's own files disagree on them
/// (`"ptPT"`, `"ESES"`), and a merged file keeps its own. The comparison takes time linear in
/// the size of the file (one pass, hash lookups).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Comparison {
    /// Our locale's tag.
    pub culture: String,
    /// `name` and `description` when they differ from ours: `(field, ours, theirs)`.
    pub headers: Vec<(String, String, String)>,
    /// Names we export that the file does not have, in catalog order.
    pub missing_in_file: Vec<String>,
    /// Names in both, with different texts, in catalog order.
    pub differing: Vec<Difference>,
    /// Our names that appear more than once in the file, in catalog order; the first one is
    /// compared.
    pub duplicated: Vec<String>,
    /// How many texts of the file are not ours (counted once per occurrence).
    pub other_texts: usize,
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
    /// The placeholders, `(ours, theirs)`, sorted, when they differ: OMNIA fills in only the
    /// placeholders it knows, so a difference here loses or garbles information.
    pub placeholders: Option<(Vec<String>, Vec<String>)>,
}

impl Comparison {
    /// Compares `theirs` with `ours`, text by text, by name (see [`Comparison`]).
    ///
    /// ```
    /// use omnia_errors_tooling::{Comparison, LanguageFile, Text};
    ///
    /// let ours = LanguageFile {
    ///     texts: vec![Text::new("A", "One  {x}."), Text::new("B", "Three.")],
    ///     ..LanguageFile::default()
    /// };
    /// let theirs = LanguageFile {
    ///     texts: vec![Text::new("A", " One {y}. "), Text::new("C", "Four.")],
    ///     ..LanguageFile::default()
    /// };
    /// let comparison = Comparison::between(&ours, &theirs);
    /// assert_eq!(comparison.missing_in_file, ["B"]);
    /// assert_eq!(comparison.other_texts, 1);
    /// assert_eq!(
    ///     comparison.differing[0].placeholders,
    ///     Some((vec!["x".to_owned()], vec!["y".to_owned()]))
    /// );
    /// ```
    pub fn between(ours: &LanguageFile, theirs: &LanguageFile) -> Self {
        Self::between_counting(ours, theirs, &mut 0)
    }

    /// [`Comparison::between`], counting in `steps` the texts visited and the lookups made: the
    /// tests prove with it that the work grows linearly with the file.
    fn between_counting(ours: &LanguageFile, theirs: &LanguageFile, steps: &mut usize) -> Self {
        let our_names: HashMap<&str, usize> = ours
            .texts
            .iter()
            .enumerate()
            .map(|(i, t)| (t.name.as_str(), i))
            .collect();
        // For each of our texts: the file's first value and how often the file has it.
        let mut found: Vec<(Option<&str>, usize)> = vec![(None, 0); ours.texts.len()];
        let mut other_texts = 0;
        for text in &theirs.texts {
            *steps += 1;
            match our_names.get(text.name.as_str()) {
                Some(&i) => {
                    let slot = &mut found[i];
                    slot.0.get_or_insert(text.value.as_str());
                    slot.1 += 1;
                }
                None => other_texts += 1,
            }
        }
        let mut comparison = Self {
            culture: ours.culture.clone(),
            other_texts,
            ..Self::default()
        };
        for (field, our_value, their_value) in [
            ("name", &ours.name, &theirs.name),
            ("description", &ours.description, &theirs.description),
        ] {
            if our_value != their_value {
                comparison
                    .headers
                    .push((field.to_owned(), our_value.clone(), their_value.clone()));
            }
        }
        for (text, (their_value, count)) in ours.texts.iter().zip(found) {
            *steps += 1;
            let Some(their_value) = their_value else {
                comparison.missing_in_file.push(text.name.clone());
                continue;
            };
            if count > 1 {
                comparison.duplicated.push(text.name.clone());
            }
            let our_placeholders = placeholders(&text.value);
            let their_placeholders = placeholders(their_value);
            if normalize_whitespace(&text.value) != normalize_whitespace(their_value) {
                comparison.differing.push(Difference {
                    name: text.name.clone(),
                    ours: text.value.clone(),
                    theirs: their_value.to_owned(),
                    placeholders: (our_placeholders != their_placeholders)
                        .then_some((our_placeholders, their_placeholders)),
                });
            }
        }
        comparison
    }

    /// Whether the file has exactly our texts (up to whitespace), each once; its other texts
    /// and its `name` and `description` do not count.
    pub fn is_empty(&self) -> bool {
        self.missing_in_file.is_empty() && self.differing.is_empty() && self.duplicated.is_empty()
    }
}

/// The placeholders of an OMNIA text (`{path}` gives `path`), sorted, each once.
fn placeholders(text: &str) -> Vec<String> {
    let names: BTreeSet<&str> = text
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .collect();
    names.into_iter().map(str::to_owned).collect()
}

impl fmt::Display for Comparison {
    /// Our error messages first, one line each; then the headers; then the file's other texts
    /// as a count.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_empty() {
            write!(
                f,
                "{}: the file has exactly our error messages",
                self.culture
            )?;
        } else {
            write!(
                f,
                "{}: the file's error messages differ from ours",
                self.culture
            )?;
        }
        for name in &self.missing_in_file {
            write!(f, "\n  {name}: missing in the file")?;
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
            if let Some((ours, theirs)) = &difference.placeholders {
                let list = |names: &[String]| {
                    if names.is_empty() {
                        "none".to_owned()
                    } else {
                        names
                            .iter()
                            .map(|n| format!("{{{n}}}"))
                            .collect::<Vec<_>>()
                            .join(" ")
                    }
                };
                write!(
                    f,
                    "\n    placeholders differ: ours {}, theirs {}",
                    list(ours),
                    list(theirs)
                )?;
            }
        }
        for (field, ours, theirs) in &self.headers {
            write!(
                f,
                "\n  {field}: ours {ours:?}, theirs {theirs:?} (not an error message)"
            )?;
        }
        write!(
            f,
            "\n  {} other text(s) in the file, not ours: not compared",
            self.other_texts
        )
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
            Self::Fluent(findings) => omnia_errors_fluent::FindingList(findings).fmt(f),
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

/// The name of the OMNIA text of a code's message: `ErrorMessage_<code>`.
///
/// ```
/// use omnia_errors::{AnyCode, ValidationErrorCode};
/// use omnia_errors_tooling::{omnia_text_name};
///
/// let code = AnyCode::Validation(ValidationErrorCode::RequiredValue);
/// assert_eq!(omnia_text_name(code), "ErrorMessage_RequiredValue");
/// ```
pub fn omnia_text_name(code: AnyCode) -> String {
    format!("{TEXT_PREFIX}{}", code.as_str())
}

/// Builds the OMNIA language file of `culture` from its Fluent files in `locales` (usually
/// [`Workspace::locales`](crate::Workspace::locales)), with the list of what had to be simplified.
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
/// let export = export_language_file(&Workspace::current().locales().unwrap(), "en-US")?;
/// assert_eq!((export.file.name.as_str(), export.file.description.as_str()), ("ENUS", "English (US)"));
/// // OMNIA fills in every placeholder, so the contextual text is the one exported.
/// assert_eq!(
///     export.file.text("ErrorMessage_RequiredValue"),
///     Some("A value is required for the attribute {path}.")
/// );
/// # Ok::<(), omnia_errors_tooling::OmniaFileError>(())
/// ```
pub fn export_language_file(locales: &Locales, culture: &str) -> Result<Export, OmniaFileError> {
    let (declared, locale) =
        locales
            .find(culture)
            .ok_or_else(|| OmniaFileError::UnknownCulture {
                culture: culture.to_owned(),
                available: locales.tags().map(str::to_owned).collect(),
            })?;
    let tag = locale.tag.as_str();

    let resources = parse_locale(locale).map_err(OmniaFileError::Fluent)?;
    let entries = Entries::new(&resources);
    // The plural category Fluent gives each typical number in this locale.
    let typical: Vec<(u64, &'static str)> = TYPICAL_NUMBERS
        .iter()
        .map(|&n| (n, omnia_errors_fluent::integer_plural_category(tag, n)))
        .collect();

    let mut texts = Vec::new();
    let mut simplifications = Vec::new();
    for code in AnyCode::all() {
        let id = code.fluent_id();
        let name = omnia_text_name(code);
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
            simplify(
                id.to_owned(),
                format!("no such message in this locale; {name} not exported"),
            );
            continue;
        };
        let context = message
            .attributes
            .iter()
            .find(|a| a.id.name == CONTEXT_ATTRIBUTE);
        for attribute in &message.attributes {
            if ![CONTEXT_ATTRIBUTE, NOTE_ATTRIBUTE].contains(&attribute.id.name) {
                simplify(
                    format!("{id}.{}", attribute.id.name),
                    "attribute not exported".to_owned(),
                );
            }
        }
        // OMNIA always fills in the placeholders: the contextual text is the one to show.
        let (at, pattern) = match (has_optional, context, &message.value) {
            (true, Some(context), _) => (format!("{id}.{CONTEXT_ATTRIBUTE}"), &context.value),
            (true, None, Some(value)) => {
                simplify(
                    format!("{id}.{CONTEXT_ATTRIBUTE}"),
                    format!(
                        "the message has no .context attribute; {name} exported from its value, \
                         without the code's optional placeholders"
                    ),
                );
                (id.to_owned(), value)
            }
            (false, _, Some(value)) => (id.to_owned(), value),
            (_, _, None) => {
                simplify(
                    id.to_owned(),
                    format!("the message has no value; {name} not exported"),
                );
                continue;
            }
        };
        let value = entries.convert_for_omnia(&at, pattern, &typical, &mut |what| {
            simplify(at.clone(), what);
        });
        texts.push(Text::new(name, value));
    }

    Ok(Export {
        file: LanguageFile {
            name: declared.omnia_name.clone(),
            description: declared.native_name.clone(),
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
/// let error = compare_language_file(&Workspace::current().locales().unwrap(), json).unwrap_err();
/// assert!(matches!(error, OmniaFileError::UnknownCulture { .. }));
/// ```
pub fn compare_language_file(locales: &Locales, json: &str) -> Result<Comparison, OmniaFileError> {
    let theirs = LanguageFile::from_json(json)?;
    let ours = export_language_file(locales, &theirs.culture)?;
    Ok(Comparison::between(&ours.file, &theirs))
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
    /// syntax, reporting each simplification to `simplified`. A plural selection gives the
    /// variant Fluent picks for every number of `typical` (with its plural category) when that
    /// is one variant, else its default variant.
    fn convert_for_omnia(
        &self,
        id: &str,
        pattern: &ast::Pattern<&str>,
        typical: &[(u64, &'static str)],
        simplified: &mut dyn FnMut(String),
    ) -> String {
        let mut converter = Converter {
            entries: self,
            simplified,
            references: vec![id.to_owned()],
            keeping: Keeping::Never,
            kept: None,
            typical,
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
            typical: &[],
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
    /// Typical numbers with their plural category: a plural selection outside terms gives the
    /// variant Fluent picks for all of them, when it is one (empty: always the default).
    typical: &'c [(u64, &'static str)],
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
                if plural
                    && scope.is_none()
                    && let Some((index, key)) = self.typical_variant(variants)
                {
                    let numbers: Vec<String> =
                        self.typical.iter().map(|(n, _)| n.to_string()).collect();
                    let numbers = match numbers.split_last() {
                        Some((last, rest)) if !rest.is_empty() => {
                            format!("{} and {last}", rest.join(", "))
                        }
                        _ => numbers.join(""),
                    };
                    (self.simplified)(format!(
                        "plural select on {} exported as its [{key}] variant, the one Fluent picks for {numbers}",
                        describe(selector),
                    ));
                    self.pattern(&variants[index].value, scope, out);
                    return;
                }
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

    /// The variant (its position and key) a plural selection gives for every typical number,
    /// as Fluent picks it: the first variant whose key is the number or its plural category,
    /// else the default. `None` when the numbers do not all pick the same one, or there are none.
    fn typical_variant<'v>(
        &self,
        variants: &'v [ast::Variant<&'v str>],
    ) -> Option<(usize, &'v str)> {
        let default = variants
            .iter()
            .position(|v| v.default)
            .or(variants.len().checked_sub(1))?;
        let mut picked = None;
        for (n, category) in self.typical {
            let value = n.to_string();
            let index = variants
                .iter()
                .position(|v| match v.key {
                    ast::VariantKey::NumberLiteral { .. } => variant_key_matches(&v.key, &value),
                    ast::VariantKey::Identifier { name } => name == *category,
                })
                .unwrap_or(default);
            match picked {
                None => picked = Some(index),
                Some(p) if p == index => {}
                Some(_) => return None,
            }
        }
        picked.map(|i| (i, variant_key(&variants[i].key)))
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
                self.reference("message", describe(inline), pattern, None, true, out);
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
                // A plain term (`{ -connector }` of `-connector = Connector`: text only, no
                // attribute, no arguments) is product vocabulary: its text is exactly what
                // Fluent shows, so inlining it simplifies nothing and is not reported.
                let plain = attribute.is_none()
                    && arguments.is_none()
                    && pattern.is_some_and(|p| {
                        p.elements
                            .iter()
                            .all(|e| matches!(e, ast::PatternElement::TextElement { .. }))
                    });
                self.reference(
                    "term",
                    describe(inline),
                    pattern,
                    Some(values.as_slice()),
                    !plain,
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
        report: bool,
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
        if report {
            (self.simplified)(format!("{kind} {name} inlined"));
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A file with our texts and `others` texts that are not ours.
    fn file_with(ours: &LanguageFile, others: usize) -> LanguageFile {
        let mut file = ours.clone();
        file.texts
            .extend((0..others).map(|i| Text::new(format!("Other_{i}"), format!("Text {i}."))));
        file
    }

    /// Linear by counting: the work of a comparison is one step per text of the file and one
    /// per text of ours, so quadrupling the file quadruples the work on it, exactly.
    #[test]
    fn the_comparison_is_linear_in_the_file() {
        let locales = crate::Workspace::current().locales().unwrap();
        let ours = export_language_file(&locales, "pt-PT").unwrap().file;
        let steps = |others: usize| {
            let mut steps = 0;
            let comparison =
                Comparison::between_counting(&ours, &file_with(&ours, others), &mut steps);
            assert!(comparison.is_empty());
            assert_eq!(comparison.other_texts, others);
            steps
        };
        let base = steps(0);
        assert_eq!(base, 2 * ours.texts.len());
        assert_eq!(steps(25_000) - base, 25_000);
        assert_eq!(steps(100_000) - base, 4 * (steps(25_000) - base));
    }

    /// Linear by sizes: a million texts are compared and merged (once, the test would catch a
    /// quadratic pass by never finishing).
    #[test]
    fn a_million_texts_are_compared_and_merged() {
        let locales = crate::Workspace::current().locales().unwrap();
        let ours = export_language_file(&locales, "pt-PT").unwrap().file;
        let mut theirs = file_with(&ours, 1_000_000);
        theirs
            .texts
            .retain(|t| t.name != "ErrorMessage_EntityNotFound");
        let comparison = Comparison::between(&ours, &theirs);
        assert_eq!(comparison.missing_in_file, ["ErrorMessage_EntityNotFound"]);
        assert_eq!(comparison.other_texts, 1_000_000);
        let (added, changed) = theirs.merge_texts(&ours);
        assert_eq!((added.len(), changed.len()), (1, 0));
        assert_eq!(theirs.texts.len(), 1_000_000 + ours.texts.len());
    }
}
