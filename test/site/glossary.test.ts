import {readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {metadataBlock} from "../../challenges/pages.ts";
import type {Defi} from "../../challenges/types.ts";
import {sidebarPages} from "../../scripts/sidebar.ts";

const root = join(import.meta.dirname, "..", "..");
const glossary = readFileSync(join(root, "src", "glossaire.md"), "utf-8");

describe("the glossary (src/glossaire.md)", () => {
  it("defines each acronym of the kit's data once", () => {
    for (const term of [
      "IRIS",
      "EPCI",
      "COG",
      "DROM",
      "IPS",
      "FttH",
      "QPV",
      "RIP",
      "ZTD",
      "UAI",
      "IFN",
      "THD"
    ]) {
      expect(glossary.match(new RegExp(`<dt id="[a-z-]+">${term}[ <]`, "g")), term).toHaveLength(1);
    }
  });

  it("is in the sidebar and linked from every défi's data line", () => {
    expect(sidebarPages()).toContainEqual({name: "Glossaire", path: "/glossaire"});
    const defi = {
      question: "Q",
      summary: "S",
      datasets: [],
      levels: [],
      audience: [],
      durationMinutes: 60,
      demoData: {meaningful: true, note: "N"}
    };
    expect(metadataBlock(defi as unknown as Defi, [])).toContain('<a href="../glossaire">glossaire</a>');
  });
});
