import {DuckDBInstance, type DuckDBConnection} from "@duckdb/node-api";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {
  DEFAULT_STATE,
  indicatorSql,
  indicatorTables,
  paramsFromState,
  stateFromParams,
  type IndicatorState
} from "../../../src/components/indicators/indicator-sql.js";
import {fixture, loadFixture, measures} from "./indicator-fixture.ts";

describe("indicatorSql on DuckDB", () => {
  const {communes, passage, places: raw} = fixture();
  // The places as the builder must count them: each in today's commune.
  const current = new Map(passage.map((p) => [p.ancien_code, p.code_commune]));
  const places = raw.map((p) => ({...p, code_insee: current.get(p.code_insee) ?? p.code_insee}));
  let connection: DuckDBConnection;
  const run = async (state: Partial<IndicatorState>) => {
    const reader = await connection.runAndReadAll(indicatorSql({...DEFAULT_STATE, ...state}, measures));
    return reader.getRowObjectsJson() as {
      code: string;
      valeur: number | null;
      secret: boolean;
      denominateur: number;
    }[];
  };
  beforeAll(async () => {
    connection = await (await DuckDBInstance.create(":memory:")).connect();
    await loadFixture(connection, {communes, passage, places: raw});
  });

  it("counts rows coded by an arrondissement or an older code in today's commune", async () => {
    const viaPassage = raw.filter((p) => current.has(p.code_insee));
    expect(viaPassage.length).toBeGreaterThan(0);
    const rows = await run({num: "lieux-test.*", den: "", level: "commune"});
    expect(rows.map((r) => r.code)).toEqual(communes.map((c) => c.code).sort());
    for (const c of communes.filter((c) => [...current.values()].includes(c.code)))
      expect(Number(rows.find((r) => r.code === c.code)!.valeur ?? 0)).toBe(
        places.filter((p) => p.code_insee === c.code).length
      );
    const [france] = await run({num: "lieux-test.*", den: "", level: "france" as never});
    expect(Number(france!.valeur)).toBe(raw.length);
  });
  afterAll(() => connection.closeSync());

  it("offers the numeric columns and the row count of tables with a commune code only", () => {
    expect(measures.map((m) => m.value)).toEqual([
      "communes.*",
      "communes.population",
      "lieux-test.*",
      "lieux-test.places"
    ]);
  });

  it("ratio of sums per département, scaled, equals the count computed by hand", async () => {
    const rows = await run({
      num: "lieux-test.*",
      den: "communes.population",
      level: "departement",
      scale: 10000
    });
    for (const d of ["01", "2A", "971"]) {
      const codes = new Set(communes.filter((c) => c.departement === d).map((c) => c.code));
      const n = places.filter((p) => codes.has(p.code_insee)).length;
      const pop = communes.filter((c) => c.departement === d).reduce((s, c) => s + c.population, 0);
      expect(rows.find((r) => r.code === d)!.valeur).toBeCloseTo((10000 * n) / pop, 9);
    }
  });

  it("population-weighted mean of commune ratios leaves out communes under the threshold", async () => {
    const rows = await run({
      num: "lieux-test.places",
      den: "communes.population",
      level: "region",
      agg: "weighted",
      scale: 1
    });
    const region = "84";
    let weighted = 0;
    let weights = 0;
    for (const c of communes.filter((c) => c.region === region && c.population >= 11)) {
      const sum = places.filter((p) => p.code_insee === c.code).reduce((s, p) => s + p.places, 0);
      const hasRows = places.some((p) => p.code_insee === c.code);
      if (!hasRows) continue;
      weighted += c.population * (sum / c.population);
      weights += c.population;
    }
    expect(rows.find((r) => r.code === region)!.valeur).toBeCloseTo(weighted / weights, 9);
  });

  it("shows a small denominator as secret, never as a value", async () => {
    const rows = await run({num: "lieux-test.*", den: "communes.population", level: "commune"});
    const small = communes.filter((c) => c.population < 11);
    expect(small.length).toBeGreaterThan(0);
    for (const c of small)
      expect(rows.find((r) => r.code === c.code)).toMatchObject({valeur: null, secret: true});
    const big = rows.filter((r) => r.denominateur >= 11);
    expect(big.every((r) => r.secret === false)).toBe(true);
  });

  it("filters on a région and sums a single measure per EPCI", async () => {
    const rows = await run({num: "lieux-test.places", den: "", level: "epci", region: "94", scale: 1});
    const inRegion = communes.filter((c) => c.region === "94");
    expect(rows.map((r) => r.code).sort()).toEqual([...new Set(inRegion.map((c) => c.epci))].sort());
    for (const r of rows) {
      const codes = new Set(inRegion.filter((c) => c.epci === r.code).map((c) => c.code));
      const sum = places.filter((p) => codes.has(p.code_insee)).reduce((s, p) => s + p.places, 0);
      expect(Number(r.valeur ?? 0)).toBe(sum);
    }
  });

  it("weighted mean of ratios does not overflow INTEGER populations (a commune of 400 000)", async () => {
    await connection.run("CREATE TABLE big AS SELECT * FROM communes");
    await connection.run("ALTER TABLE communes ALTER population TYPE INTEGER");
    await connection.run(`UPDATE communes SET population = 400000 WHERE code = '${communes[1]!.code}'`);
    try {
      const rows = await run({
        num: "lieux-test.*",
        den: "communes.population",
        level: "region",
        agg: "weighted"
      });
      expect(rows.some((r) => r.valeur !== null)).toBe(true);
    } finally {
      await connection.run("CREATE OR REPLACE TABLE communes AS SELECT * FROM big");
      await connection.run("DROP TABLE big");
    }
  });

  it("level france sums everything into one row", async () => {
    const rows = await run({num: "lieux-test.*", den: "", level: "france" as never});
    expect(rows.map((r) => r.code)).toEqual(["FR"]);
    expect(Number(rows[0]!.valeur)).toBe(places.length);
  });

  it("refuses a measure that was not offered (no SQL built from the address)", () => {
    expect(() => indicatorSql({...DEFAULT_STATE, num: "sans-commune.x"}, measures)).toThrow(
      /mesure inconnue/
    );
    expect(() =>
      indicatorSql({...DEFAULT_STATE, num: 'communes.x"; DROP TABLE communes; --'}, measures)
    ).toThrow();
  });
});

describe("indicator state in the address", () => {
  it("round-trips and leaves defaults out", () => {
    const state: IndicatorState = {
      ...DEFAULT_STATE,
      level: "region",
      agg: "weighted",
      departement: "2A",
      scale: 100
    };
    const params = paramsFromState(state);
    expect(params.has("num")).toBe(false);
    expect(stateFromParams(params.toString())).toEqual(state);
  });
  it("falls back to defaults on malformed values (codes, levels, measures)", () => {
    const s = stateFromParams("level=pays&region=84';--&num=x&scale=7&den=");
    expect(s).toMatchObject({
      level: DEFAULT_STATE.level,
      region: "",
      num: DEFAULT_STATE.num,
      scale: DEFAULT_STATE.scale,
      den: ""
    });
  });
  it("lists the tables to load, communes first", () => {
    expect(
      indicatorTables({...DEFAULT_STATE, num: "pauvrete.taux_pauvrete", den: "communes.population"})
    ).toEqual(["communes", "pauvrete", "passage-cog"]);
    expect(indicatorTables({...DEFAULT_STATE, num: "communes.population", den: ""})).toEqual(["communes"]);
  });
});
