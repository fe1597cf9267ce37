import {describe, expect, it} from "vitest";
import {aggregate} from "../../../loaders/geo/aggregate.ts";
import {cogEpci} from "../../../loaders/geo/cog-data.ts";
import {buildTerritoryIndex, territories2026} from "../../../loaders/geo/territories.ts";

// Invented hierarchy: région R1 > départements D1, D2; communes 90001, 90002 in EPCI 200000001; 90003 alone.
const index = buildTerritoryIndex(
  [
    {code: "90001", nom: "A", type: "commune-actuelle", departement: "91", region: "11", population: 100},
    {code: "90002", nom: "B", type: "commune-actuelle", departement: "91", region: "11", population: 300},
    {code: "90003", nom: "C", type: "commune-actuelle", departement: "92", region: "11", population: 50},
    {code: "90004", nom: "D", type: "commune-deleguee", departement: "92", region: "11", chefLieu: "90003"}
  ],
  [
    {
      code: "200000001",
      nom: "CC AB",
      type: "CC",
      membres: [
        {code: "90001", nom: "A"},
        {code: "90002", nom: "B"}
      ]
    }
  ],
  [
    {code: "91", nom: "D1", region: "11", zone: "metro"},
    {code: "92", nom: "D2", region: "11", zone: "metro"}
  ],
  [{code: "11", nom: "R1", zone: "metro"}]
);

describe("aggregate", () => {
  it("sums counts per département and région", () => {
    const values = [
      {code: "90001", value: 1},
      {code: "90002", value: 2},
      {code: "90003", value: 4}
    ];
    const dep = aggregate(values, "departement", {method: "sum", index}).rows;
    expect(dep.map((r) => [r.code, r.name, r.value])).toEqual([
      ["91", "D1", 3],
      ["92", "D2", 4]
    ]);
    expect(aggregate(values, "region", {method: "sum", index}).rows[0]?.value).toBe(7);
  });
  it("weights means by population unless weights are given", () => {
    const values = [
      {code: "90001", value: 10},
      {code: "90002", value: 20}
    ];
    const byPop = aggregate(values, "epci", {method: "weighted-mean", index}).rows[0];
    expect(byPop?.value).toBeCloseTo((10 * 100 + 20 * 300) / 400);
    const equal = values.map((v) => ({...v, weight: 1}));
    expect(aggregate(equal, "epci", {method: "weighted-mean", index}).rows[0]?.value).toBeCloseTo(15);
  });
  it("counts missing values instead of reading them as zero, and reports codes it cannot place", () => {
    const {rows, report} = aggregate(
      [
        {code: "90001", value: null},
        {code: "90002", value: 5},
        {code: "90003", value: Number.NaN},
        {code: "90004", value: 1},
        {code: "99999", value: 1}
      ],
      "epci",
      {method: "sum", index}
    );
    expect(rows).toEqual([{code: "200000001", name: "CC AB", value: 5, communes: 1, missing: 1}]);
    expect(report.unknownCodes).toEqual(["90004", "99999"]);
    expect(report.withoutParent).toEqual(["90003"]);
  });
  it("gives null, not zero, for a territory with no known value", () => {
    const {rows} = aggregate([{code: "90003", value: null}], "departement", {method: "sum", index});
    expect(rows[0]?.value).toBeNull();
  });
});

describe("aggregate with COG 2026", () => {
  it("rebuilds each EPCI from its member communes (count, and population within a few percent)", () => {
    const t = territories2026();
    const values = [...t.population].map(([code, value]) => ({code, value}));
    const {rows} = aggregate(values, "epci", {method: "sum"});
    const published = new Map(cogEpci().map((e) => [e.code, e]));
    expect(rows.length).toBe(published.size);
    let close = 0;
    for (const r of rows) {
      const e = published.get(r.code);
      expect(r.communes).toBe(e?.membres.length);
      // The package's commune and EPCI populations are of different vintages: compare loosely.
      if (Math.abs((r.value ?? 0) / (e?.populationMunicipale ?? 1) - 1) < 0.05) close++;
    }
    expect(close / rows.length).toBeGreaterThan(0.95);
  });
});
