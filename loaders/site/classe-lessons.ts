/**
 * The "En classe" lessons' data, per département: what each lesson's charts show and the keys of its
 * self-checking exercises (src/components/classe/answer-check.js), plus the expected answers in clear for the teacher
 * sheets. Every answer is computed here from the values the page shows (rounded as shown), never written by
 * hand. Pure computing over the inputs of {@link LessonInputs}; the I/O is in src/data/classe.zip.ts.
 */
import {choiceKey, fnv1a, numberKey, type AnswerKey} from "../../src/components/classe/answer-check.js";
import {formatNumber} from "../../src/components/formats/format.js";
import {classLabels, classify, computeBins} from "../../src/components/maps/map-scale.js";
import {coverageByCommune} from "../../src/components/communes/thd-coverage.js";
import type {SchoolsByCommune} from "./defis/schools.ts";
import {rowAt, type DataTable} from "../core/table.ts";
import {DEFAULT_SECRECY_THRESHOLD} from "../education/secrecy.ts";

/** The lesson identifiers, which are also the pages' names (`/classe/<id>`, `/classe/<id>-fiche`). */
export const LESSONS = [
  "lire-une-carte",
  "nombres-et-taux",
  "moyenne-et-mediane",
  "correlation-causalite",
  "secret-statistique"
] as const;
export type LessonId = (typeof LESSONS)[number];

/** A current commune (COG 2026). */
export interface Commune {
  code: string;
  nom: string;
  departement: string;
  population: number | null;
}

/** What the lessons read, already brought to today's communes where the source is coded in an older COG. */
export interface LessonInputs {
  communes: readonly Commune[];
  /** Département code → name (the départements the site lists). */
  departements: ReadonlyMap<string, string>;
  /** `lieux-mediation-numerique`: one commune code per place (today's code). */
  lieux: readonly string[];
  /** `fragilite-numerique-communes`: score per today's commune (population-weighted over merged communes). */
  ifn: ReadonlyMap<string, number>;
  /** `couverture-thd`: share (0–1) of premises eligible to 1 Gbit/s per today's commune. */
  fibre: ReadonlyMap<string, number>;
  /** Schools per commune with pupil counts under secrecy (loaders/site/defis/schools.ts). */
  schools: SchoolsByCommune;
}

/** One expected answer, in clear, for the teacher sheet. */
export interface ExpectedAnswer {
  id: string;
  /** The number, or the index of the right option. */
  value: number;
  kind: "number" | "choice";
  /** Accepted distance to `value` (numbers). */
  tolerance?: number;
  /** The right option's text (choices). */
  option?: string;
}

/** A lesson's data for one département: what the page shows, and the exercise keys. */
export interface DepartementLesson {
  nom: string;
  /** Why the exercises cannot be done here (too few communes with data), or absent. */
  empty?: string;
  exercises: Record<string, AnswerKey>;
  [data: string]: unknown;
}

/** What a lesson file holds. */
export interface LessonFile {
  lesson: LessonId;
  national?: unknown;
  departements: Record<string, DepartementLesson>;
}

/** A lesson's computed file and its answers per département. */
export interface LessonResult {
  file: LessonFile;
  answers: Record<string, ExpectedAnswer[]>;
}

const round = (x: number, digits = 1) => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

/** Median of numbers (mean of the two middle ones for an even count); null when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Mean of `values` weighted by `weights` (same length); null when the weights sum to 0. */
export function weightedMean(values: readonly number[], weights: readonly number[]): number | null {
  let num = 0;
  let den = 0;
  values.forEach((v, i) => {
    num += v * weights[i]!;
    den += weights[i]!;
  });
  return den > 0 ? num / den : null;
}

/** Pearson's correlation coefficient; null below 3 pairs or without variance. */
export function pearson(x: readonly number[], y: readonly number[]): number | null {
  const n = x.length;
  if (n < 3) return null;
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i]! - mx) * (y[i]! - my);
    sxx += (x[i]! - mx) ** 2;
    syy += (y[i]! - my) ** 2;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : null;
}

/** Builds the exercise keys and the teacher's answers of one lesson for one département. */
class Exercises {
  readonly keys: Record<string, AnswerKey> = {};
  readonly answers: ExpectedAnswer[] = [];
  constructor(private readonly prefix: string) {}
  number(id: string, value: number, tolerance: number, step: number) {
    this.keys[id] = numberKey(value, {tolerance, step, salt: `${this.prefix}:${id}`});
    this.answers.push({id, value, kind: "number", tolerance});
  }
  /**
   * A choice among `options`, the right one at `right`. With `shuffle`, the options are put in an order fixed
   * by the salt (so that a question whose right option is always the same does not always show it first).
   */
  choice(id: string, options: readonly string[], right: number, shuffle = false) {
    const salt = `${this.prefix}:${id}`;
    const order = options.map((_, i) => i);
    if (shuffle) order.sort((a, b) => fnv1a(`${salt}#${a}`).localeCompare(fnv1a(`${salt}#${b}`)));
    const index = order.indexOf(right);
    this.keys[id] = {...choiceKey(index, salt), options: order.map((i) => options[i]!)};
    this.answers.push({id, value: index, kind: "choice", option: options[right]!});
  }
}

function byDepartement<T extends {departement: string}>(rows: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const list = out.get(r.departement);
    if (list) list.push(r);
    else out.set(r.departement, [r]);
  }
  return out;
}

/** Runs `build` for each listed département and gathers the file and the answers. */
function perDepartement(
  lesson: LessonId,
  inputs: LessonInputs,
  build: (dep: string, ex: Exercises) => Omit<DepartementLesson, "nom" | "exercises">,
  national?: unknown
): LessonResult {
  const file: LessonFile = {lesson, ...(national === undefined ? {} : {national}), departements: {}};
  const answers: Record<string, ExpectedAnswer[]> = {};
  for (const [dep, nom] of inputs.departements) {
    const ex = new Exercises(`${lesson}:${dep}`);
    const data = build(dep, ex);
    file.departements[dep] = {nom, ...data, exercises: ex.keys};
    answers[dep] = ex.answers;
  }
  return {file, answers};
}

/** Places of digital mediation per commune code. */
function countsByCommune(codes: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of codes) out.set(c, (out.get(c) ?? 0) + 1);
  return out;
}

/** The options of the lesson-1 question "what does grey (sans donnée) mean?"; the right one first in code. */
export const NO_DATA_OPTIONS = [
  "Le territoire n'a pas de valeur dans les données",
  "La valeur du territoire est 0",
  "La valeur est cachée pour protéger des personnes"
] as const;

/**
 * Lesson 1, reading a choropleth: places of digital mediation per 10 000 inhabitants per département, in 5
 * quantile classes (the thresholds the map uses). Exercises: the class of the chosen département (choice),
 * how many départements share it (number), what "sans donnée" means (choice).
 */
export function readingMapLesson(inputs: LessonInputs): LessonResult {
  const lieux = countsByCommune(inputs.lieux);
  const population = new Map<string, number>();
  const places = new Map<string, number>();
  for (const c of inputs.communes) {
    if (!inputs.departements.has(c.departement)) continue;
    population.set(c.departement, (population.get(c.departement) ?? 0) + (c.population ?? 0));
    places.set(c.departement, (places.get(c.departement) ?? 0) + (lieux.get(c.code) ?? 0));
  }
  const values = [...inputs.departements].map(([code, nom]) => {
    const p = population.get(code) ?? 0;
    return {code, nom, value: p > 0 ? round((10_000 * (places.get(code) ?? 0)) / p, 1) : null};
  });
  const bins = computeBins(
    values.map((v) => v.value),
    {type: "quantile", classes: 5}
  );
  const classOf = new Map(values.map((v) => [v.code, classify(v.value, bins.thresholds)]));
  return perDepartement(
    "lire-une-carte",
    inputs,
    (dep, ex) => {
      const k = classOf.get(dep);
      if (k === null || k === undefined) return {empty: "Ce département n'a pas de valeur sur cette carte."};
      ex.choice(
        "classe",
        classLabels(bins.thresholds, (x) => formatNumber(x, 1)),
        k
      );
      ex.number("meme-classe", [...classOf.values()].filter((c) => c === k).length, 0, 1);
      ex.choice("sans-donnee", NO_DATA_OPTIONS, 0, true);
      return {};
    },
    {values, thresholds: bins.thresholds}
  );
}

/** The options of the lesson-2 question "why do the biggest towns top every count?". */
export const COUNT_OPTIONS = [
  "Parce qu'elles ont plus d'habitants",
  "Parce que leurs habitants sont plus fragiles",
  "Parce que la carte est plus grande"
] as const;

/**
 * Lesson 2, counts versus rates: places of digital mediation per commune of the département, top 10 by count
 * and by rate per 10 000 inhabitants. Exercises: the département's rate, the rate of the commune with the most
 * places (numbers), why the biggest towns top the counts (choice).
 */
export function countsRatesLesson(inputs: LessonInputs): LessonResult {
  const lieux = countsByCommune(inputs.lieux);
  const communes = byDepartement(inputs.communes);
  return perDepartement("nombres-et-taux", inputs, (dep, ex) => {
    const rows = (communes.get(dep) ?? [])
      .filter((c) => (c.population ?? 0) > 0)
      .map((c) => {
        const n = lieux.get(c.code) ?? 0;
        return {
          code: c.code,
          nom: c.nom,
          population: c.population!,
          lieux: n,
          taux: round((10_000 * n) / c.population!, 1)
        };
      });
    const total = rows.reduce((s, r) => s + r.lieux, 0);
    const population = rows.reduce((s, r) => s + r.population, 0);
    const byCount = [...rows].sort((a, b) => b.lieux - a.lieux || b.population - a.population).slice(0, 10);
    const byRate = rows
      .filter((r) => r.lieux > 0)
      .sort((a, b) => b.taux - a.taux || a.population - b.population)
      .slice(0, 10);
    const data = {communes: rows.length, lieux: total, population, parNombre: byCount, parTaux: byRate};
    if (total === 0 || population === 0)
      return {...data, empty: "Aucun lieu de médiation dans ce département."};
    ex.number("taux-departement", (10_000 * total) / population, 0.1, 0.01);
    const first = byCount[0]!;
    ex.number("taux-premiere", (10_000 * first.lieux) / first.population, 0.1, 0.01);
    ex.choice("pourquoi", COUNT_OPTIONS, 0, true);
    return data;
  });
}

/** The options of the lesson-3 question "which number is the département's score?". */
export const MEAN_OPTIONS = [
  "La moyenne des communes pondérée par leur population",
  "La moyenne simple des scores des communes",
  "La médiane des scores des communes"
] as const;

/** How many communes the lesson-3 table lists (the most populous). */
export const MEAN_SAMPLE = 5;

/**
 * Lesson 3, mean versus median: the IFN score of the communes of the département (relative to the région).
 * The page shows every commune's score (for the histogram) and a table of the 5 most populous communes.
 * Exercises on that table: its median and its population-weighted mean (numbers, from the rounded values
 * shown), and which number is the département's (choice).
 */
export function meanMedianLesson(inputs: LessonInputs): LessonResult {
  const communes = byDepartement(inputs.communes);
  return perDepartement("moyenne-et-mediane", inputs, (dep, ex) => {
    const rows = (communes.get(dep) ?? [])
      .filter((c) => inputs.ifn.has(c.code) && (c.population ?? 0) > 0)
      .map((c) => ({
        code: c.code,
        nom: c.nom,
        population: c.population!,
        score: round(inputs.ifn.get(c.code)!, 1)
      }));
    if (rows.length === 0)
      return {empty: "Aucune commune de ce département n'a de score de fragilité numérique."};
    const scores = rows.map((r) => r.score);
    const weights = rows.map((r) => r.population);
    const echantillon = [...rows].sort((a, b) => b.population - a.population).slice(0, MEAN_SAMPLE);
    const s = echantillon.map((r) => r.score);
    const w = echantillon.map((r) => r.population);
    ex.number("mediane", median(s)!, 0.1, 0.05);
    ex.number("moyenne-ponderee", weightedMean(s, w)!, 0.5, 0.1);
    ex.choice("score-departement", MEAN_OPTIONS, 0, true);
    return {
      scores,
      populations: weights,
      echantillon,
      resume: {
        communes: rows.length,
        moyenne: round(scores.reduce((a, b) => a + b, 0) / scores.length, 1),
        mediane: round(median(scores)!, 1),
        ponderee: round(weightedMean(scores, weights)!, 1)
      }
    };
  });
}

/** The options of the lesson-4 question "what can we conclude?". */
export const CAUSATION_OPTIONS = [
  "Les deux varient ensemble, mais ce graphique ne prouve pas que l'un cause l'autre",
  "La fibre rend les habitants moins fragiles",
  "La fragilité empêche la fibre d'arriver"
] as const;

/** Population classes of lesson 4 (the third factor), lower bounds. */
export const SIZE_CLASSES = [0, 500, 2000, 10_000] as const;

/**
 * Lesson 4, correlation is not causation: share of premises eligible to 1 Gbit/s (≈ fibre) and IFN score of
 * the communes of the département. The page shows the scatter, Pearson's r, a 2 × 2 table (fibre above or
 * below the département's median, score above or below 100) and the means per size of commune. Exercises:
 * the share of fragile communes among the well-covered ones (number, from the table), the conclusion (choice).
 */
export function correlationLesson(inputs: LessonInputs): LessonResult {
  const communes = byDepartement(inputs.communes);
  return perDepartement("correlation-causalite", inputs, (dep, ex) => {
    const rows = (communes.get(dep) ?? [])
      .filter((c) => inputs.ifn.has(c.code) && inputs.fibre.has(c.code) && (c.population ?? 0) > 0)
      .map((c) => ({
        fibre: round(100 * inputs.fibre.get(c.code)!, 1),
        score: round(inputs.ifn.get(c.code)!, 1),
        population: c.population!
      }));
    if (rows.length < 3) return {empty: "Trop peu de communes de ce département ont les deux indicateurs."};
    const fibre = rows.map((r) => r.fibre);
    const score = rows.map((r) => r.score);
    const seuil = round(median(fibre)!, 1);
    const table = {bienFragiles: 0, bienAutres: 0, malFragiles: 0, malAutres: 0};
    for (const r of rows) {
      const bien = r.fibre >= seuil;
      const fragile = r.score > 100;
      if (bien && fragile) table.bienFragiles++;
      else if (bien) table.bienAutres++;
      else if (fragile) table.malFragiles++;
      else table.malAutres++;
    }
    const tailles = SIZE_CLASSES.map((lo, i) => {
      const hi = SIZE_CLASSES[i + 1] ?? Infinity;
      const group = rows.filter((r) => r.population >= lo && r.population < hi);
      const mean = (f: (r: (typeof rows)[number]) => number) =>
        group.length ? round(group.reduce((s, r) => s + f(r), 0) / group.length, 1) : null;
      return {
        min: lo,
        max: Number.isFinite(hi) ? hi : null,
        communes: group.length,
        fibre: mean((r) => r.fibre),
        score: mean((r) => r.score)
      };
    });
    const r = pearson(fibre, score);
    const bien = table.bienFragiles + table.bienAutres;
    ex.number("part-fragiles", (100 * table.bienFragiles) / bien, 1, 0.1);
    ex.choice("conclusion", CAUSATION_OPTIONS, 0, true);
    return {
      fibre,
      score,
      populations: rows.map((x) => x.population),
      r: r === null ? null : round(r, 2),
      seuil,
      table,
      tailles
    };
  });
}

/** The options of the lesson-5 question "why are counts from 1 to 10 hidden?". */
export const SECRECY_OPTIONS = [
  "Pour qu'on ne puisse pas reconnaître un élève ou une famille",
  "Parce que ces chiffres sont faux",
  "Pour que la carte soit plus jolie"
] as const;

/**
 * Lesson 5, statistical secrecy: pupils of the schools per commune under the kit's small-count rule
 * (loaders/education/secrecy.ts: counts from 1 to 10 hidden, then complementary cells). The page lists every
 * commune's published total (null when secret) and the communes with a hidden cell in full. Exercises: how many
 * communes have a hidden total, how many pupils the hidden totals hold together (département total minus the
 * published ones: the sum is known, each cell is not), why (choice).
 */
export function secrecyLesson(inputs: LessonInputs): LessonResult {
  const {schools} = inputs;
  const communes = byDepartement(schools.communes);
  const names = new Map(inputs.communes.map((c) => [c.code, c.nom]));
  const totals = new Map(schools.departements.map((d) => [d.departement, d]));
  return perDepartement(
    "secret-statistique",
    inputs,
    (dep, ex) => {
      const rows = communes.get(dep) ?? [];
      if (rows.length === 0) return {empty: "Aucune école de ce département dans les données."};
      const total = totals.get(dep)?.eleves ?? null;
      const published = rows.filter((r) => r.eleves !== null).reduce((s, r) => s + r.eleves!, 0);
      const hidden = rows.filter((r) => r.eleves === null).length;
      const data = {
        total,
        totalPublic: totals.get(dep)?.eleves_public ?? null,
        totalPrive: totals.get(dep)?.eleves_prive ?? null,
        communes: rows.map((r) => [r.code, r.eleves] as const),
        secretes: rows
          .filter((r) => r.secret)
          .map((r) => ({
            code: r.code,
            nom: names.get(r.code) ?? r.code,
            ecoles: r.ecoles,
            public: r.eleves_public,
            prive: r.eleves_prive,
            eleves: r.eleves
          }))
      };
      ex.number("communes-masquees", hidden, 0, 1);
      if (total !== null && hidden > 0) ex.number("eleves-caches", total - published, 0, 1);
      ex.choice("pourquoi", SECRECY_OPTIONS, 0, true);
      return data;
    },
    {threshold: schools.threshold ?? DEFAULT_SECRECY_THRESHOLD, rentree: schools.rentreeEffectifs}
  );
}

/** Every lesson's result, in lesson order. */
export function allLessons(inputs: LessonInputs): Record<LessonId, LessonResult> {
  return {
    "lire-une-carte": readingMapLesson(inputs),
    "nombres-et-taux": countsRatesLesson(inputs),
    "moyenne-et-mediane": meanMedianLesson(inputs),
    "correlation-causalite": correlationLesson(inputs),
    "secret-statistique": secrecyLesson(inputs)
  };
}

/** The table's rows whose `column` is a number, as `[code, value]` pairs (codes from `codeColumn`). */
function numberPairs(table: DataTable, codeColumn: string, column: string): [string, number][] {
  const out: [string, number][] = [];
  for (let i = 0; i < table.rowCount; i++) {
    const code = table.values[codeColumn]?.[i];
    const v = table.values[column]?.[i];
    if (typeof code === "string" && typeof v === "number") out.push([code, v]);
  }
  return out;
}

/** The served tables a lesson input is built from (by served name). */
export interface LessonTables {
  communes: DataTable;
  lieux: DataTable;
  ifn: DataTable;
  thd: DataTable;
}

/**
 * Builds {@link LessonInputs} from the served tables: sources coded in an older COG brought to today's
 * communes through `toCurrent` (passage-cog): places counted in their current commune, IFN scores averaged
 * over merged communes weighted by population, ARCEP premises summed before the share is recomputed.
 */
export function lessonInputs(
  tables: LessonTables,
  departements: ReadonlyMap<string, string>,
  toCurrent: (code: string) => string,
  schools: SchoolsByCommune
): LessonInputs {
  const communes: Commune[] = [];
  for (let i = 0; i < tables.communes.rowCount; i++) {
    const r = rowAt(tables.communes, i);
    communes.push({
      code: String(r.code),
      nom: String(r.nom),
      departement: String(r.departement),
      population: typeof r.population === "number" ? r.population : null
    });
  }
  const lieux = (tables.lieux.values.code_insee ?? [])
    .filter((c): c is string => typeof c === "string")
    .map(toCurrent);
  const scoreSums = new Map<string, [number, number]>();
  const population = numberPairs(tables.ifn, "code_commune", "population");
  const popOf = new Map(population);
  for (const [code, score] of numberPairs(tables.ifn, "code_commune", "score_global")) {
    const w = popOf.get(code) ?? 0;
    const c = toCurrent(code);
    const [a, b] = scoreSums.get(c) ?? [0, 0];
    // Weight 0 (no population given) still counts the score once, unweighted, when it is the only one.
    scoreSums.set(c, w > 0 ? [a + score * w, b + w] : b > 0 ? [a, b] : [score, 0]);
  }
  const ifn = new Map([...scoreSums].map(([c, [a, b]]) => [c, b > 0 ? a / b : a]));
  const thdRows = Array.from({length: tables.thd.rowCount}, (_, i) => rowAt(tables.thd, i));
  const fibre = new Map<string, number>();
  for (const [code, c] of coverageByCommune(thdRows as never, toCurrent, "elig_thd1g")) {
    if (c.part !== null) fibre.set(code, c.part);
  }
  return {communes, departements, lieux, ifn, fibre, schools};
}
