// The package's `negotiate` against the Rust localizer: every case of `negotiation.json`
// (written by `cargo xtask docs` from what `Localizer::for_accept_language` and `for_tags`
// answer) must get the same locale. And the reading of tags, names and bounds on its own.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { negotiate } from "../omnia-errors/index.js";
import { parseTag, trim } from "../omnia-errors/negotiate.js";

const cases = JSON.parse(readFileSync(new URL("negotiation.json", import.meta.url), "utf8"));

test("every input negotiates to the locale the Rust localizer chooses", () => {
  assert.ok(cases.length > 450, "a short fixture");
  const failures = [];
  for (const { header, tags, expected } of cases) {
    const input = header ?? tags;
    const got = negotiate(input);
    if (got !== expected) failures.push(`${JSON.stringify(input).slice(0, 120)}: rust ${expected}, js ${got}`);
  }
  assert.equal(failures.length, 0, `${failures.length} difference(s):\n${failures.join("\n")}`);
});

test("the fixture holds the inputs that matter", () => {
  const header = (h) => cases.find((c) => c.header === h)?.expected;
  assert.equal(header("pt-AO"), "pt-PT");
  assert.equal(header("es-419"), "es-ES");
  assert.equal(header("fr-CA"), "fr-FR");
  assert.equal(header("zh"), "en-US");
  assert.equal(header("*"), "en-US");
  assert.equal(header("en-US;q=0, *"), "pt-PT");
  assert.equal(header("garbage"), "en-US");
  assert.equal(header("PTPT"), "pt-PT");
  assert.ok(cases.some((c) => c.header?.length > 4096), "the byte bound");
});

test("a tag's language: RFC 5646's grammar, extensions and private use set aside", () => {
  assert.deepEqual(parseTag("fr-CA-u-ca-gregory-nu-latn"), ["fr", "", "ca", ""]);
  assert.deepEqual(parseTag("ZH-yue-Hant-hk"), ["yue", "hant", "hk", ""]);
  assert.deepEqual(parseTag("de_1996_1901_1996-x-a"), ["de", "", "", "1901-1996"]);
  assert.deepEqual(parseTag("es-419"), ["es", "", "419", ""]);
  // Not well-formed: a singleton without its subtags, private use without any, a 4-letter
  // language; grandfathered tags; past 64 bytes; letters only by Unicode's case mapping.
  for (const bad of ["de-DE-u", "de-DE-u-x-a", "de-DE-x", "de-u-a", "x-twain", "abcd", "no-bok", "ART-lojban", "i-klingon", "de-" + "a1234567-".repeat(7) + "a", "e\u017f", "de-u-\u212aa"]) {
    assert.equal(parseTag(bad), undefined, bad);
  }
});

test("OMNIA's names: in a list of tags, or a string that is one; in a header, nothing", () => {
  assert.equal(negotiate(["ptbr"]), "pt-BR");
  assert.equal(negotiate(["XXXX", "plPL"]), "pl-PL");
  assert.equal(negotiate("PTPT"), "pt-PT");
  assert.equal(negotiate("ptPT"), "pt-PT");
  assert.equal(negotiate("PLPL;q=0.5, DEDE;q=0.6"), "en-US");
  assert.equal(negotiate("PTPT;q=0, pt"), "pt-PT");
  assert.equal(negotiate(["XXXX"]), "en-US");
  // ASCII letters only: `ſ` upper-cases to `S`.
  assert.equal(negotiate("e\u017fe\u017f"), "en-US");
});

test("without an argument, the runtime's languages are asked (none in Node 20: en-US)", () => {
  const languages = globalThis.navigator?.languages;
  assert.equal(negotiate(), languages ? negotiate(languages) : "en-US");
  assert.equal(negotiate(null), "en-US");
  assert.equal(negotiate(42), "en-US");
  assert.equal(negotiate([42, "pl"]), "pl-PL");
});

test("trimming is Rust's: U+0085 is whitespace, U+FEFF is not", () => {
  assert.equal(trim("\u0085 pl\u3000"), "pl");
  assert.equal(trim("\ufeffpl"), "\ufeffpl");
});

test("only a header's first 4 KiB and 32 entries are read", () => {
  // Past the bound, a language is not seen: the work is bounded whatever the length.
  assert.equal(negotiate("x".repeat(5000) + ", pl"), "en-US");
  assert.equal(negotiate(",".repeat(1 << 20) + "pl"), "en-US");
  assert.equal(negotiate(Array(32).fill("zz").join(",") + ",pl"), "en-US");
  assert.equal(negotiate(Array(31).fill("zz").join(",") + ",pl"), "pl-PL");
  // Where an entry ends exactly at the bound, it is kept.
  assert.equal(negotiate("x,".repeat(15) + "y".repeat(4096 - 31) + ",de"), "en-US");
  assert.equal(negotiate("pl," + "y".repeat(4093) + ",de"), "pl-PL");
});
