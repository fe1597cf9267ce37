import {describe, expect, it} from "vitest";
import {
  leftOutText,
  rankTerritories,
  rankText,
  territoryName
} from "../../../src/components/indicators/ranking.js";

const rows = [
  {code: "01", valeur: 5},
  {code: "02", valeur: 9},
  {code: "03", valeur: null, secret: true},
  {code: "04", valeur: null},
  {code: "05", valeur: 5},
  {code: "971", valeur: 2},
  {code: "975", valeur: null},
  {code: "977", valeur: null, secret: true},
  {code: "986", valeur: 1},
  {code: "988", valeur: null}
];
const names: Record<string, string> = {"975": "Saint-Pierre-et-Miquelon", "01": "Ain"};
const nameOf = (code: string) => names[code] ?? code;

describe("rankings of the indicator pages", () => {
  it("count only the territories of the level that have a value: « rang N sur M »", () => {
    const ranking = rankTerritories(rows, "departement");
    // Guadeloupe (971) is a département; Wallis-et-Futuna (986) is not, and is not ranked among them.
    expect(ranking.total).toBe(4);
    expect(ranking.ranked.map((r) => r.code)).toEqual(["02", "01", "05", "971"]);
    expect(ranking.rankOf("986")).toBe(0);
    expect(rankText(ranking, rows[1], "départements")).toBe("rang 1 sur 4 départements ayant une valeur");
  });
  it("give equal values the same rank, and no rank to secret or missing ones", () => {
    const ranking = rankTerritories(rows, "departement");
    expect(ranking.rankOf("01")).toBe(2);
    expect(ranking.rankOf("05")).toBe(2);
    expect(ranking.rankOf("971")).toBe(4);
    expect(ranking.rankOf("04")).toBe(0);
    expect(rankText(ranking, rows[2], "départements")).toMatch(/non diffusée/);
    expect(rankText(ranking, rows[3], "départements")).toBe("pas de donnée : hors classement");
  });
  it("leave out the collectivités d'outre-mer without a value, name them, never as bare codes, and rank none", () => {
    const ranking = rankTerritories(rows, "departement");
    expect(ranking.overseasLeftOut.map((r) => r.code)).toEqual(["975", "988"]);
    expect(ranking.overseasShown.map((r) => r.code)).toEqual(["977", "986"]);
    expect(ranking.offered.map((r) => r.code)).not.toContain("975");
    expect(ranking.offered).toHaveLength(rows.length - 2);
    const text = leftOutText(ranking, nameOf);
    expect(text).toBe(
      "Sans donnée et hors classement (collectivités d'outre-mer) : Saint-Pierre-et-Miquelon, collectivité d'outre-mer 988."
    );
    expect(territoryName(nameOf, "04")).toBe("04");
  });
  it("split no collectivité at the commune or EPCI level, where codes are not départements", () => {
    const ranking = rankTerritories([{code: "97501", valeur: null}], "commune");
    expect(ranking.overseasLeftOut).toEqual([]);
    expect(leftOutText(ranking, nameOf)).toBe("");
  });
});
