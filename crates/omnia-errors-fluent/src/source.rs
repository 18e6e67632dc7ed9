//! Where Fluent files come from (embedded at compile time, or a folder at run time), and the
//! validation every set of files passes before a localizer uses it.

use std::fmt;
use std::path::{Path, PathBuf};

use unic_langid::LanguageIdentifier;

use crate::check::{self, Finding, ParsedLocale, SourceFile};

include!(concat!(env!("OUT_DIR"), "/embedded.rs"));

/// The source language: complete by definition, and the fallback of every other locale.
pub const SOURCE_LOCALE: &str = "en-US";

/// One locale's Fluent files.
#[derive(Clone, Debug)]
pub struct LocaleFiles {
    /// The locale's tag, from its folder name.
    pub tag: String,
    /// Its `.ftl` files, sorted by name.
    pub files: Vec<SourceFile>,
}

/// The Fluent files compiled into this crate, from the workspace's `locales/` folder.
pub fn embedded_locales() -> Vec<LocaleFiles> {
    EMBEDDED
        .iter()
        .map(|(tag, files)| LocaleFiles {
            tag: (*tag).to_owned(),
            files: files
                .iter()
                .map(|(name, text)| SourceFile {
                    path: format!("locales/{tag}/{name}"),
                    name: (*name).to_owned(),
                    text: (*text).to_owned(),
                })
                .collect(),
        })
        .collect()
}

/// Reads `<dir>/<tag>/*.ftl` for every locale folder of `dir`.
///
/// # Errors
///
/// [`LoadError::Io`] naming the path that could not be read.
pub fn read_locales(dir: &Path) -> Result<Vec<LocaleFiles>, LoadError> {
    let io = |path: &Path| {
        let path = path.to_owned();
        move |source| LoadError::Io { path, source }
    };
    let mut locales = Vec::new();
    for entry in sorted_entries(dir).map_err(io(dir))? {
        if !entry.is_dir() {
            continue;
        }
        let tag = entry
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let mut files = Vec::new();
        for file in sorted_entries(&entry).map_err(io(&entry))? {
            if file.extension().is_none_or(|e| e != "ftl") {
                continue;
            }
            let text = std::fs::read_to_string(&file).map_err(io(&file))?;
            files.push(SourceFile {
                path: file.display().to_string(),
                name: file
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                text,
            });
        }
        locales.push(LocaleFiles { tag, files });
    }
    Ok(locales)
}

fn sorted_entries(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut entries = std::fs::read_dir(dir)?
        .map(|entry| entry.map(|e| e.path()))
        .collect::<std::io::Result<Vec<_>>>()?;
    entries.sort();
    Ok(entries)
}

/// Every finding of every locale: syntax, ids, attributes, variables, plural variants.
///
/// `require_complete` also reports messages missing from a translation (the source locale must
/// always be complete). The embedded files pass with it on; a folder loaded at run time may be
/// a translation in progress, whose gaps fall back to the source.
pub fn check_locales(locales: &[LocaleFiles], require_complete: bool) -> Vec<Finding> {
    let mut findings = Vec::new();
    let parsed: Vec<(&LocaleFiles, ParsedLocale)> = locales
        .iter()
        .map(|l| (l, check::parse_locale(&l.tag, &l.files, &mut findings)))
        .collect();
    let source = parsed
        .iter()
        .find(|(l, _)| l.tag == SOURCE_LOCALE)
        .map(|(_, p)| p);
    if source.is_none() {
        findings.push(Finding::missing_source());
    }
    for (files, locale) in &parsed {
        if files.tag.parse::<LanguageIdentifier>().is_err() {
            findings.push(Finding::bad_locale_tag(files));
        }
        let is_source = files.tag == SOURCE_LOCALE;
        let against = if is_source { None } else { source };
        check::check_locale(
            locale,
            against,
            require_complete || is_source,
            &mut findings,
        );
    }
    findings
}

/// Why a set of Fluent files could not be loaded. Nothing of a failed load is used.
#[derive(Debug)]
#[non_exhaustive]
pub enum LoadError {
    /// A file or folder could not be read.
    Io {
        /// The path at fault.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The files have problems: every finding, each naming file, line, column, locale and id.
    Invalid(Vec<Finding>),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Io { path, source } => write!(f, "cannot read {}: {source}", path.display()),
            Self::Invalid(findings) => {
                write!(f, "{} problem(s) in the Fluent files:", findings.len())?;
                for finding in findings {
                    write!(f, "\n  {finding}")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for LoadError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::Io { source, .. } => Some(source),
            Self::Invalid(_) => None,
        }
    }
}
