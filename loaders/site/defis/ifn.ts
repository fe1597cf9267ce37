/**
 * The Indice de fragilité numérique (first edition) brought to today's communes, and its regional reference.
 *
 * The first edition is relative to the region: 100 is the population-weighted mean of the IRIS's own region
 * (issue #19). A score is therefore compared with its region's mean ({@link regionalMeans}); national rankings
 * of raw scores mix eighteen references.
 */
import type {DataTable} from "../../core/table.ts";

/** A commune's score with the population it is weighted by. */
export interface CommuneScore {
  score: number;
  /** Population of the IFN's IRIS (census), the weight of the mean when several rows meet. */
  population: number | null;
}

const isNumber = (x: unknown): x is number => typeof x === "number" && Number.isFinite(x);

/**
 * Rolls the IFN's commune rows (`fragilite-numerique-communes`, coded in COG 2020) up to today's commune: a
 * current commune that gets one row keeps its score as it is; one that gets several (communes merged since,
 * arrondissements) gets their mean weighted by population (or their plain mean when no population is given).
 * Rows without a score, or whose code has no current commune, are left out.
 * @param scoreColumn the score to roll up (default `score_global`)
 */
export function ifnByCommune(
  ifn: DataTable,
  toCurrent: (code: string) => string | null,
  scoreColumn = "score_global"
): Map<string, CommuneScore> {
  const groups = new Map<string, {score: number; population: number | null}[]>();
  for (let i = 0; i < ifn.rowCount; i++) {
    const score = ifn.values[scoreColumn]?.[i];
    const code = ifn.values.code_commune?.[i];
    if (!isNumber(score) || typeof code !== "string") continue;
    const current = toCurrent(code);
    if (current === null) continue;
    const population = ifn.values.population?.[i];
    let group = groups.get(current);
    if (!group) groups.set(current, (group = []));
    group.push({score, population: isNumber(population) ? population : null});
  }
  const out = new Map<string, CommuneScore>();
  for (const [code, rows] of groups) {
    if (rows.length === 1) {
      out.set(code, rows[0]!);
      continue;
    }
    const weighted = rows.every((r) => r.population !== null && r.population > 0);
    const total = rows.reduce((s, r) => s + (r.population ?? 0), 0);
    const score = weighted
      ? rows.reduce((s, r) => s + r.score * r.population!, 0) / total
      : rows.reduce((s, r) => s + r.score, 0) / rows.length;
    out.set(code, {score, population: weighted ? total : null});
  }
  return out;
}

/**
 * Mean of `value` weighted by `weight` in each group of `key`, over the rows where both are numbers and the
 * weight is positive (groups with none are absent). Pure.
 */
export function weightedMeansBy<T>(
  rows: Iterable<T>,
  key: (row: T) => string,
  value: (row: T) => number | null | undefined,
  weight: (row: T) => number | null | undefined
): Map<string, number> {
  const sums = new Map<string, {s: number; w: number}>();
  for (const row of rows) {
    const v = value(row);
    const w = weight(row);
    if (!isNumber(v) || !isNumber(w) || w <= 0) continue;
    const k = key(row);
    const acc = sums.get(k) ?? {s: 0, w: 0};
    acc.s += v * w;
    acc.w += w;
    sums.set(k, acc);
  }
  return new Map([...sums].map(([k, {s, w}]) => [k, s / w]));
}

/** Population-weighted mean score of each région: the reference the first-edition scores are relative to. */
export function regionalMeans(
  communes: Iterable<{region: string; population: number | null; score: number | null}>
): Map<string, number> {
  return weightedMeansBy(
    communes,
    (c) => c.region,
    (c) => c.score,
    (c) => c.population
  );
}
