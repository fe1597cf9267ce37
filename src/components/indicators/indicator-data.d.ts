import type {CommuneBase, IndicatorRow} from "./indicator-compute.js";
import type {IndicatorState} from "./indicator-sql.js";

/** Collectivités d'outre-mer (975, 977, 978, 98x; not Mayotte, 976): no map of the kit draws them. */
export function isOverseasCollectivity(code: string): boolean;
/** The rows of a département or région level that are collectivités d'outre-mer (none at other levels). */
export function overseasRows<R extends {code: string}>(rows: R[], level: string): R[];
/** The indicator pages' data, each file fetched once and only when needed. */
export function indicatorData(): {
  /** The measures that have a file. */
  measures: string[];
  communes: () => Promise<CommuneBase>;
  values: (measure: string) => Promise<Float64Array>;
  /** Names of a level's territories (an unknown code stays a code; "FR" is France). */
  nameOf: (level: string) => Promise<(code: string) => string>;
  rows: (
    state: Omit<IndicatorState, "level"> & {level: IndicatorState["level"] | "france"}
  ) => Promise<IndicatorRow[]>;
};
