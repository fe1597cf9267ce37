/**
 * The in-memory result of loading a dataset: column-oriented values plus the column declarations. Conversion to
 * an Arrow table (for the browser, IPC stream format) lives here too.
 */
import {Table, tableFromIPC, tableToIPC, vectorFromArray, type Vector} from "apache-arrow";
import {arrowType} from "./arrow-columns.ts";
import type {ColumnSummary, ColumnType} from "./schema.ts";

/** A validated cell value: dates are ISO `YYYY-MM-DD` strings, codes are strings. */
export type Cell = string | number | boolean | null;

/** A validated dataset held by columns. */
export interface DataTable {
  columns: readonly ColumnSummary[];
  /** One array per column name, all of length `rowCount`. */
  values: Record<string, Cell[]>;
  rowCount: number;
}

/** An empty table with the given columns. */
export function emptyTable(columns: readonly ColumnSummary[]): DataTable {
  const values: Record<string, Cell[]> = {};
  for (const c of columns) values[c.name] = [];
  return {columns, values, rowCount: 0};
}

/** Builds a table from row objects (missing keys become `null`). */
export function tableFromRows(
  columns: readonly ColumnSummary[],
  rows: readonly Record<string, Cell | undefined>[]
): DataTable {
  const table = emptyTable(columns);
  for (const row of rows) {
    for (const c of columns) table.values[c.name]!.push(row[c.name] ?? null);
  }
  table.rowCount = rows.length;
  return table;
}

/** Row `i` of a table as an object. */
export function rowAt(table: DataTable, i: number): Record<string, Cell> {
  const row: Record<string, Cell> = {};
  for (const c of table.columns) row[c.name] = table.values[c.name]![i] ?? null;
  return row;
}

function toArrowValue(type: ColumnType, value: Cell): unknown {
  if (value === null) return null;
  if (type === "date") return new Date(`${value as string}T00:00:00Z`);
  return value;
}

/** Converts a table to an Arrow table with one typed vector per declared column. */
export function toArrow(table: DataTable): Table {
  const vectors: Record<string, Vector> = {};
  for (const c of table.columns) {
    const values = table.values[c.name]!.map((v) => toArrowValue(c.type, v));
    vectors[c.name] = vectorFromArray(values, arrowType(c.type));
  }
  return new Table(vectors);
}

/** Arrow IPC **stream** bytes of a table (the format DuckDB-Wasm and Framework's `.arrow()` read). */
export function toArrowStream(table: DataTable): Uint8Array {
  return tableToIPC(toArrow(table), "stream");
}

function fromArrowValue(type: ColumnType, value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (type === "date") {
    const date = value instanceof Date ? value : new Date(Number(value));
    return date.toISOString().slice(0, 10);
  }
  if (typeof value === "bigint") return Number(value);
  return value as Cell;
}

/** Reads Arrow IPC bytes back into a table (its first `limit` rows when given), using `columns` for the types. */
export function fromArrowStream(
  bytes: Uint8Array,
  columns: readonly ColumnSummary[],
  limit = Infinity
): DataTable {
  const arrow = tableFromIPC(bytes);
  const rowCount = Math.min(arrow.numRows, limit);
  const table = emptyTable(columns);
  for (const c of columns) {
    const vector = arrow.getChild(c.name);
    const out = table.values[c.name]!;
    for (let i = 0; i < rowCount; i++) out.push(fromArrowValue(c.type, vector?.get(i)));
  }
  table.rowCount = rowCount;
  return table;
}
