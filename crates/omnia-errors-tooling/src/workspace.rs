//! The repository's `locales/`: the translators' files and the declared locale set, read in
//! one place.

use std::fmt;
use std::path::{Path, PathBuf};

use omnia_errors_fluent::{FindingKind, LoadError, LocaleFiles, LocaleInfo, SourceFile};
use serde::Deserialize;
use unic_langid::LanguageIdentifier;

/// The repository this crate is built in, or another with the same layout.
#[derive(Clone, Debug)]
pub struct Workspace {
    root: PathBuf,
}

/// One `[[locale]]` of `locales/locales.toml`.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct DeclaredLocale {
    /// The BCP 47 tag.
    pub tag: String,
    /// The language's name in itself.
    pub native_name: String,
    /// Its name in English.
    pub english_name: String,
    /// OMNIA's identifier of the language.
    pub omnia_name: String,
    /// The quotation marks the locale's messages quote with, opening and closing (`["„", "”"]`;
    /// French `["«\u00A0", "\u00A0»"]`, the no-break spaces inside); the style check
    /// ([`check_style`](crate::check_style)) reports any other.
    #[serde(default)]
    pub quotes: Option<[String; 2]>,
    /// The product terms (`-tenant`) this locale keeps in English on purpose, as OMNIA's own
    /// language files do; the style check reports any other whose text is the English one.
    #[serde(default)]
    pub english_terms: Vec<String>,
    /// Messages whose quotation marks the style check leaves as they are (en-US: the published
    /// page's wording).
    #[serde(default)]
    pub quote_exceptions: Vec<String>,
}

impl DeclaredLocale {
    /// As the runtime crate has it.
    pub fn info(&self) -> LocaleInfo<'_> {
        LocaleInfo {
            tag: &self.tag,
            native_name: &self.native_name,
            english_name: &self.english_name,
            omnia_name: &self.omnia_name,
        }
    }
}

/// `locales/locales.toml`: the declared locales, in order. New fields of a locale go in
/// [`DeclaredLocale`] (serde names them in kebab case; an unknown field is an error naming it).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LocalesToml {
    locale: Vec<DeclaredLocale>,
}

/// The workspace's locales: the declared set, in its order (the first is the source, the order
/// is the negotiation preference), each with its Fluent files. Every declared locale has its
/// folder and every folder is declared: what [`Workspace::locales`] reads, the exporters, the
/// generators and the tests take.
#[derive(Clone, Debug)]
pub struct Locales {
    declared: Vec<DeclaredLocale>,
    files: Vec<LocaleFiles>,
}

impl Locales {
    /// The declared set and its files, in the declared order.
    ///
    /// # Errors
    ///
    /// [`WorkspaceError::Load`] with a finding for every declared locale without files, every
    /// folder not declared, and no locale declared at all.
    pub fn new(
        declared: Vec<DeclaredLocale>,
        mut files: Vec<LocaleFiles>,
    ) -> Result<Self, WorkspaceError> {
        let mut findings = Vec::new();
        let position = |tag: &str| declared.iter().position(|d| d.tag == tag);
        let infos: Vec<LocaleInfo<'_>> = declared.iter().map(DeclaredLocale::info).collect();
        // The declaration's findings only: the files' own are the locale check's.
        for finding in omnia_errors_fluent::check_locales(&files, &infos, true) {
            if matches!(
                finding.kind,
                FindingKind::NotDeclared | FindingKind::NothingDeclared
            ) || (finding.kind == FindingKind::Missing && finding.id.is_none())
            {
                findings.push(finding);
            }
        }
        if !findings.is_empty() {
            return Err(WorkspaceError::Load(LoadError::Invalid(findings)));
        }
        files.sort_by_key(|l| position(&l.tag));
        Ok(Self { declared, files })
    }

    /// The source locale, declared first.
    pub fn source(&self) -> &DeclaredLocale {
        // `new` refuses an empty declaration.
        &self.declared[0]
    }

    /// The declared locales, in order.
    pub fn declared(&self) -> &[DeclaredLocale] {
        &self.declared
    }

    /// The declared locales as the runtime crate has them.
    pub fn infos(&self) -> Vec<LocaleInfo<'_>> {
        self.declared.iter().map(DeclaredLocale::info).collect()
    }

    /// Every locale's files, in the declared order.
    pub fn files(&self) -> &[LocaleFiles] {
        &self.files
    }

    /// The tags, in the declared order.
    pub fn tags(&self) -> impl Iterator<Item = &str> {
        self.declared.iter().map(|d| d.tag.as_str())
    }

    /// The locale whose tag is `culture` as a language tag (case and `-` or `_` do not
    /// matter, but `pt` is not `pt-PT`), with its files.
    pub fn find(&self, culture: &str) -> Option<(&DeclaredLocale, &LocaleFiles)> {
        let wanted = culture.parse::<LanguageIdentifier>().ok();
        self.declared.iter().zip(&self.files).find(|(d, _)| {
            d.tag.eq_ignore_ascii_case(culture)
                || wanted
                    .as_ref()
                    .is_some_and(|w| d.tag.parse::<LanguageIdentifier>().ok().as_ref() == Some(w))
        })
    }

    /// A locale of one file, `locales/<tag>/errors.ftl` holding `ftl`, declared alone (so the
    /// source) with its tag as its names: for tests and examples.
    pub fn one_file(tag: &str, ftl: &str) -> Self {
        let declared = DeclaredLocale {
            tag: tag.to_owned(),
            native_name: tag.to_owned(),
            english_name: tag.to_owned(),
            omnia_name: tag.replace('-', "").to_ascii_uppercase(),
            quotes: None,
            english_terms: Vec::new(),
            quote_exceptions: Vec::new(),
        };
        let files = LocaleFiles {
            tag: tag.to_owned(),
            files: vec![SourceFile {
                path: format!("locales/{tag}/errors.ftl"),
                name: "errors.ftl".to_owned(),
                text: ftl.to_owned(),
            }],
        };
        Self {
            declared: vec![declared],
            files: vec![files],
        }
    }
}

/// Why the workspace's locales could not be read.
#[derive(Debug)]
#[non_exhaustive]
pub enum WorkspaceError {
    /// `locales/locales.toml` cannot be read or is not what it should be.
    Declared {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// The Fluent files cannot be read, or do not match the declaration.
    Load(LoadError),
}

impl fmt::Display for WorkspaceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Declared { path, message } => write!(f, "{}: {message}", path.display()),
            Self::Load(error) => error.fmt(f),
        }
    }
}

impl std::error::Error for WorkspaceError {}

impl From<LoadError> for WorkspaceError {
    fn from(error: LoadError) -> Self {
        Self::Load(error)
    }
}

impl Workspace {
    /// The repository this crate was built in.
    pub fn current() -> Self {
        Self::at(Path::new(env!("CARGO_MANIFEST_DIR")).join("../.."))
    }

    /// A repository at `root`.
    pub fn at(root: impl Into<PathBuf>) -> Self {
        Self { root: root.into() }
    }

    /// The repository's root.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// `locales/`.
    pub fn locales_dir(&self) -> PathBuf {
        self.root.join("locales")
    }

    /// `locales/locales.toml`, the declared locale set.
    pub fn locales_toml(&self) -> PathBuf {
        self.locales_dir().join("locales.toml")
    }

    /// The declared locale set (`locales/locales.toml`, the one place a language is declared)
    /// and each locale's Fluent files: the one reader of both.
    ///
    /// # Errors
    ///
    /// [`WorkspaceError::Declared`] when the declaration cannot be read or parsed,
    /// [`WorkspaceError::Load`] naming a file that cannot be read, or every mismatch between
    /// the declaration and the folders.
    pub fn locales(&self) -> Result<Locales, WorkspaceError> {
        let path = self.locales_toml();
        let error = |message: String| WorkspaceError::Declared {
            path: path.clone(),
            message,
        };
        let text = std::fs::read_to_string(&path).map_err(|e| error(e.to_string()))?;
        let parsed: LocalesToml = toml::from_str(&text).map_err(|e| error(e.to_string()))?;
        let files = omnia_errors_fluent::read_locales(&self.locales_dir())?;
        Locales::new(parsed.locale, files)
    }
}

/// The Rust source of `crates/omnia-errors-fluent/src/embedded.rs`: the declared locales'
/// messages compiled, as the runtime crate embeds them.
///
/// # Errors
///
/// Every problem the complete locale check finds, and constructs that do not compile.
pub fn embedded_rust(locales: &Locales) -> Result<String, LoadError> {
    omnia_errors_fluent::generate_embedded(&locales.infos(), locales.files())
}

#[cfg(test)]
mod tests {
    use super::Workspace;

    #[test]
    fn a_missing_locale_set_is_an_error_naming_the_file() {
        let empty = std::env::temp_dir().join(format!("omnia-tooling-{}", std::process::id()));
        let error = Workspace::at(&empty).locales().unwrap_err();
        let text = error.to_string();
        assert!(text.contains("locales.toml"), "{text}");
        assert!(text.contains(&empty.display().to_string()), "{text}");
    }

    #[test]
    fn the_declared_set_is_read_in_order_with_its_files() {
        let locales = Workspace::current().locales().unwrap();
        assert_eq!(locales.source().tag, locales.files()[0].tag);
        let tags: Vec<&str> = locales.tags().collect();
        let files: Vec<&str> = locales.files().iter().map(|l| l.tag.as_str()).collect();
        assert_eq!(tags, files);
        assert_eq!(locales.find("pt_pt").unwrap().0.omnia_name, "PTPT");
        assert!(locales.find("pt").is_none());
    }

    #[test]
    fn the_embedded_messages_are_the_declared_locales_compiled() {
        let workspace = Workspace::current();
        let rust = super::embedded_rust(&workspace.locales().unwrap()).unwrap();
        let committed = std::fs::read_to_string(
            workspace
                .root()
                .join("crates/omnia-errors-fluent/src/embedded.rs"),
        )
        .unwrap();
        assert!(
            rust == committed,
            "embedded.rs is stale: run `cargo xtask docs`"
        );
    }

    #[test]
    fn folders_and_declaration_must_match() {
        let locales = Workspace::current().locales().unwrap();
        let mut declared = locales.declared().to_vec();
        let undeclared = declared.pop().unwrap();
        let error = super::Locales::new(declared, locales.files().to_vec()).unwrap_err();
        let text = error.to_string();
        assert!(
            text.contains(&undeclared.tag) && text.contains("not declared in locales/locales.toml"),
            "{text}"
        );
        let error = super::Locales::new(locales.declared().to_vec(), Vec::new()).unwrap_err();
        assert!(error.to_string().contains("locales.toml: ["), "{error}");
        let error = super::Locales::new(Vec::new(), locales.files().to_vec()).unwrap_err();
        assert!(
            error.to_string().contains("no locale is declared"),
            "{error}"
        );
    }
}
