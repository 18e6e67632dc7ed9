//! The application's own wording (feature `files`): messages that replace some of the embedded
//! ones, in some locales, without forking the catalog.
//!
//! OMNIA's customers reword messages in their language files; an application gives the same
//! texts here, as Fluent (a text, or a folder of `<tag>/*.ftl`) or as an OMNIA language file
//! (its `ErrorMessage_<Code>` texts), and [`LocalizerBuilder::overrides`] layers them over the
//! localizer's messages: per message and per locale, so that every message not overridden
//! still comes from its own locale, not from en-US.
//!
//! Overrides pass the checks the embedded files pass: ids the catalog has, variables among
//! the code's parameters (the generic message's among its required ones), plural variants for
//! every category of the locale, known terms, no blank text. Two things are allowed that the embedded files
//! may not do: leave a variable unused (an application may drop a number from its wording),
//! and give a message without its `.context` (then its one text serves both). A bad override is
//! an [`OverrideError`] naming the file, line and message; nothing of it is used.
//!
//! [`LocalizerBuilder::overrides`]: crate::LocalizerBuilder::overrides

use std::fmt;
use std::path::Path;

use omnia_errors::AnyCode;
use serde_json::value::RawValue;

use crate::check::{self, Finding, FindingKind, LineIndex, Position, offset_in};
use crate::compile;
use crate::load::LoadError;
use crate::pattern::{Message, Piece};
use crate::source::{LocaleFiles, SourceFile};

/// The prefix of an OMNIA language file's error texts.
const OMNIA_PREFIX: &str = "ErrorMessage_";

/// Messages of the application's own, by locale, to layer over a localizer's
/// ([`LocalizerBuilder::overrides`](crate::LocalizerBuilder::overrides)).
///
/// ```
/// use omnia_errors::ApiError;
/// use omnia_errors_fluent::{Localizer, Overrides};
///
/// let overrides = Overrides::new()
///     .ftl("pl-PL", "app/pl-PL.ftl", "error-EntityNotFound = Nie ma takiego rekordu.\n")?;
/// let localizer = Localizer::builder().overrides(overrides)?.build();
/// let pl = localizer.for_tags(&["pl-PL"]);
/// assert_eq!(pl.message(&ApiError::EntityNotFound).text, "Nie ma takiego rekordu.");
/// // Every other message is still the embedded Polish one.
/// assert_eq!(pl.message(&ApiError::FileNotFound).text, "Nie znaleziono pliku.");
/// # Ok::<(), omnia_errors_fluent::OverrideError>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct Overrides {
    /// By locale: the replacements, by message index, and the file each came from.
    pub(crate) locales: Vec<LocaleOverrides>,
}

/// The overrides of one locale.
#[derive(Clone, Debug)]
pub(crate) struct LocaleOverrides {
    pub(crate) tag: String,
    /// The first file that gave overrides of this locale (for an unknown-locale error).
    pub(crate) file: String,
    /// By message index: the value and `.context` given (`None`: keep the locale's own).
    pub(crate) messages: Vec<(usize, Message)>,
}

impl Overrides {
    /// No overrides yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds the messages of Fluent text in the locale `tag`; `path` names it in errors.
    ///
    /// # Errors
    ///
    /// [`OverrideError::Invalid`] with every finding.
    pub fn ftl(self, tag: &str, path: &str, text: &str) -> Result<Self, OverrideError> {
        let name = Path::new(path)
            .file_name()
            .map_or_else(|| path.to_owned(), |n| n.to_string_lossy().into_owned());
        let file = SourceFile {
            path: path.to_owned(),
            name,
            text: text.to_owned(),
        };
        self.locale_files(&LocaleFiles {
            tag: tag.to_owned(),
            files: vec![file],
        })
    }

    /// Adds the messages of a folder of `<tag>/*.ftl`, as [`read_locales`](crate::read_locales)
    /// reads it: any subset of locales, any subset of messages in each.
    ///
    /// # Errors
    ///
    /// [`OverrideError::Load`] when the folder or a file cannot be read,
    /// [`OverrideError::Invalid`] with every finding.
    pub fn directory(mut self, dir: impl AsRef<Path>) -> Result<Self, OverrideError> {
        let locales = crate::read_locales(dir.as_ref()).map_err(OverrideError::Load)?;
        for locale in &locales {
            self = self.locale_files(locale)?;
        }
        Ok(self)
    }

    /// Adds the error texts (`ErrorMessage_<Code>`) of an OMNIA language file, read from
    /// `path`, in the locale its `culture` names.
    ///
    /// # Errors
    ///
    /// As [`omnia_file`](Self::omnia_file), and [`OverrideError::Load`] when the file cannot
    /// be read (or is larger than [`MAX_FILE_BYTES`](crate::MAX_FILE_BYTES)).
    pub fn omnia_file_at(self, path: impl AsRef<Path>) -> Result<Self, OverrideError> {
        let path = path.as_ref();
        let text = crate::load::read_file(path).map_err(OverrideError::Load)?;
        self.omnia_file(&path.display().to_string(), &text)
    }

    /// Adds the error texts of an OMNIA language file's JSON (`{"culture": "pt-PT", "texts":
    /// [{"name": "ErrorMessage_EntityNotFound", "value": "…"}]}`); `path` names it in errors.
    /// A text's `{placeholders}` are the code's parameters. A text that uses an optional
    /// parameter replaces the contextual message only (the generic one, used when the
    /// parameter is unknown, stays the locale's own); any other replaces both. Texts that are
    /// not a code's (the rest of OMNIA's UI, its client-side `ErrorMessage_` texts) are not
    /// ours, and left alone.
    ///
    /// ```
    /// use omnia_errors::ValidationError;
    /// use omnia_errors_fluent::{Localizer, Overrides};
    ///
    /// let file = r#"{"name": "PTPT", "culture": "pt-PT", "texts": [
    ///     {"name": "ErrorMessage_RequiredValue", "value": "O campo {path} é de preenchimento obrigatório."},
    ///     {"name": "Button_Save", "value": "Gravar"}
    /// ]}"#;
    /// let overrides = Overrides::new().omnia_file("PTPT.json", file)?;
    /// let pt = Localizer::builder().overrides(overrides)?.build().for_tags(&["pt-PT"]);
    /// let error = ValidationError::RequiredValue { path: Some("Nome".into()) };
    /// assert_eq!(pt.message(&error).text, "O campo Nome é de preenchimento obrigatório.");
    /// # Ok::<(), omnia_errors_fluent::OverrideError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`OverrideError::OmniaFile`] when the JSON is not a language file,
    /// [`OverrideError::Invalid`] for a placeholder the code does not have or a blank text
    /// (file, line, code).
    pub fn omnia_file(mut self, path: &str, json: &str) -> Result<Self, OverrideError> {
        let file = OmniaFile::read(path, json)?;
        let lines = LineIndex::new(json);
        let mut findings = Vec::new();
        let mut messages = Vec::new();
        for text in &file.texts {
            let Some(code) = text
                .name
                .strip_prefix(OMNIA_PREFIX)
                .and_then(AnyCode::from_name)
            else {
                continue;
            };
            let position = offset_in(json, text.at).map(|o| lines.position(o));
            match omnia_message(code, &text.value) {
                Ok(message) => messages.push((code.index(), message)),
                Err(kind) => findings.push(Finding {
                    file: path.to_owned(),
                    position,
                    locale: file.culture.clone(),
                    id: Some(text.name.clone()),
                    kind,
                }),
            }
        }
        if !findings.is_empty() {
            return Err(OverrideError::Invalid(findings));
        }
        self.add(&file.culture, path, messages);
        Ok(self)
    }

    /// Checks and compiles one locale's Fluent files.
    fn locale_files(mut self, locale: &LocaleFiles) -> Result<Self, OverrideError> {
        let mut findings = Vec::new();
        let parsed = check::parse_locale(&locale.tag, &locale.files, &mut findings);
        // Against the catalog alone: a source without messages of its own, so that an id the
        // catalog does not have is unexpected.
        let catalog = check::parse_locale(&locale.tag, &[], &mut Vec::new());
        check::check_locale(&parsed, Some(&catalog), false, &mut findings);
        findings.retain(|f| {
            !matches!(
                f.kind,
                FindingKind::UnusedVariable { .. } | FindingKind::MissingAttribute(_)
            )
        });
        if !findings.is_empty() {
            return Err(OverrideError::Invalid(findings));
        }
        let compiled = compile::compile_locale(&locale.tag, &locale.files, None)
            .map_err(OverrideError::Invalid)?;
        let messages = compiled
            .into_iter()
            .enumerate()
            .filter(|(_, m)| m.value.is_some() || m.context.is_some())
            .collect();
        let file = locale.files.first().map_or("", |f| f.path.as_str());
        self.add(&locale.tag, file, messages);
        Ok(self)
    }

    fn add(&mut self, tag: &str, file: &str, messages: Vec<(usize, Message)>) {
        let at = if let Some(at) = self.locales.iter().position(|l| l.tag == tag) {
            at
        } else {
            self.locales.push(LocaleOverrides {
                tag: tag.to_owned(),
                file: file.to_owned(),
                messages: Vec::new(),
            });
            self.locales.len() - 1
        };
        // A later override of the same message wins.
        let locale = &mut self.locales[at];
        for (index, message) in messages {
            locale.messages.retain(|(i, _)| *i != index);
            locale.messages.push((index, message));
        }
    }
}

impl LocaleOverrides {
    /// These overrides applied to the locale's compiled messages.
    pub(crate) fn apply(&self, messages: &[Message]) -> Vec<Message> {
        let mut merged = messages.to_vec();
        for (index, given) in &self.messages {
            let Some(message) = merged.get_mut(*index) else {
                continue;
            };
            if let Some(value) = &given.value {
                // One text for both, unless a context of its own is given.
                if message.context.is_some() {
                    message.context = Some(value.clone());
                }
                message.value = Some(value.clone());
            }
            if let Some(context) = &given.context {
                message.context = Some(context.clone());
            }
        }
        merged
    }
}

/// The compiled message of an OMNIA text: `{name}` placeholders are the code's parameters.
fn omnia_message(code: AnyCode, text: &str) -> Result<Message, FindingKind> {
    let params = code.params();
    let mut pieces = Vec::new();
    let mut optional = false;
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let name_len = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(after.len());
        if name_len == 0 || !after[name_len..].starts_with('}') {
            // Not a placeholder: a brace of the text itself.
            pieces.push(Piece::Text(rest[..=open].to_owned().into()));
            rest = after;
            continue;
        }
        let name = &after[..name_len];
        let Some(index) = params.iter().position(|p| p.name == name) else {
            return Err(FindingKind::UnknownVariable {
                attribute: None,
                variable: name.to_owned(),
                expected: params.iter().map(|p| p.name.to_owned()).collect(),
            });
        };
        optional |= !params[index].required;
        pieces.push(Piece::Text(rest[..open].to_owned().into()));
        pieces.push(Piece::Param {
            index: u8::try_from(index).unwrap_or(u8::MAX),
            isolate: true,
        });
        rest = &after[name_len + 1..];
    }
    pieces.push(Piece::Text(rest.to_owned().into()));
    pieces.retain(|p| !matches!(p, Piece::Text(t) if t.is_empty()));
    if compile::can_be_blank(&pieces) {
        return Err(FindingKind::Blank { attribute: None });
    }
    let pattern = compile::finish(pieces);
    // A text without an optional parameter is the value alone: applied, it serves as the
    // contextual message too (`LocaleOverrides::apply`).
    Ok(if optional {
        Message {
            value: None,
            context: Some(pattern),
        }
    } else {
        Message {
            value: Some(pattern),
            context: None,
        }
    })
}

/// What an override takes of an OMNIA language file.
struct OmniaFile<'a> {
    culture: String,
    texts: Vec<OmniaText<'a>>,
}

struct OmniaText<'a> {
    name: String,
    value: String,
    /// The text's JSON, a slice of the file's: where it is.
    at: &'a str,
}

impl<'a> OmniaFile<'a> {
    /// Reads the file's `culture` and `texts` (field names in any ASCII case, as OMNIA's own
    /// reader takes them; every other field ignored). One pass of `serde_json`, linear in the
    /// file's size; a text's place is its slice of the file.
    fn read(path: &str, json: &'a str) -> Result<Self, OverrideError> {
        let error = |message: String, position: Option<Position>| OverrideError::OmniaFile {
            file: path.to_owned(),
            position,
            message,
        };
        let json_error = |e: serde_json::Error| {
            let position = (e.line() > 0).then(|| Position {
                line: e.line(),
                column: e.column(),
            });
            error(e.to_string(), position)
        };
        // A part of the file read on its own: its errors are placed where the part starts.
        let lines = LineIndex::new(json);
        let place = |part: &RawValue| offset_in(json, part.get()).map(|o| lines.position(o));
        let part_error = |part: &RawValue| {
            let position = place(part);
            move |e: serde_json::Error| error(e.to_string(), position)
        };
        let text = json.strip_prefix('\u{feff}').unwrap_or(json);
        let top: std::collections::BTreeMap<String, &RawValue> =
            serde_json::from_str(text).map_err(json_error)?;
        let field = |name: &str| {
            top.iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(name))
                .map(|(_, v)| *v)
        };
        let culture: String = match field("culture") {
            Some(raw) => serde_json::from_str(raw.get()).map_err(part_error(raw))?,
            None => {
                return Err(error(
                    "no \"culture\": which language are these texts?".into(),
                    None,
                ));
            }
        };
        let raw_texts: Vec<&RawValue> = match field("texts") {
            Some(raw) => serde_json::from_str(raw.get()).map_err(part_error(raw))?,
            None => Vec::new(),
        };
        let mut texts = Vec::with_capacity(raw_texts.len());
        for raw in raw_texts {
            let entry: std::collections::BTreeMap<String, serde_json::Value> =
                serde_json::from_str(raw.get()).map_err(part_error(raw))?;
            let string = |name: &str| {
                entry
                    .iter()
                    .find(|(k, _)| k.eq_ignore_ascii_case(name))
                    .and_then(|(_, v)| v.as_str())
                    .map(str::to_owned)
            };
            let (Some(name), Some(value)) = (string("name"), string("value")) else {
                return Err(error(
                    "a text without a string \"name\" and \"value\"".into(),
                    place(raw),
                ));
            };
            texts.push(OmniaText {
                name,
                value,
                at: raw.get(),
            });
        }
        Ok(Self { culture, texts })
    }
}

/// Why overrides cannot be used. Nothing of a failed override is used.
#[derive(Debug)]
#[non_exhaustive]
pub enum OverrideError {
    /// A folder or file could not be read.
    Load(LoadError),
    /// The overrides have problems: every finding, each naming the file, line, locale and
    /// message.
    Invalid(Vec<Finding>),
    /// An OMNIA language file that is not one (not JSON, no `culture`, a text without `name`
    /// or `value`).
    OmniaFile {
        /// The file at fault.
        file: String,
        /// Where, when known.
        position: Option<Position>,
        /// What is wrong.
        message: String,
    },
    /// Overrides of a locale the localizer does not have.
    UnknownLocale {
        /// The file the overrides came from.
        file: String,
        /// The locale's tag.
        locale: String,
        /// The localizer's locales.
        available: Vec<String>,
    },
}

impl fmt::Display for OverrideError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Load(error) => error.fmt(f),
            Self::Invalid(findings) => check::FindingList(findings).fmt(f),
            Self::OmniaFile {
                file,
                position,
                message,
            } => {
                f.write_str(file)?;
                if let Some(Position { line, column }) = position {
                    write!(f, ":{line}:{column}")?;
                }
                write!(f, ": not an OMNIA language file: {message}")
            }
            Self::UnknownLocale {
                file,
                locale,
                available,
            } => write!(
                f,
                "{file}: overrides messages of {locale}, which the localizer does not have (it has {})",
                available.join(", ")
            ),
        }
    }
}

impl std::error::Error for OverrideError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::Load(error) => Some(error),
            _ => None,
        }
    }
}
