//! Reading the rendered page back with pulldown-cmark, as a Markdown reader would, to prove
//! that the tables have exactly the catalog's rows and columns, and that each row carries the
//! anchor its code's documentation links land on.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// A table as a reader sees it: header cells and data rows, each cell's text; and the anchors
/// of each data row, which a reader does not see but links land on.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Table {
    pub(crate) header: Vec<String>,
    pub(crate) rows: Vec<Vec<String>>,
    /// The anchors of each row of `rows`, in the same order.
    pub(crate) anchors: Vec<Vec<Anchor>>,
}

/// An element with an `id` (such as `<a id="EntityNotFound"></a>`) in a table row: the
/// target of a `page.html#id` link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Anchor {
    /// The cell that holds it, from 0.
    pub(crate) column: usize,
    /// Its `id`.
    pub(crate) id: String,
}

pub(crate) fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
}

/// Every table of a Markdown page, in order.
pub(crate) fn tables(markdown: &str) -> Vec<Table> {
    let mut tables = Vec::new();
    let mut cell: Option<String> = None;
    let mut row: Vec<String> = Vec::new();
    let mut anchors: Vec<Anchor> = Vec::new();
    for event in Parser::new_ext(markdown, options()) {
        match event {
            Event::Start(Tag::Table(_)) => tables.push(Table::default()),
            Event::Start(Tag::TableCell) => cell = Some(String::new()),
            Event::End(TagEnd::TableCell) => row.extend(cell.take()),
            Event::End(TagEnd::TableHead) => {
                // The header is not a code's row: its anchors would not be a code's either.
                anchors.clear();
                if let Some(table) = tables.last_mut() {
                    table.header = std::mem::take(&mut row);
                }
            }
            Event::End(TagEnd::TableRow) => {
                if let Some(table) = tables.last_mut() {
                    table.rows.push(std::mem::take(&mut row));
                    table.anchors.push(std::mem::take(&mut anchors));
                }
            }
            Event::Text(text) | Event::Code(text) => {
                if let Some(cell) = &mut cell {
                    cell.push_str(&text);
                }
            }
            // A `<br>` stands for a line break; other inline HTML shows nothing, but its id is
            // where a link lands.
            Event::InlineHtml(html) => {
                if let Some(cell) = &mut cell {
                    if html.eq_ignore_ascii_case("<br>") {
                        cell.push('\n');
                    } else if let Some(id) = html_id(&html) {
                        anchors.push(Anchor {
                            column: row.len(),
                            id: id.to_owned(),
                        });
                    }
                }
            }
            _ => {}
        }
    }
    tables
}

/// The `id` attribute of an HTML start tag (`<a id="x">`, `<span class=c id='x'/>`), if it
/// has one; `None` for end tags, comments and anything that is not a tag.
pub(crate) fn html_id(tag: &str) -> Option<&str> {
    let inner = tag.strip_prefix('<')?.strip_suffix('>')?;
    if !inner.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    // After the tag name, attributes: `name`, `name=value`, `name="value"`, `name='value'`.
    let mut rest = inner.trim_start_matches(|c: char| c.is_ascii_alphanumeric() || c == '-');
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == '/');
        if rest.is_empty() {
            return None;
        }
        let name_end = rest
            .find(|c: char| c.is_ascii_whitespace() || c == '=' || c == '/')
            .unwrap_or(rest.len());
        let name = &rest[..name_end];
        rest = rest[name_end..].trim_start();
        let value = match rest.strip_prefix('=') {
            None => "",
            Some(after) => {
                let (value, remainder) = attribute_value(after.trim_start());
                rest = remainder;
                value
            }
        };
        if name.eq_ignore_ascii_case("id") {
            return Some(value);
        }
    }
}

/// An attribute's value at the start of `text` (quoted or not), and the text after it.
fn attribute_value(text: &str) -> (&str, &str) {
    if let Some(quote @ ('"' | '\'')) = text.chars().next() {
        let body = &text[1..];
        match body.find(quote) {
            Some(end) => (&body[..end], &body[end + 1..]),
            None => (body, ""),
        }
    } else {
        let end = text
            .find(|c: char| c.is_ascii_whitespace())
            .unwrap_or(text.len());
        (&text[..end], &text[end..])
    }
}

/// Compares a table with what it should hold; every difference, each naming row and column.
pub(crate) fn compare(
    name: &str,
    table: Option<&Table>,
    header: &[String],
    rows: &[Vec<String>],
) -> Vec<String> {
    let Some(table) = table else {
        return vec![format!("{name}: the table is missing")];
    };
    let mut problems = Vec::new();
    if table.header != header {
        problems.push(format!(
            "{name}: header is {:?}, expected {header:?}",
            table.header
        ));
    }
    if table.rows.len() != rows.len() {
        problems.push(format!(
            "{name}: {} rows, expected {}",
            table.rows.len(),
            rows.len()
        ));
    }
    for (i, (actual, expected)) in table.rows.iter().zip(rows).enumerate() {
        if actual != expected {
            problems.push(format!(
                "{name}, row {}: {actual:?}, expected {expected:?}",
                i + 1
            ));
        }
    }
    problems
}

/// Checks that each row holds exactly one anchor, in its code column (the first), with the id
/// `expected` gives for that row's code (`(code, anchor id)`, a pair per row); every
/// difference, naming row and code. A missing table or row is `compare`'s to report.
pub(crate) fn compare_anchors(
    name: &str,
    table: Option<&Table>,
    expected: &[(&str, &str)],
) -> Vec<String> {
    let Some(table) = table else {
        return Vec::new();
    };
    let mut problems = Vec::new();
    for (i, (found, &(code, id))) in table.anchors.iter().zip(expected).enumerate() {
        let wanted = [Anchor {
            column: 0,
            id: id.to_owned(),
        }];
        if found.as_slice() != wanted {
            problems.push(format!(
                "{name}, row {} ({code}): {}, expected the anchor id {id:?} in the code column",
                i + 1,
                describe(found)
            ));
        }
    }
    problems
}

/// The anchors of a row, as a problem report shows them (columns counted from 1).
fn describe(anchors: &[Anchor]) -> String {
    if anchors.is_empty() {
        return "no anchor".to_owned();
    }
    let each: Vec<String> = anchors
        .iter()
        .map(|a| format!("id {:?} in column {}", a.id, a.column + 1))
        .collect();
    format!("anchors {}", each.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_cells_as_a_reader_sees_them() {
        let page = "---\ntitle: x\n---\n\n| a | b |\n|---|---|\n| x \\| y | 1<br>2 &lt;b&gt; |\n";
        let tables = tables(page);
        assert_eq!(tables.len(), 1);
        assert_eq!(tables[0].header, ["a", "b"]);
        assert_eq!(tables[0].rows, [["x | y", "1\n2 <b>"]]);
        assert_eq!(tables[0].anchors, [[]]);
    }

    #[test]
    fn anchors_are_read_per_row_and_column_and_hidden_from_the_text() {
        let page = "| <a id=\"h\"></a>a | b |\n|---|---|\n\
                    | <a id=\"X\"></a>X | 1 |\n\
                    | Y | <span id='y'>2</span> <a name=z></a> |\n";
        let tables = tables(page);
        assert_eq!(tables[0].header, ["a", "b"]);
        assert_eq!(tables[0].rows, [["X", "1"], ["Y", "2 "]]);
        let anchor = |column, id: &str| Anchor {
            column,
            id: id.to_owned(),
        };
        assert_eq!(
            tables[0].anchors,
            [vec![anchor(0, "X")], vec![anchor(1, "y")]]
        );
    }

    #[test]
    fn html_ids_are_read_from_start_tags_only() {
        assert_eq!(
            html_id(r#"<a id="EntityNotFound">"#),
            Some("EntityNotFound")
        );
        assert_eq!(html_id("<a href='#x' ID='y'>"), Some("y"));
        assert_eq!(html_id("<td class=c id=z>"), Some("z"));
        assert_eq!(html_id(r#"<a data-id="q" hidden id = "r"/>"#), Some("r"));
        assert_eq!(html_id(r#"<a name="x">"#), None);
        assert_eq!(html_id("</a>"), None);
        assert_eq!(html_id("<!-- id=\"x\" -->"), None);
        assert_eq!(html_id("<br>"), None);
        assert_eq!(html_id("id=\"x\""), None);
    }

    #[test]
    fn anchor_comparison_names_row_and_code() {
        let anchor = |column, id: &str| Anchor {
            column,
            id: id.to_owned(),
        };
        let table = Table {
            header: vec![],
            rows: vec![vec![]; 4],
            anchors: vec![
                vec![anchor(0, "A")],
                vec![],
                vec![anchor(1, "C")],
                vec![anchor(0, "D"), anchor(0, "D")],
            ],
        };
        let expected = [("A", "A"), ("B", "B"), ("C", "C"), ("D", "D")];
        assert_eq!(
            compare_anchors("t", Some(&table), &expected),
            [
                r#"t, row 2 (B): no anchor, expected the anchor id "B" in the code column"#,
                r#"t, row 3 (C): anchors id "C" in column 2, expected the anchor id "C" in the code column"#,
                r#"t, row 4 (D): anchors id "D" in column 1, id "D" in column 1, expected the anchor id "D" in the code column"#,
            ]
        );
        assert!(compare_anchors("t", None, &expected).is_empty());
    }

    #[test]
    fn comparison_names_what_differs() {
        let table = Table {
            header: vec!["a".into()],
            rows: vec![vec!["1".into()], vec!["2".into()]],
            anchors: vec![],
        };
        let problems = compare(
            "t",
            Some(&table),
            &["a".into()],
            &[vec!["1".into()], vec!["3".into()]],
        );
        assert_eq!(problems, [r#"t, row 2: ["2"], expected ["3"]"#]);
        assert_eq!(compare("t", None, &[], &[]), ["t: the table is missing"]);
    }
}
