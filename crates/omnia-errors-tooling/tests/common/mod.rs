//! What the exporters' tests share.

use omnia_errors_fluent::{LocaleFiles, SourceFile};

/// A locale whose only file is an `errors.ftl` holding `ftl`, at the path a repository's would
/// have (so that findings name `locales/<tag>/errors.ftl`).
pub fn one_file_locale(tag: &str, ftl: &str) -> Vec<LocaleFiles> {
    vec![LocaleFiles {
        tag: tag.to_owned(),
        files: vec![SourceFile {
            path: format!("locales/{tag}/errors.ftl"),
            name: "errors.ftl".to_owned(),
            text: ftl.to_owned(),
        }],
    }]
}
