//! Plurals shown without their number. A message that selects on a number
//! (`{ $maxLength -> … }`) is sometimes shown with no number to select on, and then one variant
//! stands for every number:
//!
//! - the error page ([`NumberlessView::ErrorPage`]) fills a code's required parameters with
//!   placeholder texts ("(defined length)"), so a selection on one shows its default variant;
//! - OMNIA's language files ([`NumberlessView::OmniaFile`]) have no plurals: the exporter writes
//!   the variant typical numbers take when they all take one, else the default;
//! - a JSON catalog ([`NumberlessView::JsonCatalog`]) keeps the first plural of a text as an
//!   object of variants, every one with its number, and shows any other by its default variant.
//!
//! Wherever one variant is shown, it must be the one Fluent picks for every typical number
//! (5, 10, 50, 100 and 255, the exporter's): in Polish the default is [many] ("255 znaków"),
//! not [other], the form of fractions ("2,5 znaku"). Where typical numbers take different
//! variants (Lithuanian: 5 [few], 10 [other]), no one text is right, and that is reported too.

use std::fmt;

use fluent_syntax::ast;
use omnia_errors::AnyCode;

use super::{ParsedFile, ParsedLocale, StyleFinding, StyleFindingKind};
use crate::flatten::CONTEXT_ATTRIBUTE;
use crate::omnia_file::TYPICAL_NUMBERS;

/// Where a plural message is shown without its number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum NumberlessView {
    /// The error page (`docs/<tag>/omnia3_api_errors.md`), where required parameters are
    /// placeholder texts ("(defined length)").
    ErrorPage,
    /// OMNIA language files (`docs/omnia/<tag>.json`), which have no plurals.
    OmniaFile,
    /// A JSON catalog (`docs/messages/<tag>.json`), for every plural of a text but its first.
    JsonCatalog,
}

impl fmt::Display for NumberlessView {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::ErrorPage => "the error page",
            Self::OmniaFile => "OMNIA's language file",
            Self::JsonCatalog => "the JSON catalog",
        })
    }
}

impl NumberlessView {
    /// What a translator can do about a wrong variant shown here.
    pub(super) fn remedy(self, typical: &str) -> String {
        match self {
            Self::ErrorPage | Self::OmniaFile => {
                format!("make it the default variant (*[{typical}])")
            }
            Self::JsonCatalog => format!(
                "make it the default variant (*[{typical}]), or select on the number once in the text"
            ),
        }
    }
}

/// Checks every message of `locale` that selects on a number, in each view that shows it
/// without its number.
pub(super) fn check(locale: &ParsedLocale<'_>, findings: &mut Vec<StyleFinding>) {
    let messages = locale.messages();
    let typical: Vec<(u64, &'static str)> = TYPICAL_NUMBERS
        .iter()
        .map(|&n| {
            (
                n,
                omnia_errors_fluent::integer_plural_category(locale.tag, n),
            )
        })
        .collect();
    for code in AnyCode::all() {
        let Some((message, file)) = messages.get(code.fluent_id()) else {
            continue;
        };
        let numbers = crate::flatten::number_params(code);
        if numbers.is_empty() {
            continue;
        }
        let context = message
            .attributes
            .iter()
            .find(|a| a.id.name == CONTEXT_ATTRIBUTE)
            .map(|a| &a.value);
        let has_optional = code.params().iter().any(|p| !p.required);
        let mut visit = |view, pattern: Option<&ast::Pattern<&str>>| {
            if let Some(pattern) = pattern {
                let mut walk = Walk {
                    view,
                    numbers: &numbers,
                    typical: &typical,
                    kept: false,
                    file,
                    tag: locale.tag,
                    id: code.fluent_id(),
                    findings: &mut *findings,
                };
                walk.pattern(pattern);
            }
        };
        // The page formats every code's value, each required parameter a placeholder text
        // (an optional one in the value is absent, which shows the default variant as well).
        visit(NumberlessView::ErrorPage, message.value.as_ref());
        // OMNIA's file holds one text per code: the contextual one when the code has optional
        // parameters (and the message has it), as the exporter picks it.
        let omnia = match (has_optional, context) {
            (true, Some(context)) => Some(context),
            _ => message.value.as_ref(),
        };
        visit(NumberlessView::OmniaFile, omnia);
        visit(NumberlessView::JsonCatalog, message.value.as_ref());
        visit(NumberlessView::JsonCatalog, context);
    }
}

/// A walk along what one view shows of a pattern.
struct Walk<'w, 'a> {
    view: NumberlessView,
    /// The number parameters a selection may be on.
    numbers: &'w [&'w str],
    typical: &'w [(u64, &'static str)],
    /// Whether the JSON catalog has kept a plural of this text already.
    kept: bool,
    file: &'w ParsedFile<'a>,
    tag: &'w str,
    id: &'w str,
    findings: &'w mut Vec<StyleFinding>,
}

impl Walk<'_, '_> {
    fn pattern(&mut self, pattern: &ast::Pattern<&str>) {
        for element in &pattern.elements {
            if let ast::PatternElement::Placeable { expression } = element {
                self.expression(expression);
            }
        }
    }

    fn expression(&mut self, expression: &ast::Expression<&str>) {
        match expression {
            ast::Expression::Inline(ast::InlineExpression::Placeable { expression }) => {
                self.expression(expression);
            }
            ast::Expression::Inline(_) => {}
            ast::Expression::Select { selector, variants } => {
                let default = variants
                    .iter()
                    .position(|v| v.default)
                    .unwrap_or(variants.len().saturating_sub(1));
                let Some(variable) = number_variable(selector, self.numbers) else {
                    // Not on a number: every view shows the default variant.
                    if let Some(variant) = variants.get(default) {
                        self.pattern(&variant.value);
                    }
                    return;
                };
                if self.view == NumberlessView::JsonCatalog && !self.kept {
                    // Kept whole: each variant is shown with its number.
                    self.kept = true;
                    for variant in variants {
                        self.pattern(&variant.value);
                    }
                    return;
                }
                let picks: Vec<(u64, usize)> = self
                    .typical
                    .iter()
                    .map(|&(n, category)| (n, pick(variants, n, category, default)))
                    .collect();
                let unanimous = picks
                    .iter()
                    .all(|(_, p)| *p == picks[0].1)
                    .then(|| picks.first().map(|(_, p)| *p))
                    .flatten();
                let shown = match (self.view, unanimous) {
                    (NumberlessView::OmniaFile, Some(typical)) => typical,
                    _ => default,
                };
                let at = self.file.position_of_sigil(variable);
                let key = |i: usize| variants.get(i).map_or("", |v| key(&v.key)).to_owned();
                let kind = match unanimous {
                    Some(typical) if typical == shown => None,
                    Some(typical) => Some(StyleFindingKind::NumberlessForm {
                        view: self.view,
                        variable: variable.to_owned(),
                        shown: key(shown),
                        typical: key(typical),
                    }),
                    None => Some(StyleFindingKind::TypicalNumbersDisagree {
                        view: self.view,
                        variable: variable.to_owned(),
                        forms: picks.iter().map(|&(n, p)| (n, key(p))).collect(),
                    }),
                };
                if let Some(kind) = kind {
                    self.findings
                        .push(self.file.finding(self.tag, at, self.id, kind));
                }
                if let Some(variant) = variants.get(shown) {
                    self.pattern(&variant.value);
                }
            }
        }
    }
}

/// The number parameter a selector selects on, when it is one of `numbers`: `$maxLength`, or a
/// function of it, `NUMBER($maxLength)` (whose options are not read: a selection is on a
/// number's cardinal plural categories, as Fluent's is without `type: "ordinal"`).
fn number_variable<'a>(
    selector: &ast::InlineExpression<&'a str>,
    numbers: &[&str],
) -> Option<&'a str> {
    let variable = match selector {
        ast::InlineExpression::VariableReference { id } => id.name,
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            match arguments.positional.first() {
                Some(ast::InlineExpression::VariableReference { id }) => id.name,
                _ => return None,
            }
        }
        _ => return None,
    };
    numbers.contains(&variable).then_some(variable)
}

/// The variant Fluent picks for the number `n` of plural category `category`: the first whose
/// key is the number or the category, else the default.
fn pick(variants: &[ast::Variant<&str>], n: u64, category: &str, default: usize) -> usize {
    variants
        .iter()
        .position(|v| match v.key {
            ast::VariantKey::NumberLiteral { value } => is_number(value, n),
            ast::VariantKey::Identifier { name } => name == category,
        })
        .unwrap_or(default)
}

/// Whether a number literal (`5`, `5.0`) is the whole number `n`, as Fluent compares them.
fn is_number(literal: &str, n: u64) -> bool {
    let (whole, fraction) = literal.split_once('.').unwrap_or((literal, ""));
    whole.parse::<u64>() == Ok(n) && fraction.bytes().all(|b| b == b'0')
}

fn key<'k>(key: &ast::VariantKey<&'k str>) -> &'k str {
    match key {
        ast::VariantKey::Identifier { name } => name,
        ast::VariantKey::NumberLiteral { value } => value,
    }
}

#[cfg(test)]
mod tests {
    use super::is_number;

    #[test]
    fn exact_keys_match_their_whole_number() {
        assert!(is_number("5", 5));
        assert!(is_number("5.00", 5));
        assert!(!is_number("5.5", 5));
        assert!(!is_number("-5", 5));
        assert!(!is_number("50", 5));
    }
}
