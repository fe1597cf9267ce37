import {existsSync, mkdirSync, readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {starterCells, teamSlug} from "../../challenges/notebook.ts";
import {loadDefi, writeChallengePages} from "../../challenges/pages.ts";
import {main} from "../../scripts/new.ts";
import {defiProject} from "./project.ts";

const project = () => defiProject("tres-haut-debit");

/** Runs `npm run new -- …args` in `dir`; returns the exit code and what was printed. */
async function run(dir: string, ...args: string[]) {
  const out: string[] = [];
  const code = await main(
    args,
    dir,
    (s) => out.push(s),
    (s) => out.push(s)
  );
  return {code, text: out.join("\n")};
}

describe("npm run new -- equipe", () => {
  it("creates the team notebook with the défi's starter cells", async () => {
    const dir = project();
    const {code, text} = await run(dir, "equipe", "Les Zèbres", "--defi", "tres-haut-debit");
    expect(code).toBe(0);
    expect(text).toContain("src/equipes/les-zebres.md");
    const notebook = readFileSync(join(dir, "src", "equipes", "les-zebres.md"), "utf8");
    expect(notebook).toMatch(/^---\ntitle: "Équipe Les Zèbres"\n/);
    expect(notebook).toContain("[Très haut débit et usages](../defis/tres-haut-debit)");
    const {body} = await loadDefi(dir, "tres-haut-debit");
    // The body's cells, after the three hidden cells of the generated preamble (imports, metadata and banner,
    // the map background the body draws on).
    const cells = body.match(/^```js/gm)!.length;
    expect(notebook.match(/^```js$/gm)?.length).toBe(cells + 3);
    expect(notebook).toContain("const banner = demoBanner(metas);");
    expect(notebook).toContain("const fondDep = ");
    expect(notebook).not.toContain("```js echo");
    expect(notebook).not.toContain("## Contexte");
    expect(notebook).toContain("## Graphique 1 : la fibre et la fragilité, commune par commune");
  });

  it.each([
    [["equipe", "../evasion", "--defi", "tres-haut-debit"], /Nom d'équipe invalide/],
    [["equipe", "-x", "--defi", "tres-haut-debit"], /Nom d'équipe invalide/],
    [
      ["equipe", "Les Zèbres", "--defi", "inconnu"],
      /Défi inconnu : « inconnu »\. Défis disponibles : tres-haut-debit/
    ],
    [["equipe", "Les Zèbres"], /Précisez le défi/],
    [["autre"], /Utilisation/]
  ])("refuses %j with a French message and a non-zero exit", async (args, message) => {
    const dir = project();
    const {code, text} = await run(dir, ...args);
    expect(code).not.toBe(0);
    expect(text).toMatch(message);
    expect(existsSync(join(dir, "src", "equipes"))).toBe(false);
  });

  it("refuses to overwrite an existing notebook", async () => {
    const dir = project();
    mkdirSync(join(dir, "src", "equipes"), {recursive: true});
    writeFileSync(join(dir, "src", "equipes", "les-zebres.md"), "# Notre travail\n");
    const {code, text} = await run(dir, "equipe", "les zèbres", "--defi", "tres-haut-debit");
    expect(code).toBe(1);
    expect(text).toContain("existe déjà");
    expect(readFileSync(join(dir, "src", "equipes", "les-zebres.md"), "utf8")).toBe("# Notre travail\n");
  });
});

describe("npm run new -- defi", () => {
  it("scaffolds a défi that the generator accepts", async () => {
    const dir = project();
    const {code} = await run(dir, "defi", "mobilite-numerique");
    expect(code).toBe(0);
    const written = await writeChallengePages(dir);
    expect(written).toContain(join(dir, "src", "defis", "mobilite-numerique.md"));
  });

  it.each([
    [["defi", "Mobilité"], /Identifiant de défi invalide/],
    [["defi", "tres-haut-debit"], /existe déjà/]
  ])("refuses %j", async (args, message) => {
    const dir = project();
    const {code, text} = await run(dir, ...args);
    expect(code).toBe(1);
    expect(text).toMatch(message);
  });
});

describe("teamSlug and starterCells", () => {
  it("turns a team name into a file name", () => {
    expect(teamSlug("Les Zèbres")).toBe("les-zebres");
    expect(teamSlug("  Équipe 3 — Lycée  ".replace("—", "-"))).toBe("equipe-3-lycee");
  });

  it("keeps every js cell under its section heading, and drops the prose sections", () => {
    const body =
      "```js\nimport x;\n```\n\n## Contexte\n\nTexte.\n\n## Graphique\n\nIntro.\n\n```js echo\nplot();\n```\n";
    expect(starterCells(body)).toBe("```js\nimport x;\n```\n\n## Graphique\n\n```js\nplot();\n```\n");
  });
});
