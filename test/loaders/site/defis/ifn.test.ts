import {describe, expect, it} from "vitest";
import {currentCodes} from "../../../../loaders/site/defis/current-codes.ts";
import {ifnByCommune, regionalMeans, weightedMeansBy} from "../../../../loaders/site/defis/ifn.ts";
import {index, table} from "../../../challenges/fixtures.ts";

describe("ifnByCommune(ifn, toCurrent)", () => {
  const ifn = table([
    {code_commune: "90001", population: 100, score_global: 120},
    {code_commune: "90003", population: 300, score_global: 80},
    {code_commune: "90010", population: 50, score_global: 101.5},
    {code_commune: "90051", population: null, score_global: 110},
    {code_commune: "90052", population: 10, score_global: 90},
    {code_commune: "90999", population: 10, score_global: 90},
    {code_commune: "90050", population: 10, score_global: null}
  ]);
  const scores = ifnByCommune(ifn, currentCodes(ifn.values.code_commune!, index).toCurrent);

  it("keeps the score of a commune that gets one row as it is", () => {
    expect(scores.get("90010")).toEqual({score: 101.5, population: 50});
  });
  it("weights former communes merged since by their population", () => {
    expect(scores.get("90001")!.score).toBeCloseTo((120 * 100 + 80 * 300) / 400, 10);
    expect(scores.get("90001")!.population).toBe(400);
  });
  it("takes the plain mean when a population is missing, and leaves out codes with no current commune", () => {
    expect(scores.get("90050")).toEqual({score: 100, population: null});
    expect([...scores.keys()].sort()).toEqual(["90001", "90010", "90050"]);
  });
});

describe("regionalMeans(communes)", () => {
  it("is the population-weighted mean score of each région, skipping communes without a score", () => {
    const means = regionalMeans([
      {region: "27", population: 100, score: 90},
      {region: "27", population: 300, score: 110},
      {region: "27", population: 500, score: null},
      {region: "11", population: 0, score: 200},
      {region: "11", population: 10, score: 95}
    ]);
    expect(means.get("27")).toBeCloseTo(105, 10);
    expect(means.get("11")).toBe(95);
  });
  it("weightedMeansBy leaves out groups with no weighted value", () => {
    expect(
      weightedMeansBy(
        [{k: "a", v: null, w: 1}],
        (r) => r.k,
        (r) => r.v,
        (r) => r.w
      ).size
    ).toBe(0);
  });
});
