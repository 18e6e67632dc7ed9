// Choosing a locale as the Rust localizer does (crates/omnia-errors-fluent/src/negotiate.rs),
// so that a UI and the server it talks to answer the same for the same input:
// - an `Accept-Language` header is read as `omnia_errors::header` reads it: its first 4 KiB
//   (an entry the bound cuts is dropped), its first 32 entries, q-values as RFC 9110 writes
//   them (an entry with a bad one is skipped), `q=0` making the locales it matches not
//   acceptable (the most specific range decides);
// - a tag is read as `parse_language` reads it: well-formed BCP 47 (RFC 5646 §2.1, `_` for
//   `-`), at most 64 bytes, a language of 2 or 3 letters (the first extended language in its
//   place), extensions and private use set aside; grandfathered and private-use tags name no
//   language. The platform's `Intl.Locale` reads another grammar (Unicode's: no extended
//   languages, no repeated variants) and replaces aliases (`deu` is `de` there; RFC 4647 matches
//   the subtags as written), so it would not give the server's answer;
// - each language gets the first locale, in the declared order, that is it, else a prefix of
//   it, else of its language (and script); `*` or nothing gives en-US unless it is excluded.
// OMNIA's language names (`PTPT`) are read in a list of tags, and as a string that is one name
// alone; a header holds BCP 47 tags only.

import { locales } from "./catalog.js";

/**
 * A tag's language as `[language, script, region, variants]`, lower case (`""` for none;
 * the variants sorted, each once, joined by `-`), or `undefined` when it names none.
 */
export function parseTag(tag) {
  // The `i` flag without `u`, which would take `ſ` for `s` and the Kelvin sign for `k`; and
  // lower case only once the tag is ASCII, for the same reason.
  const m =
    tag.length < 65 &&
    /^([a-z]{2,3})(?:-([a-z]{3})(?:-[a-z]{3}){0,2})?(?:-([a-z]{4}))?(?:-([a-z]{2}|\d{3}))?((?:-(?:[a-z\d]{5,8}|\d[a-z\d]{3}))*)(?:-[a-wyz\d](?:-[a-z\d]{2,8})+)*(?:-x(?:-[a-z\d]{1,8})+)?$/i.exec(
      (tag = tag.replace(/_/g, "-")),
    );
  // The grandfathered tags that would otherwise read as a language (RFC 5646 §2.1); the
  // others (`i-klingon`, `en-GB-oed`) are not well-formed language tags.
  if (m && !/^(art-lojban|cel-gaulish|no-(bok|nyn)|zh-(guoyu|hakka|min|min-nan|xiang))$/i.test(tag)) {
    const [, language, extlang, script = "", region = "", variants] = m.map((s) => s?.toLowerCase());
    // `variants` starts with `-`, so the empty string sorts first: `slice` drops its `-`.
    return [extlang ?? language, script, region, [...new Set(variants.split("-"))].sort().join("-").slice(1)];
  }
}

/** A language's subtags as one string, to compare by RFC 4647 basic filtering. */
const subtags = (id) => id.filter((s) => s).join("-");

/** Whether `range` (`""`: the wildcard) is `id` or a prefix of it, subtag by subtag. */
const filters = (range, id) => !range || id === range || id.startsWith(range + "-");

/** The catalog's locales, read once, in preference order. */
let available;

/** Rust's `str::trim`: Unicode White_Space (U+0085 is, U+FEFF is not). */
export const trim = (text) =>
  /^[\t-\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*([^]*[^\t-\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000])?/.exec(text)[1] ?? "";

/**
 * The index of the locale an OMNIA language name (`PTPT`, any case) names, or -1. ASCII only:
 * `toUpperCase` makes `ES` of `ſ`.
 */
const named = (name) =>
  /^[\x00-\x7f]+$/.test(name) ? locales.findIndex((l) => l.omniaName.toUpperCase() === name.toUpperCase()) : -1;

/** The locale of one language among `indexes`, or `undefined`: the localizer's three rules. */
function match(id, indexes) {
  if (id[0] === "und") return;
  for (const rule of [
    (l) => subtags(l) === subtags(id),
    (l) => l[0] === id[0] && (!l[1] || l[1] === id[1]) && (!l[2] || l[2] === id[2]) && (!l[3] || l[3] === id[3]),
    (l) => l[0] === id[0] && (!l[1] || !id[1] || l[1] === id[1]),
  ]) {
    const found = indexes.find((i) => rule(available[i]));
    if (found !== undefined) return found;
  }
}

/** One entry of a header: `[tag, weight]`, or `undefined` when it is to be skipped. */
function weighted(entry) {
  const [value, ...parameters] = entry.split(";");
  let quality = 1;
  for (const parameter of parameters) {
    const equals = parameter.indexOf("=");
    if (equals < 0) return;
    if (/^q$/i.test(trim(parameter.slice(0, equals)))) {
      const weight = trim(parameter.slice(equals + 1));
      // RFC 9110 `qvalue`.
      if (!/^(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(weight)) return;
      quality = +weight;
    }
  }
  return [trim(value), quality];
}

/** An `Accept-Language` header's locale. */
function header(text) {
  // The first 4 KiB (whole characters: `encodeInto` stops before one that does not fit),
  // without an entry the bound cuts.
  const { read } = new TextEncoder().encodeInto(text, new Uint8Array(4096));
  if (read < text.length && text[read] !== ",") text = text.slice(0, Math.max(text.lastIndexOf(",", read), 0));
  const ranges = [];
  for (const entry of text.slice(0, read).split(",").slice(0, 32)) {
    const [tag, quality] = weighted(entry) ?? [];
    const id = tag === "*" ? [] : tag && parseTag(tag);
    if (id) ranges.push({ id, quality });
  }
  // Best first; `sort` is stable, so equal weights keep the order the client wrote them in.
  ranges.sort((a, b) => b.quality - a.quality);
  const excluded = (i) => {
    let decided;
    for (const { id, quality } of ranges) {
      const range = subtags(id);
      // The most specific range that matches decides; between equals, exclusion wins.
      if (
        filters(range, subtags(available[i])) &&
        (!decided || range.length > decided[0] || (range.length === decided[0] && !quality))
      ) {
        decided = [range.length, quality];
      }
    }
    return decided?.[1] === 0;
  };
  const acceptable = available.map((_, i) => i).filter((i) => !excluded(i));
  for (const { id, quality } of ranges) {
    if (!quality) continue;
    // `*`: any acceptable locale, the default first.
    if (!id.length) break;
    const found = match(id, acceptable);
    if (found !== undefined) return found;
  }
  return acceptable.includes(0) || !acceptable.length ? 0 : acceptable[0];
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
  available ??= locales.map((l) => parseTag(l.tag));
  let index = 0;
  if (typeof requested === "string") {
    index = named(requested);
    if (index < 0) index = header(requested);
  } else if (typeof requested?.[Symbol.iterator] === "function") {
    const all = available.map((_, i) => i);
    for (const tag of requested) {
      if (typeof tag !== "string") continue;
      const id = parseTag(tag);
      const found = id ? match(id, all) : named(tag);
      if (found !== undefined && found >= 0) {
        index = found;
        break;
      }
    }
  }
  return locales[index].tag;
}
