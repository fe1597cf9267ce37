/**
 * Rolls a commune-level indicator up to EPCI, département or région.
 *
 * Input codes must be current (map them first with `mapCommuneCodes` from `./cog.ts`). Missing values (null,
 * NaN, secret) are counted, never taken as zero; codes outside the hierarchy are reported.
 */
import type {Level} from "../core/codes.ts";
import type {TerritoryIndex} from "./territories.ts";
import {parentOf, territories2026} from "./territories.ts";

/** How an indicator combines: a count adds up; a rate or score is a mean weighted by e.g. population. */
export type AggregationMethod = "sum" | "weighted-mean";

/** One commune value. `weight` is used by `weighted-mean` (defaults to the commune population). */
export interface CommuneValue {
  code: string;
  value: number | null;
  weight?: number | null;
}

/** One aggregated territory. */
export interface AggregatedValue {
  /** Code of the territory at the target level. */
  code: string;
  /** Name of the territory in the COG, when known. */
  name: string | null;
  /** Sum or weighted mean of the known values; null when no commune had one. */
  value: number | null;
  /** Communes whose value was used. */
  communes: number;
  /** Communes in the input with a missing value (null, NaN) or a missing weight. */
  missing: number;
}

/** What could not be aggregated. */
export interface AggregationReport {
  /** Input codes that are not current communes of the index (sorted, distinct). */
  unknownCodes: string[];
  /** Current communes with no territory at the target level (e.g. island communes outside any EPCI). */
  withoutParent: string[];
}

/** Options of {@link aggregate}. */
export interface AggregateOptions {
  method: AggregationMethod;
  /** Hierarchy to use (default: COG 2026). */
  index?: TerritoryIndex;
}

const known = (x: number | null | undefined): x is number => typeof x === "number" && Number.isFinite(x);

/** Aggregates commune values to `level` (pure when `index` is given). Output is sorted by code. */
export function aggregate(
  values: Iterable<CommuneValue>,
  level: Level,
  options: AggregateOptions
): {rows: AggregatedValue[]; report: AggregationReport} {
  const index = options.index ?? territories2026();
  const acc = new Map<string, {num: number; den: number; communes: number; missing: number}>();
  const unknownCodes = new Set<string>();
  const withoutParent = new Set<string>();
  for (const v of values) {
    if (!index.parents.has(v.code)) {
      unknownCodes.add(v.code);
      continue;
    }
    const parent = parentOf(index, v.code, level);
    if (parent === null) {
      withoutParent.add(v.code);
      continue;
    }
    let a = acc.get(parent);
    if (!a) acc.set(parent, (a = {num: 0, den: 0, communes: 0, missing: 0}));
    const weight =
      options.method === "sum" ? 1 : v.weight === undefined ? index.population.get(v.code) : v.weight;
    if (!known(v.value) || !known(weight)) {
      a.missing++;
      continue;
    }
    a.communes++;
    a.num += v.value * weight;
    a.den += weight;
  }
  const rows = [...acc.entries()]
    .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
    .map(([code, a]) => ({
      code,
      name: index.names[level].get(code) ?? null,
      value: a.communes === 0 ? null : options.method === "sum" ? a.num : a.den === 0 ? null : a.num / a.den,
      communes: a.communes,
      missing: a.missing
    }));
  return {rows, report: {unknownCodes: [...unknownCodes].sort(), withoutParent: [...withoutParent].sort()}};
}
