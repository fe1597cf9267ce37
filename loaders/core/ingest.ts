/**
 * From a source file on disk to validated tables, one path read top to bottom (`convertFile`):
 * 1. open (`source-file.ts`): the file checked, a gzip or zip one unpacked;
 * 2. detect (`detectReading`): the declaration's `ingest`, DuckDB SQL for a heavy CSV, or records;
 * 3. decode (`text.ts`, or `heavy-csv.ts` for DuckDB): the encoding, and what is not text refused;
 * 4. parse (`csv.ts`, `json.ts`, `duckdb.ts`);
 * 5. validate (`validate.ts`, or `sql-ingest.ts` in SQL), then the tables are ready to write (`outputs.ts`).
 * Every failure on the way comes out of `convertFile` worded by `readFailure` (`read-error.ts`); nothing is
 * written outside a work folder.
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
import {ReadError, readFailure} from "./read-error.ts";
import {parseJsonBytes} from "./json.ts";
import type {SourcePart} from "./meta.ts";
import type {NamedTable, OutputTable} from "./outputs.ts";
import {readParquetTable} from "./parquet-table.ts";
import type {RawFile} from "./records.ts";
import {openSource, readHead, type OpenedSource} from "./source-file.ts";
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
 * Step 1, detect: how `path` (a plain file, already opened by `openSource`) is read. CSV files larger than
 * `heavyThreshold` go to DuckDB, validated in SQL when the declaration allows it (`sqlPathApplies`); the
 * extension (or `format`) tells the rest, a Parquet file is also told by its first bytes.
 */
export async function detectReading(
  declaration: DatasetDeclaration,
  path: string,
  options: IngestOptions = {}
): Promise<Reading> {
  if (declaration.ingest) return {kind: "ingest"};
  const format = formatOf(path, options.format);
  if (format === "parquet" || (await readHead(path, 4)).toString("latin1") === "PAR1")
    return {kind: "records", parser: "parquet"};
  if (format !== "csv") return {kind: "records", parser: format};
  if ((await stat(path)).size <= (options.heavyThreshold ?? DEFAULT_HEAVY))
    return {kind: "records", parser: "csv"};
  return sqlPathApplies(declaration, options) ? {kind: "sql"} : {kind: "records", parser: "duckdb-csv"};
}

/**
 * Steps 2 and 3 for records, decode and parse: the bytes to text (encoding detected, `text.ts`, or transcoded
 * to UTF-8 for DuckDB in `scratch`, `heavy-csv.ts`), the text to raw records (no validation).
 */
async function parseRecords(
  declaration: DatasetDeclaration,
  source: OpenedSource,
  parser: Extract<Reading, {kind: "records"}>["parser"],
  scratch: string
): Promise<RawFile> {
  const {path, label} = source;
  if (parser === "parquet") return readWithDuckDB(path, {kind: "parquet"}, label);
  if (parser === "duckdb-csv") {
    const csv = await prepareDuckCsv(path, declaration.csv ?? {}, scratch);
    return readWithDuckDB(csv.path, csv.read, label);
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

/**
 * Steps 2 to 5 of a heavy CSV on the SQL path: decode (`prepareDuckCsv`), then parse, validate and write the
 * main table to `<workDir>/<id>.parquet` in DuckDB (`ingestCsvWithSql`; validation only when `workDir` is
 * null); parts, if any, are built from it in memory.
 */
async function convertWithSql(
  declaration: DatasetDeclaration,
  source: OpenedSource,
  workDir: string | null,
  scratch: string
): Promise<ConvertResult> {
  const csv = await prepareDuckCsv(source.path, declaration.csv ?? {}, scratch);
  const parquet = workDir === null ? undefined : join(workDir, `${declaration.id}.parquet`);
  const result = await ingestCsvWithSql(declaration, csv, {
    label: source.label,
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
}

/** A valid file with no data row would replace a good version with nothing: refused. */
function refuseEmpty(result: ConvertResult): ConvertResult {
  if (result.rowCount > 0) return result;
  throw new ReadError(
    "aucune ligne de données (l'en-tête seul, ou un tableau vide)",
    "le fichier exporté est vide : vérifiez les filtres de l'export ou retéléchargez-le"
  );
}

/**
 * Reads a source file from top to bottom and gets its tables ready for writing: open (`openSource`: a
 * compressed file is unpacked) → detect (`detectReading`) → decode → parse → validate. A heavy CSV on the SQL
 * path is written to `<workDir>/<id>.parquet` by DuckDB; other files are held in memory. Pass `workDir: null`
 * to validate only. Every way of reading a file goes through here, and every failure comes out of it worded by
 * `readFailure` (dataset, file, line, hint).
 * @throws ValidationError or ReadError, also for a file with no data row (nothing written outside `workDir`).
 */
export async function convertFile(
  declaration: DatasetDeclaration,
  path: string,
  workDir: string | null,
  options: IngestOptions = {}
): Promise<ConvertResult> {
  const place = {dataset: declaration.id, file: basename(path)};
  try {
    return await withWorkDir(async (scratch) => {
      const source = await openSource(path, scratch, declaration.ingest !== undefined);
      place.file = source.label;
      const reading = await detectReading(declaration, source.path, options);
      if (reading.kind === "sql")
        return refuseEmpty(await convertWithSql(declaration, source, workDir, scratch));
      const {table, tables, variant, sources}: InMemory =
        reading.kind === "ingest"
          ? {...(await declaration.ingest!(source.path, options)), variant: undefined}
          : validateRaw(
              declaration,
              await parseRecords(declaration, source, reading.parser, scratch),
              options
            );
      return refuseEmpty({tables, rowCount: table.rowCount, variant, ...(sources ? {sources} : {})});
    });
  } catch (error) {
    throw readFailure(error, place);
  }
}

/**
 * `convertFile` with every table in memory: heavy CSV files validated in DuckDB SQL are read back from their
 * Parquet file.
 * @throws ValidationError or ReadError, as `convertFile`.
 */
export async function readAndValidate(
  declaration: DatasetDeclaration,
  path: string,
  options: IngestOptions = {}
): Promise<InMemory> {
  return withWorkDir(async (dir) => {
    const converted = await convertFile(declaration, path, dir, options);
    const tables = await Promise.all(
      converted.tables.map(async (t) =>
        "parquet" in t ? {name: t.name, table: await readParquetTable(t.parquet)} : t
      )
    );
    return {
      table: tables[0]!.table,
      tables,
      variant: converted.variant,
      ...(converted.sources ? {sources: converted.sources} : {})
    };
  });
}
