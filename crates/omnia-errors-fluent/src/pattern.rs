//! Compiled messages: what a Fluent message of the catalog becomes once its syntax is resolved.
//!
//! A message is a list of [`Piece`]s: literal text, a parameter's value, or a selection on a
//! parameter. Terms and message references are already inlined and adjacent texts joined, so a
//! message without parameters is one `&'static str`. Formatting walks the pieces and writes
//! straight into one `String` sized beforehand: no lookup by string, no intermediate values.
//!
//! The same types hold the embedded messages (generated Rust in `embedded.rs`, `'static`) and
//! the messages of files loaded at run time (owned). A file's patterns are pieces, walked by
//! `write_pieces`; `cargo xtask docs` compiles the embedded ones further: each pattern with a
//! placeable becomes a Rust function (a [`Body::Code`]) that makes the calls on [`Context`]
//! the walk would make, in the same order, without the walk. `tests/differential.rs` compares
//! both with fluent-bundle on every message.

// A build with neither `embedded` nor `files` has no messages to make of these types.
#![cfg_attr(not(any(feature = "embedded", feature = "files")), allow(dead_code))]

#[cfg(feature = "files")]
use std::borrow::Cow;
use std::cell::Cell;
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

/// One piece of a compiled message: what files loaded at run time compile to (the embedded
/// messages are generated code and texts).
#[cfg(feature = "files")]
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
#[cfg(feature = "files")]
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
#[cfg(feature = "files")]
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Variant {
    /// What it matches.
    pub(crate) key: Key,
    /// Its pattern.
    pub(crate) pieces: Seq<Piece>,
}

/// A variant key, matched the way Fluent matches it.
#[cfg(feature = "files")]
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Key {
    /// `[one]`: the plural category of a number (by the locale's CLDR rules), or a text equal
    /// to the name.
    Name(Cow<'static, str>),
    /// `[0]`: exactly this number.
    Number(u64),
    /// A number no integer parameter can equal (`[1.5]`, `[-1]`).
    Never,
}

/// A compiled pattern, with an upper bound of the bytes its literal texts can write.
#[derive(Clone, Debug)]
pub(crate) struct Pattern {
    /// What writes it.
    pub(crate) body: Body,
    /// The longest literal text any choice of variants writes, in bytes.
    pub(crate) text_len: u32,
}

/// Generated code that writes a pattern (`embedded.rs`). It cannot fail: a missing parameter
/// is noted in the context, which [`Pattern::format`] reads after.
pub(crate) type Code = fn(&Context<'_, '_>, &mut String);

/// How a pattern is written.
#[derive(Clone, Debug)]
pub(crate) enum Body {
    /// Pieces, walked: files loaded at run time, overrides, and what the generator of
    /// `embedded.rs` compiles.
    #[cfg(feature = "files")]
    Pieces(Seq<Piece>),
    /// A literal text of the embedded messages: most of them.
    #[cfg_attr(not(feature = "embedded"), allow(dead_code))] // Only generated code makes it.
    Text(&'static str),
    /// The pieces compiled to Rust by `cargo xtask docs`.
    #[cfg_attr(not(feature = "embedded"), allow(dead_code))] // Only generated code makes it.
    Code(Code),
}

/// The compiled message of one code in one locale: its value, and its `.context` attribute for
/// codes with optional parameters.
#[derive(Clone, Debug)]
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
    args: &'a [Option<ParamRef<'p>>],
    /// The locale's numbers and plural rules.
    numbers: &'a Numbers,
    /// Whether isolation marks are on.
    isolating: bool,
    /// The first parameter the pattern used and did not get: writing goes on without it (as
    /// Fluent's does), and the text is refused after.
    missing: Cell<Option<u8>>,
}

/// Why a pattern could not be formatted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FormatError {
    /// The pattern uses the parameter at this position, and it was not given.
    MissingParam(u8),
}

impl Pattern {
    /// A pattern of pieces, walked when it is formatted.
    #[cfg(feature = "files")]
    pub(crate) fn of_pieces(pieces: Seq<Piece>, text_len: u32) -> Self {
        Self {
            body: Body::Pieces(pieces),
            text_len,
        }
    }

    /// The text, when the pattern is literal text only.
    pub(crate) fn as_text(&self) -> Option<&str> {
        match &self.body {
            #[cfg(feature = "files")]
            Body::Pieces(pieces) => match &**pieces {
                [Piece::Text(text)] => Some(text),
                _ => None,
            },
            Body::Text(text) => Some(text),
            Body::Code(_) => None,
        }
    }

    /// The pieces of a pattern compiled at run time (a file's: what the generators read); a
    /// pattern compiled to code has none to show.
    #[cfg(all(feature = "files", any(test, feature = "codegen")))]
    pub(crate) fn pieces(&self) -> &[Piece] {
        match &self.body {
            Body::Pieces(pieces) => pieces,
            Body::Text(_) | Body::Code(_) => &[],
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
        match &self.body {
            Body::Code(code) => code(cx, &mut out),
            #[cfg(feature = "files")]
            Body::Pieces(pieces) => write_pieces(pieces, cx, &mut out),
            Body::Text(text) => out.push_str(text),
        }
        match cx.missing.get() {
            None => Ok(out),
            Some(index) => Err(FormatError::MissingParam(index)),
        }
    }
}

// Generated code calls these, and so does the walk: one meaning of each piece. Where inlining
// is chosen per target, servers get the speed and WebAssembly (where the download is what a UI
// pays for) a call: generated functions make several, and `push_str` inlined at each literal
// alone is 11 KB of a 131 KB build (`cargo xtask wasm-size`).
impl<'a, 'p> Context<'a, 'p> {
    /// What formatting a pattern needs: the values by position, the locale's numbers, and
    /// whether isolation marks are on.
    pub(crate) fn new(
        args: &'a [Option<ParamRef<'p>>],
        numbers: &'a Numbers,
        isolating: bool,
    ) -> Self {
        Self {
            args,
            numbers,
            isolating,
            missing: Cell::new(None),
        }
    }

    /// The value of the parameter at `index`; `None`, noted, when the error does not carry it.
    #[inline]
    fn arg(&self, index: u8) -> Option<ParamRef<'p>> {
        let value = self.args.get(usize::from(index)).copied().flatten();
        if value.is_none() && self.missing.get().is_none() {
            self.missing.set(Some(index));
        }
        value
    }

    /// Writes the parameter at `index` (a placeable `{ $name }`), in isolation marks when the
    /// placeable asks for them and they are on. Never inlined: a copy of the number writer in
    /// every generated function would be a large part of them (and inlining it saves 2
    /// instructions of 650).
    #[inline(never)]
    pub(crate) fn param(&self, index: u8, isolate: bool, out: &mut String) {
        let Some(value) = self.arg(index) else {
            return;
        };
        self.open(isolate, out);
        match value {
            ParamRef::Number(n) => self.numbers.write(n, out),
            ParamRef::Text(text) => out.push_str(text),
        }
        self.close(isolate, out);
    }

    /// Writes a literal text.
    #[cfg_attr(target_family = "wasm", inline(never))]
    #[cfg_attr(not(target_family = "wasm"), inline)]
    #[cfg_attr(not(feature = "embedded"), allow(dead_code))] // Only generated code calls it.
    pub(crate) fn text(out: &mut String, text: &str) {
        out.push_str(text);
    }

    /// The selector of a select expression on the parameter at `index` (without its value,
    /// noted missing, only the default variant matches).
    #[cfg_attr(target_family = "wasm", inline(never))]
    #[cfg_attr(not(target_family = "wasm"), inline)]
    pub(crate) fn selector(&self, index: u8) -> Selector<'p> {
        let value = self.arg(index);
        // The category once per selection, not once per variant: it is the costly part.
        let category = match value {
            Some(ParamRef::Number(n)) => self.numbers.category(n),
            _ => "",
        };
        Selector { value, category }
    }

    /// Opens a placeable's isolation (U+2068) when it asks for it and marks are on.
    #[inline]
    pub(crate) fn open(&self, isolate: bool, out: &mut String) {
        if isolate && self.isolating {
            out.push(FSI);
        }
    }

    /// Closes what [`open`](Self::open) opened (U+2069).
    #[inline]
    pub(crate) fn close(&self, isolate: bool, out: &mut String) {
        if isolate && self.isolating {
            out.push(PDI);
        }
    }
}

/// The value a select expression selects on, with its plural category if it is a number.
pub(crate) struct Selector<'p> {
    value: Option<ParamRef<'p>>,
    category: &'static str,
}

impl Selector<'_> {
    /// Whether a variant `[name]` matches, as Fluent matches it: a number of that plural
    /// category, or a text equal to the name.
    #[cfg_attr(target_family = "wasm", inline(never))]
    #[cfg_attr(not(target_family = "wasm"), inline)]
    pub(crate) fn is_name(&self, name: &str) -> bool {
        match self.value {
            Some(ParamRef::Number(_)) => self.category == name,
            Some(ParamRef::Text(text)) => text == name,
            None => false,
        }
    }

    /// Whether a variant `[n]` matches: exactly this number.
    #[inline]
    #[cfg_attr(not(feature = "embedded"), allow(dead_code))] // Only generated code calls it.
    pub(crate) fn is_number(&self, key: u64) -> bool {
        matches!(self.value, Some(ParamRef::Number(n)) if n == key)
    }

    /// Whether a variant with this key matches.
    #[cfg(feature = "files")]
    fn matches(&self, key: &Key) -> bool {
        match key {
            Key::Name(name) => self.is_name(name),
            Key::Number(n) => self.is_number(*n),
            Key::Never => false,
        }
    }
}

#[cfg(feature = "files")]
fn write_pieces(pieces: &[Piece], cx: &Context<'_, '_>, out: &mut String) {
    for piece in pieces {
        match piece {
            Piece::Text(text) => out.push_str(text),
            Piece::Param { index, isolate } => cx.param(*index, *isolate, out),
            Piece::Select(select) => {
                let selector = cx.selector(select.index);
                let chosen = select
                    .variants
                    .iter()
                    .find(|v| selector.matches(&v.key))
                    .or_else(|| select.variants.get(usize::from(select.default)));
                cx.open(select.isolate, out);
                if let Some(variant) = chosen {
                    write_pieces(&variant.pieces, cx, out);
                }
                cx.close(select.isolate, out);
            }
        }
    }
}

#[cfg(all(test, feature = "files"))]
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
        Pattern::of_pieces(
            Seq::Owned(
                vec![Piece::Select(Select {
                    index: 0,
                    isolate: false,
                    default: u8::try_from(variants.len() - 1).unwrap(),
                    variants: Seq::Owned(variants.into()),
                })]
                .into(),
            ),
            0,
        )
    }

    fn format(pattern: &Pattern, arg: ParamRef<'_>) -> String {
        let numbers = Numbers::new("en-US");
        let args = [Some(arg)];
        let cx = Context::new(&args, &numbers, false);
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
