//! Reading the rendered page back with pulldown-cmark, as a Markdown reader would, to prove
//! that the tables have exactly the catalog's rows and columns.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// A table as a reader sees it: header cells and data rows, each cell's text.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Table {
    pub(crate) header: Vec<String>,
    pub(crate) rows: Vec<Vec<String>>,
}

pub(crate) fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
}

/// Every table of a Markdown page, in order.
pub(crate) fn tables(markdown: &str) -> Vec<Table> {
    let mut tables = Vec::new();
    let mut cell: Option<String> = None;
    let mut row: Vec<String> = Vec::new();
    for event in Parser::new_ext(markdown, options()) {
        match event {
            Event::Start(Tag::Table(_)) => tables.push(Table::default()),
            Event::Start(Tag::TableCell) => cell = Some(String::new()),
            Event::End(TagEnd::TableCell) => row.extend(cell.take()),
            Event::End(TagEnd::TableHead) => {
                if let Some(table) = tables.last_mut() {
                    table.header = std::mem::take(&mut row);
                }
            }
            Event::End(TagEnd::TableRow) => {
                if let Some(table) = tables.last_mut() {
                    table.rows.push(std::mem::take(&mut row));
                }
            }
            Event::Text(text) | Event::Code(text) => {
                if let Some(cell) = &mut cell {
                    cell.push_str(&text);
                }
            }
            // The only HTML a cell holds is the `<br>` that stands for a line break.
            Event::InlineHtml(html) if html.eq_ignore_ascii_case("<br>") => {
                if let Some(cell) = &mut cell {
                    cell.push('\n');
                }
            }
            _ => {}
        }
    }
    tables
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
    }

    #[test]
    fn comparison_names_what_differs() {
        let table = Table {
            header: vec!["a".into()],
            rows: vec![vec!["1".into()], vec!["2".into()]],
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
