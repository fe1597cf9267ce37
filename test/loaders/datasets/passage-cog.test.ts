/**
 * The `passage-cog` table lets SQL users join an old file to today's communes: each old code gives the commune
 * `mapCommuneCode` gives, and with it every code of the real ARCEP 2019 file joins (../shared, skipped where
 * absent).
 */
import {existsSync, readFileSync} from "node:fs";
import {parse} from "csv-parse/sync";
import {describe, expect, it} from "vitest";
import {communesFromPackage} from "../../../loaders/datasets/communes.ts";
import {passageTable} from "../../../loaders/datasets/passage-cog.ts";
import {mapCommuneCode} from "../../../loaders/geo/cog.ts";
import {cogCommunes} from "../../../loaders/geo/cog-data.ts";
import {rowAt} from "../../../loaders/core/table.ts";

const ARCEP = "../shared/data/arcep-debit-communes/commune-debit-beta.csv";
const passage = passageTable();
const current = new Set(communesFromPackage().values.code as string[]);

describe("passage-cog", () => {
  it("maps each old code as the COG module does, to a current commune, once", () => {
    expect(passage.rowCount).toBeGreaterThan(1000);
    const seen = new Set<string>();
    for (let i = 0; i < passage.rowCount; i++) {
      const {ancien_code, code_commune, raison} = rowAt(passage, i) as {
        ancien_code: string;
        code_commune: string;
        raison: string;
      };
      expect(seen.has(ancien_code)).toBe(false);
      seen.add(ancien_code);
      expect(current.has(ancien_code)).toBe(false);
      expect(current.has(code_commune)).toBe(true);
      expect(mapCommuneCode(ancien_code)).toMatchObject({
        status: "mapped",
        code: code_commune,
        reason: raison
      });
    }
  });
});

describe("passage-cog and the arrondissements municipaux", () => {
  it("brings each arrondissement of Paris, Lyon and Marseille to its commune (13201 → 13055)", () => {
    const arrondissements = cogCommunes().filter((c) => c.type === "arrondissement-municipal");
    expect(new Set(arrondissements.map((a) => a.commune))).toEqual(new Set(["75056", "69123", "13055"]));
    const rows = new Map(
      Array.from({length: passage.rowCount}, (_, i) => rowAt(passage, i)).map((r) => [r.ancien_code, r])
    );
    for (const a of arrondissements)
      expect(rows.get(a.code), a.nom).toEqual({
        ancien_code: a.code,
        code_commune: a.commune,
        raison: "arrondissement-municipal"
      });
    expect(rows.get("13201")?.code_commune).toBe("13055");
  });
});

describe.skipIf(!existsSync(ARCEP))("ARCEP 2019 joined through passage-cog", () => {
  it("every commune code of the file is current or in the table", () => {
    const rows = parse(readFileSync(ARCEP, "utf8"), {delimiter: ";", columns: true, from_line: 2, bom: true});
    const old = new Set(passage.values.ancien_code as string[]);
    const codes = (rows as Record<string, string>[]).map((r) => r.code_insee!);
    const viaPassage = codes.filter((c) => !current.has(c));
    expect(viaPassage.length).toBeGreaterThan(0);
    expect(viaPassage.filter((c) => !old.has(c))).toEqual([]);
  });
});
