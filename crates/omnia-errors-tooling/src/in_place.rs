//! Merging our texts into an OMNIA language file as the user wrote it: only the values the
//! merge changes and the texts it adds are written; every other byte stays as it was (a byte
//! order mark, line ends, indentation, escapes, key order, numbers as written, fields this crate
//! does not know).
//!
//! The file is read twice: once by [`LanguageFile::from_json`], which decides what the merge
//! does ([`LanguageFile::merge_texts`]), and once by a scanner that finds where each text's
//! value and the end of the `texts` array are in the text, so the changes can be spliced in.
//! The result is read back and must equal the merged [`LanguageFile`], so the splice cannot
//! write a file that means something else.

use std::fmt::Write as _;
use std::ops::Range;

use serde::de::Error as _;

use crate::omnia_file::{Difference, LanguageFile, OmniaFileError};

/// An OMNIA language file's text with our texts merged in ([`merge_into_text`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MergedText {
    /// The file's text after the merge: the input with exactly the changed values and the
    /// added texts written into it.
    pub json: String,
    /// The file as merged.
    pub file: LanguageFile,
    /// The names of the texts added, in the order of `ours`.
    pub added: Vec<String>,
    /// The texts whose value changed, with the file's old value as `theirs`.
    pub changed: Vec<Difference>,
}

/// Merges `ours` into the language file `json` as [`LanguageFile::merge_texts`] does, writing
/// only what changes: a changed value replaces the old one where it stands, and an added text
/// is appended to `texts` in the layout of the file's own texts (its indentation, line ends,
/// spacing and escaping of non-ASCII characters). Every other byte is kept.
///
/// # Errors
///
/// [`OmniaFileError::Json`] when `json` is not an OMNIA language file.
///
/// ```
/// use omnia_errors_tooling::{LanguageFile, Text, merge_into_text};
///
/// let json = "\u{feff}{\r\n  \"culture\": \"pt-PT\",\r\n  \"version\": 12345678901234567890123,\r\n  \
///             \"texts\": [\r\n    {\r\n      \"name\": \"A\",\r\n      \"value\": \"Ol\\u00e1\"\r\n    }\r\n  ]\r\n}";
/// let ours = LanguageFile {
///     texts: vec![Text::new("A", "Olá!"), Text::new("B", "Não.")],
///     ..LanguageFile::default()
/// };
/// let merged = merge_into_text(json, &ours)?;
/// assert_eq!(
///     merged.json,
///     "\u{feff}{\r\n  \"culture\": \"pt-PT\",\r\n  \"version\": 12345678901234567890123,\r\n  \
///      \"texts\": [\r\n    {\r\n      \"name\": \"A\",\r\n      \"value\": \"Ol\\u00e1!\"\r\n    },\r\n    \
///      {\r\n      \"name\": \"B\",\r\n      \"value\": \"N\\u00e3o.\"\r\n    }\r\n  ]\r\n}"
/// );
/// assert_eq!(merged.added, ["B"]);
/// # Ok::<(), omnia_errors_tooling::OmniaFileError>(())
/// ```
pub fn merge_into_text(json: &str, ours: &LanguageFile) -> Result<MergedText, OmniaFileError> {
    let before = LanguageFile::from_json(json)?;
    let mut file = before.clone();
    let (added, changed) = file.merge_texts(ours);
    let layout = Layout::scan(json)
        .filter(|layout| layout.elements.len() == before.texts.len())
        .ok_or_else(|| not_understood("its texts could not be located"))?;
    let style = Style::of(json);

    let mut out = String::with_capacity(json.len() + 256 * added.len());
    let mut copied = 0;
    for ((element, old), new) in layout.elements.iter().zip(&before.texts).zip(&file.texts) {
        if old.value != new.value {
            out.push_str(&json[copied..element.value.start]);
            style.encode(&new.value, &mut out);
            copied = element.value.end;
        }
    }
    let appended = &file.texts[before.texts.len()..];
    if !appended.is_empty() {
        let at = layout
            .elements
            .last()
            .map_or(layout.open + 1, |e| e.span.end);
        out.push_str(&json[copied..at]);
        copied = at;
        let separator = layout.separator(json, &style);
        for (i, text) in appended.iter().enumerate() {
            if i > 0 || !layout.elements.is_empty() {
                out.push(',');
            }
            out.push_str(&separator);
            layout.write_element(json, &style, &text.name, &text.value, &mut out);
        }
        if layout.elements.is_empty() && !json[layout.open..=layout.close].contains('\n') {
            // `"texts": []`: close the array on a line of its own, as the key's.
            if style.multiline {
                out.push_str(style.newline);
                out.push_str(&layout.key_indent);
            }
        }
    }
    out.push_str(&json[copied..]);

    // The splice must mean what the merge decided, or nothing is written.
    if LanguageFile::from_json(&out).ok().as_ref() != Some(&file) {
        return Err(not_understood(
            "the merged text would not read back as merged",
        ));
    }
    Ok(MergedText {
        json: out,
        file,
        added,
        changed,
    })
}

fn not_understood(why: &str) -> OmniaFileError {
    OmniaFileError::Json(serde_json::Error::custom(format_args!(
        "the file reads as a language file, but {why}; nothing was written"
    )))
}

/// How the file writes what the merge adds: line ends, indentation, non-ASCII characters.
struct Style {
    /// `"\r\n"` when the file has any, else `"\n"`.
    newline: &'static str,
    /// Whether the file has line breaks at all (a one-line file gets none added).
    multiline: bool,
    /// One level of indentation: the leading white space of the file's first indented line.
    unit: String,
    /// Non-ASCII characters as `\u` escapes: the file escapes some and has none raw.
    escape_non_ascii: bool,
    /// Upper-case hexadecimal digits in `\u` escapes, as the file's first escape with a letter.
    upper_hex: bool,
}

impl Style {
    fn of(json: &str) -> Self {
        let body = json.strip_prefix('\u{feff}').unwrap_or(json);
        let unit = body
            .split('\n')
            .skip(1)
            .map(|line| {
                let indent = line.len() - line.trim_start_matches([' ', '\t']).len();
                &line[..indent]
            })
            .find(|indent| !indent.is_empty())
            .unwrap_or("\t")
            .to_owned();
        let (mut escaped_non_ascii, mut upper_hex) = (false, None);
        let bytes = body.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b'\\' {
                if bytes.get(i + 1) == Some(&b'u') {
                    let hex = body.get(i + 2..i + 6).unwrap_or("");
                    if u32::from_str_radix(hex, 16).is_ok_and(|c| c >= 0x80) {
                        escaped_non_ascii = true;
                    }
                    if upper_hex.is_none() {
                        upper_hex = hex
                            .bytes()
                            .find(u8::is_ascii_alphabetic)
                            .map(|b| b.is_ascii_uppercase());
                    }
                }
                // The escaped character is never the start of another escape.
                i += 2;
            } else {
                i += 1;
            }
        }
        Self {
            newline: if body.contains("\r\n") { "\r\n" } else { "\n" },
            multiline: body.contains('\n'),
            unit,
            escape_non_ascii: escaped_non_ascii && body.is_ascii(),
            upper_hex: upper_hex.unwrap_or(false),
        }
    }

    /// Writes `value` as a JSON string in the file's style.
    fn encode(&self, value: &str, out: &mut String) {
        out.push('"');
        for c in value.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                '\t' => out.push_str("\\t"),
                '\u{8}' => out.push_str("\\b"),
                '\u{c}' => out.push_str("\\f"),
                c if c < ' ' || (self.escape_non_ascii && !c.is_ascii()) => {
                    let mut units = [0; 2];
                    for unit in c.encode_utf16(&mut units) {
                        // Writing to a `String` cannot fail.
                        let _ = if self.upper_hex {
                            write!(out, "\\u{unit:04X}")
                        } else {
                            write!(out, "\\u{unit:04x}")
                        };
                    }
                }
                c => out.push(c),
            }
        }
        out.push('"');
    }
}

/// Where the `texts` array and its texts are in a language file's text.
struct Layout {
    /// The offsets of the array's `[` and `]`.
    open: usize,
    close: usize,
    /// The leading white space of the line the `texts` key is on.
    key_indent: String,
    elements: Vec<Element>,
}

/// One text of the `texts` array.
struct Element {
    /// From its `{` to just after its `}`.
    span: Range<usize>,
    /// Its `name` string, quotes included.
    name: Range<usize>,
    /// Its `value` string, quotes included.
    value: Range<usize>,
    /// Whether it has no field but `name` and `value` (so it can serve as the model of an added
    /// text).
    plain: bool,
}

impl Layout {
    /// Finds the array and its texts. `json` has been read as a language file already, so
    /// anything unexpected is `None`, never a panic.
    fn scan(json: &str) -> Option<Self> {
        let mut s = Scanner {
            text: json,
            pos: if json.starts_with('\u{feff}') { 3 } else { 0 },
        };
        s.expect(b'{')?;
        let mut found = None;
        loop {
            if s.take(b'}') {
                return found;
            }
            let key = s.string()?;
            s.expect(b':')?;
            if key_is(json, &key, "texts") {
                let line_start = json[..key.start].rfind('\n').map_or(0, |i| i + 1);
                let line = &json[line_start..key.start];
                let key_indent =
                    line[..line.len() - line.trim_start_matches([' ', '\t']).len()].to_owned();
                found = Some(s.texts(key_indent)?);
            } else {
                s.value()?;
            }
            if !s.take(b',') {
                s.expect(b'}')?;
                return found;
            }
        }
    }

    /// What follows the comma before an added text: what the file has between its last two
    /// texts, or before its only one, or a new line one level deeper than the key.
    fn separator(&self, json: &str, style: &Style) -> String {
        match self.elements.as_slice() {
            [.., before, last] => json[before.span.end..last.span.start].replacen(',', "", 1),
            [only] => json[self.open + 1..only.span.start].to_owned(),
            [] if style.multiline => format!("{}{}{}", style.newline, self.key_indent, style.unit),
            [] => String::new(),
        }
    }

    /// Writes a text in the layout of the file's last plain text, or in a layout of its
    /// indentation when it has none.
    fn write_element(&self, json: &str, style: &Style, name: &str, value: &str, out: &mut String) {
        if let Some(model) = self.elements.iter().rev().find(|e| e.plain) {
            let (first, second) = if model.name.start < model.value.start {
                ((&model.name, name), (&model.value, value))
            } else {
                ((&model.value, value), (&model.name, name))
            };
            out.push_str(&json[model.span.start..first.0.start]);
            style.encode(first.1, out);
            out.push_str(&json[first.0.end..second.0.start]);
            style.encode(second.1, out);
            out.push_str(&json[second.0.end..model.span.end]);
            return;
        }
        let element_indent = match self.elements.last() {
            Some(last) => {
                let line_start = json[..last.span.start].rfind('\n').map_or(0, |i| i + 1);
                json[line_start..last.span.start].to_owned()
            }
            None => format!("{}{}", self.key_indent, style.unit),
        };
        let (nl, field_indent) = if style.multiline {
            (style.newline, format!("{element_indent}{}", style.unit))
        } else {
            ("", String::from(" "))
        };
        out.push('{');
        out.push_str(nl);
        out.push_str(&field_indent);
        out.push_str("\"name\": ");
        style.encode(name, out);
        out.push(',');
        out.push_str(nl);
        out.push_str(&field_indent);
        out.push_str("\"value\": ");
        style.encode(value, out);
        if style.multiline {
            out.push_str(nl);
            out.push_str(&element_indent);
        } else {
            out.push(' ');
        }
        out.push('}');
    }
}

/// Whether the key string at `range` is `name`, matched as [`LanguageFile::from_json`] does:
/// decoded, regardless of ASCII case.
fn key_is(json: &str, range: &Range<usize>, name: &str) -> bool {
    serde_json::from_str::<String>(&json[range.clone()]).is_ok_and(|k| k.eq_ignore_ascii_case(name))
}

/// A reader of JSON text that records where things are; linear, no recursion.
struct Scanner<'t> {
    text: &'t str,
    pos: usize,
}

impl Scanner<'_> {
    fn skip_whitespace(&mut self) {
        let bytes = self.text.as_bytes();
        while matches!(bytes.get(self.pos), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    /// Consumes `byte` (after white space) if it is next.
    fn take(&mut self, byte: u8) -> bool {
        self.skip_whitespace();
        let next = self.text.as_bytes().get(self.pos) == Some(&byte);
        if next {
            self.pos += 1;
        }
        next
    }

    fn expect(&mut self, byte: u8) -> Option<()> {
        self.take(byte).then_some(())
    }

    /// A string, quotes included.
    fn string(&mut self) -> Option<Range<usize>> {
        self.skip_whitespace();
        let bytes = self.text.as_bytes();
        let start = self.pos;
        if bytes.get(start) != Some(&b'"') {
            return None;
        }
        let mut i = start + 1;
        loop {
            match bytes.get(i)? {
                b'"' => break,
                b'\\' => i += 2,
                _ => i += 1,
            }
        }
        self.pos = i + 1;
        Some(start..self.pos)
    }

    /// Any value, skipped.
    fn value(&mut self) -> Option<Range<usize>> {
        self.skip_whitespace();
        let bytes = self.text.as_bytes();
        let start = self.pos;
        match bytes.get(start)? {
            b'"' => return self.string(),
            b'{' | b'[' => {
                let mut depth = 0usize;
                loop {
                    match bytes.get(self.pos)? {
                        b'"' => {
                            self.string()?;
                            continue;
                        }
                        b'{' | b'[' => depth += 1,
                        b'}' | b']' => {
                            depth -= 1;
                            if depth == 0 {
                                self.pos += 1;
                                break;
                            }
                        }
                        _ => {}
                    }
                    self.pos += 1;
                }
            }
            _ => {
                while !matches!(
                    bytes.get(self.pos),
                    None | Some(b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r')
                ) {
                    self.pos += 1;
                }
            }
        }
        Some(start..self.pos)
    }

    /// The `texts` array, from its `[`.
    fn texts(&mut self, key_indent: String) -> Option<Layout> {
        self.skip_whitespace();
        let open = self.pos;
        self.expect(b'[')?;
        let mut elements = Vec::new();
        if !self.take(b']') {
            loop {
                elements.push(self.element()?);
                if !self.take(b',') {
                    self.expect(b']')?;
                    break;
                }
            }
        }
        Some(Layout {
            open,
            close: self.pos - 1,
            key_indent,
            elements,
        })
    }

    /// One text, from its `{`.
    fn element(&mut self) -> Option<Element> {
        self.skip_whitespace();
        let start = self.pos;
        self.expect(b'{')?;
        let (mut name, mut value, mut plain) = (None, None, true);
        if !self.take(b'}') {
            loop {
                let key = self.string()?;
                self.expect(b':')?;
                let span = self.value()?;
                if key_is(self.text, &key, "name") {
                    name = Some(span);
                } else if key_is(self.text, &key, "value") {
                    value = Some(span);
                } else {
                    plain = false;
                }
                if !self.take(b',') {
                    self.expect(b'}')?;
                    break;
                }
            }
        }
        Some(Element {
            span: start..self.pos,
            name: name?,
            value: value?,
            plain,
        })
    }
}
