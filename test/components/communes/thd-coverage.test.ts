/**
 * `coverageByCommune` (défi « Très haut débit »): ARCEP rows coded in an older COG summed into today's
 * communes, the share recomputed from the sums. On the real ARCEP 2019 file (../shared, skipped where absent),
 * no row whose code passage-cog maps is lost any more when matched to today's communes.
 */
import {existsSync, readFileSync} from "node:fs";
import {parse} from "csv-parse/sync";
import {describe, expect, it} from "vitest";
import {communesFromPackage} from "../../../loaders/datasets/communes.ts";
import {passageTable} from "../../../loaders/datasets/passage-cog.ts";
import {rowAt} from "../../../loaders/core/table.ts";
import {currentCommune} from "../../../src/components/communes/current-commune.js";
import {coverageByCommune} from "../../../src/components/communes/thd-coverage.js";

const ARCEP = "../shared/data/arcep-debit-communes/commune-debit-beta.csv";

describe("coverageByCommune", () => {
  const toCurrent = (code: string) => ({"00001": "00003", "00002": "00003"})[code] ?? code;

  it("sums the rows of a merged commune and recomputes the share from the sums", () => {
    const rows = [
      {code_commune: "00001", locaux: 100, elig_thd1g: 90},
      {code_commune: "00002", locaux: 300, elig_thd1g: 30},
      {code_commune: "00004", locaux: 50, elig_thd1g: 25}
    ];
    const out = coverageByCommune(rows, toCurrent);
    expect([...out.keys()].sort()).toEqual(["00003", "00004"]);
    // (90 + 30) / (100 + 300), not the mean of 0.9 and 0.1.
    expect(out.get("00003")).toEqual({code: "00003", locaux: 400, eligibles: 120, part: 0.3, lignes: 2});
    expect(out.get("00004")).toEqual({code: "00004", locaux: 50, eligibles: 25, part: 0.5, lignes: 1});
  });

  it("leaves a row without the count out of the share's denominator, and counts the chosen class", () => {
    const rows = [
      {code_commune: "00001", locaux: 100, elig_thd1g: 40, elig_thd30: 10},
      {code_commune: "00002", locaux: 300, elig_thd1g: null, elig_thd30: 60},
      {code_commune: "00004", locaux: 50, elig_thd1g: null, elig_thd30: null}
    ];
    const fibre = coverageByCommune(rows, toCurrent);
    expect(fibre.get("00003")).toMatchObject({locaux: 400, eligibles: 40, part: 0.4});
    expect(fibre.get("00004")).toMatchObject({locaux: 50, eligibles: 0, part: null});
    expect(coverageByCommune(rows, toCurrent, "elig_thd30").get("00003")).toMatchObject({
      part: 70 / 400
    });
  });
});

describe.skipIf(!existsSync(ARCEP))("coverageByCommune on the real ARCEP 2019 file", () => {
  it("matches every row to today's communes, merged communes included, premises kept", () => {
    const raw = parse(readFileSync(ARCEP, "utf8"), {delimiter: ";", columns: true, from_line: 2, bom: true});
    const rows = (raw as Record<string, string>[]).map((r) => ({
      code_commune: r.code_insee!,
      locaux: Number(r.nbr),
      elig_thd1g: r.elig_thd1g === "" ? null : Number(r.elig_thd1g)
    }));
    const current = new Set(communesFromPackage().values.code as string[]);
    const table = passageTable();
    const passage = Array.from(
      {length: table.rowCount},
      (_, i) => rowAt(table, i) as {ancien_code: string; code_commune: string}
    );
    const mapped = new Set(passage.map((p) => p.ancien_code));
    const viaPassage = rows.filter((r) => mapped.has(r.code_commune));
    expect(viaPassage.length).toBeGreaterThan(0);

    // Before: matched on the raw code, the rows of a code passage-cog maps find no current commune.
    const before = rows.filter((r) => current.has(r.code_commune)).length;
    expect(viaPassage.filter((r) => current.has(r.code_commune))).toEqual([]);
    // After: every row lands in a current commune, premises summed, none lost.
    const out = coverageByCommune(rows, currentCommune(passage));
    const matched = [...out.values()].filter((c) => current.has(c.code));
    const after = matched.reduce((s, c) => s + c.lignes, 0);
    expect(before).toBe(rows.length - viaPassage.length);
    expect(after).toBe(before + viaPassage.length);
    expect(after).toBe(rows.length);
    const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
    expect(sum(matched.map((c) => c.locaux))).toBe(sum(rows.map((r) => r.locaux)));
    console.info(
      `ARCEP 2019: ${rows.length} rows, matched to a current commune ${before} before, ${after} after ` +
        `(${viaPassage.length} rows through passage-cog, ${out.size} current communes)`
    );
  });
});
