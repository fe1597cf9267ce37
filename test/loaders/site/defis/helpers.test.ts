import {describe, expect, it} from "vitest";
import {combinePositions, fromInset} from "../../../../loaders/site/defis/commune-positions.ts";
import {schoolsByCommune} from "../../../../loaders/site/defis/schools.ts";
import {tableFromRows} from "../../../../loaders/core/table.ts";
import {summarizeColumns, type ColumnSpec} from "../../../../loaders/core/schema.ts";
import {haversineKm, nearestIndex} from "../../../../src/components/stats/distance.js";
import {toInset} from "../../../../src/components/maps/insets.js";
import {linearFit, pearson, weightedMean} from "../../../../src/components/stats/stats.js";

describe("distance", () => {
  it("gives great-circle distances (Paris–Lyon about 392 km)", () => {
    expect(haversineKm([2.3522, 48.8566], [4.8357, 45.764])).toBeGreaterThan(385);
    expect(haversineKm([2.3522, 48.8566], [4.8357, 45.764])).toBeLessThan(400);
    expect(haversineKm([1, 45], [1, 45])).toBe(0);
  });

  it("finds the same nearest point as a brute-force search", () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const targets = Array.from({length: 300}, (_, i) => ({
      i,
      p: [-5 + 14 * random(), 42 + 9 * random()] as [number, number]
    }));
    const index = nearestIndex(targets, (t) => t.p);
    for (let k = 0; k < 200; k++) {
      const q: [number, number] = [-5 + 14 * random(), 42 + 9 * random()];
      const brute = Math.min(...targets.map((t) => haversineKm(q, t.p)));
      expect(index.nearest(q)!.km).toBeCloseTo(brute, 9);
    }
    expect(nearestIndex([], () => [0, 0]).nearest([1, 1])).toBeNull();
    expect(index.nearest(null)).toBeNull();
  });
});

describe("stats", () => {
  const rows = [1, 2, 3, 4, 5].map((x) => ({x, y: 3 + 2 * x, w: x}));
  it("fits a line and a correlation, skipping missing values", () => {
    const fit = linearFit(
      [...rows, {x: null, y: 1, w: 1}],
      (d) => d.x,
      (d) => d.y
    )!;
    expect(fit.slope).toBeCloseTo(2);
    expect(fit.intercept).toBeCloseTo(3);
    expect(fit.n).toBe(5);
    expect(
      pearson(
        rows,
        (d) => d.x,
        (d) => -d.y
      )
    ).toBeCloseTo(-1);
    expect(
      pearson(
        rows.slice(0, 2),
        (d) => d.x,
        (d) => d.y
      )
    ).toBeNull();
  });
  it("weights a mean", () => {
    expect(
      weightedMean(
        rows,
        (d) => d.x,
        (d) => d.w
      )
    ).toBeCloseTo(55 / 15);
    expect(
      weightedMean(
        [],
        (d: {x: number}) => d.x,
        () => 1
      )
    ).toBeNull();
  });
});

describe("commune positions", () => {
  it("moves an inset position back to its DROM", () => {
    const reunion: [number, number] = [55.5, -21.1];
    const back = fromInset(toInset(reunion) as [number, number]);
    expect(back[0]).toBeCloseTo(reunion[0], 9);
    expect(back[1]).toBeCloseTo(reunion[1], 9);
    expect(fromInset([2.35, 48.85])).toEqual([2.35, 48.85]);
  });

  it("uses contour centroids where known, demonstration positions elsewhere, and says so", () => {
    const communes = [
      {code: "35238", departement: "35"},
      {code: "97411", departement: "974"}
    ];
    const mixed = combinePositions(communes, new Map([["35238", [-1.68, 48.11] as [number, number]]]));
    expect(mixed.status).toBe("démonstration");
    expect(mixed.fromContours).toBe(1);
    expect(mixed.rows[0]).toEqual({code: "35238", longitude: -1.68, latitude: 48.11});
    expect(mixed.rows[1]!.longitude).toBeGreaterThan(55);
    expect(mixed.note).toContain("1 communes");
    const demo = combinePositions(communes, new Map());
    expect(demo).toEqual(combinePositions(communes, new Map()));
    expect(demo.note).toMatch(/^Positions de démonstration/);
    const real = combinePositions(
      communes.slice(0, 1),
      new Map([["35238", [-1.68, 48.11] as [number, number]]])
    );
    expect(real.status).toBe("réel");
  });
});

describe("schoolsByCommune", () => {
  const effectifsColumns: ColumnSpec[] = [
    {name: "rentree", type: "integer", description: "", nullable: false},
    {name: "uai", type: "string", description: "", nullable: false},
    {name: "secteur", type: "string", description: "", nullable: true},
    {name: "rep", type: "boolean", description: "", nullable: true},
    {name: "rep_plus", type: "boolean", description: "", nullable: true},
    {name: "code_commune", type: "string", description: "", nullable: true},
    {name: "departement", type: "string", description: "", nullable: true},
    {name: "nb_classes", type: "integer", description: "", nullable: true},
    {name: "nb_eleves", type: "integer", description: "", nullable: true}
  ];
  const ipsColumns: ColumnSpec[] = [
    {name: "rentree", type: "integer", description: "", nullable: false},
    {name: "niveau", type: "string", description: "", nullable: false},
    {name: "uai", type: "string", description: "", nullable: false},
    {name: "code_commune", type: "string", description: "", nullable: true},
    {name: "ips", type: "number", description: "", nullable: true}
  ];
  const school = (uai: string, code: string, secteur: string, eleves: number, rentree = 2022) => ({
    rentree,
    uai,
    secteur,
    rep: uai.endsWith("R"),
    rep_plus: false,
    code_commune: code,
    departement: "35",
    nb_classes: Math.ceil(eleves / 25),
    nb_eleves: eleves
  });
  const effectifs = tableFromRows(summarizeColumns(effectifsColumns), [
    school("0350001A", "35001", "public", 120),
    school("0350002B", "35001", "privé", 60),
    school("0350003C", "35002", "public", 80),
    school("0350004R", "35003", "public", 7), // small: secret
    school("0350005E", "35004", "public", 90),
    school("0350001A", "35001", "public", 999, 2021) // older rentrée: ignored
  ]);
  const ips = tableFromRows(summarizeColumns(ipsColumns), [
    {rentree: 2022, niveau: "école", uai: "0350001A", code_commune: "35001", ips: 110},
    {rentree: 2022, niveau: "école", uai: "0350002B", code_commune: "35001", ips: 130},
    {rentree: 2022, niveau: "collège", uai: "0350009X", code_commune: "35001", ips: 50},
    {rentree: 2021, niveau: "école", uai: "0350003C", code_commune: "35002", ips: 70}
  ]);
  const result = schoolsByCommune(effectifs, ips);
  const byCode = new Map(result.communes.map((c) => [c.code, c]));

  it("counts schools and classes of the latest rentrée and averages the schools' IPS", () => {
    expect(result.rentreeEffectifs).toBe(2022);
    expect(result.rentreeIps).toBe(2022);
    expect(byCode.get("35001")).toMatchObject({ecoles: 2, eleves: 180, eleves_public: 120, eleves_prive: 60});
    expect(byCode.get("35001")!.ips_moyen).toBe(120);
    expect(byCode.get("35002")!.ips_moyen).toBeNull();
    expect(byCode.get("35003")!.ecoles_rep).toBe(1);
  });

  it("hides small pupil counts and enough others that they cannot be recomputed", () => {
    const small = byCode.get("35003")!;
    expect(small.secret).toBe(true);
    expect(small.eleves).toBeNull();
    expect(small.eleves_public).toBeNull();
    // The département total is published, so another commune's total must be hidden too.
    const dep = result.departements.find((d) => d.departement === "35")!;
    const hiddenTotals = result.communes.filter((c) => c.eleves === null).length;
    if (dep.eleves !== null) expect(hiddenTotals).toBeGreaterThanOrEqual(2);
    expect(result.primary).toBeGreaterThan(0);
  });
});
