import {describe, expect, it} from "vitest";
import {
  accessCurve,
  bandsByDepartement,
  distancesToNearest
} from "../../../../loaders/site/defis/acces-france-services.ts";

// One degree of latitude is about 111.2 km on the kit's sphere.
const communes = [
  {code: "a", nom: "A", departement: "01", population: 100},
  {code: "b", nom: "B", departement: "01", population: 300},
  {code: "c", nom: "C", departement: "02", population: 600},
  {code: "d", nom: "Sans position", departement: "02", population: 5}
];
const position = new Map<string, [number, number]>([
  ["a", [2, 45]],
  ["b", [2, 45.1]],
  ["c", [2, 45.25]]
]);
const sites = [
  {nom: "FS de A", commune: "A", code: "a", position: null},
  {nom: "FS lointaine", commune: "Z", code: null, position: [10, 50] as [number, number]}
];

describe("distancesToNearest(communes, sites, position)", () => {
  const rows = distancesToNearest(communes, sites, position);
  it("gives each commune with a position its nearest France services, a site without coordinates at its commune", () => {
    expect(rows.map((r) => [r.code, r.km, r.franceServices])).toEqual([
      ["a", 0, "FS de A (A)"],
      ["b", 11.1, "FS de A (A)"],
      ["c", 27.8, "FS de A (A)"]
    ]);
  });
  it("sums the population by distance band per département, and draws the access curve", () => {
    expect(bandsByDepartement(rows)).toEqual([
      {
        code: "01",
        population: {
          "moins de 5 km": 100,
          "5 à 10 km": 0,
          "10 à 20 km": 300,
          "20 à 30 km": 0,
          "30 km et plus": 0
        }
      },
      {
        code: "02",
        population: {
          "moins de 5 km": 0,
          "5 à 10 km": 0,
          "10 à 20 km": 0,
          "20 à 30 km": 600,
          "30 km et plus": 0
        }
      }
    ]);
    const curve = accessCurve(rows, 30, 10);
    expect(curve).toEqual([
      {km: 0, part: 0.1},
      {km: 10, part: 0.1},
      {km: 20, part: 0.4},
      {km: 30, part: 1}
    ]);
  });
});
