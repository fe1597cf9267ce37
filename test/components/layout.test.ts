/**
 * The browser components are grouped in folders named by their job (maps, sql, formats…), with one naming style:
 * kebab-case file and folder names, no module left at the root of src/components.
 */
import {readdirSync, statSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";

const DIR = join(import.meta.dirname, "..", "..", "src", "components");
const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\.[a-z]+)*$/;

describe("the layout of the browser components", () => {
  const entries = readdirSync(DIR, {recursive: true, encoding: "utf8"});

  it("names every file and folder in kebab-case", () => {
    const names = entries.flatMap((path) => path.split("/"));
    expect(names.filter((name) => !KEBAB.test(name.replace(/\.d\.ts$/, ".ts")))).toEqual([]);
  });

  it("keeps no module at the root, only the shared type declarations and the tsconfig", () => {
    const root = readdirSync(DIR).filter((f) => !statSync(join(DIR, f)).isDirectory());
    expect(root.filter((f) => !/^observablehq-.*\.d\.ts$|^tsconfig\.json$/.test(f))).toEqual([]);
  });

  it("holds their tests in folders of the same names", () => {
    const folders = readdirSync(DIR).filter((f) => statSync(join(DIR, f)).isDirectory());
    const tests = readdirSync(import.meta.dirname).filter((f) =>
      statSync(join(import.meta.dirname, f)).isDirectory()
    );
    expect(tests.filter((f) => !folders.includes(f))).toEqual([]);
  });
});
