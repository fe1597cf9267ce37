/**
 * Every load reports what its commune codes become in COG 2026 (meta.json `cog` and the command's output):
 * on a generated file with a merged commune's old code and an unknown code, and on the real ARCEP 2019 file
 * (../shared, skipped where absent).
 */
import {existsSync} from "node:fs";
import {mkdtemp, readFile, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {describe, expect, it} from "vitest";
import {loadDataset} from "../../../loaders/commands.ts";
import type {DatasetMeta} from "../../../loaders/core/meta.ts";
import {kitPaths} from "../../../loaders/core/paths.ts";
import {cogCommunes} from "../../../loaders/geo/cog-data.ts";
import {cogCodeReport, communeCodeColumnOf, formatCogReport} from "../../../loaders/geo/cog-report.ts";
import {CODE_ORIGIN} from "../../../loaders/geo/commune-derivation.ts";
import {getDataset} from "../../../loaders/registry.ts";
import {cogSummary} from "../../../src/components/communes/cog-report.js";

const ARCEP = resolve("../shared/data/arcep-debit-communes/commune-debit-beta.csv");
/** A commune actuelle of COG 2026 that absorbed exactly one old commune, which is not a commune déléguée. */
const subCommunes = new Set(
  cogCommunes()
    .filter((c) => c.type !== "commune-actuelle")
    .map((c) => c.code)
);
const merged = cogCommunes().find(
  (c) => c.type === "commune-actuelle" && c.anciensCodes?.length === 1 && !subCommunes.has(c.anciensCodes[0]!)
)!;
const old = merged.anciensCodes![0]!;

async function load(id: string, file: string) {
  const paths = kitPaths(await mkdtemp(join(tmpdir(), "kit-cog-")));
  const lines: string[] = [];
  await loadDataset(id, file, {paths, log: (line) => lines.push(line)});
  const meta = JSON.parse(
    await readFile(join(paths.snapshots, id, `${id}.meta.json`), "utf8")
  ) as DatasetMeta;
  return {meta, lines};
}

describe("COG code report", () => {
  it("counts current, mapped (by reason) and unmapped codes, distinct and non-empty", () => {
    const report = cogCodeReport(getDataset("pauvrete"), "code_commune", [
      merged.code,
      merged.code,
      old,
      "99999",
      null,
      ""
    ]);
    expect(report).toMatchObject({column: "code_commune", sourceVintage: 2023, targetVintage: 2026});
    expect([report.codes, report.current, report.mapped]).toEqual([3, 1, 1]);
    expect(report.byReason["ancien-code"]).toBe(1);
    expect(report.unmapped).toEqual(["99999"]);
    expect(report.changes).toEqual([{from: old, to: merged.code, reason: "ancien-code"}]);
    const text = formatCogReport("pauvrete", report).join("\n");
    expect(text).toContain("1 ramenés");
    expect(text).toContain("sans correspondance : 99999");
  });

  it("is told in French on the catalogue page (cogSummary)", () => {
    const report = cogCodeReport(getDataset("couverture-thd"), "code_commune", [merged.code, old, "99999"]);
    const {summary, reasons} = cogSummary(report);
    expect(summary).toContain("codés au COG 2019");
    expect(summary).toContain("1 existent au COG 2026, 1 sont ramenés à une commune actuelle, 1 n'ont pas");
    expect(reasons).toEqual(["1 anciens codes de communes fusionnées"]);
  });

  it("says when a table has no commune code at all, rather than counting zeros", () => {
    const report = cogCodeReport(getDataset("lieux-mediation-numerique"), "code_insee", [null, "", null]);
    expect(report.codes).toBe(0);
    expect(formatCogReport("lieux-mediation-numerique", report)).toEqual([
      "lieux-mediation-numerique : aucun code commune renseigné (colonne code_insee) : la table ne se joint pas aux communes par ce code"
    ]);
    expect(cogSummary(report)).toEqual({
      summary:
        "Aucun code commune renseigné (colonne code_insee) : la table ne se joint pas aux communes par ce code.",
      reasons: []
    });
  });

  it("tells the COG of the source's codes apart from the codes the kit derived", () => {
    const lieux = getDataset("lieux-mediation-numerique");
    const {source, derived} = CODE_ORIGIN;
    // `old` given by the source; merged.code both given and derived (the source's); "13201" only derived.
    const report = cogCodeReport(
      lieux,
      "code_insee",
      [old, merged.code, merged.code, "13201", "13201", null],
      {
        origins: [source, source, derived, derived, derived, null]
      }
    );
    expect(report).toMatchObject({codes: 3, sourceVintage: 2024, derived: {codes: 1, vintage: 2026}});
    expect(formatCogReport("lieux-mediation-numerique", report)[0]).toContain(
      "3 codes commune distincts (source au COG 2024 : 2, déduits au COG 2026 : 1) ;"
    );
    expect(cogSummary(report).summary).toContain(
      "(code_insee, 2 codés au COG 2024 par la source, 1 déduits par le kit au COG 2026) :"
    );
    const all = cogCodeReport(lieux, "code_insee", ["13201", merged.code], {origins: [derived, derived]});
    expect(formatCogReport("lieux-mediation-numerique", all)[0]).toContain("(tous déduits au COG 2026)");
    expect(cogSummary(all).summary).toContain("(code_insee, tous déduits par le kit au COG 2026)");
    const none = cogCodeReport(lieux, "code_insee", [old], {origins: [source]});
    expect(cogSummary(none).summary).toContain("(code_insee, codés au COG 2024)");
  });

  it("picks the key when it is a commune code, else the first commune code column", () => {
    expect(communeCodeColumnOf(getDataset("couverture-thd"))).toBe("code_commune");
    expect(communeCodeColumnOf(getDataset("annuaire-education"))).toBe("code_commune");
    expect(communeCodeColumnOf(getDataset("ips"))).toBe("code_commune");
  });

  it("is written to meta.json and printed by load", async () => {
    const dir = await mkdtemp(join(tmpdir(), "kit-cog-in-"));
    const file = join(dir, "pauvrete.csv");
    await writeFile(file, `CODGEO;LIBGEO;TP6019\n${merged.code};A;12,5\n${old};B;13\n97999;C;14\n`);
    const {meta, lines} = await load("pauvrete", file);
    expect(meta.cog).toMatchObject({codes: 3, current: 1, mapped: 1, unmapped: ["97999"]});
    expect(lines.some((l) => l.includes("97999"))).toBe(true);
  });
});

describe("COG report of a load that derives codes", () => {
  it("records in meta.json and prints how many codes the kit derived, and at which COG", async () => {
    const dir = await mkdtemp(join(tmpdir(), "kit-cog-in-"));
    const file = join(dir, "lieux.csv");
    const lieu = (id: string, commune: string, postal: string, code: string) =>
      `${id},00000000000000,Lieu ${id},${commune},${postal},${code},1 rue,2024-04-02`;
    const lines = [
      "id,pivot,nom,commune,code_postal,code_insee,adresse,date_maj",
      lieu("a", "A", "01000", old),
      lieu("b", "Marseille", "13001", "")
    ];
    await writeFile(file, `${lines.join("\n")}\n`);
    const {meta, lines: printed} = await load("lieux-mediation-numerique", file);
    expect(meta.cog).toMatchObject({codes: 2, derived: {codes: 1, vintage: 2026}});
    expect(printed.some((l) => l.includes("(source au COG 2024 : 1, déduits au COG 2026 : 1)"))).toBe(true);
  });
});

describe.skipIf(!existsSync(ARCEP))("ARCEP débits 2019 loaded as a snapshot", () => {
  it("records the merged communes it maps and every code it cannot", async () => {
    const {meta, lines} = await load("couverture-thd", ARCEP);
    const cog = meta.cog!;
    expect(cog.sourceVintage).toBe(2019);
    expect(cog.codes).toBe(meta.rows);
    expect(cog.current + cog.mapped + cog.unmapped.length).toBe(cog.codes);
    expect(cog.mapped).toBeGreaterThan(0);
    expect(cog.changes.length).toBe(Math.min(cog.mapped, 200));
    expect(lines[0]).toMatch(/codes commune distincts \(source au COG 2019\)/);
  }, 120_000);
});
