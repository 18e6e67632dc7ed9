// The package as a user gets it: `npm pack` of js/omnia-errors into a temporary folder, the
// tarball installed into a new project there (`npm install <tarball>`, no registry needed:
// the package has no dependencies). Shared by the tests of the packed package.

import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const packageDir = fileURLToPath(new URL("../omnia-errors/", import.meta.url));
export const jsDir = fileURLToPath(new URL("../", import.meta.url));

const npm = process.platform === "win32" ? "npm.cmd" : "npm";

/** Packs and installs the package; `dispose()` removes everything. */
export function installPacked() {
  const root = mkdtempSync(join(tmpdir(), "omnia-errors-packed-"));
  execFileSync(npm, ["pack", "--silent", "--pack-destination", root], { cwd: packageDir, stdio: "pipe" });
  const tarball = join(root, readdirSync(root).find((f) => f.endsWith(".tgz")));
  const project = join(root, "project");
  execFileSync("mkdir", ["-p", project]);
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
  execFileSync(npm, ["install", "--silent", "--no-audit", "--no-fund", "--offline", tarball], { cwd: project, stdio: "pipe" });
  return {
    tarball,
    project,
    installed: join(project, "node_modules", "omnia-errors"),
    dispose: () => rmSync(root, { recursive: true, force: true }),
  };
}
