import {describe, expect, it} from "vitest";
import {frenchSpacing} from "../../../src/components/formats/french-typography.js";
import {readingBoxHtml} from "../../../src/components/classe/reading-box.js";
import type {ReadingGuide} from "../../../loaders/core/reading.ts";

const facts: ReadingGuide = {
  edition: "Édition 2020 : la seule",
  reference: "100 = moyenne de la région",
  scale: "Autour de 100 ; plus haut = plus fragile",
  dataDate: "Recensement de 2016",
  measures: "Un risque",
  doesNotMeasure: "Les usages",
  limits: ["Coût ${prix} < 10 000 €"],
  sources: [{label: "Portail", url: "https://example.org/?a=1&b=2"}, {label: "Mesure du kit"}]
};

describe("frenchSpacing(text)", () => {
  it("puts the no-break spaces French typography asks for, and is idempotent", () => {
    const text = "Question ? Oui : « bien » ; 35 000 communes, 12 % !";
    const once = frenchSpacing(text);
    expect(once).toBe(
      "Question\u202f? Oui\u00a0: «\u00a0bien\u00a0»\u202f; 35\u202f000 communes, 12\u202f%\u202f!"
    );
    expect(frenchSpacing(once)).toBe(once);
  });

  it("leaves URLs and times alone", () => {
    expect(frenchSpacing("https://a.fr/x:y à 10:30")).toBe("https://a.fr/x:y à 10:30");
  });
});

describe("readingBoxHtml(reading, dataset)", () => {
  it("writes every fact under its French term, escaped for HTML and Framework, without blank lines", () => {
    const html = readingBoxHtml(facts, {title: "Indice", href: "../donnees/x"});
    for (const term of [
      "Édition",
      "Référence",
      "Échelle et sens",
      "Date des données",
      "Limites connues",
      "Sources"
    ])
      expect(html).toContain(`<dt>${term}</dt>`);
    expect(html).toContain('<a href="../donnees/x">Indice</a>');
    expect(html).toContain("Coût &#36;{prix} &lt; 10\u202f000 €");
    expect(html).toContain('href="https://example.org/?a=1&amp;b=2"');
    expect(html).not.toMatch(/\n\s*\n/);
  });

  it("is closed unless the facts carry a warning, which then comes first", () => {
    expect(readingBoxHtml(facts, {title: "x"})).toMatch(/^<details class="kit-reading">/);
    const warned = readingBoxHtml({...facts, warning: "À lire avant tout."}, {title: "x"});
    expect(warned).toMatch(/^<details class="kit-reading" open>/);
    expect(warned.indexOf("À lire avant tout.")).toBeLessThan(warned.indexOf("<dl"));
  });

  it("leaves out the reference when there is none", () => {
    const {reference: _omit, ...rest} = facts;
    expect(readingBoxHtml(rest, {title: "x"})).not.toContain("Référence");
  });
});
