/**
 * Column names of Éducation nationale files drift between vintages and between the two ways the Opendatasoft
 * portal exports them (labels `Code du département` or field names `code_du_departement`). Headers are compared
 * by a slug (no accents, no case, any run of other characters → `_`), mapped to the kit's canonical names, and
 * the columns no known vintage has are reported instead of being dropped silently.
 */
import type {RawFile, RawRecord} from "../core/records.ts";
import {slug} from "../core/slug.ts";

/**
 * `Nom de l'établissment` → `nom_de_l_etablissment`; `Code_departement` → `code_departement`; `REP +` →
 * `rep_plus` (a `+` is a word: `REP` and `REP +` are two columns).
 */
export function slugColumn(name: string): string {
  return slug(name.replace(/\+/g, " plus "));
}

/** How a family of files names its columns. */
export interface ColumnVocabulary {
  /** For each canonical column, the names it has had (any spelling; compared as slugs), preferred first. The canonical name is not tried on its own (`departement` is a code in the kit, a name in some files). */
  readonly aliases: Readonly<Record<string, readonly string[]>>;
  /** Columns of known vintages that the kit does not keep (compared as slugs; `utilisateurs_*` is a prefix). */
  readonly ignored: readonly string[];
}

/** The names a column of `vocabulary` has had, for its declaration's `aliases` (none for a column it lacks). */
export function aliasesOf(vocabulary: ColumnVocabulary): (name: string) => readonly string[] {
  return (name) => vocabulary.aliases[name] ?? [];
}

/** A cell as trimmed text; empty for a missing cell (`null`, `undefined`). */
export function cellText(value: unknown): string {
  return value === null || value === undefined ? "" : String(value).trim();
}

/** Result of matching a header against a vocabulary. */
export interface HeaderMapping {
  /** Source column → canonical column. */
  readonly rename: ReadonlyMap<string, string>;
  /** Source columns that no known vintage has, in file order. */
  readonly unknown: readonly string[];
  /** Canonical columns with no source column. */
  readonly absent: readonly string[];
}

/** Matches a header against a vocabulary (first alias present wins). Pure. */
export function mapHeader(header: readonly string[], vocabulary: ColumnVocabulary): HeaderMapping {
  const bySlug = new Map<string, string>();
  for (const h of header) if (!bySlug.has(slugColumn(h))) bySlug.set(slugColumn(h), h);
  const rename = new Map<string, string>();
  const used = new Set<string>();
  const absent: string[] = [];
  for (const [canonical, names] of Object.entries(vocabulary.aliases)) {
    const source = names.map((n) => bySlug.get(slugColumn(n))).find((s) => s !== undefined && !used.has(s));
    if (source === undefined) absent.push(canonical);
    else {
      rename.set(source, canonical);
      used.add(source);
    }
  }
  const ignored = new Set(vocabulary.ignored.filter((i) => !i.endsWith("*")).map(slugColumn));
  const prefixes = vocabulary.ignored.filter((i) => i.endsWith("*")).map((i) => slugColumn(i.slice(0, -1)));
  const isIgnored = (slug: string) => ignored.has(slug) || prefixes.some((p) => slug.startsWith(p));
  const unknown = header.filter((h) => h.trim() !== "" && !used.has(h) && !isIgnored(slugColumn(h)));
  return {rename, unknown, absent};
}

/**
 * A cell rewrite applied after renaming (e.g. upper-casing a UAI). Receives the cell (undefined when the column
 * is absent from the file: the rewrite then derives it) and the record's values by canonical name, as read.
 */
export type CellRewrite = (value: unknown, record: Readonly<Record<string, unknown>>) => unknown;

/**
 * Renames a parsed file's columns to canonical names, keeping only mapped columns, and applies `rewrite`
 * to the named canonical columns (a rewrite of an absent column fills it: derived columns).
 * Returns the new file and the mapping (to report `unknown`). Pure.
 */
export function renameColumns(
  raw: RawFile,
  vocabulary: ColumnVocabulary,
  rewrite: Readonly<Record<string, CellRewrite>> = {}
): {raw: RawFile; mapping: HeaderMapping} {
  const mapping = mapHeader(raw.header, vocabulary);
  const pairs = [...mapping.rename];
  const rewrites = Object.entries(rewrite);
  const records = raw.records.map((record): RawRecord => {
    const read: Record<string, unknown> = {};
    for (const [source, canonical] of pairs) read[canonical] = record.values[source];
    const values = {...read};
    for (const [canonical, fn] of rewrites) values[canonical] = fn(read[canonical], read);
    return {line: record.line, values};
  });
  const header = [...new Set([...pairs.map(([, canonical]) => canonical), ...rewrites.map(([c]) => c)])];
  return {raw: {...raw, header, records}, mapping};
}

/** One line, in French, naming the unknown columns of a file (empty when there are none). */
export function unknownColumnsMessage(dataset: string, file: string, unknown: readonly string[]): string {
  if (unknown.length === 0) return "";
  const list = unknown.map((u) => `« ${u} »`).join(", ");
  return `${dataset}: ${file} : ${unknown.length} colonne(s) inconnue(s) de toutes les versions connues, ignorée(s) : ${list}`;
}

/**
 * Reports unknown columns on stderr (the only side effect of loading a dataset through `prepare`). Kept apart
 * so that the pure functions above stay pure.
 */
export function warnUnknownColumns(dataset: string, file: string, unknown: readonly string[]): void {
  const message = unknownColumnsMessage(dataset, file, unknown);
  if (message) process.emitWarning(message, {code: "TDATHACK_UNKNOWN_COLUMNS"});
}
