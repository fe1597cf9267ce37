/**
 * Column declarations of a dataset: what each column is called, holds and means. A declaration drives
 * validation (`validate.ts`), the Arrow/Parquet types (`table.ts`, `parquet.ts`) and the schema hash of the lock.
 */
import {createHash} from "node:crypto";
import type {CodeKind} from "./codes.ts";

/** The value types a column may hold once validated. */
export type ColumnType = "string" | "code" | "integer" | "number" | "boolean" | "date";

/** Rule restricting a text column to a controlled vocabulary (optionally multi-valued). */
export interface AllowedValues {
  /** The accepted values. */
  values: readonly string[];
  /** Separator of a multi-valued cell (`|` in the lieux de médiation standard v1); absent = single value. */
  separator?: string;
  /** Names of the file variants the rule applies to (see `DatasetDeclaration.variants`); absent = all. */
  variants?: readonly string[];
}

/**
 * A measure in words a person wrote, declared beside the column (or the table's rows) it counts: what the
 * indicator pages show in titles, legends, KPI cards, exports and tooltips.
 */
export interface MeasureWords {
  /** Short label, capitalised ("Lieux de médiation"). */
  label: string;
  /** What one unit is, plural ("lieux", "habitants", "%", "indice (100 = moyenne)"). */
  unit: string;
  /** The unit after "par" in a ratio with scale 1 ("habitant"); absent: the measure is not a denominator per unit. */
  per?: string;
  /**
   * How rows of a territory combine: `sum` (counts, populations) or `avg` (indices, rates, scores, never added).
   * Absent: guessed from the unit and name.
   */
  within?: "sum" | "avg";
}

/** One column of a dataset. */
export interface ColumnSpec {
  /** Canonical column name in the outputs (English or the standard's name, snake_case). */
  name: string;
  /** Value type after validation. Codes are strings, never numbers. */
  type: ColumnType;
  /** For `type: "code"`: which code, which fixes its normalisation (`035` → `35`, `1001` → `01001`). */
  code?: CodeKind;
  /** What the column means, in French (shown in the catalogue). */
  description: string;
  /** Unit of a measure (`%`, `habitants`, `locaux`), when it has one. */
  unit?: string;
  /**
   * For a numeric column: its words as a measure of the indicator pages, or `false` when it is not a measure (a
   * year, a coordinate, an identifier). Absent: a measure with a machine-made label.
   */
  measure?: MeasureWords | false;
  /** True when an empty cell is allowed (it becomes `null`, never `0`). */
  nullable: boolean;
  /** Names this column had in other vintages or sources of the file; matched case-insensitively. */
  aliases?: readonly string[];
  /** Extra cell values read as `null` (e.g. `s`, `nd` for statistical secrecy). */
  nullTokens?: readonly string[];
  /** Regular expression the (string) value must match, as in a Table Schema `pattern` constraint. */
  pattern?: string;
  /** Variants the `pattern` applies to; absent = all. */
  patternVariants?: readonly string[];
  /** Controlled vocabulary. */
  allowed?: AllowedValues;
  /** Maximum length of a string value. */
  maxLength?: number;
  /** Inclusive bounds of a numeric value. */
  min?: number;
  max?: number;
  /** True when values must be unique within the file. */
  unique?: boolean;
}

/**
 * The columns with their words as measures (`ColumnSpec.measure`), by column name: how a declaration says, in one
 * place beside its columns, what each numeric column measures and which ones are not measures (`false`).
 * @throws Error when a name is not a column (a renamed column must not silently lose its label)
 */
export function withMeasures(
  columns: readonly ColumnSpec[],
  measures: Readonly<Record<string, MeasureWords | false>>
): ColumnSpec[] {
  const names = new Set(columns.map((c) => c.name));
  const unknown = Object.keys(measures).filter((n) => !names.has(n));
  if (unknown.length) throw new Error(`withMeasures : colonnes inconnues ${unknown.join(", ")}`);
  return columns.map((c) => (c.name in measures ? {...c, measure: measures[c.name]!} : c));
}

/** A column as recorded in meta.json and in the lock (name and type only). */
export interface ColumnSummary {
  name: string;
  type: ColumnType;
}

/** The name/type pairs of a column list, in order. */
export function summarizeColumns(columns: readonly ColumnSpec[]): ColumnSummary[] {
  return columns.map((c) => ({name: c.name, type: c.type}));
}

/** A stable hash of the column names and types (order matters): detects a schema change between two fetches. */
export function schemaHash(columns: readonly ColumnSummary[]): string {
  const text = columns.map((c) => `${c.name}:${c.type}`).join("\n");
  return createHash("sha256").update(text).digest("hex").slice(0, 16);
}

/**
 * The column of a commune code (COG), the usual key of a commune-level table: not nullable unless told.
 * `extra` adds or overrides fields (`unique`, `aliases`, `nullable`…).
 */
export function communeCodeColumn(name: string, extra: Partial<ColumnSpec> = {}): ColumnSpec {
  return {
    name,
    type: "code",
    code: "commune",
    description: "Code INSEE de la commune",
    nullable: false,
    ...extra
  };
}
