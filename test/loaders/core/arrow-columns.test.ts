/**
 * `arrow-columns.ts` and `writeArrowFromParquet`: DuckDB's vectors copied into Arrow record batches give the
 * same Arrow table as `toArrowStream` on the same table in memory (types, nulls, long and non-ASCII strings,
 * booleans, dates, several DuckDB chunks and record batches, no rows).
 */
import {mkdtemp, readFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {tableFromIPC} from "apache-arrow";
import {describe, expect, it} from "vitest";
import {arrowSchema} from "../../../loaders/core/arrow-columns.ts";
import {writeParquet} from "../../../loaders/core/duckdb.ts";
import {writeArrowFromParquet} from "../../../loaders/core/parquet-table.ts";
import type {ColumnSummary} from "../../../loaders/core/schema.ts";
import {
  emptyTable,
  fromArrowStream,
  toArrow,
  toArrowStream,
  type DataTable
} from "../../../loaders/core/table.ts";

const COLUMNS: ColumnSummary[] = [
  {name: "code", type: "code"},
  {name: "nom", type: "string"},
  {name: "n", type: "integer"},
  {name: "x", type: "number"},
  {name: "ok", type: "boolean"},
  {name: "jour", type: "date"}
];

/** A deterministic table of `rows` rows with nulls in every column. */
function sample(rows: number): DataTable {
  const table = emptyTable(COLUMNS);
  for (let i = 0; i < rows; i++) {
    const v = table.values;
    v.code!.push(i % 11 === 0 ? null : String(i % 97_000).padStart(5, "0"));
    // Short (inlined in DuckDB's vector), long (behind a pointer), non-ASCII and empty strings.
    v.nom!.push(
      i % 13 === 0 ? null : i % 3 === 0 ? `Saint-Étienne-de-Saint-Geoirs n°${i}` : i % 7 === 0 ? "" : `é${i}`
    );
    v.n!.push(i % 5 === 0 ? null : i * (i % 2 === 0 ? 1 : -1));
    v.x!.push(i % 6 === 0 ? null : i / 8);
    v.ok!.push(i % 4 === 0 ? null : i % 3 === 0);
    v.jour!.push(
      i % 9 === 0
        ? null
        : new Date(Date.UTC(1960 + (i % 90), i % 12, 1 + (i % 28))).toISOString().slice(0, 10)
    );
  }
  table.rowCount = rows;
  return table;
}

async function viaParquet(table: DataTable): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), "arrow-columns-"));
  const parquet = join(dir, "t.parquet");
  await writeParquet(table, parquet);
  await writeArrowFromParquet(
    {columns: table.columns, rowCount: table.rowCount, path: parquet},
    join(dir, "t.arrow")
  );
  return new Uint8Array(await readFile(join(dir, "t.arrow")));
}

describe("writeArrowFromParquet(table, path)", () => {
  it("writes what toArrowStream writes, over several DuckDB chunks and record batches", async () => {
    // 70,003 rows: 35 chunks of 2,048 rows (the last one partial) and two record batches of 65,536 rows at most.
    const table = sample(70_003);
    const bytes = await viaParquet(table);
    const arrow = tableFromIPC(bytes);
    expect(arrow.batches.length).toBe(2);
    expect(arrow.schema.fields.map(String)).toEqual(
      tableFromIPC(toArrowStream(table)).schema.fields.map(String)
    );
    expect(fromArrowStream(bytes, COLUMNS)).toEqual(table);
  });

  it("writes the schema of a table without rows", async () => {
    const bytes = await viaParquet(emptyTable(COLUMNS));
    const arrow = tableFromIPC(bytes);
    expect(arrow.numRows).toBe(0);
    expect(arrow.schema.fields.map(String)).toEqual(
      COLUMNS.map((c) => String(toArrow(emptyTable([c])).schema.fields[0]))
    );
  });
});

describe("arrowSchema(columns)", () => {
  it("gives one nullable field per column, typed as toArrow types it", () => {
    const schema = arrowSchema(COLUMNS);
    expect(schema.fields.every((f) => f.nullable)).toBe(true);
    expect(schema.fields.map(String)).toEqual(toArrow(sample(3)).schema.fields.map(String));
  });
});
