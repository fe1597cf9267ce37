/**
 * Decoding a large CSV for DuckDB: its encoding, separator and header line (from the first megabyte), checked to
 * be text (`checkIsText`), and a UTF-8 copy without BOM when needed (DuckDB's latin-1 rejects Windows-1252's
 * 0x80–0x9F, it does not read UTF-16, and a BOM would stick to the first header name).
 */
import {createReadStream, createWriteStream} from "node:fs";
import {join} from "node:path";
import {pipeline} from "node:stream/promises";
import {parse} from "csv-parse/sync";
import iconv from "iconv-lite";
import {detectDelimiter, findHeaderLine, type CsvFormat} from "./csv.ts";
import type {DuckReadOptions} from "./duckdb.ts";
import {readHead} from "./source-file.ts";
import {checkIsText, detectEncoding, hasUtf8Bom, ICONV_NAMES} from "./text.ts";

/** A CSV DuckDB can read: the file (the source itself or a UTF-8 copy) and how to read it. */
export interface DuckCsv {
  path: string;
  read: DuckReadOptions & {kind: "csv"; delimiter: string; skipLines: number; columns: readonly string[]};
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

/**
 * Finds the encoding, separator and header line of `path`, transcoding it to UTF-8 in `scratch` (streamed) when
 * it is not plain UTF-8.
 * @throws ReadError when the file is not text.
 */
export async function prepareDuckCsv(path: string, format: CsvFormat, scratch: string): Promise<DuckCsv> {
  const size = 1 << 20;
  const head = await readHead(path, size);
  const encoding = detectEncoding(head, format.encoding ?? "auto", head.length < size);
  const text = iconv.decode(head, ICONV_NAMES[encoding]);
  checkIsText(text);
  const lines = text.split(/\r?\n/);
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
  if (encoding === "utf-8" && !hasUtf8Bom(head)) return {path, read};
  const utf8 = join(scratch, "utf8.csv");
  if (encoding === "utf-8") {
    // Drop the BOM so that the first header name is exact.
    await pipeline(createReadStream(path, {start: 3}), createWriteStream(utf8));
  } else {
    await pipeline(
      createReadStream(path),
      iconv.decodeStream(ICONV_NAMES[encoding]),
      iconv.encodeStream("utf8"),
      createWriteStream(utf8)
    );
  }
  return {path: utf8, read};
}
