//! Plural selectors: the plural categories the localizer selects with (current CLDR, from
//! ICU4X) that integers reach in a locale, and the check that every selector on a number covers
//! them with its variants and has no variant no integer reaches.

use std::collections::BTreeSet;

use icu_locale_core::LanguageIdentifier;

use super::finding::{FindingKind, Position};
use super::parse::ParsedMessage;
use crate::number::PLURAL_CATEGORIES as CATEGORIES;

/// The plural categories of `langid`'s cardinal rules (current CLDR, from ICU4X, the rules the
/// localizer selects with) that integers reach: `required`, those of the integers 0 to 1000,
/// which every selector on a number must have a variant for; `reachable`, those and the ones
/// only large round numbers reach (French, Spanish and Portuguese "many", for a million),
/// which a selector may leave to its default variant. A category only fractions reach (Polish
/// "other") needs no variant: parameters are integers.
pub fn integer_plural_categories(langid: &LanguageIdentifier) -> PluralCategories {
    let numbers = crate::number::Numbers::new(&langid.to_string());
    let mut required = Vec::new();
    let mut reachable = Vec::new();
    let large = (4..=15).map(|e| 10u64.pow(e));
    for (n, is_required) in (0..=1_000u64)
        .map(|n| (n, true))
        .chain(large.map(|n| (n, false)))
    {
        let name = numbers.category(n);
        if is_required && !required.contains(&name) {
            required.push(name);
        }
        if !reachable.contains(&name) {
            reachable.push(name);
        }
    }
    let order = |c: &&str| CATEGORIES.iter().position(|k| k == c);
    required.sort_by_key(order);
    reachable.sort_by_key(order);
    PluralCategories {
        required,
        reachable,
    }
}

/// The CLDR plural category (current CLDR, as the localizer selects with) of the integer `n` in
/// the locale `tag`, by name (`"many"`): what an exporter that cannot select needs to pick
/// the variant the localizer would.
pub fn integer_plural_category(tag: &str, n: u64) -> &'static str {
    crate::number::Numbers::new(tag).category(n)
}

/// What [`integer_plural_categories`] finds, in CLDR order (zero, one, two, few, many, other).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PluralCategories {
    /// The categories of the integers 0 to 1000.
    pub required: Vec<&'static str>,
    /// Every category an integer reaches.
    pub reachable: Vec<&'static str>,
}

pub(super) fn check_plurals(
    langid: &LanguageIdentifier,
    numeric: &BTreeSet<&str>,
    message: &ParsedMessage,
    report: &mut dyn FnMut(Option<Position>, FindingKind),
) {
    let mut categories = None;
    for (variable, keys, position) in &message.selects {
        if !numeric.contains(variable.as_str()) {
            continue;
        }
        let reachable = categories.get_or_insert_with(|| integer_plural_categories(langid));
        for key in keys {
            let key_kind = if !CATEGORIES.contains(&key.as_str()) {
                // Exact numbers (`[0]`) are fine; anything else is a typo.
                key.parse::<f64>()
                    .is_err()
                    .then(|| FindingKind::UnknownVariantKey {
                        variable: variable.clone(),
                        key: key.clone(),
                    })
            } else if key != "other" && !reachable.reachable.contains(&key.as_str()) {
                Some(FindingKind::UnreachablePluralVariant {
                    variable: variable.clone(),
                    key: key.clone(),
                })
            } else {
                None
            };
            if let Some(kind) = key_kind {
                report(*position, kind);
            }
        }
        for category in &reachable.required {
            if !keys.iter().any(|k| k == category) {
                report(
                    *position,
                    FindingKind::MissingPluralVariant {
                        variable: variable.clone(),
                        category,
                    },
                );
            }
        }
    }
}
