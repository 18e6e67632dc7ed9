//! The catalog against the published page (`tests/fixtures/omnia3_api_errors.md`, a copy of
//! the spec): same codes, same statuses, same order, nothing missing, nothing extra.

use omnia_errors::{ErrorCode, ValidationErrorCode};

const SPEC: &str = include_str!("fixtures/omnia3_api_errors.md");
const SPEC_PATH: &str = "crates/omnia-errors/tests/fixtures/omnia3_api_errors.md";

/// A data row of a Markdown table: its line number (1-based) and its trimmed cells.
struct Row<'a> {
    line: usize,
    cells: Vec<&'a str>,
}

/// The data rows of every table in the page, table by table (header and delimiter rows
/// dropped).
fn tables(page: &str) -> Vec<Vec<Row<'_>>> {
    let mut tables: Vec<Vec<Row<'_>>> = Vec::new();
    let mut in_table = false;
    for (index, line) in page.lines().enumerate() {
        let Some(inner) = line.trim().strip_prefix('|') else {
            in_table = false;
            continue;
        };
        let cells: Vec<&str> = inner
            .trim_end_matches('|')
            .split('|')
            .map(str::trim)
            .collect();
        if !in_table {
            // A header row starts a table; its delimiter row follows.
            in_table = true;
            tables.push(Vec::new());
            continue;
        }
        if cells
            .iter()
            .all(|c| c.chars().all(|ch| ch == '-' || ch == ':'))
        {
            continue;
        }
        tables.last_mut().unwrap().push(Row {
            line: index + 1,
            cells,
        });
    }
    tables
}

#[test]
fn spec_has_two_tables() {
    assert_eq!(
        tables(SPEC).len(),
        2,
        "{SPEC_PATH}: expected the API and validation tables"
    );
}

#[test]
fn api_codes_and_statuses_match_the_spec_in_order() {
    let spec = &tables(SPEC)[0];
    let mut problems = Vec::new();
    for (i, row) in spec.iter().enumerate() {
        let (name, status) = (row.cells[0], row.cells[1]);
        match ErrorCode::ALL.get(i) {
            Some(code) if code.as_str() == name => {
                if status != code.http_status().to_string() {
                    problems.push(format!(
                        "{SPEC_PATH}:{}: {name} has status {status} in the spec, {} in the catalog",
                        row.line,
                        code.http_status()
                    ));
                }
            }
            Some(code) => problems.push(format!(
                "{SPEC_PATH}:{}: row {} is {name} in the spec, {code} in the catalog",
                row.line,
                i + 1
            )),
            None => problems.push(format!(
                "{SPEC_PATH}:{}: {name} is missing from the catalog",
                row.line
            )),
        }
    }
    for extra in ErrorCode::ALL.iter().skip(spec.len()) {
        problems.push(format!("catalog has {extra}, which the spec does not list"));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn validation_codes_match_the_spec_in_order() {
    let spec = &tables(SPEC)[1];
    let spec_names: Vec<&str> = spec.iter().map(|r| r.cells[0]).collect();
    let catalog_names: Vec<&str> = ValidationErrorCode::ALL
        .iter()
        .map(|c| c.as_str())
        .collect();
    let mut problems = Vec::new();
    for (i, row) in spec.iter().enumerate() {
        if catalog_names.get(i) != Some(&row.cells[0]) {
            problems.push(format!(
                "{SPEC_PATH}:{}: row {} is {} in the spec, {:?} in the catalog",
                row.line,
                i + 1,
                row.cells[0],
                catalog_names.get(i)
            ));
        }
    }
    for extra in catalog_names.iter().skip(spec_names.len()) {
        problems.push(format!("catalog has {extra}, which the spec does not list"));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_code_has_a_unique_wire_name_and_fluent_id() {
    let mut names = std::collections::HashSet::new();
    let mut ids = std::collections::HashSet::new();
    for code in omnia_errors::AnyCode::all() {
        // Wire names are unique across both catalogs: a name is also the code's anchor on the
        // one error page, a key of the JSON message catalogs, and what `AnyCode::parse` reads.
        assert!(names.insert(code.as_str()), "duplicate code {code}");
        assert!(
            ids.insert(code.fluent_id()),
            "duplicate Fluent id {}",
            code.fluent_id()
        );
    }
    assert_eq!(names.len(), omnia_errors::AnyCode::COUNT);
}
