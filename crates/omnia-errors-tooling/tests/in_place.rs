//! Merging into a user's OMNIA language file writes only what the merge adds or changes: OMNIA's
//! own files (fixtures from OMNIALowCode/omnia3-samples, MIT), a hostile file (CRLF, byte order
//! mark, two-space indentation, `\u` escapes, unknown fields, a number no `f64` holds), and any
//! layout a property test makes up.

use std::fmt::Write as _;

use omnia_errors_tooling::{LanguageFile, Text, Workspace, export_language_file, merge_into_text};
use proptest::prelude::*;

const PTPT: &str = include_str!("fixtures/omnia3-samples/PTPT.json");
const ESES: &str = include_str!("fixtures/omnia3-samples/ESES.json");

fn ours(culture: &str) -> LanguageFile {
    let locales = Workspace::current().locales().unwrap();
    export_language_file(&locales, culture).unwrap().file
}

/// The lines of `new` that are not at their place in `old`: `(removed, inserted)`, by a
/// longest-common-subsequence diff of lines (line ends included).
fn line_diff<'a>(old: &'a str, new: &'a str) -> (Vec<&'a str>, Vec<&'a str>) {
    let a: Vec<&str> = old.split_inclusive('\n').collect();
    let b: Vec<&str> = new.split_inclusive('\n').collect();
    let mut lcs = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let (mut removed, mut inserted) = (Vec::new(), Vec::new());
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            i += 1;
            j += 1;
        } else if j < b.len() && (i == a.len() || lcs[i][j + 1] >= lcs[i + 1][j]) {
            inserted.push(b[j]);
            j += 1;
        } else {
            removed.push(a[i]);
            i += 1;
        }
    }
    (removed, inserted)
}

#[test]
fn omnias_own_files_get_exactly_the_merged_texts() {
    for json in [PTPT, ESES] {
        let before = LanguageFile::from_json(json).unwrap();
        let ours = ours(&before.culture);
        let merged = merge_into_text(json, &ours).unwrap();
        // OMNIA's files are in OMNIA's layout, so the splice writes what OMNIA writes.
        assert_eq!(merged.json, merged.file.to_json(), "{}", before.culture);

        let (removed, inserted) = line_diff(json, &merged.json);
        // Out go the changed texts' old values, and at most the closing brace of the last
        // text, which gains a comma; in come their new values and four lines per added text
        // (`{`, name, value, `}`).
        let old_values: Vec<String> = merged
            .changed
            .iter()
            .map(|c| format!("\"value\": {}\n", serde_json::to_string(&c.theirs).unwrap()))
            .collect();
        let (values, others): (Vec<&str>, Vec<&str>) = removed
            .iter()
            .partition(|line| old_values.contains(&line.trim_start().to_owned()));
        assert_eq!(values.len(), merged.changed.len(), "{removed:?}");
        assert!(
            others.len() <= 1 && others.iter().all(|l| *l == "\t\t}\n"),
            "{others:?}"
        );
        assert_eq!(inserted.len(), removed.len() + 4 * merged.added.len());
        assert!(!merged.added.is_empty() && !merged.changed.is_empty());
        // Merging again writes nothing.
        let again = merge_into_text(&merged.json, &ours).unwrap();
        assert_eq!(again.json, merged.json);
        assert!(again.added.is_empty() && again.changed.is_empty());
    }
}

/// Our pt-PT export with one text reworded, in a layout nothing like OMNIA's.
fn hostile(file: &LanguageFile) -> String {
    let mut json = String::from("\u{feff}{\r\n  \"zeta\": [1, 2.50, 1e3],\r\n");
    let _ = write!(json, "  \"culture\": {},\r\n", ascii(&file.culture));
    json.push_str("  \"alpha\": 12345678901234567890123,\r\n  \"texts\": [\r\n");
    for (i, text) in file.texts.iter().enumerate() {
        let comma = if i + 1 < file.texts.len() { "," } else { "" };
        let _ = write!(
            json,
            "    {{\r\n      \"name\": {},\r\n      \"value\": {}\r\n    }}{comma}\r\n",
            ascii(&text.name),
            ascii(&text.value)
        );
    }
    json.push_str("  ],\r\n  \"name\": \"PTPT\"\r\n}\r\n");
    json
}

/// A JSON string with every non-ASCII character as a `\u` escape (lower-case hexadecimal).
fn ascii(text: &str) -> String {
    let mut out = String::from("\"");
    let quoted = serde_json::to_string(text).unwrap();
    for c in quoted[1..quoted.len() - 1].chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            let mut units = [0; 2];
            for unit in c.encode_utf16(&mut units) {
                let _ = write!(out, "\\u{unit:04x}");
            }
        }
    }
    out.push('"');
    out
}

#[test]
fn a_hostile_file_changes_by_the_merged_text_alone() {
    let ours = ours("pt-PT");
    let mut theirs = ours.clone();
    let reworded = theirs
        .texts
        .iter_mut()
        .find(|t| t.name == "ErrorMessage_EntityNotFound")
        .unwrap();
    reworded.value = "A entidade não existe.".to_owned();
    // One text of ours the user removed, to be added back.
    let removed = theirs.texts.remove(3);
    let json = hostile(&theirs);

    let merged = merge_into_text(&json, &ours).unwrap();
    let (out, inserted) = line_diff(&json, &merged.json);
    assert_eq!(
        out,
        ["      \"value\": \"A entidade n\\u00e3o existe.\"\r\n"],
        "only the reworded value goes"
    );
    let entity_not_found = ascii(ours.text("ErrorMessage_EntityNotFound").unwrap());
    assert_eq!(
        inserted,
        [
            format!("      \"value\": {entity_not_found}\r\n").as_str(),
            "    },\r\n",
            "    {\r\n",
            &format!("      \"name\": {},\r\n", ascii(&removed.name)),
            &format!("      \"value\": {}\r\n", ascii(&removed.value)),
        ],
        "the reworded value comes back, and the removed text is added in the file's layout"
    );
    assert_eq!(merged.added, std::slice::from_ref(&removed.name));
    assert_eq!(merged.changed.len(), 1);
    // What no line diff shows: the byte order mark, the line ends, the escapes, the numbers.
    assert!(
        merged
            .json
            .starts_with("\u{feff}{\r\n  \"zeta\": [1, 2.50, 1e3],")
    );
    assert!(merged.json.contains("\"alpha\": 12345678901234567890123,"));
    assert!(merged.json.is_ascii() || merged.json.trim_start_matches('\u{feff}').is_ascii());
    assert_eq!(
        merged.json.matches('\n').count(),
        merged.json.matches("\r\n").count()
    );
    assert!(
        merged
            .json
            .ends_with("  ],\r\n  \"name\": \"PTPT\"\r\n}\r\n")
    );
}

#[test]
fn small_and_unusual_files() {
    let ours = LanguageFile {
        texts: vec![
            Text::new("A", "Á \"quoted\" \\ \u{1F600}"),
            Text::new("B", "b"),
        ],
        ..LanguageFile::default()
    };
    let cases = [
        // An empty array gets texts one level deeper than its key, and closes on its own line.
        (
            "{\n\t\"culture\": \"x\",\n\t\"texts\": []\n}",
            "{\n\t\"culture\": \"x\",\n\t\"texts\": [\n\t\t{\n\t\t\t\"name\": \"A\",\n\t\t\t\"value\": \"Á \\\"quoted\\\" \\\\ \u{1F600}\"\n\t\t},\n\t\t{\n\t\t\t\"name\": \"B\",\n\t\t\t\"value\": \"b\"\n\t\t}\n\t]\n}",
        ),
        // One line stays one line.
        (
            r#"{"culture":"x","texts":[{"name":"A","value":"old"}]}"#,
            "{\"culture\":\"x\",\"texts\":[{\"name\":\"A\",\"value\":\"Á \\\"quoted\\\" \\\\ \u{1F600}\"},{\"name\":\"B\",\"value\":\"b\"}]}",
        ),
        // `value` before `name`, keys in another case, escapes in upper case (and a surrogate
        // pair for a character outside the BMP).
        (
            "{\"Culture\": \"x\", \"TEXTS\": [ {\"Value\": \"\\u00C9\", \"Name\": \"A\"} ]}",
            "{\"Culture\": \"x\", \"TEXTS\": [ {\"Value\": \"\\u00C1 \\\"quoted\\\" \\\\ \\uD83D\\uDE00\", \"Name\": \"A\"}, {\"Value\": \"b\", \"Name\": \"B\"} ]}",
        ),
        // A text with a field of its own is kept, and is no model for an added one.
        (
            "{\n  \"culture\": \"x\",\n  \"texts\": [\n    { \"name\": \"A\", \"value\": \"Á \\\"quoted\\\" \\\\ \u{1F600}\", \"id\": 7 }\n  ]\n}",
            "{\n  \"culture\": \"x\",\n  \"texts\": [\n    { \"name\": \"A\", \"value\": \"Á \\\"quoted\\\" \\\\ \u{1F600}\", \"id\": 7 },\n    {\n      \"name\": \"B\",\n      \"value\": \"b\"\n    }\n  ]\n}",
        ),
    ];
    for (json, expected) in cases {
        let merged = merge_into_text(json, &ours).unwrap();
        assert_eq!(merged.json, expected, "from {json}");
        assert_eq!(merged.added.last().map(String::as_str), Some("B"));
    }
}

#[test]
fn one_line_arrays_and_brackets_in_strings_keep_their_layout() {
    let ours = LanguageFile {
        texts: vec![Text::new("A", "a2"), Text::new("B", "b")],
        ..LanguageFile::default()
    };
    let cases = [
        // A file on several lines whose array is on one: the array stays on its line.
        (
            "{\n  \"culture\": \"x\",\n  \"texts\": [{\"name\": \"A\", \"value\": \"old\"}]\n}",
            "{\n  \"culture\": \"x\",\n  \"texts\": [{\"name\": \"A\", \"value\": \"a2\"},{\"name\": \"B\", \"value\": \"b\"}]\n}",
        ),
        // An empty array in a file of one line: texts on that line, no line ends.
        (
            r#"{"culture":"x","texts":[]}"#,
            r#"{"culture":"x","texts":[{ "name": "A", "value": "a2" },{ "name": "B", "value": "b" }]}"#,
        ),
        // Brackets and braces inside the strings of a field of the user's own are text.
        (
            r#"{"culture": "x", "meta": {"note": "} ] {", "list": ["]"]}, "texts": [ {"name": "A", "value": "old"} ]}"#,
            r#"{"culture": "x", "meta": {"note": "} ] {", "list": ["]"]}, "texts": [ {"name": "A", "value": "a2"}, {"name": "B", "value": "b"} ]}"#,
        ),
    ];
    for (json, expected) in cases {
        let merged = merge_into_text(json, &ours).unwrap();
        assert_eq!(merged.json, expected, "from {json}");
    }
}

#[test]
fn what_is_no_language_file_is_refused_and_nothing_is_made() {
    let ours = LanguageFile::default();
    for json in [
        "",
        "[]",
        "{\"texts\": []}",
        "{\"culture\": \"x\", \"texts\": [,]}",
    ] {
        assert!(merge_into_text(json, &ours).is_err(), "{json}");
    }
    // A number no JSON reader here can hold is refused where it stands, not rewritten.
    let error = merge_into_text(
        "{\"culture\": \"x\",\n \"size\": 1e400, \"texts\": []}",
        &ours,
    )
    .unwrap_err()
    .to_string();
    assert!(
        error.contains("number out of range") && error.contains("line 2"),
        "{error}"
    );
}

/// A layout: the white space and escaping choices a user's editor may have made.
#[derive(Clone, Debug)]
struct Layout {
    bom: bool,
    newline: &'static str,
    indent: &'static str,
    escape: bool,
    /// Unknown top-level fields, written before `texts` (raw JSON, numbers as written).
    extra: Vec<(String, String)>,
}

impl Layout {
    fn string(&self, text: &str) -> String {
        if self.escape {
            ascii(text)
        } else {
            serde_json::to_string(text).unwrap()
        }
    }

    /// `file` written in this layout: the oracle of what a merge must give.
    fn write(&self, culture: &str, texts: &[Text]) -> String {
        let (nl, i) = (self.newline, self.indent);
        let mut json = String::new();
        if self.bom {
            json.push('\u{feff}');
        }
        json.push('{');
        json.push_str(nl);
        let _ = write!(json, "{i}\"culture\": {},{nl}", self.string(culture));
        for (key, raw) in &self.extra {
            let _ = write!(json, "{i}{}: {raw},{nl}", self.string(key));
        }
        let _ = write!(json, "{i}\"texts\": [");
        for (n, text) in texts.iter().enumerate() {
            if n > 0 {
                json.push(',');
            }
            let _ = write!(
                json,
                "{nl}{i}{i}{{{nl}{i}{i}{i}\"name\": {},{nl}{i}{i}{i}\"value\": {}{nl}{i}{i}}}",
                self.string(&text.name),
                self.string(&text.value)
            );
        }
        let _ = write!(json, "{nl}{i}]{nl}}}");
        json
    }
}

fn layout() -> impl Strategy<Value = Layout> {
    let extra = prop::collection::vec(
        (
            "[a-z]{1,8}",
            prop_oneof![
                "-?[1-9][0-9]{0,40}",
                "[0-9]\\.[0-9]{1,30}e[+-]?[0-9]{1,2}",
                Just("null".to_owned()),
                Just("{\"nested\": [1, \"two\", {}]}".to_owned()),
            ],
        ),
        0..4,
    )
    .prop_filter("keys are unique and not ours", |fields| {
        let mut keys: Vec<&str> = fields.iter().map(|(k, _)| k.as_str()).collect();
        keys.sort_unstable();
        keys.dedup();
        keys.len() == fields.len()
            && !keys
                .iter()
                .any(|k| ["name", "culture", "texts", "description"].contains(k))
    });
    (
        any::<bool>(),
        prop_oneof![Just("\n"), Just("\r\n")],
        prop_oneof![Just("\t"), Just("  "), Just("    ")],
        any::<bool>(),
        extra,
    )
        .prop_map(|(bom, newline, indent, escape, extra)| Layout {
            bom,
            newline,
            indent,
            escape,
            extra,
        })
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof!["[ -~]{0,20}", "[a-zàãçéñóüłż \"\\\\\n\t\u{1F600}]{0,20}"]
}

proptest! {
    /// Whatever the layout, and whichever of our texts the file lacks or words otherwise, the
    /// merge gives exactly the merged texts written in the file's own layout.
    #[test]
    fn the_merge_is_the_merged_texts_in_the_files_layout(
        layout in layout(),
        theirs in prop::collection::vec((0..6usize, text()), 1..8),
        our_values in prop::collection::vec(text(), 6),
    ) {
        let ours = LanguageFile {
            texts: our_values
                .iter()
                .enumerate()
                .map(|(i, v)| Text::new(format!("ErrorMessage_{i}"), v.clone()))
                .collect(),
            ..LanguageFile::default()
        };
        // The file: some of our names (reworded or not), others of its own, in any order.
        let mut seen = std::collections::HashSet::new();
        let texts: Vec<Text> = theirs
            .iter()
            .filter(|(i, _)| seen.insert(*i))
            .map(|(i, v)| if i % 2 == 0 {
                Text::new(format!("ErrorMessage_{i}"), v.clone())
            } else {
                Text::new(format!("Other_{i}"), v.clone())
            })
            .collect();
        let json = layout.write("pt-PT", &texts);
        let merged = merge_into_text(&json, &ours).unwrap();
        // A file without a non-ASCII character shows no choice of escaping: what is added is
        // then written as OMNIA writes it, raw.
        let mut expected = layout.clone();
        expected.escape &= !texts.iter().all(|t| t.name.is_ascii() && t.value.is_ascii());
        prop_assert_eq!(&merged.json, &expected.write("pt-PT", &merged.file.texts));
    }
}
