/**
 * Reading JSON sources: an array of objects, or an object holding one (`{"data": [...]}`, GeoJSON features'
 * `properties` are flattened).
 */
import type {RawFile} from "./records.ts";
import {decodeText} from "./text.ts";

function recordsOf(document: unknown): Record<string, unknown>[] | null {
  if (Array.isArray(document)) return document as Record<string, unknown>[];
  if (document && typeof document === "object") {
    const object = document as Record<string, unknown>;
    if (Array.isArray(object.features)) {
      return object.features.map((f: {properties?: Record<string, unknown>}) => f.properties ?? {});
    }
    for (const key of ["data", "records", "results", "lieux", "items"]) {
      if (Array.isArray(object[key])) return object[key] as Record<string, unknown>[];
    }
  }
  return null;
}

/**
 * Parses JSON bytes into raw records; `line` is the 1-based index of the element. The header is the union of
 * keys, in first-seen order.
 * @throws Error naming the file when the document holds no array of objects.
 */
export function parseJsonBytes(bytes: Uint8Array, file: string): RawFile {
  const rows = recordsOf(JSON.parse(decodeText(bytes)));
  if (!rows) throw new Error(`${file} : le JSON ne contient pas de tableau d'objets`);
  const header = new Set<string>();
  const records = rows.map((values, i) => {
    for (const key of Object.keys(values ?? {})) header.add(key);
    return {line: i + 1, values: values ?? {}};
  });
  return {file, header: [...header], headerLine: 0, records};
}
