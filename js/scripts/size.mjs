// How small and fast the npm package is next to what a UI would use instead, in one run:
//
//   cd js && npm ci && node scripts/size.mjs
//
// Sizes: each UI's code bundled by esbuild (`--bundle --minify`, ES module), then `gzip -9`.
// - one language: the package's runtime (message, localize) and pl-PL's messages, as a UI
//   that does not re-title problems ships it; then with pl-PL's status titles (a UI that
//   titles `about:blank` problems); then with negotiate too; each against @fluent/bundle +
//   @fluent/langneg + pl-PL's errors.ftl (which holds the titles);
// - all seven languages: the runtime and every locale with its titles, against @fluent/bundle
//   + @fluent/langneg + the seven errors.ftl (Paraglide is not built here: it needs its own
//   project format).
// Speed: formatting TextMaxLengthMismatch { maxLength: 1000 } in pl-PL, the package's
// `message` against `FluentBundle.formatPattern` (the bundle and its message made once), in
// alternating rounds of the same process; the median round of each.
//
// It prints figures and ratios; it asserts nothing (timings are never a test).

import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

import * as esbuild from "esbuild";
import { FluentBundle, FluentResource } from "@fluent/bundle";

import { message } from "../omnia-errors/index.js";
import pl from "../omnia-errors/messages/pl-PL.js";

const here = fileURLToPath(new URL(".", import.meta.url));
const root = fileURLToPath(new URL("../../", import.meta.url));
const tags = ["en-US", "pt-PT", "pt-BR", "es-ES", "fr-FR", "de-DE", "pl-PL"];
const ftl = (tag) => `${root}locales/${tag}/errors.ftl`;

/** The minified bundle of `source` (an ES module in js/scripts/), and its `gzip -9` size. */
async function size(source) {
  const result = await esbuild.build({
    stdin: { contents: source, resolveDir: here, loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    write: false,
    loader: { ".ftl": "text" },
    logLevel: "error",
  });
  const code = result.outputFiles[0].contents;
  const gzip = execFileSync("gzip", ["-9", "-c"], { input: code });
  return { min: code.length, gzip: gzip.length };
}

/** A UI of the package: `api` and the messages of `locales`, with their titles if `titled`. */
const ours = (locales, { api = ["negotiate", "message", "localize"], titled = true } = {}) => `
  import { ${api.join(", ")} } from "../omnia-errors/index.js";
  ${locales.map((t, i) => `import m${i}${titled ? `, { titles as t${i} }` : ""} from "../omnia-errors/messages/${t}.js";`).join("\n")}
  export const locales = [${locales.map((_, i) => (titled ? `[m${i}, t${i}]` : `m${i}`)).join(", ")}];
  export { ${api.join(", ")} };
`;

const fluent = (locales) => `
  import { FluentBundle, FluentResource } from "@fluent/bundle";
  import { negotiateLanguages } from "@fluent/langneg";
  ${locales.map((t, i) => `import f${i} from ${JSON.stringify(ftl(t))};`).join("\n")}
  const sources = { ${locales.map((t, i) => `${JSON.stringify(t)}: f${i}`).join(", ")} };
  export function bundle(requested) {
    const [locale] = negotiateLanguages(requested, Object.keys(sources), { defaultLocale: "en-US", strategy: "lookup" });
    const bundle = new FluentBundle(locale, { useIsolating: false });
    bundle.addResource(new FluentResource(sources[locale]));
    return bundle;
  }
`;

const row = (name, s) => `${name.padEnd(44)} ${String(s.min).padStart(7)} B min ${String(s.gzip).padStart(6)} B gzip`;
// Three decimals: a ratio at a target is not rounded onto it.
const ratio = (a, b) => (a / b).toFixed(3) + "x";

const oneOurs = await size(ours(["pl-PL"], { api: ["message", "localize"], titled: false }));
const oneTitled = await size(ours(["pl-PL"], { api: ["message", "localize"] }));
const oneNegotiating = await size(ours(["pl-PL"]));
const oneFluent = await size(fluent(["pl-PL"]));
const allOurs = await size(ours(tags));
const allFluent = await size(fluent(tags));

console.log("Sizes (esbuild --bundle --minify, gzip -9)");
console.log(row("omnia-errors message, localize + pl-PL", oneOurs));
console.log(row("  + titles", oneTitled));
console.log(row("omnia-errors + negotiate + pl-PL + titles", oneNegotiating));
console.log(row("@fluent/bundle + @fluent/langneg + pl-PL ftl", oneFluent));
console.log(`  one language: ${ratio(oneOurs.gzip, oneFluent.gzip)} gzip, ${ratio(oneOurs.min, oneFluent.min)} min (target <= 0.4x)`);
console.log(`  one language + titles: ${ratio(oneTitled.gzip, oneFluent.gzip)} gzip, ${ratio(oneTitled.min, oneFluent.min)} min`);
console.log(`  one language + titles, negotiating: ${ratio(oneNegotiating.gzip, oneFluent.gzip)} gzip, ${ratio(oneNegotiating.min, oneFluent.min)} min`);
console.log(row("omnia-errors runtime + 7 locales + titles", allOurs));
console.log(row("@fluent/bundle + @fluent/langneg + 7 ftl", allFluent));
console.log(`  all seven: ${ratio(allOurs.gzip, allFluent.gzip)} gzip, ${ratio(allOurs.min, allFluent.min)} min (target <= 1.0x)`);

// Speed.
const bundle = new FluentBundle("pl-PL", { useIsolating: false });
bundle.addResource(new FluentResource(readFileSync(ftl("pl-PL"), "utf8")));
const pattern = bundle.getMessage("validation-TextMaxLengthMismatch").value;
const params = { maxLength: 1000 };
const expected = message("TextMaxLengthMismatch", params, pl).text;
if (bundle.formatPattern(pattern, params) !== expected) throw new Error("the two do not write the same text");

const ITERATIONS = 100_000;
let sink = 0;
function round(format) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < ITERATIONS; i++) sink += format().length;
  return Number(process.hrtime.bigint() - start) / ITERATIONS;
}
const formats = {
  ours: () => message("TextMaxLengthMismatch", params, pl).text,
  fluent: () => bundle.formatPattern(pattern, params),
};
const times = { ours: [], fluent: [] };
for (let r = 0; r < 3; r++) for (const f of Object.values(formats)) round(f); // warm-up
for (let r = 0; r < 15; r++) for (const [name, f] of Object.entries(formats)) times[name].push(round(f));
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const ns = { ours: median(times.ours), fluent: median(times.fluent) };

console.log(`\nSpeed: pl-PL TextMaxLengthMismatch { maxLength: 1000 }, ${ITERATIONS} calls a round, median of 15 rounds (node ${process.version})`);
console.log(`omnia-errors message()         ${ns.ours.toFixed(1).padStart(8)} ns/call`);
console.log(`@fluent/bundle formatPattern() ${ns.fluent.toFixed(1).padStart(8)} ns/call`);
console.log(`  ratio: ${ratio(ns.ours, ns.fluent)} (target <= 0.3x)${sink === 0 ? "" : ""}`);
