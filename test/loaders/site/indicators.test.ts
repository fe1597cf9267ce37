/**
 * The files the indicator pages read (src/data/indicateurs.zip, built by loaders/site/indicators.ts) give, rolled
 * up in JavaScript, the same rows as the SQL shown on the pages run by DuckDB in Node on the served tables
 * themselves (the offline defaults, or the snapshots loaded on this machine).
 */
import {DuckDBInstance, type DuckDBConnection} from "@duckdb/node-api";
import {tableFromIPC} from "apache-arrow";
import JSZip from "jszip";
import {afterAll, beforeAll, describe, it} from "vitest";
import {loadTable} from "../../../loaders/core/duckdb.ts";
import {servedTable} from "../../../loaders/site/data-archive.ts";
import {indicatorArchive, indicatorMeasures} from "../../../loaders/site/indicators.ts";
import {indicatorRows, measureFile} from "../../../src/components/indicators/indicator-compute.js";
import {measureValues} from "../../../src/components/formats/measure-codec.js";
import {
  DEFAULT_STATE,
  indicatorSql,
  type IndicatorState,
  type Measure
} from "../../../src/components/indicators/indicator-sql.js";
import {sqlTableName} from "../../../src/components/sql/sql-tables.js";
import {expectSameRows, normalise} from "../../components/indicators/indicator-fixture.ts";

const NAMES = ["communes", "passage-cog", "lieux-mediation-numerique", "pauvrete", "couverture-thd"];
const STATES: Partial<IndicatorState>[] = [
  {},
  {level: "commune", threshold: 500},
  {level: "epci", agg: "weighted"},
  {num: "pauvrete.taux_pauvrete", den: "", level: "region", agg: "mean"},
  {num: "pauvrete.taux_pauvrete", den: "", level: "departement", agg: "weighted", region: "84"},
  {num: "couverture-thd.elig_thd100", den: "couverture-thd.locaux", scale: 100, level: "departement"},
  {num: "couverture-thd.elig_thd100", den: "couverture-thd.locaux", scale: 100, level: "epci", agg: "mean"}
];

describe("indicator files built at build time, rolled up in the page", () => {
  let connection: DuckDBConnection;
  let zip: JSZip;
  let measures: Measure[];
  const arrow = async (member: string) => tableFromIPC(await zip.file(member)!.async("uint8array"));
  beforeAll(async () => {
    measures = await indicatorMeasures(NAMES);
    zip = await JSZip.loadAsync(await indicatorArchive(NAMES));
    connection = await (await DuckDBInstance.create(":memory:")).connect();
    for (const name of NAMES) await loadTable(connection, sqlTableName(name), await servedTable(name));
  }, 180_000);
  afterAll(() => connection?.closeSync());

  it("equal the SQL of every state tried, on the served tables", async () => {
    const communes = await arrow("communes.arrow");
    const column = (name: string) => communes.getChild(name)!.toArray();
    const base = {
      code: column("code"),
      departement: column("departement"),
      region: column("region"),
      epci: column("epci"),
      population: column("population")
    };
    const values = async (measure: string) => measureValues(await arrow(measureFile(measure)));
    for (const partial of STATES) {
      const state = {...DEFAULT_STATE, ...partial};
      const sql = (await connection.runAndReadAll(indicatorSql(state, measures))).getRowObjectsJson();
      const js = indicatorRows(
        base,
        await values(state.num),
        state.den ? await values(state.den) : null,
        state
      );
      expectSameRows(js, normalise(sql as Record<string, unknown>[]));
    }
  }, 60_000);
});
