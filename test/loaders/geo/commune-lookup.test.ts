/**
 * The commune lookup (name + postal code → COG 2026 code) on names written the ways files write them. Expected
 * codes are read from the COG by the commune's official name, never typed in.
 */
import {describe, expect, it} from "vitest";
import {cogCommunes} from "../../../loaders/geo/cog-data.ts";
import {
  communeLookup,
  departementsOfPostal,
  nameSlug,
  oneEditApart
} from "../../../loaders/geo/commune-lookup.ts";
import {official, postalsOf} from "./cog-names.ts";

const lookup = communeLookup();
const withArrondissements = communeLookup({arrondissements: true});

describe("commune names as files write them", () => {
  it("ignores case, accents, hyphens, apostrophes and spaces", () => {
    const isle = official("L'Isle-d'Abeau", "38");
    const postal = postalsOf(isle)[0]!;
    for (const name of [
      "L'Isle-d'Abeau",
      "L ISLE D ABEAU",
      "l’isle-d’abeau",
      "L'ISLE-D'ABEAU",
      "lisle dabeau"
    ])
      expect(lookup.find(name, postal), name).toBe(isle);
    const bedarrides = official("Bédarrides", "84");
    expect(lookup.find("BEDARRIDES", postalsOf(bedarrides)[0]!)).toBe(bedarrides);
  });

  it("reads ST, STE and S/ as Saint, Sainte and sur", () => {
    const malo = official("Saint-Malo", "35");
    for (const name of ["ST MALO", "St-Malo", "St. Malo", "SAINT MALO"])
      expect(lookup.find(name, postalsOf(malo)[0]!), name).toBe(malo);
    const foy = official("Sainte-Foy-lès-Lyon", "69");
    expect(lookup.find("STE FOY LES LYON", postalsOf(foy)[0]!)).toBe(foy);
    const chalon = official("Chalon-sur-Saône", "71");
    expect(lookup.find("Chalon s/ Saône", postalsOf(chalon)[0]!)).toBe(chalon);
  });

  it("pads a postal code that lost its leading zero, given as text or as a number", () => {
    const bourg = official("Bourg-en-Bresse", "01");
    expect(lookup.find("Bourg-en-Bresse", 1000)).toBe(bourg);
    expect(lookup.find("BOURG EN BRESSE", "1000")).toBe(bourg);
    expect(lookup.find("Bourg-en-Bresse", "01000")).toBe(bourg);
  });

  it("drops CEDEX, BP and CS, and finds the commune within the département of a CEDEX postal code", () => {
    const annecy = official("Annecy", "74");
    expect(lookup.find("ANNECY CEDEX 03", "74003")).toBe(annecy);
    expect(lookup.find("Annecy Cédex", "74008")).toBe(annecy);
    expect(lookup.find("ANNECY BP 12", "74000")).toBe(annecy);
    expect(lookup.find("Annecy CS 30001", "74000")).toBe(annecy);
    expect(postalsOf(annecy)).not.toContain("74003");
  });

  it("puts an article written in brackets first, and matches without the article", () => {
    const puy = official("Le Puy-en-Velay", "43");
    expect(lookup.find("PUY-EN-VELAY (LE)", postalsOf(puy)[0]!)).toBe(puy);
    expect(lookup.find("Puy en Velay", postalsOf(puy)[0]!)).toBe(puy);
    expect(nameSlug("PUY-EN-VELAY (LE)")).toBe("le_puy_en_velay");
  });

  it("tells the département from the postal code: Corsica, DROM", () => {
    expect(departementsOfPostal("20000")).toEqual(["2A", "2B"]);
    expect(departementsOfPostal("97400")).toEqual(["974"]);
    expect(departementsOfPostal("01000")).toEqual(["01"]);
    const ajaccio = official("Ajaccio", "2A");
    const bastia = official("Bastia", "2B");
    // Postal codes of the département that are not the commune's own (a CEDEX code, say): found by département.
    expect(lookup.find("AJACCIO CEDEX 9", "20090")).toBe(ajaccio);
    expect(lookup.find("Bastia", "20290")).toBe(bastia);
    const abymes = official("Les Abymes", "971");
    expect(lookup.find("LES ABYMES", postalsOf(abymes)[0]!)).toBe(abymes);
    // Saint-Denis exists in several départements: the postal code's département tells which.
    const reunion = official("Saint-Denis", "974");
    expect(lookup.find("St Denis", "97490")).toBe(reunion);
  });

  it("gives the commune a former commune merged into (commune déléguée)", () => {
    const deleguee = cogCommunes().find(
      (c) => c.type === "commune-deleguee" && c.departement === "74" && c.nom === "Annecy-le-Vieux"
    )!;
    expect(lookup.find("ANNECY LE VIEUX", "74940")).toBe(deleguee.chefLieu);
  });

  it("takes a shortened or longer name, or one letter off, within the postal code only", () => {
    const chamonix = official("Chamonix-Mont-Blanc", "74");
    expect(lookup.find("CHAMONIX", postalsOf(chamonix)[0]!)).toBe(chamonix);
    const sciez = official("Sciez", "74");
    expect(lookup.find("Sciez-sur-Léman", postalsOf(sciez)[0]!)).toBe(sciez);
    const tourrettes = official("Tourrettes-sur-Loup", "06");
    expect(lookup.find("TOURETTES-SUR-LOUP", postalsOf(tourrettes)[0]!)).toBe(tourrettes);
    // Not across the département: the postal code of another commune gives nothing.
    expect(lookup.find("CHAMONIX", "74000")).toBeNull();
    expect(oneEditApart("tourettes", "tourrettes")).toBe(true);
    expect(oneEditApart("abc", "abd")).toBe(true);
    expect(oneEditApart("abc", "acb")).toBe(false);
  });

  it("reads each part of `Former commune - Commune`", () => {
    const annecy = official("Annecy", "74");
    expect(lookup.find("Cran-Gevrier - Annecy", "74960")).toBe(annecy);
  });

  it("gives the postal code's only commune when the name is no name (the postal code again)", () => {
    const mouans = official("Mouans-Sartoux", "06");
    const postal = postalsOf(mouans)[0]!;
    expect(cogCommunes().filter((c) => c.codesPostaux?.includes(postal))).toHaveLength(1);
    expect(lookup.find(postal, postal)).toBe(mouans);
  });

  it("never replaces an unknown name by the postal code's commune, and says nothing when names are ambiguous", () => {
    const aix = official("Aix-en-Provence", "13");
    const own = postalsOf(aix).filter(
      (p) =>
        cogCommunes().filter((c) => c.type === "commune-actuelle" && c.codesPostaux?.includes(p)).length === 1
    );
    expect(own.length).toBeGreaterThan(0);
    expect(lookup.find("PUYRICARD", own[0]!)).toBeNull();
    expect(lookup.find("VILLE-IMAGINAIRE", own[0]!)).toBeNull();
    // The first two words of two communes of one postal code (no commune bears them alone): ambiguous, null.
    const current = cogCommunes().filter((c) => c.type !== "arrondissement-municipal");
    const taken = new Set(current.map((c) => `${c.departement}|${nameSlug(c.nom)}`));
    const byStart = new Map<string, Set<string>>();
    for (const c of current.filter((x) => x.type === "commune-actuelle")) {
      const start = nameSlug(c.nom).split("_").slice(0, 2).join("_");
      if (start === nameSlug(c.nom) || taken.has(`${c.departement}|${start}`)) continue;
      for (const p of c.codesPostaux ?? []) {
        const key = `${p}|${start}`;
        byStart.set(key, (byStart.get(key) ?? new Set()).add(c.code));
      }
    }
    const [key] = [...byStart].find(([, codes]) => codes.size > 1)!;
    const [postal, start] = key.split("|") as [string, string];
    expect(lookup.find(start.replace(/_/g, " "), postal)).toBeNull();
  });
});

describe("Paris, Lyon, Marseille", () => {
  const lyon = official("Lyon", "69");
  const marseille = official("Marseille", "13");
  const paris = official("Paris", "75");

  it("gives the arrondissement the postal code designates, or the commune without the option", () => {
    expect(withArrondissements.find("Lyon", "69003")).toBe(official("Lyon 3e Arrondissement", "69"));
    expect(lookup.find("Lyon", "69003")).toBe(lyon);
    expect(withArrondissements.find("PARIS", "75116")).toBe(official("Paris 16e Arrondissement", "75"));
    expect(withArrondissements.find("PARIS", "75016")).toBe(official("Paris 16e Arrondissement", "75"));
  });

  it("reads the arrondissement in the name, in its many spellings", () => {
    const third = official("Marseille 3e Arrondissement", "13");
    for (const name of [
      "MARSEILLE 3",
      "Marseille 3e",
      "MARSEILLE 3E ARRONDISSEMENT",
      "Marseille 3ème",
      "Marseille 03",
      "3e Arrondissement"
    ])
      expect(withArrondissements.find(name, "13003"), name).toBe(third);
    expect(withArrondissements.find("Marseille 1er arrondissement", "13001")).toBe(
      official("Marseille 1er Arrondissement", "13")
    );
    expect(lookup.find("MARSEILLE 3", "13003")).toBe(marseille);
  });

  it("gives the commune when neither name nor postal code tells the arrondissement, or when they disagree", () => {
    expect(withArrondissements.find("LYON CEDEX 03", "69421")).toBe(lyon);
    expect(withArrondissements.find("PARIS CEDEX 07", "75700")).toBe(paris);
    expect(withArrondissements.find("Paris 5e", "75016")).toBe(paris);
    expect(withArrondissements.find("Marseille", "13000")).toBe(marseille);
  });
});
