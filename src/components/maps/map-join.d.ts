/** Values read as statistical secrecy (lower case). */
export const SECRET_MARKERS: Set<string>;
/** One joined value. */
export interface JoinedValue {
  status: "value" | "secret" | "missing";
  value: number | null;
}
/** Options of {@link joinValues}. */
export interface JoinOptions<R> {
  code?: string | ((row: R) => string);
  value?: string | ((row: R) => unknown);
  secret?: (row: R) => boolean;
}
/** Result of {@link joinValues}. */
export interface JoinResult {
  values: Map<string, JoinedValue>;
  /** Codes of rows with no feature. */
  unmatched: string[];
  /** Codes of features with no row. */
  missing: string[];
  counts: {value: number; secret: number; missing: number};
}
/** Joins indicator rows to map features by code. */
export function joinValues<R extends object>(
  features: Iterable<{id?: string | number}>,
  rows: Iterable<R>,
  options?: JoinOptions<R>
): JoinResult;
/** Predicate keeping the features of one département or région. */
export function territoryFilter(
  level: "commune" | "epci" | "departement" | "region",
  within: {departement?: string; region?: string} | null | undefined,
  regionOf: Map<string, string>,
  departementsOfEpci?: Map<string, string[]>
): (feature: {id?: string | number}) => boolean;
