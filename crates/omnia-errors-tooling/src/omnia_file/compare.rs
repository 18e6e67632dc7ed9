//! How an OMNIA language file differs from our export of its culture.

use std::collections::{BTreeSet, HashMap};
use std::fmt;

use super::{LanguageFile, OmniaFileError, export_language_file};
use crate::Locales;

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

/// Reads an OMNIA language file and compares it with our export of its culture (see
/// [`export_language_file`] and [`Comparison::between`]).
///
/// # Errors
///
/// [`OmniaFileError::Json`] when `json` is not a language file,
/// [`OmniaFileError::Locale`] when we have no locale for its culture or our files for it do not
/// parse.
///
/// ```
/// use omnia_errors_tooling::{LocaleError, OmniaFileError, Workspace, compare_language_file};
///
/// let json = r#"{"culture": "ja-JP", "texts": []}"#;
/// let error = compare_language_file(&Workspace::current().locales().unwrap(), json).unwrap_err();
/// ```
pub fn compare_language_file(locales: &Locales, json: &str) -> Result<Comparison, OmniaFileError> {
    let theirs = LanguageFile::from_json(json)?;
    let ours = export_language_file(locales, &theirs.culture)?;
    Ok(Comparison::between(&ours.file, &theirs))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::omnia_file::Text;

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
