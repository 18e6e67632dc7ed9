//! Fluent files loaded at run time (feature `files`): reading a folder with bounded memory, and
//! turning a set of files into the localizer's messages once they pass every check (and
//! compile, pseudo-locales included).

use std::fmt;
use std::path::{Path, PathBuf};

use crate::check::{FindingList, check_declared};
use crate::compile::{self, Transform};
use crate::pattern::{LocaleMessages, Seq};
use crate::source::{LocaleFiles, SourceFile};

/// The largest `.ftl` file read, in bytes: our largest is under 10 KiB, so 1 MiB leaves room for
/// any translation while a file that is not one (a log, a device) cannot exhaust memory.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// Reads `<dir>/<tag>/*.ftl` for every locale folder of `dir`. Hidden entries (a `.git`
/// folder, editors' `.swp` files) are skipped; every `.ftl` entry must be a regular file (or a
/// link to one) of at most [`MAX_FILE_BYTES`], read without trusting its announced size.
///
/// # Errors
///
/// [`LoadError::Io`] naming the path that could not be read (a file that is not UTF-8 too),
/// [`LoadError::NotAFile`] for a FIFO, device or folder named `*.ftl`, [`LoadError::TooLarge`].
pub fn read_locales(dir: &Path) -> Result<Vec<LocaleFiles>, LoadError> {
    let mut locales = Vec::new();
    for entry in sorted_entries(dir).map_err(io(dir))? {
        if is_hidden(&entry) || !entry.is_dir() {
            continue;
        }
        let tag = entry
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let mut files = Vec::new();
        for file in sorted_entries(&entry).map_err(io(&entry))? {
            if is_hidden(&file) || file.extension().is_none_or(|e| e != "ftl") {
                continue;
            }
            files.push(SourceFile {
                text: read_file(&file)?,
                path: file.display().to_string(),
                name: file
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
            });
        }
        locales.push(LocaleFiles { tag, files });
    }
    Ok(locales)
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> LoadError {
    let path = path.to_owned();
    move |source| LoadError::Io { path, source }
}

fn is_hidden(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|n| n.as_encoded_bytes().starts_with(b"."))
}

/// Reads one `.ftl` file: a regular file, at most [`MAX_FILE_BYTES`], UTF-8.
pub(crate) fn read_file(path: &Path) -> Result<String, LoadError> {
    use std::io::Read as _;
    // `metadata` follows links: a link to a FIFO or `/dev/zero` is refused before it is
    // opened (opening a FIFO would block until a writer comes).
    let metadata = std::fs::metadata(path).map_err(io(path))?;
    if !metadata.is_file() {
        return Err(LoadError::NotAFile {
            path: path.to_owned(),
        });
    }
    let too_large = || LoadError::TooLarge {
        path: path.to_owned(),
        limit: MAX_FILE_BYTES,
    };
    if metadata.len() > MAX_FILE_BYTES {
        return Err(too_large());
    }
    let file = std::fs::File::open(path).map_err(io(path))?;
    let mut bytes = Vec::new();
    // The file may have grown since `metadata`: read one byte past the limit to know.
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io(path))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large());
    }
    String::from_utf8(bytes).map_err(|e| LoadError::Io {
        path: path.to_owned(),
        source: std::io::Error::new(std::io::ErrorKind::InvalidData, e.utf8_error()),
    })
}

fn sorted_entries(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut entries = std::fs::read_dir(dir)?
        .map(|entry| entry.map(|e| e.path()))
        .collect::<std::io::Result<Vec<_>>>()?;
    entries.sort();
    Ok(entries)
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
    Invalid(Vec<crate::check::Finding>),
    /// A `.ftl` entry that is not a regular file (a FIFO, a device, a folder).
    NotAFile {
        /// The path at fault.
        path: PathBuf,
    },
    /// A `.ftl` file larger than the limit.
    TooLarge {
        /// The path at fault.
        path: PathBuf,
        /// The limit, [`MAX_FILE_BYTES`].
        limit: u64,
    },
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Io { path, source } => write!(f, "cannot read {}: {source}", path.display()),
            Self::NotAFile { path } => write!(
                f,
                "{} is not a regular file: a Fluent file must be one (or a link to one)",
                path.display()
            ),
            Self::TooLarge { path, limit } => write!(
                f,
                "{} is larger than {limit} bytes, the limit for a Fluent file: is it one?",
                path.display()
            ),
            Self::Invalid(findings) => FindingList(findings).fmt(f),
        }
    }
}

impl std::error::Error for LoadError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::Io { source, .. } => Some(source),
            Self::Invalid(_) | Self::NotAFile { .. } | Self::TooLarge { .. } => None,
        }
    }
}

/// Messages compiled from files, ready for the builder.
pub(crate) struct Loaded {
    pub(crate) locales: Vec<LocaleMessages>,
    /// The pseudo-locales, compiled from the loaded source.
    pub(crate) pseudo: Vec<LocaleMessages>,
}

/// Pseudo-locales, generated from the source's text for testing UIs: `en-XA` accented and
/// about a third longer (truncation, hard-coded strings, fonts), `ar-XB` mirrored right-to-left
/// (layout direction).
const PSEUDO: [(&str, Transform); 2] = [("en-XA", accented), ("ar-XB", mirrored)];

fn accented(text: &str) -> std::borrow::Cow<'_, str> {
    fluent_pseudo::transform(text, false, true)
}

fn mirrored(text: &str) -> std::borrow::Cow<'_, str> {
    fluent_pseudo::transform(text, true, false)
}

impl Loaded {
    /// Validates and compiles every locale; the source, the first of `declared`, must be
    /// among them.
    pub(crate) fn compile(locales: &[LocaleFiles], declared: &[&str]) -> Result<Self, LoadError> {
        let mut findings = check_declared(locales, declared, false);
        if !findings.is_empty() {
            return Err(LoadError::Invalid(findings));
        }
        let mut compiled = Vec::with_capacity(locales.len());
        for locale in locales {
            match compile::compile_locale(&locale.tag, &locale.files, None) {
                Ok(messages) => compiled.push(LocaleMessages {
                    tag: locale.tag.clone(),
                    messages: Seq::Owned(messages.into()),
                }),
                Err(found) => findings.extend(found),
            }
        }
        let source = locales
            .iter()
            .find(|l| Some(l.tag.as_str()) == declared.first().copied());
        let mut pseudo = Vec::new();
        if let Some(source) = source {
            for (tag, transform) in PSEUDO {
                match compile::compile_locale(tag, &source.files, Some(transform)) {
                    Ok(messages) => pseudo.push(LocaleMessages {
                        tag: tag.to_owned(),
                        messages: Seq::Owned(messages.into()),
                    }),
                    Err(found) => findings.extend(found),
                }
            }
        }
        if findings.is_empty() {
            Ok(Self {
                locales: compiled,
                pseudo,
            })
        } else {
            Err(LoadError::Invalid(findings))
        }
    }
}
