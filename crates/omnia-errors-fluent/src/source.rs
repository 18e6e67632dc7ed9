//! Fluent files read at run time (feature `files`): reading a folder, the validation every set
//! of files passes, and its compilation into the form the localizer formats; also the
//! generation of the embedded messages (`embedded.rs`) from `locales/`.

use std::fmt::{self, Write as _};
use std::path::{Path, PathBuf};

use icu_locale_core::LanguageIdentifier;

use crate::check::{self, Finding, FindingKind, ParsedLocale, SourceFile};
use crate::compile::{self, Transform};
use crate::locales::{LocaleInfo, SOURCE_LOCALE};
use crate::localizer::LocaleMessages;
use crate::pattern::{Seq, emit};

/// One locale's Fluent files.
#[derive(Clone, Debug)]
pub struct LocaleFiles {
    /// The locale's tag, from its folder name.
    pub tag: String,
    /// Its `.ftl` files, sorted by name.
    pub files: Vec<SourceFile>,
}

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
        // Where the source should be: beside the locales that were read.
        let root = locales
            .iter()
            .flat_map(|l| &l.files)
            .find_map(|f| Path::new(&f.path).parent()?.parent())
            .unwrap_or(Path::new("locales"));
        findings.push(Finding::missing_source(root));
    }
    for (files, locale) in &parsed {
        match files.tag.parse::<LanguageIdentifier>() {
            Err(_) => findings.push(Finding::bad_locale_tag(files, None)),
            // `en-us` beside `en-US` would be the same locale twice.
            Ok(id) if id.to_string() != files.tag => {
                findings.push(Finding::bad_locale_tag(files, Some(id.to_string())));
            }
            Ok(_) => {}
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
            Self::Invalid(findings) => crate::check::FindingList(findings).fmt(f),
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
    /// Validates and compiles every locale; en-US must be among them.
    pub(crate) fn compile(locales: &[LocaleFiles]) -> Result<Self, LoadError> {
        let mut findings = check_locales(locales, false);
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
        let source = locales.iter().find(|l| l.tag == SOURCE_LOCALE);
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

/// The Rust source of `embedded.rs`: the declared locales' messages, compiled, and the
/// pseudo-locales'. Used by `cargo xtask docs`; not an API for applications.
///
/// # Errors
///
/// [`LoadError::Invalid`] with every finding: the complete check of every locale, locales
/// declared without files or files of undeclared locales, constructs that do not compile.
#[doc(hidden)]
pub fn generate_embedded(
    declared: &[LocaleInfo<'_>],
    locales: &[LocaleFiles],
) -> Result<String, LoadError> {
    let loaded = compile_declared(declared, locales)?;

    let mut out = String::from(
        "//! @generated by `cargo xtask docs` from `locales/locales.toml` and `locales/<tag>/*.ftl`:\n\
         //! the catalog's messages, compiled. Do not edit by hand.\n\n\
         use std::borrow::Cow;\n\n\
         use crate::locales::LocaleInfo;\n\
         #[allow(unused_imports)]\n\
         use crate::pattern::{Key, Message, Pattern, Piece, Select, Seq, Variant};\n\n",
    );
    let n = declared.len();
    let _ = writeln!(
        out,
        "pub(crate) static LOCALES: [LocaleInfo<'static>; {n}] = ["
    );
    for info in declared {
        let _ = writeln!(
            out,
            "    LocaleInfo {{ tag: {:?}, native_name: {:?}, english_name: {:?}, omnia_name: {:?} }},",
            info.tag, info.native_name, info.english_name, info.omnia_name
        );
    }
    out.push_str("];\n\n");
    let _ = writeln!(out, "pub(crate) static MESSAGES: [&[Message]; {n}] = [");
    for locale in &loaded.locales {
        messages(&locale.tag, &locale.messages, &mut out);
    }
    out.push_str("];\n\n#[cfg(feature = \"pseudo\")]\n");
    let _ = writeln!(
        out,
        "pub(crate) static PSEUDO: [(&str, &[Message]); {}] = [",
        loaded.pseudo.len()
    );
    for locale in &loaded.pseudo {
        let _ = writeln!(out, "    ({:?},", locale.tag);
        messages(&locale.tag, &locale.messages, &mut out);
        out.push_str("    ),\n");
    }
    out.push_str("];\n");
    Ok(out)
}

/// The declared locales, checked as `embedded.rs` must be (every locale complete, declared and
/// present, en-US first) and compiled in the declared order.
pub(crate) fn compile_declared(
    declared: &[LocaleInfo<'_>],
    locales: &[LocaleFiles],
) -> Result<Loaded, LoadError> {
    let mut findings = check_locales(locales, true);
    for locale in locales {
        if !declared.iter().any(|d| d.tag == locale.tag) {
            findings.push(Finding {
                file: format!("locales/{}", locale.tag),
                position: None,
                locale: locale.tag.clone(),
                id: None,
                kind: FindingKind::NotDeclared,
            });
        }
    }
    let mut ordered = Vec::with_capacity(declared.len());
    for info in declared {
        match locales.iter().find(|l| l.tag == info.tag) {
            Some(files) => ordered.push(files),
            None => findings.push(Finding {
                file: "locales/locales.toml".to_owned(),
                position: None,
                locale: info.tag.to_owned(),
                id: None,
                kind: FindingKind::Missing,
            }),
        }
    }
    if declared.first().is_none_or(|d| d.tag != SOURCE_LOCALE) {
        findings.push(Finding::missing_source(Path::new("locales")));
    }
    if !findings.is_empty() {
        return Err(LoadError::Invalid(findings));
    }
    Loaded::compile(&ordered.into_iter().cloned().collect::<Vec<_>>())
}

fn messages(tag: &str, messages: &[crate::pattern::Message], out: &mut String) {
    let _ = writeln!(out, "    // {tag}\n    &[");
    for ((id, _), message) in crate::status::message_ids().zip(messages) {
        let _ = write!(out, "        // {id}\n        ");
        emit::message(message, out);
        out.push_str(",\n");
    }
    out.push_str("    ],\n");
}
