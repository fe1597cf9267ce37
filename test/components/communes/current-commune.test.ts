import {describe, expect, it} from "vitest";
import {passageTable} from "../../../loaders/datasets/passage-cog.ts";
import {rowAt} from "../../../loaders/core/table.ts";
import {mapCommuneCode} from "../../../loaders/geo/cog.ts";
import {cogCommunes} from "../../../loaders/geo/cog-data.ts";
import {currentCommune} from "../../../src/components/communes/current-commune.js";

const table = passageTable();
const rows = Array.from(
  {length: table.rowCount},
  (_, i) => rowAt(table, i) as {ancien_code: string; code_commune: string}
);
const toCurrent = currentCommune(rows);

describe("currentCommune (défis: codes brought to today's commune through passage-cog)", () => {
  it("gives an arrondissement's commune, as the COG module does", () => {
    const arrondissements = cogCommunes().filter((c) => c.type === "arrondissement-municipal");
    expect(arrondissements.length).toBeGreaterThan(40);
    for (const a of arrondissements) expect(toCurrent(a.code)).toBe(mapCommuneCode(a.code).code);
  });
  it("keeps current, unknown and missing codes as they are", () => {
    const current = cogCommunes().find((c) => c.type === "commune-actuelle")!.code;
    expect([toCurrent(current), toCurrent("99999"), toCurrent(null)]).toEqual([current, "99999", null]);
  });
});
