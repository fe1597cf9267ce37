// @vitest-environment jsdom
/** Renders the map components in jsdom. */
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {departementTileTopology} from "../../../loaders/geo/tilegrid.ts";
import {componentsDir} from "../load-components.ts";

const dir = componentsDir();
const {choropleth} = await import(/* @vite-ignore */ join(dir, "maps", "choropleth.js"));
const {pointMap} = await import(/* @vite-ignore */ join(dir, "maps", "point-map.js"));

describe("choropleth (jsdom)", () => {
  const topology = departementTileTopology();
  it("draws one shape per département with an accessible name, legend, attribution and export buttons", () => {
    const rows = [
      {code: "01", value: 1},
      {code: "02", value: "s"},
      {code: "03", value: 5},
      {code: "99", value: 3}
    ];
    const fig = choropleth(topology, rows, {title: "Essai", label: "Indicateur"});
    const svg = fig.querySelector("svg[role=img]")!;
    expect(svg.getAttribute("aria-label")).toBe("Essai");
    expect(svg.querySelector("title")?.textContent).toBe("Essai");
    expect(svg.querySelectorAll("path[aria-label]").length).toBe(101);
    // Secret and missing territories are told apart by their patterns, not by colour only.
    const drawnWith = (kind: string) => svg.querySelectorAll(`g[fill$="-${kind})"] path`).length;
    expect(drawnWith("secret")).toBe(1);
    expect(drawnWith("missing")).toBe(101 - 3);
    for (const g of svg.querySelectorAll('g[fill^="url(#"]')) {
      const id = g.getAttribute("fill")!.slice(5, -1);
      expect(svg.querySelector(`pattern[id="${id}"]`)).not.toBeNull();
    }
    const swatches = [...fig.querySelectorAll(".kit-map-legend-extra .kit-map-swatch")];
    expect(swatches.map((s) => s.textContent!.trim())).toEqual(["pas de donnée", "masqué (petit effectif)"]);
    expect(fig.querySelector(".kit-map-attribution")?.textContent).toMatch(/INSEE/);
    expect(fig.querySelector(".kit-map-note")?.textContent).toMatch(/99/);
    expect(fig.querySelectorAll(".kit-map-export button").length).toBe(2);
  });
  it("zooms on one région: only its départements are drawn", () => {
    const regionOf = new Map([
      ["01", "84"],
      ["69", "84"],
      ["75", "11"]
    ]);
    const fig = choropleth(topology, [], {title: "Zoom", within: {region: "84"}, regionOf});
    expect(fig.querySelectorAll("svg[role=img] path[aria-label]").length).toBe(2);
  });
  it("offers the values as a table, built when it is opened, secret and missing said in words", () => {
    const rows = [
      {code: "01", value: 1.5},
      {code: "02", value: "s"}
    ];
    const fig = choropleth(topology, rows, {title: "Essai", label: "Indicateur"});
    const details = fig.querySelector("details.kit-map-table") as HTMLDetailsElement;
    expect(details.querySelector("summary")?.textContent).toBe("Tableau des valeurs (101 territoires)");
    expect(details.querySelector("table")).toBeNull();
    details.open = true;
    details.dispatchEvent(new Event("toggle"));
    const table = details.querySelector(".kit-map-table-scroll[tabindex='0'] table")!;
    expect(table.querySelectorAll("tbody tr").length).toBe(101);
    const row = (code: string) =>
      [...table.querySelectorAll("tbody tr")].find((r) => r.children[1]?.textContent === code)?.textContent;
    expect(row("01")).toMatch(/1,5$/);
    expect(row("02")).toMatch(/masqué \(petit effectif\)$/);
    expect(row("03")).toMatch(/pas de donnée$/);
  });
});

describe("pointMap (jsdom)", () => {
  it("draws dots, or hexagons when points are many", () => {
    const few = [
      {nom: "A", longitude: 2.35, latitude: 48.85, code_insee: "75056"},
      {nom: "B", longitude: 55.45, latitude: -21.1, code_insee: "97411"},
      {nom: "C", longitude: null, latitude: null, code_insee: "01001"}
    ];
    const fig = pointMap(few, {title: "Lieux"});
    expect(fig.querySelectorAll("svg[role=img] circle").length).toBe(2);
    expect(fig.textContent).toMatch(/1 ligne\(s\) sans coordonnées/);
    const many = Array.from({length: 50}, (_, i) => ({
      nom: `P${i}`,
      longitude: 2 + (i % 5) * 0.01,
      latitude: 48
    }));
    const dense = pointMap(many, {title: "Dense", mode: "hexbin"});
    expect(dense.querySelectorAll("svg[role=img] circle").length).toBeLessThan(50);
  });
});
