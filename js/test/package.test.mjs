// The packed package, installed as a user installs it: it works in Node by its name and
// subpaths alone, a TypeScript UI compiles against it with `tsc --strict` (and misuses do
// not), the OpenAPI examples are values of its body types, and publint and
// @arethetypeswrong/cli find nothing to report.

import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";

import { installPacked, jsDir, packageDir } from "./packed.mjs";

let packed;
before(() => {
  packed = installPacked();
});
after(() => packed?.dispose());

const bin = (name) => join(jsDir, "node_modules", ".bin", name);

test("the tarball holds exactly the files package.json lists", () => {
  const listing = execFileSync("tar", ["tzf", packed.tarball], { encoding: "utf8" })
    .trim()
    .split("\n")
    .map((f) => f.replace(/^package\//, ""))
    .sort();
  const manifest = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8"));
  assert.deepEqual(listing, [...manifest.files, "package.json"].sort());
});

test("Node imports it by name: negotiation, messages, the Fluent files", () => {
  const script = `
    import assert from "node:assert/strict";
    import { readFileSync } from "node:fs";
    import { fileURLToPath } from "node:url";
    import { load, localize, message, negotiate, httpStatus } from "omnia-errors";
    import pl, { titles } from "omnia-errors/messages/pl-PL";
    const locale = negotiate("pt-AO, en;q=0.5");
    assert.equal(locale, "pt-PT");
    await load(locale);
    assert.equal(message("EntityNotFound", {}, locale).locale, "pt-PT");
    assert.equal(message("TextMaxLengthMismatch", { maxLength: 1000 }, pl).text, "Wartość jest za długa. Maksymalna długość to 1000 znaków.");
    assert.equal(localize({ code: "InternalError", message: "x" }, pl).message, "Wewnętrzny błąd systemu.");
    assert.equal(localize({ type: "about:blank", title: "Not Found", status: 404 }, pl).title, "Not Found");
    assert.equal(localize({ type: "about:blank", title: "Not Found", status: 404 }, pl, { titles }).title, "Nie znaleziono");
    assert.equal(httpStatus.EntityNotFound, 404);
    const ftl = readFileSync(fileURLToPath(import.meta.resolve("omnia-errors/ftl/pl-PL/errors.ftl")), "utf8");
    assert.match(ftl, /^validation-TextMaxLengthMismatch =/m);
    const manifest = (await import("omnia-errors/package.json", { with: { type: "json" } })).default;
    assert.equal(manifest.name, "omnia-errors");
    // The package's own files are its only way in.
    await assert.rejects(import("omnia-errors/format.js"), { code: "ERR_PACKAGE_PATH_NOT_EXPORTED" });
    console.log("ok");
  `;
  const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd: packed.project, encoding: "utf8" });
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout.trim(), "ok");
});

test("a TypeScript UI compiles with tsc --strict, and each misuse is an error", () => {
  cpSync(join(jsDir, "test", "consumer"), packed.project, { recursive: true });
  // Every example body of the OpenAPI fragment is a value of the package's body types.
  const openapi = JSON.parse(readFileSync(join(jsDir, "..", "docs", "openapi", "errors.json"), "utf8"));
  let examples = 'import type { ErrorResponse, ProblemDetails } from "omnia-errors";\n';
  let count = 0;
  for (const response of Object.values(openapi.components.responses)) {
    for (const [media, content] of Object.entries(response.content)) {
      const type = media === "application/problem+json" ? "ProblemDetails" : "ErrorResponse";
      for (const example of Object.values(content.examples)) {
        examples += `export const example${count++}: ${type} = ${JSON.stringify(example.value)};\n`;
      }
    }
  }
  assert.ok(count >= 32, `${count} examples`);
  writeFileSync(join(packed.project, "examples.ts"), examples);
  const tsc = spawnSync(bin("tsc"), ["-p", "tsconfig.json"], { cwd: packed.project, encoding: "utf8" });
  assert.equal(tsc.status, 0, tsc.stdout + tsc.stderr);

  // The same misuse without its `@ts-expect-error` fails the build, naming the parameter.
  writeFileSync(
    join(packed.project, "examples.ts"),
    'import { message } from "omnia-errors";\nimport pl from "omnia-errors/messages/pl-PL";\nmessage("TextMaxLengthMismatch", {}, pl);\n',
  );
  const failed = spawnSync(bin("tsc"), ["-p", "tsconfig.json"], { cwd: packed.project, encoding: "utf8" });
  assert.notEqual(failed.status, 0);
  assert.match(failed.stdout, /examples\.ts.*'maxLength' is missing/s);
});

test("a bundle holds the status titles only where the UI titles statuses: pl-PL's own, no en-US's", async () => {
  const esbuild = await import("esbuild");
  const bundle = async (contents) => {
    const result = await esbuild.build({
      stdin: { contents, resolveDir: packed.project, loader: "js" },
      bundle: true,
      format: "esm",
      // The texts as they are (not \u escapes), for the test to find them.
      charset: "utf8",
      write: false,
      logLevel: "error",
    });
    return result.outputFiles[0].text;
  };
  const untitled = await bundle(`
    import { localize, message } from "omnia-errors";
    import pl from "omnia-errors/messages/pl-PL";
    export const show = (body) => [localize(body, pl), message("InternalError", {}, pl)];
  `);
  const titled = await bundle(`
    import { localize } from "omnia-errors";
    import pl, { titles } from "omnia-errors/messages/pl-PL";
    export const show = (body) => localize(body, pl, { titles });
  `);
  // pl-PL's 401 and 5xx titles, and en-US's.
  const titles = ["Brak autoryzacji", "Błąd serwera", "Unauthorized", "Server Error"];
  assert.match(untitled, /Wewnętrzny błąd systemu\./);
  assert.deepEqual(titles.filter((t) => untitled.includes(t)), []);
  assert.deepEqual(titles.filter((t) => titled.includes(t)), ["Brak autoryzacji", "Błąd serwera"]);
});

test("publint reports nothing", () => {
  const run = spawnSync(bin("publint"), ["run", packed.installed, "--strict", "--pack", "false"], { encoding: "utf8" });
  assert.equal(run.status, 0, run.stdout + run.stderr);
  assert.match(run.stdout, /All good!/);
});

test("@arethetypeswrong/cli reports nothing for an ES-module package", () => {
  // `esm-only`: the package has no CommonJS entry, by design; a `require` of it is the one
  // thing attw would note, in the resolutions that profile leaves out.
  const run = spawnSync(
    bin("attw"),
    [packed.tarball, "--profile", "esm-only", "--format", "json", "--include-entrypoints", "./messages/pl-PL", "./messages/en-US"],
    { encoding: "utf8" },
  );
  assert.equal(run.status, 0, run.stdout + run.stderr);
  const { problems, analysis } = JSON.parse(run.stdout);
  const reported = Object.values(problems)
    .flat()
    .filter((p) => p.resolutionKind !== "node10" && p.resolutionKind !== "node16-cjs");
  assert.deepEqual(reported, []);
  // The subpaths were resolved, with their types, under Node's ES-module and bundler rules.
  const entry = analysis.entrypoints["./messages/pl-PL"];
  for (const kind of ["node16-esm", "bundler"]) {
    assert.match(entry.resolutions[kind].resolution.fileName, /messages\/pl-PL\.d\.ts$/, kind);
  }
});
