/**
 * Synthetic data shared by the indicator tests: communes in 2 régions / 3 départements, a table of places
 * (several rows per commune, some coded by an arrondissement or an older code), their `passage_cog`, and the
 * same tables in DuckDB (Node).
 */
import type {DuckDBConnection} from "@duckdb/node-api";
import {expect} from "vitest";
import type {IndicatorRow} from "../../../src/components/indicators/indicator-compute.js";
import {metaColumns} from "../../../loaders/core/meta.ts";
import {mulberry32} from "../../../loaders/core/prng.ts";
import {DATASETS} from "../../../loaders/registry.ts";
import {measuresOf} from "../../../src/components/indicators/indicator-sql.js";

export interface FixtureCommune {
  code: string;
  departement: string;
  region: string;
  epci: string | null;
  population: number;
}
export interface Fixture {
  communes: FixtureCommune[];
  places: {code_insee: string | null; places: number | null}[];
  passage: {ancien_code: string; code_commune: string}[];
}

/** Synthetic communes in 2 régions / 3 départements, and a table of places (several rows per commune). */
export function fixture() {
  const random = mulberry32(7);
  const communes = Array.from({length: 60}, (_, i) => {
    const departement = ["01", "2A", "971"][i % 3]!;
    return {
      code: `${departement.slice(0, 2)}${String(100 + i).padStart(3, "0")}`,
      departement,
      region: departement === "971" ? "01" : departement === "2A" ? "94" : "84",
      epci: `2000000${String(i % 5).padStart(2, "0")}`,
      population: i % 7 === 0 ? 5 : Math.floor(random() * 5000) + 20
    };
  });
  // Arrondissements (or older codes) of the first communes: places coded so count in their commune.
  const passage = communes
    .slice(0, 6)
    .map((c, i) => ({ancien_code: `${c.code.slice(0, 2)}9${10 + i}`, code_commune: c.code}));
  const perCode = (code: string, min: number) =>
    Array.from({length: Math.floor(random() * 4) + min}, (_, k) => ({
      code_insee: code,
      places: k + 1
    }));
  const places = [
    ...communes.flatMap((c) => perCode(c.code, 0)),
    ...passage.flatMap((p) => perCode(p.ancien_code, 1))
  ];
  return {communes, places, passage};
}

/** Catalogue metadata of the fixture's tables (and one without a commune code). */
export const metas = [
  {
    name: "communes",
    columns: [
      {name: "code", type: "code:commune"},
      {name: "population", type: "integer", description: "Population"}
    ]
  },
  {
    name: "lieux-test",
    columns: [
      {name: "code_insee", type: "code:commune"},
      {name: "places", type: "integer", description: "Places"}
    ]
  },
  {name: "sans-commune", columns: [{name: "x", type: "number"}]}
];
export const measures = metas.flatMap(measuresOf);

const sql = (v: string | number | null) => (v === null ? "NULL" : typeof v === "number" ? v : `'${v}'`);

/** Creates the fixture's tables in DuckDB: communes, lieux_test, passage_cog. */
export async function loadFixture(connection: DuckDBConnection, data: Fixture): Promise<void> {
  const insert = async (table: string, rows: (string | number | null)[][]) => {
    if (rows.length)
      await connection.run(
        `INSERT INTO ${table} VALUES ${rows.map((r) => `(${r.map(sql).join(", ")})`).join(", ")}`
      );
  };
  await connection.run(
    "CREATE OR REPLACE TABLE communes (code VARCHAR, departement VARCHAR, region VARCHAR, epci VARCHAR, population BIGINT)"
  );
  await insert(
    "communes",
    data.communes.map((c) => [c.code, c.departement, c.region, c.epci, c.population])
  );
  await connection.run("CREATE OR REPLACE TABLE lieux_test (code_insee VARCHAR, places BIGINT)");
  await insert(
    "lieux_test",
    data.places.map((p) => [p.code_insee, p.places])
  );
  await connection.run(
    "CREATE OR REPLACE TABLE passage_cog (ancien_code VARCHAR, code_commune VARCHAR, raison VARCHAR)"
  );
  await insert(
    "passage_cog",
    data.passage.map((p) => [p.ancien_code, p.code_commune, "arrondissement-municipal"])
  );
}

const number = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/** The rows compared: numbers as numbers, SQL's NULL secret (no denominator sum) as false. */
export function normalise(rows: Record<string, unknown>[]): IndicatorRow[] {
  return rows.map((r) => ({
    code: String(r.code),
    numerateur: number(r.numerateur),
    denominateur: number(r.denominateur),
    population: number(r.population),
    valeur: number(r.valeur),
    secret: r.secret === true
  }));
}

/** Equal numbers, both missing, or equal to a relative 1e-12 (sums of decimals in another order). */
function expectNumber(got: number | null, want: number | null) {
  if (want === null || got === null) expect(got).toBe(want);
  else expect(Math.abs(got - want)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(want)));
}

/** The JavaScript rows equal the SQL rows: same territories, same secrecy, same numbers (to rounding). */
export function expectSameRows(js: IndicatorRow[], sql: IndicatorRow[]) {
  expect(js.map((r) => r.code)).toEqual(sql.map((r) => r.code));
  js.forEach((row, i) => {
    const want = sql[i]!;
    expect(row.secret).toBe(want.secret);
    for (const key of ["numerateur", "denominateur", "population", "valeur"] as const)
      expectNumber(row[key], want[key]);
  });
}

/** Every measure of the declared tables (a part's columns replace its dataset's), as the builder offers them. */
export function declaredMeasures() {
  return DATASETS.flatMap((d) => [
    ...measuresOf({
      name: d.id,
      tableTitle: d.title,
      columns: metaColumns(d.columns),
      ...(d.rowMeasure ? {rowMeasure: d.rowMeasure} : {}),
      ...(d.period ? {period: d.period} : {})
    }),
    ...(d.parts ?? []).flatMap((p) =>
      measuresOf({
        name: `${d.id}-${p.suffix}`,
        tableTitle: p.title,
        columns: metaColumns(p.columns),
        ...(p.rowMeasure ? {rowMeasure: p.rowMeasure} : {})
      })
    )
  ]);
}
