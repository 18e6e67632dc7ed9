//! serde for parameters and numbers, exact through `serde_json`, and the reading of the wire
//! objects (bodies, problems, their items) member by member.
//!
//! `serde_json` reads a number into a `u64`, an `i64` or an `f64`: an integer past 64 bits
//! comes back rounded (`1.2345678901234568e+29`), a decimal loses how it was written (`1.50`),
//! and `1e400` is refused. Its `arbitrary_precision` feature would keep them, but it is not
//! additive: it changes how every crate of a build reads numbers (`serde_json::Value`
//! compares `1.0` and `1.00` unequal, numbers reach other visitors as maps), so a library must
//! not turn it on for its users. Instead, a value is asked for as `serde_json`'s `RawValue` asks
//! for one ([`RAW_VALUE`]): `serde_json` hands over its text, read here by `json_text`, and
//! every other deserializer hands over the value as it reads it. Writing is the mirror:
//! a number that a 64-bit integer holds as written is written as that integer, any other as
//! its text (a `RawValue`).
//!
//! A derived `#[serde(flatten)]` would buffer the members it collects in serde's own value
//! type before they reach [`ParamValue`], losing their text; the wire objects are read with
//! [`wire_object!`] instead, which hands each unknown member to `ParamValue` directly.

use core::fmt;
use std::borrow::Cow;

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Unexpected, Visitor};
use serde::ser::{self, SerializeMap, SerializeSeq};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::number::Number;
use crate::{ParamValue, Parameters, json_text};

/// The name of the newtype struct `serde_json`'s `RawValue` deserializes as. `serde_json`'s
/// deserializers (with its `raw_value` feature, which this crate turns on, and which changes
/// nothing else) answer it with the value's JSON text, as written: a map of one entry, this
/// name to the text. Every other deserializer sees an ordinary newtype struct and hands over
/// the value itself. A test reads 30-digit integers through `serde_json`, so a `serde_json` that
/// stopped answering this name would fail it.
const RAW_VALUE: &str = "$serde_json::private::RawValue";

impl Serialize for Number {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.canonical_integer() {
            Some(Ok(n)) => serializer.serialize_u64(n),
            Some(Err(n)) => serializer.serialize_i64(n),
            None => serde_json::value::RawValue::from_string(self.to_string())
                .map_err(ser::Error::custom)?
                .serialize(serializer),
        }
    }
}

impl Serialize for ParamValue {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Null => serializer.serialize_unit(),
            Self::Bool(b) => serializer.serialize_bool(*b),
            Self::Number(n) => n.serialize(serializer),
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

impl<'de> Deserialize<'de> for ParamValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_newtype_struct(RAW_VALUE, ValueVisitor { raw: true })
    }
}

impl<'de> Deserialize<'de> for Parameters {
    /// Accepts an object, or `null` for none.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match ParamValue::deserialize(d)? {
            ParamValue::Map(parameters) => Ok(parameters),
            ParamValue::Null => Ok(Self::new()),
            other => Err(de::Error::invalid_type(
                unexpected(&other),
                &"a JSON object of parameters",
            )),
        }
    }
}

impl<'de> Deserialize<'de> for Number {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match ParamValue::deserialize(d)? {
            ParamValue::Number(number) => Ok(number),
            other => Err(de::Error::invalid_type(
                unexpected(&other),
                &"a JSON number",
            )),
        }
    }
}

/// A value as serde's errors name it.
fn unexpected(value: &ParamValue) -> Unexpected<'_> {
    match value {
        ParamValue::Null => Unexpected::Unit,
        ParamValue::Bool(b) => Unexpected::Bool(*b),
        ParamValue::Number(n) => match n.canonical_integer() {
            Some(Ok(n)) => Unexpected::Unsigned(n),
            Some(Err(n)) => Unexpected::Signed(n),
            None => Unexpected::Other("number"),
        },
        ParamValue::Text(s) => Unexpected::Str(s),
        ParamValue::List(_) => Unexpected::Seq,
        ParamValue::Map(_) => Unexpected::Map,
    }
}

/// Reads any value. `raw`: asked for as a raw value, so a map may be `serde_json`'s answer.
struct ValueVisitor {
    raw: bool,
}

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = ParamValue;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    /// A deserializer without raw values: the value as it reads it.
    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<ParamValue, D::Error> {
        d.deserialize_any(ValueVisitor { raw: false })
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
        Ok(ParamValue::Number(v.into()))
    }
    fn visit_i64<E>(self, v: i64) -> Result<ParamValue, E> {
        Ok(ParamValue::Number(v.into()))
    }
    fn visit_u128<E>(self, v: u128) -> Result<ParamValue, E> {
        Ok(ParamValue::Number(v.into()))
    }
    fn visit_i128<E>(self, v: i128) -> Result<ParamValue, E> {
        Ok(ParamValue::Number(v.into()))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<ParamValue, E> {
        Number::try_from(v)
            .map(ParamValue::Number)
            .map_err(E::custom)
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
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<ParamValue, A::Error> {
        let Some(first) = map.next_key_seed(Key)? else {
            return Ok(ParamValue::Map(Parameters::new()));
        };
        if self.raw && first == RAW_VALUE {
            return map.next_value_seed(Text);
        }
        let mut parameters = Parameters::new();
        parameters.insert(first, map.next_value()?);
        while let Some(key) = map.next_key_seed(Key)? {
            parameters.insert(key, map.next_value()?);
        }
        Ok(ParamValue::Map(parameters))
    }
}

/// A raw value's text, read into the value it holds.
struct Text;

impl<'de> DeserializeSeed<'de> for Text {
    type Value = ParamValue;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<ParamValue, D::Error> {
        d.deserialize_str(self)
    }
}

impl Visitor<'_> for Text {
    type Value = ParamValue;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value's text")
    }
    fn visit_str<E: de::Error>(self, text: &str) -> Result<ParamValue, E> {
        json_text::parse(text).map_err(E::custom)
    }
}

/// An object's member name, borrowed from the input when it can be.
pub(crate) struct Key;

impl<'de> DeserializeSeed<'de> for Key {
    type Value = Cow<'de, str>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for Key {
    type Value = Cow<'de, str>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a member's name")
    }
    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Cow::Borrowed(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v))
    }
}

/// `Deserialize` for a wire object: its members by name, each read once (a second is an
/// error, as derived impls say), and every other member into its `extensions`, read as a
/// [`ParamValue`] straight from the deserializer (so its numbers keep their text).
///
/// Each member is `field "name": Type = default`, the default being `required` (absent is an
/// error) or an expression for an absent member.
macro_rules! wire_object {
    ($Type:ident, $expecting:literal, { $($fields:tt)* }) => {
        $crate::json::wire_object!(@impl $Type, $Type, |value| value, $expecting, { $($fields)* });
    };
    // A newtype `$Wrapper($Type)`, read with other member names than `$Type` itself (a problem's
    // items: the same item, its text called `detail`).
    ($Wrapper:ident($Type:ident), $expecting:literal, { $($fields:tt)* }) => {
        $crate::json::wire_object!(@impl $Wrapper, $Type, $Wrapper, $expecting, { $($fields)* });
    };
    (@impl $Target:ident, $Type:ident, $wrap:expr, $expecting:literal, { $($field:ident $name:literal: $FieldType:ty $(as $Via:ty)? = $default:tt),* $(,)? }) => {
        impl<'de> serde::Deserialize<'de> for $Target {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct ObjectVisitor;

                impl<'de> serde::de::Visitor<'de> for ObjectVisitor {
                    type Value = $Target;

                    fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                        f.write_str($expecting)
                    }

                    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<$Target, A::Error> {
                        $(let mut $field: Option<$FieldType> = None;)*
                        let mut extensions = $crate::Parameters::new();
                        while let Some(key) = map.next_key_seed($crate::json::Key)? {
                            match &*key {
                                $($name => {
                                    if $field.is_some() {
                                        return Err(serde::de::Error::duplicate_field($name));
                                    }
                                    $field = Some($crate::json::wire_object!(@read map $FieldType $(, $Via)?));
                                })*
                                _ => {
                                    let value = map.next_value()?;
                                    extensions.insert(key, value);
                                }
                            }
                        }
                        Ok(($wrap)($Type {
                            $($field: $crate::json::wire_object!(@member $field $name $default),)*
                            extensions,
                        }))
                    }
                }

                d.deserialize_map(ObjectVisitor)
            }
        }
    };
    // A member read as itself, or through a type it converts from (`as`).
    (@read $map:ident $FieldType:ty) => {
        $map.next_value::<$FieldType>()?
    };
    (@read $map:ident $FieldType:ty, $Via:ty) => {
        <$FieldType>::from($map.next_value::<$Via>()?)
    };
    (@member $field:ident $name:literal required) => {
        $field.ok_or_else(|| serde::de::Error::missing_field($name))?
    };
    (@member $field:ident $name:literal $default:tt) => {
        $field.unwrap_or_else(|| $default)
    };
}

pub(crate) use wire_object;

#[cfg(test)]
mod tests {
    use serde::Deserialize as _;
    use serde::de::IntoDeserializer;
    use serde::de::value::{BytesDeserializer, Error, MapDeserializer};

    use super::{RAW_VALUE, ValueVisitor};
    use crate::{Number, ParamValue, Parameters};

    #[test]
    fn a_value_of_no_json_type_is_an_error_saying_what_was_expected() {
        let error = ParamValue::deserialize(BytesDeserializer::<Error>::new(b"x")).unwrap_err();
        assert!(
            error.to_string().ends_with("expected any JSON value"),
            "{error}"
        );
    }

    #[test]
    fn formats_without_raw_values_hand_over_values_as_they_read_them() {
        // serde's own deserializers answer a newtype struct with the value inside.
        let value = ParamValue::deserialize(IntoDeserializer::<Error>::into_deserializer(1.5_f64));
        assert_eq!(value.unwrap(), ParamValue::Number("1.5".parse().unwrap()));
        let value =
            ParamValue::deserialize(IntoDeserializer::<Error>::into_deserializer(u128::MAX));
        assert_eq!(value.unwrap(), ParamValue::Number(Number::from(u128::MAX)));
        let error =
            ParamValue::deserialize(IntoDeserializer::<Error>::into_deserializer(f64::INFINITY))
                .unwrap_err();
        assert!(
            error.to_string().contains("JSON has no NaN or infinities"),
            "{error}"
        );
        // A map whose first key is the raw value's name is a raw value only when asked for
        // as one: read as any value, it is an ordinary map.
        let map = MapDeserializer::<_, Error>::new([(RAW_VALUE, "1")].into_iter());
        let value = serde::Deserializer::deserialize_any(map, ValueVisitor { raw: false }).unwrap();
        let expected: Parameters = [(RAW_VALUE, ParamValue::from("1"))].into_iter().collect();
        assert_eq!(value, ParamValue::Map(expected));
        // A deserializer that answers a newtype struct with the map itself: an ordinary map
        // unless its first key is the raw value's name, whose value must then be text.
        let map = MapDeserializer::<_, Error>::new([("a", 1_u64)].into_iter());
        let expected: Parameters = [("a", ParamValue::from(1))].into_iter().collect();
        assert_eq!(
            ParamValue::deserialize(map).unwrap(),
            ParamValue::Map(expected)
        );
        let map = MapDeserializer::<_, Error>::new([(RAW_VALUE, 5_u64)].into_iter());
        assert_eq!(
            ParamValue::deserialize(map).unwrap_err().to_string(),
            "invalid type: integer `5`, expected a JSON value's text"
        );
        let map = MapDeserializer::<_, Error>::new([(1_u64, 2_u64)].into_iter());
        assert_eq!(
            ParamValue::deserialize(map).unwrap_err().to_string(),
            "invalid type: integer `1`, expected a member's name"
        );
    }
}
