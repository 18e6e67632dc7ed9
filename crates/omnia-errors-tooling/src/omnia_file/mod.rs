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

mod compare;
mod export;

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use serde::de::{self, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

use crate::LocaleError;

pub use compare::{Comparison, Difference, compare_language_file};
pub(crate) use export::TYPICAL_NUMBERS;
pub use export::{Export, export_language_file, omnia_text_name};

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

/// Why a language file could not be exported, read or compared.
#[derive(Debug)]
#[non_exhaustive]
pub enum OmniaFileError {
    /// The text is not JSON, or not an OMNIA language file. `serde_json`'s message names the
    /// problem and where it is ([`serde_json::Error::line`], [`serde_json::Error::column`]).
    Json(serde_json::Error),
    /// We have no messages for this culture, or ours do not parse.
    Locale(LocaleError),
}

impl From<LocaleError> for OmniaFileError {
    fn from(error: LocaleError) -> Self {
        Self::Locale(error)
    }
}

impl fmt::Display for OmniaFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Json(error) => write!(f, "not a valid OMNIA language file: {error}"),
            Self::Locale(error) => error.fmt(f),
        }
    }
}

impl std::error::Error for OmniaFileError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::Json(error) => Some(error),
            // Transparent: its text is the locale error's own.
            Self::Locale(error) => error.source(),
        }
    }
}
