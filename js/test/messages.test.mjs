// The npm package's messages against the Rust localizer: every case of `formatted.json` (every
// message of every locale over the Rust differential test's values, isolation marks off and
// on) must come out of `message` exactly as Rust wrote it, in the same locale. And what the
// package does where nothing in the fixture goes: fallbacks, bad parameters, exact plural keys.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { errorCodes, load, locales, message, parameters, sourceLocale, validationErrorCodes } from "../omnia-errors/index.js";
import ptBR from "../omnia-errors/messages/pt-BR.js";
import pl from "../omnia-errors/messages/pl-PL.js";

// The status titles' cases are `localize.test.mjs`'s.
const cases = JSON.parse(readFileSync(new URL("formatted.json", import.meta.url), "utf8")).filter((c) => "code" in c);

/** The fixture's arguments as a UI passes them: numbers beyond 2^53 as BigInts. */
function argumentsOf(code, args) {
  const out = {};
  for (const [name, value] of Object.entries(args)) {
    const spec = parameters[code]?.find((p) => p.name === name);
    out[name] = spec?.type === "number" && typeof value === "string" ? BigInt(value) : value;
  }
  return out;
}

test("every message of every locale is what the Rust localizer writes", async () => {
  for (const { tag } of locales) await load(tag);
  assert.ok(cases.length > 1000, "a short fixture");
  const failures = [];
  for (const { locale, code, isolate, args, expected } of cases) {
    const got = message(code, argumentsOf(code, args), locale, { isolate });
    if (got.text !== expected || got.locale !== locale) {
      failures.push(`[${locale}${isolate ? ", isolated" : ""}] ${code} ${JSON.stringify(args)}:\n    rust: ${JSON.stringify(expected)}\n    js:   ${JSON.stringify(got)}`);
    }
  }
  assert.equal(failures.length, 0, `${failures.length} difference(s):\n${failures.join("\n")}`);
  // The fixture reaches the BigInt path and both isolation settings.
  assert.ok(cases.some((c) => Object.values(c.args).some((v) => typeof v === "string" && v === "18446744073709551615")));
  assert.ok(cases.some((c) => c.isolate) && cases.some((c) => !c.isolate));
});

test("an exact number key is chosen before the plural category, as Fluent does", () => {
  // pt-BR has `[0]` before `[one]`: Intl.PluralRules puts 0 in "one" for Portuguese.
  assert.equal(new Intl.PluralRules("pt-BR").select(0), "one");
  const zero = message("TextMaxLengthMismatch", { maxLength: 0 }, ptBR).text;
  const one = message("TextMaxLengthMismatch", { maxLength: 1 }, ptBR).text;
  assert.match(zero, /\b0 caracteres\b/);
  assert.match(one, /\b1 caractere\b/);
  assert.equal(message("TextMaxLengthMismatch", { maxLength: 0n }, ptBR).text, zero, "a BigInt 0 too");
});

test("the contextual message needs every optional parameter, a blank text not counting", () => {
  const generic = message("RequiredValue", {}, pl).text;
  assert.equal(message("RequiredValue", { path: null }, pl).text, generic);
  assert.equal(message("RequiredValue", { path: " \u0085 " }, pl).text, generic);
  assert.match(message("RequiredValue", { path: "Name" }, pl).text, /Name/);
  // Rust's trim does not take U+FEFF for whitespace.
  assert.notEqual(message("RequiredValue", { path: "\ufeff" }, pl).text, generic);
  // Inherited properties are no parameters.
  assert.equal(message("RequiredValue", Object.create({ path: "Name" }), pl).text, generic);
});

test("isolation marks are put around values on request only", () => {
  const plain = message("TextMaxLengthMismatch", { maxLength: 5 }, pl).text;
  const marked = message("TextMaxLengthMismatch", { maxLength: 5 }, pl, { isolate: true }).text;
  assert.ok(!/[\u2068\u2069]/.test(plain));
  assert.equal(marked, plain.replace("5", "\u20685\u2069"));
});

test("a bad code or parameter is a TypeError that says what is wrong", () => {
  assert.throws(() => message("NoSuchCode", {}, pl), { name: "TypeError", message: /"NoSuchCode" is not an OMNIA error code/ });
  assert.throws(() => message("constructor", {}, pl), TypeError);
  assert.throws(() => message("TextMaxLengthMismatch", {}, pl), { name: "TypeError", message: /needs the number parameter maxLength/ });
  for (const bad of [-1, 1.5, "5", Number.MAX_SAFE_INTEGER + 1, 2n ** 64n, -1n]) {
    assert.throws(() => message("TextMaxLengthMismatch", { maxLength: bad }, pl), { name: "TypeError", message: /non-negative integer/ }, String(bad));
  }
  assert.throws(() => message("RequiredValue", { path: 5 }, pl), { name: "TypeError", message: /must be a string/ });
});

test("a locale is a loaded tag or the messages of one", async () => {
  // Fresh module state: nothing loaded but what this test loads.
  const fresh = await import(`../omnia-errors/index.js?fresh=${Date.now()}`);
  assert.throws(() => fresh.message("EntityNotFound", {}, "de-DE"), /await load\("de-DE"\) first/);
  const de = await fresh.load("de-DE");
  assert.equal(fresh.load("de-DE") instanceof Promise, true);
  assert.equal(await fresh.load("de-DE"), de, "loaded once");
  assert.deepEqual(fresh.message("EntityNotFound", undefined, "de-DE"), { text: "Die Entität wurde nicht gefunden.", locale: "de-DE" });
  await assert.rejects(fresh.load("pt"), RangeError);
  assert.throws(() => message("EntityNotFound", {}, { locale: "xx" }), TypeError);
});

test("a message a locale cannot write falls back to en-US, then to the code's name", async () => {
  // Every generated module has every code; a locale whose message could come out empty (a
  // text parameter alone) imports en-US as its fallback. Such a locale, by hand:
  const en = await load(sourceLocale);
  const empty = () => "";
  // A module's messages are in the order of the codes (errorCodes, then validationErrorCodes).
  const at = (code) => [...errorCodes, ...validationErrorCodes].indexOf(code);
  const partial = { locale: "pl-PL", messages: [], fallback: en };
  partial.messages[at("RequiredValue")] = [empty, null];
  partial.messages[at("EntityNotFound")] = "Nie.";
  assert.deepEqual(message("RequiredValue", {}, partial), { text: "Attribute value is required.", locale: "en-US" });
  assert.deepEqual(message("RequiredValue", { path: "Name" }, partial), { text: "A value is required for the attribute Name.", locale: "en-US" });
  assert.deepEqual(message("EntityNotFound", {}, partial), { text: "Nie.", locale: "pl-PL" });
  assert.deepEqual(message("FileNotFound", {}, partial), { text: "File not found.", locale: "en-US" });
  const alone = { locale: "pl-PL", messages: [] };
  alone.messages[at("RequiredValue")] = [empty, empty];
  assert.deepEqual(message("RequiredValue", { path: "Name" }, alone), { text: "RequiredValue", locale: "en-US" });
  // A code the module has no message for falls back too, to the code's name at last.
  assert.deepEqual(message("FileNotFound", {}, alone), { text: "FileNotFound", locale: "en-US" });
  // The shipped modules are whole: none needs a fallback.
  for (const { tag } of locales) assert.equal((await load(tag)).fallback, undefined, tag);
});
