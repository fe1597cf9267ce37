/**
 * Getting a large CSV ready for DuckDB: its separator and header line (from the first megabyte), and a UTF-8
 * copy without BOM when needed (DuckDB's latin-1 rejects Windows-1252's 0x80–0x9F, and a BOM would stick to the
 * first header name).
 */
import {createReadStream, createWriteStream} from "node:fs";
import {mkdtemp, open, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {pipeline} from "node:stream/promises";
import {parse} from "csv-parse/sync";
import iconv from "iconv-lite";
import {detectDelimiter, findHeaderLine, type CsvFormat} from "./csv.ts";
import type {DuckReadOptions} from "./duckdb.ts";
import {detectEncoding, hasUtf8Bom} from "./text.ts";

/** A CSV DuckDB can read: the file (the source itself or a UTF-8 copy) and how to read it. */
export interface DuckCsv {
  path: string;
  read: DuckReadOptions & {kind: "csv"; delimiter: string; skipLines: number; columns: readonly string[]};
  /** Removes the UTF-8 copy, if one was made. */
  cleanup: () => Promise<void>;
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

/** True when `head` is valid UTF-8, a multi-byte character cut at its end aside (unless `complete`). */
function isUtf8Start(head: Uint8Array, complete: boolean): boolean {
  try {
    new TextDecoder("utf-8", {fatal: true}).decode(head, {stream: !complete});
    return true;
  } catch {
    return false;
  }
}

/**
 * The column names of a header line, trimmed as the light path trims them; a repeated name is renamed in all
 * but its last occurrence (whose cells the light path keeps).
 */
export function headerNames(line: string, delimiter: string): string[] {
  const [names = []] = parse(line.replace(/^\uFEFF/, ""), {
    delimiter,
    relax_column_count: true
  }) as string[][];
  const trimmed = names.map((name) => name.trim());
  return trimmed.map((name, i) => (trimmed.indexOf(name, i + 1) >= 0 ? `${name} (${i + 1})` : name));
}

/** Finds the separator and header line of `path`, transcoding to UTF-8 (streamed) when it is not plain UTF-8. */
export async function prepareDuckCsv(path: string, format: CsvFormat = {}): Promise<DuckCsv> {
  const size = 1 << 20;
  const head = await readHead(path, size);
  const encoding =
    format.encoding && format.encoding !== "auto"
      ? detectEncoding(head, format.encoding)
      : hasUtf8Bom(head) || isUtf8Start(head, head.length < size)
        ? "utf-8"
        : "windows-1252";
  const lines = head.toString(encoding === "utf-8" ? "utf8" : "latin1").split(/\r?\n/);
  const skipLines =
    format.skipLines === "auto" ? findHeaderLine(lines, format.headerHints ?? []) : (format.skipLines ?? 0);
  const delimiter =
    !format.delimiter || format.delimiter === "auto"
      ? detectDelimiter(lines[skipLines] ?? "")
      : format.delimiter;
  const read = {
    kind: "csv" as const,
    delimiter,
    skipLines,
    columns: headerNames(lines[skipLines] ?? "", delimiter)
  };
  if (encoding === "utf-8" && !hasUtf8Bom(head)) return {path, read, cleanup: async () => {}};
  const dir = await mkdtemp(join(tmpdir(), "tdathack-"));
  const cleanup = () => rm(dir, {recursive: true, force: true});
  try {
    const utf8 = join(dir, "utf8.csv");
    if (encoding === "utf-8") {
      // Drop the BOM so that the first header name is exact.
      await pipeline(createReadStream(path, {start: 3}), createWriteStream(utf8));
    } else {
      await pipeline(
        createReadStream(path),
        iconv.decodeStream("win1252"),
        iconv.encodeStream("utf8"),
        createWriteStream(utf8)
      );
    }
    return {path: utf8, read, cleanup};
  } catch (error) {
    await cleanup();
    throw error;
  }
}
