/**
 * Data coded in an older COG (2019 ARCEP file, 2020 IFN file) must join to today's communes once mapped.
 * Reads ../shared (real extracts); skipped where it is absent.
 */
import {existsSync, readFileSync} from "node:fs";
import {parse} from "csv-parse/sync";
import {describe, expect, it} from "vitest";
import {cog2026, mapCommuneCodes} from "../../../loaders/geo/cog.ts";

const ARCEP = "../shared/data/arcep-debit-communes/commune-debit-beta.csv";
const IFN = "../shared/data/indice-fragilite-numerique/ifn_mednum_iris_wide_DERIVED.csv";

function column(file: string, name: string, fromLine: number, delimiter: string): string[] {
  const rows = parse(readFileSync(file, "utf8"), {delimiter, columns: true, from_line: fromLine, bom: true});
  return (rows as Record<string, string>[]).map((r) => {
    const v = r[name];
    if (v === undefined) throw new Error(`${file}: no column ${name}`);
    return v;
  });
}

function joinReport(codes: string[]) {
  const cog = cog2026();
  const {lookup, report} = mapCommuneCodes(codes, cog);
  // Every mapped code is a commune of today's COG.
  for (const to of lookup.values()) expect(cog.current.has(to)).toBe(true);
  expect(report.unchanged + report.mapped + codes.filter((c) => !lookup.has(c)).length).toBe(codes.length);
  if (report.unmapped.length > 0)
    console.info(`unmapped (${report.unmapped.length}):`, report.unmapped.join(" "));
  return report;
}

describe.skipIf(!existsSync(ARCEP))("ARCEP débits 2019 (COG 2019) → COG 2026", () => {
  it("maps merged communes and lists the codes that do not join", () => {
    const codes = column(ARCEP, "code_insee", 2, ";");
    const report = joinReport(codes);
    expect(report.mapped).toBeGreaterThan(0);
    expect(report.byReason["ancien-code"] + report.byReason["commune-deleguee"]).toBeGreaterThan(0);
    // Old codes are a small minority and almost all of them map.
    expect(report.unmapped.length).toBeLessThan(codes.length / 100);
  });
});

describe.skipIf(!existsSync(IFN))(
  "Indice de fragilité numérique 2020 (IRIS, COG 2018-2019) → COG 2026",
  () => {
    it("maps the commune part of IRIS codes and lists the codes that do not join", () => {
      const codes = column(IFN, "code_iris", 1, ",").map((iris) => iris.slice(0, 5));
      const report = joinReport(codes);
      expect(report.mapped).toBeGreaterThan(0);
      expect(report.unmapped.length).toBeLessThan(new Set(codes).size / 100);
    });
  }
);
