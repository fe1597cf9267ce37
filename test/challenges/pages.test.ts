import {existsSync, readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {
  BASEMAP_BLOCK,
  escapeText,
  preambleBlock,
  renderGallery,
  writeChallengePages
} from "../../challenges/pages.ts";
import {DefiError, type Defi} from "../../challenges/types.ts";
import {exampleDefi} from "./example-defi.ts";
import {defiProject} from "./project.ts";

const project = defiProject;

describe("writeChallengePages", () => {
  it("writes one page per défi (front matter, French metadata, body) and the gallery", async () => {
    const dir = project("acces-france-services", "tres-haut-debit");
    const written = await writeChallengePages(dir);
    expect(written.map((p) => p.slice(dir.length + 1)).sort()).toEqual([
      "src/defis/acces-france-services.md",
      "src/defis/index.md",
      "src/defis/tres-haut-debit.md"
    ]);
    const page = readFileSync(join(dir, "src", "defis", "acces-france-services.md"), "utf8");
    expect(page).toMatch(/^---\ntitle: "Accès aux France services"\ntoc: true\n---\n/);
    expect(page).toContain("<dt>Durée conseillée</dt><dd>3 h</dd>");
    expect(page).toContain('<a href="../donnees/france-services">France services</a>');
    // The body comes whole, cut only where the generated sections go.
    const body = readFileSync(join(dir, "challenges", "acces-france-services", "page.md"), "utf8").trim();
    const [before, after] = body.split(/\n(?=## Démarrer)/);
    expect(page).toContain(before);
    expect(page).toContain(after);
    const gallery = readFileSync(join(dir, "src", "defis", "index.md"), "utf8");
    expect(gallery).toContain('href="./acces-france-services"');
    expect(gallery).toContain('href="./tres-haut-debit"');
    expect(gallery).toContain("Durée : 2 h 30");
  });

  it("rewrites nothing when nothing changed, and follows edits and removals", async () => {
    const dir = project("acces-france-services", "tres-haut-debit");
    await writeChallengePages(dir);
    expect(await writeChallengePages(dir)).toEqual([]);
    const body = join(dir, "challenges", "tres-haut-debit", "page.md");
    writeFileSync(body, readFileSync(body, "utf8").replace("## Contexte", "## Contexte\n\nPhrase ajoutée."));
    expect(await writeChallengePages(dir)).toEqual([join(dir, "src", "defis", "tres-haut-debit.md")]);
    expect(readFileSync(join(dir, "src", "defis", "tres-haut-debit.md"), "utf8")).toContain(
      "Phrase ajoutée."
    );
    const {rmSync} = await import("node:fs");
    rmSync(join(dir, "challenges", "tres-haut-debit"), {recursive: true});
    await writeChallengePages(dir);
    expect(existsSync(join(dir, "src", "defis", "tres-haut-debit.md"))).toBe(false);
  });

  it("refuses a défi with an unknown dataset, naming the défi and the field, and writes nothing", async () => {
    const dir = project("acces-france-services");
    const file = join(dir, "challenges", "acces-france-services", "defi.ts");
    writeFileSync(file, readFileSync(file, "utf8").replace('"france-services"', '"france-service"'));
    await expect(writeChallengePages(dir)).rejects.toThrow(DefiError);
    await expect(writeChallengePages(dir)).rejects.toThrow(
      /Défi « acces-france-services », champ « datasets » : jeu de données inconnu « france-service »/
    );
    expect(existsSync(join(dir, "src", "defis", "acces-france-services.md"))).toBe(false);
  });
});

describe("preambleBlock(defi)", () => {
  const defi: Defi = {...exampleDefi, datasets: ["communes", "france-services"]};

  it("imports the shared components once and reads the metadata of each dataset, in order", () => {
    const preamble = preambleBlock(defi);
    expect(preamble).toContain('import {demoBanner} from "../components/site/demo-banner.js";');
    expect(preamble).toContain('import {choropleth} from "../components/maps/choropleth.js";');
    const metas = [...preamble.matchAll(/data\/donnees\/([a-z-]+)\.meta\.json/g)].map((m) => m[1]);
    expect(metas).toEqual(["communes", "france-services"]);
    expect(preamble).toContain("const banner = demoBanner(metas);");
  });

  it("is hidden code: plain ```js blocks, never echoed", () => {
    const fences = preambleBlock(defi).match(/^```.*$/gm);
    expect(fences).toEqual(["```js", "```", "```js", "```"]);
  });

  it("defines the départements' map background, real contours first, only for a body that draws on it", () => {
    const withMap = preambleBlock(defi, "```js echo\nchoropleth(fondDep, rows)\n```");
    expect(withMap).toContain(BASEMAP_BLOCK);
    expect(withMap).toContain("contoursDepartements.kit?.absent ? fondDepartements : contoursDepartements");
    expect(preambleBlock(defi, "```js echo\nPlot.barY(rows).plot()\n```")).not.toContain("fondDep");
  });

  it("comes between the metadata card and the body on the generated page", async () => {
    const dir = project("tres-haut-debit");
    await writeChallengePages(dir);
    const page = readFileSync(join(dir, "src", "defis", "tres-haut-debit.md"), "utf8");
    const at = (text: string) => page.indexOf(text);
    expect(at("defi-fiche")).toBeLessThan(at("const metas"));
    expect(at("const metas")).toBeLessThan(at("## Contexte"));
    expect(page.match(/import \{demoBanner\}/g)).toHaveLength(1);
  });
});

describe("renderGallery and escapeText", () => {
  it("escapes HTML and Framework interpolation in metadata", () => {
    expect(escapeText("a < b & ${x}")).toBe("a &lt; b &amp; &#36;{x}");
    const defi: Defi = {...exampleDefi, title: "Titre <b>", summary: "Coût ${prix}", durationMinutes: 45};
    const gallery = renderGallery([defi]);
    expect(gallery).toContain("Titre &lt;b&gt;");
    expect(gallery).not.toContain("${prix}");
    expect(gallery).toContain("Durée : 45 min");
  });
});
