//! Compiled messages: what a Fluent message of the catalog becomes once its syntax is resolved.
//!
//! A message is a list of [`Piece`]s: literal text, a parameter's value, or a selection on a
//! parameter. Terms and message references are already inlined and adjacent texts joined, so a
//! message without parameters is one `&'static str`. Formatting walks the pieces and writes
//! straight into one `String` sized beforehand: no lookup by string, no intermediate values.
//!
//! The same types hold the embedded messages (generated Rust in `embedded.rs`, `'static`) and
//! the messages of files loaded at run time (owned), so both are formatted by one engine.

// A build with neither `embedded` nor `files` has no messages to make of these types.
#![cfg_attr(not(any(feature = "embedded", feature = "files")), allow(dead_code))]

use std::borrow::Cow;
use std::ops::Deref;

use omnia_errors::ParamRef;

use crate::number::Numbers;

/// A slice that is either `'static` (embedded messages) or owned (files loaded at run time);
/// equal when the items are, wherever they live.
#[derive(Clone, Debug)]
pub(crate) enum Seq<T: 'static> {
    /// Generated code's data.
    #[cfg_attr(not(feature = "embedded"), allow(dead_code))]
    Static(&'static [T]),
    /// Compiled at run time.
    #[cfg_attr(not(feature = "files"), allow(dead_code))]
    Owned(Box<[T]>),
}

impl<T> Deref for Seq<T> {
    type Target = [T];

    fn deref(&self) -> &[T] {
        match self {
            Self::Static(items) => items,
            Self::Owned(items) => items,
        }
    }
}

impl<T: PartialEq> PartialEq for Seq<T> {
    fn eq(&self, other: &Self) -> bool {
        **self == **other
    }
}

impl<T: Eq> Eq for Seq<T> {}

/// One piece of a compiled message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Piece {
    /// Literal text.
    Text(Cow<'static, str>),
    /// The value of the code's parameter at this position of `code.params()`.
    Param {
        /// The parameter's position.
        index: u8,
        /// Whether Fluent would wrap it in isolation marks (when they are on).
        isolate: bool,
    },
    /// A select expression on a parameter.
    Select(Select),
}

/// A select expression on a parameter: the first variant whose key matches, else the default,
/// as Fluent resolves it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Select {
    /// The parameter's position.
    pub(crate) index: u8,
    /// Whether Fluent would wrap the chosen variant in isolation marks.
    pub(crate) isolate: bool,
    /// The variants, in source order.
    pub(crate) variants: Seq<Variant>,
    /// The position of the default (`*`) variant.
    pub(crate) default: u8,
}

/// A variant of a select expression.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Variant {
    /// What it matches.
    pub(crate) key: Key,
    /// Its pattern.
    pub(crate) pieces: Seq<Piece>,
}

/// A variant key, matched the way Fluent matches it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Key {
    /// `[one]`: the plural category of a number (by the locale's CLDR rules), or a text equal
    /// to the name.
    Name(Cow<'static, str>),
    /// `[0]`: exactly this number.
    Number(u64),
    /// A number no integer parameter can equal (`[1.5]`, `[-1]`).
    #[cfg_attr(not(feature = "files"), allow(dead_code))] // Only files may hold such keys.
    Never,
}

/// A compiled pattern, with an upper bound of the bytes its literal texts can write.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Pattern {
    /// The pieces.
    pub(crate) pieces: Seq<Piece>,
    /// The longest literal text any choice of variants writes, in bytes.
    pub(crate) text_len: u32,
}

/// The compiled message of one code in one locale: its value, and its `.context` attribute for
/// codes with optional parameters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Message {
    /// The generic message.
    pub(crate) value: Option<Pattern>,
    /// The contextual variant.
    pub(crate) context: Option<Pattern>,
}

/// The compiled messages of one locale: what the localizer is built from, embedded or loaded.
pub(crate) struct LocaleMessages {
    /// The locale's tag.
    pub(crate) tag: String,
    /// By [`AnyCode::index`](omnia_errors::AnyCode::index).
    pub(crate) messages: Seq<Message>,
}

/// Bytes reserved per number: `u64::MAX` grouped with a three-byte separator is 38.
const NUMBER_BYTES: usize = 40;
const FSI: char = '\u{2068}';
const PDI: char = '\u{2069}';

/// What formatting a pattern needs besides the pattern.
pub(crate) struct Context<'a, 'p> {
    /// The parameter values, by position in `code.params()`.
    pub(crate) args: &'a [Option<ParamRef<'p>>],
    /// The locale's numbers and plural rules.
    pub(crate) numbers: &'a Numbers,
    /// Whether isolation marks are on.
    pub(crate) isolating: bool,
}

/// Why a pattern could not be formatted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FormatError {
    /// The pattern uses the parameter at this position, and it was not given.
    MissingParam(u8),
}

impl Pattern {
    /// The text, when the pattern is literal text only.
    pub(crate) fn as_text(&self) -> Option<&str> {
        match &*self.pieces {
            [Piece::Text(text)] => Some(text),
            _ => None,
        }
    }

    /// Formats the pattern into a new string, allocated once.
    #[inline]
    pub(crate) fn format(&self, cx: &Context<'_, '_>) -> Result<String, FormatError> {
        let args_len: usize = cx
            .args
            .iter()
            .map(|arg| match arg {
                Some(ParamRef::Text(text)) => text.len(),
                Some(ParamRef::Number(_)) => NUMBER_BYTES,
                None => 0,
            })
            .sum();
        // Every placeable may be written, isolated, more than once; but a pattern uses each
        // parameter at most once per variant path in practice, and a wrong guess only costs
        // a reallocation.
        let marks = if cx.isolating { 6 * cx.args.len() } else { 0 };
        let mut out = String::with_capacity(self.text_len as usize + args_len + marks);
        write_pieces(&self.pieces, cx, &mut out)?;
        Ok(out)
    }
}

fn write_pieces(
    pieces: &[Piece],
    cx: &Context<'_, '_>,
    out: &mut String,
) -> Result<(), FormatError> {
    for piece in pieces {
        match piece {
            Piece::Text(text) => out.push_str(text),
            Piece::Param { index, isolate } => {
                let value = param(cx, *index)?;
                let isolate = *isolate && cx.isolating;
                if isolate {
                    out.push(FSI);
                }
                match value {
                    ParamRef::Number(n) => cx.numbers.write(n, out),
                    ParamRef::Text(text) => out.push_str(text),
                }
                if isolate {
                    out.push(PDI);
                }
            }
            Piece::Select(select) => {
                let value = param(cx, select.index)?;
                // The category once per selection, not once per variant: it is the costly part.
                let category = match value {
                    ParamRef::Number(n) => cx.numbers.category(n),
                    ParamRef::Text(_) => "",
                };
                let chosen = select
                    .variants
                    .iter()
                    .find(|v| matches(&v.key, value, category))
                    .or_else(|| select.variants.get(usize::from(select.default)));
                let isolate = select.isolate && cx.isolating;
                if isolate {
                    out.push(FSI);
                }
                if let Some(variant) = chosen {
                    write_pieces(&variant.pieces, cx, out)?;
                }
                if isolate {
                    out.push(PDI);
                }
            }
        }
    }
    Ok(())
}

fn param<'p>(cx: &Context<'_, 'p>, index: u8) -> Result<ParamRef<'p>, FormatError> {
    cx.args
        .get(usize::from(index))
        .copied()
        .flatten()
        .ok_or(FormatError::MissingParam(index))
}

/// Fluent's rule: a name matches a number of its plural category (`category`, computed by the
/// caller) or a text equal to it; a number matches an equal number.
fn matches(key: &Key, value: ParamRef<'_>, category: &str) -> bool {
    match (key, value) {
        (Key::Name(name), ParamRef::Number(_)) => category == name,
        (Key::Name(name), ParamRef::Text(text)) => name == text,
        (Key::Number(k), ParamRef::Number(n)) => *k == n,
        (Key::Number(_) | Key::Never, _) => false,
    }
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use omnia_errors::ParamRef;

    use super::{Context, Key, Pattern, Piece, Select, Seq, Variant};
    use crate::number::Numbers;

    /// A pattern selecting on parameter 0: the variants' keys and texts, the last the default.
    fn select(variants: &[(Key, &'static str)]) -> Pattern {
        let variants: Vec<Variant> = variants
            .iter()
            .map(|(key, text)| Variant {
                key: key.clone(),
                pieces: Seq::Owned(vec![Piece::Text(Cow::Borrowed(*text))].into()),
            })
            .collect();
        Pattern {
            pieces: Seq::Owned(
                vec![Piece::Select(Select {
                    index: 0,
                    isolate: false,
                    default: u8::try_from(variants.len() - 1).unwrap(),
                    variants: Seq::Owned(variants.into()),
                })]
                .into(),
            ),
            text_len: 0,
        }
    }

    fn format(pattern: &Pattern, arg: ParamRef<'_>) -> String {
        let numbers = Numbers::new("en-US");
        let args = [Some(arg)];
        let cx = Context {
            args: &args,
            numbers: &numbers,
            isolating: false,
        };
        pattern.format(&cx).unwrap()
    }

    #[test]
    fn a_number_key_selects_exactly_its_number() {
        let pattern = select(&[
            (Key::Number(0), "none"),
            (Key::Name("other".into()), "some"),
        ]);
        assert_eq!(format(&pattern, ParamRef::Number(0)), "none");
        assert_eq!(format(&pattern, ParamRef::Number(5)), "some");
    }

    #[test]
    fn a_name_key_selects_a_text_equal_to_it() {
        let pattern = select(&[
            (Key::Name("Integer".into()), "a number"),
            (Key::Name("other".into()), "a value"),
        ]);
        assert_eq!(format(&pattern, ParamRef::Text("Integer")), "a number");
        assert_eq!(format(&pattern, ParamRef::Text("Date")), "a value");
    }

    #[test]
    fn sequences_are_equal_when_their_items_are_wherever_they_live() {
        let owned: Seq<u8> = Seq::Owned(vec![1, 2].into());
        assert_eq!(Seq::Static(&[1, 2]), owned);
        assert_ne!(Seq::Static(&[1]), owned);
        assert_ne!(Seq::<u8>::Static(&[2, 1]), Seq::Static(&[1, 2]));
    }
}
