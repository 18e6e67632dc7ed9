//! The "API Error Codes" page of one locale: Markdown from the tera template, checked by
//! reading its tables back, and an HTML preview.

use std::collections::HashMap;
use std::path::Path;

use omnia_errors::{AnyCode, ErrorCode, Lifecycle, ValidationErrorCode};
use omnia_errors_tooling::{DocLanguage, DocTexts};
use serde::Serialize;
use tera::{Context, Tera, Value};

use super::{page_dir, tables};
use crate::codegen::Generated;

const PAGE_TEMPLATE: &str = "omnia3_api_errors.md.tera";
const PREVIEW_TEMPLATE: &str = "preview.html.tera";
pub(crate) const PAGE_FILE: &str = "omnia3_api_errors.md";
const PERMALINK: &str = "omnia3_api_errors.html";

/// The templates of `templates/`, with the filters they use.
pub(crate) struct Templates(Tera);

impl Templates {
    pub(crate) fn load(dir: &Path) -> Result<Self, String> {
        let mut tera = Tera::default();
        for name in [PAGE_TEMPLATE, PREVIEW_TEMPLATE] {
            let path = dir.join(name);
            tera.add_template_file(&path, Some(name))
                .map_err(|e| format!("template {}: {}", path.display(), chain(&e)))?;
        }
        tera.register_filter("cell", cell);
        tera.register_filter("yaml_plain", yaml_plain);
        tera.register_filter("yaml_quoted", yaml_quoted);
        Ok(Self(tera))
    }

    fn render(&self, name: &str, context: &Context) -> Result<String, String> {
        self.0
            .render(name, context)
            .map_err(|e| format!("templates/{name}: {}", chain(&e)))
    }
}

/// Tera puts the useful part (template, line, cause) in the source chain.
fn chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

/// The page texts of `page.ftl`.
#[derive(Serialize)]
struct PageTexts {
    title: String,
    summary: String,
    intro: String,
    column_code: String,
    column_status: String,
    column_message: String,
    validation_heading: String,
}

#[derive(Serialize)]
struct Row {
    code: &'static str,
    status: Option<u16>,
    message: String,
}

/// The page and its preview for one locale.
pub(crate) fn generate(
    templates: &Templates,
    texts: &DocTexts,
    tag: &str,
) -> Result<Vec<Generated>, String> {
    let language = texts
        .language(tag)
        .ok_or_else(|| format!("no locale {tag:?} in locales/"))?;
    let text = |id: &str| {
        language
            .page_text(id)
            .ok_or_else(|| format!("locale {tag} has no page text {id} (locales/{tag}/page.ftl)"))
    };
    let page = PageTexts {
        title: text("page-title")?,
        summary: text("page-summary")?,
        intro: text("page-intro")?,
        column_code: text("page-column-code")?,
        column_status: text("page-column-status")?,
        column_message: text("page-column-message")?,
        validation_heading: text("page-validation-heading")?,
    };
    let api = ErrorCode::ALL
        .iter()
        .map(|&c| row(&language, tag, c.into()))
        .collect::<Result<Vec<_>, _>>()?;
    let validation = ValidationErrorCode::ALL
        .iter()
        .map(|&c| row(&language, tag, c.into()))
        .collect::<Result<Vec<_>, _>>()?;

    let dir = page_dir(tag);
    let permalink = dir.join(PERMALINK).to_string_lossy().into_owned();
    let mut context = Context::new();
    context.insert("locale", tag);
    context.insert("permalink", &permalink);
    context.insert("page", &page);
    context.insert("api", &api);
    context.insert("validation", &validation);
    let markdown = templates.render(PAGE_TEMPLATE, &context)?;
    let path = dir.join(PAGE_FILE);
    verify_tables(&markdown, &page, &api, &validation).map_err(|problems| {
        format!(
            "{}: the rendered page does not hold the catalog:\n  {}",
            path.display(),
            problems.join("\n  ")
        )
    })?;

    let mut preview = Context::new();
    preview.insert("locale", tag);
    preview.insert("title", &page.title);
    preview.insert("source", &path.to_string_lossy());
    preview.insert("body", &to_html(&markdown));
    let preview_path = Path::new("preview").join(format!("{tag}.html"));
    Ok(vec![
        Generated {
            path,
            contents: markdown,
        },
        Generated {
            path: preview_path,
            contents: templates.render(PREVIEW_TEMPLATE, &preview)?,
        },
    ])
}

/// One table row: the generic message, parameters shown by their placeholder, and the
/// documentation note appended.
fn row(language: &DocLanguage<'_>, tag: &str, code: AnyCode) -> Result<Row, String> {
    let mut message = language.documented_message(code)?;
    let lifecycle = match code.lifecycle() {
        Lifecycle::Active => None,
        Lifecycle::Deprecated => Some("page-lifecycle-deprecated"),
        Lifecycle::Retired => Some("page-lifecycle-retired"),
    };
    if let Some(id) = lifecycle {
        let label = language
            .page_text(id)
            .ok_or_else(|| format!("locale {tag} has no page text {id}"))?;
        message = format!("{label} {message}");
    }
    if code.has_doc_note() {
        let note = language
            .doc_note(code)
            .ok_or_else(|| format!("locale {tag} has no {}.note", code.fluent_id()))?;
        message = format!("{message} {note}");
    }
    Ok(Row {
        code: code.as_str(),
        status: code.http_status(),
        message,
    })
}

fn verify_tables(
    markdown: &str,
    page: &PageTexts,
    api: &[Row],
    validation: &[Row],
) -> Result<(), Vec<String>> {
    let found = tables::tables(markdown);
    let mut problems = Vec::new();
    if found.len() != 2 {
        problems.push(format!("{} tables, expected 2", found.len()));
    }
    let api_header =
        [&page.column_code, &page.column_status, &page.column_message].map(Clone::clone);
    let api_rows: Vec<Vec<String>> = api
        .iter()
        .map(|r| {
            vec![
                r.code.to_owned(),
                r.status.map(|s| s.to_string()).unwrap_or_default(),
                r.message.clone(),
            ]
        })
        .collect();
    problems.extend(tables::compare(
        "API error codes",
        found.first(),
        &api_header,
        &api_rows,
    ));
    let validation_header = [&page.column_code, &page.column_message].map(Clone::clone);
    let validation_rows: Vec<Vec<String>> = validation
        .iter()
        .map(|r| vec![r.code.to_owned(), r.message.clone()])
        .collect();
    problems.extend(tables::compare(
        "validation error codes",
        found.get(1),
        &validation_header,
        &validation_rows,
    ));
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

fn to_html(markdown: &str) -> String {
    let mut html = String::new();
    pulldown_cmark::html::push_html(
        &mut html,
        pulldown_cmark::Parser::new_ext(markdown, tables::options()),
    );
    html
}

fn string_arg<'v>(value: &'v Value, filter: &str) -> tera::Result<&'v str> {
    value
        .as_str()
        .ok_or_else(|| tera::Error::msg(format!("the {filter} filter takes a string, got {value}")))
}

/// A table cell: `|` escaped, line breaks as `<br>`, HTML special characters as entities, so
/// no message can break the table or inject markup.
fn cell(value: &Value, _: &HashMap<String, Value>) -> tera::Result<Value> {
    let text = string_arg(value, "cell")?;
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '|' => out.push_str("\\|"),
            '\n' => out.push_str("<br>"),
            '\r' => {}
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            c => out.push(c),
        }
    }
    Ok(Value::String(out))
}

/// A YAML scalar left plain when that is unambiguous (as the spec writes its title), quoted
/// otherwise.
fn yaml_plain(value: &Value, args: &HashMap<String, Value>) -> tera::Result<Value> {
    let text = string_arg(value, "yaml_plain")?;
    let plain = !text.is_empty()
        && text.trim() == text
        && !text.starts_with(|c: char| "-?:,[]{}#&*!|>'\"%@`".contains(c))
        && !text.contains(": ")
        && !text.contains(" #");
    if plain {
        Ok(Value::String(text.to_owned()))
    } else {
        yaml_quoted(value, args)
    }
}

/// A YAML double-quoted scalar.
fn yaml_quoted(value: &Value, _: &HashMap<String, Value>) -> tera::Result<Value> {
    let text = string_arg(value, "yaml_quoted")?;
    let escaped = text
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n");
    Ok(Value::String(format!("\"{escaped}\"")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filter(f: fn(&Value, &HashMap<String, Value>) -> tera::Result<Value>, text: &str) -> String {
        f(&Value::String(text.into()), &HashMap::new())
            .unwrap()
            .as_str()
            .unwrap()
            .to_owned()
    }

    #[test]
    fn cells_cannot_break_the_table() {
        assert_eq!(
            filter(cell, "a | b\r\nc <script>&"),
            "a \\| b<br>c &lt;script&gt;&amp;"
        );
        assert_eq!(filter(cell, r#"It's "errors""#), r#"It's "errors""#);
    }

    #[test]
    fn yaml_scalars_are_quoted_only_when_needed() {
        assert_eq!(filter(yaml_plain, "API Error Codes"), "API Error Codes");
        assert_eq!(filter(yaml_plain, "Erreurs : API"), "\"Erreurs : API\"");
        assert_eq!(filter(yaml_plain, "# not a comment"), "\"# not a comment\"");
        assert_eq!(
            filter(yaml_quoted, r#"say "hi" \ bye"#),
            r#""say \"hi\" \\ bye""#
        );
    }

    #[test]
    fn a_page_missing_a_row_is_refused() {
        let templates = Templates::load(&crate::project_root().join("templates")).unwrap();
        let texts = crate::docs::test_texts();
        let en = texts.language("en-US").unwrap();
        let files = generate(&templates, &texts, "en-US").unwrap();
        let kept: Vec<&str> = files[0]
            .contents
            .lines()
            .filter(|l| !l.starts_with("| FileNotFound"))
            .collect();
        let broken = kept.join("\n");
        let page = PageTexts {
            title: String::new(),
            summary: String::new(),
            intro: String::new(),
            column_code: "Error code".into(),
            column_status: "HTTP status code".into(),
            column_message: "Error message".into(),
            validation_heading: String::new(),
        };
        let api: Vec<Row> = ErrorCode::ALL
            .iter()
            .map(|&c| row(&en, "en-US", c.into()).unwrap())
            .collect();
        let validation: Vec<Row> = ValidationErrorCode::ALL
            .iter()
            .map(|&c| row(&en, "en-US", c.into()).unwrap())
            .collect();
        assert_eq!(
            verify_tables(&files[0].contents, &page, &api, &validation),
            Ok(())
        );
        let problems = verify_tables(&broken, &page, &api, &validation).unwrap_err();
        assert!(
            problems.contains(&"API error codes: 15 rows, expected 16".to_owned()),
            "{problems:?}"
        );
    }

    /// Table padding normalized (`| a |` and `|a|` read the same), the generated-file note
    /// dropped (an HTML comment no reader sees).
    fn normalize(page: &str) -> Vec<String> {
        page.lines()
            .filter(|l| !l.starts_with("<!-- Generated by"))
            .map(|l| {
                if l.starts_with('|') {
                    l.split('|').map(str::trim).collect::<Vec<_>>().join("|")
                } else {
                    l.to_owned()
                }
            })
            .collect()
    }

    #[test]
    fn the_en_us_page_differs_from_the_spec_only_in_the_two_typo_fixes() {
        let root = crate::project_root();
        let spec = std::fs::read_to_string(
            root.join("crates/omnia-errors/tests/fixtures/omnia3_api_errors.md"),
        )
        .unwrap();
        let templates = Templates::load(&root.join("templates")).unwrap();
        let page = generate(&templates, &crate::docs::test_texts(), "en-US")
            .unwrap()
            .remove(0)
            .contents;
        let (spec, page) = (normalize(&spec), normalize(&page));
        assert_eq!(spec.len(), page.len(), "same number of lines");
        let differences: Vec<(&str, &str)> = spec
            .iter()
            .zip(&page)
            .filter(|(a, b)| a != b)
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect();
        assert_eq!(
            differences,
            [
                (
                    "|MissingSystemConfiguration|424|Missing system configuration. Example: Redis service must configured in your system to be able to restart.|",
                    "|MissingSystemConfiguration|424|Missing system configuration. Example: Redis service must be configured in your system to be able to restart.|",
                ),
                (
                    "|ForbidToAddToCollectionBasedOnStateMachineConfiguration|is not possible to add to collection based on record's current state configuration.|",
                    "|ForbidToAddToCollectionBasedOnStateMachineConfiguration|It is not possible to add to collection based on record's current state configuration.|",
                ),
            ]
        );
    }

    #[test]
    fn translated_pages_have_their_own_permalink_and_texts() {
        let templates = Templates::load(&crate::project_root().join("templates")).unwrap();
        let files = generate(&templates, &crate::docs::test_texts(), "pl-PL").unwrap();
        assert_eq!(files[0].path, Path::new("pl-PL/omnia3_api_errors.md"));
        let page = &files[0].contents;
        assert!(
            page.contains("permalink: pl-PL/omnia3_api_errors.html"),
            "{page}"
        );
        assert!(
            !page.contains("| Error code |"),
            "column titles are translated"
        );
        assert!(files[1].contents.contains("<html lang=\"pl-PL\">"));
        assert!(files[1].contents.contains("<table>"));
    }
}
