// Choosing a locale, as the Rust localizer (crates/omnia-errors-fluent/src/negotiate.rs) does,
// step for step, so that a UI and the server it talks to answer the same for the same input:
// - an `Accept-Language` header is read as `omnia_errors::header` reads it: its first 4 KiB
//   (an entry the bound cuts is dropped), its first 32 entries, q-values as RFC 9110 writes
//   them (an entry with a bad one is skipped), tags over 64 bytes skipped, `q=0` making the
//   locales it matches not acceptable (the most specific range decides);
// - a tag is read as unic-langid 0.9 reads it (language, script, region, variants; `und` is
//   no language), and its extensions (`-u-nu-latn`, `-t-…`) and private-use subtags (`-x-…`)
//   are set aside, as BCP 47 allows;
// - each requested language is matched as fluent-langneg 0.13 filters (exact, available as a
//   range, likely subtags, variants as a range, region as a range), the locales in the
//   declared preference order; `*` or nothing gives en-US unless it is excluded.
// OMNIA's language names (`PTPT`) stand for their tags.

import { locales } from "./catalog.js";

const MAX_HEADER_BYTES = 4096;
const MAX_RANGES = 32;
const MAX_TAG_BYTES = 64;

/** The index of the default locale (the source, en-US) in `locales`. */
const DEFAULT = 0;

// fluent-langneg's stand-in for CLDR's likely subtags (its `cldr` feature is off): a tag's
// script and region, and the languages whose region is their own name.
const LIKELY = new Map(
  Object.entries({ en: "Latn-US", fr: "Latn-FR", sr: "Cyrl-SR", "sr-RU": "Latn-SR", "az-IR": "Arab-IR", "zh-GB": "Hant-GB", "zh-US": "Hant-US" }),
);
const REGION_MATCHING = "az bg cs de es fi fr hu it lt lv nl pl ro ru".split(" ");

/** Rust's `char::is_whitespace` (Unicode White_Space), which `str::trim` uses. */
function isSpace(c) {
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 0x85 || c === 0xa0 || c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f ||
    c === 0x205f || c === 0x3000
  );
}

/** Rust's `str::trim` (not JavaScript's, which trims U+FEFF and keeps U+0085). */
export function trim(text) {
  let start = 0;
  let end = text.length;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return text.slice(start, end);
}

/** The UTF-8 length of the character at `i`, and how many UTF-16 units it takes. */
function width(text, i) {
  const c = text.charCodeAt(i);
  if (c < 0x80) return [1, 1];
  if (c < 0x800) return [2, 1];
  if (c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) return [4, 2];
  // A lone surrogate is written as U+FFFD, three bytes.
  return [3, 1];
}

const encoder = new TextEncoder();

/** The first 4 KiB of a header, without an entry the bound cuts in two. */
function bounded(header) {
  let bytes = 0;
  let i = 0;
  while (i < header.length) {
    const [w, units] = width(header, i);
    if (bytes + w > MAX_HEADER_BYTES) break;
    bytes += w;
    i += units;
  }
  if (i >= header.length) return header;
  const head = header.slice(0, i);
  if (header.charCodeAt(i) === 0x2c) return head;
  const comma = head.lastIndexOf(",");
  return comma < 0 ? "" : head.slice(0, comma);
}

/** RFC 9110 `qvalue` in thousandths, or `null`. */
function qvalue(text) {
  const dot = text.indexOf(".");
  const int = dot < 0 ? text : text.slice(0, dot);
  const frac = dot < 0 ? "" : text.slice(dot + 1);
  if (frac.length > 3 || !/^[0-9]*$/.test(frac)) return null;
  const thousandths = Number((frac + "000").slice(0, 3));
  if (int === "0") return thousandths;
  if (int === "1" && thousandths === 0) return 1000;
  return null;
}

/** One element of a weighted list: `[value, weight]`, or `null` when it is to be skipped. */
function weighted(element) {
  const parts = element.split(";");
  const value = trim(parts[0]);
  let quality = 1000;
  for (let k = 1; k < parts.length; k++) {
    const equals = parts[k].indexOf("=");
    if (equals < 0) return null;
    const name = trim(parts[k].slice(0, equals));
    if (name === "q" || name === "Q") {
      quality = qvalue(trim(parts[k].slice(equals + 1)));
      if (quality === null) return null;
    }
  }
  return [value, quality];
}

const ascii = (s) => /^[\x01-\x7f]*$/.test(s);

/** A variant as unic-langid reads one (its four-character rule included, as it is written). */
function variant(s) {
  if (s.length < 4 || s.length > 8 || !ascii(s)) return null;
  if (s.length >= 5 && !/^[a-z0-9]+$/i.test(s)) return null;
  if (s.length === 4 && !/[0-9]/.test(s[0]) && /[^a-z0-9]/i.test(s.slice(1))) return null;
  return s.toLowerCase();
}

/** Whether `subtags` are extensions and private use, well-formed as BCP 47 writes them. */
function extensions(subtags) {
  let i = 0;
  while (i < subtags.length) {
    const singleton = subtags[i].toLowerCase();
    if (!/^[a-z0-9]$/.test(singleton)) return false;
    const privateUse = singleton === "x";
    const pattern = privateUse ? /^[a-z0-9]{1,8}$/i : /^[a-z0-9]{2,8}$/i;
    let j = i + 1;
    while (j < subtags.length && subtags[j].length !== 1 && pattern.test(subtags[j])) j++;
    if (privateUse) {
      while (j < subtags.length && pattern.test(subtags[j])) j++;
      return j > i + 1 && j === subtags.length;
    }
    if (j === i + 1) return false;
    i = j;
  }
  return true;
}

/**
 * A language identifier, `{ language, script, region, variants }` in canonical case (`""` and
 * `null` for none), or `null` when `tag` is not one.
 */
export function parseTag(tag) {
  const subtags = tag.split(/[-_]/);
  const first = subtags[0];
  if (!/^([a-z]{2,3}|[a-z]{5,8})$/i.test(first)) return null;
  const language = first.toLowerCase() === "und" ? "" : first.toLowerCase();
  let script = null;
  let region = null;
  const variants = [];
  let position = 1;
  let i = 1;
  for (; i < subtags.length; i++) {
    const s = subtags[i];
    const isScript = /^[a-z]{4}$/i.test(s);
    const isRegion = /^([a-z]{2}|[0-9]{3})$/i.test(s);
    const v = variant(s);
    if (position === 1 && isScript) {
      script = s[0].toUpperCase() + s.slice(1).toLowerCase();
      position = 2;
    } else if (position < 3 && isRegion) {
      region = s.toUpperCase();
      position = 3;
    } else if (v !== null) {
      variants.push(v);
      position = 3;
    } else {
      break;
    }
  }
  if (i < subtags.length && !extensions(subtags.slice(i))) return null;
  const sorted = [...new Set(variants)].sort();
  return { language, script, region, variants: sorted };
}

/** The canonical tag of a language identifier (`und` for no language). */
function tagOf(id) {
  let tag = id.language || "und";
  if (id.script) tag += "-" + id.script;
  if (id.region) tag += "-" + id.region;
  for (const v of id.variants) tag += "-" + v;
  return tag;
}

function subtagMatches(a, b, aRange, bRange) {
  return (aRange && !a) || (bRange && !b) || a === b;
}

/** unic-langid's `matches`, `available` the first operand. */
function matches(available, requested, availableRange, requestedRange) {
  return (
    subtagMatches(available.language, requested.language, availableRange, requestedRange) &&
    subtagMatches(available.script, requested.script, availableRange, requestedRange) &&
    subtagMatches(available.region, requested.region, availableRange, requestedRange) &&
    ((availableRange && available.variants.length === 0) ||
      (requestedRange && requested.variants.length === 0) ||
      available.variants.join("-") === requested.variants.join("-"))
  );
}

/** fluent-langneg's mock likely subtags: whether it changed `id`. */
function maximize(id) {
  const likely = LIKELY.get(tagOf(id));
  if (likely) {
    [id.script, id.region] = likely.split("-");
    return true;
  }
  if (REGION_MATCHING.includes(id.language)) {
    id.region = id.language.toUpperCase();
    return true;
  }
  return false;
}

/** The locales, parsed once, in preference order. */
const AVAILABLE = locales.map((locale, index) => ({ id: parseTag(locale.tag), index }));

/** The best of `available` for one requested language: fluent-langneg's filtering steps. */
function matchOne(requested, available) {
  const req = { ...requested, variants: [...requested.variants] };
  const step = (availableRange, requestedRange) =>
    available.find((a) => matches(a.id, req, availableRange, requestedRange));
  let found = step(false, false) ?? step(true, false);
  if (found || !req.language) return found;
  if (maximize(req) && (found = step(true, false))) return found;
  req.variants = [];
  if ((found = step(true, true))) return found;
  req.region = null;
  if (maximize(req) && (found = step(true, false))) return found;
  req.region = null;
  return step(true, true);
}

/** The locales `q=0` ranges make not acceptable: the most specific range decides. */
function exclusions(ranges) {
  if (!ranges.some((r) => r.quality === 0)) return () => false;
  const all = ranges.map((r) => ({
    subtags: r.id ? tagOf(r.id).toLowerCase().split("-") : [],
    excludes: r.quality === 0,
  }));
  return (id) => {
    const locale = tagOf(id).toLowerCase().split("-");
    let decided = null;
    for (const range of all) {
      const hit = range.subtags.length <= locale.length && range.subtags.every((s, i) => s === locale[i]);
      if (
        hit &&
        (decided === null ||
          range.subtags.length > decided.length ||
          (range.subtags.length === decided.length && range.excludes && !decided.excludes))
      ) {
        decided = { length: range.subtags.length, excludes: range.excludes };
      }
    }
    return decided !== null && decided.excludes;
  };
}

/** `*` or no match: en-US unless excluded, else the first acceptable locale, else en-US. */
function fallback(excluded) {
  if (!excluded(AVAILABLE[DEFAULT].id)) return DEFAULT;
  return AVAILABLE.find((a) => !excluded(a.id))?.index ?? DEFAULT;
}

/** The tag an OMNIA language name (`PTPT`, any case) stands for, else the input. */
function omniaTag(value) {
  if (value.length !== 4) return value;
  const upper = value.toUpperCase();
  return locales.find((l) => l.omniaName === upper)?.tag ?? value;
}

/** An `Accept-Language` header's ranges, `q=0` ones included, best first (ties in order). */
function ranges(header) {
  const all = [];
  for (const entry of bounded(header).split(",").slice(0, MAX_RANGES)) {
    const element = weighted(entry);
    if (element === null) continue;
    const [tag, quality] = element;
    if (tag === "" || encoder.encode(tag).length > MAX_TAG_BYTES) continue;
    if (tag === "*") {
      all.push({ id: null, quality });
      continue;
    }
    const id = parseTag(omniaTag(tag));
    if (id !== null) all.push({ id, quality });
  }
  // Stable: equal weights keep the order the client wrote them in.
  return all.sort((a, b) => b.quality - a.quality);
}

function negotiateHeader(header) {
  const all = ranges(header);
  const excluded = exclusions(all);
  const available = AVAILABLE.filter((a) => !excluded(a.id));
  for (const range of all) {
    if (range.quality === 0) continue;
    if (range.id === null) return fallback(excluded);
    const found = matchOne(range.id, available);
    if (found) return found.index;
  }
  return fallback(excluded);
}

function negotiateTags(tags) {
  for (const tag of tags) {
    if (typeof tag !== "string") continue;
    const id = parseTag(omniaTag(tag));
    if (id === null) continue;
    const found = matchOne(id, AVAILABLE);
    if (found) return found.index;
  }
  return DEFAULT;
}

/**
 * The locale of the catalog for what a user asked for: an `Accept-Language` header (a
 * string), or language tags in preference order (`navigator.languages`, the default where
 * there is one), OMNIA's language names (`PTPT`) included. en-US when nothing matches.
 *
 * @param {string | readonly string[]} [requested]
 * @returns {import("./catalog.js").Locale}
 */
export function negotiate(requested = globalThis.navigator?.languages ?? []) {
  let index = DEFAULT;
  if (typeof requested === "string") index = negotiateHeader(requested);
  else if (requested != null && typeof requested[Symbol.iterator] === "function") index = negotiateTags(requested);
  return locales[index].tag;
}
