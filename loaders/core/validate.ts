/**
 * Validation of raw records against column declarations. Pure: returns the typed table and EVERY problem found
 * (the caller decides to write nothing when there is one).
 */
import {CODE_NORMALIZERS} from "./codes.ts";
import type {Issue} from "./issues.ts";
import {isMissingNumberMarker, parseFrenchNumber} from "./numbers.ts";
import type {RawFile} from "./records.ts";
import {summarizeColumns, type ColumnSpec} from "./schema.ts";
import {emptyTable, type Cell, type DataTable} from "./table.ts";

/**
 * Hook mapping a commune code of an older COG vintage to the current one (implemented by `loaders/geo/cog.ts`,
 * see `communeMapperFor` in `loaders/commands.ts`). Applied after validation and uniqueness checks.
 */
export type CommuneCodeMapper = (code: string) => string;

/** Options of `validateFile`. */
export interface ValidateOptions {
  dataset: string;
  /** Name of the file variant (e.g. `standard` or `legacy`), for rules restricted to a variant. */
  variant?: string;
  /** Applied to every validated commune code (COG vintage mapping); identity when absent. */
  mapCommune?: CommuneCodeMapper;
}

/** Result of validation: the typed table, and the problems (empty when the file is valid). */
export interface ValidationResult {
  table: DataTable;
  issues: Issue[];
}

const normalizeName = (name: string) => name.trim().replace(/\s+/g, " ").toLowerCase();

/** For each declared column, the source header it is read from (`undefined` when absent). */
export function matchColumns(header: readonly string[], columns: readonly ColumnSpec[]): Map<string, string> {
  const byName = new Map(header.map((h) => [normalizeName(h), h] as const));
  const result = new Map<string, string>();
  for (const column of columns) {
    for (const candidate of [column.name, ...(column.aliases ?? [])]) {
      const found = byName.get(normalizeName(candidate));
      if (found !== undefined) {
        result.set(column.name, found);
        break;
      }
    }
  }
  return result;
}

const appliesTo = (variants: readonly string[] | undefined, variant: string | undefined) =>
  !variants || (variant !== undefined && variants.includes(variant));

function rawText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value).trim();
}

/**
 * Converts one cell; returns the value, or an error message (French). Empty, a null token of the column or, in a
 * numeric column, a missing-number marker (`MISSING_NUMBER_MARKERS`) is null.
 */
export function convertCell(
  column: ColumnSpec,
  raw: unknown,
  options: Pick<ValidateOptions, "variant"> = {}
): {value: Cell} | {error: string} {
  const text = rawText(raw);
  const numeric = column.type === "integer" || column.type === "number";
  if (text === "" || column.nullTokens?.includes(text) || (numeric && isMissingNumberMarker(text))) {
    return column.nullable ? {value: null} : {error: "valeur obligatoire manquante"};
  }
  switch (column.type) {
    case "code": {
      const normalized = CODE_NORMALIZERS[column.code ?? "commune"](text);
      if (normalized === null) return {error: `code ${column.code ?? "commune"} invalide`};
      return {value: normalized};
    }
    case "integer":
    case "number": {
      const number = typeof raw === "number" ? raw : parseFrenchNumber(text);
      if (number === null || !Number.isFinite(number)) return {error: "nombre attendu"};
      if (column.type === "integer" && !Number.isInteger(number)) return {error: "nombre entier attendu"};
      if (column.min !== undefined && number < column.min)
        return {error: `valeur inférieure à ${column.min}`};
      if (column.max !== undefined && number > column.max)
        return {error: `valeur supérieure à ${column.max}`};
      return {value: number};
    }
    case "boolean": {
      const lower = text.toLowerCase();
      if (["true", "oui", "1", "vrai", "o", "yes"].includes(lower)) return {value: true};
      if (["false", "non", "0", "faux", "n", "no"].includes(lower)) return {value: false};
      return {error: "booléen attendu (oui/non)"};
    }
    case "date": {
      const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(text);
      const fr = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text);
      const value = iso ? `${iso[1]}-${iso[2]}-${iso[3]}` : fr ? `${fr[3]}-${fr[2]}-${fr[1]}` : null;
      // A calendar date only: V8 would read 2024-02-30 as 1 March.
      const time = value === null ? NaN : Date.parse(`${value}T00:00:00Z`);
      if (Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== value)
        return {error: "date attendue (AAAA-MM-JJ)"};
      return {value};
    }
    default: {
      if (column.maxLength !== undefined && text.length > column.maxLength) {
        return {error: `texte de plus de ${column.maxLength} caractères`};
      }
      if (column.pattern && appliesTo(column.patternVariants, options.variant)) {
        if (!new RegExp(column.pattern, "u").test(text))
          return {error: `ne respecte pas le motif ${column.pattern}`};
      }
      const allowed = column.allowed;
      if (allowed && appliesTo(allowed.variants, options.variant)) {
        const parts = allowed.separator ? text.split(allowed.separator).map((p) => p.trim()) : [text];
        const unknown = parts.filter((p) => !allowed.values.includes(p));
        if (unknown.length > 0) return {error: `valeur hors vocabulaire : ${unknown.join(", ")}`};
      }
      return {value: text};
    }
  }
}

/** One issue per required column the file lacks, at the header line (`place.line`). */
export function missingColumnIssues(
  columns: readonly ColumnSpec[],
  sources: ReadonlyMap<string, string>,
  place: Pick<Issue, "dataset" | "file" | "line">
): Issue[] {
  return columns
    .filter((column) => !sources.has(column.name) && !column.nullable)
    .map((column) => ({
      ...place,
      column: column.name,
      value: "",
      message: `colonne obligatoire absente (noms acceptés : ${[column.name, ...(column.aliases ?? [])].join(" / ")})`
    }));
}

/**
 * Validates every record of `raw` against `columns`. Missing required columns are reported once (at the header
 * line); every bad cell is reported with its line, column and value; uniqueness is checked per column.
 */
export function validateFile(
  raw: RawFile,
  columns: readonly ColumnSpec[],
  options: ValidateOptions
): ValidationResult {
  const table = emptyTable(summarizeColumns(columns));
  const sources = matchColumns(raw.header, columns);
  const place = {dataset: options.dataset, file: raw.file};
  const issues = missingColumnIssues(columns, sources, {...place, line: raw.headerLine});
  const seen = new Map<string, Map<string, number>>();
  for (const column of columns) if (column.unique) seen.set(column.name, new Map());
  for (const record of raw.records) {
    for (const column of columns) {
      const source = sources.get(column.name);
      const cell = source === undefined ? null : record.values[source];
      const result = convertCell(column, cell, options);
      if ("error" in result) {
        if (source !== undefined || !column.nullable) {
          issues.push({
            ...place,
            line: record.line,
            column: source ?? column.name,
            value: rawText(cell),
            message: result.error
          });
        }
        table.values[column.name]!.push(null);
        continue;
      }
      const unique = seen.get(column.name);
      if (unique && result.value !== null) {
        const key = String(result.value);
        const first = unique.get(key);
        if (first !== undefined) {
          issues.push({
            ...place,
            line: record.line,
            column: source ?? column.name,
            value: key,
            message: `valeur en double (déjà ligne ${first})`
          });
        } else unique.set(key, record.line);
      }
      // Uniqueness is checked on the source's own codes above; a COG mapping may then merge some of them.
      const mapped =
        column.type === "code" && column.code === "commune" && options.mapCommune && result.value !== null
          ? options.mapCommune(result.value as string)
          : result.value;
      table.values[column.name]!.push(mapped);
    }
  }
  table.rowCount = raw.records.length;
  return {table, issues};
}
