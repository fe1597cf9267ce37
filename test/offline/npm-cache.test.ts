import {existsSync, mkdtempSync, readFileSync, statSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {dirname, join, resolve} from "node:path";
import {beforeAll, describe, expect, it} from "vitest";
import {installedVersion} from "../../scripts/offline/framework-assumptions.ts";
import {
  explainMissingPackage,
  fillNpmCache,
  MissingPackageError,
  NOT_INSTALLED,
  type FillResult
} from "../../scripts/offline/npm-cache.ts";

const projectRoot = resolve(import.meta.dirname, "..", "..");

describe("fillNpmCache", () => {
  let sourceRoot: string;
  let result: FillResult;
  let npm: string;

  beforeAll(async () => {
    sourceRoot = mkdtempSync(join(tmpdir(), "npm-cache-"));
    writeFileSync(join(sourceRoot, "index.md"), '```js\nimport * as d3 from "npm:d3";\n```\n');
    result = await fillNpmCache({projectRoot, sourceRoot});
    npm = join(sourceRoot, ".observablehq", "cache", "_npm");
  }, 120_000);

  it("bundles each browser dependency at its installed version", () => {
    for (const name of ["d3", "@observablehq/plot", "apache-arrow", "@duckdb/duckdb-wasm", "htl", "d3-dsv"]) {
      const version = installedVersion(name, projectRoot);
      expect(result.bundled).toContain(`${name}@${version}`);
      expect(existsSync(join(npm, `${name}@${version}`, "_esm.js"))).toBe(true);
      expect(existsSync(join(npm, `${name}@${version}`, "package.json"))).toBe(true);
    }
  });

  it("does not bundle Node-only dependencies", () => {
    expect(result.bundled.some((b) => b.startsWith("@duckdb/node-api@"))).toBe(false);
    expect(result.bundled.some((b) => b.startsWith("@observablehq/framework@"))).toBe(false);
  });

  it("points imports of another dependency at its sibling bundle, which exists", () => {
    const plotVersion = installedVersion("@observablehq/plot", projectRoot);
    const plot = join(npm, `@observablehq/plot@${plotVersion}`, "_esm.js");
    const source = readFileSync(plot, "utf-8");
    const imports = [...source.matchAll(/from\s*"(\.[^"]+)"/g)].map((m) => m[1]!);
    expect(imports).toContain(`../../d3@${installedVersion("d3", projectRoot)}/_esm.js`);
    for (const path of imports) expect(existsSync(resolve(dirname(plot), path))).toBe(true);
  });

  it("gives a shared ES module dependency its own bundle, like jsDelivr, so that it exists once", () => {
    const d3 = readFileSync(join(npm, `d3@${installedVersion("d3", projectRoot)}`, "_esm.js"), "utf-8");
    const arrayVersion = installedVersion("d3-array", projectRoot);
    expect(d3).toContain(`../d3-array@${arrayVersion}/_esm.js`);
    expect(existsSync(join(npm, `d3-array@${arrayVersion}`, "_esm.js"))).toBe(true);
  });

  it("inlines a CommonJS dependency, which has no static exports to link to", () => {
    const plot = readFileSync(
      join(npm, `@observablehq/plot@${installedVersion("@observablehq/plot", projectRoot)}`, "_esm.js"),
      "utf-8"
    );
    expect(plot).not.toMatch(/interval-tree-1d@/);
    expect(
      existsSync(join(npm, `interval-tree-1d@${installedVersion("interval-tree-1d", projectRoot)}`))
    ).toBe(false);
  });

  it("keeps one Arrow: DuckDB-Wasm imports the apache-arrow bundle instead of inlining it", () => {
    const version = installedVersion("@duckdb/duckdb-wasm", projectRoot);
    const source = readFileSync(join(npm, `@duckdb/duckdb-wasm@${version}`, "_esm.js"), "utf-8");
    expect(source).toContain(`../../apache-arrow@${installedVersion("apache-arrow", projectRoot)}/_esm.js`);
  });

  it("turns DuckDB extension autoloading off in the browser bundle", () => {
    const version = installedVersion("@duckdb/duckdb-wasm", projectRoot);
    const source = readFileSync(join(npm, `@duckdb/duckdb-wasm@${version}`, "_esm.js"), "utf-8");
    expect(source).toContain("SET autoload_known_extensions = false");
    expect(source).toContain("SET autoinstall_known_extensions = false");
  });

  it("copies the static files Framework's client asks for (DuckDB's eh wasm and worker, parquet-wasm)", () => {
    const duckdb = join(
      npm,
      `@duckdb/duckdb-wasm@${installedVersion("@duckdb/duckdb-wasm", projectRoot)}`,
      "dist"
    );
    const installed = join(projectRoot, "node_modules", "@duckdb", "duckdb-wasm", "dist");
    expect(
      readFileSync(join(duckdb, "duckdb-eh.wasm")).equals(readFileSync(join(installed, "duckdb-eh.wasm")))
    ).toBe(true);
    expect(existsSync(join(duckdb, "duckdb-browser-eh.worker.js"))).toBe(true);
    const parquet = join(npm, `parquet-wasm@${installedVersion("parquet-wasm", projectRoot)}`, "esm");
    expect(existsSync(join(parquet, "parquet_wasm_bg.wasm"))).toBe(true);
  });

  it("ships DuckDB-Wasm's eh build only: the mvp files Framework copies anyway are few-byte stubs", () => {
    const duckdb = join(
      npm,
      `@duckdb/duckdb-wasm@${installedVersion("@duckdb/duckdb-wasm", projectRoot)}`,
      "dist"
    );
    expect(statSync(join(duckdb, "duckdb-mvp.wasm")).size).toBeLessThan(100);
    expect(readFileSync(join(duckdb, "duckdb-browser-mvp.worker.js"), "utf-8")).toMatch(/^throw new Error/);
  });

  it("compiles DuckDB's WebAssembly from the fetched response, not from a progress wrapper", () => {
    const worker = readFileSync(
      join(
        npm,
        `@duckdb/duckdb-wasm@${installedVersion("@duckdb/duckdb-wasm", projectRoot)}`,
        "dist",
        "duckdb-browser-eh.worker.js"
      ),
      "utf-8"
    );
    expect(worker).toContain("WebAssembly.instantiateStreaming");
    expect(worker).not.toMatch(/new Response\([^)]*pipeThrough/);
  });

  it("answers libraries Framework knows but the kit does not install with a placeholder folder", () => {
    expect(result.placeholders).toEqual(expect.arrayContaining(["lodash", "leaflet", "echarts"]));
    expect(existsSync(join(npm, `lodash@${NOT_INSTALLED}`))).toBe(true);
    expect(result.placeholders).not.toContain("d3");
  });

  it("is idempotent: a second fill writes nothing", async () => {
    const again = await fillNpmCache({projectRoot, sourceRoot});
    expect(again.written).toEqual([]);
  }, 120_000);
});

describe("a page that imports a package the kit does not have", () => {
  it("fails before the build with the package's name and the command that adds it", async () => {
    const sourceRoot = mkdtempSync(join(tmpdir(), "npm-missing-"));
    writeFileSync(join(sourceRoot, "page.md"), '```js\nimport _ from "npm:lodash";\n```\n');
    const error = await fillNpmCache({projectRoot, sourceRoot}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MissingPackageError);
    expect((error as MissingPackageError).packageName).toBe("lodash");
    expect((error as Error).message).toContain("npm install --save-exact lodash");
    expect((error as Error).message).toContain("page.md");
  });

  it("explains Framework's own failure on an implicit import (such as _ for lodash)", () => {
    const output = `npm:lodash@${NOT_INSTALLED}/+esm → src/.observablehq/cache/_npm/lodash@${NOT_INSTALLED}/_esm.js\nunable to fetch: https://cdn.jsdelivr.net/npm/lodash@${NOT_INSTALLED}/+esm`;
    expect(explainMissingPackage(output)).toContain("npm install --save-exact lodash");
    expect(explainMissingPackage("build /guide → dist/guide.html")).toBeUndefined();
  });
});
