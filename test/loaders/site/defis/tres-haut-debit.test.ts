import {describe, expect, it} from "vitest";
import {coverageAndFragility} from "../../../../loaders/site/defis/tres-haut-debit.ts";
import {portrait} from "../../../challenges/fixtures.ts";

describe("coverageAndFragility(communes)", () => {
  const rows = coverageAndFragility([
    portrait({code: "90001", region: "27", population: 300, score: 110, locaux: 200, fibre: 150}),
    portrait({code: "90010", region: "27", population: 100, score: 90, locaux: 30, fibre: 10}),
    portrait({code: "90020", region: "27", population: 100, score: null, locaux: 30, fibre: 10}),
    portrait({code: "90030", region: "27", population: 100, score: 95, locaux: null, fibre: null})
  ]);
  it("keeps the communes with both a coverage count and a score", () => {
    expect(rows.map((r) => r.nom)).toEqual(["90001", "90010"]);
  });
  it("recomputes the share from the summed premises, and gives the gap to the région's mean", () => {
    // Région mean: (300 × 110 + 100 × 90 + 100 × 95) / 500 = 103 (the commune without coverage still counts).
    expect(rows[0]).toMatchObject({fibre: 0.75, score: 110, ecart: 7, locaux: 200});
    expect(rows[1]).toMatchObject({fibre: 0.333, ecart: -13});
  });
});
