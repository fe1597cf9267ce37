import {describe, expect, it} from "vitest";
import {
  communesWithoutLieu,
  departementOffers,
  scoreDistribution
} from "../../../../loaders/site/defis/fragilite-mediation.ts";
import {portrait} from "../../../challenges/fixtures.ts";

const communes = [
  portrait({
    code: "90001",
    departement: "90",
    region: "27",
    population: 3000,
    score: 130,
    lieux: 0,
    conseillers: 2
  }),
  portrait({code: "90010", departement: "90", region: "27", population: 1000, score: 90, lieux: 4}),
  portrait({code: "25001", departement: "25", region: "27", population: 6000, score: 90, lieux: 1}),
  portrait({code: "91001", departement: "91", region: "11", population: 2500, score: null, lieux: 0})
];
const names = {
  regions: [
    {code: "11", nom: "Île-de-France"},
    {code: "27", nom: "Bourgogne-Franche-Comté"}
  ],
  departements: [
    {code: "25", nom: "Doubs", region: "27"},
    {code: "90", nom: "Territoire de Belfort", region: "27"},
    {code: "91", nom: "Essonne", region: "11"}
  ]
};

describe("departementOffers(communes, names)", () => {
  const rows = departementOffers(communes, names);
  it("compares each département's score with its région's population-weighted mean, in points", () => {
    // Région 27: (3000 × 130 + 1000 × 90 + 6000 × 90) / 10,000 = 102.
    expect(rows.find((d) => d.code === "90")).toMatchObject({
      score: 120,
      moyenneRegion: 102,
      ecartRegion: 18
    });
    expect(rows.find((d) => d.code === "25")).toMatchObject({
      ecartRegion: -12,
      nomRegion: "Bourgogne-Franche-Comté"
    });
  });
  it("rates lieux and postes per 10,000 inhabitants, and leaves the gap null without scores", () => {
    expect(rows.find((d) => d.code === "90")).toMatchObject({lieux: 4, lieux10k: 10, conseillers10k: 5});
    expect(rows.find((d) => d.code === "91")).toMatchObject({
      score: null,
      moyenneRegion: null,
      ecartRegion: null
    });
  });
});

describe("scoreDistribution(communes)", () => {
  it("sums the population of the communes with a score by bin, with or without a lieu", () => {
    expect(scoreDistribution(communes, 10)).toEqual([
      {x1: 90, x2: 100, groupe: "au moins un lieu", population: 7000},
      {x1: 130, x2: 140, groupe: "aucun lieu", population: 3000}
    ]);
  });
});

describe("communesWithoutLieu(communes)", () => {
  it("lists the communes of 2,000 inhabitants or more with no lieu, largest first, with their région's mean", () => {
    expect(communesWithoutLieu(communes).map((c) => [c.code, c.moyenneRegion])).toEqual([
      ["90001", 102],
      ["91001", null]
    ]);
  });
});
