import {describe, expect, it} from "vitest";
import {schoolsAndFragility} from "../../../../loaders/site/defis/ecole-numerique.ts";
import type {CommuneSchools} from "../../../../loaders/site/defis/schools.ts";
import {portrait} from "../../../challenges/fixtures.ts";

const school = (code: string): CommuneSchools => ({
  code,
  departement: "90",
  ecoles: 1,
  classes: 3,
  ecoles_rep: 0,
  eleves: 60,
  eleves_public: 60,
  eleves_prive: 0,
  secret: false,
  ips_moyen: 100,
  ecoles_ips: 1
});

describe("schoolsAndFragility(schools, communes)", () => {
  const rows = schoolsAndFragility(
    [school("90001"), school("90999")],
    [
      portrait({code: "90001", region: "27", population: 300, score: 112}),
      portrait({code: "90010", region: "27", population: 100, score: 96})
    ]
  );
  it("adds the commune's population, score and gap to its région's mean", () => {
    // Région mean: (300 × 112 + 100 × 96) / 400 = 108.
    expect(rows[0]).toMatchObject({code: "90001", eleves: 60, population: 300, score: 112, ecart: 4});
  });
  it("leaves them null for a school commune that is not a current commune", () => {
    expect(rows[1]).toMatchObject({code: "90999", population: null, score: null, ecart: null});
  });
});
