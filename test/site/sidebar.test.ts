import {mkdirSync, mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {folderPages, pageTitle, sidebarPages} from "../../scripts/sidebar.ts";

describe("pageTitle", () => {
  it("prefers the front-matter title, then the first heading, then the file name", () => {
    expect(pageTitle('---\ntitle: "Défi 1"\n---\n# Autre', "x")).toBe("Défi 1");
    expect(pageTitle("Texte\n\n# Accès aux France services\n", "x")).toBe("Accès aux France services");
    expect(pageTitle("Pas de titre", "equipe-a")).toBe("equipe-a");
  });
});

describe("sidebarPages", () => {
  it("lists the pages found in each section's folder, index first, so new pages appear by themselves", () => {
    const root = mkdtempSync(join(tmpdir(), "sidebar-"));
    mkdirSync(join(root, "equipes"));
    writeFileSync(join(root, "equipes", "zebres.md"), "# Les Zèbres\n");
    writeFileSync(join(root, "equipes", "index.md"), "# Toutes les équipes\n");
    expect(folderPages("equipes", root)).toEqual([
      {name: "Toutes les équipes", path: "/equipes/"},
      {name: "Les Zèbres", path: "/equipes/zebres"}
    ]);
    const sidebar = sidebarPages(root);
    expect(sidebar[0]).toEqual({name: "Guide du kit", path: "/guide"});
    expect(sidebar).toContainEqual({name: "Équipes", open: false, pages: folderPages("equipes", root)});
    expect(sidebar.some((entry) => "pages" in entry && entry.name === "Défis")).toBe(false);
  });
});

describe("sidebarPages: En classe", () => {
  it("lists the lessons under « En classe » in their front-matter order, without their teacher sheets", () => {
    const root = mkdtempSync(join(tmpdir(), "sidebar-"));
    mkdirSync(join(root, "classe"));
    writeFileSync(join(root, "classe", "index.md"), "# En classe\n");
    writeFileSync(join(root, "classe", "nombres-et-taux.md"), "---\norder: 2\ntitle: Nombres ou taux\n---\n");
    writeFileSync(join(root, "classe", "lire-une-carte.md"), "---\ntitle: Lire une carte\norder: 1\n---\n");
    writeFileSync(join(root, "classe", "annexe.md"), "# Annexe\n");
    writeFileSync(join(root, "classe", "nombres-et-taux-fiche.md"), "# Fiche\n");
    expect(sidebarPages(root)).toContainEqual({
      name: "En classe",
      open: false,
      pages: [
        {name: "En classe", path: "/classe/"},
        {name: "Lire une carte", path: "/classe/lire-une-carte"},
        {name: "Nombres ou taux", path: "/classe/nombres-et-taux"},
        {name: "Annexe", path: "/classe/annexe"}
      ]
    });
  });
});
