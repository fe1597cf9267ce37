import {describe, expect, it} from "vitest";
import type {CogCommuneRecord} from "../../../loaders/geo/cog-data.ts";
import {cogCommunes} from "../../../loaders/geo/cog-data.ts";
import {
  buildCogIndex,
  cog2026,
  mapCommuneCode,
  mapCommuneCodes,
  remapRows
} from "../../../loaders/geo/cog.ts";

// A small invented COG: commune nouvelle 90001 absorbed 90002 (déléguée) and 90003 (old code only);
// 90010 has an associated commune 90011; 90050 is a city with arrondissements 90051, 90052.
const fixture: CogCommuneRecord[] = [
  {code: "90001", nom: "Nouvelle", type: "commune-actuelle", anciensCodes: ["90002", "90003"]},
  {code: "90001", nom: "Ancienne chef-lieu", type: "commune-deleguee", chefLieu: "90001"},
  {code: "90002", nom: "Déléguée", type: "commune-deleguee", chefLieu: "90001"},
  {code: "90010", nom: "Pôle", type: "commune-actuelle"},
  {code: "90011", nom: "Associée", type: "commune-associee", chefLieu: "90010"},
  {code: "90050", nom: "Ville", type: "commune-actuelle"},
  {code: "90051", nom: "Ville 1er", type: "arrondissement-municipal", commune: "90050"},
  {code: "90052", nom: "Ville 2e", type: "arrondissement-municipal", commune: "90050"}
];
const index = buildCogIndex(fixture);

describe("mapCommuneCode", () => {
  it("keeps current codes, including a chef-lieu that is also a commune déléguée", () => {
    expect(mapCommuneCode("90001", index)).toEqual({status: "current", code: "90001"});
    expect(mapCommuneCode(" 90010 ", index)).toEqual({status: "current", code: "90010"});
  });
  it("maps communes déléguées and associées to their chef-lieu, old codes to their commune", () => {
    expect(mapCommuneCode("90002", index)).toMatchObject({code: "90001", reason: "commune-deleguee"});
    expect(mapCommuneCode("90003", index)).toMatchObject({code: "90001", reason: "ancien-code"});
    expect(mapCommuneCode("90011", index)).toMatchObject({code: "90010", reason: "commune-associee"});
  });
  it("maps arrondissements municipaux to their commune, or keeps them on request", () => {
    expect(mapCommuneCode("90051", index)).toMatchObject({code: "90050", reason: "arrondissement-municipal"});
    expect(mapCommuneCode("90051", index, {arrondissements: "keep"})).toEqual({
      status: "arrondissement-kept",
      code: "90051"
    });
  });
  it("reports unknown and malformed codes", () => {
    expect(mapCommuneCode("90099", index).status).toBe("unknown");
    expect(mapCommuneCode("1001", index).status).toBe("invalid");
    expect(mapCommuneCode("", index).status).toBe("invalid");
  });
});

describe("mapCommuneCodes", () => {
  it("counts mapped, unchanged and unmapped codes and lists every unmapped one", () => {
    const input = ["90001", "90002", "90002", "90003", "90051", "90099", "abc", "90099"];
    const {lookup, report} = mapCommuneCodes(input, index);
    expect(report.total).toBe(input.length);
    expect(report.unchanged + report.mapped + 3).toBe(input.length);
    expect(report.unmapped).toEqual(["90099", "abc"]);
    expect(report.byReason["commune-deleguee"]).toBe(2);
    expect(report.changes.map((c) => c.from)).toEqual(["90002", "90003", "90051"]);
    expect(lookup.get("90003")).toBe("90001");
    expect(lookup.has("90099")).toBe(false);
  });
  it("remapRows rewrites the key column and returns the unmapped rows apart", () => {
    const rows = [
      {code: "90002", v: 1},
      {code: "90099", v: 2}
    ];
    const out = remapRows(rows, "code", index);
    expect(out.rows).toEqual([{code: "90001", v: 1}]);
    expect(out.unmappedRows).toEqual([{code: "90099", v: 2}]);
    expect(out.report.unmapped).toEqual(["90099"]);
  });
});

describe("COG 2026 from @etalab/decoupage-administratif", () => {
  const records = cogCommunes();
  const cog = cog2026();
  it("maps every code of the package's own tables to a current commune", () => {
    const all = records.map((r) => r.code).concat(records.flatMap((r) => r.anciensCodes ?? []));
    const {report, lookup} = mapCommuneCodes(all, cog);
    expect(report.unmapped).toEqual([]);
    for (const to of lookup.values()) expect(cog.current.has(to)).toBe(true);
  });
  it("sends each commune déléguée to the chef-lieu the package names", () => {
    const delegated = records.filter((r) => r.type === "commune-deleguee" && r.code !== r.chefLieu);
    expect(delegated.length).toBeGreaterThan(100);
    for (const r of delegated) expect(mapCommuneCode(r.code, cog).code).toBe(r.chefLieu);
  });
  it("maps the Paris, Lyon and Marseille arrondissements to their commune", () => {
    const arr = records.filter((r) => r.type === "arrondissement-municipal");
    expect(new Set(arr.map((r) => mapCommuneCode(r.code, cog).code))).toEqual(
      new Set(["75056", "69123", "13055"])
    );
  });
});
