/**
 * Writing a dataset's outputs (`<id>.arrow` IPC stream, `<id>.parquet`, `<id>.meta.json`, and derived parts)
 * atomically: everything is written to a temporary folder beside the target, then swapped in with renames. A
 * reader sees the old complete folder or the new complete folder, never a mix.
 */
import {randomBytes} from "node:crypto";
import {copyFile, mkdir, readFile, rename, rm, writeFile} from "node:fs/promises";
import {basename, dirname, join} from "node:path";
import {writeParquet} from "./duckdb.ts";
import type {DatasetMeta} from "./meta.ts";
import {writeArrowFromParquet, type ParquetTable} from "./parquet-table.ts";
import {toArrowStream, type DataTable} from "./table.ts";

/** A table to write under a base name (`<id>` or `<id>-<suffix>`). */
export interface NamedTable {
  name: string;
  table: DataTable;
}

/** A table already written to Parquet by DuckDB (heavy path), to write under a base name. */
export interface NamedParquet {
  name: string;
  parquet: ParquetTable;
}

/** A table to write, in memory or as a Parquet file. */
export type OutputTable = NamedTable | NamedParquet;

/** Moves a file, copying it when the target is on another file system. */
async function moveFile(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EXDEV") throw error;
    await copyFile(from, to);
    await rm(from, {force: true});
  }
}

/**
 * Writes the `.arrow` and `.parquet` of a table into folder `dir`, except a Parquet table's file, which is to be
 * moved there: returned (from, to), for the caller to move once nothing reads it any more.
 */
async function writeTableFiles(dir: string, output: OutputTable): Promise<[string, string][]> {
  const base = join(dir, output.name);
  if ("table" in output) {
    await writeFile(`${base}.arrow`, toArrowStream(output.table));
    await writeParquet(output.table, `${base}.parquet`);
    return [];
  }
  await writeArrowFromParquet(output.parquet, `${base}.arrow`);
  return [[output.parquet.path, `${base}.parquet`]];
}

const tmpSuffix = () => `${process.pid}-${randomBytes(4).toString("hex")}`;

/** Writes bytes to `path` through a temporary file and a rename. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), {recursive: true});
  const tmp = `${path}.tmp-${tmpSuffix()}`;
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, {force: true});
    throw error;
  }
}

/** Writes one Parquet file atomically (a Parquet table's file is moved there). */
export async function writeParquetAtomic(table: DataTable | ParquetTable, path: string): Promise<void> {
  await mkdir(dirname(path), {recursive: true});
  const tmp = `${path}.tmp-${tmpSuffix()}.parquet`;
  try {
    if ("values" in table) await writeParquet(table, tmp);
    else await moveFile(table.path, tmp);
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, {force: true});
    throw error;
  }
}

/**
 * Replaces folder `dir` with the outputs of `tables` (+ `meta` as `<meta.id>.meta.json`) and copies of
 * `extraFiles` (e.g. the downloaded source). Nothing in `dir` changes if any step before the swap fails.
 * `meta` may still be computed (a promise): the table files are written meanwhile, and a rejected `meta` fails
 * the whole write like any other step.
 */
export async function writeOutputFolder(
  dir: string,
  tables: readonly OutputTable[],
  meta: DatasetMeta | Promise<DatasetMeta>,
  extraFiles: readonly string[] = []
): Promise<void> {
  const suffix = tmpSuffix();
  const tmp = join(dirname(dir), `.${basename(dir)}.tmp-${suffix}`);
  const old = join(dirname(dir), `.${basename(dir)}.old-${suffix}`);
  const pending = Promise.resolve(meta);
  pending.catch(() => {}); // awaited below, unless an earlier step failed first
  await mkdir(tmp, {recursive: true});
  try {
    const moves: [string, string][] = [];
    for (const output of tables) moves.push(...(await writeTableFiles(tmp, output)));
    // `meta` may still be reading the Parquet files where they are (the diff, the commune code report).
    const written = await pending;
    for (const [from, to] of moves) await moveFile(from, to);
    await writeFile(join(tmp, `${written.id}.meta.json`), `${JSON.stringify(written, null, 2)}\n`);
    for (const file of extraFiles) await copyFile(file, join(tmp, basename(file)));
  } catch (error) {
    await rm(tmp, {recursive: true, force: true});
    throw error;
  }
  let moved = false;
  try {
    await rename(dir, old);
    moved = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  await rename(tmp, dir);
  if (moved) await rm(old, {recursive: true, force: true});
}

/** Reads `<dir>/<id>.meta.json`, or `null` when absent. */
export async function readMeta(dir: string, id: string): Promise<DatasetMeta | null> {
  try {
    return JSON.parse(await readFile(join(dir, `${id}.meta.json`), "utf8")) as DatasetMeta;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}
