/**
 * What the offline build assumes about Observable Framework's internals, checked before every build.
 *
 * Framework 1.13 downloads every `npm:` import from a CDN into `<root>/.observablehq/cache/_npm/` and skips
 * the download when the file is already there (`dist/npm.js`, `populateNpmCache`). We fill that cache from
 * `node_modules`. If an upgrade changes the cache layout or the DuckDB-Wasm version, the fill would silently
 * stop working, so each assumption is checked here and a failure says what changed.
 */
import {existsSync, readFileSync} from "node:fs";
import {dirname, join, resolve} from "node:path";

/** The Framework versions this offline layer was written and tested against. */
export const SUPPORTED_FRAMEWORK = /^1\.13\./;

export interface FrameworkFacts {
  /** Installed `@observablehq/framework` version. */
  version: string;
  /** Absolute path of Framework's `dist/` folder. */
  dist: string;
  /** The DuckDB-Wasm version Framework's client expects (`DUCKDB_WASM_VERSION` in `dist/duckdb.js`). */
  duckdbWasmVersion: string;
}

/** An assumption about Framework that no longer holds. */
export class FrameworkAssumptionError extends Error {
  constructor(message: string) {
    super(
      `Offline build: ${message}\nThe offline layer (scripts/offline/) must be updated for this Framework.`
    );
    this.name = "FrameworkAssumptionError";
  }
}

/**
 * The package.json of an installed package, found the way Node looks for packages (node_modules folders from
 * `from` upwards), without going through the package's `exports` (many do not export ./package.json).
 */
export function packageJsonPath(name: string, from = process.cwd()): string | undefined {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    const candidate = join(dir, "node_modules", name, "package.json");
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

/** Returns the installed version of a package, or undefined when it is not installed. */
export function installedVersion(name: string, from = process.cwd()): string | undefined {
  const path = packageJsonPath(name, from);
  return path ? JSON.parse(readFileSync(path, "utf-8")).version : undefined;
}

/** Reads and checks Framework's internals; throws a FrameworkAssumptionError naming what changed. */
export function checkFramework(from = process.cwd()): FrameworkFacts {
  const version = installedVersion("@observablehq/framework", from);
  if (!version) throw new FrameworkAssumptionError("@observablehq/framework is not installed (run npm ci).");
  if (!SUPPORTED_FRAMEWORK.test(version)) {
    throw new FrameworkAssumptionError(`Framework ${version} is installed; this kit supports 1.13.x.`);
  }
  const dist = join(dirname(packageJsonPath("@observablehq/framework", from)!), "dist");
  const npmSource = readFileSync(join(dist, "npm.js"), "utf-8");
  const expectations: [string, string][] = [
    ['join(root, ".observablehq", "cache", path)', "the npm cache lives in <root>/.observablehq/cache/_npm"],
    ["if (existsSync(outputPath)) return outputPath;", "a cached file is used without a download"],
    ['path === "+esm" ? "_esm.js"', "a package's entry is cached as _esm.js"],
    ['replace(/(?:\\/\\+esm)?$/, "._esm.js")', "a deep import is cached as <path>._esm.js"],
    ['join(root, ".observablehq", "cache", dir)', "installed versions are read from the cache folder names"]
  ];
  for (const [needle, meaning] of expectations) {
    if (!npmSource.includes(needle)) {
      throw new FrameworkAssumptionError(
        `dist/npm.js no longer shows that ${meaning} (looked for ${needle}).`
      );
    }
  }
  const duckdbSource = readFileSync(join(dist, "duckdb.js"), "utf-8");
  const match = /const DUCKDB_WASM_VERSION = "([^"]+)"/.exec(duckdbSource);
  if (!match?.[1]) throw new FrameworkAssumptionError("DUCKDB_WASM_VERSION not found in dist/duckdb.js.");
  const duckdbWasmVersion = match[1];
  const installedDuckdb = installedVersion("@duckdb/duckdb-wasm", from);
  if (installedDuckdb !== duckdbWasmVersion) {
    throw new FrameworkAssumptionError(
      `Framework expects @duckdb/duckdb-wasm ${duckdbWasmVersion}, but ${installedDuckdb ?? "none"} is installed ` +
        `(npm install --save-exact @duckdb/duckdb-wasm@${duckdbWasmVersion}).`
    );
  }
  return {version, dist, duckdbWasmVersion};
}

/**
 * Lists the npm package names Framework's own code may import (`npm:<name>` in its dist), so that each one
 * that is not installed can be answered from the cache with a placeholder instead of a registry request.
 */
export function frameworkKnownPackages(dist: string, files: string[]): string[] {
  const names = new Set<string>();
  for (const file of files) {
    const source = readFileSync(join(dist, file), "utf-8");
    for (const [, specifier] of source.matchAll(/["']npm:((?:@[\w.-]+\/)?[\w.-]+)/g)) {
      if (specifier) names.add(specifier);
    }
  }
  return [...names].sort();
}
