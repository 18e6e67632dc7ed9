//! The localizer: built once, shared by every thread, formats any code in any locale.

use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;

use icu_locale_core::LanguageIdentifier;
use omnia_errors::{
    AnyCode, ApiError, CatalogError, DocsPage, ErrorBody, ParamError, ParamRef, ParamSpec,
    Parameters, ProblemDetails, ValidationError, ValidationErrorItem, WireCode,
};

use crate::negotiate::{Negotiator, omnia_language, parse_language};
use crate::number::Numbers;
use crate::pattern::{self, FormatError, LocaleMessages, Seq};

/// No code declares more parameters than this (a test checks it); kept on the stack.
pub(crate) const MAX_PARAMS: usize = 4;

/// An error's parameter values by position (the code's declaration order), on the stack.
struct Arguments<'e> {
    values: [Option<ParamRef<'e>>; MAX_PARAMS],
    len: usize,
}

impl<'e> Arguments<'e> {
    /// The values of `error`, whose code declares `params`, by position.
    #[inline]
    fn of(error: &'e impl CatalogError, params: &[ParamSpec]) -> Self {
        let len = params.len().min(MAX_PARAMS);
        let mut values = [None; MAX_PARAMS];
        for (index, value) in values.iter_mut().enumerate().take(len) {
            *value = error.param(index);
        }
        Self { values, len }
    }

    #[inline]
    fn as_slice(&self) -> &[Option<ParamRef<'e>>] {
        &self.values[..self.len]
    }
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
    /// Marks around every placeable, where Fluent puts them: for UIs that may mix directions.
    On,
}

/// Builds a [`Localizer`].
///
/// ```
/// use omnia_errors_fluent::{Isolation, Localizer};
///
/// let for_ui = Localizer::builder().isolation(Isolation::On).build();
/// # let _ = for_ui;
/// ```
#[must_use]
pub struct LocalizerBuilder {
    isolation: Isolation,
    /// The declared locale set by tag, in preference order: the first is the source.
    declared: Vec<String>,
    /// The declared locales' OMNIA names (`PTPT`) with their tags, which `for_tags` reads.
    omnia_names: Vec<(String, String)>,
    #[cfg(feature = "pseudo")]
    pseudo_locales: bool,
    /// Messages loaded from files, replacing the embedded ones.
    #[cfg(feature = "files")]
    loaded: Option<crate::load::Loaded>,
    /// The application's own messages, layered over the others.
    #[cfg(feature = "files")]
    overrides: crate::Overrides,
}

impl Default for LocalizerBuilder {
    fn default() -> Self {
        #[cfg(feature = "embedded")]
        let (declared, omnia_names) = (
            crate::LOCALES.iter().map(|l| l.tag.to_owned()).collect(),
            omnia_names(crate::LOCALES),
        );
        #[cfg(not(feature = "embedded"))]
        let (declared, omnia_names) = (Vec::new(), Vec::new());
        Self {
            isolation: Isolation::Off,
            declared,
            omnia_names,
            #[cfg(feature = "pseudo")]
            pseudo_locales: false,
            #[cfg(feature = "files")]
            loaded: None,
            #[cfg(feature = "files")]
            overrides: crate::Overrides::default(),
        }
    }
}

impl fmt::Debug for LocalizerBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("LocalizerBuilder")
            .field("isolation", &self.isolation)
            .finish_non_exhaustive()
    }
}

impl LocalizerBuilder {
    /// Isolation marks around placeables; see [`Isolation`].
    pub fn isolation(mut self, isolation: Isolation) -> Self {
        self.isolation = isolation;
        self
    }

    /// Adds the pseudo-locales `en-XA` (accented, about a third longer: truncation,
    /// hard-coded strings, fonts) and `ar-XB` (mirrored right-to-left: layout direction),
    /// generated from the source messages, for testing UIs. Negotiation picks them only when
    /// asked for by their exact tag.
    #[cfg(feature = "pseudo")]
    pub fn pseudo_locales(mut self, enabled: bool) -> Self {
        self.pseudo_locales = enabled;
        self
    }

    /// The declared locale set (`locales/locales.toml`) that the files of
    /// [`directory`](Self::directory) and [`files`](Self::files), given after it, are checked
    /// and ordered by: the first is the source, which every other locale is checked against and
    /// falls back to; the order is the negotiation preference (locales not declared come after,
    /// in the order given). Default: the embedded [`LOCALES`](crate::LOCALES); a build without
    /// them (feature `embedded` off) declares the set here.
    ///
    /// ```
    /// use omnia_errors_fluent::{LOCALES, Localizer};
    ///
    /// let builder = Localizer::builder().declared(LOCALES);
    /// # let _ = builder;
    /// ```
    #[cfg(feature = "files")]
    pub fn declared(mut self, locales: &[crate::LocaleInfo<'_>]) -> Self {
        self.declared = locales.iter().map(|l| l.tag.to_owned()).collect();
        self.omnia_names = omnia_names(locales);
        self
    }

    /// Loads `<dir>/<tag>/*.ftl` instead of the embedded messages, for translators trying
    /// their work. A translation may be incomplete (gaps fall back to the source locale), but
    /// every file must parse, every message must match the catalog, and the source locale
    /// (the first [`declared`](Self::declared)) must be there.
    ///
    /// # Errors
    ///
    /// [`LoadError`](crate::LoadError) naming the file that cannot be read, or every problem
    /// found in the files; nothing of a failed load is used.
    #[cfg(feature = "files")]
    pub fn directory(self, dir: impl AsRef<std::path::Path>) -> Result<Self, crate::LoadError> {
        let locales = crate::load::read_locales(dir.as_ref())?;
        self.files(&locales)
    }

    /// Uses these files instead of the embedded messages (e.g. files a translation tool holds
    /// in memory); validated like a [`directory`](Self::directory).
    ///
    /// # Errors
    ///
    /// [`LoadError::Invalid`](crate::LoadError::Invalid) with every problem found.
    #[cfg(feature = "files")]
    pub fn files(mut self, locales: &[crate::LocaleFiles]) -> Result<Self, crate::LoadError> {
        let declared: Vec<&str> = self.declared.iter().map(String::as_str).collect();
        self.loaded = Some(crate::load::Loaded::compile(locales, &declared)?);
        Ok(self)
    }

    /// Layers the application's own messages over the localizer's (the embedded ones, or
    /// those of [`files`](Self::files) given before): each replaces one message in one
    /// locale, and every other message stays its locale's own. Several calls add up; a later
    /// override of a message wins. See [`Overrides`](crate::Overrides).
    ///
    /// # Errors
    ///
    /// [`OverrideError::UnknownLocale`](crate::OverrideError::UnknownLocale) for overrides of
    /// a locale the localizer does not have.
    #[cfg(feature = "files")]
    pub fn overrides(mut self, overrides: crate::Overrides) -> Result<Self, crate::OverrideError> {
        let available: Vec<String> = match &self.loaded {
            Some(loaded) => loaded.locales.iter().map(|l| l.tag.clone()).collect(),
            None => self.declared.clone(),
        };
        for locale in &overrides.locales {
            if !available.contains(&locale.tag) {
                return Err(crate::OverrideError::UnknownLocale {
                    file: locale.file.clone(),
                    locale: locale.tag.clone(),
                    available,
                });
            }
        }
        for locale in overrides.locales {
            self.overrides.locales.push(locale);
        }
        Ok(self)
    }

    /// Builds the localizer. Cheap for the embedded messages: nothing is parsed, and a declared
    /// locale's numbers are its generated data (a loaded locale that is not declared gets an
    /// ICU4X formatter here).
    pub fn build(self) -> Localizer {
        let isolation = self.isolation;
        let omnia_names: Vec<(String, LanguageIdentifier)> = self
            .omnia_names
            .iter()
            .filter_map(|(name, tag)| Some((name.clone(), parse_language(tag)?)))
            .collect();
        let (real, pseudo) = self.messages();
        let mut locales = Vec::with_capacity(real.len() + pseudo.len());
        for locale in real {
            // Tags were validated when the files were read; embedded ones by the generator.
            let Some(id) = parse_language(&locale.tag) else {
                continue;
            };
            locales.push(LocaleData::new(id, &locale.tag, locale.messages));
        }
        if locales.is_empty() {
            // No messages at all (a build without `embedded` that loaded no files): one locale
            // without messages, so that every message is the code's name, never a panic.
            locales.push(LocaleData::new(
                LanguageIdentifier::UNKNOWN,
                "",
                Seq::Owned(Box::default()),
            ));
        }
        let available = locales
            .iter()
            .enumerate()
            .map(|(i, l)| (l.id.clone(), i))
            .collect();
        let mut pseudo_ids = Vec::with_capacity(pseudo.len());
        for locale in pseudo {
            let Some(id) = parse_language(&locale.tag) else {
                continue;
            };
            pseudo_ids.push((id.clone(), locales.len()));
            // Numbers and plural rules of the source: the text is English underneath.
            let numbers = locales[SOURCE].id.to_string();
            locales.push(LocaleData::new(id, &numbers, locale.messages));
        }
        Localizer {
            shared: Arc::new(Shared {
                negotiator: Negotiator::new(available, pseudo_ids, SOURCE),
                locales,
                isolation,
                omnia_names,
            }),
        }
    }

    /// The messages to build from: the locales' (loaded, else embedded), the source first, then
    /// the declared ones in their declared order, then others in the order given (a folder's
    /// are sorted by tag); and the pseudo-locales' when they are asked for (loaded with the
    /// files, else embedded).
    fn messages(self) -> (Vec<LocaleMessages>, Vec<LocaleMessages>) {
        #[cfg(feature = "files")]
        let (mut real, loaded_pseudo) = match self.loaded {
            Some(loaded) => (loaded.locales, Some(loaded.pseudo)),
            None => (embedded_locales(), None),
        };
        #[cfg(not(feature = "files"))]
        let mut real = embedded_locales();
        #[cfg(feature = "files")]
        for locale in &mut real {
            // Each set of overrides in the order given, so that a later one wins.
            for layer in self
                .overrides
                .locales
                .iter()
                .filter(|l| l.tag == locale.tag)
            {
                locale.messages = Seq::Owned(layer.apply(&locale.messages).into());
            }
        }
        // Stable, so ties keep the order given.
        real.sort_by_key(|l| {
            self.declared
                .iter()
                .position(|d| *d == l.tag)
                .unwrap_or(self.declared.len())
        });
        #[cfg(feature = "pseudo")]
        let pseudo = if self.pseudo_locales {
            #[cfg(feature = "files")]
            let pseudo = loaded_pseudo.unwrap_or_else(embedded_pseudo);
            #[cfg(not(feature = "files"))]
            let pseudo = embedded_pseudo();
            pseudo
        } else {
            Vec::new()
        };
        #[cfg(not(feature = "pseudo"))]
        let pseudo = Vec::new();
        #[cfg(all(feature = "files", not(feature = "pseudo")))]
        drop(loaded_pseudo);
        (real, pseudo)
    }
}

/// The OMNIA names of `locales` (those that have one) with their tags.
#[cfg(any(feature = "embedded", feature = "files"))]
fn omnia_names(locales: &[crate::LocaleInfo<'_>]) -> Vec<(String, String)> {
    locales
        .iter()
        .filter(|l| !l.omnia_name.is_empty())
        .map(|l| (l.omnia_name.to_owned(), l.tag.to_owned()))
        .collect()
}

/// The embedded messages of every declared locale (none in a build without `embedded`).
fn embedded_locales() -> Vec<LocaleMessages> {
    #[cfg(feature = "embedded")]
    let locales = crate::LOCALES
        .iter()
        .zip(crate::embedded::MESSAGES)
        .map(|(info, messages)| LocaleMessages {
            tag: info.tag.to_owned(),
            messages: Seq::Static(messages),
        })
        .collect();
    #[cfg(not(feature = "embedded"))]
    let locales = Vec::new();
    locales
}

/// The embedded pseudo-locales' messages (none in a build without `embedded`).
#[cfg(feature = "pseudo")]
fn embedded_pseudo() -> Vec<LocaleMessages> {
    #[cfg(feature = "embedded")]
    let pseudo = crate::embedded::PSEUDO
        .iter()
        .map(|(tag, messages)| LocaleMessages {
            tag: (*tag).to_owned(),
            messages: Seq::Static(messages),
        })
        .collect();
    #[cfg(not(feature = "embedded"))]
    let pseudo = Vec::new();
    pseudo
}

/// Formats OMNIA error messages in the user's language.
///
/// Built once and shared (`Clone` is cheap; it is `Send + Sync`, and formats without locks).
/// Its messages are compiled: a message without parameters is a `&'static str`, served without
/// allocating; a message with parameters is written into one `String`, numbers grouped by
/// ICU4X for the locale and plural variants chosen by current CLDR rules (as browsers do).
///
/// ```
/// use omnia_errors::ValidationError;
/// use omnia_errors_fluent::Localizer;
///
/// let localizer = Localizer::embedded();
/// let language = localizer.for_accept_language("pl-PL,pl;q=0.9,en;q=0.5");
/// let message = language.message(&ValidationError::TextMaxLengthMismatch { max_length: 5 });
/// assert_eq!(message.locale.to_string(), "pl-PL");
/// assert!(message.text.contains("5 znaków"), "{}", message.text);
/// ```
#[derive(Clone)]
pub struct Localizer {
    shared: Arc<Shared>,
}

struct Shared {
    locales: Vec<LocaleData>,
    negotiator: Negotiator,
    isolation: Isolation,
    /// The declared locales' OMNIA names and the languages they stand for.
    omnia_names: Vec<(String, LanguageIdentifier)>,
}

struct LocaleData {
    /// The tag reported to callers (`Content-Language`).
    id: LanguageIdentifier,
    /// By [`AnyCode::index`].
    messages: Seq<pattern::Message>,
    /// The numbers and plural rules of the locale (the source's for a pseudo-locale): a
    /// declared locale's are a reference to its data, nothing to build.
    numbers: Numbers,
}

impl LocaleData {
    fn new(id: LanguageIdentifier, numbers_tag: &str, messages: Seq<pattern::Message>) -> Self {
        Self {
            id,
            messages,
            numbers: Numbers::new(numbers_tag),
        }
    }
}

/// The index of the source locale in `Shared::locales`.
const SOURCE: usize = 0;

impl Localizer {
    /// The localizer of the embedded messages, without pseudo-locales, without isolation
    /// marks.
    #[cfg(feature = "embedded")]
    pub fn embedded() -> Self {
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
    pub fn source(&self) -> Language {
        self.language(SOURCE)
    }

    /// The best locale for languages in preference order (en-US when none matches).
    ///
    /// For each language in order, the first of these that one of the localizer's locales
    /// meets decides, the locale declared earlier in `locales/locales.toml` winning a tie:
    ///
    /// 1. the locale is the language (`pt-BR` for `pt-BR`);
    /// 2. the locale is a prefix of it, subtag by subtag (`de-DE` for `de-DE-1996`, `en-US`
    ///    for `en-Latn-US`);
    /// 3. the locale has its language (and no other script), whatever the region (`pt-PT` for
    ///    `pt`, `pt-AO` or `pt-MZ`; `en-US` for `en-GB`; `fr-FR` for `fr-CA`).
    ///
    /// `und` (no language) matches nothing. A pseudo-locale is chosen only for its exact tag.
    ///
    /// ```
    /// # let localizer = omnia_errors_fluent::Localizer::embedded();
    /// let requested = ["pt-AO".parse()?];
    /// assert_eq!(localizer.for_languages(&requested).locale().to_string(), "pt-PT");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn for_languages(&self, requested: &[LanguageIdentifier]) -> Language {
        self.language(self.shared.negotiator.negotiate(requested.iter().map(Some)))
    }

    /// The best locale for an `Accept-Language` header (q-values and `*` honoured, garbage
    /// ignored; en-US when nothing matches). Results are cached per distinct header. Each tag
    /// is read as [`parse_language`](crate::parse_language) reads it (`de-DE-u-nu-latn` is
    /// `de-DE`), and the languages get a locale as in [`for_languages`](Self::for_languages).
    ///
    /// A range with `q=0` makes the locales it matches not acceptable (RFC 9110 §12.5.4):
    /// `en-US;q=0, *` answers another locale, `pt-PT;q=0, pt` answers pt-BR. When en-US itself
    /// is excluded and nothing else matches, the first acceptable locale answers; when every
    /// locale is excluded, en-US does. Only the first 4 KiB of the header are read, and tags
    /// over 64 bytes are skipped (see [`parse_accept_language`](crate::parse_accept_language)).
    ///
    /// OMNIA's language names (`PTPT`), which [`for_tags`](Self::for_tags) reads, are not read
    /// here: the header holds BCP 47 tags (RFC 9110 §12.5.4), where four letters are a
    /// reserved language subtag, not a language, and no browser sends them.
    ///
    /// ```
    /// # let localizer = omnia_errors_fluent::Localizer::embedded();
    /// let language = localizer.for_accept_language("de-CH, fr;q=0.8, *;q=0.1");
    /// assert_eq!(language.locale().to_string(), "de-DE");
    /// assert_eq!(localizer.for_accept_language("🦀, x;q=2").locale().to_string(), "en-US");
    /// assert_eq!(localizer.for_accept_language("ja-JP-u-ca-japanese, pl-PL-x-a;q=0.5").locale().to_string(), "pl-PL");
    /// ```
    pub fn for_accept_language(&self, header: &str) -> Language {
        self.language(self.shared.negotiator.negotiate_header(header))
    }

    /// The best locale for language tags in preference order, as a UI holds them
    /// (`navigator.languages`, a user setting, OMNIA's language of the user), each read as
    /// [`parse_language`](crate::parse_language) reads it (extensions set aside), else as an
    /// OMNIA language name; what is neither is skipped.
    ///
    /// An OMNIA language name is the unique identifier OMNIA gives a language (its language
    /// file's `name`, what OMNIA's `getLanguageTranslator().language` answers): `PTPT` stands
    /// for pt-PT, in any case (`ptPT`, as one of OMNIA's own files writes it), for each
    /// declared language (`omnia-name` in `locales/locales.toml`: the embedded ones, or those
    /// given to `LocalizerBuilder::declared`, feature `files`). A name has four letters, which
    /// BCP 47 reserves and no tag uses, so no tag is read as a name.
    /// [`for_accept_language`](Self::for_accept_language) does not read names: a header holds
    /// tags only.
    ///
    /// ```
    /// # let localizer = omnia_errors_fluent::Localizer::embedded();
    /// assert_eq!(localizer.for_tags(&["x-🦀", "pt-AO", "en"]).locale().to_string(), "pt-PT");
    /// assert_eq!(localizer.for_tags(&["de-DE-u-nu-latn"]).locale().to_string(), "de-DE");
    /// assert_eq!(localizer.for_tags(&["PTPT"]).locale().to_string(), "pt-PT");
    /// assert_eq!(localizer.for_tags(&["XXXX", "plPL", "de"]).locale().to_string(), "pl-PL");
    /// ```
    pub fn for_tags(&self, tags: &[&str]) -> Language {
        let requested: Vec<LanguageIdentifier> = tags
            .iter()
            .filter_map(|t| {
                parse_language(t).or_else(|| omnia_language(t, &self.shared.omnia_names))
            })
            .collect();
        self.for_languages(&requested)
    }

    fn language(&self, index: usize) -> Language {
        Language {
            localizer: self.clone(),
            index,
        }
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

/// A formatted message, the locale it is actually in (for `Content-Language`), which is
/// en-US when the requested locale could not format it, and why it fell back, if it did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message<'a> {
    /// The text; never empty.
    pub text: Cow<'a, str>,
    /// The locale of the text.
    pub locale: &'a LanguageIdentifier,
    /// Every fallback that made it (none for a message in the locale asked for); they are
    /// logged too (`log` target `omnia_errors_fluent`).
    pub fallbacks: Vec<Fallback>,
}

/// A body, the locales its messages are in (the negotiated one, and en-US when a message had
/// to fall back to it: what a `Content-Language` header lists) and its messages' fallbacks.
#[derive(Clone, Debug, PartialEq)]
pub struct Localized<B> {
    /// The body.
    pub body: B,
    /// The distinct locales of its messages, in the order first used.
    pub locales: Vec<LanguageIdentifier>,
    /// Every fallback of its messages, in the order they were made (logged too).
    pub fallbacks: Vec<Fallback>,
}

/// A message's text, its fallbacks added to `fallbacks`.
fn note(message: Message<'_>, fallbacks: &mut Vec<Fallback>) -> String {
    fallbacks.extend(message.fallbacks);
    message.text.into_owned()
}

/// An OMNIA error body, localized ([`Language::error_body`]).
pub type LocalizedBody = Localized<ErrorBody>;

/// An RFC 9457 problem, localized ([`Language::problem_details`]).
pub type LocalizedProblem = Localized<ProblemDetails>;

impl<B> Localized<B> {
    /// A body with no messages yet.
    fn start(body: B) -> Self {
        Self {
            body,
            locales: Vec::new(),
            fallbacks: Vec::new(),
        }
    }

    /// The message's text, its locale and fallbacks noted.
    fn text(&mut self, message: Message<'_>) -> String {
        if !self.locales.contains(message.locale) {
            self.locales.push(message.locale.clone());
        }
        self.fallbacks.extend(message.fallbacks);
        message.text.into_owned()
    }
}

/// Why a message fell back: to en-US, to the code's name if en-US failed too, or, for a
/// received body, to the message it came with. (Not an RFC 9457 problem: that is a body,
/// [`ProblemDetails`].)
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fallback {
    /// The locale that could not format the message.
    pub locale: LanguageIdentifier,
    /// The code.
    pub code: String,
    /// What went wrong.
    pub kind: FallbackKind,
}

/// Why a [`Fallback`] happened.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum FallbackKind {
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

impl fmt::Display for Fallback {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "[{}] {}: ", self.locale, self.code)?;
        match &self.kind {
            FallbackKind::MissingMessage {
                id,
                attribute: None,
            } => write!(f, "no message {id}"),
            FallbackKind::MissingMessage {
                id,
                attribute: Some(a),
            } => write!(f, "no attribute {id}.{a}"),
            FallbackKind::Format(errors) => write!(f, "formatting failed: {errors}"),
            FallbackKind::Parameters(error) => write!(f, "{error}; kept the received message"),
            FallbackKind::UnknownCode => f.write_str("unknown code; kept the received message"),
        }
    }
}

impl std::error::Error for Fallback {}

/// A negotiated locale of a [`Localizer`]: formats messages, items and whole bodies.
///
/// Owned (it holds a clone of the localizer, which is a reference count), so a UI can keep the
/// user's language as state, and a server can hand it to whatever formats the response.
///
/// ```
/// use omnia_errors::{AnyCode, Parameters, ValidationErrorCode};
/// use omnia_errors_fluent::Localizer;
///
/// let language = Localizer::embedded().for_tags(&["pl-PL", "en"]);
/// // Parameters as they come from the wire: a UI re-localizing a server's error.
/// let parameters: Parameters = [("maxLength", 5u64.into())].into_iter().collect();
/// let code = AnyCode::Validation(ValidationErrorCode::TextMaxLengthMismatch);
/// let message = language.message_for(code, &parameters)?;
/// assert!(message.text.ends_with("5 znaków."), "{}", message.text);
/// # Ok::<(), omnia_errors::ParamError>(())
/// ```
#[derive(Clone)]
pub struct Language {
    localizer: Localizer,
    index: usize,
}

impl fmt::Debug for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Language")
            .field(&self.locale().to_string())
            .finish()
    }
}

impl Language {
    /// The negotiated locale (messages missing in it come in en-US; see [`Message::locale`]).
    pub fn locale(&self) -> &LanguageIdentifier {
        &self.localizer.shared.locales[self.index].id
    }

    /// The message of an error: the contextual variant when all of the code's optional
    /// parameters are known, else the generic message. Never empty, never panics; a message
    /// this locale cannot format falls back to en-US, and says so ([`Message::fallbacks`],
    /// also logged with `log` target `omnia_errors_fluent`).
    #[inline]
    pub fn message(&self, error: &impl CatalogError) -> Message<'_> {
        self.variant(error, |params| Self::has_context(error, params))
    }

    /// [`CatalogError::has_context`], asked only of codes that have optional parameters.
    #[inline]
    fn has_context(error: &impl CatalogError, params: &[ParamSpec]) -> bool {
        params.iter().any(|p| !p.required) && error.has_context()
    }

    /// The generic message of an error's code, the same for every occurrence (the page's
    /// text, an RFC 9457 `title`): the message without its contextual variant, so optional
    /// parameters are left out. Falls back as [`message`](Self::message) does.
    ///
    /// ```
    /// use omnia_errors::ApiError;
    /// use omnia_errors_fluent::Localizer;
    ///
    /// let en = Localizer::embedded().source();
    /// let error = ApiError::ConnectorBehaviourFailed { message: Some("Disk full".into()) };
    /// assert_eq!(en.generic_message(&error).text, "Behaviour execution failed while running in Connector.");
    /// assert_eq!(en.message(&error).text, "Behaviour execution failed while running in Connector: Disk full");
    /// ```
    pub fn generic_message(&self, error: &impl CatalogError) -> Message<'_> {
        self.variant(error, |_| false)
    }

    /// The message's value of an error, or its `.context` variant when `context` says so of the
    /// code's parameters (asked only of a message that is not plain text).
    #[inline]
    fn variant(
        &self,
        error: &impl CatalogError,
        context: impl FnOnce(&[ParamSpec]) -> bool,
    ) -> Message<'_> {
        let code: AnyCode = error.code().into();
        let params = code.params();
        // Most messages: static text, returned before any other work.
        if let Some(text) = self.static_text(code, params) {
            return Message {
                text: Cow::Borrowed(text),
                locale: self.locale(),
                fallbacks: Vec::new(),
            };
        }
        let context = context(params);
        let args = Arguments::of(error, params);
        // The usual case: this locale formats it, nothing to report.
        let shared = &self.localizer.shared;
        let locale = &shared.locales[self.index];
        match locale.format(code, context, args.as_slice(), shared.isolation) {
            Ok(text) => Message {
                text,
                locale: &locale.id,
                fallbacks: Vec::new(),
            },
            Err(failure) => self.falling_back(code, context, args.as_slice(), failure),
        }
    }

    /// A message this locale cannot format (`failure` says why): from en-US, else the code's
    /// name, its fallbacks reported and logged. Out of the way of the usual path.
    #[cold]
    #[inline(never)]
    fn falling_back(
        &self,
        code: AnyCode,
        context: bool,
        args: &[Option<ParamRef<'_>>],
        failure: Failure,
    ) -> Message<'_> {
        let locales = &self.localizer.shared.locales;
        let mut fallbacks = vec![Fallback {
            locale: locales[self.index].id.clone(),
            code: code.as_str().to_owned(),
            kind: failure.kind(code, context),
        }];
        let (text, locale) = if self.index != SOURCE
            && let Some(found) = self.format(SOURCE, code, context, args, &mut fallbacks)
        {
            found
        } else {
            // Not even en-US could: the code's name is better than nothing, and never empty.
            (Cow::Borrowed(code.as_str()), &locales[SOURCE].id)
        };
        for fallback in &fallbacks {
            log::warn!("{fallback}");
        }
        Message {
            text,
            locale,
            fallbacks,
        }
    }

    /// The message of a code without parameters, when this locale has it as plain text: most
    /// messages, served without looking at anything else. A `&str` alone comes back in
    /// registers, which makes this path several times cheaper than the general one.
    #[inline]
    fn static_text(&self, code: AnyCode, params: &[ParamSpec]) -> Option<&str> {
        if !params.is_empty() {
            return None;
        }
        self.localizer.shared.locales[self.index]
            .messages
            .get(code.index())?
            .value
            .as_ref()?
            .as_text()
    }

    /// The title of an HTTP error status in this language, as RFC 9457 `about:blank` problems
    /// carry it: its reason phrase ("Not Found"), or its class's ("Client Error") for a status
    /// without one of its own. `None` for a status that is not an error (below 400, above
    /// 599). Falls back to en-US as [`message`](Self::message) does.
    ///
    /// ```
    /// use omnia_errors_fluent::Localizer;
    ///
    /// let localizer = Localizer::embedded();
    /// assert_eq!(localizer.source().status_title(405).unwrap().text, "Method Not Allowed");
    /// let de = localizer.for_tags(&["de-DE"]);
    /// assert_eq!(de.status_title(404).unwrap().text, "Nicht gefunden");
    /// assert_eq!(localizer.source().status_title(418).unwrap().text, "Client Error");
    /// assert_eq!(de.status_title(204), None);
    /// ```
    pub fn status_title(&self, status: u16) -> Option<Message<'_>> {
        let slot = crate::status::slot(status)?;
        Some(self.plain_text(AnyCode::COUNT + slot, crate::status::IDS[slot]))
    }

    /// The message at `index` of the compiled messages when it is plain text (one without
    /// parameters: a status title), in this locale, else in en-US, else `id` itself; each
    /// fallback logged.
    fn plain_text(&self, index: usize, id: &'static str) -> Message<'_> {
        let locales = &self.localizer.shared.locales;
        let mut fallbacks = Vec::new();
        for at in [self.index, SOURCE] {
            let locale = &locales[at];
            let text = locale
                .messages
                .get(index)
                .and_then(|m| m.value.as_ref()?.as_text());
            if let Some(text) = text {
                return Message {
                    text: Cow::Borrowed(text),
                    locale: &locale.id,
                    fallbacks,
                };
            }
            let fallback = Fallback {
                locale: locale.id.clone(),
                code: id.to_owned(),
                kind: FallbackKind::MissingMessage {
                    id,
                    attribute: None,
                },
            };
            log::warn!("{fallback}");
            fallbacks.push(fallback);
        }
        Message {
            text: Cow::Borrowed(id),
            locale: &locales[SOURCE].id,
            fallbacks,
        }
    }

    /// The message of a code with parameters as they come from the wire (a body's or an
    /// item's `code` and `parameters`, as they are): what a UI needs to localize a server's
    /// error again.
    ///
    /// ```
    /// use omnia_errors::ErrorBody;
    /// use omnia_errors_fluent::Localizer;
    ///
    /// let body: ErrorBody = serde_json::from_str(
    ///     r#"{"code":"ConnectorBehaviourFailed","message":"…","parameters":{"message":"Disk full"}}"#,
    /// )?;
    /// let pt = Localizer::embedded().for_tags(&["pt-PT"]);
    /// let message = pt.message_for(&body.code, &body.parameters)?;
    /// assert!(message.text.ends_with(": Disk full"), "{}", message.text);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`ParamError`] when the code is not in this version of the catalog, or a required
    /// parameter is missing or has the wrong type.
    pub fn message_for(
        &self,
        code: impl Into<WireCode<AnyCode>>,
        parameters: &Parameters,
    ) -> Result<Message<'_>, ParamError> {
        let code = match code.into() {
            WireCode::Known(code) => code,
            WireCode::Unknown(code) => return Err(ParamError::NotInCatalog { code }),
        };
        Ok(match code {
            AnyCode::Api(code) => self.message(&ApiError::from_parameters(code, parameters)?),
            AnyCode::Validation(code) => {
                self.message(&ValidationError::from_parameters(code, parameters)?)
            }
        })
    }

    /// The error body of an API error and, for `ValidationFailed`, its validation errors
    /// (each with the name of the attribute it concerns, if any): every message in this
    /// locale, each falling back to en-US on its own. The one way bodies are made, by servers
    /// and by the axum layer alike; [`LocalizedBody::locales`] is what `Content-Language` says.
    ///
    /// ```
    /// use omnia_errors::{ApiError, ValidationError};
    /// use omnia_errors_fluent::Localizer;
    ///
    /// let pl = Localizer::embedded().for_tags(&["pl-PL"]);
    /// let too_long = ValidationError::TextMaxLengthMismatch { max_length: 50 };
    /// let localized = pl.error_body(&ApiError::ValidationFailed, [(&too_long, Some("Description"))]);
    /// assert_eq!(localized.body.errors()[0].name.as_deref(), Some("Description"));
    /// assert!(localized.body.errors()[0].message.ends_with("50 znaków."));
    /// assert_eq!(localized.locales, ["pl-PL".parse::<icu_locale_core::LanguageIdentifier>()?]);
    /// assert!(localized.fallbacks.is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn error_body<'e>(
        &self,
        error: &ApiError,
        items: impl IntoIterator<Item = (&'e ValidationError, Option<&'e str>)>,
    ) -> LocalizedBody {
        let mut localized = Localized::start(ErrorBody::from_error(error, ""));
        localized.body.message = localized.text(self.message(error));
        for (item, name) in items {
            let mut body_item = ValidationErrorItem::new(item, localized.text(self.message(item)));
            body_item.name = name.map(str::to_owned);
            localized.body = localized.body.with_error(body_item);
        }
        localized
    }

    /// The same error as [`error_body`](Self::error_body), as RFC 9457 Problem Details
    /// ([`ProblemDetails::from_body`]): `type` is the code's documentation on `page`, `title`
    /// its generic message and `detail` its message (both in this locale, each falling back to
    /// en-US on its own), `status` its HTTP status; `code`, `parameters` and `errors` as in
    /// the OMNIA body.
    ///
    /// ```
    /// use omnia_errors::{ApiError, DocsPage};
    /// use omnia_errors_fluent::Localizer;
    ///
    /// let de = Localizer::embedded().for_tags(&["de-DE"]);
    /// let error = ApiError::ConnectorBehaviourFailed { message: Some("Disk full".into()) };
    /// let problem = de.problem_details(&error, [], &DocsPage::default()).body;
    /// assert_eq!(problem.r#type, "https://docs.omnialowcode.com/omnia3_api_errors.html#ConnectorBehaviourFailed");
    /// assert_eq!(problem.status, Some(400));
    /// assert!(problem.detail.as_deref().unwrap().ends_with(": Disk full"));
    /// assert!(!problem.title.as_deref().unwrap().contains("Disk full"));
    /// ```
    pub fn problem_details<'e>(
        &self,
        error: &ApiError,
        items: impl IntoIterator<Item = (&'e ValidationError, Option<&'e str>)>,
        page: &DocsPage,
    ) -> LocalizedProblem {
        let Localized {
            body,
            locales,
            fallbacks,
        } = self.error_body(error, items);
        let mut localized = Localized {
            body: ProblemDetails::from_body(body, page),
            locales,
            fallbacks,
        };
        localized.body.title = Some(localized.text(self.generic_message(error)));
        localized
    }

    /// Localizes a body received from the wire (or built elsewhere) in place: its message and
    /// every item's, from their codes and parameters. What cannot be localized (a code from a
    /// newer server, unreadable parameters) keeps the message it has; every fallback is
    /// returned (and logged).
    pub fn localize_body(&self, body: &mut ErrorBody) -> Vec<Fallback> {
        let mut fallbacks = Vec::new();
        if let Some(error) = self.read_wire(&body.code, body.error(), &mut fallbacks) {
            body.message = note(self.message(&error), &mut fallbacks);
        }
        self.localize_items(body.errors.as_deref_mut(), &mut fallbacks);
        fallbacks
    }

    /// Localizes a received RFC 9457 problem in place, as [`localize_body`](Self::localize_body)
    /// does an OMNIA body: its `title` (the generic message), its `detail` and every item's
    /// `detail`. Its `type`, `status`, `instance` and other members are left as they came.
    /// A problem without `code` is localized by the code its `type` documents on
    /// [`DocsPage::OMNIA`]; an `about:blank` one gets its status's title
    /// ([`status_title`](Self::status_title)).
    ///
    /// ```
    /// use omnia_errors::ProblemDetails;
    /// use omnia_errors_fluent::Localizer;
    ///
    /// let mut problem: ProblemDetails = serde_json::from_str(
    ///     r#"{"type":"about:blank","title":"Not found","detail":"Not found","code":"EntityNotFound"}"#,
    /// )?;
    /// let fallbacks = Localizer::embedded().for_tags(&["de-DE"]).localize_problem(&mut problem);
    /// assert_eq!(problem.detail.as_deref(), Some("Die Entität wurde nicht gefunden."));
    /// assert!(fallbacks.is_empty());
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn localize_problem(&self, problem: &mut ProblemDetails) -> Vec<Fallback> {
        let mut fallbacks = Vec::new();
        match problem.code_on(&DocsPage::OMNIA) {
            Some(code) => {
                if let Some(error) = self.read_wire(&code, problem.error(), &mut fallbacks) {
                    problem.title = Some(note(self.generic_message(&error), &mut fallbacks));
                    problem.detail = Some(note(self.message(&error), &mut fallbacks));
                }
            }
            // A problem that is its status alone: its title is the status's reason phrase.
            None if problem.r#type == omnia_errors::ABOUT_BLANK => {
                if let Some(title) = problem.status.and_then(|s| self.status_title(s)) {
                    problem.title = Some(note(title, &mut fallbacks));
                }
            }
            None => {}
        }
        self.localize_items(problem.errors.as_deref_mut(), &mut fallbacks);
        fallbacks
    }

    /// Localizes the items of either body, each from its code and parameters.
    fn localize_items(
        &self,
        items: Option<&mut [ValidationErrorItem]>,
        fallbacks: &mut Vec<Fallback>,
    ) {
        for item in items.into_iter().flatten() {
            if let Some(error) = self.read_wire(&item.code, item.error(), fallbacks) {
                item.message = note(self.message(&error), fallbacks);
            }
        }
    }

    /// The typed error of a received code, or `None` with the reason noted (and logged) as a
    /// fallback (the received text is then kept).
    fn read_wire<C: omnia_errors::CatalogCode, E>(
        &self,
        code: &WireCode<C>,
        typed: Result<E, ParamError>,
        fallbacks: &mut Vec<Fallback>,
    ) -> Option<E> {
        typed
            .map_err(|error| {
                let fallback =
                    self.wire_fallback(code.as_str(), matches!(code, WireCode::Unknown(_)), &error);
                log::warn!("{fallback}");
                fallbacks.push(fallback);
            })
            .ok()
    }

    fn wire_fallback(&self, code: &str, unknown: bool, error: &ParamError) -> Fallback {
        Fallback {
            locale: self.locale().clone(),
            code: code.to_owned(),
            kind: if unknown {
                FallbackKind::UnknownCode
            } else {
                FallbackKind::Parameters(error.to_string())
            },
        }
    }

    /// Formats in the locale at `index`; `None`, with the reason noted, when it cannot.
    fn format(
        &self,
        index: usize,
        code: AnyCode,
        context: bool,
        args: &[Option<ParamRef<'_>>],
        fallbacks: &mut Vec<Fallback>,
    ) -> Option<(Cow<'_, str>, &LanguageIdentifier)> {
        let shared = &self.localizer.shared;
        let locale = &shared.locales[index];
        match locale.format(code, context, args, shared.isolation) {
            Ok(text) => Some((text, &locale.id)),
            Err(failure) => {
                fallbacks.push(Fallback {
                    locale: locale.id.clone(),
                    code: code.as_str().to_owned(),
                    kind: failure.kind(code, context),
                });
                None
            }
        }
    }
}

impl LocaleData {
    /// The text of `code`'s message (its `.context` variant with `context`) in this locale,
    /// or why there is none.
    #[inline]
    fn format(
        &self,
        code: AnyCode,
        context: bool,
        args: &[Option<ParamRef<'_>>],
        isolation: Isolation,
    ) -> Result<Cow<'_, str>, Failure> {
        let message = self.messages.get(code.index());
        let pattern = message.and_then(|m| {
            if context {
                m.context.as_ref()
            } else {
                m.value.as_ref()
            }
        });
        let Some(pattern) = pattern else {
            return Err(Failure::Missing);
        };
        if let Some(text) = pattern.as_text() {
            return Ok(Cow::Borrowed(text));
        }
        let cx = pattern::Context::new(args, &self.numbers, isolation == Isolation::On);
        match pattern.format(&cx) {
            Ok(text) if !text.is_empty() => Ok(Cow::Owned(text)),
            Ok(_) => Err(Failure::Blank),
            Err(FormatError::MissingParam(index)) => Err(Failure::MissingParam(index)),
        }
    }
}

/// Why a locale could not format a message, as small as it can be on the usual path's
/// return; [`Failure::kind`] words it, on the way to a fallback.
#[derive(Clone, Copy, Debug)]
enum Failure {
    /// No such message (or `.context` attribute) in the locale.
    Missing,
    /// The message formatted to an empty text.
    Blank,
    /// The message uses the parameter at this position, which the error does not carry.
    MissingParam(u8),
}

impl Failure {
    /// The reported reason of a failure to format `code`'s message (its `.context` variant
    /// with `context`).
    fn kind(self, code: AnyCode, context: bool) -> FallbackKind {
        match self {
            Self::Missing => FallbackKind::MissingMessage {
                id: code.fluent_id(),
                attribute: context.then_some("context"),
            },
            Self::Blank => FallbackKind::Format("the message formatted to an empty text".into()),
            Self::MissingParam(index) => {
                let name = code
                    .params()
                    .get(usize::from(index))
                    .map_or("?", |p| p.name);
                FallbackKind::Format(format!(
                    "the message uses ${name}, which the error does not carry"
                ))
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
