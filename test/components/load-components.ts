/**
 * Imports the browser components in tests: Framework's `npm:<pkg>` specifiers are rewritten to the installed
 * packages, in a copy of `src/components/` (its folders kept) under `node_modules/.cache/` (bare imports resolve
 * from there, nothing lands in the work tree).
 */
import {mkdirSync, readdirSync, readFileSync, writeFileSync} from "node:fs";
import {dirname, join} from "node:path";

const SOURCE = join(import.meta.dirname, "..", "..", "src", "components");
const TARGET = join(import.meta.dirname, "..", "..", "node_modules", ".cache", "kit-components-test");

/** Copies the components with `npm:` imports rewritten, once per test file; returns the copy's folder. */
export function componentsDir(): string {
  for (const file of readdirSync(SOURCE, {recursive: true, encoding: "utf8"}).filter((f) =>
    f.endsWith(".js")
  )) {
    const code = readFileSync(join(SOURCE, file), "utf8").replace(/from "npm:([^"]+)"/g, 'from "$1"');
    mkdirSync(dirname(join(TARGET, file)), {recursive: true});
    writeFileSync(join(TARGET, file), code);
  }
  return TARGET;
}
