//! The localizer: built once, shared by every thread, formats any code in any locale.

use std::borrow::Cow;
use std::cell::RefCell;
use std::fmt;
use std::path::Path;
use std::rc::Rc;
use std::sync::{Arc, Weak};

use fluent_bundle::{FluentArgs, FluentBundle, FluentError, FluentResource, FluentValue};
use omnia_errors::{
    AnyCode, ApiError, CatalogError, ErrorBody, ParamRef, ValidationError, ValidationErrorItem,
    WireCode,
};
use unic_langid::LanguageIdentifier;

use crate::check::Finding;
use crate::negotiate::Negotiator;
use crate::number::{self, Formatter};
use crate::source::{self, LoadError, LocaleFiles, SOURCE_LOCALE};

/// The locales every embedded build has, in the order negotiation prefers them when a request
/// matches several equally (a bare `pt` or `pt-AO` gets European Portuguese, OMNIA's second UI
/// language). Locales found in a folder but not listed here come after them.
const PREFERENCE: [&str; 7] = [
    "en-US", "pt-PT", "pt-BR", "es-ES", "fr-FR", "de-DE", "pl-PL",
];

/// Pseudo-locales, generated from the source at run time for testing UIs: `en-XA` accented and
/// about a third longer (truncation, hard-coded strings, fonts), `ar-XB` mirrored right-to-left
/// (layout direction). Negotiation only picks them when asked for by their exact tag.
const PSEUDO: [(&str, Transform); 2] = [("en-XA", accented), ("ar-XB", mirrored)];

type Transform = fn(&str) -> Cow<'_, str>;
type Bundle = FluentBundle<Arc<FluentResource>>;
/// A message's arguments: name and value of each parameter present.
type Args<'e> = [(&'static str, ParamRef<'e>)];
/// No code declares more parameters than this (a test checks it); kept on the stack.
pub(crate) const MAX_PARAMS: usize = 4;

fn accented(text: &str) -> Cow<'_, str> {
    fluent_pseudo::transform(text, false, true)
}

fn mirrored(text: &str) -> Cow<'_, str> {
    fluent_pseudo::transform(text, true, false)
}

/// Whether placeables are wrapped in Unicode isolation marks (U+2068 … U+2069).
///
/// A deliberate choice per use, not fluent-rs's default: the marks keep a right-to-left value
/// (a Hebrew attribute name in an English sentence, or the reverse) from reordering the text
/// around it, which UIs need; but they are invisible characters that JSON API messages, logs
/// and plain-text consumers show as garbage or compare wrongly.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Isolation {
    /// No marks: for API responses and plain text (the default).
    #[default]
    Off,
    /// Marks around every placeable: for UIs that may mix directions.
    On,
}

/// Builds a [`Localizer`].
///
/// ```
/// use omnia_errors_fluent::{Isolation, Localizer};
///
/// let for_ui = Localizer::builder().isolation(Isolation::On).build()?;
/// # Ok::<(), omnia_errors_fluent::LoadError>(())
/// ```
#[derive(Clone, Debug, Default)]
#[must_use]
pub struct LocalizerBuilder {
    isolation: Isolation,
    pseudo_locales: bool,
    locales: Option<Vec<LocaleFiles>>,
}

impl LocalizerBuilder {
    /// Isolation marks around placeables; see [`Isolation`].
    pub fn isolation(mut self, isolation: Isolation) -> Self {
        self.isolation = isolation;
        self
    }

    /// Adds the pseudo-locales `en-XA` and `ar-XB`, for testing UIs.
    pub fn pseudo_locales(mut self, enabled: bool) -> Self {
        self.pseudo_locales = enabled;
        self
    }

    /// Loads `<dir>/<tag>/*.ftl` at run time instead of the embedded files, for translators
    /// trying their work. A translation may be incomplete (gaps fall back to en-US), but every
    /// file must parse and every message must match the catalog.
    ///
    /// # Errors
    ///
    /// [`LoadError::Io`] when a file cannot be read.
    pub fn directory(mut self, dir: impl AsRef<Path>) -> Result<Self, LoadError> {
        self.locales = Some(source::read_locales(dir.as_ref())?);
        Ok(self)
    }

    /// Uses these files instead of the embedded ones (e.g. files a translation tool holds in
    /// memory); validated like a [`directory`](Self::directory).
    pub fn files(mut self, locales: Vec<LocaleFiles>) -> Self {
        self.locales = Some(locales);
        self
    }

    /// Validates the files and builds the localizer.
    ///
    /// # Errors
    ///
    /// [`LoadError::Invalid`] with every finding, when any file has a problem; nothing is
    /// half-loaded.
    pub fn build(self) -> Result<Localizer, LoadError> {
        let locales = match self.locales {
            Some(locales) => {
                let findings = source::check_locales(&locales, false);
                if !findings.is_empty() {
                    return Err(LoadError::Invalid(findings));
                }
                locales
            }
            // The embedded files pass the complete check in this crate's tests
            // (`tests/locales.rs`); checking them again on every start would only cost time.
            None => source::embedded_locales(),
        };
        Ok(Localizer {
            shared: Arc::new(Shared::new(&locales, self.isolation, self.pseudo_locales)?),
        })
    }
}

/// Formats OMNIA error messages in the user's language.
///
/// Built once and shared (`Clone` is cheap; it is `Send + Sync`). Messages without placeables
/// are formatted once at build time and served from a table. Messages with parameters go
/// through Fluent, with bundles kept per thread: a Fluent bundle's formatter cache is not
/// thread-safe, and a per-thread copy needs no lock, where the shared "concurrent" bundle takes a
/// mutex on every plural selection. A thread builds the bundle of a locale the first time it
/// formats in it (tens of microseconds) and keeps it until the thread ends, or until it next
/// uses a localizer after this one was dropped: right for worker pools, wasteful for
/// short-lived threads that each format one message.
///
/// ```
/// use omnia_errors::ValidationError;
/// use omnia_errors_fluent::Localizer;
///
/// let localizer = Localizer::embedded()?;
/// let language = localizer.for_accept_language("pl-PL,pl;q=0.9,en;q=0.5");
/// let message = language.message(&ValidationError::TextMaxLengthMismatch { max_length: 5 });
/// assert_eq!(message.locale.to_string(), "pl-PL");
/// assert!(message.text.contains("5 znaków"), "{}", message.text);
/// # Ok::<(), omnia_errors_fluent::LoadError>(())
/// ```
#[derive(Clone)]
pub struct Localizer {
    shared: Arc<Shared>,
}

struct Shared {
    locales: Vec<LocaleData>,
    negotiator: Negotiator,
    isolation: Isolation,
}

struct LocaleData {
    /// The tag reported to callers (`Content-Language`).
    id: LanguageIdentifier,
    /// The tag the bundle formats with: the source's for a pseudo-locale.
    bundle_lang: LanguageIdentifier,
    resources: Vec<Arc<FluentResource>>,
    transform: Option<Transform>,
    number_format: Formatter,
    /// Messages without placeables, formatted at build time, by [`AnyCode::index`].
    static_texts: Box<[Option<Box<str>>]>,
}

/// The index of the source locale in `Shared::locales`.
const SOURCE: usize = 0;

impl Shared {
    fn new(files: &[LocaleFiles], isolation: Isolation, pseudo: bool) -> Result<Self, LoadError> {
        let rank = |tag: &str| {
            let position = PREFERENCE.iter().position(|p| *p == tag);
            (
                tag != SOURCE_LOCALE,
                position.unwrap_or(PREFERENCE.len()),
                tag.to_owned(),
            )
        };
        let mut files: Vec<&LocaleFiles> = files.iter().collect();
        files.sort_by_key(|l| rank(&l.tag));

        let mut locales = Vec::with_capacity(files.len() + PSEUDO.len());
        let mut findings = Vec::new();
        for locale in files {
            let Ok(id) = locale.tag.parse::<LanguageIdentifier>() else {
                findings.push(Finding::bad_locale_tag(locale));
                continue;
            };
            let mut resources = Vec::with_capacity(locale.files.len());
            for file in &locale.files {
                match FluentResource::try_new(file.text.clone()) {
                    Ok(resource) => resources.push(Arc::new(resource)),
                    Err((_, errors)) => {
                        findings.extend(Finding::syntax_errors(&locale.tag, file, &errors));
                    }
                }
            }
            locales.push(LocaleData::new(id.clone(), id, resources, None, isolation));
        }
        if !findings.is_empty() {
            return Err(LoadError::Invalid(findings));
        }
        if locales.first().is_none_or(|l| l.id != SOURCE_LOCALE) {
            return Err(LoadError::Invalid(vec![Finding::missing_source()]));
        }
        let available: Vec<(LanguageIdentifier, usize)> = locales
            .iter()
            .enumerate()
            .map(|(i, l)| (l.id.clone(), i))
            .collect();
        let mut pseudo_locales = Vec::new();
        if pseudo {
            for (tag, transform) in PSEUDO {
                let id: LanguageIdentifier = tag.parse().unwrap_or_default();
                let source = &locales[SOURCE];
                let data = LocaleData::new(
                    id.clone(),
                    source.bundle_lang.clone(),
                    source.resources.clone(),
                    Some(transform),
                    isolation,
                );
                pseudo_locales.push((id, locales.len()));
                locales.push(data);
            }
        }
        Ok(Self {
            negotiator: Negotiator::new(available, pseudo_locales, SOURCE),
            locales,
            isolation,
        })
    }
}

impl LocaleData {
    fn new(
        id: LanguageIdentifier,
        bundle_lang: LanguageIdentifier,
        resources: Vec<Arc<FluentResource>>,
        transform: Option<Transform>,
        isolation: Isolation,
    ) -> Self {
        let mut data = Self {
            id,
            number_format: number::formatter_for(&bundle_lang),
            bundle_lang,
            resources,
            transform,
            static_texts: Box::default(),
        };
        let bundle = data.bundle(isolation);
        data.static_texts = AnyCode::all()
            .map(|code| {
                let pattern = bundle.get_message(code.fluent_id())?.value()?;
                let is_static = pattern
                    .elements
                    .iter()
                    .all(|e| matches!(e, fluent_syntax::ast::PatternElement::TextElement { .. }));
                let mut errors = Vec::new();
                let text = bundle.format_pattern(pattern, None, &mut errors);
                (is_static && errors.is_empty() && !text.is_empty()).then(|| text.into())
            })
            .collect();
        data
    }

    fn bundle(&self, isolation: Isolation) -> Bundle {
        let mut bundle = FluentBundle::new(vec![self.bundle_lang.clone()]);
        bundle.set_use_isolating(isolation == Isolation::On);
        bundle.set_formatter(Some(self.number_format));
        bundle.set_transform(self.transform);
        for resource in &self.resources {
            // Checked: ids are unique within a locale, so nothing overrides.
            let _ = bundle.add_resource(Arc::clone(resource));
        }
        bundle
    }
}

thread_local! {
    /// This thread's bundles, per localizer (usually one), built on first use.
    static BUNDLES: RefCell<Vec<(Weak<Shared>, Rc<ThreadBundles>)>> = const { RefCell::new(Vec::new()) };
}

struct ThreadBundles(Box<[std::cell::OnceCell<Bundle>]>);

impl Localizer {
    /// The localizer of the embedded files, without pseudo-locales, without isolation marks.
    ///
    /// # Errors
    ///
    /// [`LoadError::Invalid`] if the embedded files have a problem, which this crate's tests
    /// rule out.
    pub fn embedded() -> Result<Self, LoadError> {
        Self::builder().build()
    }

    /// A builder for other options.
    pub fn builder() -> LocalizerBuilder {
        LocalizerBuilder::default()
    }

    /// The locales this localizer has, the source (en-US) first.
    pub fn locales(&self) -> impl Iterator<Item = &LanguageIdentifier> {
        self.shared.locales.iter().map(|l| &l.id)
    }

    /// The source locale, en-US, for messages that are not shown to a user (logs).
    pub fn source(&self) -> Language<'_> {
        self.language(SOURCE)
    }

    /// The best locale for languages in preference order (en-US when none matches).
    ///
    /// ```
    /// # let localizer = omnia_errors_fluent::Localizer::embedded()?;
    /// let requested = ["pt-AO".parse()?];
    /// assert_eq!(localizer.for_languages(&requested).locale().to_string(), "pt-PT");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn for_languages(&self, requested: &[LanguageIdentifier]) -> Language<'_> {
        self.language(self.shared.negotiator.negotiate(requested.iter().map(Some)))
    }

    /// The best locale for an `Accept-Language` header (q-values and `*` honoured, garbage
    /// ignored; en-US when nothing matches). Results are cached per distinct header.
    ///
    /// A range with `q=0` makes the locales it matches not acceptable (RFC 9110 §12.5.4):
    /// `en-US;q=0, *` answers another locale, `pt-PT;q=0, pt` answers pt-BR. When en-US itself
    /// is excluded and nothing else matches, the first acceptable locale answers; when every
    /// locale is excluded, en-US does. Only the first 4 KiB of the header are read, and tags
    /// over 64 bytes are skipped (see [`parse_accept_language`](crate::parse_accept_language)).
    ///
    /// ```
    /// # let localizer = omnia_errors_fluent::Localizer::embedded()?;
    /// let language = localizer.for_accept_language("de-CH, fr;q=0.8, *;q=0.1");
    /// assert_eq!(language.locale().to_string(), "de-DE");
    /// assert_eq!(localizer.for_accept_language("🦀, x;q=2").locale().to_string(), "en-US");
    /// # Ok::<(), omnia_errors_fluent::LoadError>(())
    /// ```
    pub fn for_accept_language(&self, header: &str) -> Language<'_> {
        self.language(self.shared.negotiator.negotiate_header(header))
    }

    fn language(&self, index: usize) -> Language<'_> {
        Language {
            localizer: self,
            index,
        }
    }

    /// Runs `f` with this thread's bundle of locale `index`, building it on first use.
    fn with_bundle<R>(&self, index: usize, f: impl FnOnce(&Bundle) -> R) -> R {
        let bundles = BUNDLES.with_borrow_mut(|all| {
            if let Some((_, bundles)) = all
                .iter()
                .find(|(w, _)| w.as_ptr() == Arc::as_ptr(&self.shared))
            {
                return Rc::clone(bundles);
            }
            // Forget the bundles of localizers that were dropped since.
            all.retain(|(w, _)| w.strong_count() > 0);
            let cells = (0..self.shared.locales.len())
                .map(|_| std::cell::OnceCell::new())
                .collect();
            let bundles = Rc::new(ThreadBundles(cells));
            all.push((Arc::downgrade(&self.shared), Rc::clone(&bundles)));
            bundles
        });
        let locale = &self.shared.locales[index];
        f(bundles.0[index].get_or_init(|| locale.bundle(self.shared.isolation)))
    }
}

impl fmt::Debug for Localizer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Localizer")
            .field(
                "locales",
                &self.locales().map(ToString::to_string).collect::<Vec<_>>(),
            )
            .field("isolation", &self.shared.isolation)
            .finish_non_exhaustive()
    }
}

/// A formatted message and the locale it is actually in (for `Content-Language`), which is
/// en-US when the requested locale could not format it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message<'a> {
    /// The text; never empty.
    pub text: Cow<'a, str>,
    /// The locale of the text.
    pub locale: &'a LanguageIdentifier,
}

/// Why a message fell back to en-US (or, if en-US failed too, to the code's name).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The locale that could not format the message.
    pub locale: LanguageIdentifier,
    /// The code.
    pub code: String,
    /// What went wrong.
    pub kind: ProblemKind,
}

/// What a [`Problem`] is.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ProblemKind {
    /// The locale has no such message (or attribute).
    MissingMessage {
        /// The Fluent id.
        id: &'static str,
        /// The attribute, if one was asked for.
        attribute: Option<&'static str>,
    },
    /// Fluent reported errors while formatting (a missing variable, a bad reference).
    Format(String),
    /// A wire error's parameters could not be read (the server's message is kept).
    Parameters(String),
    /// A wire code unknown to this version (the server's message is kept).
    UnknownCode,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "[{}] {}: ", self.locale, self.code)?;
        match &self.kind {
            ProblemKind::MissingMessage {
                id,
                attribute: None,
            } => write!(f, "no message {id}"),
            ProblemKind::MissingMessage {
                id,
                attribute: Some(a),
            } => write!(f, "no attribute {id}.{a}"),
            ProblemKind::Format(errors) => write!(f, "formatting failed: {errors}"),
            ProblemKind::Parameters(error) => write!(f, "{error}; kept the received message"),
            ProblemKind::UnknownCode => f.write_str("unknown code; kept the received message"),
        }
    }
}

impl std::error::Error for Problem {}

/// A negotiated locale of a [`Localizer`]: formats messages, items and whole bodies.
#[derive(Clone, Copy)]
pub struct Language<'a> {
    localizer: &'a Localizer,
    index: usize,
}

impl fmt::Debug for Language<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Language")
            .field(&self.locale().to_string())
            .finish()
    }
}

impl<'a> Language<'a> {
    /// The negotiated locale (messages missing in it come in en-US; see [`Message::locale`]).
    pub fn locale(&self) -> &'a LanguageIdentifier {
        &self.localizer.shared.locales[self.index].id
    }

    /// The message of an error: the contextual variant when all of the code's optional
    /// parameters are known, else the generic message. Never empty, never panics; a problem
    /// falls back to en-US and is logged (`log` target `omnia_errors_fluent`).
    pub fn message(&self, error: &impl CatalogError) -> Message<'a> {
        let mut problems = Vec::new();
        let message = self.message_reporting(error, &mut problems);
        for problem in &problems {
            log::warn!("{problem}");
        }
        message
    }

    /// Like [`message`](Self::message), but hands the problems to the caller instead of
    /// logging them (for tests and for callers with their own reporting).
    pub fn message_reporting(
        &self,
        error: &impl CatalogError,
        problems: &mut Vec<Problem>,
    ) -> Message<'a> {
        let attribute = error.has_context().then_some("context");
        let mut args = [("", ParamRef::Number(0)); MAX_PARAMS];
        let mut count = 0;
        error.visit_params(&mut |name, value| {
            if let Some(slot) = args.get_mut(count) {
                *slot = (name, value);
                count += 1;
            }
        });
        self.resolve(error.code().into(), attribute, &args[..count], problems)
    }

    /// Formats in this locale, else in en-US, else gives the code's name.
    fn resolve(
        &self,
        code: AnyCode,
        attribute: Option<&'static str>,
        args: &Args<'_>,
        problems: &mut Vec<Problem>,
    ) -> Message<'a> {
        if let Some(message) = self.format(self.index, code, attribute, args, problems) {
            return message;
        }
        if self.index != SOURCE
            && let Some(message) = self.format(SOURCE, code, attribute, args, problems)
        {
            return message;
        }
        // Not even en-US could: the code's name is better than nothing, and never empty.
        Message {
            text: Cow::Borrowed(code.as_str()),
            locale: &self.localizer.shared.locales[SOURCE].id,
        }
    }

    /// The generic message of a code, as the error page shows it; parameters that it needs
    /// are formatted from `placeholders` (e.g. `maxLength` → "(defined length)").
    pub fn generic_message(
        &self,
        code: impl Into<AnyCode>,
        placeholders: &[(&'static str, &str)],
        problems: &mut Vec<Problem>,
    ) -> Message<'a> {
        let args: Vec<(&'static str, ParamRef<'_>)> = placeholders
            .iter()
            .map(|(name, value)| (*name, ParamRef::Text(value)))
            .collect();
        self.resolve(code.into(), None, &args, problems)
    }

    /// An attribute of a code's message that documentation uses (`note`), if the locale has it.
    pub fn doc_note(&self, code: impl Into<AnyCode>) -> Option<String> {
        let code = code.into();
        self.localizer.with_bundle(self.index, |bundle| {
            let pattern = bundle
                .get_message(code.fluent_id())?
                .get_attribute("note")?
                .value();
            let mut errors = Vec::new();
            let text = bundle
                .format_pattern(pattern, None, &mut errors)
                .into_owned();
            errors.is_empty().then_some(text)
        })
    }

    /// A page text of the documentation (`page.ftl`), falling back to en-US.
    pub fn page_text(&self, id: &str) -> Option<String> {
        [self.index, SOURCE].into_iter().find_map(|index| {
            self.localizer.with_bundle(index, |bundle| {
                let pattern = bundle.get_message(id)?.value()?;
                let mut errors = Vec::new();
                let text = bundle
                    .format_pattern(pattern, None, &mut errors)
                    .into_owned();
                errors.is_empty().then_some(text)
            })
        })
    }

    /// An error body for an API error, its message in this locale.
    pub fn body(&self, error: &ApiError) -> ErrorBody {
        ErrorBody::from_error(error, self.message(error).text)
    }

    /// A validation error item, its message in this locale (add the attribute with
    /// [`ValidationErrorItem::with_name`]).
    pub fn item(&self, error: &ValidationError) -> ValidationErrorItem {
        ValidationErrorItem::new(error, self.message(error).text)
    }

    /// Localizes a body received from the wire (or built elsewhere) in place: its message and
    /// every item's, from their codes and parameters. What cannot be localized (a code from a
    /// newer server, unreadable parameters) keeps the message it has, and is reported.
    pub fn localize_body(&self, body: &mut ErrorBody, problems: &mut Vec<Problem>) {
        match body.error() {
            Ok(error) => body.message = self.message_reporting(&error, problems).text.into_owned(),
            Err(error) => problems.push(self.wire_problem(
                body.code.as_str(),
                matches!(body.code, WireCode::Unknown(_)),
                &error,
            )),
        }
        for item in body.errors.iter_mut().flatten() {
            match item.error() {
                Ok(error) => {
                    item.message = self.message_reporting(&error, problems).text.into_owned();
                }
                Err(error) => problems.push(self.wire_problem(
                    item.code.as_str(),
                    matches!(item.code, WireCode::Unknown(_)),
                    &error,
                )),
            }
        }
    }

    fn wire_problem(&self, code: &str, unknown: bool, error: &omnia_errors::ParamError) -> Problem {
        Problem {
            locale: self.locale().clone(),
            code: code.to_owned(),
            kind: if unknown {
                ProblemKind::UnknownCode
            } else {
                ProblemKind::Parameters(error.to_string())
            },
        }
    }

    fn format(
        &self,
        index: usize,
        code: AnyCode,
        attribute: Option<&'static str>,
        args: &Args<'_>,
        problems: &mut Vec<Problem>,
    ) -> Option<Message<'a>> {
        let locale = &self.localizer.shared.locales[index];
        if attribute.is_none()
            && let Some(text) = &locale.static_texts[code.index()]
        {
            return Some(Message {
                text: Cow::Borrowed(text),
                locale: &locale.id,
            });
        }
        let id = code.fluent_id();
        let problem = |kind| Problem {
            locale: locale.id.clone(),
            code: code.as_str().to_owned(),
            kind,
        };
        let result = self.localizer.with_bundle(index, |bundle| {
            let message = bundle.get_message(id);
            let pattern = match attribute {
                None => message.and_then(|m| m.value()),
                Some(name) => message
                    .and_then(|m| m.get_attribute(name))
                    .map(|a| a.value()),
            };
            let Some(pattern) = pattern else {
                return Err(ProblemKind::MissingMessage { id, attribute });
            };
            let mut fluent_args = FluentArgs::with_capacity(args.len());
            for &(name, value) in args {
                match value {
                    ParamRef::Number(n) => fluent_args.set(name, FluentValue::from(n)),
                    ParamRef::Text(s) => fluent_args.set(name, FluentValue::from(s)),
                }
            }
            let mut errors: Vec<FluentError> = Vec::new();
            let text = bundle
                .format_pattern(pattern, Some(&fluent_args), &mut errors)
                .into_owned();
            if !errors.is_empty() {
                let errors: Vec<String> = errors.iter().map(ToString::to_string).collect();
                return Err(ProblemKind::Format(errors.join("; ")));
            }
            if text.is_empty() {
                return Err(ProblemKind::Format(
                    "the message formatted to an empty text".into(),
                ));
            }
            Ok(text)
        });
        match result {
            Ok(text) => Some(Message {
                text: Cow::Owned(text),
                locale: &locale.id,
            }),
            Err(kind) => {
                problems.push(problem(kind));
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::MAX_PARAMS;
    use omnia_errors::AnyCode;

    #[test]
    fn no_code_has_more_parameters_than_the_stack_holds() {
        for code in AnyCode::all() {
            assert!(
                code.params().len() <= MAX_PARAMS,
                "{code} has more than {MAX_PARAMS} parameters"
            );
        }
    }
}
