/** Parsing and collecting `npm:` import specifiers, as Framework writes them. */
import {readdirSync, readFileSync, statSync} from "node:fs";
import {join, relative} from "node:path";

/** An npm import: `name`, an optional `range` (`npm:d3@7`), and an optional sub-path (`npm:d3-geo/src/x.js`). */
export interface NpmSpecifier {
  name: string;
  range?: string;
  path: string | undefined;
}

/** Splits `@scope/name@range/sub/path` into its parts (the same rule as Framework's `parseNpmSpecifier`). */
export function parseNpmSpecifier(specifier: string): NpmSpecifier {
  const parts = specifier.split("/");
  const namerange = specifier.startsWith("@") ? `${parts.shift()}/${parts.shift()}` : parts.shift()!;
  const at = namerange.indexOf("@", 1);
  const name = at > 0 ? namerange.slice(0, at) : namerange;
  const range = at > 0 ? namerange.slice(at + 1) : undefined;
  const path = parts.length > 0 ? parts.join("/") : undefined;
  return range === undefined ? {name, path} : {name, range, path};
}

const SOURCE_FILE = /\.(md|js|ts|jsx|tsx)$/;
const NPM_IMPORT = /["'`]npm:([^"'`\s]+)["'`]/g;

/**
 * Finds every `npm:` specifier in the pages and modules under `root` (skipping `.observablehq`), and which files
 * use it, without the range (the installed version is always the one used).
 */
export function collectNpmSpecifiers(root: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const file of walk(root)) {
    const source = readFileSync(file, "utf-8");
    for (const [, raw] of source.matchAll(NPM_IMPORT)) {
      const {name, path} = parseNpmSpecifier(raw!);
      const specifier = path ? `${name}/${path}` : name;
      const files = found.get(specifier) ?? [];
      const where = relative(root, file);
      if (!files.includes(where)) files.push(where);
      found.set(specifier, files);
    }
  }
  return found;
}

function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir)) {
    if (entry.startsWith(".") || entry === "node_modules") continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) yield* walk(path);
    else if (SOURCE_FILE.test(entry)) yield path;
  }
}
