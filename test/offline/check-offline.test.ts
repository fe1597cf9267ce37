import {describe, expect, it} from "vitest";
import {findOutsideLinks} from "../../scripts/check-offline.ts";
import {localizeHtml} from "../../scripts/offline/localize.ts";

describe("findOutsideLinks", () => {
  it("reports scripts, stylesheets, images and CSS imports from another host, with their line", () => {
    const html = [
      "<html>",
      '<link rel="stylesheet" href="https://fonts.googleapis.com/css2?family=X">',
      '<script type="module" src="//cdn.example.org/x.js"></script>',
      "<style>@import 'https://cdn.example.org/a.css'; body { background: url(http://img.example.org/b.png) }</style>",
      '<img src="./_file/local.png">'
    ].join("\n");
    const links = findOutsideLinks(html, "index.html");
    expect(links.map((l) => [l.line, l.url])).toEqual([
      [2, "https://fonts.googleapis.com/css2?family=X"],
      [3, "//cdn.example.org/x.js"],
      [4, "https://cdn.example.org/a.css"],
      [4, "http://img.example.org/b.png"]
    ]);
  });

  it("accepts links the reader follows (<a href>) and the site's own files", () => {
    const html =
      '<p><a href="https://www.data.gouv.fr/fr/datasets/x/">source</a></p><script src="./_npm/d3.js"></script>';
    expect(findOutsideLinks(html, "page.html")).toEqual([]);
  });
});

describe("localizeHtml", () => {
  it("sets the page language and the French labels of Framework's shell", () => {
    const html =
      '<!DOCTYPE html>\n<html>\n<input title="Toggle sidebar"><input type="search" placeholder="Search">';
    const out = localizeHtml(html);
    expect(out).toContain('<html lang="fr">');
    expect(out).toContain('title="Afficher ou masquer le menu"');
    expect(out).toContain('placeholder="Rechercher"');
    expect(localizeHtml(out)).toBe(out);
  });
});
