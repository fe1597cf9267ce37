export type Level = "commune" | "epci" | "departement" | "region";
export type Aggregation = "sum" | "mean" | "weighted";
/** The indicator builder's state, kept in the page address. */
export interface IndicatorState {
  /** Numerator: `<served table>.<column>` or `<served table>.*` (row count). */
  num: string;
  /** Denominator, same form, or "" for a single measure. */
  den: string;
  level: Level;
  agg: Aggregation;
  /** Filter on a région code, or "". */
  region: string;
  /** Filter on a département code, or "". */
  departement: string;
  /** Multiplier of the ratio (1, 100, 1000…). */
  scale: number;
  /** Secrecy threshold of the denominator. */
  threshold: number;
  /** Selected territory (dashboard), or "". */
  territory: string;
}
/** A measure offered by a catalogue table. */
export interface Measure {
  value: string;
  table: string;
  column: string;
  /** The table's commune code column. */
  key: string;
  /** How the rows of one commune combine: added (counts) or averaged (indices, rates); absent for the row count. */
  within?: "sum" | "avg";
  /** Machine-made label (table title — column description), the fallback of `words`. */
  label: string;
  /** The words the dataset declares beside the measure. */
  words?: {label: string; unit: string; per?: string};
  /** For a table of several years: the year column, whose latest year only is read, and how the pages say it. */
  period?: {column: string; label: string};
}
export const DEFAULT_THRESHOLD: number;
export const LEVELS: Record<Level, {label: string; column: string}>;
export const AGGREGATIONS: Record<Aggregation, string>;
export const SCALES: number[];
export const COUNT: "*";
export const DEFAULT_STATE: Readonly<IndicatorState>;
/** The state read from the page address; unknown or malformed values fall back to the defaults. */
export function stateFromParams(params: URLSearchParams | string): IndicatorState;
/** The longest address parameters read (characters). */
export const MAX_PARAMS_LENGTH: number;
/** What a shared indicator link carries that the page did not take, in French (none when it is right). */
export function paramProblems(params: URLSearchParams | string): string[];
/** The address parameters of a state (defaults left out). */
export function paramsFromState(state: IndicatorState): URLSearchParams;
/** The measures of a catalogue table (numeric columns and row count) when it has a commune code column. */
export function measuresOf(meta: {
  name: string;
  tableTitle?: string;
  rowMeasure?: {label: string; unit: string; per?: string};
  period?: {column: string; label: string};
  columns: {
    name: string;
    type: string;
    description?: string;
    unit?: string;
    measure?: {label: string; unit: string; per?: string; within?: "sum" | "avg"} | false;
  }[];
}): Measure[];
/**
 * The SQL computing the indicator per territory: code, numerateur, denominateur, population, valeur, secret.
 * Level "france" gives one row (code "FR") for the whole country or the filtered area.
 */
export function indicatorSql(
  state: Omit<IndicatorState, "level"> & {level: Level | "france"},
  measures: Measure[]
): string;
/** The served tables an indicator reads, `communes` first, `passage-cog` when it measures another table. */
export function indicatorTables(state: IndicatorState): string[];
