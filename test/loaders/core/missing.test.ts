import {describe, expect, it} from "vitest";
import {formatMissingNumbers} from "../../../loaders/core/missing.ts";

describe("formatMissingNumbers", () => {
  it("says nothing when no number is missing", () => {
    expect(formatMissingNumbers({}, 10)).toEqual([]);
  });

  it("counts the gaps of columns that have some values", () => {
    expect(formatMissingNumbers({population: 2, taux: 3}, 10)).toEqual([
      "valeurs manquantes (vides ou marqueurs NA, -, s, nd…), lues comme nulles : population 2, taux 3"
    ]);
  });

  it("names apart the columns empty on every line (absent from the file or never filled)", () => {
    expect(formatMissingNumbers({ecart_type: 32091, ips: 4, ips_voie_gt: 32091}, 32091)).toEqual([
      "valeurs manquantes (vides ou marqueurs NA, -, s, nd…), lues comme nulles : ips 4",
      "colonnes vides sur les 32091 lignes (absentes du fichier ou jamais renseignées) : ecart_type, ips_voie_gt"
    ]);
  });
});
