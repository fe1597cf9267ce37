import {describe, expect, it} from "vitest";
import {communePortraits, countByCommune} from "../../../../loaders/site/defis/commune-portrait.ts";
import {communes, index, table} from "../../../challenges/fixtures.ts";

describe("countByCommune(table, column)", () => {
  it("counts rows (or sums a column) per current commune, reporting codes with none", () => {
    const lieux = table([
      {code_insee: "90002"},
      {code_insee: "90001"},
      {code_insee: "90051"},
      {code_insee: "90998"}
    ]);
    const {counts, unmapped} = countByCommune(lieux, "code_insee", undefined, index);
    expect(Object.fromEntries(counts)).toEqual({"90001": 2, "90050": 1});
    expect(unmapped).toEqual(["90998"]);
    const postes = table([
      {code_commune: "90003", nb_conseillers: 2},
      {code_commune: "90001", nb_conseillers: 3}
    ]);
    expect(countByCommune(postes, "code_commune", "nb_conseillers", index).counts.get("90001")).toBe(5);
  });
});

describe("communePortraits(sources)", () => {
  const {communes: rows, unmapped} = communePortraits(
    {
      communes,
      ifn: table([
        {code_commune: "90002", population: 100, score_global: 120},
        {code_commune: "90003", population: 100, score_global: 100}
      ]),
      lieux: table([{code_insee: "90051"}, {code_insee: "90052"}]),
      thd: table([
        {code_commune: "90002", locaux: 100, elig_thd1g: 50},
        {code_commune: "90003", locaux: 300, elig_thd1g: 250},
        {code_commune: "90010", locaux: 40, elig_thd1g: null},
        {code_commune: "90777", locaux: 5, elig_thd1g: 5}
      ])
    },
    index
  );
  const byCode = new Map(rows.map((r) => [r.code, r]));

  it("has one row per current commune, with its population and belonging", () => {
    expect(rows.map((r) => r.code)).toEqual(["90001", "90010", "90050"]);
    expect(byCode.get("90050")).toMatchObject({
      departement: "91",
      region: "11",
      epci: "200000002",
      population: 6000
    });
  });
  it("joins each source on today's commune: former communes and arrondissements are added up", () => {
    expect(byCode.get("90001")!.score).toBe(110);
    expect(byCode.get("90050")!.lieux).toBe(2);
    expect(byCode.get("90001")).toMatchObject({locaux: 400, fibre: 300});
  });
  it("leaves the fibre count null where ARCEP gives none, and reports the codes it could not bring", () => {
    expect(byCode.get("90010")).toMatchObject({locaux: null, fibre: null, score: null, lieux: 0});
    expect(unmapped["couverture-thd"]).toEqual(["90777"]);
    expect(unmapped["lieux-mediation-numerique"]).toEqual([]);
  });
});
