/**
 * The indicator builder's model: its state (kept in the page address), the measures it can offer from the
 * catalogue, and the DuckDB SQL that computes an indicator for every territory of a level, from commune rows
 * rolled up through the `communes` table (departement, region, epci). A table's commune codes go through
 * `passage-cog` first, so that arrondissements municipaux and codes of older COGs count in today's commune.
 * Ratios respect statistical secrecy: a
 * territory whose denominator is between 1 and threshold − 1 gets no value, only `secret = true`. Pure.
 */
import {sqlTableName} from "../sql/sql-tables.js";

/** Default secrecy threshold (as loaders/education/secrecy.ts): denominators from 1 to 10 are not shown. */
export const DEFAULT_THRESHOLD = 11;

/** Geographic levels and the `communes` column holding each one's code. */
export const LEVELS = {
  commune: {label: "Commune", column: "code"},
  epci: {label: "EPCI", column: "epci"},
  departement: {label: "Département", column: "departement"},
  region: {label: "Région", column: "region"}
};

/** Aggregations offered. */
export const AGGREGATIONS = {
  sum: "Somme (ratio des sommes)",
  mean: "Moyenne des communes",
  weighted: "Moyenne des communes pondérée par la population"
};

/** Multipliers of a ratio. */
export const SCALES = [1, 100, 1000, 10000, 100000];

/** Units and column names of measures that are averaged, not added, over the rows of one commune. */
const AVERAGED = {
  units: new Set(["indice", "score (1 à 10)", "%", "degrés", "€", "euros"]),
  names: /taux|score|part_|^ips|moyen|median|rang/
};

/** SQL name of the table bringing arrondissements and older codes to the current commune (served `passage-cog`). */
const PASSAGE = sqlTableName("passage-cog");

/** The value of a measure that counts rows (`<table>.*`). */
export const COUNT = "*";

const CODE = /^[0-9]{2,3}$|^2[AB]$|^[0-9]{9}$/;

/**
 * @typedef {object} IndicatorState
 * @property {string} num numerator measure, `<served table>.<column>` or `<served table>.*` (row count)
 * @property {string} den denominator measure, same form, or "" for a single measure
 * @property {"commune" | "epci" | "departement" | "region" | "france"} level ("france" in computations only)
 * @property {"sum" | "mean" | "weighted"} agg
 * @property {string} region filter on a région code, or ""
 * @property {string} departement filter on a département code, or ""
 * @property {number} scale multiplier of the ratio (1, 100, 1000…)
 * @property {number} threshold secrecy threshold of the denominator
 * @property {string} territory selected territory code (dashboard), or ""
 */

/** The default state: lieux de médiation for 10 000 inhabitants, by département. */
export const DEFAULT_STATE = Object.freeze({
  num: "lieux-mediation-numerique.*",
  den: "communes.population",
  level: "departement",
  agg: "sum",
  region: "",
  departement: "",
  scale: 10000,
  threshold: DEFAULT_THRESHOLD,
  territory: ""
});

/** The longest address parameters read (characters): a longer link is refused as a whole. */
export const MAX_PARAMS_LENGTH = 2000;

const measure = (v) => /^[a-z0-9-]+\.([a-z0-9_]+|\*)$/.test(v);

/** What each parameter of the address may hold (the others are not the builder's). */
const VALID = {
  num: measure,
  den: (v) => v === "" || measure(v),
  level: (v) => Object.hasOwn(LEVELS, v),
  agg: (v) => Object.hasOwn(AGGREGATIONS, v),
  region: (v) => v === "" || CODE.test(v),
  departement: (v) => v === "" || CODE.test(v),
  scale: (v) => SCALES.includes(Number(v)),
  threshold: (v) => /^\d{1,4}$/.test(v),
  territory: (v) => v === "" || CODE.test(v) || /^(\d{5}|2[AB]\d{3})$/.test(v)
};

const asParams = (params) => (typeof params === "string" ? new URLSearchParams(params) : params);

/**
 * The state read from the page address; unknown or malformed values fall back to the defaults, and so does
 * everything when the parameters are longer than {@link MAX_PARAMS_LENGTH} (see {@link paramProblems}).
 * @param {URLSearchParams | string} params
 * @returns {IndicatorState}
 */
export function stateFromParams(params) {
  const p = asParams(params);
  if (p.toString().length > MAX_PARAMS_LENGTH) return {...DEFAULT_STATE};
  const text = (key) => {
    const v = p.get(key);
    return v != null && VALID[key](v) ? v : DEFAULT_STATE[key];
  };
  return {
    num: text("num"),
    den: p.has("den") ? text("den") : DEFAULT_STATE.den,
    level: text("level"),
    agg: text("agg"),
    region: text("region"),
    departement: text("departement"),
    scale: Number(text("scale")),
    threshold: Number(text("threshold")),
    territory: text("territory")
  };
}

/** A value quoted for a message, cut when long. */
const quoted = (v) => `« ${v.length > 40 ? `${v.slice(0, 40)}…` : v} »`;

/**
 * What a shared indicator link carries that the page did not take, in French, one sentence each (none when
 * the link is right): a link too long, parameters the builder does not know, values it does not accept (the
 * default is used instead). Pure.
 * @param {URLSearchParams | string} params
 * @returns {string[]}
 */
export function paramProblems(params) {
  const p = asParams(params);
  const length = p.toString().length;
  if (length > MAX_PARAMS_LENGTH)
    return [
      `Le lien est trop long (${length} caractères de paramètres, au plus ${MAX_PARAMS_LENGTH}) : il n'a pas été lu, l'indicateur par défaut est affiché.`
    ];
  const problems = [];
  const unknown = [...new Set(p.keys())].filter((k) => !Object.hasOwn(VALID, k));
  if (unknown.length)
    problems.push(
      `Paramètre${unknown.length > 1 ? "s" : ""} inconnu${unknown.length > 1 ? "s" : ""} ignoré${unknown.length > 1 ? "s" : ""} : ${unknown.slice(0, 5).map(quoted).join(", ")} (un lien d'indicateur ne porte que ses options).`
    );
  for (const key of Object.keys(VALID)) {
    const v = p.get(key);
    if (v != null && !VALID[key](v))
      problems.push(
        `Valeur non reconnue pour « ${key} » : ${quoted(v)}, remplacée par la valeur par défaut.`
      );
  }
  return problems;
}

/** The address parameters of a state (defaults left out, so links stay short). */
export function paramsFromState(state) {
  const p = new URLSearchParams();
  for (const key of Object.keys(DEFAULT_STATE)) {
    if (String(state[key]) !== String(DEFAULT_STATE[key])) p.set(key, String(state[key]));
  }
  return p;
}

/**
 * The measures a table offers: its numeric columns but those declared `measure: false` (years, coordinates), and
 * its row count, when it has a commune code column. Each carries the words its dataset declares (`words`: label,
 * unit, per) and, for a table of several years, its `period` (only its latest year is read). Rows of one commune
 * (its arrondissements' and former communes' rows included) are added (`within: "sum"`: counts, populations) or
 * averaged, unweighted (`"avg"`: indices, rates, scores). `label` is the machine-made fallback.
 * @param {{name: string, tableTitle?: string, rowMeasure?: object, period?: {column: string, label: string},
 *   columns: {name: string, type: string, description?: string, unit?: string, measure?: object | false}[]}} meta
 * @returns {{value: string, table: string, column: string, label: string, key: string, within?: "sum" | "avg",
 *   words?: {label: string, unit: string, per?: string}, period?: {column: string, label: string}}[]}
 */
export function measuresOf(meta) {
  const key = meta.columns.find((c) => c.type === "code:commune")?.name;
  if (!key) return [];
  const title = meta.tableTitle ?? meta.name;
  const common = {table: meta.name, key, ...(meta.period ? {period: meta.period} : {})};
  return [
    {
      value: `${meta.name}.${COUNT}`,
      column: COUNT,
      ...common,
      label: `${title} — nombre de lignes`,
      ...(meta.rowMeasure ? {words: meta.rowMeasure} : {})
    },
    ...meta.columns
      .filter((c) => (c.type === "integer" || c.type === "number") && c.measure !== false)
      .map((c) => ({
        value: `${meta.name}.${c.name}`,
        column: c.name,
        ...common,
        within: /** @type {"sum" | "avg"} */ (
          c.measure?.within ?? (AVERAGED.units.has(c.unit) || AVERAGED.names.test(c.name) ? "avg" : "sum")
        ),
        label: `${title} — ${c.description}${c.unit ? ` (${c.unit})` : ""}`,
        ...(c.measure ? {words: c.measure} : {})
      }))
  ];
}

const ident = (name) => `"${name.replace(/"/g, '""')}"`;

/**
 * The SQL computing the indicator for every territory of the level (one row each: code, numerateur,
 * denominateur, population, valeur, secret); level "france" gives one row, code "FR", for the whole country
 * (or the filtered area). Measures must come from {@link measuresOf} (they are checked).
 * @param {IndicatorState} state
 * @param {{value: string, table: string, column: string, key: string}[]} measures the measures offered
 * @returns {string}
 */
export function indicatorSql(state, measures) {
  const find = (value) => {
    const m = measures.find((x) => x.value === value);
    if (!m) throw new Error(`mesure inconnue : ${value}`);
    return m;
  };
  const num = find(state.num);
  const den = state.den ? find(state.den) : null;
  const level = state.level === "france" ? {column: null} : LEVELS[state.level];
  if (!level) throw new Error(`niveau inconnu : ${state.level}`);
  const threshold = Math.max(0, Math.floor(Number(state.threshold) || 0));
  const scale = Number(state.scale) || 1;
  const perCommune = (m) => (m.column === COUNT ? "count(*)" : `${m.within ?? "sum"}(t.${ident(m.column)})`);
  // Codes of another table may be arrondissements or older codes: passage_cog brings them to the commune.
  const source = (m, name) => {
    const key = `t.${ident(m.key)}`;
    const from = `${ident(sqlTableName(m.table))} t`;
    return m.table === "communes"
      ? `${name} AS (SELECT ${key} AS code, ${perCommune(m)} AS v FROM ${from} GROUP BY 1)`
      : `${name} AS (SELECT COALESCE(p.code_commune, ${key}) AS code, ${perCommune(m)} AS v FROM ${from}
    LEFT JOIN ${PASSAGE} p ON p.ancien_code = ${key} GROUP BY 1)`;
  };
  const where = [
    state.region && CODE.test(state.region) ? `c.region = '${state.region}'` : null,
    state.departement && CODE.test(state.departement) ? `c.departement = '${state.departement}'` : null
  ].filter(Boolean);
  // x: the commune's own value (ratio when there is a denominator); ok: the commune counts in means.
  const x = den ? `${scale} * num / nullif(den, 0)` : "num";
  const ok = den ? `den >= ${threshold}` : "num IS NOT NULL";
  const value = {
    sum: den ? `${scale} * sum(num) / nullif(sum(den), 0)` : "sum(num)",
    mean: `avg(CASE WHEN ${ok} THEN ${x} END)`,
    // (x in parentheses: `pop * 10000 * num` would overflow INTEGER populations of large communes)
    weighted: `sum(CASE WHEN ${ok} THEN pop * (${x}) END) / nullif(sum(CASE WHEN ${ok} AND (${x}) IS NOT NULL THEN pop END), 0)`
  }[state.agg];
  if (!value) throw new Error(`agrégation inconnue : ${state.agg}`);
  const secret = den ? `(denominateur > 0 AND denominateur < ${threshold})` : "false";
  return `WITH ${source(num, "num_source")}${den ? `,\n  ${source(den, "den_source")}` : ""},
base AS (
  SELECT ${level.column ? `c.${ident(level.column)}` : "'FR'"} AS territoire, c.population AS pop, n.v AS num, ${den ? "d.v" : "NULL"} AS den
  FROM communes c
  LEFT JOIN num_source n ON n.code = c.code${den ? "\n  LEFT JOIN den_source d ON d.code = c.code" : ""}${where.length ? `\n  WHERE ${where.join(" AND ")}` : ""}
),
agg AS (
  SELECT territoire AS code, sum(num) AS numerateur, sum(den) AS denominateur, sum(pop) AS population,
         ${value} AS valeur
  FROM base WHERE territoire IS NOT NULL GROUP BY territoire
)
SELECT code, numerateur, denominateur, population,
       CASE WHEN ${secret} THEN NULL ELSE valeur END AS valeur,
       ${secret} AS secret
FROM agg ORDER BY code`;
}

/** The tables an indicator reads (served names), `communes` first, `passage-cog` for any other table. */
export function indicatorTables(state) {
  const measured = [state.num, state.den].filter(Boolean).map((m) => m.split(".")[0]);
  const passage = measured.some((t) => t !== "communes") ? ["passage-cog"] : [];
  return [...new Set(["communes", ...measured, ...passage])];
}
