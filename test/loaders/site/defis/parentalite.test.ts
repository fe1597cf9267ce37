import {describe, expect, it} from "vitest";
import {
  parentingIngredients,
  percentileRanks,
  povertyByCommune
} from "../../../../loaders/site/defis/parentalite.ts";
import {currentCodes} from "../../../../loaders/site/defis/current-codes.ts";
import {index, portrait, table} from "../../../challenges/fixtures.ts";

describe("percentileRanks(rows, value)", () => {
  it("ranks from 0 to 100, ties sharing the lowest rank, rows without a value absent", () => {
    const rows = [{v: 10}, {v: 30}, {v: 20}, {v: 20}, {v: null}, {v: 40}];
    const ranks = percentileRanks(rows, (r) => r.v);
    expect(rows.map((r) => ranks.get(r) ?? null)).toEqual([0, 75, 25, 25, null, 100]);
  });
});

describe("povertyByCommune(pauvrete, toCurrent)", () => {
  it("keeps the rate of a commune with one row, and gives null where former communes meet", () => {
    const pauvrete = table([
      {code_commune: "90010", taux_pauvrete: 12.5},
      {code_commune: "90002", taux_pauvrete: 10},
      {code_commune: "90003", taux_pauvrete: 20}
    ]);
    const rates = povertyByCommune(pauvrete, currentCodes(pauvrete.values.code_commune!, index).toCurrent);
    expect(Object.fromEntries(rates)).toEqual({"90010": 12.5, "90001": null});
  });
});

describe("parentingIngredients(communes, schools, poverty)", () => {
  const rows = parentingIngredients(
    [
      portrait({code: "a", region: "27", population: 1000, score: 120}),
      portrait({code: "b", region: "27", population: 1000, score: 100}),
      portrait({code: "c", region: "11", population: 1000, score: 90}),
      portrait({code: "d", region: "11", population: 1000, score: 80})
    ],
    [
      {
        code: "a",
        departement: "90",
        ecoles: 1,
        classes: 4,
        ecoles_rep: 0,
        eleves: 100,
        eleves_public: 100,
        eleves_prive: 0,
        secret: false,
        ips_moyen: 90,
        ecoles_ips: 1
      },
      {
        code: "c",
        departement: "91",
        ecoles: 1,
        classes: 4,
        ecoles_rep: 0,
        eleves: null,
        eleves_public: null,
        eleves_prive: null,
        secret: true,
        ips_moyen: 110,
        ecoles_ips: 1
      }
    ],
    new Map([["b", 15]])
  );
  it("ranks the IFN within each région: the most fragile commune of each région ranks 100", () => {
    expect(rows.map((r) => r.ifn)).toEqual([100, 0, 100, 0]);
  });
  it("ranks the other ingredients nationally, a low IPS meaning more need", () => {
    expect(rows[0]).toMatchObject({familles: 0, ips: 100});
    expect(rows[2]).toMatchObject({familles: null, ips: 0});
    expect(rows[1]).toMatchObject({pauvrete: 0, ips: null});
  });
});
