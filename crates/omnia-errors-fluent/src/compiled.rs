//! The compiled messages as plain data, for generators that write them in another language
//! (the npm package's JavaScript modules): the very form the localizer formats, so a message
//! is compiled once, by one compiler, whatever writes it out.

use crate::load::LoadError;
use crate::locales::LocaleInfo;
use crate::pattern::{self, Key, Piece};
use crate::source::LocaleFiles;

/// One locale's compiled messages, by [`AnyCode::index`](omnia_errors::AnyCode::index).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompiledLocale {
    /// The locale's tag.
    pub tag: String,
    /// Every code's message, in catalog order, then the titles of HTTP statuses
    /// ([`STATUS_TITLES`](crate::STATUS_TITLES), then the 4xx and 5xx class titles).
    pub messages: Vec<CompiledMessage>,
}

/// The compiled message of one code: its value and, for codes with optional parameters, its
/// `.context` variant. `None` where the locale has no such message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompiledMessage {
    /// The generic message.
    pub value: Option<Vec<Part>>,
    /// The message when every optional parameter is known.
    pub context: Option<Vec<Part>>,
}

/// A piece of a compiled pattern. Terms and message references are inlined, adjacent texts
/// joined.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Part {
    /// Literal text.
    Text(String),
    /// The value of the code's parameter at this position of `code.params()`.
    Param {
        /// The parameter's position.
        index: usize,
        /// Whether the value is wrapped in isolation marks when they are on.
        isolate: bool,
    },
    /// A selection on a parameter: the first variant whose key matches, else the default.
    Select {
        /// The parameter's position.
        index: usize,
        /// Whether the chosen variant is wrapped in isolation marks when they are on.
        isolate: bool,
        /// The variants, in source order.
        variants: Vec<(VariantKey, Vec<Part>)>,
        /// The position of the default variant in `variants`.
        default: usize,
    },
}

/// What a variant matches, as Fluent matches it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum VariantKey {
    /// `[one]`: a number of this plural category (the locale's CLDR rules), or a text equal to
    /// the name.
    Name(String),
    /// `[0]`: exactly this number.
    Number(u64),
    /// A number no integer parameter can equal (`[1.5]`, `[-1]`): never chosen but as default.
    Never,
}

/// The declared locales' messages compiled, after the checks `embedded.rs` passes (every
/// locale complete, declared and present), in the declared order. Used by `cargo xtask docs`
/// for the npm package; not an API for applications.
///
/// # Errors
///
/// What [`generate_embedded`](crate::generate_embedded) reports for the same files.
#[doc(hidden)]
pub fn compile_declared(
    declared: &[LocaleInfo<'_>],
    locales: &[LocaleFiles],
) -> Result<Vec<CompiledLocale>, LoadError> {
    let loaded = crate::codegen::compile_declared(declared, locales)?;
    Ok(loaded
        .locales
        .iter()
        .map(|locale| CompiledLocale {
            tag: locale.tag.clone(),
            messages: locale.messages.iter().map(message).collect(),
        })
        .collect())
}

fn message(message: &pattern::Message) -> CompiledMessage {
    CompiledMessage {
        value: message.value.as_ref().map(|p| parts(p.pieces())),
        context: message.context.as_ref().map(|p| parts(p.pieces())),
    }
}

fn parts(pieces: &[Piece]) -> Vec<Part> {
    pieces
        .iter()
        .map(|piece| match piece {
            Piece::Text(text) => Part::Text(text.to_string()),
            Piece::Param { index, isolate } => Part::Param {
                index: usize::from(*index),
                isolate: *isolate,
            },
            Piece::Select(select) => Part::Select {
                index: usize::from(select.index),
                isolate: select.isolate,
                default: usize::from(select.default),
                variants: select
                    .variants
                    .iter()
                    .map(|variant| {
                        let key = match &variant.key {
                            Key::Name(name) => VariantKey::Name(name.to_string()),
                            Key::Number(n) => VariantKey::Number(*n),
                            Key::Never => VariantKey::Never,
                        };
                        (key, parts(&variant.pieces))
                    })
                    .collect(),
            },
        })
        .collect()
}

#[cfg(all(test, feature = "embedded"))]
mod tests {
    use super::*;

    #[test]
    fn the_declared_locales_compile_in_order_with_every_code() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../locales");
        let files = crate::read_locales(&dir).unwrap();
        let compiled = compile_declared(crate::LOCALES, &files).unwrap();
        let tags: Vec<&str> = compiled.iter().map(|l| l.tag.as_str()).collect();
        let declared: Vec<&str> = crate::LOCALES.iter().map(|l| l.tag).collect();
        assert_eq!(tags, declared);
        let code = omnia_errors::AnyCode::parse("TextMaxLengthMismatch").unwrap();
        let pl = &compiled[declared.iter().position(|t| *t == "pl-PL").unwrap()];
        // What the three plural forms share is written once, before the selection.
        let Some(
            [
                Part::Text(start),
                Part::Param {
                    index: 0,
                    isolate: true,
                },
                Part::Text(word),
                Part::Select {
                    variants,
                    // [many], the form of typical lengths (one, few, many: no fractions' other).
                    default: 2,
                    ..
                },
            ],
        ) = pl.messages[code.index()].value.as_deref()
        else {
            panic!("not text, number, select: {:?}", pl.messages[code.index()]);
        };
        assert!(start.ends_with(" to "), "{start:?}");
        assert_eq!(word, " znak");
        assert_eq!(variants[1].0, VariantKey::Name("few".into()));
        assert_eq!(variants[1].1, [Part::Text("i.".into())]);
        assert!(
            compiled.iter().all(
                |l| l.messages.len() == omnia_errors::AnyCode::COUNT + crate::status::IDS.len()
            )
        );
    }

    #[test]
    fn undeclared_locales_are_refused_as_for_the_embedded_messages() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../locales");
        let files = crate::read_locales(&dir).unwrap();
        let error = compile_declared(&crate::LOCALES[..1], &files).unwrap_err();
        assert!(error.to_string().contains("pt-PT"), "{error}");
    }
}
