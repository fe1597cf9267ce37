/**
 * Code vintages: maps commune codes of any past COG to the current COG (2026).
 *
 * Rules, in order (first match wins):
 * 1. a code of a current commune (`commune-actuelle`) is kept;
 * 2. a commune déléguée or associée goes to its `chefLieu` (the commune it is part of today);
 * 3. a code listed in a current commune's `anciensCodes` goes to that commune;
 * 4. an arrondissement municipal (Paris, Lyon, Marseille) goes to its commune, or is kept with
 *    `{arrondissements: "keep"}`.
 * Anything else is reported as unmapped, never silently dropped.
 */
import type {MappingReason} from "../core/meta.ts";
import type {CommuneCode} from "../core/codes.ts";
import {isCode} from "../core/codes.ts";
import type {CogCommuneRecord} from "./cog-data.ts";
import {cogCommunes} from "./cog-data.ts";

export type {MappingReason};

/** Outcome for one input code. */
export type CodeMapping =
  | {status: "current"; code: CommuneCode}
  | {status: "mapped"; code: CommuneCode; reason: MappingReason}
  | {status: "arrondissement-kept"; code: CommuneCode}
  | {status: "unknown" | "invalid"; code: null};

/** Lookup tables built from one COG's `communes.json`. */
export interface CogIndex {
  /** Current communes by code. */
  readonly current: ReadonlyMap<string, CogCommuneRecord>;
  /** Old or sub-communal codes → current commune code and why. */
  readonly redirects: ReadonlyMap<string, {to: CommuneCode; reason: MappingReason}>;
}

/** Options of {@link mapCommuneCode}. */
export interface MapOptions {
  /** Arrondissements municipaux: mapped to their commune (default) or kept as they are. */
  arrondissements?: "commune" | "keep";
}

/** Summary of a batch mapping: counts plus the list of codes that could not be mapped. */
export interface MappingReport {
  /** Number of input codes (with repetitions). */
  total: number;
  /** Codes already current (or arrondissements kept). */
  unchanged: number;
  /** Codes changed to a current commune. */
  mapped: number;
  /** Changed codes by reason. */
  byReason: Record<MappingReason, number>;
  /** Distinct input codes with no current commune (unknown or malformed), sorted. */
  unmapped: string[];
  /** Distinct pairs old → new, sorted by old code. */
  changes: {from: string; to: CommuneCode; reason: MappingReason}[];
}

/** Builds the lookup tables from `communes.json` entries (pure). */
export function buildCogIndex(records: readonly CogCommuneRecord[]): CogIndex {
  const current = new Map<string, CogCommuneRecord>();
  for (const r of records) if (r.type === "commune-actuelle") current.set(r.code, r);
  const redirects = new Map<string, {to: CommuneCode; reason: MappingReason}>();
  const add = (from: string, to: string | undefined, reason: MappingReason) => {
    if (to === undefined || current.has(from) || redirects.has(from) || !current.has(to)) return;
    redirects.set(from, {to: to as CommuneCode, reason});
  };
  // Today's structure first (a déléguée's chef-lieu), then the history of merges.
  for (const r of records) {
    if (r.type === "commune-deleguee" || r.type === "commune-associee") add(r.code, r.chefLieu, r.type);
  }
  for (const r of current.values()) for (const old of r.anciensCodes ?? []) add(old, r.code, "ancien-code");
  for (const r of records) if (r.type === "arrondissement-municipal") add(r.code, r.commune, r.type);
  return {current, redirects};
}

let defaultIndex: CogIndex | undefined;
/** Index of the COG 2026 shipped by `@etalab/decoupage-administratif` (built once). */
export function cog2026(): CogIndex {
  defaultIndex ??= buildCogIndex(cogCommunes());
  return defaultIndex;
}

/** Maps one commune code to the current COG. Surrounding spaces are ignored. */
export function mapCommuneCode(
  code: string,
  index: CogIndex = cog2026(),
  options: MapOptions = {}
): CodeMapping {
  const c = code.trim();
  if (!isCode("commune", c)) return {status: "invalid", code: null};
  if (index.current.has(c)) return {status: "current", code: c};
  const r = index.redirects.get(c);
  if (!r) return {status: "unknown", code: null};
  if (r.reason === "arrondissement-municipal" && options.arrondissements === "keep") {
    return {status: "arrondissement-kept", code: c};
  }
  return {status: "mapped", code: r.to, reason: r.reason};
}

/**
 * Maps many codes at once.
 * @returns `lookup` (input code → current code, absent when unmapped) and a {@link MappingReport}.
 */
export function mapCommuneCodes(
  codes: Iterable<string>,
  index: CogIndex = cog2026(),
  options: MapOptions = {}
): {lookup: Map<string, CommuneCode>; report: MappingReport} {
  const lookup = new Map<string, CommuneCode>();
  const unmapped = new Set<string>();
  const changes = new Map<string, {from: string; to: CommuneCode; reason: MappingReason}>();
  const report: MappingReport = {
    total: 0,
    unchanged: 0,
    mapped: 0,
    byReason: {"ancien-code": 0, "commune-deleguee": 0, "commune-associee": 0, "arrondissement-municipal": 0},
    unmapped: [],
    changes: []
  };
  for (const code of codes) {
    report.total++;
    const m = mapCommuneCode(code, index, options);
    if (m.code === null) {
      unmapped.add(code);
      continue;
    }
    lookup.set(code, m.code);
    if (m.status === "mapped") {
      report.mapped++;
      report.byReason[m.reason]++;
      changes.set(code, {from: code, to: m.code, reason: m.reason});
    } else report.unchanged++;
  }
  report.unmapped = [...unmapped].sort();
  report.changes = [...changes.values()].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  return {lookup, report};
}

/**
 * Rewrites the commune code column `key` of `rows` to the current COG.
 * Rows whose code cannot be mapped are returned apart in `unmappedRows`, with the report.
 */
export function remapRows<T extends Record<K, string>, K extends keyof T>(
  rows: readonly T[],
  key: K,
  index: CogIndex = cog2026(),
  options: MapOptions = {}
): {rows: (Omit<T, K> & Record<K, CommuneCode>)[]; unmappedRows: T[]; report: MappingReport} {
  const {lookup, report} = mapCommuneCodes(
    rows.map((r) => r[key]),
    index,
    options
  );
  const out: (Omit<T, K> & Record<K, CommuneCode>)[] = [];
  const unmappedRows: T[] = [];
  for (const row of rows) {
    const to = lookup.get(row[key]);
    if (to === undefined) unmappedRows.push(row);
    else out.push({...row, [key]: to} as Omit<T, K> & Record<K, CommuneCode>);
  }
  return {rows: out, unmappedRows, report};
}
