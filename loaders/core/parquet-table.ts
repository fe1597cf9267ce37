/**
 * A validated table that lives in a Parquet file written by DuckDB (the heavy path), never whole in
 * JavaScript: its Arrow IPC stream is written batch by batch; its rows are read back only when asked for.
 */
import {open} from "node:fs/promises";
import {DuckDBInstance} from "@duckdb/node-api";
import {RecordBatchStreamWriter} from "apache-arrow";
import {DUCKDB_TYPES, RecordBatchAccumulator} from "./arrow-columns.ts";
import {sqlIdentifier, sqlString} from "./duckdb.ts";
import type {ColumnSummary} from "./schema.ts";
import {emptyTable, type Cell, type DataTable} from "./table.ts";

/** A table stored as a Parquet file, with its declared columns. */
export interface ParquetTable {
  columns: readonly ColumnSummary[];
  rowCount: number;
  /** The Parquet file (zstd, typed as `writeParquet` types a `DataTable`). */
  path: string;
}

/** The SELECT list reading `columns` as table cells (dates as `YYYY-MM-DD` text). */
const cellSelect = (columns: readonly ColumnSummary[]) =>
  columns
    .map((c) =>
      c.type === "date"
        ? `CAST(${sqlIdentifier(c.name)} AS VARCHAR) AS ${sqlIdentifier(c.name)}`
        : sqlIdentifier(c.name)
    )
    .join(", ");

/**
 * Yields the columns of a query's result in batches of about `batchRows` rows: one array of values per
 * column, as `@duckdb/node-api` converts them (strings, numbers, booleans, null).
 */
async function* columnBatches(sql: string, batchRows: number): AsyncGenerator<unknown[][]> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    const result = await connection.stream(sql);
    const width = result.columnCount;
    const fresh = () => Array.from({length: width}, (): unknown[] => []);
    let batch = fresh();
    for (
      let chunk = await result.fetchChunk();
      chunk && chunk.rowCount > 0;
      chunk = await result.fetchChunk()
    ) {
      for (let i = 0; i < width; i++) {
        const out = batch[i]!;
        for (const value of chunk.getColumnValues(i)) out.push(value);
      }
      if (batch[0]!.length >= batchRows) {
        yield batch;
        batch = fresh();
      }
    }
    if (batch[0]!.length > 0) yield batch;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

const BATCH_ROWS = 65_536;

/** Yields the rows of a Parquet table in file order, in batches of about `batchRows` rows (small `DataTable`s). */
export async function* parquetBatches(
  table: ParquetTable,
  batchRows = BATCH_ROWS
): AsyncGenerator<DataTable> {
  const sql = `SELECT ${cellSelect(table.columns)} FROM read_parquet(${sqlString(table.path)})`;
  for await (const columns of columnBatches(sql, batchRows)) {
    const batch = emptyTable(table.columns);
    table.columns.forEach((c, i) => (batch.values[c.name] = columns[i] as Cell[]));
    batch.rowCount = columns[0]!.length;
    yield batch;
  }
}

/** Reads a whole Parquet table into memory (for derived parts and tests; avoid on millions of rows). */
export async function readParquetTable(table: ParquetTable): Promise<DataTable> {
  const all = emptyTable(table.columns);
  for await (const batch of parquetBatches(table)) {
    for (const c of table.columns) {
      const out = all.values[c.name]!;
      for (const value of batch.values[c.name]!) out.push(value);
    }
    all.rowCount += batch.rowCount;
  }
  return all;
}

/**
 * Writes the Arrow IPC stream of a Parquet table to `path`, one record batch of about 65,536 rows at a time
 * (bounded memory), copied from DuckDB's vectors (`arrow-columns.ts`). The schema is the one `toArrowStream`
 * gives the same table held in memory.
 */
export async function writeArrowFromParquet(table: ParquetTable, path: string): Promise<void> {
  const select = table.columns
    .map((c) => `CAST(${sqlIdentifier(c.name)} AS ${DUCKDB_TYPES[c.type]}) AS ${sqlIdentifier(c.name)}`)
    .join(", ");
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  const writer = new RecordBatchStreamWriter();
  const file = await open(path, "w");
  try {
    const pump = (async () => {
      for await (const bytes of writer) await file.write(bytes);
    })();
    let wrote = false;
    try {
      const result = await connection.stream(`SELECT ${select} FROM read_parquet(${sqlString(table.path)})`);
      const batch = new RecordBatchAccumulator(table.columns);
      // The next chunk is read by DuckDB while this one is copied.
      const fetch = () => {
        const chunk = result.fetchChunk();
        chunk.catch(() => {}); // awaited below, unless copying failed first
        return chunk;
      };
      let next = fetch();
      for (let chunk = await next; chunk && chunk.rowCount > 0; chunk = await next) {
        next = fetch();
        batch.append(chunk);
        if (batch.rowCount >= BATCH_ROWS) {
          writer.write(batch.take());
          wrote = true;
        }
      }
      if (batch.rowCount > 0 || !wrote) writer.write(batch.take());
    } finally {
      writer.close();
      await pump;
    }
  } finally {
    await file.close();
    connection.closeSync();
    instance.closeSync();
  }
}

/** The distinct non-null values of column `key`, as text (for `VersionSummary.keys`). */
export async function parquetKeys(table: ParquetTable, key: string): Promise<Set<string>> {
  const keys = new Set<string>();
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    const result = await connection.stream(
      `SELECT DISTINCT CAST(${sqlIdentifier(key)} AS VARCHAR) FROM read_parquet(${sqlString(table.path)}) WHERE ${sqlIdentifier(key)} IS NOT NULL`
    );
    for (
      let chunk = await result.fetchChunk();
      chunk && chunk.rowCount > 0;
      chunk = await result.fetchChunk()
    ) {
      for (const value of chunk.getColumnValues(0)) keys.add(String(value));
    }
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  return keys;
}
