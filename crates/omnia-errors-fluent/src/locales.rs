//! The locale set: declared once, in `locales/locales.toml`, and baked into `embedded.rs`
//! (whose list the crate root re-exports as `LOCALES`).

/// A language of the catalog, as `locales/locales.toml` declares it.
///
/// ```
/// use omnia_errors_fluent::{LOCALES, SOURCE_LOCALE};
///
/// assert_eq!(LOCALES[0].tag, SOURCE_LOCALE);
/// let pt = LOCALES.iter().find(|l| l.tag == "pt-PT").unwrap();
/// assert_eq!(pt.native_name, "Português (Portugal)");
/// assert_eq!(pt.omnia_name, "PTPT");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct LocaleInfo<'a> {
    /// The BCP 47 tag, also the folder name under `locales/`.
    pub tag: &'a str,
    /// The language's name in itself, e.g. "Português (Portugal)" (a language picker's label;
    /// OMNIA's language `description`).
    pub native_name: &'a str,
    /// Its name in English.
    pub english_name: &'a str,
    /// OMNIA's unique identifier of the language, e.g. `PTPT` (its language file's `name`).
    pub omnia_name: &'a str,
}
