import {mkdirSync, mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {collectNpmSpecifiers, parseNpmSpecifier} from "../../scripts/offline/specifiers.ts";

describe("parseNpmSpecifier", () => {
  it("splits scoped names, ranges and sub-paths like Framework does", () => {
    expect(parseNpmSpecifier("d3")).toEqual({name: "d3", path: undefined});
    expect(parseNpmSpecifier("d3@7")).toEqual({name: "d3", range: "7", path: undefined});
    expect(parseNpmSpecifier("@duckdb/duckdb-wasm/dist/duckdb-eh.wasm")).toEqual({
      name: "@duckdb/duckdb-wasm",
      path: "dist/duckdb-eh.wasm"
    });
    expect(parseNpmSpecifier("@observablehq/plot@0.6.17/src/index.js")).toEqual({
      name: "@observablehq/plot",
      range: "0.6.17",
      path: "src/index.js"
    });
  });
});

describe("collectNpmSpecifiers", () => {
  it("finds npm: imports in pages and modules, without ranges, and skips .observablehq", () => {
    const root = mkdtempSync(join(tmpdir(), "specifiers-"));
    mkdirSync(join(root, "components"));
    mkdirSync(join(root, ".observablehq"));
    writeFileSync(join(root, "index.md"), '```js\nimport * as d3 from "npm:d3@7";\nimport "npm:htl";\n```\n');
    writeFileSync(join(root, "components", "map.js"), "import {feature} from 'npm:topojson-client';\n");
    writeFileSync(join(root, ".observablehq", "x.js"), 'import "npm:lodash";\n');
    const found = collectNpmSpecifiers(root);
    expect([...found.keys()].sort()).toEqual(["d3", "htl", "topojson-client"]);
    expect(found.get("topojson-client")).toEqual([join("components", "map.js")]);
  });
});
