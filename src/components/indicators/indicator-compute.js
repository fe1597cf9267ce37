/**
 * The indicator builder's numbers in plain JavaScript, equal to what {@link indicatorSql} computes with DuckDB
 * (test/components/indicator-compute.test.ts compares them), in two steps:
 * 1. {@link communeValues}, at build time (src/data/indicateurs.zip.ts): one measure per current commune, rows
 *    coded by an arrondissement or an older code brought to today's commune through `passage-cog`;
 * 2. {@link indicatorRows}, in the page: those values rolled up to a level (sum, mean, weighted mean, ratio of
 *    sums), with the statistical secrecy of small denominators.
 * A missing value is `NaN` in the per-commune `Float64Array`s (SQL's NULL). Pure.
 */
import {COUNT, LEVELS} from "./indicator-sql.js";

/** Département and région codes accepted as filters (as in indicator-sql.js). */
const CODE = /^[0-9]{2,3}$|^2[AB]$|^[0-9]{9}$/;

/**
 * Old code → today's commune codes, from the `passage-cog` table (an old code may lead to several communes,
 * each then counting the row, as SQL's join does).
 * @param {ArrayLike<string | null>} ancien `ancien_code`
 * @param {ArrayLike<string | null>} commune `code_commune`
 * @returns {Map<string, (string | null)[]>}
 */
export function passageMap(ancien, commune) {
  const map = new Map();
  for (let i = 0; i < ancien.length; i++) {
    const key = ancien[i];
    if (key == null) continue;
    if (!map.has(key)) map.set(key, []);
    map.get(key).push(commune[i] ?? null);
  }
  return map;
}

/**
 * The rows' commune codes kept for the latest period only (the largest year of `periods`), null elsewhere: how a
 * table of several years (effectifs by rentrée, IPS, Pix results by year) is read, so that no measure is added or
 * averaged across years. Rows without a period are left out too.
 * @param {ArrayLike<string | null>} keys each row's commune code
 * @param {ArrayLike<unknown>} periods each row's year
 * @returns {{keys: (string | null)[], period: number | null}} the codes to read, and the latest year (null: none)
 */
export function latestPeriodKeys(keys, periods) {
  let latest = -Infinity;
  for (let r = 0; r < periods.length; r++) {
    const p = Number(periods[r] ?? NaN);
    if (p > latest) latest = p;
  }
  const period = Number.isFinite(latest) ? latest : null;
  const kept = Array.from({length: keys.length}, (_, r) =>
    period !== null && periods[r] != null && Number(periods[r]) === period ? keys[r] : null
  );
  return {keys: kept, period};
}

/**
 * One measure per current commune, aligned on `codes`: the number of rows (`within: "count"`), or the sum or
 * the unweighted mean of the non-missing values of the rows coded by that commune (or, through `passage`, by
 * one of its arrondissements or older codes). NaN where the commune has no row (or only missing values).
 * @param {readonly string[]} codes today's commune codes (the `communes` table, in its order)
 * @param {ArrayLike<string | null>} keys each row's commune code
 * @param {ArrayLike<number | null> | null} values each row's value (null for a count)
 * @param {"count" | "sum" | "avg"} within
 * @param {Map<string, (string | null)[]> | null} [passage] from {@link passageMap}; null for `communes` itself
 * @returns {Float64Array}
 */
export function communeValues(codes, keys, values, within, passage = null) {
  const index = new Map(codes.map((c, i) => [c, i]));
  const n = codes.length;
  const rows = new Float64Array(n);
  const sums = new Float64Array(n);
  const counted = new Float64Array(n);
  for (let r = 0; r < keys.length; r++) {
    const key = keys[r];
    if (key == null) continue;
    const value = values ? values[r] : null;
    for (const code of passage?.get(key)?.map((c) => c ?? key) ?? [key]) {
      const j = index.get(code);
      if (j === undefined) continue;
      rows[j]++;
      if (value != null && !Number.isNaN(value)) {
        sums[j] += Number(value);
        counted[j]++;
      }
    }
  }
  const out = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    if (within === "count") out[j] = rows[j] > 0 ? rows[j] : NaN;
    else if (counted[j] === 0) out[j] = NaN;
    else out[j] = within === "avg" ? sums[j] / counted[j] : sums[j];
  }
  return out;
}

/**
 * The member of `src/data/indicateurs.zip` holding a measure per commune: `<table>.<column>.arrow`, or
 * `<table>.lignes.arrow` for a row count.
 * @param {string} value the measure, `<served table>.<column>` or `<served table>.*`
 */
export const measureFile = (value) => `${value.replace(/\.\*$/, ".lignes")}.arrow`;

/** How the rows of one commune combine for a measure of {@link measuresOf}. */
export const withinOf = (measure) => (measure.column === COUNT ? "count" : (measure.within ?? "sum"));

/**
 * @typedef {object} CommuneBase
 * @property {readonly string[]} code today's commune codes
 * @property {ArrayLike<string | null>} departement
 * @property {ArrayLike<string | null>} region
 * @property {ArrayLike<string | null>} epci
 * @property {ArrayLike<number>} population NaN when missing
 */

/** A running sum that stays "missing" (null) until a value is added, as SQL's sum. */
class Sum {
  total = 0;
  count = 0;
  add(v) {
    this.total += v;
    this.count++;
  }
  get value() {
    return this.count ? this.total : null;
  }
}

const present = (v) => v != null && !Number.isNaN(v);

/**
 * The indicator for every territory of the level, as {@link indicatorSql} gives it: one row per territory
 * having a commune in the (filtered) area, sorted by code, with `numerateur`, `denominateur` (sums), `population`,
 * `valeur` (null when missing or secret) and `secret` (a denominator between 1 and threshold − 1). Level
 * "france" gives one row, code "FR".
 * @param {CommuneBase} base
 * @param {ArrayLike<number>} num the numerator per commune (NaN: missing)
 * @param {ArrayLike<number> | null} den the denominator per commune, or null for a single measure
 * @param {import("./indicator-sql.js").IndicatorState | (Omit<import("./indicator-sql.js").IndicatorState, "level"> & {level: "france"})} state
 * @returns {{code: string, numerateur: number | null, denominateur: number | null, population: number | null, valeur: number | null, secret: boolean}[]}
 */
export function indicatorRows(base, num, den, state) {
  const column = state.level === "france" ? null : LEVELS[state.level]?.column;
  if (column === undefined) throw new Error(`niveau inconnu : ${state.level}`);
  if (!["sum", "mean", "weighted"].includes(state.agg)) throw new Error(`agrégation inconnue : ${state.agg}`);
  const threshold = Math.max(0, Math.floor(Number(state.threshold) || 0));
  const scale = Number(state.scale) || 1;
  const region = state.region && CODE.test(state.region) ? state.region : null;
  const departement = state.departement && CODE.test(state.departement) ? state.departement : null;
  const territories = column ? base[column] : null;
  const groups = new Map();
  for (let i = 0; i < base.code.length; i++) {
    if (region !== null && base.region[i] !== region) continue;
    if (departement !== null && base.departement[i] !== departement) continue;
    const territory = territories ? territories[i] : "FR";
    if (territory == null) continue;
    let g = groups.get(territory);
    if (!g) {
      g = {
        num: new Sum(),
        den: new Sum(),
        pop: new Sum(),
        mean: new Sum(),
        weighted: new Sum(),
        weights: new Sum()
      };
      groups.set(territory, g);
    }
    const n = present(num[i]) ? num[i] : null;
    const d = den && present(den[i]) ? den[i] : null;
    const p = present(base.population[i]) ? base.population[i] : null;
    if (n !== null) g.num.add(n);
    if (d !== null) g.den.add(d);
    if (p !== null) g.pop.add(p);
    // The commune's own value (a ratio when there is a denominator), and whether it counts in means.
    const x = den ? (n !== null && d !== null && d !== 0 ? (scale * n) / d : null) : n;
    const ok = den ? d !== null && d >= threshold : n !== null;
    if (ok && x !== null) {
      g.mean.add(x);
      if (p !== null) {
        g.weighted.add(p * x);
        g.weights.add(p);
      }
    }
  }
  const rows = [];
  for (const [code, g] of groups) {
    const numerateur = g.num.value;
    const denominateur = den ? g.den.value : null;
    let valeur;
    if (state.agg === "sum")
      valeur = den
        ? numerateur !== null && denominateur
          ? (scale * numerateur) / denominateur
          : null
        : numerateur;
    else if (state.agg === "mean") valeur = g.mean.count ? g.mean.total / g.mean.count : null;
    else valeur = g.weighted.count && g.weights.total !== 0 ? g.weighted.total / g.weights.total : null;
    const secret = den ? denominateur !== null && denominateur > 0 && denominateur < threshold : false;
    rows.push({
      code,
      numerateur,
      denominateur,
      population: g.pop.value,
      valeur: secret ? null : valeur,
      secret
    });
  }
  return rows.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
