// What the compiled messages (messages/<tag>.js) are given: each locale's formatters, made
// once per locale, and the parameters of a code read as the Rust catalog reads them.

import { parameters } from "./catalog.js";

const FSI = "\u2068";
const PDI = "\u2069";
const U64_MAX = 2n ** 64n - 1n;

/** By locale: the formatters without and with isolation marks. */
const formatters = new Map();

/**
 * A plural operand `Intl.PluralRules` can take for a `bigint`: exact up to 2^53, beyond that a
 * number with the same last six digits (the only ones CLDR's integer rules look at) that is
 * as large as a million.
 */
function operand(value) {
  if (typeof value !== "bigint") return value;
  if (value <= BigInt(Number.MAX_SAFE_INTEGER)) return Number(value);
  return Number(value % 1000000n) + 1000000;
}

/**
 * The formatters of a locale: `n` writes a number (grouped as the locale groups digits), `c`
 * gives its CLDR plural category, `i` wraps a placeable in isolation marks when they are on.
 */
export function formats(locale, isolate) {
  let pair = formatters.get(locale);
  if (pair === undefined) {
    const numbers = new Intl.NumberFormat(locale);
    const plurals = new Intl.PluralRules(locale);
    const n = (value) => numbers.format(value);
    const c = (value) => plurals.select(operand(value));
    pair = [
      { n, c, i: (text) => text },
      { n, c, i: (text) => FSI + text + PDI },
    ];
    formatters.set(locale, pair);
  }
  return pair[isolate ? 1 : 0];
}

/** Rust's `str::trim().is_empty()`: U+0085 is whitespace, U+FEFF is not. */
function isBlank(text) {
  return /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*$/.test(text);
}

/** Whether `value` is what a number parameter holds: a non-negative integer up to 2^64 - 1. */
function isNumber(value) {
  if (typeof value === "number") return Number.isSafeInteger(value) && value >= 0;
  return typeof value === "bigint" && value >= 0n && value <= U64_MAX;
}

/**
 * The parameters of `code` in `given` (own properties only; `null` is absent), and whether
 * the contextual message applies (every optional parameter there, an optional text not
 * blank); or the reason they are not valid, as a string.
 */
export function read(code, given) {
  const specs = Object.hasOwn(parameters, code) ? parameters[code] : [];
  const args = {};
  let optional = 0;
  let present = 0;
  for (const { name, type, required } of specs) {
    const value = given != null && Object.hasOwn(given, name) ? given[name] : null;
    if (!required) optional++;
    if (value == null) {
      if (required) return `${code} needs the ${type} parameter ${name}`;
      continue;
    }
    if (type === "number" ? !isNumber(value) : typeof value !== "string") {
      const what = type === "number" ? "a non-negative integer (a bigint beyond 2^53)" : "a string";
      return `the parameter ${name} of ${code} must be ${what}, not ${JSON.stringify(String(value))}`;
    }
    args[name] = value;
    if (!required && (type === "number" || !isBlank(value))) present++;
  }
  return { args, context: optional > 0 && present === optional };
}
