//! The JSON `parameters` object: an order-preserving map that keeps whatever a server sent.

use core::fmt;
use std::collections::HashMap;

use crate::info::{ParamKind, ParamRef};
use crate::number::{Number, abbreviate};

/// A JSON value inside a `parameters` object.
///
/// The typed errors only read non-negative integers and [`Text`](Self::Text); the other
/// variants exist so that a newer server's parameters survive a round trip unchanged. Numbers
/// are kept as written ([`Number`]), so nothing is rounded on the way through.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ParamValue {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, as written: an integer of any size or a decimal with its own digits.
    Number(Number),
    /// A string.
    Text(String),
    /// An array.
    List(Vec<ParamValue>),
    /// An object, in the order it was written.
    Map(Parameters),
}

impl ParamValue {
    /// The JSON type name of this value, for error messages (`integer` for a number written
    /// without a fraction or an exponent).
    pub fn json_type(&self) -> &'static str {
        match self {
            Self::Null => "null",
            Self::Bool(_) => "boolean",
            Self::Number(n) if n.is_integer() => "integer",
            Self::Number(_) => "number",
            Self::Text(_) => "string",
            Self::List(_) => "array",
            Self::Map(_) => "object",
        }
    }
}

impl From<ParamRef<'_>> for ParamValue {
    fn from(value: ParamRef<'_>) -> Self {
        match value {
            ParamRef::Number(n) => Self::Number(n.into()),
            ParamRef::Text(s) => Self::Text(s.to_owned()),
        }
    }
}

impl From<u64> for ParamValue {
    fn from(value: u64) -> Self {
        Self::Number(value.into())
    }
}

impl From<Number> for ParamValue {
    fn from(value: Number) -> Self {
        Self::Number(value)
    }
}

impl From<&str> for ParamValue {
    fn from(value: &str) -> Self {
        Self::Text(value.to_owned())
    }
}

impl From<String> for ParamValue {
    fn from(value: String) -> Self {
        Self::Text(value)
    }
}

/// A `parameters` object: names to values, in insertion order.
///
/// Building or reading an object of `n` keys costs O(n) expected time (a short linear scan,
/// then a hash index), so a body with many keys from an untrusted server cannot stall a client.
///
/// A duplicate key keeps the position of its first occurrence and the value of its last one,
/// as most JSON parsers do: `{"a":1,"b":2,"a":3}` reads as `{"a":3,"b":2}`.
///
/// ```
/// use omnia_errors::{Parameters, ParamValue};
///
/// let mut parameters = Parameters::new();
/// parameters.insert("maxLength", 50.into());
/// assert_eq!(parameters.get("maxLength"), Some(&ParamValue::from(50)));
/// ```
#[derive(Clone, Debug, Default)]
pub struct Parameters {
    // A Vec keeps the order; the catalog's objects are tiny (zero to two entries), so a
    // linear scan is the fastest look-up for them and no index is built.
    entries: Vec<(String, ParamValue)>,
    // Name to position in `entries`, built once the object outgrows `INDEX_FROM` entries, so
    // that a large object from a server costs one hash look-up per key, not a scan. `std`'s
    // hasher is randomly keyed, so a sender cannot choose colliding names.
    index: Option<HashMap<String, usize>>,
}

/// The size from which [`Parameters`] keeps a hash index beside its entries.
const INDEX_FROM: usize = 8;

// Equal entries in the same order; the index is derived from them.
impl PartialEq for Parameters {
    fn eq(&self, other: &Self) -> bool {
        self.entries == other.entries
    }
}

impl Eq for Parameters {}

impl Parameters {
    /// An empty object.
    pub const fn new() -> Self {
        Self {
            entries: Vec::new(),
            index: None,
        }
    }

    /// Whether the object has no entries (it is then omitted from JSON).
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// The position of `name` in `entries`.
    fn position(&self, name: &str) -> Option<usize> {
        match &self.index {
            Some(index) => {
                probe::count();
                index.get(name).copied()
            }
            None => self
                .entries
                .iter()
                .position(|(k, _)| probe::count() && k == name),
        }
    }

    /// The value of `name`, if present.
    pub fn get(&self, name: &str) -> Option<&ParamValue> {
        let position = self.position(name)?;
        self.entries.get(position).map(|(_, v)| v)
    }

    /// Sets `name` to `value`. An existing entry of that name keeps its position and takes the
    /// new value (so when reading JSON, the first duplicate's place and the last one's value).
    pub fn insert(&mut self, name: impl Into<String>, value: ParamValue) {
        let name = name.into();
        if let Some(position) = self.position(&name) {
            if let Some((_, slot)) = self.entries.get_mut(position) {
                *slot = value;
            }
            return;
        }
        let position = self.entries.len();
        match &mut self.index {
            Some(index) => {
                index.insert(name.clone(), position);
            }
            None if position + 1 >= INDEX_FROM => {
                // Built once, from the (distinct) names so far and the new one.
                let mut index = HashMap::with_capacity(INDEX_FROM * 2);
                for (i, (k, _)) in self.entries.iter().enumerate() {
                    index.insert(k.clone(), i);
                }
                index.insert(name.clone(), position);
                self.index = Some(index);
            }
            None => {}
        }
        self.entries.push((name, value));
    }

    /// The entries, in order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&str, &ParamValue)> {
        self.entries.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// Reads a number parameter of `code`.
    ///
    /// # Errors
    ///
    /// [`ParamError::WrongType`] when present but not a non-negative integer,
    /// [`ParamError::OutOfRange`] when one larger than a `u64` holds.
    pub fn number(&self, code: &str, name: &'static str) -> Result<Option<u64>, ParamError> {
        match self.get(name) {
            None | Some(ParamValue::Null) => Ok(None),
            Some(value @ ParamValue::Number(n)) => match n.as_u64() {
                Some(value) => Ok(Some(value)),
                None if n.is_integer() && !n.is_negative() => Err(ParamError::OutOfRange {
                    code: code.to_owned(),
                    param: name,
                    value: n.clone(),
                }),
                None => Err(ParamError::wrong_type(code, name, ParamKind::Number, value)),
            },
            Some(other) => Err(ParamError::wrong_type(code, name, ParamKind::Number, other)),
        }
    }

    /// Reads a text parameter of `code`.
    ///
    /// # Errors
    ///
    /// [`ParamError::WrongType`] when present but not a string.
    pub fn text(&self, code: &str, name: &'static str) -> Result<Option<String>, ParamError> {
        match self.get(name) {
            None | Some(ParamValue::Null) => Ok(None),
            Some(ParamValue::Text(s)) => Ok(Some(s.clone())),
            Some(other) => Err(ParamError::wrong_type(code, name, ParamKind::Text, other)),
        }
    }
}

impl<'a> IntoIterator for &'a Parameters {
    type Item = (&'a str, &'a ParamValue);
    type IntoIter = core::iter::Map<
        core::slice::Iter<'a, (String, ParamValue)>,
        fn(&'a (String, ParamValue)) -> (&'a str, &'a ParamValue),
    >;

    fn into_iter(self) -> Self::IntoIter {
        self.entries.iter().map(|(k, v)| (k.as_str(), v))
    }
}

impl<K: Into<String>> FromIterator<(K, ParamValue)> for Parameters {
    fn from_iter<I: IntoIterator<Item = (K, ParamValue)>>(iter: I) -> Self {
        let mut parameters = Self::new();
        for (k, v) in iter {
            parameters.insert(k, v);
        }
        parameters
    }
}

/// Counts key comparisons and index look-ups, so a test can prove the cost of building and
/// reading an object by counting, not by timing.
mod probe {
    #[cfg(test)]
    thread_local! {
        static PROBES: core::cell::Cell<usize> = const { core::cell::Cell::new(0) };
    }

    /// Records one probe; always `true`, so it can sit in a `&&` chain.
    #[inline]
    pub(super) fn count() -> bool {
        #[cfg(test)]
        PROBES.with(|p| p.set(p.get() + 1));
        true
    }

    /// The probes made on this thread since the last call.
    #[cfg(test)]
    pub(super) fn take() -> usize {
        PROBES.with(|p| p.replace(0))
    }
}

/// Used by the catalog macro: turns an absent required parameter into an error.
pub(crate) fn required<T>(
    value: Option<T>,
    code: &str,
    name: &'static str,
) -> Result<T, ParamError> {
    value.ok_or_else(|| ParamError::Missing {
        code: code.to_owned(),
        param: name,
    })
}

/// Why a wire error could not be read as a typed error.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ParamError {
    /// The problem names no code: no `code` member, and a `type` that is no code's
    /// documentation (an `about:blank` problem is its status alone).
    NoCode,
    /// The code is not in this version of the catalog (it was kept as a string). Not the
    /// [`UnknownCode`](crate::UnknownCode) error of parsing a name: a body with such a code is
    /// read fine, only its typed error cannot be made.
    NotInCatalog {
        /// The code as received.
        code: String,
    },
    /// A required parameter is absent.
    Missing {
        /// The error code.
        code: String,
        /// The parameter's name.
        param: &'static str,
    },
    /// A parameter has a value of the wrong JSON type.
    WrongType {
        /// The error code.
        code: String,
        /// The parameter's name.
        param: &'static str,
        /// What the catalog declares.
        expected: ParamKind,
        /// The JSON type received.
        found: &'static str,
    },
    /// A number parameter holds an integer larger than the catalog's numbers (`u64`) can be.
    OutOfRange {
        /// The error code.
        code: String,
        /// The parameter's name.
        param: &'static str,
        /// The number received, as written.
        value: Number,
    },
}

impl ParamError {
    fn wrong_type(
        code: &str,
        param: &'static str,
        expected: ParamKind,
        found: &ParamValue,
    ) -> Self {
        Self::WrongType {
            code: code.to_owned(),
            param,
            expected,
            found: match found {
                ParamValue::Number(n) if n.is_integer() && n.is_negative() => "negative integer",
                other => other.json_type(),
            },
        }
    }
}

impl fmt::Display for ParamError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NoCode => f.write_str(
                "the problem names no OMNIA code: no `code` member, and its `type` is not a code's documentation",
            ),
            Self::NotInCatalog { code } => write!(
                f,
                "error code {code:?} is not in this version of the catalog, so it has no typed parameters"
            ),
            Self::Missing { code, param } => write!(
                f,
                "{code} requires the parameter {param:?}, but the `parameters` object has none"
            ),
            Self::WrongType {
                code,
                param,
                expected,
                found,
            } => {
                let expected = match expected {
                    ParamKind::Number => "a non-negative integer",
                    ParamKind::Text => "a string",
                };
                write!(
                    f,
                    "parameter {param:?} of {code} must be {expected}, found {found}"
                )
            }
            Self::OutOfRange { code, param, value } => write!(
                f,
                "parameter {param:?} of {code} must be a non-negative integer of at most {}, found {}",
                u64::MAX,
                abbreviate(value.as_str()),
            ),
        }
    }
}

impl std::error::Error for ParamError {}

#[cfg(test)]
mod tests {
    use super::{INDEX_FROM, ParamValue, Parameters, probe};

    fn key(i: usize) -> String {
        format!("k{i}")
    }

    #[test]
    fn building_and_reading_many_keys_costs_a_bounded_number_of_probes_per_key() {
        const N: usize = 4096;
        probe::take();
        let parameters: Parameters = (0..N)
            .map(|i| (key(i), ParamValue::from(i as u64)))
            .collect();
        for i in 0..N {
            assert_eq!(parameters.get(&key(i)), Some(&ParamValue::from(i as u64)));
        }
        let probes = probe::take();
        // A linear search made N * N = 16.8 million probes here (building, then reading); a short
        // scan of the first entries and then one hash look-up per key make about 2 per key.
        assert!(probes <= 3 * N, "{probes} probes for {N} keys");
        // And each read is counted: the bound above measures something.
        assert!(probes >= N, "{probes} probes for {N} reads");
        assert_eq!(parameters.len(), N);
        assert!(
            parameters.iter().map(|(k, _)| k).eq((0..N)
                .map(key)
                .collect::<Vec<_>>()
                .iter()
                .map(String::as_str))
        );
    }

    #[test]
    fn a_duplicate_key_keeps_its_first_position_and_its_last_value() {
        for n in [3, 100] {
            let mut parameters = Parameters::new();
            for i in 0..n {
                parameters.insert(key(i), ParamValue::from(i as u64));
            }
            parameters.insert(key(1), "last".into());
            parameters.insert(key(n - 1), "end".into());
            assert_eq!(parameters.len(), n);
            assert_eq!(parameters.get(&key(1)), Some(&ParamValue::from("last")));
            assert_eq!(
                parameters.iter().nth(1),
                Some(("k1", &ParamValue::from("last")))
            );
            assert_eq!(
                parameters.iter().last().map(|(k, _)| k.to_owned()),
                Some(key(n - 1))
            );
            assert_eq!(parameters.get(&key(n - 1)), Some(&ParamValue::from("end")));
            assert_eq!(parameters.get("absent"), None);
        }
    }

    #[test]
    fn objects_below_the_index_size_are_scanned_and_larger_ones_indexed() {
        let small: Parameters = (0..INDEX_FROM - 1)
            .map(|i| (key(i), ParamValue::Null))
            .collect();
        assert!(small.index.is_none());
        let large: Parameters = (0..INDEX_FROM)
            .map(|i| (key(i), ParamValue::Null))
            .collect();
        assert!(large.index.is_some());
    }

    #[test]
    fn objects_are_equal_only_with_the_same_entries_in_the_same_order() {
        let ab: Parameters = [("a", ParamValue::from(1)), ("b", ParamValue::Null)]
            .into_iter()
            .collect();
        let ba: Parameters = [("b", ParamValue::Null), ("a", ParamValue::from(1))]
            .into_iter()
            .collect();
        assert_eq!(ab, ab.clone());
        assert_ne!(ab, ba);
        assert_ne!(ab, Parameters::new());
    }

    #[cfg(feature = "serde")]
    #[test]
    fn reading_a_body_with_many_keys_is_linear_and_keeps_the_wire_order() {
        use core::fmt::Write as _;

        const N: usize = 4096;
        let mut json = String::from("{");
        for i in (0..N).rev() {
            let _ = write!(json, "\"{}\":{i},", key(i));
        }
        json.push_str("\"k7\":\"dup\"}");
        probe::take();
        let parameters: Parameters = serde_json::from_str(&json).expect("an object");
        let probes = probe::take();
        assert!(probes <= 3 * N, "{probes} probes for {N} keys");
        assert_eq!(parameters.len(), N);
        assert_eq!(
            parameters.iter().next().map(|(k, _)| k.to_owned()),
            Some(key(N - 1))
        );
        assert_eq!(parameters.get("k7"), Some(&ParamValue::from("dup")));
        assert_eq!(
            parameters.iter().position(|(k, _)| k == "k7"),
            Some(N - 1 - 7)
        );
        let written = serde_json::to_string(&parameters).expect("serializes");
        assert!(
            written.starts_with(&format!("{{\"{}\":{}", key(N - 1), N - 1)),
            "{}",
            &written[..40]
        );
    }
}
