/**
 * From a source file on disk to validated tables, one path read top to bottom (`convertFile`): detect how the
 * file is read (`detectReading`: the declaration's `ingest`, DuckDB SQL for a heavy CSV, or records), decode
 * (encoding, `heavy-csv.ts` for DuckDB), parse (`csv.ts`, `json.ts`, `duckdb.ts`), validate (`validate.ts`, or
 * `sql-ingest.ts` in SQL), then the tables are ready to write (`outputs.ts`). Throws `ValidationError` with the
 * problems; writes nothing outside a work folder.
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

const DEFAULT_HEAVY = 64 * 1024 * 1024;

/** How a file is read, decided once (`detectReading`) from the declaration, the context and the file. */
export type Reading =
  /** The declaration's own streaming `ingest` reads, checks and reduces the file (huge files). */
  | {kind: "ingest"}
  /** A heavy CSV validated and normalised in DuckDB SQL, written to Parquet without going through JavaScript. */
  | {kind: "sql"}
  /** Parsed into records (csv-parse, JSON, or DuckDB for Parquet and heavy CSV), then validated in JavaScript. */
  | {kind: "records"; parser: "csv" | "json" | "parquet" | "duckdb-csv"};

/**
 * Step 1, detect: how `path` is read. CSV files larger than `heavyThreshold` go to DuckDB, validated in SQL when
 * the declaration allows it (`sqlPathApplies`); the extension (or `format`) tells the rest.
 */
export async function detectReading(
  declaration: DatasetDeclaration,
  path: string,
  options: IngestOptions = {}
): Promise<Reading> {
  if (declaration.ingest) return {kind: "ingest"};
  const format = formatOf(path, options.format);
  if (format !== "csv") return {kind: "records", parser: format};
  if ((await stat(path)).size <= (options.heavyThreshold ?? DEFAULT_HEAVY))
    return {kind: "records", parser: "csv"};
  return sqlPathApplies(declaration, options) ? {kind: "sql"} : {kind: "records", parser: "duckdb-csv"};
}

/**
 * Steps 2 and 3 for records, decode and parse: the bytes to text (encoding detected, `csv.ts`, or transcoded to
 * UTF-8 for DuckDB, `heavy-csv.ts`), the text to raw records (no validation).
 */
async function parseRecords(
  declaration: DatasetDeclaration,
  path: string,
  parser: Extract<Reading, {kind: "records"}>["parser"]
): Promise<RawFile> {
  const label = basename(path);
  if (parser === "parquet") return readWithDuckDB(path, {kind: "parquet"}, label);
  if (parser === "duckdb-csv") {
    const csv = await prepareDuckCsv(path, declaration.csv);
    try {
      return await readWithDuckDB(csv.path, csv.read, label);
    } finally {
      await csv.cleanup();
    }
  }
  const bytes = new Uint8Array(await readFile(path));
  return parser === "json" ? parseJsonBytes(bytes, label) : parseCsvBytes(bytes, label, declaration.csv);
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

/** The tables of a file read into memory (`ingest` or records), with the declaration's parts. */
type InMemory = {table: DataTable; tables: NamedTable[]; variant: string | undefined; sources?: SourcePart[]};

/** Steps 2 to 4 of a file read into memory: the declaration's `ingest`, or decode, parse and validate. */
async function readInMemory(
  declaration: DatasetDeclaration,
  path: string,
  reading: Exclude<Reading, {kind: "sql"}>,
  options: IngestOptions
): Promise<InMemory> {
  if (reading.kind === "ingest") return {...(await declaration.ingest!(path, options)), variant: undefined};
  return validateRaw(declaration, await parseRecords(declaration, path, reading.parser), options);
}

/**
 * Steps 2 to 5 of a heavy CSV on the SQL path: decode (`prepareDuckCsv`), then parse, validate and write the
 * main table to `<workDir>/<id>.parquet` in DuckDB (`ingestCsvWithSql`; validation only when `workDir` is
 * null); parts, if any, are built from it in memory.
 */
async function convertWithSql(
  declaration: DatasetDeclaration,
  path: string,
  workDir: string | null
): Promise<ConvertResult> {
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
 * Reads a source file from top to bottom — detect (`detectReading`) → decode → parse → validate — and gets its
 * tables ready for writing: a heavy CSV on the SQL path is written to `<workDir>/<id>.parquet` by DuckDB; other
 * files are held in memory. Pass `workDir: null` to validate only. Every way of reading a file goes through here.
 * @throws ValidationError (nothing written outside `workDir`).
 */
export async function convertFile(
  declaration: DatasetDeclaration,
  path: string,
  workDir: string | null,
  options: IngestOptions = {}
): Promise<ConvertResult> {
  const reading = await detectReading(declaration, path, options);
  if (reading.kind === "sql") return convertWithSql(declaration, path, workDir);
  const {table, tables, variant, sources} = await readInMemory(declaration, path, reading, options);
  return {tables, rowCount: table.rowCount, variant, ...(sources ? {sources} : {})};
}

/**
 * `convertFile` with every table in memory: heavy CSV files validated in DuckDB SQL are read back from their
 * Parquet file.
 * @throws ValidationError listing every problem (the first ones with their count, on the SQL path).
 */
export async function readAndValidate(
  declaration: DatasetDeclaration,
  path: string,
  options: IngestOptions = {}
): Promise<InMemory> {
  const reading = await detectReading(declaration, path, options);
  if (reading.kind !== "sql") return readInMemory(declaration, path, reading, options);
  return withWorkDir(async (dir) => {
    const converted = await convertWithSql(declaration, path, dir);
    const tables = await Promise.all(
      converted.tables.map(async (t) =>
        "parquet" in t ? {name: t.name, table: await readParquetTable(t.parquet)} : t
      )
    );
    return {table: tables[0]!.table, tables, variant: converted.variant};
  });
}
