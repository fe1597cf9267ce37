/**
 * Reading JSON sources: an array of objects, or an object holding one (`{"data": [...]}`, GeoJSON features'
 * `properties` are flattened).
 */
import {ReadError} from "./read-error.ts";
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

/** The 1-based line and column of character `position` of `text`. Pure. */
export function lineColumnAt(text: string, position: number): {line: number; column: number} {
  const before = text.slice(0, position);
  const line = before.split("\n").length;
  return {line, column: position - before.lastIndexOf("\n")};
}

/**
 * `JSON.parse`, its failure worded with the place (line, column) and the hint.
 * @throws ReadError for text that is not JSON, or JSON cut short.
 */
function parseDocument(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const at = /position (\d+)/.exec(message);
    const position = at ? Number(at[1]) : text.length;
    const truncated = /end of JSON input|Unterminated/i.test(message) || position >= text.trimEnd().length;
    throw new ReadError(
      truncated ? "JSON interrompu avant sa fin" : "JSON invalide",
      truncated
        ? "fichier tronqué : retéléchargez-le"
        : "le fichier n'est pas du JSON valide ; vérifiez que c'est le bon fichier",
      lineColumnAt(text, position),
      message
    );
  }
}

/**
 * Parses JSON bytes into raw records; `line` is the 1-based index of the element. The header is the union of
 * keys, in first-seen order.
 * @throws ReadError naming the place when the bytes are not JSON, or the document holds no array of objects.
 */
export function parseJsonBytes(bytes: Uint8Array, file: string): RawFile {
  const document = parseDocument(decodeText(bytes));
  const rows = recordsOf(document);
  if (!rows)
    throw new ReadError(
      Array.isArray(document) || typeof document !== "object" || document === null
        ? "le JSON ne contient pas de tableau d'objets"
        : `le JSON est un objet (clés : ${Object.keys(document).slice(0, 5).join(", ") || "aucune"}), pas un tableau d'objets`,
      'attendu : [{…}, {…}] ou {"data": [{…}]}',
      {file}
    );
  const bad = rows.findIndex((row) => row === null || typeof row !== "object" || Array.isArray(row));
  if (bad >= 0)
    throw new ReadError(`l'élément ${bad + 1} du tableau n'est pas un objet`, "attendu : [{…}, {…}]", {
      file,
      line: bad + 1
    });
  const header = new Set<string>();
  const records = rows.map((values, i) => {
    for (const key of Object.keys(values)) header.add(key);
    return {line: i + 1, values};
  });
  return {file, header: [...header], headerLine: 0, records};
}
