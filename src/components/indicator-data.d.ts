import type {CommuneBase, IndicatorRow} from "./indicator-compute.js";
import type {IndicatorState} from "./indicator-sql.js";

/** Collectivités d'outre-mer (975–978, 98x): départements of the COG that no map of the kit draws. */
export function isOverseasCollectivity(code: string): boolean;
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
