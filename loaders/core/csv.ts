/**
 * The light CSV path (csv-parse, whole file in memory): for small and medium files and for tests. Handles the
 * separator, the encoding, quoting (quoted line breaks included) and disclaimer lines before the header.
 */
import {parse} from "csv-parse/sync";
import {ReadError} from "./read-error.ts";
import type {RawFile, RawRecord} from "./records.ts";
import {decodeText, type Encoding} from "./text.ts";

/** How a CSV source is written. */
export interface CsvFormat {
  /** Field separator; `auto` picks the most frequent of `;` `,` tab `|` on the header line. */
  delimiter?: string | "auto";
  encoding?: Encoding;
  /**
   * Lines to skip before the header. `auto` skips leading lines until one contains one of `headerHints`
   * (e.g. ARCEP's disclaimer line).
   */
  skipLines?: number | "auto";
  /** Column names expected in the header, used by `skipLines: "auto"`. */
  headerHints?: readonly string[];
}

/** Picks the separator of a header line. */
export function detectDelimiter(line: string): string {
  let best = ",";
  let bestCount = 0;
  for (const candidate of [";", ",", "\t", "|"]) {
    const count = line.split(candidate).length - 1;
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}

/** Number of lines before the header: the first line containing one of `hints` (case-insensitive). */
export function findHeaderLine(lines: readonly string[], hints: readonly string[], maxScan = 10): number {
  const wanted = hints.map((h) => h.toLowerCase());
  for (let i = 0; i < Math.min(lines.length, maxScan); i++) {
    const line = lines[i]!.toLowerCase();
    if (wanted.some((h) => line.includes(h))) return i;
  }
  return 0;
}

/**
 * Parses CSV text into raw records keyed by header names.
 * @throws ReadError for a file cut in the middle of its last line; csv-parse's errors (worded by `readFailure`).
 */
export function parseCsvText(text: string, file: string, format: CsvFormat = {}): RawFile {
  const head = text.slice(0, 64 * 1024).split(/\r?\n/);
  const skip =
    format.skipLines === "auto" ? findHeaderLine(head, format.headerHints ?? []) : (format.skipLines ?? 0);
  const headerText = head[skip] ?? "";
  const delimiter =
    !format.delimiter || format.delimiter === "auto" ? detectDelimiter(headerText) : format.delimiter;
  const rows = parse(text, {
    delimiter,
    from_line: skip + 1,
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
    bom: true
  }) as unknown as {record: string[]; info: {lines: number}}[];
  const [first, ...rest] = rows;
  if (!first) return {file, header: [], headerLine: skip + 1, records: []};
  const header = first.record.map((h) => h.trim());
  const last = rest[rest.length - 1];
  if (last && last.record.length < header.length && !/[\r\n]$/.test(text))
    throw new ReadError(
      `dernière ligne incomplète (${last.record.length} cellule(s) sur ${header.length}, sans fin de ligne)`,
      "fichier tronqué : retéléchargez-le",
      {file, line: last.info.lines}
    );
  const records: RawRecord[] = [];
  let line = first.info.lines;
  for (const {record, info} of rest) {
    const values: Record<string, unknown> = {};
    header.forEach((name, i) => (values[name] = record[i] ?? ""));
    // info.lines is the last line of the record; the record starts after the previous one ended.
    records.push({line: line + 1, values});
    line = info.lines;
  }
  return {file, header, headerLine: skip + 1, records};
}

/** Decodes and parses CSV bytes. */
export function parseCsvBytes(bytes: Uint8Array, file: string, format: CsvFormat = {}): RawFile {
  return parseCsvText(decodeText(bytes, format.encoding ?? "auto"), file, format);
}
