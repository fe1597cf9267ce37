/**
 * Which chart suits a query result, decided from its columns and values. Pure: the workshop draws what this
 * returns. A column of territorial codes with a number gives a map, a date with a number a line, a category
 * with a number a bar chart.
 */

/** Région codes of the COG (2016 onwards), to tell a région code from a two-digit département code. */
const REGION_CODES = new Set([
  "01",
  "02",
  "03",
  "04",
  "06",
  "11",
  "24",
  "27",
  "28",
  "32",
  "44",
  "52",
  "53",
  "75",
  "76",
  "84",
  "93",
  "94"
]);

const PATTERNS = {
  commune: /^(\d{5}|2[AB]\d{3})$/,
  epci: /^\d{9}$/,
  departement: /^(\d{2}|2[AB]|97\d)$/,
  region: /^\d{2}$/
};

/** The kind of an Apache Arrow field (or a plain {type} string): "number", "date", "string", "boolean" or "other". */
export function fieldKind(field) {
  const type = String(field.type ?? "").toLowerCase();
  if (/^(u?int|float|double|decimal|number|integer|bigint)/.test(type)) return "number";
  if (/^(date|timestamp)/.test(type)) return "date";
  if (/^(utf8|largeutf8|string|varchar)/.test(type)) return "string";
  if (/^bool/.test(type)) return "boolean";
  return "other";
}

/**
 * The territorial level of a column of codes, from its name and values, or null.
 * @param {string} name column name
 * @param {unknown[]} values its values (a sample is enough)
 * @returns {"commune" | "epci" | "departement" | "region" | null}
 */
export function codeLevel(name, values) {
  const texts = values.filter((v) => v != null && v !== "").map(String);
  if (texts.length === 0) return null;
  const all = (re) => texts.every((t) => re.test(t));
  // A named column may hold other codes (collectivités d'outre-mer 975, 987…): 60 % of values must fit.
  const most = (re) => texts.filter((t) => re.test(t)).length >= 0.6 * texts.length;
  const n = name.toLowerCase();
  if (/(^|_)(reg|region)($|_)/.test(n) && most(PATTERNS.region)) return "region";
  if (/(^|_)(dep|dept|departement)($|_)/.test(n) && most(PATTERNS.departement)) return "departement";
  if (/(^|_)(epci|siren)($|_)/.test(n) && most(PATTERNS.epci)) return "epci";
  if (/(^|_)(com|commune|insee|code_commune|codgeo)($|_)/.test(n) && most(PATTERNS.commune)) return "commune";
  if (!/(^|_)code($|_)|territoire|^geo/.test(n)) return null;
  if (all(PATTERNS.commune)) return "commune";
  if (all(PATTERNS.epci)) return "epci";
  if (all(PATTERNS.region) && texts.every((t) => REGION_CODES.has(t)) && new Set(texts).size <= 18)
    return "region";
  if (all(PATTERNS.departement)) return "departement";
  return null;
}

/**
 * @typedef {{type: "map", level: "commune" | "epci" | "departement" | "region", code: string, value: string}
 *   | {type: "line", x: string, y: string}
 *   | {type: "bar", x: string, y: string}
 *   | {type: "none", reason: string}} ChartSpec
 */

/**
 * The chart to draw for a result.
 * @param {{name: string, type: unknown}[]} fields the result's fields (Arrow schema fields)
 * @param {Record<string, unknown>[]} rows a sample of rows (the first hundred are enough)
 * @returns {ChartSpec}
 */
export function chooseChart(fields, rows) {
  if (rows.length === 0) return {type: "none", reason: "aucune ligne"};
  const kinds = fields.map((f) => ({name: f.name, kind: fieldKind(f)}));
  const numbers = kinds.filter((f) => f.kind === "number");
  const measure = numbers.find((f) => !/(^|_)(code|annee|year|rang)($|_)/i.test(f.name)) ?? numbers[0];
  if (!measure) return {type: "none", reason: "aucune colonne numérique"};
  for (const f of kinds) {
    if (f.kind !== "string") continue;
    const level = codeLevel(
      f.name,
      rows.map((r) => r[f.name])
    );
    if (level) return {type: "map", level, code: f.name, value: measure.name};
  }
  const date = kinds.find((f) => f.kind === "date");
  if (date && rows.length > 1) return {type: "line", x: date.name, y: measure.name};
  const category = kinds.find((f) => f.kind === "string" || f.kind === "boolean");
  if (category) return {type: "bar", x: category.name, y: measure.name};
  return {type: "none", reason: "aucune colonne de catégorie, de date ni de code territorial"};
}
