import {describe, expect, it} from "vitest";
import {passageTable} from "../../loaders/datasets/passage-cog.ts";
import {rowAt} from "../../loaders/core/table.ts";
import {mapCommuneCode} from "../../loaders/geo/cog.ts";
import {cogCommunes} from "../../loaders/geo/cog-data.ts";
import {communeActuelle} from "../../src/components/commune-actuelle.js";

const table = passageTable();
const rows = Array.from(
  {length: table.rowCount},
  (_, i) => rowAt(table, i) as {ancien_code: string; code_commune: string}
);
const versCommune = communeActuelle(rows);

describe("communeActuelle (défis: codes brought to today's commune through passage-cog)", () => {
  it("gives an arrondissement's commune, as the COG module does", () => {
    const arrondissements = cogCommunes().filter((c) => c.type === "arrondissement-municipal");
    expect(arrondissements.length).toBeGreaterThan(40);
    for (const a of arrondissements) expect(versCommune(a.code)).toBe(mapCommuneCode(a.code).code);
  });
  it("keeps current, unknown and missing codes as they are", () => {
    const current = cogCommunes().find((c) => c.type === "commune-actuelle")!.code;
    expect([versCommune(current), versCommune("99999"), versCommune(null)]).toEqual([current, "99999", null]);
  });
});
