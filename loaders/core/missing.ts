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

/**
 * The report's lines (none when nothing is missing). A column null on all `rows` lines is named apart: it is
 * absent from the file (a declared optional column) or never filled, which is not the same news as a few gaps.
 */
export function formatMissingNumbers(missing: MissingNumbers, rows: number): string[] {
  const entries = Object.entries(missing);
  const partial = entries.filter(([, n]) => n < rows || rows === 0);
  const empty = entries.filter(([, n]) => n >= rows && rows > 0).map(([name]) => name);
  const lines: string[] = [];
  if (partial.length)
    lines.push(
      `valeurs manquantes (vides ou marqueurs NA, -, s, nd…), lues comme nulles : ${partial.map(([name, n]) => `${name} ${n}`).join(", ")}`
    );
  if (empty.length)
    lines.push(
      `colonnes vides sur les ${rows} lignes (absentes du fichier ou jamais renseignées) : ${empty.join(", ")}`
    );
  return lines;
}
