// The packed package in a real browser: Debian's Chromium, headless, driven by playwright-core.
// The page loads the installed tarball's files as ES modules, no bundler (served from disk by
// a route: no server, no port). The web component renders pt-PT and pl-PL text for the
// browser's languages, follows a language change, and only the language shown is fetched.
//
// Chromium is what `.ci/run` installs (`apt-get install chromium`); without it the test is
// skipped, except under CI, where it fails.

import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join, normalize } from "node:path";
import { after, before, test } from "node:test";

import { chromium } from "playwright-core";

import { load, message, statusTitle } from "../omnia-errors/index.js";
import { installPacked } from "./packed.mjs";

const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const available = existsSync(CHROMIUM);
if (!available && process.env.CI) throw new Error(`${CHROMIUM} is missing: .ci/run installs it`);

const ORIGIN = "http://pkg.test";
const PAGE = `<!doctype html>
<html><head><meta charset="utf-8"><title>omnia-errors</title>
<script type="module">
  import "/omnia-errors/element.js";
  import { negotiate } from "/omnia-errors/index.js";
  window.negotiated = negotiate(navigator.languages);
</script></head>
<body>
  <omnia-error-message id="limit" code="TextMaxLengthMismatch" parameters='{"maxLength": 1000}'></omnia-error-message>
  <omnia-error-message id="body"></omnia-error-message>
</body></html>`;

const TYPES = { ".js": "text/javascript", ".json": "application/json", ".html": "text/html" };

let packed;
let browser;
before(async () => {
  if (!available) return;
  packed = installPacked();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // As the machine's notes run it: no sandbox (root), and none of Chromium's own traffic.
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
});
after(async () => {
  await browser?.close();
  packed?.dispose();
});

/** A page of a new context whose browser languages are `locale`, and the paths it fetched. */
async function open(locale) {
  const context = await browser.newContext({ locale });
  const page = await context.newPage();
  const fetched = [];
  page.errors = [];
  page.on("pageerror", (error) => page.errors.push(error.message));
  await page.route(`${ORIGIN}/**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    fetched.push(path);
    if (path === "/") return route.fulfill({ body: PAGE, contentType: TYPES[".html"] });
    const file = normalize(join(packed.installed, "..", path));
    if (!file.startsWith(packed.installed) || !existsSync(file)) return route.fulfill({ status: 404 });
    const type = TYPES[file.slice(file.lastIndexOf("."))] ?? "application/octet-stream";
    return route.fulfill({ body: readFileSync(file), contentType: type });
  });
  await page.goto(`${ORIGIN}/`);
  await page.waitForFunction(() => window.negotiated !== undefined);
  return { context, page, fetched };
}

async function shown(page, id) {
  const state = await page.evaluate(async (id) => {
    const element = document.getElementById(id);
    await element.rendered;
    return { text: element.textContent, lang: element.lang, items: [...element.querySelectorAll("li")].map((li) => li.textContent) };
  }, id);
  assert.deepEqual(page.errors, [], "errors in the page");
  return state;
}

const expected = async (locale, code, params) => {
  await load(locale);
  return message(code, params, locale).text;
};

for (const locale of ["pt-PT", "pl-PL"]) {
  test(`the component renders ${locale} text for navigator.languages = [${locale}]`, { skip: !available }, async () => {
    const { context, page, fetched } = await open(locale);
    try {
      assert.equal(await page.evaluate(() => window.negotiated), locale);
      const limit = await shown(page, "limit");
      assert.equal(limit.text, await expected(locale, "TextMaxLengthMismatch", { maxLength: 1000 }));
      assert.equal(limit.lang, locale);
      // Only the language shown is loaded: one messages module.
      const modules = fetched.filter((p) => p.startsWith("/omnia-errors/messages/"));
      assert.deepEqual([...new Set(modules)], [`/omnia-errors/messages/${locale}.js`]);
    } finally {
      await context.close();
    }
  });
}

test("a received body is shown with its errors, localized", { skip: !available }, async () => {
  const { context, page } = await open("pl-PL");
  try {
    await page.evaluate(() => {
      document.getElementById("body").body = {
        code: "ValidationFailed",
        message: "Request validation failed.",
        errors: [
          { code: "TextMaxLengthMismatch", name: "Description", message: "…", parameters: { maxLength: 22 } },
          { code: "FromANewerServer", message: "kept as sent" },
        ],
      };
    });
    const body = await shown(page, "body");
    assert.deepEqual(body.items, [await expected("pl-PL", "TextMaxLengthMismatch", { maxLength: 22 }), "kept as sent"]);
    assert.ok(body.text.startsWith(await expected("pl-PL", "ValidationFailed", {})));
    // An about:blank problem (an unknown route's 404) shows its status's title.
    await page.evaluate(() => {
      document.getElementById("body").body = { type: "about:blank", title: "Not Found", status: 404 };
    });
    const status = await shown(page, "body");
    assert.equal(status.text, statusTitle(404, "pl-PL").text);
    assert.equal(status.lang, "pl-PL");
  } finally {
    await context.close();
  }
});

test("the component follows a language change: its language, and the browser's", { skip: !available }, async () => {
  const { context, page } = await open("pt-PT");
  try {
    await page.evaluate(() => {
      document.getElementById("limit").language = "PLPL";
    });
    let limit = await shown(page, "limit");
    assert.equal(limit.text, await expected("pl-PL", "TextMaxLengthMismatch", { maxLength: 1000 }));
    assert.equal(limit.lang, "pl-PL");

    // Back to the browser's languages, which then change (the `languagechange` event).
    await page.evaluate(() => {
      const element = document.getElementById("limit");
      element.language = null;
      Object.defineProperty(Navigator.prototype, "languages", { get: () => ["de-CH", "en"], configurable: true });
      window.dispatchEvent(new Event("languagechange"));
    });
    limit = await shown(page, "limit");
    assert.equal(limit.text, await expected("de-DE", "TextMaxLengthMismatch", { maxLength: 1000 }));
    assert.equal(limit.lang, "de-DE");

    // OMNIA's context, as its components receive it.
    await page.evaluate(() => {
      document.getElementById("limit").context = { getLanguageTranslator: () => ({ language: "PTBR" }) };
    });
    limit = await shown(page, "limit");
    assert.equal(limit.text, await expected("pt-BR", "TextMaxLengthMismatch", { maxLength: 1000 }));
  } finally {
    await context.close();
  }
});
