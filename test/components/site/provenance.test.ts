import {describe, expect, it} from "vitest";
import {pickMetas, provenanceItem} from "../../../src/components/site/provenance.js";

const communes = {
  name: "communes",
  id: "communes",
  tableTitle: "Communes (COG 2026)",
  vintage: "2026",
  status: "réel",
  sha256: "ab".repeat(32)
};
const ifn = {
  name: "fragilite-numerique-communes",
  id: "fragilite-numerique",
  tableTitle: "IFN par commune",
  vintage: "2020",
  status: "démonstration",
  sha256: null
};

describe("the provenance line of a chart", () => {
  it("says the vintage, real or demonstration, and the start of the sha256", () => {
    expect(provenanceItem(communes)).toEqual({
      name: "communes",
      title: "Communes (COG 2026)",
      details: `millésime 2026, données réelles, sha256 ${"ab".repeat(6)}…`
    });
    expect(provenanceItem(ifn).details).toBe(
      "millésime 2020, données de démonstration, générées par le kit, sans fichier source"
    );
    expect(provenanceItem({name: "x", status: "réel"})).toEqual({
      name: "x",
      title: "x",
      details: "millésime non précisé, données réelles, embarquées dans le kit, sans fichier chargé"
    });
  });
  it("picks the tables a chart uses by served name or dataset id, in that order, leaving out unknown ones", () => {
    expect(pickMetas([communes, ifn], ["fragilite-numerique", "communes", "absente"])).toEqual([
      ifn,
      communes
    ]);
    expect(pickMetas([communes, ifn])).toEqual([communes, ifn]);
  });
});
