//! Our messages of one locale as an OMNIA language file.

use std::collections::BTreeMap;

use omnia_errors::AnyCode;

use super::{LanguageFile, OmniaFileError, Text};
use crate::Locales;
use crate::flatten::{
    CONTEXT_ATTRIBUTE, CodeMessage, Entries, ReadLocale, Report, Simplification, read_locale,
};

/// The prefix of every text name this crate exports.
const TEXT_PREFIX: &str = "ErrorMessage_";

/// The numbers a plural selection is exported for: typical maximum lengths and collection
/// limits. OMNIA substitutes the number into the text as it is, so the text exported is the one
/// Fluent shows for these.
pub(crate) const TYPICAL_NUMBERS: [u64; 5] = [5, 10, 50, 100, 255];

/// The result of [`export_language_file`]: the file, and what had to be simplified to write it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Export {
    /// The language file.
    pub file: LanguageFile,
    /// Every simplification, in catalog order.
    pub simplifications: Vec<Simplification>,
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
/// [`OmniaFileError::Locale`] when no locale has this tag
/// ([`LocaleError::Unknown`](crate::LocaleError::Unknown)) or its files do not parse
/// ([`LocaleError::Fluent`](crate::LocaleError::Fluent)).
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
    let ReadLocale {
        declared,
        tag,
        resources,
    } = read_locale(locales, culture)?;
    let entries = Entries::new(&resources);
    // The plural category Fluent gives each typical number in this locale.
    let typical: Vec<(u64, &'static str)> = TYPICAL_NUMBERS
        .iter()
        .map(|&n| (n, omnia_errors_fluent::integer_plural_category(tag, n)))
        .collect();

    let mut report = Report::new(tag);
    let left_out = |code| format!("{} not exported", omnia_text_name(code));
    let mut texts = Vec::new();
    for message in entries.catalog_messages(&mut report, &left_out) {
        texts.extend(omnia_text(&entries, &message, &typical, &mut report));
    }

    Ok(Export {
        file: LanguageFile {
            name: declared.omnia_name.clone(),
            description: declared.native_name.clone(),
            culture: tag.to_owned(),
            texts,
            extra: BTreeMap::new(),
        },
        simplifications: report.into_simplifications(),
    })
}

/// The OMNIA text of a code's message: OMNIA always fills in the placeholders, so the
/// contextual text is the one to show, for a code with optional parameters; `None` for a
/// message without a value, which is reported.
fn omnia_text(
    entries: &Entries<'_>,
    message: &CodeMessage<'_>,
    typical: &[(u64, &'static str)],
    report: &mut Report<'_>,
) -> Option<Text> {
    let code = message.code;
    let id = code.fluent_id();
    let name = omnia_text_name(code);
    let has_optional = code.params().iter().any(|p| !p.required);
    let context_at = format!("{id}.{CONTEXT_ATTRIBUTE}");
    let (at, pattern) = match (has_optional, message.context, message.value) {
        (true, Some(context), _) => (context_at, context),
        (true, None, Some(value)) => {
            report.simplify(
                code,
                &context_at,
                format!(
                    "the message has no .context attribute; {name} exported from its value, \
                     without the code's optional placeholders"
                ),
            );
            (id.to_owned(), value)
        }
        (false, _, Some(value)) => (id.to_owned(), value),
        (_, _, None) => {
            let what = format!("the message has no value; {name} not exported");
            report.simplify(code, id, what);
            return None;
        }
    };
    let value = entries.convert_for_omnia(&at, pattern, typical, &mut |what| {
        report.simplify(code, &at, what);
    });
    Some(Text::new(name, value))
}
