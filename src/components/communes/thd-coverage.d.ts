/**
 * Coverage per current commune from `couverture-thd` rows: rows going to the same commune through `toCurrent`
 * are summed (locaux, premises eligible in `speedColumn`, default `elig_thd1g`) and the share is recomputed from the
 * sums; null share when no row gives the count. `lignes` is the number of source rows summed.
 */
export function coverageByCommune(
  rows: Iterable<{code_commune: string; locaux: number | null; [column: string]: unknown}>,
  toCurrent: (code: string) => string,
  speedColumn?: string
): Map<string, {code: string; locaux: number; eligibles: number; part: number | null; lignes: number}>;
