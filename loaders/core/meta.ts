/**
 * `<id>.meta.json`: what a table is, where it comes from and whether it is real or demonstration data. The types
 * of its sections are here, beside it; `geo/` computes the reports on commune codes that fill `cog` and
 * `derivedCodes`.
 */
import type {ColumnSpec, MeasureWords} from "./schema.ts";

/** Status shown next to a dataset everywhere: real data, or generated demonstration data. */
export type DataStatus = "réel" | "démonstration";

/** What meta.json takes from a dataset's declaration (`DatasetDeclaration` has it all). */
export interface MetaSubject {
  id: string;
  title: string;
  producer: string;
  licence: string;
  vintage: string;
  columns: readonly ColumnSpec[];
  parts?: readonly {suffix: string}[];
  variants?: readonly {name: string; vintage?: string}[];
}

/** A column as described in meta.json. */
export interface MetaColumn {
  name: string;
  type: string;
  description: string;
  unit?: string;
  /** The column's words as a measure, or false when it is not one (see `ColumnSpec.measure`). */
  measure?: MeasureWords | false;
  nullable: boolean;
}

/** Contents of `<id>.meta.json`. */
export interface DatasetMeta {
  id: string;
  title: string;
  producer: string;
  licence: string;
  vintage: string;
  /** Where the rows come from: portal and dataset, resolved URL, or a local file name. */
  source: {portal: string; dataset?: string; url?: string; file?: string};
  /** ISO date-time of retrieval or loading. */
  retrieved: string;
  /** sha256 of the source file (`null` for data generated in memory). */
  sha256: string | null;
  size: number | null;
  rows: number;
  columns: MetaColumn[];
  status: DataStatus;
  /** Derived tables written beside it (suffixes). */
  parts: string[];
  note?: string;
  /** What the commune codes become in the current COG (tables with commune codes, loaded or fetched). */
  cog?: CogCodeReport;
  /** How many commune codes were derived from names and postal codes, and which names matched none. */
  derivedCodes?: DerivedCodesReport;
  /** Provenance of each part of the rows when they come from several files (e.g. one per level of contours). */
  sources?: SourcePart[];
  /** Cells read as null per numeric column (empty, or a marker such as `NA`, `s`, `nd`), those with any. */
  missing?: Record<string, number>;
}

/** Where one part of a table's rows comes from (a file loaded for it, with its attribution). */
export interface SourcePart {
  /** The part (e.g. the level `commune` of contours). */
  part: string;
  /** Name of the file or folder read (no path). */
  file: string;
  /** sha256 of that file (of a folder: of its files' names and digests). */
  sha256: string;
  /** Attribution of the source, in the user's or the producer's words. */
  attribution: string;
  /** ISO date-time of loading. */
  retrieved: string;
}

/** The columns of a declaration as meta.json describes them. */
export function metaColumns(columns: readonly ColumnSpec[]): MetaColumn[] {
  return columns.map((c) => ({
    name: c.name,
    type: c.type === "code" ? `code:${c.code ?? "commune"}` : c.type,
    description: c.description,
    ...(c.unit ? {unit: c.unit} : {}),
    ...(c.measure !== undefined ? {measure: c.measure} : {}),
    nullable: c.nullable
  }));
}

/** The vintage of a file of `variant`, when its variant declares one (else the declaration's applies). */
export function variantVintage(declaration: MetaSubject, variant: string | undefined): {vintage?: string} {
  const vintage = declaration.variants?.find((v) => v.name === variant)?.vintage;
  return vintage ? {vintage} : {};
}

/** A meta.json for `declaration` with the given provenance (a `vintage` given there wins). */
export function buildMeta(
  declaration: MetaSubject,
  provenance: Pick<DatasetMeta, "source" | "retrieved" | "sha256" | "size" | "rows" | "status"> &
    Partial<Pick<DatasetMeta, "note" | "cog" | "derivedCodes" | "sources" | "vintage" | "missing">>
): DatasetMeta {
  return {
    id: declaration.id,
    title: declaration.title,
    producer: declaration.producer,
    licence: declaration.licence,
    vintage: declaration.vintage,
    ...provenance,
    columns: metaColumns(declaration.columns),
    parts: (declaration.parts ?? []).map((p) => p.suffix)
  };
}

/** Why a code was changed. */
export type MappingReason =
  "ancien-code" | "commune-deleguee" | "commune-associee" | "arrondissement-municipal";

/** The `cog` section of meta.json. */
export interface CogCodeReport {
  /** Commune code column the report is about. */
  column: string;
  /** COG vintage the source is coded in, as the declaration says (null when it does not say). */
  sourceVintage: number | null;
  /**
   * Codes the kit derived from names and postal codes (declarations with `deriveCommuneCode`): distinct codes
   * that only derived rows have, and the COG they were derived from; the other codes are the source's.
   */
  derived?: {codes: number; vintage: number};
  /** COG the codes are checked against. */
  targetVintage: number;
  /** Distinct non-empty codes in the column. */
  codes: number;
  /** Distinct codes of a current commune. */
  current: number;
  /** Distinct codes that map to a current commune, by reason. */
  mapped: number;
  byReason: Record<MappingReason, number>;
  /** Distinct codes that map to no current commune (unknown or malformed), all of them, sorted. */
  unmapped: string[];
  /** The first `MAX_LISTED_CHANGES` (`geo/cog-report.ts`) changes old → current, sorted by old code. */
  changes: {from: string; to: string; reason: MappingReason}[];
}

/** A commune name and postal code that matched no commune, with the number of rows that have them. */
export interface UnmatchedCommune {
  name: string;
  postal: string;
  rows: number;
}

/** The `derivedCodes` section of meta.json. */
export interface DerivedCodesReport {
  column: string;
  marker: string;
  /** What a row is (`lieux`). */
  unit: string;
  /** COG the codes were derived from. */
  vintage: number;
  rows: number;
  /** Rows whose code the file gives. */
  given: number;
  /** Rows whose code was derived from name and postal code. */
  derived: number;
  /** Rows left without a code. */
  missing: number;
  /** Their distinct name and postal code, most rows first, then by name (the first `MAX_LISTED_UNMATCHED` of `geo/commune-derivation.ts`). */
  unmatched: UnmatchedCommune[];
}
