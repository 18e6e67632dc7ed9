//! A JSON number kept as it was written, whatever its size or precision.

use core::fmt;
use core::str::FromStr;

/// A JSON number, kept as it was written: `123456789012345678901234567890`, `1.50` and
/// `1e400` come back exactly as they went in. No `f64` stands in between, so nothing a server
/// sends is rounded, shortened or refused for being larger than a machine number.
///
/// Two numbers are equal when they are written the same: `1.5` and `1.50` are not, since the
/// text is what travels. [`as_u64`](Self::as_u64), [`as_i64`](Self::as_i64) and
/// [`as_f64`](Self::as_f64) read its value.
///
/// ```
/// use omnia_errors::Number;
///
/// let big: Number = "123456789012345678901234567890".parse()?;
/// assert_eq!(big.to_string(), "123456789012345678901234567890");
/// assert_eq!(big.as_u64(), None); // larger than a u64, still kept
/// assert_eq!(Number::from(50_u64).as_u64(), Some(50));
/// assert_eq!("1.50".parse::<Number>()?.as_str(), "1.50");
///
/// // What JSON cannot hold is an error that says so.
/// let error = Number::try_from(f64::NAN).unwrap_err();
/// assert_eq!(error.to_string(), "NaN is not a JSON number: JSON has no NaN or infinities (send null or a string instead)");
/// # Ok::<(), omnia_errors::NumberError>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Number(Box<str>);

impl Number {
    /// A number from text [`scan`] read whole.
    #[cfg(feature = "serde")]
    pub(crate) fn scanned(text: &str) -> Self {
        debug_assert_eq!(scan(text.as_bytes()), Ok(text.len()), "{text:?}");
        Self(text.into())
    }

    /// The number as written in JSON.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The value, when the number is a non-negative integer (written without a fraction or an
    /// exponent) that a `u64` holds. `-0` is 0.
    pub fn as_u64(&self) -> Option<u64> {
        match self.0.strip_prefix('-') {
            Some(magnitude) => (magnitude == "0").then_some(0),
            None => self.0.parse().ok(),
        }
    }

    /// The value, when the number is an integer (written without a fraction or an exponent)
    /// that an `i64` holds.
    pub fn as_i64(&self) -> Option<i64> {
        self.0.parse().ok()
    }

    /// The nearest `f64`: infinite beyond its range (`1e400`), rounded past its precision.
    pub fn as_f64(&self) -> f64 {
        // The grammar a `Number` holds is a subset of what `f64::from_str` reads.
        self.0.parse().unwrap_or(f64::NAN)
    }

    /// Whether the number is written as an integer: no fraction, no exponent.
    pub fn is_integer(&self) -> bool {
        !self.0.contains(['.', 'e', 'E'])
    }

    /// Whether the number is written with a minus sign.
    pub fn is_negative(&self) -> bool {
        self.0.starts_with('-')
    }

    /// The text as written, when it is the shortest one of its integer value: what writing
    /// the `u64` or `i64` writes, so a serializer may be handed the integer instead.
    #[cfg(feature = "serde")]
    pub(crate) fn canonical_integer(&self) -> Option<Result<u64, i64>> {
        if let Ok(n) = self.0.parse::<u64>() {
            return Some(Ok(n));
        }
        // `-0` is an integer too, but writing the `i64` 0 would write `0`.
        self.0.parse::<i64>().ok().filter(|&n| n != 0).map(Err)
    }
}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Number({})", self.0)
    }
}

impl FromStr for Number {
    type Err = NumberError;

    /// Reads a JSON number (RFC 8259, section 6): an optional minus, an integer without
    /// leading zeros, an optional fraction and an optional exponent; nothing around it.
    fn from_str(text: &str) -> Result<Self, NumberError> {
        match scan(text.as_bytes()) {
            Ok(end) if end == text.len() => Ok(Self(text.into())),
            Ok(at) | Err(at) => Err(NumberError {
                input: abbreviate(text),
                kind: NumberErrorKind::Syntax { at },
            }),
        }
    }
}

macro_rules! from_integer {
    ($($int:ty),*) => {$(
        impl From<$int> for Number {
            fn from(value: $int) -> Self {
                Self(value.to_string().into())
            }
        }
    )*};
}

from_integer!(
    u8, u16, u32, u64, u128, usize, i8, i16, i32, i64, i128, isize
);

impl TryFrom<f64> for Number {
    type Error = NumberError;

    /// The shortest text that reads back as `value`; NaN and the infinities, which JSON
    /// cannot write, are an error.
    fn try_from(value: f64) -> Result<Self, NumberError> {
        if value.is_finite() {
            // `Debug` writes the shortest text that reads back as the same `f64`, in the
            // grammar of a JSON number (`0.1`, `1.0`, `1e300`, `-1.5e-7`): a test proves it.
            Ok(Self(format!("{value:?}").into()))
        } else {
            Err(NumberError {
                input: value.to_string(),
                kind: NumberErrorKind::NotFinite,
            })
        }
    }
}

/// The length of the JSON number at the start of `bytes` (the longest that reads), or the
/// offset where the first one goes wrong.
pub(crate) fn scan(bytes: &[u8]) -> Result<usize, usize> {
    let digits = |from: usize| {
        bytes.get(from..).map_or(0, |rest| {
            rest.iter().take_while(|b| b.is_ascii_digit()).count()
        })
    };
    let mut at = usize::from(bytes.first() == Some(&b'-'));
    match bytes.get(at) {
        Some(b'0') => at += 1,
        Some(b'1'..=b'9') => at += 1 + digits(at + 1),
        _ => return Err(at),
    }
    if bytes.get(at) == Some(&b'.') {
        match digits(at + 1) {
            0 => return Err(at + 1),
            n => at += 1 + n,
        }
    }
    if matches!(bytes.get(at), Some(b'e' | b'E')) {
        at += 1;
        if matches!(bytes.get(at), Some(b'+' | b'-')) {
            at += 1;
        }
        match digits(at) {
            0 => return Err(at),
            n => at += n,
        }
    }
    Ok(at)
}

/// At most how many characters of a refused input an error keeps.
const SHOWN: usize = 40;

/// `text`, cut to [`SHOWN`] characters with an ellipsis when longer: an error's message stays
/// short whatever was sent.
pub(crate) fn abbreviate(text: &str) -> String {
    match text.char_indices().nth(SHOWN) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_owned(),
    }
}

/// Why a text or an `f64` is not a JSON number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NumberError {
    input: String,
    kind: NumberErrorKind,
}

/// What is wrong with a [`NumberError`]'s input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum NumberErrorKind {
    /// The text does not follow the JSON number grammar from this byte offset on.
    Syntax {
        /// The offset of the first byte that does not fit.
        at: usize,
    },
    /// NaN or an infinity, which JSON has no way to write.
    NotFinite,
}

impl NumberError {
    /// What is wrong.
    pub const fn kind(&self) -> NumberErrorKind {
        self.kind
    }

    /// The refused input (its first 40 characters, when longer).
    pub fn input(&self) -> &str {
        &self.input
    }
}

impl fmt::Display for NumberError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            NumberErrorKind::Syntax { at } => write!(
                f,
                "{:?} is not a JSON number: it does not fit from byte {at} on (a JSON number is \
                 an optional minus, an integer without leading zeros, then optionally a fraction \
                 and an exponent: -12, 0.5, 1.5e-3)",
                self.input
            ),
            NumberErrorKind::NotFinite => write!(
                f,
                "{} is not a JSON number: JSON has no NaN or infinities (send null or a string instead)",
                self.input
            ),
        }
    }
}

impl std::error::Error for NumberError {}

#[cfg(test)]
mod tests {
    use super::{Number, NumberErrorKind, abbreviate, scan};

    #[test]
    fn the_grammar_takes_json_numbers_and_says_where_others_go_wrong() {
        for good in [
            "0", "-0", "7", "-12", "0.5", "1.50", "1e400", "1E+2", "2e-3", "-0.0e0",
        ] {
            assert_eq!(scan(good.as_bytes()), Ok(good.len()), "{good}");
            assert_eq!(
                good.parse::<Number>().map(|n| n.to_string()),
                Ok(good.into())
            );
        }
        for (bad, at) in [
            ("", 0),
            ("-", 1),
            ("+1", 0),
            ("01", 1),
            (".5", 0),
            ("1.", 2),
            ("1.e3", 2),
            ("1e", 2),
            ("1e+", 3),
            ("NaN", 0),
            ("1 ", 1),
            ("0x10", 1),
        ] {
            let error = bad.parse::<Number>().unwrap_err();
            assert_eq!(error.kind(), NumberErrorKind::Syntax { at }, "{bad:?}");
            assert_eq!(error.input(), bad);
        }
    }

    #[test]
    fn values_are_read_exactly_or_not_at_all() {
        let n = |s: &str| s.parse::<Number>().unwrap();
        assert_eq!(n("18446744073709551615").as_u64(), Some(u64::MAX));
        assert_eq!(n("18446744073709551616").as_u64(), None);
        assert_eq!(n("-0").as_u64(), Some(0));
        assert_eq!(n("-1").as_u64(), None);
        assert_eq!(n("5.0").as_u64(), None);
        assert_eq!(n("-9223372036854775808").as_i64(), Some(i64::MIN));
        assert_eq!(n("1e2").as_i64(), None);
        assert!((n("1.5").as_f64() - 1.5).abs() < f64::EPSILON);
        assert!(n("1e400").as_f64().is_infinite());
        assert!(n("12").is_integer() && !n("1.2").is_integer() && !n("1E2").is_integer());
        assert!(n("-0").is_negative() && !n("0").is_negative());
    }

    #[test]
    fn a_long_input_is_cut_in_its_error() {
        let long = "9".repeat(100) + "x";
        let error = long.parse::<Number>().unwrap_err();
        assert_eq!(error.input(), format!("{}…", "9".repeat(40)));
        assert_eq!(abbreviate("é".repeat(40).as_str()), "é".repeat(40));
        assert_eq!(abbreviate("é".repeat(41).as_str()), "é".repeat(40) + "…");
    }

    #[test]
    fn infinities_are_refused_with_what_to_send_instead() {
        let error = Number::try_from(f64::NEG_INFINITY).unwrap_err();
        assert_eq!(error.kind(), NumberErrorKind::NotFinite);
        assert!(
            error.to_string().starts_with("-inf is not a JSON number"),
            "{error}"
        );
    }

    proptest::proptest! {
        #[test]
        fn every_finite_f64_writes_as_a_json_number_that_reads_back_the_same(bits in proptest::num::u64::ANY) {
            let value = f64::from_bits(bits);
            proptest::prop_assume!(value.is_finite());
            let number = Number::try_from(value).unwrap();
            proptest::prop_assert_eq!(scan(number.as_str().as_bytes()), Ok(number.as_str().len()));
            proptest::prop_assert_eq!(number.as_f64().to_bits(), value.to_bits());
        }

        #[test]
        fn integers_read_back_as_the_integers_written(value in proptest::num::i64::ANY, unsigned in proptest::num::u64::ANY) {
            proptest::prop_assert_eq!(Number::from(value).as_i64(), Some(value));
            proptest::prop_assert_eq!(Number::from(unsigned).as_u64(), Some(unsigned));
        }
    }
}
