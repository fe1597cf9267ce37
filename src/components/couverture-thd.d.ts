/**
 * Coverage per current commune from `couverture-thd` rows: rows going to the same commune through `versCommune`
 * are summed (locaux, premises eligible to `palier`, default `elig_thd1g`) and the share is recomputed from the
 * sums; null share when no row gives the count. `lignes` is the number of source rows summed.
 */
export function couvertureParCommune(
  rows: Iterable<{code_commune: string; locaux: number | null; [column: string]: unknown}>,
  versCommune: (code: string) => string,
  palier?: string
): Map<string, {code: string; locaux: number; eligibles: number; part: number | null; lignes: number}>;
