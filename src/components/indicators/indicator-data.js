/**
 * The data of the indicator pages (/indicateurs, /tableau-de-bord), without SQL engine: the files built by
 * src/data/indicateurs.zip.ts, each fetched once and only when needed (a measure's file when an indicator uses
 * it, the communes' names only at the commune level), and the indicator of a state computed from them in
 * plain JavaScript ({@link indicatorRows}, equal to the SQL of `indicatorSql`).
 */
import {indicatorRows} from "./indicator-compute.js";
import {measureValues} from "../formats/measure-codec.js";
import {COMMUNES_FILE, COMMUNE_NAMES_FILE, MEASURE_FILES, NAMES_FILE} from "./indicator-files.js";

/** The columns of an Arrow table as arrays (strings) or its typed arrays (numbers). */
function columns(table, names) {
  return Object.fromEntries(
    names.map((name) => {
      const vector = table.getChild(name);
      return [name, vector.type.typeId === 3 /* Float */ ? vector.toArray() : Array.from(vector)];
    })
  );
}

// (The collectivités d'outre-mer, told apart by `overseasRows`, are ranking.js's: kept here for the pages.)
export {isOverseasCollectivity, overseasRows} from "./ranking.js";

/**
 * @returns {{
 *   measures: string[],
 *   communes: () => Promise<import("./indicator-compute.js").CommuneBase>,
 *   values: (measure: string) => Promise<Float64Array>,
 *   nameOf: (level: string) => Promise<(code: string) => string>,
 *   rows: (state: Parameters<typeof indicatorRows>[3]) => Promise<ReturnType<typeof indicatorRows>>
 * }}
 */
export function indicatorData() {
  const once = new Map();
  const memo = (key, load) => {
    if (!once.has(key)) once.set(key, load());
    return once.get(key);
  };
  const communes = () =>
    memo("communes", async () =>
      columns(await COMMUNES_FILE().arrow(), ["code", "departement", "region", "epci", "population"])
    );
  const values = (measure) => {
    const file = MEASURE_FILES[measure];
    if (!file) return Promise.reject(new Error(`mesure inconnue : ${measure}`));
    return memo(measure, async () => measureValues(await file().arrow()));
  };
  /** Territory names of a level (communes' names fetched only for that level); an unknown code stays a code. */
  const nameOf = (level) =>
    memo(`names:${level}`, async () => {
      if (level === "commune") {
        const [{code}, names] = await Promise.all([communes(), COMMUNE_NAMES_FILE().arrow()]);
        const nom = names.getChild("nom");
        const byCode = new Map(code.map((c, i) => [c, nom.get(i)]));
        return (c) => byCode.get(c) ?? c;
      }
      const names = (await memo("names", () => NAMES_FILE().json()))[level] ?? {};
      return (c) => (c === "FR" ? "France" : (names[c] ?? c));
    });
  return {
    measures: Object.keys(MEASURE_FILES),
    communes,
    values,
    nameOf,
    async rows(state) {
      const [base, num, den] = await Promise.all([
        communes(),
        values(state.num),
        state.den ? values(state.den) : null
      ]);
      return indicatorRows(base, num, den, state);
    }
  };
}
