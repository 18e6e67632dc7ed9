//! The JSON `parameters` object: an order-preserving map that keeps whatever a server sent.

use core::fmt;

use crate::info::{ParamKind, ParamRef};

/// A JSON value inside a `parameters` object.
///
/// The typed errors only read [`Unsigned`](Self::Unsigned) and [`Text`](Self::Text); the other
/// variants exist so that a newer server's parameters survive a round trip unchanged.
#[derive(Clone, Debug, PartialEq)]
pub enum ParamValue {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A non-negative integer.
    Unsigned(u64),
    /// A negative integer.
    Signed(i64),
    /// A number with a fraction or an exponent. With `serde_json`, enable its
    /// `float_roundtrip` feature to read such numbers exactly: its default parser may change
    /// the last digit, so a body read and written again would not be the same.
    Float(f64),
    /// A string.
    Text(String),
    /// An array.
    List(Vec<ParamValue>),
    /// An object, in the order it was written.
    Map(Parameters),
}

impl ParamValue {
    /// The JSON type name of this value, for error messages.
    pub const fn json_type(&self) -> &'static str {
        match self {
            Self::Null => "null",
            Self::Bool(_) => "boolean",
            Self::Unsigned(_) | Self::Signed(_) => "integer",
            Self::Float(_) => "number",
            Self::Text(_) => "string",
            Self::List(_) => "array",
            Self::Map(_) => "object",
        }
    }
}

impl From<ParamRef<'_>> for ParamValue {
    fn from(value: ParamRef<'_>) -> Self {
        match value {
            ParamRef::Number(n) => Self::Unsigned(n),
            ParamRef::Text(s) => Self::Text(s.to_owned()),
        }
    }
}

impl From<u64> for ParamValue {
    fn from(value: u64) -> Self {
        Self::Unsigned(value)
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
/// ```
/// use omnia_errors::{Parameters, ParamValue};
///
/// let mut parameters = Parameters::new();
/// parameters.insert("maxLength", 50.into());
/// assert_eq!(parameters.get("maxLength"), Some(&ParamValue::Unsigned(50)));
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Parameters {
    // A Vec, not a map: objects are tiny (zero to two entries) and order must survive.
    entries: Vec<(String, ParamValue)>,
}

impl Parameters {
    /// An empty object.
    pub const fn new() -> Self {
        Self {
            entries: Vec::new(),
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

    /// The value of `name`, if present.
    pub fn get(&self, name: &str) -> Option<&ParamValue> {
        self.entries.iter().find(|(k, _)| k == name).map(|(_, v)| v)
    }

    /// Sets `name` to `value`, keeping the position of an existing entry of that name (as JSON
    /// parsers do, the last duplicate wins).
    pub fn insert(&mut self, name: impl Into<String>, value: ParamValue) {
        let name = name.into();
        match self.entries.iter_mut().find(|(k, _)| *k == name) {
            Some((_, slot)) => *slot = value,
            None => self.entries.push((name, value)),
        }
    }

    /// The entries, in order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&str, &ParamValue)> {
        self.entries.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// Reads a number parameter of `code`.
    ///
    /// # Errors
    ///
    /// [`ParamError::WrongType`] when present but not a non-negative integer.
    pub fn number(&self, code: &str, name: &'static str) -> Result<Option<u64>, ParamError> {
        match self.get(name) {
            None | Some(ParamValue::Null) => Ok(None),
            Some(ParamValue::Unsigned(n)) => Ok(Some(*n)),
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
    /// The code is not in this version of the catalog (it was kept as a string).
    UnknownCode {
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
                ParamValue::Signed(_) => "negative integer",
                other => other.json_type(),
            },
        }
    }
}

impl fmt::Display for ParamError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::UnknownCode { code } => write!(
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
        }
    }
}

impl std::error::Error for ParamError {}

#[cfg(feature = "serde")]
mod serde_impls {
    use core::fmt;

    use serde::de::{self, MapAccess, SeqAccess, Visitor};
    use serde::ser::{SerializeMap, SerializeSeq};
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use super::{ParamValue, Parameters};

    impl Serialize for ParamValue {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            match self {
                Self::Null => serializer.serialize_unit(),
                Self::Bool(b) => serializer.serialize_bool(*b),
                Self::Unsigned(n) => serializer.serialize_u64(*n),
                Self::Signed(n) => serializer.serialize_i64(*n),
                Self::Float(n) => serializer.serialize_f64(*n),
                Self::Text(s) => serializer.serialize_str(s),
                Self::List(items) => {
                    let mut seq = serializer.serialize_seq(Some(items.len()))?;
                    for item in items {
                        seq.serialize_element(item)?;
                    }
                    seq.end()
                }
                Self::Map(map) => map.serialize(serializer),
            }
        }
    }

    impl Serialize for Parameters {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let mut map = serializer.serialize_map(Some(self.len()))?;
            for (k, v) in self {
                map.serialize_entry(k, v)?;
            }
            map.end()
        }
    }

    struct ValueVisitor;

    impl<'de> Visitor<'de> for ValueVisitor {
        type Value = ParamValue;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("any JSON value")
        }
        fn visit_unit<E>(self) -> Result<ParamValue, E> {
            Ok(ParamValue::Null)
        }
        fn visit_none<E>(self) -> Result<ParamValue, E> {
            Ok(ParamValue::Null)
        }
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<ParamValue, D::Error> {
            ParamValue::deserialize(d)
        }
        fn visit_bool<E>(self, v: bool) -> Result<ParamValue, E> {
            Ok(ParamValue::Bool(v))
        }
        fn visit_u64<E>(self, v: u64) -> Result<ParamValue, E> {
            Ok(ParamValue::Unsigned(v))
        }
        fn visit_i64<E>(self, v: i64) -> Result<ParamValue, E> {
            // Serde formats may report small non-negative integers through `visit_i64`.
            Ok(u64::try_from(v).map_or(ParamValue::Signed(v), ParamValue::Unsigned))
        }
        fn visit_f64<E>(self, v: f64) -> Result<ParamValue, E> {
            Ok(ParamValue::Float(v))
        }
        fn visit_str<E>(self, v: &str) -> Result<ParamValue, E> {
            Ok(ParamValue::Text(v.to_owned()))
        }
        fn visit_string<E>(self, v: String) -> Result<ParamValue, E> {
            Ok(ParamValue::Text(v))
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<ParamValue, A::Error> {
            let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
            while let Some(item) = seq.next_element()? {
                items.push(item);
            }
            Ok(ParamValue::List(items))
        }
        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<ParamValue, A::Error> {
            MapVisitor.visit_map(map).map(ParamValue::Map)
        }
    }

    struct MapVisitor;

    impl<'de> Visitor<'de> for MapVisitor {
        type Value = Parameters;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a JSON object")
        }
        fn visit_unit<E>(self) -> Result<Parameters, E> {
            Ok(Parameters::new())
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Parameters, A::Error> {
            let mut parameters = Parameters::new();
            while let Some((k, v)) = map.next_entry::<String, ParamValue>()? {
                parameters.insert(k, v);
            }
            Ok(parameters)
        }
    }

    impl<'de> Deserialize<'de> for ParamValue {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            d.deserialize_any(ValueVisitor)
        }
    }

    impl<'de> Deserialize<'de> for Parameters {
        /// Accepts an object, or `null` for none.
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            d.deserialize_any(MapVisitor).map_err(|e: D::Error| {
                de::Error::custom(format_args!("`parameters` must be a JSON object: {e}"))
            })
        }
    }
}
