//! Fluent source files (feature `files`): what a locale's `.ftl` files are once read, before
//! anything checks or compiles them. Plain data, so that reading, checking and compiling can
//! each depend on it without depending on each other.

/// One Fluent file: where it comes from and its text.
#[derive(Clone, Debug)]
pub struct SourceFile {
    /// The path shown in findings, e.g. `locales/pl-PL/errors.ftl`.
    pub path: String,
    /// The file's name inside its locale folder, e.g. `errors.ftl`.
    pub name: String,
    /// The FTL source.
    pub text: String,
}

/// One locale's Fluent files.
#[derive(Clone, Debug)]
pub struct LocaleFiles {
    /// The locale's tag, from its folder name.
    pub tag: String,
    /// Its `.ftl` files, sorted by name.
    pub files: Vec<SourceFile>,
}
