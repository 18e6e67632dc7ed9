//! The repository's `locales/`: the translators' files and the declared locale set.

use std::fmt;
use std::path::{Path, PathBuf};

use omnia_errors_fluent::{LoadError, LocaleFiles, LocaleInfo};
use serde::Deserialize;

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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LocalesToml {
    locale: Vec<DeclaredLocale>,
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
    /// The Fluent files cannot be read, or have problems.
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

    /// The declared locale set, in preference order.
    ///
    /// # Errors
    ///
    /// [`WorkspaceError::Declared`] when the file cannot be read or parsed.
    pub fn declared_locales(&self) -> Result<Vec<DeclaredLocale>, WorkspaceError> {
        let path = self.locales_toml();
        let error = |message: String| WorkspaceError::Declared {
            path: path.clone(),
            message,
        };
        let text = std::fs::read_to_string(&path).map_err(|e| error(e.to_string()))?;
        let parsed: LocalesToml = toml::from_str(&text).map_err(|e| error(e.to_string()))?;
        Ok(parsed.locale)
    }

    /// Every locale folder's Fluent files.
    ///
    /// # Errors
    ///
    /// [`WorkspaceError::Load`] naming what cannot be read.
    pub fn locale_files(&self) -> Result<Vec<LocaleFiles>, WorkspaceError> {
        Ok(omnia_errors_fluent::read_locales(&self.locales_dir())?)
    }
}

/// The Rust source of `crates/omnia-errors-fluent/src/embedded.rs`: the declared locales'
/// messages compiled, as the runtime crate embeds them.
///
/// # Errors
///
/// What [`Workspace::declared_locales`] and [`Workspace::locale_files`] report, and every
/// problem the complete locale check finds.
pub fn embedded_rust(workspace: &Workspace) -> Result<String, WorkspaceError> {
    let declared = workspace.declared_locales()?;
    let infos: Vec<LocaleInfo<'_>> = declared.iter().map(DeclaredLocale::info).collect();
    let files = workspace.locale_files()?;
    Ok(omnia_errors_fluent::generate_embedded(&infos, &files)?)
}

#[cfg(test)]
mod tests {
    use super::Workspace;

    #[test]
    fn a_missing_locale_set_is_an_error_naming_the_file() {
        let empty = std::env::temp_dir().join(format!("omnia-tooling-{}", std::process::id()));
        let error = Workspace::at(&empty).declared_locales().unwrap_err();
        let text = error.to_string();
        assert!(text.contains("locales.toml"), "{text}");
        assert!(text.contains(&empty.display().to_string()), "{text}");
    }

    #[test]
    fn the_declared_set_is_the_one_the_runtime_carries() {
        let declared = Workspace::current().declared_locales().unwrap();
        let infos: Vec<_> = declared.iter().map(super::DeclaredLocale::info).collect();
        assert_eq!(infos, omnia_errors_fluent::LOCALES);
    }
}
