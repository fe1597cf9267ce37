import {describe, expect, it} from "vitest";
import {tableFromRows} from "../../../loaders/core/table.ts";
import {
  meanByDepartement,
  perInhabitants,
  populationByDepartement,
  shareByDepartement
} from "../../../loaders/site/home-thumbnails.ts";

const columns = (names: string[]) =>
  names.map(
    (name) => ({name, type: name.startsWith("code") || name === "departement" ? "code" : "number"}) as const
  );

describe("home thumbnails", () => {
  const communes = tableFromRows(columns(["code", "departement", "population"]), [
    {code: "35238", departement: "35", population: 200_000},
    {code: "35001", departement: "35", population: 50_000},
    {code: "97411", departement: "974", population: 100_000}
  ]);
  const population = populationByDepartement(communes);

  it("sums populations by département, overseas codes included", () => {
    expect(population.get("35")).toBe(250_000);
    expect(population.get("974")).toBe(100_000);
  });

  it("counts rows (or a weight) per 100 000 inhabitants, finding the département of 97x communes", () => {
    const lieux = tableFromRows(columns(["code_insee", "n"]), [
      {code_insee: "35238", n: 2},
      {code_insee: "35001", n: 3},
      {code_insee: "97411", n: 1}
    ]);
    expect(perInhabitants(lieux, "code_insee", population)).toEqual({"35": 0.8, "974": 1});
    expect(perInhabitants(lieux, "code_insee", population, "n")).toEqual({"35": 2, "974": 1});
  });

  it("averages with weights and computes shares, skipping missing values", () => {
    const ifn = tableFromRows(columns(["code_commune", "score", "population", "ok", "total"]), [
      {code_commune: "35238", score: 90, population: 3, ok: 1, total: 4},
      {code_commune: "35001", score: 130, population: 1, ok: 3, total: 4},
      {code_commune: "97411", score: null, population: 5, ok: null, total: 2}
    ]);
    expect(meanByDepartement(ifn, "code_commune", "score", "population")).toEqual({"35": 100});
    expect(shareByDepartement(ifn, "code_commune", "ok", "total")).toEqual({"35": 50});
    expect(shareByDepartement(ifn, "code_commune", ["ok", "ok"], "total")).toEqual({"35": 100});
  });
});
