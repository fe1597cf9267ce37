import {describe, expect, it} from "vitest";
import {realDataParts} from "../../../src/components/site/demo-banner.js";
import {DATASETS} from "../../../loaders/registry.ts";

const text = (parts: ReturnType<typeof realDataParts>) =>
  parts.map((p) => (typeof p === "string" ? p : `[${p.code}]`)).join("");

describe("the demonstration banner's commands", () => {
  it("asks to fetch the datasets the kit downloads, once each", () => {
    const parts = realDataParts([
      {name: "ips", status: "démonstration", source: {portal: "data.education.gouv.fr"}},
      {name: "lieux-mediation-numerique", status: "démonstration"},
      {name: "ips", id: "ips", status: "démonstration"}
    ]);
    expect(text(parts)).toBe(
      "[npm run data -- fetch ips lieux-mediation-numerique] (ou [npm run data -- load <id> --input <fichier>] sans réseau)."
    );
  });
  it("never offers `fetch <id>` for a dataset whose portal is manual (it would fail): load, or fetch --url", () => {
    const manual = DATASETS.filter((d) => d.source.portal === "manual").map((d) => d.id);
    expect(manual).toEqual(expect.arrayContaining(["fragilite-numerique", "fragilite-numerique-2023"]));
    const parts = realDataParts([
      {
        name: "fragilite-numerique-communes",
        id: "fragilite-numerique",
        status: "démonstration",
        source: {portal: "manual"}
      },
      {name: "ips", status: "démonstration", source: {portal: "data.education.gouv.fr"}}
    ]);
    const said = text(parts);
    expect(said).toContain("[npm run data -- fetch ips]");
    expect(said).toContain("[npm run data -- load fragilite-numerique --input <fichier>]");
    expect(said).toContain("[npm run data -- fetch fragilite-numerique --url <adresse du fichier>]");
    expect(said).not.toMatch(/fetch [a-z -]*fragilite-numerique\]/);
  });
});
