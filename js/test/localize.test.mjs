// `localize`: a received body, OMNIA's or Problem Details, with its messages in a locale, as
// the Rust `Language::localize_body` and `localize_problem` do.

import assert from "node:assert/strict";
import { test } from "node:test";

import { localize, message } from "../omnia-errors/index.js";
import de from "../omnia-errors/messages/de-DE.js";
import pl from "../omnia-errors/messages/pl-PL.js";

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
