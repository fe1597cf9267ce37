/**
 * `ingest.ts`: how a file is read is decided once, from the declaration, the context and the file
 * (`detectReading`), and `convertFile` follows that one path.
 */
import {mkdtemp, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import type {DatasetDeclaration} from "../../../loaders/core/dataset.ts";
import {convertFile, detectReading} from "../../../loaders/core/ingest.ts";
import {generatedDeclaration} from "../../../loaders/core/generated-declaration.ts";

const declaration = generatedDeclaration("essai", [
  {name: "code", type: "code", code: "commune", description: "", nullable: false}
]);

async function file(name: string, text: string): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), "ingest-")), name);
  await writeFile(path, text);
  return path;
}

describe("detectReading(declaration, path, options)", () => {
  it("reads small CSV and JSON files as records, Parquet with DuckDB", async () => {
    const csv = await file("a.csv", "code\n01001\n");
    expect(await detectReading(declaration, csv)).toEqual({kind: "records", parser: "csv"});
    expect(await detectReading(declaration, await file("a.json", "[]"))).toEqual({
      kind: "records",
      parser: "json"
    });
    expect(await detectReading(declaration, csv, {format: "parquet"})).toEqual({
      kind: "records",
      parser: "parquet"
    });
  });

  it("validates a heavy CSV in SQL unless the declaration or the context needs JavaScript", async () => {
    const csv = await file("a.csv", "code\n01001\n");
    expect(await detectReading(declaration, csv, {heavyThreshold: 0})).toEqual({kind: "sql"});
    const reshaped: DatasetDeclaration = {...declaration, prepare: (raw) => raw};
    expect(await detectReading(reshaped, csv, {heavyThreshold: 0})).toEqual({
      kind: "records",
      parser: "duckdb-csv"
    });
    expect(await detectReading(declaration, csv, {heavyThreshold: 0, mapCommune: (c) => c})).toEqual({
      kind: "records",
      parser: "duckdb-csv"
    });
  });

  it("hands the file to the declaration's own ingest when it has one", async () => {
    const csv = await file("a.csv", "code\n01001\n");
    const table = {columns: [{name: "code", type: "code" as const}], values: {code: ["01001"]}, rowCount: 1};
    const own = {...declaration, ingest: async () => ({table, tables: [{name: "essai", table}]})};
    expect(await detectReading(own, csv, {heavyThreshold: 0})).toEqual({kind: "ingest"});
    expect(await convertFile(own, csv, null)).toEqual({
      tables: [{name: "essai", table}],
      rowCount: 1,
      variant: undefined
    });
  });
});

describe("convertFile(declaration, path, workDir)", () => {
  it("gives the same main table on every path", async () => {
    const csv = await file("a.csv", "code\n1001\n2A004\n");
    const light = await convertFile(declaration, csv, null);
    expect(light.tables[0]).toEqual({
      name: "essai",
      table: {columns: [{name: "code", type: "code"}], values: {code: ["01001", "2A004"]}, rowCount: 2}
    });
    const heavy = await convertFile(declaration, csv, null, {heavyThreshold: 0});
    expect(heavy.rowCount).toBe(2);
    const records = await convertFile({...declaration, prepare: (raw) => raw}, csv, null, {
      heavyThreshold: 0
    });
    expect(records.tables[0]).toEqual(light.tables[0]);
  });
});
