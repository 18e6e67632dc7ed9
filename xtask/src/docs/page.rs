//! The "API Error Codes" page of one locale: Markdown from the tera template, checked by
//! reading its tables back, and an HTML preview.

use std::collections::HashMap;
use std::path::Path;

use omnia_errors::{AnyCode, ErrorCode, Lifecycle, ValidationErrorCode};
use omnia_errors_tooling::{DocLanguage, DocTexts};
use serde::Serialize;
use tera::{Context, Tera, Value};

use super::{Inputs, page_dir, tables};
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

/// One code's row of a table, as the template writes it.
#[derive(Serialize)]
struct Row {
    code: &'static str,
    /// The id of the row's anchor, which documentation links (`DocsPage::url_of`) land on:
    /// the catalog's, never derived from the name by the template, so that the page and the
    /// links cannot drift apart.
    anchor: &'static str,
    status: Option<u16>,
    message: String,
}

/// Every locale's page and preview.
pub(crate) fn generate(inputs: &Inputs) -> Result<Vec<Generated>, String> {
    let (templates, texts) = (inputs.templates()?, inputs.texts()?);
    let mut files = Vec::new();
    for tag in inputs.tags()? {
        files.extend(locale_files(templates, texts, &tag)?);
    }
    Ok(files)
}

/// The page and its preview for one locale.
fn locale_files(
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

    let dir = page_dir(tag, texts.source().tag());
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
    let preview = templates.render(PREVIEW_TEMPLATE, &preview)?;
    Ok(vec![
        Generated::of_locale(tag, path, markdown),
        Generated::of_locale(tag, preview_path, preview),
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
        anchor: code.as_str(),
        status: code.http_status(),
        message,
    })
}

/// Reads the rendered tables back as a reader sees them and compares them with the catalog:
/// header, every row's cells, and every row's anchor; each problem names table, row and code.
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
    problems.extend(tables::compare_anchors(
        "API error codes",
        found.first(),
        &anchors(api),
    ));
    problems.extend(tables::compare_anchors(
        "validation error codes",
        found.get(1),
        &anchors(validation),
    ));
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

/// Each row's code and the id its anchor must have.
fn anchors(rows: &[Row]) -> Vec<(&str, &str)> {
    rows.iter().map(|r| (r.code, r.anchor)).collect()
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
        let files = locale_files(&templates, &texts, "en-US").unwrap();
        let kept: Vec<&str> = files[0]
            .contents
            .lines()
            .filter(|l| !l.starts_with("| <a id=\"FileNotFound\"></a>FileNotFound |"))
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
        let rows = ErrorCode::ALL.len();
        assert!(
            problems.contains(&format!(
                "API error codes: {} rows, expected {rows}",
                rows - 1
            )),
            "{problems:?}"
        );
    }

    /// The en-US page generated from a copy of `templates/` whose page template is edited by
    /// `edit`: what `cargo xtask docs` would say of a template that lost its anchors.
    fn generate_with_edited_template(edit: impl Fn(&str) -> String) -> Result<String, String> {
        let dir = std::env::temp_dir().join(format!(
            "omnia-xtask-templates-{}-{:?}",
            std::process::id(),
            std::thread::current().id()
        ));
        std::fs::create_dir_all(&dir).unwrap();
        let source = crate::project_root().join("templates");
        for name in [PAGE_TEMPLATE, PREVIEW_TEMPLATE] {
            let text = std::fs::read_to_string(source.join(name)).unwrap();
            let text = if name == PAGE_TEMPLATE {
                edit(&text)
            } else {
                text
            };
            std::fs::write(dir.join(name), text).unwrap();
        }
        let templates = Templates::load(&dir);
        std::fs::remove_dir_all(&dir).unwrap();
        locale_files(&templates?, &crate::docs::test_texts(), "en-US")
            .map(|mut f| f.remove(0).contents)
    }

    #[test]
    fn a_page_with_a_wrong_or_missing_anchor_is_refused_naming_file_row_and_code() {
        let anchor = r#"<a id="{{ row.anchor }}"></a>"#;
        assert!(generate_with_edited_template(str::to_owned).is_ok());

        let missing = generate_with_edited_template(|t| t.replace(anchor, "")).unwrap_err();
        assert!(missing.starts_with("omnia3_api_errors.md: "), "{missing}");
        assert!(
            missing.contains(
                r#"API error codes, row 8 (EntityNotFound): no anchor, expected the anchor id "EntityNotFound" in the code column"#
            ),
            "{missing}"
        );
        assert!(
            missing.contains("validation error codes, row 1 ("),
            "{missing}"
        );

        let derived = r#"<a id="{{ row.code | lower }}"></a>"#;
        let wrong = generate_with_edited_template(|t| t.replace(anchor, derived)).unwrap_err();
        assert!(
            wrong.contains(
                r#"API error codes, row 8 (EntityNotFound): anchors id "entitynotfound" in column 1, expected the anchor id "EntityNotFound" in the code column"#
            ),
            "{wrong}"
        );

        let misplaced = generate_with_edited_template(|t| {
            t.replace(anchor, "").replace(
                "{{ row.message | cell }} |",
                &format!("{anchor}{{{{ row.message | cell }}}} |"),
            )
        })
        .unwrap_err();
        assert!(
            misplaced.contains(
                r#"API error codes, row 8 (EntityNotFound): anchors id "EntityNotFound" in column 3, expected"#
            ),
            "{misplaced}"
        );
    }

    /// Table padding normalized (`| a |` and `|a|` read the same), the generated-file note
    /// dropped (an HTML comment no reader sees), and each code cell's own anchor dropped
    /// (an empty element no reader sees).
    fn normalize(page: &str) -> Vec<String> {
        page.lines()
            .filter(|l| !l.starts_with("<!-- Generated by"))
            .map(|l| {
                if l.starts_with('|') {
                    let cells = l.split('|').map(|c| without_own_anchor(c.trim()));
                    cells.collect::<Vec<_>>().join("|")
                } else {
                    l.to_owned()
                }
            })
            .collect()
    }

    /// A cell without its anchor when it is exactly `<a id="X"></a>X`, the anchor of the code
    /// the cell shows; any other markup (another id, another element, more text) is kept, so
    /// that the comparison with the spec still shows it.
    fn without_own_anchor(cell: &str) -> &str {
        cell.strip_prefix("<a id=\"")
            .and_then(|rest| rest.split_once("\"></a>"))
            .filter(|(id, code)| id == code)
            .map_or(cell, |(_, code)| code)
    }

    #[test]
    fn only_a_cells_own_anchor_is_normalized_away() {
        assert_eq!(without_own_anchor(r#"<a id="X"></a>X"#), "X");
        for kept in [
            r#"<a id="Y"></a>X"#,
            r#"<a id="X"></a>X y"#,
            r#"<a id="X" class="c"></a>X"#,
            r#"<a name="X"></a>X"#,
            "X",
        ] {
            assert_eq!(without_own_anchor(kept), kept);
        }
    }

    #[test]
    fn the_en_us_page_differs_from_the_spec_only_in_the_two_typo_fixes() {
        let root = crate::project_root();
        let spec = std::fs::read_to_string(
            root.join("crates/omnia-errors/tests/fixtures/omnia3_api_errors.md"),
        )
        .unwrap();
        let templates = Templates::load(&root.join("templates")).unwrap();
        let page = locale_files(&templates, &crate::docs::test_texts(), "en-US")
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
        let files = locale_files(&templates, &crate::docs::test_texts(), "pl-PL").unwrap();
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

    /// Every element id of an HTML document, in order, each with the text of the first cell of
    /// the table row it sits in (`None` outside a row). The HTML is pulldown-cmark's, whose
    /// tags are plain enough to scan without a parser.
    fn ids_with_rows(html: &str) -> Vec<(String, Option<String>)> {
        let mut found = Vec::new();
        // The ids, first cell's text and cells seen so far of the row being read.
        let mut row: Option<(Vec<String>, String, usize)> = None;
        let mut rest = html;
        while let Some(start) = rest.find('<') {
            let end = start + rest[start..].find('>').expect("a tag ends");
            if let Some((_, first, 1)) = &mut row {
                first.push_str(&rest[..start]);
            }
            let tag = &rest[start..=end];
            rest = &rest[end + 1..];
            let name: String = tag[1..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '/')
                .collect();
            match name.as_str() {
                "tr" => row = Some((Vec::new(), String::new(), 0)),
                "td" | "th" => {
                    if let Some((_, _, cells)) = &mut row {
                        *cells += 1;
                    }
                }
                "/tr" => {
                    if let Some((ids, first, _)) = row.take() {
                        found.extend(ids.into_iter().map(|id| (id, Some(first.clone()))));
                    }
                }
                _ => {}
            }
            if let Some(id) = tables::html_id(tag) {
                match &mut row {
                    Some((ids, _, _)) => ids.push(id.to_owned()),
                    None => found.push((id.to_owned(), None)),
                }
            }
        }
        found
    }

    /// The `permalink:` of a page's Jekyll front matter.
    fn permalink(page: &str) -> Option<&str> {
        let front_matter = page.strip_prefix("---\n")?.split("\n---\n").next()?;
        front_matter
            .lines()
            .find_map(|l| l.strip_prefix("permalink: "))
    }

    #[test]
    fn every_documentation_link_lands_on_its_codes_row_in_every_page_and_preview() {
        let root = crate::project_root();
        let templates = Templates::load(&root.join("templates")).unwrap();
        let texts = crate::docs::test_texts();
        let docs = omnia_errors::DocsPage::default();
        // The path of the page on the site: what follows the host.
        let (_, page_path) = docs
            .as_str()
            .split_once("://")
            .and_then(|(_, rest)| rest.split_once('/'))
            .unwrap();
        assert_eq!(page_path, "omnia3_api_errors.html");
        let locales = omnia_errors_tooling::Workspace::at(&root)
            .locales()
            .unwrap();
        let source = locales.source().tag.clone();
        for locale in locales.declared() {
            let tag = locale.tag.as_str();
            let files = locale_files(&templates, &texts, tag).unwrap();
            let (page, preview) = (&files[0], &files[1]);
            let (page_file, preview_file) = (page.path.display(), preview.path.display());
            let expected = if *tag == source {
                page_path.to_owned()
            } else {
                format!("{tag}/{page_path}")
            };
            assert_eq!(
                permalink(&page.contents),
                Some(expected.as_str()),
                "{page_file}: the permalink is not where the documentation links point"
            );
            assert!(
                preview.contents.contains(&to_html(&page.contents)),
                "{preview_file} is not the rendering of {page_file}"
            );
            let ids = ids_with_rows(&preview.contents);
            for code in AnyCode::all() {
                let url = docs.url_of(code);
                let (_, fragment) = url.split_once('#').unwrap();
                let targets: Vec<&Option<String>> = ids
                    .iter()
                    .filter(|(id, _)| id == fragment)
                    .map(|(_, row)| row)
                    .collect();
                assert_eq!(
                    targets.len(),
                    1,
                    "{preview_file} (from {page_file}): {code}: {} elements with id={fragment:?}, the target of {url}",
                    targets.len()
                );
                assert_eq!(
                    targets[0].as_deref(),
                    Some(code.as_str()),
                    "{preview_file} (from {page_file}): {code}: id={fragment:?} is not in {code}'s row"
                );
            }
        }
    }
}
