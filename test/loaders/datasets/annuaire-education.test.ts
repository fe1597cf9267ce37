import {afterEach, describe, expect, it, vi} from "vitest";
import {annuaireEducation, ANNUAIRE_VOCABULARY} from "../../../loaders/datasets/annuaire-education.ts";
import {checkUai} from "../../../loaders/education/codes.ts";
import {mapHeader} from "../../../loaders/education/columns.ts";
import {ingestFile} from "../../../loaders/core/ingest.ts";
import {enCsv, hasShared, issuesOf, loadText, readRecords, rows, shared} from "../education/helpers.ts";

const REAL = "annuaire-education/fr-en-annuaire-education_dep35.csv";
const GEOLOC = "annuaire-education/fr-en-adresse-et-geolocalisation_dep35.csv";

afterEach(() => vi.restoreAllMocks());

describe.skipIf(!hasShared(REAL))("annuaire-education: real 2023 export (Ille-et-Vilaine)", () => {
  it("loads every row with the columns mapped and codes normalised", async () => {
    const source = readRecords(shared(REAL));
    const {table} = await ingestFile(annuaireEducation, shared(REAL));
    expect(table.rowCount).toBe(source.length);
    const out = rows(table);
    expect(out.map((r) => r.uai)).toEqual(
      source.map((s) => s.Identifiant_de_l_etablissement!.trim().toUpperCase())
    );
    expect(out.map((r) => r.code_commune)).toEqual(source.map((s) => s.Code_commune));
    // `035` in the file → `35`.
    expect(new Set(source.map((s) => s.Code_departement))).toEqual(new Set(["035"]));
    expect(new Set(out.map((r) => r.departement))).toEqual(new Set(["35"]));
    expect(out.filter((r) => r.education_prioritaire === "REP+").length).toBe(
      source.filter((s) => s.Appartenance_Education_Prioritaire === "REP+").length
    );
    expect(out.filter((r) => r.secteur === "privé").length).toBe(
      source.filter((s) => s.Statut_public_prive === "Privé").length
    );
    const withPupils = source.filter((s) => s.Nombre_d_eleves !== "");
    expect(out.filter((r) => r.effectif !== null).length).toBe(withPupils.length);
    expect(out.reduce((a, r) => a + ((r.effectif as number | null) ?? 0), 0)).toBe(
      withPupils.reduce((a, s) => a + Number(s.Nombre_d_eleves), 0)
    );
    expect(out.every((r) => typeof r.latitude === "number" && r.latitude > 47 && r.latitude < 49)).toBe(true);
    expect(out.every((r) => checkUai(r.uai as string).problem === undefined)).toBe(true);
  });

  it("knows every column of this vintage (nothing reported as unknown)", () => {
    const header = Object.keys(readRecords(shared(REAL))[0]!);
    const mapping = mapHeader(header, ANNUAIRE_VOCABULARY);
    expect(mapping.unknown).toEqual([]);
    expect(mapping.absent).toEqual([]);
  });
});

describe.skipIf(!hasShared(GEOLOC))(
  "annuaire-education: real 'adresse et géolocalisation' file (other column names)",
  () => {
    it("maps its labels (Code établissement, Appellation officielle, Code département 035)", async () => {
      const source = readRecords(shared(GEOLOC));
      const {table} = await ingestFile(annuaireEducation, shared(GEOLOC));
      expect(table.rowCount).toBe(source.length);
      const out = rows(table);
      expect(out.map((r) => r.uai)).toEqual(source.map((s) => s["Code établissement"]));
      expect(out.map((r) => r.nom)).toEqual(source.map((s) => s["Appellation officielle"]));
      expect(new Set(out.map((r) => r.departement))).toEqual(new Set(["35"]));
      expect(out.map((r) => r.longitude)).toEqual(source.map((s) => Number(s.Longitude)));
    });
  }
);

describe("annuaire-education: an older vintage with renamed columns, in Corsica and Guadeloupe", () => {
  const header = [
    "numero_uai",
    "appellation_officielle",
    "Secteur",
    "Code commune",
    "Code_postal",
    "latitude",
    "longitude",
    "Education prioritaire",
    "Colonne_nouvelle"
  ];
  const data = [
    [" 6200096k ", "ECOLE PRIMAIRE LEVIE", "PUBLIC", "2A142", "20170", "41.70", "9.12", "", "x"],
    [
      "9710001" + checkUai("9710001A").uai.slice(7),
      "COLLEGE DES ABYMES",
      "PRIVE",
      "97101",
      "97139",
      "16.27",
      "-61.50",
      "REP +",
      "y"
    ]
  ];

  it("maps the columns, derives the département from the commune and reports the unknown column", () => {
    const warn = vi.spyOn(process, "emitWarning").mockImplementation(() => undefined);
    const {table} = loadText(annuaireEducation, enCsv(header, data), "annuaire-2019.csv");
    const out = rows(table);
    expect(
      out.map((r) => [r.uai, r.departement, r.code_commune, r.secteur, r.education_prioritaire])
    ).toEqual([
      ["6200096K", "2A", "2A142", "public", null],
      [data[1]![0], "971", "97101", "privé", "REP+"]
    ]);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toMatch(/annuaire-2019\.csv.*Colonne_nouvelle/);
  });

  it("names dataset, file, line and column of malformed rows", () => {
    vi.spyOn(process, "emitWarning").mockImplementation(() => undefined);
    const bad = [
      ...data,
      ["035012T", "ECOLE", "Public", "35238", "35000", "48.1", "-1.6", "", ""],
      ["0350122T", "ECOLE", "Public", "3523", "35000", "north", "-1.6", "", ""]
    ];
    const issues = issuesOf(() => loadText(annuaireEducation, enCsv(header, bad), "annuaire-bad.csv"));
    expect(issues.map((i) => [i.dataset, i.file, i.line, i.column])).toEqual([
      ["annuaire-education", "annuaire-bad.csv", 4, "uai"],
      ["annuaire-education", "annuaire-bad.csv", 5, "latitude"]
    ]);
  });
});

describe("annuaire-education: offline default", () => {
  it("is demonstration data with valid, unique UAI in real communes, more schools where more people live", async () => {
    expect(annuaireEducation.offline.status).toBe("démonstration");
    const table = annuaireEducation.offline.build({});
    const out = rows(table);
    expect(table.rowCount).toBeGreaterThan(40_000);
    expect(new Set(out.map((r) => r.uai)).size).toBe(table.rowCount);
    expect(out.every((r) => checkUai(r.uai as string).problem === undefined)).toBe(true);
    const {cogCommunes} = await import("../../../loaders/geo/cog-data.ts");
    const population = new Map(cogCommunes().map((c) => [c.code, c.population ?? 0]));
    expect(out.every((r) => population.has(r.code_commune as string))).toBe(true);
    const perCommune = new Map<string, number>();
    for (const r of out)
      perCommune.set(r.code_commune as string, (perCommune.get(r.code_commune as string) ?? 0) + 1);
    expect(perCommune.get("75056") ?? 0).toBeGreaterThan(perCommune.get("35238") ?? 0); // Paris > Rennes
    expect(perCommune.get("35238") ?? 0).toBeGreaterThan(10);
    expect(out.some((r) => r.departement === "2A" && (r.uai as string).startsWith("620"))).toBe(true);
    // Same call, same data.
    expect(rows(annuaireEducation.offline.build({})).slice(0, 50)).toEqual(out.slice(0, 50));
  });
});
