/**
 * Fills Framework's npm cache (`<root>/.observablehq/cache/_npm/`) from `node_modules`, so that `observable
 * build` and `observable preview` resolve every `npm:` import, explicit or implicit, with no network.
 *
 * - A package the project depends on (package.json `dependencies`) is bundled for the browser with esbuild at
 *   its installed version: `_npm/<name>@<version>/_esm.js`, deep imports as `<path>._esm.js`, static files
 *   (wasm, workers, css) copied as they are. Imports of another such package stay external and point at its
 *   sibling bundle, so that Arrow, d3 and htl exist once in the page. DuckDB-Wasm's files are the one exception
 *   to "as they are": see scripts/offline/duckdb-files.ts (eh build only, worker patched).
 * - A package Framework knows but the project does not depend on gets an empty `<name>@0.0.0-not-installed/`
 *   folder: Framework reads versions from folder names, so no registry request is made, and a page that really
 *   imports it fails the build (see {@link explainMissingPackage}).
 */
import {createHash} from "node:crypto";
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
  copyFileSync
} from "node:fs";
import {dirname, join, posix, relative} from "node:path";
import {build, type Plugin} from "esbuild";
import {
  checkFramework,
  frameworkKnownPackages,
  installedVersion,
  packageJsonPath,
  type FrameworkFacts
} from "./framework-assumptions.ts";
import {collectNpmSpecifiers, parseNpmSpecifier, type NpmSpecifier} from "./specifiers.ts";
import {duckdbFileContent} from "./duckdb-files.ts";

/** The version folder name given to packages Framework knows but the project has not installed. */
export const NOT_INSTALLED = "0.0.0-not-installed";

/** Bump when the bundling rules below change, so that every cached bundle is rebuilt. */
const STAMP_VERSION = 2;

/** Entry overrides: a module that replaces a package's own entry point in its browser bundle. */
const ENTRY_PATCHES: Record<string, string> = {
  // DuckDB-Wasm 1.29 has no parquet or json extension built in and would download one (and crash, offline)
  // when a query needs it. Every database opened through this bundle turns autoloading off, so such a query
  // fails with a clear catalog error and the database stays usable.
  "@duckdb/duckdb-wasm": `export * from "@duckdb/duckdb-wasm";
import {AsyncDuckDB} from "@duckdb/duckdb-wasm";
const open = AsyncDuckDB.prototype.open;
AsyncDuckDB.prototype.open = async function (config) {
  await open.call(this, config);
  const connection = await this.connect();
  try {
    await connection.query("SET autoinstall_known_extensions = false");
    await connection.query("SET autoload_known_extensions = false");
  } finally {
    await connection.close();
  }
};`
};

export interface FillOptions {
  /** The project root (where package.json and node_modules are). */
  projectRoot: string;
  /** Framework's source root (config `root`), whose `.observablehq/cache` is filled. */
  sourceRoot: string;
  /** Print what is written. */
  log?: (line: string) => void;
}

export interface FillResult {
  framework: FrameworkFacts;
  /** `name@version` of each bundled package. */
  bundled: string[];
  /** Names answered by a placeholder. */
  placeholders: string[];
  /** Files written (relative to the cache). */
  written: string[];
}

/** A page imports a package that is not installed: names the package and the command that adds it. */
export class MissingPackageError extends Error {
  constructor(
    readonly packageName: string,
    readonly importedBy: string[]
  ) {
    super(
      `The package "${packageName}" is imported by ${importedBy.join(", ")} but is not a dependency of the kit.\n` +
        `Add it with: npm install --save-exact ${packageName}`
    );
    this.name = "MissingPackageError";
  }
}

/** Fills the cache; idempotent (a bundle is rebuilt only when the installed version or its inputs change). */
export async function fillNpmCache({
  projectRoot,
  sourceRoot,
  log = () => {}
}: FillOptions): Promise<FillResult> {
  const framework = checkFramework(projectRoot);
  const dependencies = readDependencies(projectRoot);
  const cache = join(sourceRoot, ".observablehq", "cache", "_npm");
  const versionOf = (name: string) =>
    dependencies.has(name) ? installedVersion(name, projectRoot) : undefined;

  // What the pages import explicitly (npm:…), and what Framework's client may import.
  const pageSpecifiers = collectNpmSpecifiers(sourceRoot);
  const missing = [...pageSpecifiers].filter(([s]) => !versionOf(parseNpmSpecifier(s).name));
  if (missing.length > 0) {
    const [specifier, pages] = missing[0]!;
    throw new MissingPackageError(parseNpmSpecifier(specifier).name, pages);
  }
  const clientFiles = listFiles(framework.dist, "client").concat("libraries.js");
  const frameworkSpecifiers = frameworkKnownPackages(framework.dist, clientFiles);
  const staticSpecifiers = frameworkStaticAssets(framework.dist, clientFiles);

  const wanted: NpmSpecifier[] = [];
  for (const name of dependencies) if (isBrowserPackage(name)) wanted.push({name, path: undefined});
  for (const specifier of pageSpecifiers.keys()) wanted.push(parseNpmSpecifier(specifier));
  for (const specifier of staticSpecifiers) {
    const parsed = parseNpmSpecifier(specifier);
    if (versionOf(parsed.name)) wanted.push(parsed);
  }

  const result: FillResult = {framework, bundled: [], placeholders: [], written: []};
  const direct = new Map<string, string>();
  for (const name of dependencies) {
    const version = versionOf(name);
    if (version && isBrowserPackage(name)) direct.set(name, version);
  }
  const externalVersion = externalVersionResolver(projectRoot, direct);
  // Everything installed takes part in a bundle's identity: any install or upgrade rebuilds the bundles.
  const installState = digest(
    readFileSync(
      join(
        projectRoot,
        existsSync(join(projectRoot, "package-lock.json")) ? "package-lock.json" : "package.json"
      )
    )
  );

  const queue = [...wanted];
  const done = new Set<string>();
  while (queue.length > 0) {
    const specifier = queue.shift()!;
    const key = `${specifier.name}/${specifier.path ?? ""}`;
    if (done.has(key)) continue;
    done.add(key);
    const version = installedVersion(specifier.name, projectRoot)!;
    const folder = join(cache, `${specifier.name}@${version}`);
    mkdirSync(folder, {recursive: true});
    writeIfChanged(
      join(folder, "package.json"),
      readFileSync(installedPackageJson(projectRoot, specifier.name))
    );
    if (specifier.path && posix.extname(specifier.path)) {
      const file = join(dirname(installedPackageJson(projectRoot, specifier.name)), specifier.path);
      if (!existsSync(file))
        throw new Error(`Offline build: ${specifier.name} has no file ${specifier.path}.`);
      const target = join(folder, specifier.path);
      // DuckDB-Wasm's files: the eh build only, its worker patched (scripts/offline/duckdb-files.ts).
      const content =
        specifier.name === "@duckdb/duckdb-wasm"
          ? duckdbFileContent(specifier.path, () => readFileSync(file, "utf-8"))
          : undefined;
      const changed =
        content === undefined ? copyIfChanged(file, target) : writeIfChanged(target, Buffer.from(content));
      if (changed) result.written.push(relative(cache, target));
      continue;
    }
    const outfile = join(folder, specifier.path ? `${specifier.path}._esm.js` : "_esm.js");
    if (!specifier.path) result.bundled.push(`${specifier.name}@${version}`);
    // A bundle depends only on the installed packages and this file's rules: skip it when they are unchanged.
    const stampFile = `${outfile}.stamp`;
    const stamp = digest(JSON.stringify([specifier, version, installState, ENTRY_PATCHES, STAMP_VERSION]));
    if (existsSync(outfile) && existsSync(stampFile) && readFileSync(stampFile, "utf-8") === stamp) {
      queue.push(...(JSON.parse(readFileSync(`${outfile}.deps.json`, "utf-8")) as NpmSpecifier[]));
      continue;
    }
    const discovered: NpmSpecifier[] = [];
    const code = await bundle(projectRoot, specifier, outfile, cache, externalVersion, discovered);
    if (writeIfChanged(outfile, code)) result.written.push(relative(cache, outfile));
    writeFileSync(`${outfile}.deps.json`, JSON.stringify(discovered));
    writeFileSync(stampFile, stamp);
    queue.push(...discovered);
  }

  for (const name of frameworkSpecifiers) {
    if (direct.has(name)) continue;
    const folder = join(cache, `${name}@${NOT_INSTALLED}`);
    mkdirSync(folder, {recursive: true});
    result.placeholders.push(name);
  }
  removeStaleVersions(cache, direct);
  log(
    `npm cache: ${result.bundled.length} packages from node_modules (${result.written.length} files updated), ` +
      `${result.placeholders.length} placeholders`
  );
  return result;
}

/** Explains a Framework error that comes from a placeholder: which package a page needs. */
export function explainMissingPackage(output: string): string | undefined {
  const match = new RegExp(`npm/((?:@[\\w.-]+/)?[\\w.-]+)@${NOT_INSTALLED.replace(/\./g, "\\.")}`).exec(
    output
  );
  if (!match) return undefined;
  return (
    `A page uses the library "${match[1]}" (an implicit import such as _ for lodash or L for leaflet, or npm:${match[1]}),\n` +
    `but it is not a dependency of the kit. Add it with: npm install --save-exact ${match[1]}`
  );
}

function installedPackageJson(projectRoot: string, name: string): string {
  const path = packageJsonPath(name, projectRoot);
  if (!path) throw new Error(`Offline build: ${name} is not installed (run npm ci).`);
  return path;
}

function readDependencies(projectRoot: string): Set<string> {
  const pkg = JSON.parse(readFileSync(join(projectRoot, "package.json"), "utf-8"));
  return new Set(Object.keys(pkg.dependencies ?? {}));
}

/** Node-only dependencies (loaders, CLIs) are not bundled for the browser. */
function isBrowserPackage(name: string): boolean {
  return !NODE_ONLY.has(name);
}

const NODE_ONLY = new Set([
  "@observablehq/framework",
  "@duckdb/node-api",
  "@duckdb/node-bindings",
  "@etalab/decoupage-administratif",
  "csv-parse",
  "iconv-lite",
  "zod",
  "topojson-server",
  "topojson-simplify"
]);

async function bundle(
  projectRoot: string,
  specifier: NpmSpecifier,
  outfile: string,
  cache: string,
  externalVersion: ExternalVersion,
  discovered: NpmSpecifier[]
): Promise<string> {
  const self = specifier.name;
  const entry = specifier.path ? `${self}/${specifier.path}` : self;
  const patch = specifier.path ? undefined : ENTRY_PATCHES[self];
  const externalize: Plugin = {
    name: "sibling-bundles",
    setup(b) {
      b.onResolve({filter: /^[@\w]/}, (args) => {
        if (args.kind === "entry-point") return undefined;
        const target = parseNpmSpecifier(args.path);
        if (target.name === self) return undefined;
        const version = externalVersion(target.name, args.resolveDir);
        if (!version) return undefined;
        discovered.push(target);
        const file = join(
          cache,
          `${target.name}@${version}`,
          target.path ? `${target.path}._esm.js` : "_esm.js"
        );
        let path = relative(dirname(outfile), file).split("\\").join("/");
        if (!path.startsWith(".")) path = `./${path}`;
        return {path, external: true};
      });
    }
  };
  const result = await build({
    absWorkingDir: projectRoot,
    ...(patch
      ? {stdin: {contents: patch, resolveDir: projectRoot, loader: "js" as const}}
      : {entryPoints: [entry]}),
    bundle: true,
    write: false,
    format: "esm",
    platform: "browser",
    target: "es2022",
    minify: true,
    legalComments: "inline",
    logLevel: "silent",
    plugins: [externalize]
  });
  return result.outputFiles[0]!.text;
}

/** The version of the sibling bundle an import points to, or undefined to inline the package. */
type ExternalVersion = (name: string, importerDir: string) => string | undefined;

/**
 * Like jsDelivr's `+esm`, every package is its own bundle, so that a package imported from several others
 * (d3-array, @lezer/common, @codemirror/state…) exists once in the page. A package that is not a direct
 * dependency is made external only when it is an ES module package (CommonJS has no static named exports to
 * link to) and the importer sees the same copy as the project root (a nested, other version is inlined).
 */
function externalVersionResolver(projectRoot: string, direct: Map<string, string>): ExternalVersion {
  return (name, importerDir) => {
    if (direct.has(name)) return direct.get(name);
    if (NODE_ONLY.has(name)) return undefined;
    const fromImporter = packageJsonPath(name, importerDir);
    const fromRoot = packageJsonPath(name, projectRoot);
    if (!fromImporter || fromImporter !== fromRoot) return undefined;
    const pkg = JSON.parse(readFileSync(fromRoot, "utf-8"));
    const esm =
      pkg.type === "module" || Boolean(pkg.module) || JSON.stringify(pkg.exports ?? {}).includes('"import"');
    return esm ? pkg.version : undefined;
  };
}

/** Static files Framework's client resolves with import.meta.resolve("npm:…/file.ext") (wasm, workers). */
function frameworkStaticAssets(dist: string, files: string[]): string[] {
  const specifiers = new Set<string>();
  for (const file of files) {
    const source = readFileSync(join(dist, file), "utf-8");
    for (const [, specifier] of source.matchAll(/import\.meta\.resolve\("npm:([^"]+\.\w+)"\)/g)) {
      if (specifier) specifiers.add(specifier);
    }
  }
  return [...specifiers];
}

function listFiles(root: string, dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(root, dir))) {
    const path = join(dir, entry);
    if (statSync(join(root, path)).isDirectory()) out.push(...listFiles(root, path));
    else if (entry.endsWith(".js")) out.push(path);
  }
  return out;
}

/** Removes cache folders of other versions of installed packages, so Framework never picks a stale one. */
function removeStaleVersions(cache: string, installed: Map<string, string>): void {
  for (const [name, version] of installed) {
    const parent = join(cache, dirname(name));
    if (!existsSync(parent)) continue;
    const base = name.split("/").pop()!;
    for (const entry of readdirSync(parent)) {
      if (entry.startsWith(`${base}@`) && entry !== `${base}@${version}`)
        rmSync(join(parent, entry), {recursive: true});
    }
  }
}

function digest(data: string | Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

function writeIfChanged(path: string, data: string | Buffer): boolean {
  if (existsSync(path) && digest(readFileSync(path)) === digest(data)) return false;
  mkdirSync(dirname(path), {recursive: true});
  writeFileSync(path, data);
  return true;
}

function copyIfChanged(source: string, target: string): boolean {
  if (existsSync(target) && statSync(target).size === statSync(source).size) {
    if (statSync(target).mtimeMs >= statSync(source).mtimeMs) return false;
  }
  mkdirSync(dirname(target), {recursive: true});
  copyFileSync(source, target);
  return true;
}
