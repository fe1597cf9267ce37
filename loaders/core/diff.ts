/**
 * What changed between two versions of a dataset: rows added/removed (by key when the dataset has one, by count
 * otherwise) and columns added, removed or retyped.
 */
import type {ColumnSummary} from "./schema.ts";
import type {DataTable} from "./table.ts";

/** A comparable summary of one version. */
export interface VersionSummary {
  rows: number;
  columns: readonly ColumnSummary[];
  /** Values of the key column, when known. */
  keys?: ReadonlySet<string>;
}

/** The differences between two versions. */
export interface DatasetDiff {
  rowsBefore: number;
  rowsAfter: number;
  /** Rows whose key is new (by count difference when keys are unknown). */
  rowsAdded: number;
  rowsRemoved: number;
  columnsAdded: string[];
  columnsRemoved: string[];
  columnsRetyped: {name: string; before: string; after: string}[];
}

/** The summary of a table (with the key column's values when `key` is given). */
export function summarize(table: DataTable, key?: string): VersionSummary {
  const values = key ? table.values[key] : undefined;
  return {
    rows: table.rowCount,
    columns: table.columns,
    ...(values ? {keys: new Set(values.filter((v) => v !== null).map(String))} : {})
  };
}

/** Compares two versions. Pure. */
export function diffVersions(before: VersionSummary, after: VersionSummary): DatasetDiff {
  let rowsAdded: number;
  let rowsRemoved: number;
  if (before.keys && after.keys) {
    rowsAdded = [...after.keys].filter((k) => !before.keys!.has(k)).length;
    rowsRemoved = [...before.keys].filter((k) => !after.keys!.has(k)).length;
  } else {
    rowsAdded = Math.max(0, after.rows - before.rows);
    rowsRemoved = Math.max(0, before.rows - after.rows);
  }
  const beforeTypes = new Map(before.columns.map((c) => [c.name, c.type] as const));
  const afterTypes = new Map(after.columns.map((c) => [c.name, c.type] as const));
  return {
    rowsBefore: before.rows,
    rowsAfter: after.rows,
    rowsAdded,
    rowsRemoved,
    columnsAdded: after.columns.filter((c) => !beforeTypes.has(c.name)).map((c) => c.name),
    columnsRemoved: before.columns.filter((c) => !afterTypes.has(c.name)).map((c) => c.name),
    columnsRetyped: after.columns
      .filter((c) => beforeTypes.has(c.name) && beforeTypes.get(c.name) !== c.type)
      .map((c) => ({name: c.name, before: beforeTypes.get(c.name)!, after: c.type}))
  };
}

/** True when nothing changed. */
export const isUnchanged = (d: DatasetDiff) =>
  d.rowsAdded === 0 &&
  d.rowsRemoved === 0 &&
  d.rowsBefore === d.rowsAfter &&
  d.columnsAdded.length + d.columnsRemoved.length + d.columnsRetyped.length === 0;

/** French lines describing a diff. */
export function formatDiff(d: DatasetDiff): string[] {
  if (isUnchanged(d)) return [`aucun changement de lignes ni de colonnes (${d.rowsAfter} lignes)`];
  const lines = [`lignes : ${d.rowsBefore} → ${d.rowsAfter} (+${d.rowsAdded} / −${d.rowsRemoved})`];
  if (d.columnsAdded.length) lines.push(`colonnes ajoutées : ${d.columnsAdded.join(", ")}`);
  if (d.columnsRemoved.length) lines.push(`colonnes supprimées : ${d.columnsRemoved.join(", ")}`);
  for (const c of d.columnsRetyped) lines.push(`colonne ${c.name} : type ${c.before} → ${c.after}`);
  return lines;
}

/**
 * The refusal of a new version that keeps less than half the rows of the one it replaces (`before`), unless the
 * user said yes; `null` when it may be written. Pure.
 */
export function shrinkRefusal(before: number | undefined, after: number, yes = false): string | null {
  if (yes || before === undefined || after * 2 >= before) return null;
  return `${after} lignes au lieu de ${before} dans la version en place : plus de la moitié des lignes perdues — vérifiez le fichier (export filtré, téléchargement interrompu) ; relancez avec --yes pour le charger quand même`;
}
