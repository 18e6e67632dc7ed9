// What the compiled messages (messages/<tag>.js) are given: each locale's formatters, made
// once per locale, and the parameters of a code read as the Rust catalog reads them.

import { parameters } from "./catalog.js";

/** `Object.hasOwn`, named once (the bundles are smaller). */
export const own = Object.hasOwn;

/** By locale: the formatters without and with isolation marks. */
const formatters = { __proto__: null };

/**
 * The formatters of a locale: `n` writes a number (grouped as the locale groups digits), `c`
 * gives its CLDR plural category, `i` wraps a placeable in isolation marks when they are on.
 * As in the Rust localizer, the categories of integers below 1024 (lengths, limits) are kept
 * once computed: `Intl.PluralRules` evaluates the locale's rules on every call.
 */
export function formats(locale, isolate) {
  if (!formatters[locale]) {
    const numbers = new Intl.NumberFormat(locale);
    const plurals = new Intl.PluralRules(locale);
    const small = [];
    // `format` is a getter of a function bound to its formatter.
    const n = numbers.format;
    const c = (value) => {
      // Beyond 2^53, a number with the same last six digits (all CLDR's integer rules look
      // at) that is as large as a million.
      if (typeof value === "bigint") value = Number(value > 2n ** 53n ? (value % 1000000n) + 1000000n : value);
      return value < 1024 ? (small[value] ??= plurals.select(value)) : plurals.select(value);
    };
    formatters[locale] = [
      { n, c, i: (text) => text },
      { n, c, i: (text) => "\u2068" + text + "\u2069" },
    ];
  }
  return formatters[locale][isolate === true ? 1 : 0];
}

/**
 * Rust's `str::trim().is_empty()`. Rust's whitespace (Unicode's White_Space) is JavaScript's
 * `\s` with U+0085 and without U+FEFF.
 */
const blank = /^(?:(?!\ufeff)[\s\x85])*$/;

/**
 * Whether the contextual message of `code` applies to `given` (the code has optional
 * parameters, and each is there: an own property, not `null`, a text not blank); or, as a
 * string, what is wrong with the parameters (own properties only; `null` is absent).
 */
export function read(code, given) {
  // 1: an optional parameter is given; 2: one is not.
  let optional = 0;
  for (const { name, type, required } of parameters[code] ?? []) {
    const value = own(Object(given), name) ? given[name] : null;
    const number = type === "number";
    if (value == null) {
      if (required) return `${code} needs the ${type} parameter ${name}`;
    } else if (
      number
        ? !(typeof value === "bigint" ? value >= 0n && value < 2n ** 64n : Number.isSafeInteger(value) && value >= 0)
        : typeof value !== "string"
    ) {
      return `${code}: ${name} must be ${number ? "a non-negative integer (a bigint past 2^53)" : "a string"}, not ${String(value)}`;
    }
    if (!required) optional |= value == null || (!number && blank.test(value)) ? 2 : 1;
  }
  return optional === 1;
}
