import {DuckDBInstance, type DuckDBConnection} from "@duckdb/node-api";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {EXAMPLES} from "../../../src/components/atelier/atelier-examples.js";
import {createDeclaredTables} from "../sql/catalogue-schema.ts";

const DEFIS = [
  "fragilite-mediation",
  "acces-france-services",
  "tres-haut-debit",
  "ecole-numerique",
  "parentalite-numerique",
  "diagnostic-territorial"
];

describe("workshop examples", () => {
  let connection: DuckDBConnection;
  beforeAll(async () => {
    connection = await (await DuckDBInstance.create(":memory:")).connect();
    await createDeclaredTables(connection);
  });
  afterAll(() => connection.closeSync());

  it("cover every défi, at least two queries each", () => {
    expect(EXAMPLES.map((d) => d.id).sort()).toEqual([...DEFIS].sort());
    for (const d of EXAMPLES) expect(d.examples.length).toBeGreaterThanOrEqual(2);
  });
  for (const defi of EXAMPLES)
    for (const example of defi.examples)
      it(`${defi.id}: « ${example.title} » binds on the declared columns`, async () => {
        await expect(connection.run(example.sql)).resolves.toBeDefined();
      });
});
