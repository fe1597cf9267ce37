import type {IndicatorState, Measure} from "./indicator-sql.js";

/** Old commune code → today's commune codes (several when the old commune was split). */
export function passageMap(
  ancien: ArrayLike<string | null>,
  commune: ArrayLike<string | null>
): Map<string, (string | null)[]>;
/** One measure per current commune, aligned on `codes` (NaN where the commune has no row or no value). */
export function communeValues(
  codes: readonly string[],
  keys: ArrayLike<string | null>,
  values: ArrayLike<number | null> | null,
  within: "count" | "sum" | "avg",
  passage?: Map<string, (string | null)[]> | null
): Float64Array;
/** The archive member holding a measure per commune (`<table>.<column>.arrow`, `<table>.lignes.arrow`). */
export function measureFile(value: string): string;
/** How the rows of one commune combine for a measure. */
export function withinOf(
  measure: Pick<Measure, "column"> & {within?: "sum" | "avg"}
): "count" | "sum" | "avg";
/** Today's communes, by columns. */
export interface CommuneBase {
  code: readonly string[];
  departement: ArrayLike<string | null>;
  region: ArrayLike<string | null>;
  epci: ArrayLike<string | null>;
  /** NaN when missing. */
  population: ArrayLike<number>;
}
/** One territory's indicator, as the SQL of indicatorSql gives it. */
export interface IndicatorRow {
  code: string;
  numerateur: number | null;
  denominateur: number | null;
  population: number | null;
  /** Null when missing or secret. */
  valeur: number | null;
  /** The denominator is between 1 and threshold − 1. */
  secret: boolean;
}
/** The indicator for every territory of the level (sorted by code); level "france" gives one row, "FR". */
export function indicatorRows(
  base: CommuneBase,
  num: ArrayLike<number>,
  den: ArrayLike<number> | null,
  state: Omit<IndicatorState, "level"> & {level: IndicatorState["level"] | "france"}
): IndicatorRow[];
/** The rows' commune codes of the latest period (largest year) only, null elsewhere, and that year. */
export function latestPeriodKeys(
  keys: ArrayLike<string | null>,
  periods: ArrayLike<unknown>
): {keys: (string | null)[]; period: number | null};
