/**
 * From a source file on disk to validated tables: pick the parser from the file's extension (CSV light path
 * with csv-parse, or DuckDB for heavy CSV and Parquet; JSON), reshape (`prepare`), validate, derive parts.
 * Throws `ValidationError` with every problem; writes nothing.
 */
import {createHash} from "node:crypto";
import {createReadStream} from "node:fs";
import {mkdtemp, readdir, readFile, rm, stat} from "node:fs/promises";
import {tmpdir} from "node:os";
import {basename, extname, join} from "node:path";
import {parseCsvBytes} from "./csv.ts";
import type {DatasetContext, DatasetDeclaration} from "./dataset.ts";
import {readWithDuckDB} from "./duckdb.ts";
import {prepareDuckCsv} from "./heavy-csv.ts";
import {ValidationError} from "./issues.ts";
import {parseJsonBytes} from "./json.ts";
import type {SourcePart} from "./meta.ts";
import type {NamedTable, OutputTable} from "./outputs.ts";
import {readParquetTable} from "./parquet-table.ts";
import type {RawFile} from "./records.ts";
import {ingestCsvWithSql, sqlPathApplies} from "./sql-ingest.ts";
import type {DataTable} from "./table.ts";
import {validateFile} from "./validate.ts";

/** Options of `ingestFile`. */
export interface IngestOptions extends DatasetContext {
  /** CSV files larger than this (bytes) go through DuckDB instead of csv-parse (default 64 MB). */
  heavyThreshold?: number;
  /** Format when the extension does not tell (`csv`, `json`, `parquet`). */
  format?: string;
}

/** The outcome of ingesting a file. */
export interface IngestResult {
  table: DataTable;
  /** Main table first, then derived parts. */
  tables: NamedTable[];
  variant: string | undefined;
  sha256: string;
  size: number;
}

/** The format of a file from its extension (or the given hint). */
export function formatOf(path: string, hint?: string): "csv" | "json" | "parquet" {
  const ext = (hint ?? extname(path).slice(1)).toLowerCase();
  if (ext === "json" || ext === "geojson") return "json";
  if (ext === "parquet") return "parquet";
  return "csv";
}

/** sha256 and size of a file, streamed. */
export async function hashFile(path: string): Promise<{sha256: string; size: number}> {
  const hash = createHash("sha256");
  let size = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return {sha256: hash.digest("hex"), size};
}

/**
 * sha256 and size of what `load --input` names: a file, or a folder of files (a declaration's `ingest` may take
 * one, e.g. per-département boundary files): then the digest of each file's name and sha256, sorted by name, and
 * the total size.
 */
export async function hashInput(path: string): Promise<{sha256: string; size: number}> {
  if (!(await stat(path)).isDirectory()) return hashFile(path);
  const entries = await readdir(path, {withFileTypes: true});
  const files = entries
    .filter((e) => e.isFile())
    .map((e) => e.name)
    .sort();
  const hash = createHash("sha256");
  let size = 0;
  for (const name of files) {
    const file = await hashFile(join(path, name));
    hash.update(`${name} ${file.sha256}\n`);
    size += file.size;
  }
  return {sha256: hash.digest("hex"), size};
}

/** Reads a heavy CSV into records with DuckDB (declarations the SQL path cannot take: `prepare`, COG mapping…). */
async function readHeavyCsv(declaration: DatasetDeclaration, path: string, label: string): Promise<RawFile> {
  const csv = await prepareDuckCsv(path, declaration.csv);
  try {
    return await readWithDuckDB(csv.path, csv.read, label);
  } finally {
    await csv.cleanup();
  }
}

const DEFAULT_HEAVY = 64 * 1024 * 1024;

/** True when `path` is a CSV over the heavy threshold (read by DuckDB rather than csv-parse). */
async function isHeavyCsv(path: string, options: IngestOptions): Promise<boolean> {
  if (formatOf(path, options.format) !== "csv") return false;
  return (await stat(path)).size > (options.heavyThreshold ?? DEFAULT_HEAVY);
}

/** Parses a source file of `declaration` into raw records (no validation). */
export async function readSource(
  declaration: DatasetDeclaration,
  path: string,
  options: IngestOptions = {}
): Promise<RawFile> {
  const label = basename(path);
  const format = formatOf(path, options.format);
  if (format === "parquet") return readWithDuckDB(path, {kind: "parquet"}, label);
  if (await isHeavyCsv(path, options)) return readHeavyCsv(declaration, path, label);
  const bytes = new Uint8Array(await readFile(path));
  return format === "json" ? parseJsonBytes(bytes, label) : parseCsvBytes(bytes, label, declaration.csv);
}

/**
 * Reshapes, fills derived commune codes (`context.deriveCommuneCodes`), validates and derives the tables of an
 * already-parsed file. Pure apart from the context's functions.
 */
export function validateRaw(
  declaration: DatasetDeclaration,
  raw: RawFile,
  context: DatasetContext = {}
): {table: DataTable; tables: NamedTable[]; variant: string | undefined} {
  const variant = declaration.variants?.find((v) => v.detect(raw.header))?.name;
  const reshaped = declaration.prepare ? declaration.prepare(raw, variant) : raw;
  const derivation = declaration.deriveCommuneCode;
  let prepared = reshaped;
  if (derivation) {
    if (!context.deriveCommuneCodes)
      throw new Error(
        `${declaration.id} : déduction des codes commune non fournie (DatasetContext.deriveCommuneCodes)`
      );
    prepared = context.deriveCommuneCodes(reshaped, derivation, declaration.columns);
  }
  const {table, issues} = validateFile(prepared, declaration.columns, {
    dataset: declaration.id,
    variant,
    ...(context.mapCommune ? {mapCommune: context.mapCommune} : {})
  });
  if (issues.length > 0) throw new ValidationError(issues);
  const tables: NamedTable[] = [{name: declaration.id, table}];
  for (const part of declaration.parts ?? []) {
    tables.push({name: `${declaration.id}-${part.suffix}`, table: part.build(table)});
  }
  return {table, tables, variant};
}

/**
 * Reads and validates a source file.
 * @throws ValidationError listing every problem (dataset, file, line, column, value).
 */
export async function ingestFile(
  declaration: DatasetDeclaration,
  path: string,
  options: IngestOptions = {}
): Promise<IngestResult> {
  const result = await readAndValidate(declaration, path, options);
  return {...result, ...(await hashFile(path))};
}

/** What `convertFile` produced: the main table first, then the derived parts, in memory or as Parquet files. */
export interface ConvertResult {
  tables: OutputTable[];
  rowCount: number;
  variant: string | undefined;
  /** Per-part provenance recorded by a declaration's `ingest`, for the meta. */
  sources?: SourcePart[];
}

/** Runs `fn` with a fresh temporary folder, removed afterwards. */
export async function withWorkDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), "tdathack-work-"));
  try {
    return await fn(dir);
  } finally {
    await rm(dir, {recursive: true, force: true});
  }
}

/**
 * Validates a source file and gets its tables ready for writing. A heavy CSV whose declaration the SQL path
 * can take (`sqlPathApplies`) is validated and normalised by DuckDB and written to `<workDir>/<id>.parquet`
 * without going through JavaScript (parts, if any, are then built from it in memory); other files go through
 * `readAndValidate`. Pass `workDir: null` to validate only.
 * @throws ValidationError (nothing written outside `workDir`).
 */
export async function convertFile(
  declaration: DatasetDeclaration,
  path: string,
  workDir: string | null,
  options: IngestOptions = {}
): Promise<ConvertResult> {
  if (declaration.ingest || !sqlPathApplies(declaration, options) || !(await isHeavyCsv(path, options))) {
    const {table, tables, variant, sources} = await readAndValidate(declaration, path, options);
    return {tables, rowCount: table.rowCount, variant, ...(sources ? {sources} : {})};
  }
  const csv = await prepareDuckCsv(path, declaration.csv);
  try {
    const parquet = workDir === null ? undefined : join(workDir, `${declaration.id}.parquet`);
    const result = await ingestCsvWithSql(declaration, csv, {
      label: basename(path),
      ...(parquet ? {parquet} : {})
    });
    const tables: OutputTable[] = [];
    if (result.table) {
      tables.push({name: declaration.id, parquet: result.table});
      if (declaration.parts?.length) {
        const main = await readParquetTable(result.table);
        for (const part of declaration.parts)
          tables.push({name: `${declaration.id}-${part.suffix}`, table: part.build(main)});
      }
    }
    return {tables, rowCount: result.rowCount, variant: result.variant};
  } finally {
    await csv.cleanup();
  }
}

/**
 * Parses and validates a source file, or hands it to the declaration's own streaming `ingest` (huge files).
 * Heavy CSV files are validated in DuckDB SQL when the declaration allows it (see `convertFile`), then read back.
 * @throws ValidationError listing every problem (the first ones with their count, on the SQL path).
 */
export async function readAndValidate(
  declaration: DatasetDeclaration,
  path: string,
  options: IngestOptions = {}
): Promise<{table: DataTable; tables: NamedTable[]; variant: string | undefined; sources?: SourcePart[]}> {
  if (declaration.ingest) return {...(await declaration.ingest(path, options)), variant: undefined};
  if (sqlPathApplies(declaration, options) && (await isHeavyCsv(path, options))) {
    return withWorkDir(async (dir) => {
      const converted = await convertFile(declaration, path, dir, options);
      const tables = await Promise.all(
        converted.tables.map(async (t) =>
          "parquet" in t ? {name: t.name, table: await readParquetTable(t.parquet)} : t
        )
      );
      return {table: tables[0]!.table, tables, variant: converted.variant};
    });
  }
  return validateRaw(declaration, await readSource(declaration, path, options), options);
}
