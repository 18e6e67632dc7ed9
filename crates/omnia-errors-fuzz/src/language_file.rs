//! OMNIA language files as users keep them, and our texts merged into them.

use std::sync::OnceLock;

use omnia_errors_tooling::{LanguageFile, Text, export_language_file, merge_into_text};

use crate::workspace;

/// Our texts merged into a user's OMNIA language file (`merge_into_text`), four ways: the
/// file's own texts (when that changes nothing, every byte stays), new values for some of its
/// texts (only values change: the file's other tokens stay as they are), texts it lacks
/// (one insertion, the rest of the file as it was) and our pl-PL export. Every file the
/// tooling reads as a language file merges; the result reads back as
/// `LanguageFile::merge_texts` merges, reports what that reports, merges again to itself,
/// and grows by a bound linear in what was added. Any other input is an error.
pub fn language_file_merge(data: &[u8]) {
    let Ok(json) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(before) = LanguageFile::from_json(json) else {
        assert!(merge_into_text(json, our_export()).is_err());
        return;
    };
    // Our exports name each text once; so do these.
    let mut unique: Vec<&Text> = Vec::new();
    for text in &before.texts {
        if !unique.iter().any(|t| t.name == text.name) {
            unique.push(text);
        }
    }
    let same = LanguageFile {
        texts: unique
            .iter()
            .map(|t| Text::new(&t.name, &t.value))
            .collect(),
        ..LanguageFile::default()
    };
    merge(json, &before, &same);

    let changed = LanguageFile {
        texts: unique
            .iter()
            .step_by(2)
            .map(|t| Text::new(&t.name, format!("{}{CHANGE}", t.value)))
            .collect(),
        ..LanguageFile::default()
    };
    let merged = merge(json, &before, &changed);
    assert_only_values_changed(json, &merged, &changed);

    let added = LanguageFile {
        texts: [ADDED, "ErrorMessage_\u{e9}\"\\"]
            .iter()
            .filter(|name| before.text(name).is_none())
            .map(|name| Text::new(*name, format!("Novo {{path}}{CHANGE}")))
            .collect(),
        ..LanguageFile::default()
    };
    let merged = merge(json, &before, &added);
    let kept = common_prefix(json, &merged) + common_suffix(json, &merged);
    assert!(
        kept >= json.len(),
        "added texts, and more of the file changed"
    );

    merge(json, &before, our_export());
}

/// A change made to a value: quotes, a backslash, a line end, non-ASCII and a character
/// outside the Basic Multilingual Plane, so every way the file may escape them is exercised.
const CHANGE: &str = " \"\\\n\t\u{e9}\u{1f600}\u{7f}";
/// The name of a text added.
const ADDED: &str = "ErrorMessage_Fuzzed";

/// Merges `ours` into `json` (read as `before`) and checks what holds for every merge.
fn merge(json: &str, before: &LanguageFile, ours: &LanguageFile) -> String {
    let merged = match merge_into_text(json, ours) {
        Ok(merged) => merged,
        Err(error) => panic!("a language file the tooling reads did not merge: {error}"),
    };
    let mut expected = before.clone();
    let (added, changed) = expected.merge_texts(ours);
    assert_eq!(merged.file, expected);
    if expected == *before {
        assert_eq!(
            merged.json, json,
            "a merge that changes nothing changed the file"
        );
    }
    assert_eq!((&merged.added, &merged.changed), (&added, &changed));
    let read = LanguageFile::from_json(&merged.json).expect("the merged text reads");
    assert_eq!(read, expected, "the merged text reads as something else");
    let again = merge_into_text(&merged.json, ours).expect("the merged text merges");
    assert_eq!(again.json, merged.json, "merging again changed the text");
    assert!(again.added.is_empty() && again.changed.is_empty());
    // Each added text copies at most the layout of one of the file's texts and escapes each
    // character in at most 12 bytes (a surrogate pair); each changed value, the same.
    let written: usize = ours
        .texts
        .iter()
        .map(|t| t.name.len() + t.value.len())
        .sum();
    let bound = json.len() * (1 + 6 * added.len()) + 12 * written + 64 * ours.texts.len();
    assert!(merged.json.len() <= bound, "{} bytes", merged.json.len());
    merged.json
}

/// Panics unless `merged` is `json` with some string tokens changed, each to one of the values
/// of `ours`: white space, punctuation, numbers and every other string as they were.
fn assert_only_values_changed(json: &str, merged: &str, ours: &LanguageFile) {
    let (before, after) = (tokens(json), tokens(merged));
    assert_eq!(before.len(), after.len(), "tokens added or removed");
    for (old, new) in before.iter().zip(&after) {
        if old == new {
            continue;
        }
        let decode = |token: &str| serde_json::from_str::<String>(token).ok();
        let (Some(_), Some(new_value)) = (decode(old), decode(new)) else {
            panic!("{old:?} became {new:?}");
        };
        assert!(
            ours.texts.iter().any(|t| t.value == new_value),
            "{old:?} became {new:?}"
        );
    }
}

/// The tokens of a JSON text: strings (quotes included), runs of white space, punctuation,
/// and runs of anything else (numbers, literals); a byte order mark is one.
fn tokens(json: &str) -> Vec<&str> {
    let bytes = json.as_bytes();
    let mut tokens = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        let start = at;
        match bytes[at] {
            b'"' => {
                at += 1;
                while at < bytes.len() && bytes[at] != b'"' {
                    at += if bytes[at] == b'\\' { 2 } else { 1 };
                }
                at = (at + 1).min(bytes.len());
            }
            b' ' | b'\t' | b'\n' | b'\r' => {
                while at < bytes.len() && matches!(bytes[at], b' ' | b'\t' | b'\n' | b'\r') {
                    at += 1;
                }
            }
            b'{' | b'}' | b'[' | b']' | b',' | b':' => at += 1,
            _ => {
                while at < bytes.len()
                    && !matches!(
                        bytes[at],
                        b'"' | b' '
                            | b'\t'
                            | b'\n'
                            | b'\r'
                            | b'{'
                            | b'}'
                            | b'['
                            | b']'
                            | b','
                            | b':'
                    )
                {
                    at += 1;
                }
            }
        }
        // Every token starts and ends at an ASCII byte or the text's end.
        tokens.push(
            json.get(start..at)
                .expect("tokens end at character boundaries"),
        );
    }
    tokens
}

fn common_prefix(a: &str, b: &str) -> usize {
    a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count()
}

fn common_suffix(a: &str, b: &str) -> usize {
    let shorter = a.len().min(b.len());
    a.bytes()
        .rev()
        .zip(b.bytes().rev())
        .take(shorter)
        .take_while(|(x, y)| x == y)
        .count()
}

/// Our export of pl-PL, made once.
fn our_export() -> &'static LanguageFile {
    static EXPORT: OnceLock<LanguageFile> = OnceLock::new();
    EXPORT.get_or_init(|| {
        export_language_file(workspace(), "pl-PL")
            .expect("pl-PL exports")
            .file
    })
}
