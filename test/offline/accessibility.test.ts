// @vitest-environment jsdom
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {accessibilityHead, accessibleHtml, SHELL_FIXES} from "../../scripts/offline/accessibility.ts";
import {localizeHtml} from "../../scripts/offline/localize.ts";

const client = readFileSync(
  join(import.meta.dirname, "../../scripts/offline/accessibility-client.js"),
  "utf8"
);
const kitAccessibility = new Function(`${client}; return kitAccessibility;`)() as (
  doc: Document
) => (root?: ParentNode) => void;

describe("accessibleHtml(html)", () => {
  it("lets readers zoom, keeps the sidebar's list made of items only, and names the search field", () => {
    const shell = SHELL_FIXES.map(([from]) => from).join("\n");
    const out = accessibleHtml(
      localizeHtml(shell.replace('placeholder="Rechercher"', 'placeholder="Search"'))
    );
    expect(out).not.toContain("maximum-scale");
    expect(out).not.toMatch(/<ol>\s*<label/);
    expect(out).toContain('aria-label="Rechercher"');
  });
  it("inlines the client script in the head, with no outside URL", () => {
    const head = accessibilityHead();
    expect(head).toMatch(/^<script>[\s\S]*kitAccessibility\(document\);<\/script>$/);
    expect(head).not.toMatch(/https?:\/\//);
  });
});

describe("kitAccessibility(document)", () => {
  it("gives a role to Plot's named SVG groups and shapes", () => {
    document.body.innerHTML = `<svg><g aria-label="geo"><path aria-label="Ain : 3"></path></g><g role="img" aria-label="x"></g></svg>`;
    kitAccessibility(document)();
    expect(document.querySelector("g[aria-label=geo]")!.getAttribute("role")).toBe("group");
    expect(document.querySelector("path")!.getAttribute("role")).toBe("img");
    expect(document.querySelector("g[aria-label=x]")!.getAttribute("role")).toBe("img");
  });
  it("names table checkboxes and fields that have no label, and leaves labelled ones alone", () => {
    document.body.innerHTML = `<table><thead><tr><td><label><input type="checkbox"></label></td></tr></thead>
      <tbody><tr><td><label><input type="checkbox"></label></td><td>Ain</td></tr></tbody></table>
      <input placeholder="Rechercher une commune"><label>Année <select></select></label>`;
    kitAccessibility(document)();
    const [all, row] = [...document.querySelectorAll("input[type=checkbox]")];
    expect(all!.getAttribute("aria-label")).toBe("Sélectionner toutes les lignes");
    expect(row!.getAttribute("aria-label")).toBe("Sélectionner la ligne Ain");
    expect(document.querySelector("input:not([type])")!.getAttribute("aria-label")).toBe(
      "Rechercher une commune"
    );
    expect(document.querySelector("select")!.hasAttribute("aria-label")).toBe(false);
  });
  it("makes a scrolling container of the page focusable, not one that does not scroll", () => {
    document.body.innerHTML = `<main id="observablehq-main"><form id="t" style="overflow:auto"></form><div id="d" style="overflow:auto"></div></main>`;
    const form = document.getElementById("t")!;
    // jsdom has no layout: give the form more content than room.
    Object.defineProperty(form, "scrollHeight", {value: 900});
    Object.defineProperty(form, "clientHeight", {value: 300});
    kitAccessibility(document)();
    expect(form.getAttribute("tabindex")).toBe("0");
    expect(document.getElementById("d")!.hasAttribute("tabindex")).toBe(false);
  });
});
