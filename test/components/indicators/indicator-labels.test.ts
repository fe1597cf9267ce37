import {describe, expect, it} from "vitest";
import {withMeasures} from "../../../loaders/core/schema.ts";
import {indicatorWords, measureWords} from "../../../src/components/indicators/indicator-labels.js";
import {DEFAULT_STATE} from "../../../src/components/indicators/indicator-sql.js";
import {formatNumber} from "../../../src/components/formats/format.js";
import {declaredMeasures} from "./indicator-fixture.ts";

const measures = declaredMeasures();

describe("indicator labels written by a person", () => {
  it("are declared beside the measures; columns declared not measures (years, coordinates) are not offered", () => {
    const offered = new Set(measures.map((m) => m.value));
    for (const m of ["lieux-mediation-numerique.*", "communes.population", "ips.ips", "pix.certifies"])
      expect(measures.find((x) => x.value === m)?.words?.label, m).toBeTruthy();
    for (const m of ["ips.rentree", "effectifs-ecoles.rentree", "pix.annee", "france-services.latitude"])
      expect(offered.has(m), m).toBe(false);
    expect(() => withMeasures([], {renamed: false})).toThrow(/renamed/);
  });
  it("say that a table of several years is read for its latest year, never added across years", () => {
    const title = indicatorWords({num: "effectifs-ecoles.nb_eleves", den: "", scale: 1}, measures).title;
    expect(title).toBe("Élèves des écoles (rentrée la plus récente du fichier)");
    expect(measures.find((m) => m.value === "pix.score_moyen")?.period?.column).toBe("annee");
  });
  it("title the default indicator as a person would", () => {
    expect(indicatorWords(DEFAULT_STATE, measures)).toEqual({
      title: `Lieux de médiation pour ${formatNumber(10000)} habitants`,
      unit: `lieux pour ${formatNumber(10000)} habitants`,
      described: true
    });
  });
  it("say « par » for a ratio as is, and « en % » for a share of the same unit", () => {
    expect(indicatorWords({num: "communes.population", den: "communes.*", scale: 1}, measures).title).toBe(
      "Habitants par commune"
    );
    const share = {num: "couverture-thd.elig_thd100", den: "couverture-thd.locaux", scale: 100};
    expect(indicatorWords(share, measures)).toMatchObject({
      title: "Locaux éligibles à 100 Mbit/s ou plus, en % des locaux",
      unit: "%"
    });
  });
  it("give a single measure its own label and unit", () => {
    expect(indicatorWords({num: "pauvrete.taux_pauvrete", den: "", scale: 1}, measures)).toMatchObject({
      title: "Taux de pauvreté",
      unit: "%"
    });
  });
  it("fall back to the catalogue's machine-made labels for a column nobody described", () => {
    const undescribed = measures.find((m) => !m.words && m.column !== "*")!;
    expect(measureWords(undescribed)).toMatchObject({label: undescribed.label, described: false});
    const words = indicatorWords({num: undescribed.value, den: "communes.population", scale: 1000}, measures);
    expect(words.title).toBe(`${undescribed.label} / Habitants (pour ${formatNumber(1000)})`);
    expect(words.described).toBe(false);
  });
});
