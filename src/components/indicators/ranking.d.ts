/** A row of an indicator as the ranking reads it. */
export interface RankedRow {
  code: string;
  valeur: number | null;
  secret?: boolean;
}
/** What {@link rankTerritories} returns. */
export interface Ranking<R extends RankedRow> {
  /** The rows with a value, highest first (collectivités d'outre-mer are not ranked). */
  ranked: R[];
  /** Their number (the M of « rang N sur M »). */
  total: number;
  /** The rank of a territory (ties share the first rank), 0 without a value. */
  rankOf(code: string): number;
  /** Collectivités d'outre-mer with a value or secret: not ranked, named apart (no map draws them). */
  overseasShown: R[];
  /** Collectivités d'outre-mer without a value: left out, and said. */
  overseasLeftOut: R[];
  /** The rows but the collectivités left out (e.g. a territory picker). */
  offered: R[];
}
/** True when a row has a value that may be shown. */
export function hasValue(row: RankedRow | undefined): boolean;
/** The ranking of the rows of one level, collectivités d'outre-mer without a value left out. */
export function rankTerritories<R extends RankedRow>(rows: R[], level: string): Ranking<R>;
/** « rang N sur M <plural> ayant une valeur », or the secret, or « pas de donnée ». */
export function rankText(ranking: Ranking<RankedRow>, row: RankedRow | undefined, plural: string): string;
/** A territory's name, never a bare code. */
export function territoryName(nameOf: (code: string) => string, code: string): string;
/** The sentence naming the collectivités d'outre-mer left out (empty if none). */
export function leftOutText(ranking: Ranking<RankedRow>, nameOf: (code: string) => string): string;
/** Collectivités d'outre-mer (975, 977, 978, 98x; not Mayotte): no map of the kit draws them. */
export function isOverseasCollectivity(code: string): boolean;
/** The rows of a département or région level that are collectivités d'outre-mer. */
export function overseasRows<R extends {code: string}>(rows: R[], level: string): R[];
