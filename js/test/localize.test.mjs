// `localize`: a received body, OMNIA's or Problem Details, with its messages in a locale, as
// the Rust `Language::localize_body` and `localize_problem` do.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import {
  docsPage,
  errorCodes,
  load,
  locales,
  localize,
  message,
  sourceLocale,
  statusTitle,
  statusTitles,
  validationErrorCodes,
} from "../omnia-errors/index.js";
import de, { titles as deTitles } from "../omnia-errors/messages/de-DE.js";
import pl, { titles as plTitles } from "../omnia-errors/messages/pl-PL.js";

// The status titles of `formatted.json`: an `about:blank` problem of each status, received
// with `title`, as the Rust `localize_problem` wrote it in each locale.
const fixture = JSON.parse(readFileSync(new URL("formatted.json", import.meta.url), "utf8"));
const statusCases = fixture.filter((c) => "status" in c);
// And received bodies as the Rust `localize_body` and `localize_problem` re-localized them.
const bodyCases = fixture.filter((c) => "body" in c);

const omnia = {
  code: "ValidationFailed",
  message: "Request validation failed.",
  errors: [
    { code: "TextMaxLengthMismatch", name: "Description", message: "Value is too long to the defined length of 1,000.", parameters: { maxLength: 1000 } },
    { code: "RequiredValue", name: null, message: "Attribute value is required." },
    { code: "SomethingNewer", name: "X", message: "A newer server's text" },
    { code: "TextMaxLengthMismatch", message: "kept: no maxLength" },
    { code: "EntityNotFound", message: "kept: not a validation code" },
  ],
};

test("an OMNIA body's message and every item's are localized", () => {
  const before = structuredClone(omnia);
  const body = localize(omnia, pl);
  assert.deepEqual(omnia, before, "the body given is left as it was");
  assert.equal(body.message, message("ValidationFailed", {}, pl).text);
  assert.equal(body.errors[0].message, "Wartość jest za długa. Maksymalna długość to 1000 znaków.");
  assert.equal(body.errors[0].name, "Description");
  assert.deepEqual(body.errors[0].parameters, { maxLength: 1000 });
  assert.equal(body.errors[1].message, "Wartość atrybutu jest wymagana.");
  // What cannot be localized keeps the server's text.
  assert.equal(body.errors[2].message, "A newer server's text");
  assert.equal(body.errors[3].message, "kept: no maxLength");
  assert.equal(body.errors[4].message, "kept: not a validation code");
});

test("Problem Details get title (generic), detail (with context) and each item's detail", () => {
  const problem = {
    type: "https://docs.omnialowcode.com/omnia3_api_errors.html#ConnectorBehaviourFailed",
    title: "Behaviour execution failed while running in Connector.",
    status: 400,
    detail: "Behaviour execution failed while running in Connector: Disk full",
    instance: "/requests/1",
    code: "ConnectorBehaviourFailed",
    parameters: { message: "Disk full" },
    errors: null,
    extension: { kept: true },
  };
  const body = localize(problem, de);
  assert.equal(body.title, "Das Verhalten konnte im Connector nicht ausgeführt werden.");
  assert.equal(body.detail, "Das Verhalten konnte im Connector nicht ausgeführt werden: Disk full");
  for (const member of ["type", "status", "instance", "errors", "extension", "code"]) {
    assert.deepEqual(body[member], problem[member], member);
  }
  const validation = localize(
    { type: "about:blank", title: "t", status: 400, detail: "d", code: "ValidationFailed", errors: [{ code: "Duplicated", detail: "x" }] },
    de,
  );
  assert.equal(validation.errors[0].detail, "Doppeltes Element.");
  assert.ok(!("message" in validation.errors[0]));
});

test("an unknown top-level code keeps its text, and anything else comes back as it is", () => {
  assert.deepEqual(localize({ code: "Newer", message: "m" }, pl), { code: "Newer", message: "m" });
  for (const odd of [null, 5, "text", [1, 2]]) assert.equal(localize(odd, pl), odd);
  const strange = localize({ code: "ValidationFailed", message: "m", errors: [null, 5, { code: "__proto__" }] }, pl);
  assert.deepEqual(strange.errors, [null, 5, { code: "__proto__" }]);
  // Parameters that are no object read as none.
  assert.equal(localize({ code: "InternalError", message: "m", parameters: 5 }, pl).message, "Wewnętrzny błąd systemu.");
});

test("isolation marks on request", () => {
  const body = localize(omnia, pl, { isolate: true });
  assert.match(body.errors[0].message, /\u20681000\u2069/);
});

test("an about:blank problem gets its status's title in every locale, as Rust writes it", async () => {
  // A loaded tag has its titles; an imported module's are its `titles` export.
  const modules = {};
  for (const { tag } of locales) {
    await load(tag);
    modules[tag] = await import(`../omnia-errors/messages/${tag}.js`);
  }
  const failures = [];
  for (const { locale, status, id, title, expected } of statusCases) {
    const problem = { type: "about:blank", title, status, instance: "/x" };
    const body = localize(problem, locale);
    const own = statusTitle(status, locale);
    const { default: messages, titles } = modules[locale];
    const fine =
      body.title === expected &&
      body.instance === "/x" &&
      (id === null ? own === null : own?.text === expected && own.locale === locale) &&
      // An absent `type` is `about:blank` (RFC 9457, 3.1.1).
      localize({ title, status }, locale).title === expected &&
      localize(problem, messages, { titles }).title === expected &&
      JSON.stringify(statusTitle(status, titles)) === JSON.stringify(own) &&
      // Without titles, the title the server wrote.
      localize(problem, messages).title === title;
    if (!fine) failures.push(`[${locale}] ${status}: rust ${JSON.stringify(expected)}, js ${JSON.stringify([body.title, own])}`);
  }
  assert.equal(failures.length, 0, failures.join("\n"));
  // Every locale, every titled status, both classes and statuses without a title.
  const statuses = new Set(statusCases.map((c) => c.status));
  for (const status of [...statusTitles, 418, 599, 302, 600]) assert.ok(statuses.has(status), String(status));
  assert.equal(new Set(statusCases.map((c) => c.locale)).size, locales.length);
  assert.ok(statusCases.some((c) => c.id === "http-4xx") && statusCases.some((c) => c.id === "http-5xx"));
});

test("a problem's status title only where the problem is its status alone", () => {
  const titles = { titles: plTitles };
  const found = statusTitle(404, plTitles).text;
  // A code, known or not, is localized (or kept) by the code, not by the status.
  const coded = localize({ type: "about:blank", title: "t", status: 404, detail: "d", code: "EntityNotFound" }, pl, titles);
  assert.equal(coded.title, message("EntityNotFound", {}, pl).text);
  assert.notEqual(coded.title, found);
  assert.equal(localize({ type: "about:blank", title: "t", status: 404, code: "Newer" }, pl, titles).title, "t");
  // A problem of another type, and an OMNIA body, are no about:blank problems.
  assert.equal(localize({ type: "https://example.com/probs/out-of-credit", title: "t", status: 404 }, pl, titles).title, "t");
  assert.equal(localize({ type: "about:blank", code: "Newer", message: "m", status: 404 }, pl, titles).title, undefined);
  // A status that is no error status, or no integer, keeps the title.
  for (const status of [undefined, null, "404", 404.5, 399, 600, -404]) {
    assert.equal(localize({ type: "about:blank", title: "t", status }, pl, titles).title, "t", String(status));
    if (typeof status === "number") assert.equal(statusTitle(status, plTitles), null, String(status));
  }
  assert.deepEqual(localize({ type: "about:blank", status: 405 }, pl, titles), { type: "about:blank", status: 405, title: statusTitle(405, plTitles).text });
  assert.equal(localize({ type: "about:blank", status: 405 }, pl, titles).title, "Niedozwolona metoda");
});

test("titles are opt-in: without them an about:blank problem keeps its title", async () => {
  const problem = { type: "about:blank", title: "Not Found", status: 404 };
  // A module's messages have no titles: what a UI that never titles a status bundles.
  assert.equal("titles" in pl, false);
  assert.equal(localize(problem, pl).title, "Not Found");
  assert.deepEqual(localize({ type: "about:blank", status: 405 }, pl), { type: "about:blank", status: 405 });
  assert.equal(localize(problem, pl, { titles: plTitles, isolate: true }).title, "Nie znaleziono");
  // A loaded tag titles, and its titles are the module's; `titles` given win over them.
  const loaded = await load("pl-PL");
  assert.equal(loaded.titles, plTitles);
  assert.equal("titles" in pl, false, "load leaves the module's export as it was");
  assert.equal(localize(problem, loaded).title, "Nie znaleziono");
  assert.equal(localize(problem, "pl-PL", { titles: deTitles }).title, "Nicht gefunden");
  assert.equal(localize(problem, "pl-PL", { titles: undefined }).title, "Nie znaleziono");
  // Anything else as titles is a TypeError, whatever the body: the messages, a tag (for
  // `localize`, whose locale is the tag), no titles array.
  for (const bad of [pl, loaded, "pl-PL", { locale: "pl-PL" }, { ...plTitles, titles: {} }, 5]) {
    assert.throws(() => localize({ code: "Newer", message: "m" }, pl, { titles: bad }), { name: "TypeError", message: /its titles/ }, String(bad));
    if (typeof bad !== "string") assert.throws(() => statusTitle(404, bad), { name: "TypeError", message: /its titles/ }, String(bad));
  }
  // A tag's titles once loaded; before, the same error as `message`'s.
  assert.deepEqual(statusTitle(404, "pl-PL"), { text: "Nie znaleziono", locale: "pl-PL" });
  const fresh = await import(`../omnia-errors/index.js?titles=${Date.now()}`);
  assert.throws(() => fresh.statusTitle(404, "de-DE"), /await load\("de-DE"\) first/);
});

test("a status title a locale lacks comes from en-US's titles, then is its Fluent id", async () => {
  const { titles: en } = await load(sourceLocale);
  // A module's titles are in the order of statusTitles, then the 4xx and 5xx classes'.
  const partial = { locale: "pl-PL", titles: [null, "Brak autoryzacji"], fallback: en };
  assert.deepEqual(statusTitle(400, partial), { text: "Bad Request", locale: "en-US" });
  assert.deepEqual(statusTitle(401, partial), { text: "Brak autoryzacji", locale: "pl-PL" });
  assert.deepEqual(statusTitle(599, partial), { text: "Server Error", locale: "en-US" });
  assert.equal(localize({ status: 400 }, pl, { titles: partial }).title, "Bad Request");
  const alone = { locale: "pl-PL", titles: [] };
  assert.deepEqual(statusTitle(404, alone), { text: "http-404", locale: "en-US" });
  assert.deepEqual(statusTitle(418, alone), { text: "http-4xx", locale: "en-US" });
  assert.deepEqual(statusTitle(599, alone), { text: "http-5xx", locale: "en-US" });
  // The shipped modules title every status themselves, and their messages are the codes' alone.
  const codes = errorCodes.length + validationErrorCodes.length;
  for (const { tag } of locales) {
    const { messages, titles } = await load(tag);
    assert.equal(messages.length, codes, tag);
    assert.equal(titles.locale, tag);
    assert.equal(titles.titles.length, statusTitles.length + 2, tag);
    assert.equal(titles.fallback, undefined, tag);
    assert.ok(titles.titles.every((t) => typeof t === "string" && t !== ""), tag);
  }
});

test("every received body of the fixture is localized as Rust localizes it, in every locale", async () => {
  for (const { tag } of locales) await load(tag);
  assert.ok(bodyCases.length >= 10 * locales.length, "a short fixture");
  for (const { locale, body, expected } of bodyCases) {
    const got = localize(body, locale);
    // Rust writes the `type` it read for an absent one: RFC 9457's default, about:blank.
    if (!("type" in body) && !("message" in body)) assert.equal(expected.type, "about:blank");
    const want = "type" in body ? expected : (({ type, ...rest }) => rest)(expected);
    assert.deepEqual(got, want, `[${locale}] ${JSON.stringify(body)}`);
  }
  // The cases reach each way of reading a problem: by code, by its type's anchor, by status.
  const pl = bodyCases.filter((c) => c.locale === "pl-PL");
  assert.ok(pl.some((c) => c.body.code === undefined && c.expected.detail !== c.body.detail));
  assert.ok(pl.some((c) => c.body.code === undefined && c.expected.title !== c.body.title && c.body.detail === undefined));
});

test("a problem's type is read for its code only on the catalog's page, and only an API code", () => {
  const url = (code) => `${docsPage}#${code}`;
  assert.equal(localize({ type: url("EntityNotFound"), title: "t", status: 404, detail: "d" }, pl).detail, "Nie znaleziono encji.");
  assert.equal(localize({ type: url("Duplicated"), title: "t", status: 400, detail: "d" }, pl).detail, "d");
  assert.equal(localize({ type: url(""), title: "t", status: 404 }, pl).title, "t");
  assert.equal(localize({ type: `${docsPage}?#EntityNotFound`, title: "t", status: 404 }, pl).title, "t");
  // A code given wins over the type's.
  assert.equal(localize({ type: url("EntityNotFound"), detail: "d", code: "FileNotFound" }, pl).detail, "Nie znaleziono pliku.");
  // OMNIA's body has no type to read.
  assert.equal(localize({ type: url("EntityNotFound"), message: "m" }, pl).message, "m");
});
