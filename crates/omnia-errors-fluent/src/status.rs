//! The localized titles of HTTP error statuses, for errors that no catalog code fits: an
//! unknown route's 404, a wrong method's 405, a proxy's 502. An API answers those as RFC 9457
//! `about:blank` problems, whose `title` is the status's reason phrase (RFC 9457, 4.2.1), and
//! the reason phrase may be localized.
//!
//! Their messages live beside the codes' in `locales/<tag>/errors.ftl` (`http-404 = Not Found`),
//! are checked like them (every locale has every id of [`STATUS_TITLES`], with no variables) and
//! compiled with them: in a locale's compiled messages, the codes come first
//! ([`AnyCode::index`](omnia_errors::AnyCode::index)), then these, in this order.

#[cfg(feature = "files")]
use omnia_errors::{AnyCode, ParamSpec};

/// The statuses with a title of their own: the 4xx and 5xx statuses of RFC 9110, RFC 6585
/// (428, 429, 431, 511) and RFC 7725 (451). Any other status from 400 to 599 gets its class's
/// title ([`CLIENT_ERROR`] or [`SERVER_ERROR`]).
pub const STATUS_TITLES: [u16; 32] = [
    400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414, 415, 416, 417, 421,
    422, 426, 428, 429, 431, 451, 500, 501, 502, 503, 504, 505, 511,
];

/// The Fluent id of the title of a 4xx status without one of its own ("Client Error").
pub const CLIENT_ERROR: &str = "http-4xx";
/// The Fluent id of the title of a 5xx status without one of its own ("Server Error").
pub const SERVER_ERROR: &str = "http-5xx";

/// The Fluent ids of [`STATUS_TITLES`], in order, then the two class titles.
pub(crate) const IDS: [&str; STATUS_TITLES.len() + 2] = [
    "http-400",
    "http-401",
    "http-402",
    "http-403",
    "http-404",
    "http-405",
    "http-406",
    "http-407",
    "http-408",
    "http-409",
    "http-410",
    "http-411",
    "http-412",
    "http-413",
    "http-414",
    "http-415",
    "http-416",
    "http-417",
    "http-421",
    "http-422",
    "http-426",
    "http-428",
    "http-429",
    "http-431",
    "http-451",
    "http-500",
    "http-501",
    "http-502",
    "http-503",
    "http-504",
    "http-505",
    "http-511",
    CLIENT_ERROR,
    SERVER_ERROR,
];

/// The Fluent id of the title of an error status (400 to 599): its own, else its class's.
///
/// ```
/// use omnia_errors_fluent::status_title_id;
///
/// assert_eq!(status_title_id(404), Some("http-404"));
/// assert_eq!(status_title_id(418), Some("http-4xx"));
/// assert_eq!(status_title_id(599), Some("http-5xx"));
/// assert_eq!(status_title_id(302), None);
/// ```
pub fn status_title_id(status: u16) -> Option<&'static str> {
    slot(status).map(|slot| IDS[slot])
}

/// The position of a status's title among the titles.
pub(crate) fn slot(status: u16) -> Option<usize> {
    if !(400..=599).contains(&status) {
        return None;
    }
    Some(match STATUS_TITLES.iter().position(|&s| s == status) {
        Some(slot) => slot,
        // A status without a title of its own takes its class's title.
        None if status / 100 == 4 => STATUS_TITLES.len(),
        None => STATUS_TITLES.len() + 1,
    })
}

/// Every message a locale compiles, in the order of its compiled messages: each code's
/// (`error-…`, `validation-…`, with the code's parameters), then each status title's (no
/// parameters).
#[cfg(feature = "files")]
pub(crate) fn message_ids() -> impl Iterator<Item = (&'static str, &'static [ParamSpec])> {
    AnyCode::all()
        .map(|code| (code.fluent_id(), code.params()))
        .chain(IDS.iter().map(|&id| (id, &[][..])))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_title_has_its_id() {
        for (status, id) in STATUS_TITLES.iter().zip(IDS) {
            assert_eq!(id, format!("http-{status}"));
            assert_eq!(status_title_id(*status), Some(id));
        }
        assert_eq!(status_title_id(399), None);
        assert_eq!(status_title_id(400), Some("http-400"));
        assert_eq!(status_title_id(499), Some(CLIENT_ERROR));
        assert_eq!(status_title_id(500), Some("http-500"));
        assert_eq!(status_title_id(599), Some(SERVER_ERROR));
        assert_eq!(status_title_id(600), None);
        #[cfg(feature = "files")]
        assert_eq!(message_ids().count(), AnyCode::COUNT + IDS.len());
    }

    #[test]
    fn every_locale_titles_every_status_in_its_own_words() {
        let localizer = crate::Localizer::embedded();
        let en = localizer.source();
        for locale in crate::LOCALES.iter().skip(1) {
            let language = localizer.for_tags(&[locale.tag]);
            for status in STATUS_TITLES.into_iter().chain([499, 599]) {
                let (title, english) = (language.status_title(status), en.status_title(status));
                let (Some(title), Some(english)) = (title, english) else {
                    panic!("{status} has no title");
                };
                assert_eq!(title.locale.to_string(), locale.tag, "{status}");
                assert_ne!(title.text, english.text, "{} {status}", locale.tag);
            }
        }
    }

    #[cfg(all(feature = "files", feature = "embedded"))]
    #[test]
    fn the_checks_know_the_status_titles() {
        use crate::{FindingKind, LocaleFiles, SourceFile};

        let file = |tag: &str, text: &str| LocaleFiles {
            tag: tag.into(),
            files: vec![SourceFile {
                path: format!("locales/{tag}/errors.ftl"),
                name: "errors.ftl".into(),
                text: text.into(),
            }],
        };
        let findings = crate::check_locales(
            &[
                file("en-US", "http-404 = Not Found\n"),
                file("pl-PL", "http-405 = Metoda { $method } niedozwolona\n"),
            ],
            crate::LOCALES,
            false,
        );
        let about = |id: &str| -> Vec<&FindingKind> {
            findings
                .iter()
                .filter(|f| f.id.as_deref() == Some(id))
                .map(|f| &f.kind)
                .collect()
        };
        // The source must have every title; a title takes no variables.
        assert_eq!(about("http-405")[0], &FindingKind::Missing);
        assert!(about("http-405").iter().any(|k| matches!(
            k,
            FindingKind::UnknownVariable { variable, .. } if variable == "method"
        )));
        assert!(about("http-404").is_empty(), "{findings:?}");
        assert!(about(SERVER_ERROR).contains(&&FindingKind::Missing));
    }
}
