// What the compiled messages (messages/<tag>.js) are given: each locale's formatters, made
// once per locale, and the parameters of a code read as the Rust catalog reads them.

import { parameters } from "./catalog.js";

/** `Object.hasOwn`, named once (the bundles are smaller). */
export const own = Object.hasOwn;

/** By locale: the formatters without and with isolation marks. */
const formatters = new Map();

/**
 * The formatters of a locale: `n` writes a number (grouped as the locale groups digits), `c`
 * gives its CLDR plural category, `i` wraps a placeable in isolation marks when they are on.
 * As in the Rust localizer, the categories of integers below 1024 (lengths, limits) are kept
 * once computed: `Intl.PluralRules` evaluates the locale's rules on every call.
 */
export function formats(locale, isolate) {
  let pair = formatters.get(locale);
  if (pair === undefined) {
    const numbers = new Intl.NumberFormat(locale);
    const plurals = new Intl.PluralRules(locale);
    const small = [];
    const n = (value) => numbers.format(value);
    const c = (value) =>
      typeof value === "bigint"
        ? // Beyond 2^53, a number with the same last six digits (all CLDR's integer rules
          // look at) that is as large as a million.
          plurals.select(value > 2n ** 53n ? Number(value % 1000000n) + 1e6 : Number(value))
        : value < 1024
          ? (small[value] ??= plurals.select(value))
          : plurals.select(value);
    pair = [
      { n, c, i: (text) => text },
      { n, c, i: (text) => "\u2068" + text + "\u2069" },
    ];
    formatters.set(locale, pair);
  }
  return pair[+!!isolate];
}

/**
 * Rust's `str::trim().is_empty()`. Rust's whitespace (Unicode's White_Space) is JavaScript's
 * `\s` with U+0085 and without U+FEFF.
 */
const blank = /^(?:(?!\ufeff)[\s\x85])*$/;

/**
 * The parameters of `code` in `given` (own properties only; `null` is absent), and whether
 * the contextual message applies (every optional parameter there, an optional text not
 * blank); or, as a string, what is wrong with them.
 */
export function read(code, given) {
  const args = {};
  let missing = 0;
  for (const { name, type, required } of parameters[code] ?? []) {
    const value = given != null && own(given, name) ? given[name] : null;
    if (value == null) {
      if (required) return `${code} needs the ${type} parameter ${name}`;
      missing++;
      continue;
    }
    const number = type === "number";
    if (
      number
        ? !(typeof value === "bigint" ? value >= 0n && value < 2n ** 64n : Number.isSafeInteger(value) && value >= 0)
        : typeof value !== "string"
    ) {
      return `${code}: ${name} must be ${number ? "a non-negative integer (a bigint past 2^53)" : "a string"}, not ${String(value)}`;
    }
    args[name] = value;
    if (!required && !number && blank.test(value)) missing++;
  }
  return { args, context: missing === 0 && (parameters[code] ?? []).some((p) => !p.required) };
}
