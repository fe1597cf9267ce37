import {describe, expect, it} from "vitest";
import {
  diagnosticCommunes,
  diagnosticTerritories,
  withSchools
} from "../../../../loaders/site/defis/diagnostic.ts";
import {portrait} from "../../../challenges/fixtures.ts";

const communes = [
  portrait({
    code: "90001",
    departement: "90",
    region: "27",
    epci: "200000001",
    population: 3000,
    score: 110.04
  }),
  portrait({code: "90010", departement: "90", region: "27", epci: "200000001", population: 1000, score: 90}),
  portrait({code: "91001", departement: "91", region: "11", epci: "200000001", population: 5000, score: 100})
];
const names = {
  regions: [
    {code: "11", nom: "Île-de-France"},
    {code: "27", nom: "Bourgogne-Franche-Comté"},
    {code: "84", nom: "Auvergne-Rhône-Alpes"}
  ],
  departements: [
    {code: "90", nom: "Territoire de Belfort", region: "27"},
    {code: "91", nom: "Essonne", region: "11"}
  ],
  epci: [{code: "200000001", nom: "CC à cheval"}]
};

describe("diagnosticTerritories(communes, names)", () => {
  const t = diagnosticTerritories(withSchools(communes, []), names, new Map([["90", 2021]]));

  it("gives the fiche of France, of each région and département that has communes", () => {
    expect(t.france.population).toBe(9000);
    expect(t.regions.map((r) => r.code)).toEqual(["11", "27"]);
    expect(t.departements[0]).toMatchObject({
      code: "90",
      region: "27",
      tne: 2021,
      population: 4000,
      fragilite: 105
    });
    expect(t.departements[1]!.tne).toBeNull();
  });
  it("compares an EPCI across two régions with the région where most of its population lives", () => {
    expect(t.epci[0]).toMatchObject({region: "11", departements: ["90", "91"], communes: 3});
  });
});

describe("diagnosticCommunes(communes)", () => {
  it("keeps the columns the charts use, the score rounded to 0.1", () => {
    expect(diagnosticCommunes(communes)[0]).toEqual({
      nom: "90001",
      departement: "90",
      epci: "200000001",
      population: 3000,
      score: 110,
      lieux: 0
    });
  });
});
