/**
 * From a source file on disk to validated tables: pick the parser from the file's extension (CSV light path
 * with csv-parse, or DuckDB for heavy CSV and Parquet; JSON), reshape (`prepare`), validate, derive parts.
 * Throws `ValidationError` with every problem; writes nothing.
 */
import {createHash} from "node:crypto";
import {open, readFile, stat, writeFile, mkdtemp, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {basename, extname, join} from "node:path";
import iconv from "iconv-lite";
import {createReadStream, createWriteStream} from "node:fs";
import {pipeline} from "node:stream/promises";
import {findHeaderLine, detectDelimiter, parseCsvBytes} from "./csv.ts";
import type {DatasetContext, DatasetDeclaration} from "./dataset.ts";
import {readWithDuckDB} from "./duckdb.ts";
import {ValidationError} from "./issues.ts";
import {parseJsonBytes} from "./json.ts";
import type {NamedTable} from "./outputs.ts";
import type {RawFile} from "./records.ts";
import {detectEncoding, hasUtf8Bom} from "./text.ts";
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

async function readHead(path: string, bytes: number): Promise<Buffer> {
  const handle = await open(path, "r");
  try {
    const buffer = Buffer.alloc(bytes);
    const {bytesRead} = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Reads a heavy CSV with DuckDB, transcoding Windows-1252 to UTF-8 first (DuckDB's latin-1 rejects 0x80–0x9F). */
async function readHeavyCsv(declaration: DatasetDeclaration, path: string, label: string): Promise<RawFile> {
  const head = await readHead(path, 1 << 20);
  // Cut a possibly truncated multi-byte character before checking UTF-8 validity of the sample.
  const encoding = detectEncoding(head.subarray(0, Math.max(0, head.length - 4)), declaration.csv?.encoding);
  const lines = head.toString(encoding === "utf-8" ? "utf8" : "latin1").split(/\r?\n/);
  const format = declaration.csv ?? {};
  const skip =
    format.skipLines === "auto" ? findHeaderLine(lines, format.headerHints ?? []) : (format.skipLines ?? 0);
  const delimiter =
    !format.delimiter || format.delimiter === "auto" ? detectDelimiter(lines[skip] ?? "") : format.delimiter;
  if (encoding === "utf-8" && !hasUtf8Bom(head))
    return readWithDuckDB(path, {kind: "csv", delimiter, skipLines: skip}, label);
  const dir = await mkdtemp(join(tmpdir(), "tdathack-"));
  try {
    const utf8 = join(dir, "utf8.csv");
    if (encoding === "utf-8") {
      // Drop the BOM so that the first header name is exact.
      const bytes = await readFile(path);
      await writeFile(utf8, bytes.subarray(3));
    } else {
      await pipeline(
        createReadStream(path),
        iconv.decodeStream("win1252"),
        iconv.encodeStream("utf8"),
        createWriteStream(utf8)
      );
    }
    return await readWithDuckDB(utf8, {kind: "csv", delimiter, skipLines: skip}, label);
  } finally {
    await rm(dir, {recursive: true, force: true});
  }
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
  const {size} = await stat(path);
  if (format === "csv" && size > (options.heavyThreshold ?? 64 * 1024 * 1024)) {
    return readHeavyCsv(declaration, path, label);
  }
  const bytes = new Uint8Array(await readFile(path));
  return format === "json" ? parseJsonBytes(bytes, label) : parseCsvBytes(bytes, label, declaration.csv);
}

/** Reshapes, validates and derives the tables of an already-parsed file. Pure apart from `mapCommune`. */
export function validateRaw(
  declaration: DatasetDeclaration,
  raw: RawFile,
  context: DatasetContext = {}
): {table: DataTable; tables: NamedTable[]; variant: string | undefined} {
  const variant = declaration.variants?.find((v) => v.detect(raw.header))?.name;
  const prepared = declaration.prepare ? declaration.prepare(raw, variant) : raw;
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

/**
 * Parses and validates a source file, or hands it to the declaration's own streaming `ingest` (huge files).
 * @throws ValidationError listing every problem.
 */
export async function readAndValidate(
  declaration: DatasetDeclaration,
  path: string,
  options: IngestOptions = {}
): Promise<{table: DataTable; tables: NamedTable[]; variant: string | undefined}> {
  if (declaration.ingest) return {...(await declaration.ingest(path, options)), variant: undefined};
  return validateRaw(declaration, await readSource(declaration, path, options), options);
}
