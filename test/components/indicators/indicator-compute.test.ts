/**
 * The indicator pages compute in plain JavaScript (src/components/indicators/indicator-compute.js) what the SQL shown on
 * them computes with DuckDB: every aggregation, level, filter and secrecy threshold gives the same rows as
 * indicatorSql run by DuckDB in Node on the same data, with rows coded by arrondissements or older codes
 * brought to today's commune through passage_cog.
 */
import {DuckDBInstance, type DuckDBConnection} from "@duckdb/node-api";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {
  communeValues,
  indicatorRows,
  latestPeriodKeys,
  passageMap,
  withinOf
} from "../../../src/components/indicators/indicator-compute.js";
import {
  indicatorSql,
  DEFAULT_STATE as PAGE_DEFAULT,
  type IndicatorState
} from "../../../src/components/indicators/indicator-sql.js";
import {
  expectSameRows,
  fixture,
  loadFixture,
  measures,
  normalise,
  type Fixture
} from "./indicator-fixture.ts";

/** The page's default indicator, on the fixture's table of places. */
const DEFAULT_STATE = {...PAGE_DEFAULT, num: "lieux-test.*"};

type Row = ReturnType<typeof indicatorRows>[number];
type State = Omit<IndicatorState, "level"> & {level: IndicatorState["level"] | "france"};

/** The fixture, plus what real tables have: a split commune, missing values, a commune without EPCI. */
function harderFixture(): Fixture {
  const data: Fixture = fixture();
  const [a, b, c] = data.communes;
  // An old code split between two of today's communes: its rows count in both (as SQL's join does).
  data.passage.push(
    {ancien_code: "01999", code_commune: a!.code},
    {ancien_code: "01999", code_commune: b!.code}
  );
  data.places.push({code_insee: "01999", places: 4}, {code_insee: "01999", places: null});
  data.places.push(
    {code_insee: c!.code, places: null},
    {code_insee: null, places: 3},
    {code_insee: "99999", places: 1}
  );
  data.communes[7]!.epci = null;
  return data;
}

/** The JavaScript path: per-commune values (build time), then the roll-up (page). */
function computeInJs(data: Fixture, state: State): Row[] {
  const codes = data.communes.map((c) => c.code);
  const passage = passageMap(
    data.passage.map((p) => p.ancien_code),
    data.passage.map((p) => p.code_commune)
  );
  const values = (value: string) => {
    const m = measures.find((x) => x.value === value)!;
    if (m.table === "communes")
      return communeValues(
        codes,
        codes,
        m.column === "*" ? null : data.communes.map((c) => c.population),
        withinOf(m)
      );
    return communeValues(
      codes,
      data.places.map((p) => p.code_insee),
      m.column === "*" ? null : data.places.map((p) => p.places),
      withinOf(m),
      passage
    );
  };
  const base = {
    code: codes,
    departement: data.communes.map((c) => c.departement),
    region: data.communes.map((c) => c.region),
    epci: data.communes.map((c) => c.epci),
    population: Float64Array.from(data.communes, (c) => c.population)
  };
  return indicatorRows(base, values(state.num), state.den ? values(state.den) : null, state);
}

const LEVELS = ["commune", "epci", "departement", "region", "france"] as const;
const AGGS = ["sum", "mean", "weighted"] as const;
const PAIRS = [
  {num: "lieux-test.*", den: "communes.population", scale: 10000},
  {num: "lieux-test.places", den: "communes.population", scale: 1000},
  {num: "lieux-test.places", den: "lieux-test.*", scale: 1},
  {num: "lieux-test.*", den: "", scale: 1},
  {num: "lieux-test.places", den: "", scale: 1},
  {num: "communes.population", den: "", scale: 1}
];

describe("indicatorRows (JavaScript) equals indicatorSql (DuckDB) on the same data", () => {
  const data = harderFixture();
  let connection: DuckDBConnection;
  beforeAll(async () => {
    connection = await (await DuckDBInstance.create(":memory:")).connect();
    await loadFixture(connection, data);
  });
  afterAll(() => connection.closeSync());
  const bySql = async (state: State) =>
    normalise(
      (await connection.runAndReadAll(indicatorSql(state, measures))).getRowObjectsJson() as Record<
        string,
        unknown
      >[]
    );

  for (const pair of PAIRS)
    for (const agg of AGGS)
      it(`${pair.num} / ${pair.den || "—"}, ${agg}, every level`, async () => {
        for (const level of LEVELS) {
          const state = {...DEFAULT_STATE, ...pair, agg, level};
          expectSameRows(computeInJs(data, state), await bySql(state));
        }
      });

  it("keeps small denominators secret at every threshold, including 0 (no secret) and one equal to a denominator", async () => {
    for (const threshold of [0, 1, 5, 11, 200, 3000])
      for (const agg of AGGS)
        for (const level of ["commune", "epci", "departement"] as const) {
          const state = {...DEFAULT_STATE, num: "lieux-test.places", agg, level, threshold};
          const js = computeInJs(data, state);
          expectSameRows(js, await bySql(state));
          expect(js.filter((r) => r.secret).every((r) => r.valeur === null)).toBe(true);
        }
    const secret = computeInJs(data, {...DEFAULT_STATE, level: "commune"}).filter((r) => r.secret);
    expect(secret.length).toBeGreaterThan(0);
  });

  it("filters on a région or a département as the SQL does", async () => {
    for (const filter of [{region: "94"}, {departement: "971"}, {region: "84", departement: "01"}])
      for (const level of LEVELS) {
        const state = {...DEFAULT_STATE, ...filter, level, agg: "weighted" as const};
        expectSameRows(computeInJs(data, state), await bySql(state));
      }
  });

  it("counts a row of a split old code in each of its communes, and leaves out unknown codes", () => {
    const rows = computeInJs(data, {...DEFAULT_STATE, num: "lieux-test.*", den: "", level: "france"});
    const known = new Set([...data.communes.map((c) => c.code), ...data.passage.map((p) => p.ancien_code)]);
    const counted = data.places.filter((p) => p.code_insee !== null && known.has(p.code_insee)).length;
    // Each of the two rows coded 01999 counts twice.
    expect(rows[0]!.valeur).toBe(counted + 2);
  });

  it("refuses an unknown level or aggregation", () => {
    expect(() => computeInJs(data, {...DEFAULT_STATE, level: "canton" as never})).toThrow(/niveau inconnu/);
    expect(() => computeInJs(data, {...DEFAULT_STATE, agg: "median" as never})).toThrow(
      /agrégation inconnue/
    );
  });

  it("reads a table of several years for its latest year only: pupils are not added across rentrées", () => {
    const keys = ["01001", "01001", "01002", "01002", null];
    const rentrees = [2022, 2023, 2023, null, 2023];
    const latest = latestPeriodKeys(keys, rentrees);
    expect(latest).toEqual({keys: [null, "01001", "01002", null, null], period: 2023});
    const pupils = communeValues(["01001", "01002"], latest.keys, [100, 110, 40, 999, 7], "sum");
    expect([...pupils]).toEqual([110, 40]);
    expect(latestPeriodKeys(["01001"], [null])).toEqual({keys: [null], period: null});
  });
});
