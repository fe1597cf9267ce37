import {describe, expect, it} from "vitest";
import {htmlPageHref} from "../../../src/components/site/page-links.js";

const root = "https://org.github.io/kit/";

describe("htmlPageHref(href, baseUrl, siteRoot)", () => {
  it("adds .html to a page link built by a cell, keeping its query and fragment", () => {
    expect(htmlPageHref("./atelier?sql=SELECT%201", `${root}indicateurs.html`, root)).toBe(
      "./atelier.html?sql=SELECT%201"
    );
    expect(htmlPageHref("./defis/fragilite-mediation", `${root}`, root)).toBe(
      "./defis/fragilite-mediation.html"
    );
    expect(htmlPageHref("../donnees/communes#schema", `${root}defis/x.html`, root)).toBe(
      "../donnees/communes.html#schema"
    );
  });

  it("works from a clean address too (a host that rewrites /kit/indicateurs to the file)", () => {
    expect(htmlPageHref("./tableau-de-bord?niveau=region", `${root}indicateurs`, root)).toBe(
      "./tableau-de-bord.html?niveau=region"
    );
  });

  it("leaves folders, files, assets, other sites and same-page links alone", () => {
    const page = `${root}index.html`;
    for (const href of [
      "./donnees/",
      "./",
      ".",
      "./atelier.html",
      "./_file/data/donnees/communes.abc.parquet",
      "./_npm/d3@7.9.0/x",
      "https://www.data.gouv.fr/fr/datasets/x",
      "//cdn.example/x",
      "mailto:equipe@example.fr",
      "blob:https://org.github.io/1234",
      "?sql=SELECT%201",
      "#schema"
    ]) {
      expect(htmlPageHref(href, page, root), href).toBeNull();
    }
  });

  it("leaves links outside the site's folder alone", () => {
    expect(htmlPageHref("../autre-site/page", `${root}index.html`, root)).toBeNull();
    expect(htmlPageHref("/page", `${root}index.html`, root)).toBeNull();
  });
});
