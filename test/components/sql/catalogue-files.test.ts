import {readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {servedNames} from "../../../loaders/site/data-archive.ts";

/** Framework publishes only the files named literally: every served table needs its line in catalogue-files.js. */
describe("src/components/sql/catalogue-files.js", () => {
  const source = readFileSync(
    join(import.meta.dirname, "..", "..", "..", "src", "components", "sql", "catalogue-files.js"),
    "utf8"
  );
  const listed = [
    ...source.matchAll(
      /"?([\w-]+)"?: \(\) =>\s*FileAttachment\("\.\.\/\.\.\/data\/donnees\/([^"]+)\.parquet"\)/g
    )
  ];
  it("names each served table's Parquet file under its own name", () => {
    for (const [, key, file] of listed) expect(file).toBe(key);
  });
  it("lists every served table (add a line there when a dataset or part is added)", () => {
    const keys = listed.map((m) => m[1]);
    expect(servedNames().filter((n) => !keys.includes(n))).toEqual([]);
  });
});
