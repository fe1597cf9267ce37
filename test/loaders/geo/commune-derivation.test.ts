/**
 * Lieux de médiation numérique without `code_insee`: the code is derived from `commune` and `code_postal`, never
 * over a code the file gives, marked in `code_insee_source`, counted in meta.json `derivedCodes` and told by
 * `load`. On small generated files (older JSON, standard v1 CSV), then on the real Hinaura and PACA hub files of
 * ../shared (skipped where absent).
 */
import {existsSync, readFileSync} from "node:fs";
import {mkdtemp, readFile, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {describe, expect, it} from "vitest";
import {loadDataset} from "../../../loaders/commands.ts";
import {departementOfCommune, normalizeCommune} from "../../../loaders/core/codes.ts";
import {ingestFile} from "../../../loaders/core/ingest.ts";
import type {DatasetMeta} from "../../../loaders/core/meta.ts";
import {kitPaths} from "../../../loaders/core/paths.ts";
import {rowAt, type DataTable} from "../../../loaders/core/table.ts";
import {cogCommunes} from "../../../loaders/geo/cog-data.ts";
import {
  CODE_ORIGIN,
  deriveCommuneCodes,
  derivedCodesReport,
  formatDerivedCodes,
  MAX_LISTED_UNMATCHED
} from "../../../loaders/geo/commune-derivation.ts";
import {departementsOfPostal} from "../../../loaders/geo/commune-lookup.ts";
import {getDataset} from "../../../loaders/registry.ts";
import {derivedCodesSummary} from "../../../src/components/communes/cog-report.js";
import {official} from "./cog-names.ts";

const ID = "lieux-mediation-numerique";
const lieux = getDataset(ID);
const derivation = lieux.deriveCommuneCode!;
const SHARED = resolve("../shared/data/lieux-mediation-numerique");
const HINAURA = join(SHARED, "lieux_hinaura_aura_2023.json");
const PACA = join(
  SHARED,
  "20230517-hub-du-sud-lieux-de-mediation-numeriques-provence-alpes-cote-d-azur.json"
);

async function ingest(name: string, text: string) {
  const file = join(await mkdtemp(join(tmpdir(), "lieux-")), name);
  await writeFile(file, text);
  return ingestFile(lieux, file, {deriveCommuneCodes});
}

const rows = (table: DataTable) => Array.from({length: table.rowCount}, (_, i) => rowAt(table, i));

/** A lieu of the older JSON format (no code_insee field). */
const legacy = (id: string, commune: string, code_postal: string | number, extra: object = {}) => ({
  id,
  nom: `Lieu ${id}`,
  pivot: "00000000000000",
  commune,
  code_postal,
  adresse: "1 place de la Mairie",
  publics_accueillis: "Seniors",
  date_maj: "2023-01-15",
  ...extra
});

describe("code_insee derived from commune and code postal", () => {
  it("fills the older JSON format, names and postal codes as people write them", async () => {
    const json = JSON.stringify([
      legacy("a", "ST MALO", "35400"),
      legacy("b", "BOURG EN BRESSE", 1000),
      legacy("c", "LYON CEDEX 03", "69421"),
      legacy("d", "Marseille 13e", "13013"),
      legacy("e", "VILLE-IMAGINAIRE", "35000"),
      legacy("f", "Lyon", "69003")
    ]);
    const result = await ingest("hub.json", json);
    expect(result.variant).toBe("legacy");
    const out = rows(result.table);
    expect(out.map((r) => r.code_postal)).toEqual(["35400", "01000", "69421", "13013", "35000", "69003"]);
    expect(out.map((r) => r.code_insee)).toEqual([
      official("Saint-Malo", "35"),
      official("Bourg-en-Bresse", "01"),
      official("Lyon", "69"),
      official("Marseille 13e Arrondissement", "13"),
      null,
      official("Lyon 3e Arrondissement", "69")
    ]);
    expect(out.map((r) => r.code_insee_source)).toEqual([
      CODE_ORIGIN.derived,
      CODE_ORIGIN.derived,
      CODE_ORIGIN.derived,
      CODE_ORIGIN.derived,
      null,
      CODE_ORIGIN.derived
    ]);
  });

  it("never replaces a code the file gives, even one that disagrees with the name", async () => {
    const header = "id,pivot,nom,commune,code_postal,code_insee,adresse,date_maj";
    const ajaccio = official("Ajaccio", "2A");
    const csv = [
      header,
      `g,00000000000000,Lieu g,Bastia,20200,${ajaccio},1 rue,2024-04-02`,
      `h,00000000000000,Lieu h,Bastia,20200,,1 rue,2024-04-02`,
      `i,00000000000000,Lieu i,Paris,75116,75056,1 rue,2024-04-02`,
      `j,00000000000000,Lieu j,Bourg-en-Bresse,1000,1053,1 rue,2024-04-02`
    ].join("\n");
    const result = await ingest("v1.csv", `${csv}\n`);
    expect(result.variant).toBe("standard");
    const out = rows(result.table);
    expect(out.map((r) => [r.code_insee, r.code_insee_source])).toEqual([
      [ajaccio, CODE_ORIGIN.source],
      [official("Bastia", "2B"), CODE_ORIGIN.derived],
      ["75056", CODE_ORIGIN.source],
      [normalizeCommune("1053"), CODE_ORIGIN.source]
    ]);
  });

  it("counts given, derived and missing codes, and lists the unmatched names with their postal codes", async () => {
    const json = JSON.stringify([
      legacy("a", "Abondance", "74360"),
      legacy("b", "Abondance", "74360", {code_insee: official("Abondance", "74")}),
      legacy("c", "PUYRICARD", "13540"),
      legacy("d", "PUYRICARD", "13540"),
      legacy("e", "VALBERG", "06470")
    ]);
    const report = derivedCodesReport((await ingest("hub.json", json)).table, derivation);
    expect(report).toMatchObject({column: "code_insee", rows: 5, given: 1, derived: 1, missing: 3});
    expect(report.unmatched).toEqual([
      {name: "PUYRICARD", postal: "13540", rows: 2},
      {name: "VALBERG", postal: "06470", rows: 1}
    ]);
    expect(formatDerivedCodes(ID, report)).toEqual([
      `${ID} : code_insee déduit de la commune et du code postal (COG 2026) pour 1 lieux sur 5 ; 3 sans correspondance : PUYRICARD (13540) × 2, VALBERG (06470)`
    ]);
  });

  it("is told in French on the catalogue page (derivedCodesSummary)", async () => {
    const json = JSON.stringify([
      legacy("a", "Abondance", "74360"),
      legacy("b", "Abondance", "74360", {code_insee: official("Abondance", "74")}),
      legacy("c", "PUYRICARD", "13540"),
      legacy("d", "PUYRICARD", "13540")
    ]);
    const report = derivedCodesSummary(
      derivedCodesReport((await ingest("hub.json", json)).table, derivation)
    );
    expect(report).toEqual({
      summary:
        "Code commune (code_insee) absent du fichier pour 3 lieux sur 4 : déduit du nom de la commune et du code postal (COG 2026) pour 1, marqués « déduit » dans la colonne code_insee_source ; sans correspondance : 2.",
      unmatched: ["PUYRICARD (13540) × 2"]
    });
  });

  it("says nothing when the file gives every code, and cuts a long list of unmatched names", async () => {
    const given = JSON.stringify([
      legacy("a", "Abondance", "74360", {code_insee: official("Abondance", "74")})
    ]);
    const report = derivedCodesReport((await ingest("hub.json", given)).table, derivation);
    expect(report).toMatchObject({given: 1, derived: 0, missing: 0, unmatched: []});
    expect(formatDerivedCodes(ID, report)).toEqual([]);
    expect(derivedCodesSummary(report).summary).toBe(
      "Le fichier donne le code commune (code_insee) de tous les lieux."
    );
    const many = Array.from({length: MAX_LISTED_UNMATCHED + 5}, (_, i) =>
      legacy(`x${i}`, `Hameau ${i}`, "13540")
    );
    const long = derivedCodesReport((await ingest("many.json", JSON.stringify(many))).table, derivation);
    expect(long.missing).toBe(many.length);
    expect(long.unmatched).toHaveLength(MAX_LISTED_UNMATCHED);
    expect(formatDerivedCodes(ID, long)[0]).toMatch(/… et 185 autres lieux \(détail : meta\.json/);
  });

  it("is written to meta.json and printed by load, before the COG report", async () => {
    const dir = await mkdtemp(join(tmpdir(), "lieux-in-"));
    const file = join(dir, "hub.json");
    await writeFile(
      file,
      JSON.stringify([legacy("a", "Abondance", "74360"), legacy("b", "PUYRICARD", "13540")])
    );
    const paths = kitPaths(await mkdtemp(join(tmpdir(), "kit-lieux-")));
    const lines: string[] = [];
    await loadDataset(ID, file, {paths, log: (line) => lines.push(line)});
    const meta = JSON.parse(
      await readFile(join(paths.snapshots, ID, `${ID}.meta.json`), "utf8")
    ) as DatasetMeta;
    expect(meta.derivedCodes).toMatchObject({derived: 1, missing: 1, unmatched: [{name: "PUYRICARD"}]});
    expect(meta.cog?.codes).toBe(1);
    expect(meta.columns.map((c) => c.name)).toContain("code_insee_source");
    expect(lines[0]).toMatch(/pour 1 lieux sur 2 ; 1 sans correspondance : PUYRICARD \(13540\)/);
    expect(lines[1]).toMatch(/1 codes commune distincts/);
  });
});

/** The file's rows, as JSON. */
const readJson = (path: string) => JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>[];

const COG_CODES = new Set(
  cogCommunes()
    .filter((c) => c.type === "commune-actuelle" || c.type === "arrondissement-municipal")
    .map((c) => c.code)
);

/** Checks what any real file must satisfy; returns the table's rows and the report. */
async function checkRealFile(path: string) {
  const source = readJson(path);
  const {table} = await ingestFile(lieux, path, {deriveCommuneCodes});
  const out = rows(table);
  const report = derivedCodesReport(table, derivation);
  expect(table.rowCount).toBe(source.length);
  // A code the file gives is kept, marked "source"; every other code was derived, marked "déduit".
  out.forEach((r, i) => {
    const given = String(source[i]!.code_insee ?? "").trim();
    if (given)
      expect([r.code_insee, r.code_insee_source]).toEqual([normalizeCommune(given), CODE_ORIGIN.source]);
    else expect(r.code_insee_source).toBe(r.code_insee === null ? null : CODE_ORIGIN.derived);
  });
  expect(report.given).toBe(source.filter((s) => String(s.code_insee ?? "").trim() !== "").length);
  expect(report.given + report.derived + report.missing).toBe(table.rowCount);
  const derived = out.filter((r) => r.code_insee_source === CODE_ORIGIN.derived);
  // Each derived code exists in COG 2026; in metropolitan France, in the postal code's département.
  for (const r of derived) {
    const code = r.code_insee as string;
    const postal = r.code_postal as string;
    expect(COG_CODES.has(code), code).toBe(true);
    if (!/^9[78]/.test(postal))
      expect(departementsOfPostal(postal), `${r.commune} ${postal} → ${code}`).toContain(
        departementOfCommune(code)
      );
  }
  expect(report.unmatched.reduce((n, u) => n + u.rows, 0)).toBe(report.missing);
  return {out, report};
}

describe.skipIf(!existsSync(HINAURA))("the real Hinaura file (Auvergne-Rhône-Alpes, no code_insee)", () => {
  it("gets a code for nearly every lieu", async () => {
    const {report} = await checkRealFile(HINAURA);
    expect(report.given).toBe(0);
    const share = report.derived / report.rows;
    console.info(
      `Hinaura : code_insee déduit pour ${report.derived} lieux sur ${report.rows} (${(100 * share).toFixed(1)} %) ; sans correspondance : ${report.unmatched.map((u) => `${u.name} (${u.postal})`).join(", ")}`
    );
    expect(share).toBeGreaterThanOrEqual(0.99);
  });
});

describe.skipIf(!existsSync(PACA))("the real PACA hub file (code_insee for a few lieux)", () => {
  it("keeps the codes it gives and derives most of the others", async () => {
    const {out, report} = await checkRealFile(PACA);
    expect(report.given).toBeGreaterThan(0);
    const share = report.derived / (report.rows - report.given);
    console.info(
      `PACA : ${report.given} codes donnés, ${report.derived} déduits sur ${report.rows - report.given} (${(100 * share).toFixed(1)} %) ; sans correspondance : ${report.unmatched.map((u) => `${u.name} (${u.postal})`).join(", ")}`
    );
    expect(share).toBeGreaterThanOrEqual(0.95);
    // Marseille: the arrondissement is derived where the postal code tells it.
    const marseille = out.filter(
      (r) =>
        r.code_insee_source === CODE_ORIGIN.derived && /^130(0[1-9]|1[0-6])$/.test(r.code_postal as string)
    );
    expect(marseille.length).toBeGreaterThan(0);
    const arrondissementOf = (postal: string) =>
      cogCommunes().find((c) => c.type === "arrondissement-municipal" && c.codesPostaux?.includes(postal))
        ?.code;
    for (const r of marseille) expect(r.code_insee).toBe(arrondissementOf(r.code_postal as string));
  });
});
