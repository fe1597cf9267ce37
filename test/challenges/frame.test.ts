import {readFileSync, readdirSync, statSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {loadDefi, renderDefiPage, vintagesAndTraps} from "../../challenges/pages.ts";
import {TRAPS} from "../../challenges/traps.ts";
import {validateDefi} from "../../challenges/types.ts";
import {fragiliteNumerique} from "../../loaders/datasets/fragilite-numerique.ts";
import {DATASETS} from "../../loaders/registry.ts";
import {servedMeta} from "../../loaders/site/data-archive.ts";
import {frenchSpacing} from "../../src/components/formats/french-typography.js";
import {readingBoxHtml} from "../../src/components/classe/reading-box.js";
import {exampleDefi, KIT_DEFIS} from "./example-defi.ts";

const root = join(import.meta.dirname, "..", "..");
const DEFIS = KIT_DEFIS;
const known = DATASETS.map((d) => d.id);
const ifnReading = fragiliteNumerique.reading!;
/** The statement that the first-edition IFN is relative to its region, as the pages write it. */
const regionalStatement = readingBoxHtml(ifnReading, {title: ""}).match(
  /<p class="kit-reading-warning">(.*)<\/p>/
)![1]!;

/** True when a page's source reads first-edition IFN scores. */
const readsIfn = (source: string) =>
  /score_global|fragilite-numerique[\w-]*\.(?:arrow|parquet|json)|data\/defis\/[\w-]*(?:ifn|fragilite)[\w-]*\./.test(
    source
  );
/** True when a page's source draws or ranks départements (a map, a chart or a sorted list by département). */
const drawsDepartements = (source: string) =>
  /departement/.test(source) && /choropleth\(|Plot\.\w+\(|\.sort\(|d3\.(?:sort|rank)/.test(source);

/**
 * The rule of issue 19: a page that reads first-edition IFN scores and draws or ranks départements must say
 * that the scores are relative to their region. Returns what is wrong, or null.
 */
function nationalIfnWithoutReference(source: string): string | null {
  if (!readsIfn(source) || !drawsDepartements(source)) return null;
  return source.includes(regionalStatement)
    ? null
    : "lit les scores de l'indice et dessine des départements sans dire que 100 est la moyenne de la région";
}

describe("the datathon frame of each défi", () => {
  it.each(DEFIS)(
    "%s: « Livrable attendu », « Critères du jury », « Programme sur deux jours »",
    async (id) => {
      const loaded = await loadDefi(root, id);
      const page = renderDefiPage(loaded);
      const headings = [...page.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
      expect(headings).toEqual(
        expect.arrayContaining(["Livrable attendu", "Critères du jury", "Programme sur deux jours"])
      );
      expect(page).toContain("<tr><td><strong>Total</strong></td><td><strong>20</strong></td></tr>");
      expect(page).toMatch(/\*\*Jour 1\*\* \(\d h( \d\d)? de travail\)/);
      expect(page).toMatch(/\*\*Jour 2\*\* \(\d h( \d\d)? de travail\)/);
      expect(page).toMatch(/<dt>Données de démonstration<\/dt><dd>(suffisent|ne suffisent pas)/);
    }
  );

  it("refuses a jury that does not add up to 20, or a day longer than 7 hours", () => {
    expect(() =>
      validateDefi(
        {
          ...exampleDefi,
          jury: [
            {criterion: "a", points: 10},
            {criterion: "b", points: 5}
          ]
        },
        known
      )
    ).toThrow(/champ « jury » : les points font 20 au total, pas 15/);
    const long = [...exampleDefi.programme, {day: 1 as const, minutes: 240, step: "Nuit blanche"}];
    expect(() => validateDefi({...exampleDefi, programme: long}, known)).toThrow(
      /le jour 1 compte 9 h de travail/
    );
    expect(() => validateDefi({...exampleDefi, traps: ["inconnu" as never]}, known)).toThrow(
      /piège inconnu « inconnu »/
    );
  });
});

describe("« Millésimes et pièges »", () => {
  it.each(DEFIS)("%s: a table of every source with its date, then the traps it lists", async (id) => {
    const loaded = await loadDefi(root, id);
    const page = renderDefiPage(loaded);
    expect(page).toMatch(/^## Millésimes et pièges$/m);
    const section = page.slice(page.indexOf("## Millésimes et pièges"));
    for (const dataset of loaded.defi.datasets) {
      const d = DATASETS.find((x) => x.id === dataset)!;
      const date = frenchSpacing(d.reading?.dataDate ?? d.vintage);
      expect(section, `${id}: ${dataset}`).toContain(`<a href="../donnees/${dataset}">`);
      expect(section, `${id}: ${dataset}`).toContain(date.replace(/&/g, "&amp;").replace(/</g, "&lt;"));
    }
    for (const trap of loaded.defi.traps) expect(section).toContain(frenchSpacing(TRAPS[trap].title));
    // Right after the page's own « Les données et leurs limites », before the starter code.
    expect(page.indexOf("## Les données et leurs limites")).toBeLessThan(
      page.indexOf("## Millésimes et pièges")
    );
    expect(page.indexOf("## Millésimes et pièges")).toBeLessThan(page.indexOf("```js echo"));
  });

  it("shows the dates the issue lists, from the declarations", async () => {
    const page = vintagesAndTraps((await loadDefi(root, "diagnostic-territorial")).defi);
    for (const text of [
      "recensement de la population de 2016",
      "30 septembre 2019",
      "mars à mai 2021",
      "Rentrée 2021",
      "1er août 2024",
      "1er janvier 2026"
    ])
      expect(page).toContain(text);
    expect(vintagesAndTraps((await loadDefi(root, "parentalite-numerique")).defi)).toContain(
      "2021 pour le fichier que télécharge le kit"
    );
  });

  it("says which commune codes each source carries, and that older ones are brought to COG 2026", async () => {
    const page = vintagesAndTraps((await loadDefi(root, "tres-haut-debit")).defi);
    expect(page).toContain("COG 2019, à ramener au COG 2026");
    expect(page).toContain("COG 2020, à ramener au COG 2026");
  });
});

describe("the first-edition IFN: reference and edition stated wherever it is read", () => {
  it("the declaration says 100 is the region's mean, names the 2023 edition and the producer rightly", () => {
    expect(ifnReading.warning).toMatch(/100 est la moyenne de la région/);
    expect(ifnReading.reference).toMatch(/98,8 et 99,9/);
    expect(ifnReading.edition).toMatch(/2023.*de 1 à 10.*cinq indicateurs.*tout âge, senior, jeune/s);
    expect(fragiliteNumerique.producer).toContain("Institut du Numérique Responsable");
  });

  it("its catalogue page draws the box from the table's metadata", async () => {
    const page = readFileSync(join(root, "src", "donnees", "[name].md"), "utf8");
    expect(page).toMatch(/if \(meta\.reading\) display\(readingBox\(meta\.reading/);
    const meta = await servedMeta("tne");
    expect(meta.reading).toEqual(DATASETS.find((d) => d.id === "tne")!.reading);
  });

  it.each(DEFIS)("%s: states the regional reference and the edition if it reads the IFN", async (id) => {
    const loaded = await loadDefi(root, id);
    const page = renderDefiPage(loaded);
    if (!loaded.defi.datasets.includes("fragilite-numerique")) {
      expect(readsIfn(page)).toBe(false);
      return;
    }
    expect(page).toContain(regionalStatement);
    expect(page).toContain(frenchSpacing("L'édition actuelle (2023, sur fragilite-numerique.fr)"));
    expect(nationalIfnWithoutReference(page)).toBeNull();
  });

  it("flags a page that maps IFN scores by département without the statement", () => {
    const page = [
      "```js",
      'const ifn = await FileAttachment("../data/donnees/fragilite-numerique-communes.arrow").arrow();',
      "display(choropleth(d3.rollup(ifn, (v) => d3.mean(v, (d) => d.score_global), (d) => d.departement)));",
      "```"
    ].join("\n");
    expect(nationalIfnWithoutReference(page)).toMatch(/sans dire que 100 est la moyenne de la région/);
    expect(nationalIfnWithoutReference(`${page}\n${regionalStatement}`)).toBeNull();
    // A défi that reads the IFN without declaring it gets no box: the rule catches it.
    const body = readFileSync(join(root, "challenges", "acces-france-services", "page.md"), "utf8");
    const undeclared = renderDefiPage({
      defi: {...exampleDefi, datasets: ["communes"]},
      body: `${body}\n${page}`
    });
    expect(nationalIfnWithoutReference(undeclared)).not.toBeNull();
  });
});

describe("the producer of the IFN", () => {
  it("is never called « Institut national de la recherche » in the sources of the kit", () => {
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((f) => {
        const path = join(dir, f);
        // Skips what is generated (src/defis/ is written from challenges/ at every build).
        if (f === "node_modules" || f.startsWith(".") || path === join(root, "src", "defis")) return [];
        return statSync(path).isDirectory() ? files(path) : /\.(ts|js|md)$/.test(f) ? [path] : [];
      });
    const wrong = ["loaders", "src", "challenges", "scripts"]
      .flatMap((d) => files(join(root, d)))
      .concat(join(root, "README.md"))
      .filter((f) => readFileSync(f, "utf8").includes("Institut national de la recherche"));
    expect(wrong).toEqual([]);
  });
});
