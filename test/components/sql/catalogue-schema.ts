/**
 * Empty DuckDB tables (Node) with the columns the catalogue declares, under the workshop's SQL names, so that
 * queries written for the browser can be checked against the declarations.
 */
import type {DuckDBConnection} from "@duckdb/node-api";
import {metaColumns, type MetaColumn} from "../../../loaders/core/meta.ts";
import {DATASETS} from "../../../loaders/registry.ts";
import {sqlTableName} from "../../../src/components/sql/sql-tables.js";

/** Served name → declared columns (meta form), for every dataset and part. */
export function declaredTables(): Map<string, MetaColumn[]> {
  const out = new Map<string, MetaColumn[]>();
  for (const d of DATASETS) {
    out.set(d.id, metaColumns(d.columns));
    for (const p of d.parts ?? []) out.set(`${d.id}-${p.suffix}`, metaColumns(p.columns));
  }
  return out;
}

/** The DuckDB type of a meta column type. */
export function duckdbType(type: string): string {
  if (type === "integer") return "BIGINT";
  if (type === "number") return "DOUBLE";
  if (type === "date") return "DATE";
  if (type === "boolean") return "BOOLEAN";
  return "VARCHAR";
}

/** Creates every declared table, empty. */
export async function createDeclaredTables(connection: DuckDBConnection): Promise<void> {
  for (const [name, columns] of declaredTables()) {
    const list = columns.map((c) => `"${c.name}" ${duckdbType(c.type)}`).join(", ");
    await connection.run(`CREATE TABLE ${sqlTableName(name)} (${list})`);
  }
}
