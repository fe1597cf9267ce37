/**
 * DuckDB in Node (`@duckdb/node-api`, offline, parquet+json built in): the heavy reading path and the Parquet
 * writer. CSV is always read with `all_varchar` so that codes keep their leading zeros; typing happens in
 * `validate.ts`, the same way as for the light path.
 */
import {DuckDBInstance, type DuckDBAppender, type DuckDBConnection} from "@duckdb/node-api";
import type {RawFile, RawRecord} from "./records.ts";
import type {ColumnType} from "./schema.ts";
import type {DataTable} from "./table.ts";

/** Runs `fn` with a fresh in-memory DuckDB connection, closed afterwards. */
export async function withDuckDB<T>(fn: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    return await fn(connection);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** A SQL string literal. */
export const sqlString = (value: string) => `'${value.replace(/'/g, "''")}'`;
/** A SQL identifier. */
export const sqlIdentifier = (value: string) => `"${value.replace(/"/g, '""')}"`;

/** How DuckDB should read a file. */
export interface DuckReadOptions {
  kind: "csv" | "parquet" | "json";
  /** CSV separator (DuckDB sniffs it when absent). */
  delimiter?: string;
  /** CSV lines to skip before the header. */
  skipLines?: number;
  /**
   * CSV header names, when already known: DuckDB then reads RFC 4180 quoting (`"`, doubled inside) without
   * sniffing the file.
   */
  columns?: readonly string[];
}

/** The `FROM` clause reading a file. CSV is read as UTF-8 text only (transcode Windows-1252 first). */
export function readClause(file: string, options: DuckReadOptions): string {
  if (options.kind === "parquet") return `read_parquet(${sqlString(file)})`;
  if (options.kind === "json") return `read_json_auto(${sqlString(file)})`;
  const parts = [sqlString(file), "all_varchar = true", "header = true"];
  if (options.delimiter) parts.push(`delim = ${sqlString(options.delimiter)}`);
  if (options.skipLines) parts.push(`skip = ${options.skipLines}`);
  if (options.columns) {
    const types = options.columns.map((name) => `${sqlString(name)}: 'VARCHAR'`).join(", ");
    parts.push("auto_detect = false", `quote = '"'`, `escape = '"'`, `columns = {${types}}`);
  }
  return `read_csv(${parts.join(", ")})`;
}

const jsValue = (value: unknown): unknown => (typeof value === "bigint" ? Number(value) : value);

/**
 * Reads a whole file into raw records with DuckDB. Record lines are computed from the row order (exact for
 * files without quoted line breaks).
 */
export async function readWithDuckDB(file: string, options: DuckReadOptions, label = file): Promise<RawFile> {
  return withDuckDB(async (connection) => {
    const result = await connection.stream(`SELECT * FROM ${readClause(file, options)}`);
    const header = result.columnNames();
    const headerLine = options.kind === "csv" ? (options.skipLines ?? 0) + 1 : 0;
    const records: RawRecord[] = [];
    for await (const rows of result.yieldRowsJs()) {
      for (const row of rows) {
        const values: Record<string, unknown> = {};
        header.forEach((name, i) => (values[name] = jsValue(row[i])));
        records.push({line: headerLine + records.length + 1, values});
      }
    }
    return {file: label, header, headerLine, records};
  });
}

const SQL_TYPES: Record<ColumnType, string> = {
  string: "VARCHAR",
  code: "VARCHAR",
  integer: "INTEGER",
  number: "DOUBLE",
  boolean: "BOOLEAN",
  date: "VARCHAR"
};

function appendValue(appender: DuckDBAppender, type: ColumnType, value: unknown): void {
  if (value === null || value === undefined) appender.appendNull();
  else if (type === "integer") appender.appendInteger(value as number);
  else if (type === "number") appender.appendDouble(value as number);
  else if (type === "boolean") appender.appendBoolean(value as boolean);
  else appender.appendVarchar(String(value));
}

/** Loads a table into DuckDB table `name` (dates as VARCHAR, cast on export). */
export async function loadTable(connection: DuckDBConnection, name: string, table: DataTable): Promise<void> {
  const columns = table.columns.map((c) => `${sqlIdentifier(c.name)} ${SQL_TYPES[c.type]}`).join(", ");
  await connection.run(`CREATE OR REPLACE TABLE ${sqlIdentifier(name)} (${columns})`);
  const appender = await connection.createAppender(name);
  const arrays = table.columns.map((c) => table.values[c.name]!);
  for (let row = 0; row < table.rowCount; row++) {
    table.columns.forEach((c, i) => appendValue(appender, c.type, arrays[i]![row]));
    appender.endRow();
  }
  appender.closeSync();
}

/** Writes a table to a Parquet file (zstd) with DuckDB `COPY`; date columns are typed DATE. */
export async function writeParquet(table: DataTable, path: string): Promise<void> {
  await withDuckDB(async (connection) => {
    await loadTable(connection, "t", table);
    const select = table.columns
      .map((c) =>
        c.type === "date"
          ? `CAST(${sqlIdentifier(c.name)} AS DATE) AS ${sqlIdentifier(c.name)}`
          : sqlIdentifier(c.name)
      )
      .join(", ");
    await connection.run(
      `COPY (SELECT ${select} FROM t) TO ${sqlString(path)} (FORMAT parquet, COMPRESSION zstd)`
    );
  });
}
