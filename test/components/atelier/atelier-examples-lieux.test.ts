/**
 * The workshop's « lieux par département » example counts a lieu coded by its arrondissement municipal (Paris,
 * Lyon, Marseille) or by an older code in today's commune, through `passage_cog`: on a small generated table,
 * then on the real PACA hub file loaded by the kit's loader (../shared, skipped where absent).
 */
import {existsSync} from "node:fs";
import {resolve} from "node:path";
import {DuckDBInstance, type DuckDBConnection} from "@duckdb/node-api";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {loadTable} from "../../../loaders/core/duckdb.ts";
import {ingestFile} from "../../../loaders/core/ingest.ts";
import {deriveCommuneCodes} from "../../../loaders/geo/commune-derivation.ts";
import {communesFromPackage} from "../../../loaders/datasets/communes.ts";
import {passageTable} from "../../../loaders/datasets/passage-cog.ts";
import {mapCommuneCode} from "../../../loaders/geo/cog.ts";
import {cogCommunes} from "../../../loaders/geo/cog-data.ts";
import {getDataset} from "../../../loaders/registry.ts";
import {EXAMPLES} from "../../../src/components/atelier/atelier-examples.js";

const PACA = resolve(
  "../shared/data/lieux-mediation-numerique/20230517-hub-du-sud-lieux-de-mediation-numeriques-provence-alpes-cote-d-azur.json"
);
const example = EXAMPLES.find((d) => d.id === "fragilite-mediation")!.examples.find((e) =>
  e.sql.includes("lieux_mediation_numerique")
)!;
const departementOf = new Map(
  cogCommunes()
    .filter((c) => c.type === "commune-actuelle")
    .map((c) => [c.code, c.departement!])
);

/** Lieux per département as the example should count them: each code brought to today's commune. */
function expected(codes: readonly (string | null)[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const code of codes) {
    const mapped = code === null ? null : mapCommuneCode(code).code;
    const departement = mapped === null ? undefined : departementOf.get(mapped);
    if (departement) out.set(departement, (out.get(departement) ?? 0) + 1);
  }
  return out;
}

describe("lieux per département through passage_cog", () => {
  let connection: DuckDBConnection;
  const run = async () => {
    const reader = await connection.runAndReadAll(example.sql);
    const rows = reader.getRowObjectsJson() as {departement: string; lieux: string}[];
    return new Map(rows.map((r) => [r.departement, Number(r.lieux)]));
  };
  const loadLieux = async (codes: readonly (string | null)[]) => {
    await connection.run(
      "CREATE OR REPLACE TABLE lieux_mediation_numerique (id VARCHAR, code_insee VARCHAR)"
    );
    const appender = await connection.createAppender("lieux_mediation_numerique");
    codes.forEach((code, i) => {
      appender.appendVarchar(`l${i}`);
      if (code === null) appender.appendNull();
      else appender.appendVarchar(code);
      appender.endRow();
    });
    appender.closeSync();
  };
  beforeAll(async () => {
    connection = await (await DuckDBInstance.create(":memory:")).connect();
    await loadTable(connection, "communes", communesFromPackage());
    await loadTable(connection, "passage_cog", passageTable());
  }, 60_000);
  afterAll(() => connection.closeSync());

  it("counts arrondissements and older codes in their commune's département", async () => {
    const arrondissements = cogCommunes()
      .filter((c) => c.type === "arrondissement-municipal")
      .map((c) => c.code);
    const older = cogCommunes().find((c) => c.type === "commune-actuelle" && c.anciensCodes?.length)!
      .anciensCodes![0]!;
    const codes = [...arrondissements, "13055", older, null];
    await loadLieux(codes);
    const counts = await run();
    const wanted = expected(codes);
    expect(wanted.get("13")).toBeGreaterThan(1);
    for (const [departement, n] of wanted) expect(counts.get(departement), departement).toBe(n);
    expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(codes.length - 1);
  });

  it.skipIf(!existsSync(PACA))(
    "counts every coded lieu of the real PACA file, Marseille's arrondissements included",
    async () => {
      const {table} = await ingestFile(getDataset("lieux-mediation-numerique"), PACA, {deriveCommuneCodes});
      const codes = table.values.code_insee as (string | null)[];
      expect(codes.some((c) => c?.startsWith("132"))).toBe(true);
      await loadLieux(codes);
      const counts = await run();
      for (const [departement, n] of expected(codes)) expect(counts.get(departement), departement).toBe(n);
      expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(codes.filter((c) => c !== null).length);
    },
    60_000
  );
});
