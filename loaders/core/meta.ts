/**
 * `<id>.meta.json`: what a table is, where it comes from and whether it is real or demonstration data.
 */
import type {DataStatus, DatasetDeclaration} from "./dataset.ts";
import type {DerivedCodesReport} from "../geo/commune-derivation.ts";
import type {CogCodeReport} from "../geo/cog-report.ts";
import type {ColumnSpec} from "./schema.ts";

/** A column as described in meta.json. */
export interface MetaColumn {
  name: string;
  type: string;
  description: string;
  unit?: string;
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
    nullable: c.nullable
  }));
}

/** The vintage of a file of `variant`, when its variant declares one (else the declaration's applies). */
export function variantVintage(
  declaration: DatasetDeclaration,
  variant: string | undefined
): {vintage?: string} {
  const vintage = declaration.variants?.find((v) => v.name === variant)?.vintage;
  return vintage ? {vintage} : {};
}

/** A meta.json for `declaration` with the given provenance (a `vintage` given there wins). */
export function buildMeta(
  declaration: DatasetDeclaration,
  provenance: Pick<DatasetMeta, "source" | "retrieved" | "sha256" | "size" | "rows" | "status"> &
    Partial<Pick<DatasetMeta, "note" | "cog" | "derivedCodes" | "sources" | "vintage">>
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
