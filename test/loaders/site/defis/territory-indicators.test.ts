import {describe, expect, it} from "vitest";
import {
  groupBy,
  majorityBy,
  territoryIndicators
} from "../../../../loaders/site/defis/territory-indicators.ts";
import {withSchools} from "../../../../loaders/site/defis/diagnostic.ts";
import {portrait} from "../../../challenges/fixtures.ts";

describe("territoryIndicators(communes)", () => {
  const rows = withSchools(
    [
      portrait({
        code: "90001",
        population: 3000,
        score: 110,
        lieux: 2,
        conseillers: 1,
        locaux: 1000,
        fibre: 500
      }),
      portrait({
        code: "90010",
        population: 1000,
        score: 90,
        lieux: 1,
        franceServices: 1,
        locaux: 200,
        fibre: null
      })
    ],
    [
      {
        code: "90001",
        departement: "90",
        ecoles: 2,
        classes: 8,
        ecoles_rep: 0,
        eleves: 150,
        eleves_public: 150,
        eleves_prive: 0,
        secret: false,
        ips_moyen: 100,
        ecoles_ips: 2
      },
      {
        code: "90010",
        departement: "90",
        ecoles: 1,
        classes: 2,
        ecoles_rep: 0,
        eleves: null,
        eleves_public: null,
        eleves_prive: null,
        secret: true,
        ips_moyen: 80,
        ecoles_ips: 1
      }
    ]
  );
  const t = territoryIndicators(rows);

  it("sums counts and rates them per 10,000 inhabitants", () => {
    expect(t).toMatchObject({
      population: 4000,
      communes: 2,
      lieux10k: 7.5,
      conseillers10k: 2.5,
      franceServices10k: 2.5,
      ecoles10k: 7.5
    });
  });
  it("weights the IFN by population and the IPS by schools", () => {
    expect(t.fragilite).toBe(105);
    expect(t.ips).toBe(93.3);
  });
  it("computes the fibre share on the communes that have the count only", () => {
    expect(t.fibre).toBe(50);
  });
  it("gives null rates for an empty territory", () => {
    expect(territoryIndicators([])).toMatchObject({
      population: 0,
      fragilite: null,
      lieux10k: null,
      fibre: null,
      ips: null
    });
  });
});

describe("groupBy and majorityBy", () => {
  it("group rows by key, leaving null keys out, and find the key holding most population", () => {
    const rows = [
      {k: "a", population: 10},
      {k: null, population: 99},
      {k: "b", population: 6},
      {k: "b", population: 6}
    ];
    expect([...groupBy(rows, (r) => r.k).keys()]).toEqual(["a", "b"]);
    expect(
      majorityBy(
        rows.filter((r) => r.k),
        (r) => r.k!
      )
    ).toBe("b");
    expect(majorityBy([], (r: {population: number}) => String(r))).toBeNull();
  });
});
