import {readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {measureFile} from "../../../src/components/indicators/indicator-compute.js";
import {declaredMeasures} from "./indicator-fixture.ts";

const declared = declaredMeasures().map((m) => m.value);

/** Framework publishes only the files named literally: every measure needs its line in indicator-files.js. */
describe("src/components/indicators/indicator-files.js", () => {
  const source = readFileSync(
    join(import.meta.dirname, "..", "..", "..", "src", "components", "indicators", "indicator-files.js"),
    "utf8"
  );
  const listed = [
    ...source.matchAll(/"([^"]+)": \(\) =>\s*FileAttachment\("\.\.\/\.\.\/data\/indicateurs\/([^"]+)"\)/g)
  ];
  it("names each measure's file as the data loader writes it", () => {
    expect(listed.length).toBeGreaterThan(0);
    for (const [, measure, file] of listed) expect(file).toBe(measureFile(measure!));
  });
  it("lists every measure of the declared tables (add the lines printed here when a column is added)", () => {
    const keys = new Set(listed.map((m) => m[1]));
    const missing = declared.filter((m) => !keys.has(m));
    expect(
      missing.map((m) => `  "${m}": () => FileAttachment("../../data/indicateurs/${measureFile(m)}"),`)
    ).toEqual([]);
  });
  it("names no column that is not a measure (the build fails on a file the loader does not write)", () => {
    const offered = new Set(declared);
    expect(listed.map((m) => m[1]).filter((m) => !offered.has(m!))).toEqual([]);
  });
});
