/**
 * The load report's count of missing numbers: per numeric column of a validated table, the cells read as null
 * (empty, or a marker such as `NA`, `-`, `s`, `nd`, `n.d.`). The same on both reading paths, as it is counted
 * on the table about to be written (in memory, or the Parquet file DuckDB wrote).
 */
import {sqlIdentifier, sqlString, withDuckDB} from "./duckdb.ts";
import type {OutputTable} from "./outputs.ts";

/** Missing cells per numeric column, for the columns that have any, in column order. */
export type MissingNumbers = Record<string, number>;

/** Counts the missing cells of each numeric column of `output`. */
export async function countMissingNumbers(output: OutputTable): Promise<MissingNumbers> {
  const columns = ("table" in output ? output.table : output.parquet).columns.filter(
    (c) => c.type === "integer" || c.type === "number"
  );
  if (columns.length === 0) return {};
  let counts: number[];
  if ("table" in output) {
    counts = columns.map((c) => output.table.values[c.name]!.filter((v) => v === null).length);
  } else {
    const select = columns.map((c, i) => `count(*) - count(${sqlIdentifier(c.name)}) AS m${i}`).join(", ");
    const [row] = await withDuckDB(async (connection) =>
      (
        await connection.runAndReadAll(
          `SELECT ${select} FROM read_parquet(${sqlString(output.parquet.path)})`
        )
      ).getRowObjectsJS()
    );
    counts = columns.map((_, i) => Number(row![`m${i}`]));
  }
  return Object.fromEntries(columns.flatMap((c, i) => (counts[i]! > 0 ? [[c.name, counts[i]!]] : [])));
}

/** The report's line (none when nothing is missing). */
export function formatMissingNumbers(missing: MissingNumbers): string[] {
  const entries = Object.entries(missing);
  if (entries.length === 0) return [];
  const list = entries.map(([name, n]) => `${name} ${n}`).join(", ");
  return [`valeurs manquantes (vides ou marqueurs NA, -, s, nd…), lues comme nulles : ${list}`];
}
