//! Reading one JSON value's text into a [`ParamValue`], every number as written.
//!
//! `serde_json` hands a value over as its text when asked for it (see `json.rs`); its own
//! reading of numbers, into a `u64`, an `i64` or an `f64`, is what rounds or refuses them, so
//! the text is read here instead: one pass, nesting bounded, strings decoded by `serde_json`.

use core::fmt;

use crate::number::{Number, scan};
use crate::{ParamValue, Parameters};

/// How deeply arrays and objects may nest in one value (`serde_json`'s own limit for a whole
/// document): deeper input is refused, so neither reading nor dropping it can exhaust the stack.
pub(crate) const MAX_DEPTH: usize = 128;

/// Why a value's text did not read: what was expected, and where.
#[derive(Debug)]
pub(crate) struct SyntaxError {
    at: usize,
    what: &'static str,
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at byte {} of the value", self.what, self.at)
    }
}

/// The value `text` holds: one JSON value, with whitespace around it at most.
pub(crate) fn parse(text: &str) -> Result<ParamValue, SyntaxError> {
    let mut reader = Reader { text, at: 0 };
    let value = reader.value(0)?;
    reader.whitespace();
    if reader.at == text.len() {
        Ok(value)
    } else {
        Err(reader.error("expected the end of the value"))
    }
}

struct Reader<'a> {
    text: &'a str,
    at: usize,
}

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn error(&self, what: &'static str) -> SyntaxError {
        SyntaxError { at: self.at, what }
    }

    fn whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn value(&mut self, depth: usize) -> Result<ParamValue, SyntaxError> {
        self.whitespace();
        match self.peek() {
            Some(b'{') => self.object(depth + 1).map(ParamValue::Map),
            Some(b'[') => self.array(depth + 1).map(ParamValue::List),
            Some(b'"') => self.string().map(ParamValue::Text),
            Some(b'-' | b'0'..=b'9') => self.number().map(ParamValue::Number),
            Some(b't') => self.literal("true", ParamValue::Bool(true)),
            Some(b'f') => self.literal("false", ParamValue::Bool(false)),
            Some(b'n') => self.literal("null", ParamValue::Null),
            _ => Err(self.error("expected a JSON value")),
        }
    }

    /// Enters an array or object at `depth`, past its opening bracket.
    fn open(&mut self, depth: usize) -> Result<(), SyntaxError> {
        if depth > MAX_DEPTH {
            return Err(self.error("arrays and objects nested more than 128 deep"));
        }
        self.at += 1;
        self.whitespace();
        Ok(())
    }

    /// After an element: `true` past a comma, `false` past the closing bracket.
    fn next(&mut self, close: u8, what: &'static str) -> Result<bool, SyntaxError> {
        self.whitespace();
        match self.peek() {
            Some(b',') => {
                self.at += 1;
                Ok(true)
            }
            Some(b) if b == close => {
                self.at += 1;
                Ok(false)
            }
            _ => Err(self.error(what)),
        }
    }

    fn object(&mut self, depth: usize) -> Result<Parameters, SyntaxError> {
        self.open(depth)?;
        let mut object = Parameters::new();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(object);
        }
        loop {
            self.whitespace();
            if self.peek() != Some(b'"') {
                return Err(self.error("expected a string (a member's name)"));
            }
            let name = self.string()?;
            self.whitespace();
            if self.peek() != Some(b':') {
                return Err(self.error("expected ':'"));
            }
            self.at += 1;
            let value = self.value(depth)?;
            object.insert(name, value);
            if !self.next(b'}', "expected ',' or '}'")? {
                return Ok(object);
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<Vec<ParamValue>, SyntaxError> {
        self.open(depth)?;
        let mut items = Vec::new();
        if self.peek() == Some(b']') {
            self.at += 1;
            return Ok(items);
        }
        loop {
            items.push(self.value(depth)?);
            if !self.next(b']', "expected ',' or ']'")? {
                return Ok(items);
            }
        }
    }

    /// A string, at its opening quote. Its end is found here; `serde_json` decodes its escapes.
    fn string(&mut self) -> Result<String, SyntaxError> {
        let start = self.at;
        let bytes = self.text.as_bytes();
        let mut end = start + 1;
        let mut escaped = false;
        loop {
            match bytes.get(end) {
                Some(b'"') => break,
                Some(b'\\') => {
                    escaped = true;
                    end += 2;
                }
                Some(0..0x20) => {
                    self.at = end;
                    return Err(self.error("a control character in a string"));
                }
                Some(_) => end += 1,
                None => return Err(self.error("a string without its closing quote")),
            }
        }
        self.at = end + 1;
        // The quotes are ASCII, so both ends are character boundaries.
        let (quoted, inner) = (&self.text[start..=end], &self.text[start + 1..end]);
        if !escaped {
            return Ok(inner.to_owned());
        }
        serde_json::from_str(quoted).map_err(|_| SyntaxError {
            at: start,
            what: "an invalid escape in a string",
        })
    }

    fn number(&mut self) -> Result<Number, SyntaxError> {
        let rest = self.text.get(self.at..).unwrap_or_default();
        match scan(rest.as_bytes()) {
            Ok(len) => {
                self.at += len;
                Ok(Number::scanned(&rest[..len]))
            }
            Err(at) => {
                self.at += at;
                Err(self.error("an invalid number"))
            }
        }
    }

    fn literal(&mut self, word: &str, value: ParamValue) -> Result<ParamValue, SyntaxError> {
        if self.text[self.at..].starts_with(word) {
            self.at += word.len();
            Ok(value)
        } else {
            Err(self.error("expected a JSON value"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{MAX_DEPTH, parse};
    use crate::{ParamValue, Parameters};

    fn number(text: &str) -> ParamValue {
        ParamValue::Number(text.parse().unwrap())
    }

    #[test]
    fn values_read_with_their_numbers_as_written() {
        let value = parse(
            " {\"a\": [1.50, -0, 123456789012345678901234567890, 1e400, true, false, null],\n\t\"b\\u00e9\": {\"c\": \"x\\\"y\", \"d\": {}}, \"e\": [], \"a\": \"last\"} ",
        )
        .unwrap();
        let inner: Parameters = [
            ("c", ParamValue::from("x\"y")),
            ("d", ParamValue::Map(Parameters::new())),
        ]
        .into_iter()
        .collect();
        let expected: Parameters = [
            ("a", ParamValue::from("last")),
            ("bé", ParamValue::Map(inner)),
            ("e", ParamValue::List(Vec::new())),
        ]
        .into_iter()
        .collect();
        assert_eq!(value, ParamValue::Map(expected));
        assert_eq!(
            parse("[1.50,-0,123456789012345678901234567890,1e400]").unwrap(),
            ParamValue::List(
                ["1.50", "-0", "123456789012345678901234567890", "1e400"]
                    .map(number)
                    .into()
            )
        );
    }

    #[test]
    fn malformed_values_say_what_was_expected_and_where() {
        for (text, says) in [
            ("", "expected a JSON value at byte 0"),
            ("{", "expected a string (a member's name) at byte 1"),
            ("{\"a\" 1}", "expected ':' at byte 5"),
            ("{\"a\":1 \"b\":2}", "expected ',' or '}' at byte 7"),
            ("[1 2]", "expected ',' or ']' at byte 3"),
            ("[1,]", "expected a JSON value at byte 3"),
            ("01", "expected the end of the value at byte 1"),
            ("1.", "an invalid number at byte 2"),
            ("-", "an invalid number at byte 1"),
            ("\"a", "a string without its closing quote at byte 0"),
            ("\"a\\", "a string without its closing quote at byte 0"),
            ("\"a\nb\"", "a control character in a string at byte 2"),
            ("\"\\x\"", "an invalid escape in a string at byte 0"),
            ("\"\\ud800\"", "an invalid escape in a string at byte 0"),
            ("tru", "expected a JSON value at byte 0"),
            ("nul", "expected a JSON value at byte 0"),
            ("fals", "expected a JSON value at byte 0"),
            ("x", "expected a JSON value at byte 0"),
            ("1 1", "expected the end of the value at byte 2"),
        ] {
            let error = parse(text).unwrap_err().to_string();
            assert_eq!(error, format!("{says} of the value"), "{text:?}");
        }
    }

    #[test]
    fn nesting_is_bounded() {
        let deep = |n: usize| "[".repeat(n) + &"]".repeat(n);
        assert!(parse(&deep(MAX_DEPTH)).is_ok());
        let error = parse(&deep(MAX_DEPTH + 1)).unwrap_err().to_string();
        assert_eq!(
            error,
            "arrays and objects nested more than 128 deep at byte 128 of the value"
        );
        let objects = "{\"a\":".repeat(MAX_DEPTH + 1) + "1" + &"}".repeat(MAX_DEPTH + 1);
        assert!(parse(&objects).is_err());
        assert!(parse(&"[".repeat(1_000_000)).is_err());
    }
}
