import {afterEach, describe, expect, it, vi} from "vitest";
import {ingestFile} from "../../../loaders/core/ingest.ts";
import {pix} from "../../../loaders/datasets/pix.ts";
import {tne, TNE_WAVES} from "../../../loaders/datasets/tne.ts";
import {makeUai} from "../../../loaders/education/codes.ts";
import {enCsv, hasShared, issuesOf, loadText, readRecords, rows, shared} from "../education/helpers.ts";

const TNE_LIST = "territoires-numeriques-educatifs/tne_departements_HANDCOMPILED.csv";

afterEach(() => vi.restoreAllMocks());

describe.skipIf(!hasShared(TNE_LIST))("tne: the hand-compiled list of ../shared (`,`, no BOM)", () => {
  it("loads it and agrees with the offline list (codes, waves, years)", async () => {
    const source = readRecords(shared(TNE_LIST), ",");
    const {table} = await ingestFile(tne, shared(TNE_LIST));
    const out = rows(table);
    expect(out.map((r) => r.departement)).toEqual(source.map((s) => s.code_departement));
    expect(out.map((r) => r.vague)).toEqual(source.map((s) => Number(s.vague_tne!.slice(0, 1))));
    expect(out.map((r) => r.annee_entree)).toEqual(source.map((s) => Number(s.annee_lancement)));
    const key = (r: Record<string, unknown>) => `${r.departement}|${r.vague}|${r.annee_entree}`;
    expect(new Set(out.map(key))).toEqual(new Set(rows(tne.offline.build({})).map(key)));
  });
});

describe("tne: an Éducation nationale style file (`;`, BOM, 3-character codes)", () => {
  it("maps 002 → 02, 02A → 2A, keeps 971, reads 'Vague 2'", () => {
    const {table} = loadText(
      tne,
      enCsv(
        ["Code département", "Département", "Vague", "Année"],
        [
          ["002", "AISNE", "Vague 1", "2020"],
          ["02A", "CORSE-DU-SUD", "Vague 2", "2021-2022"],
          ["971", "GUADELOUPE", "Vague 2", "2021"]
        ]
      )
    );
    expect(rows(table).map((r) => [r.departement, r.vague, r.annee_entree])).toEqual([
      ["02", 1, 2020],
      ["2A", 2, 2021],
      ["971", 2, 2021]
    ]);
  });

  it("refuses a département listed twice, naming the line", () => {
    const issues = issuesOf(() =>
      loadText(
        tne,
        enCsv(
          ["code_departement", "vague", "annee"],
          [
            ["95", "1", "2020"],
            ["095", "1", "2020"]
          ]
        ),
        "tne.csv"
      )
    );
    expect(issues.map((i) => [i.file, i.line, i.column])).toEqual([["tne.csv", 3, "departement"]]);
  });
});

describe("tne: offline default", () => {
  it("is the public list: Aisne and Val-d'Oise in 2020, ten more in 2021", () => {
    const out = rows(tne.offline.build({}));
    expect(tne.offline.status).toBe("réel");
    expect(out.filter((r) => r.annee_entree === 2020).map((r) => r.departement)).toEqual(["02", "95"]);
    expect(out.filter((r) => r.annee_entree === 2021)).toHaveLength(10);
    expect(out.find((r) => r.departement === "02")?.nom_departement).toBe("Aisne");
    expect(out.length).toBe(TNE_WAVES.reduce((a, w) => a + w.departements.length, 0));
  });
});

describe("pix: an Opendatasoft export (field names) in Corsica and Guadeloupe", () => {
  const header = [
    "annee",
    "academie_nom",
    "departement_code",
    "commune_code",
    "commune_nom",
    "etablissement",
    "uai",
    "position",
    "secteur",
    "sessions_programmees",
    "sessions_finalisees",
    "inscrits",
    "inscrits_distincts",
    "participants",
    "certifies",
    "non_obtenues",
    "average_pix_score",
    "median_pix_score",
    "nouvelle_colonne"
  ];
  const bastia = makeUai("7200010");
  const abymes = makeUai("9710003");
  const data = [
    [
      "2023",
      "Corse",
      "",
      "2B033",
      "Bastia",
      "Collège Simon Vinciguerra",
      bastia.toLowerCase(),
      "42.7, 9.45",
      "PUBLIC",
      "3",
      "3",
      "80",
      "80",
      "76",
      "61",
      "15",
      "271.5",
      "268"
    ],
    [
      "2023-2024",
      "Guadeloupe",
      "971",
      "97101",
      "Les Abymes",
      "Lycée des Abymes",
      abymes,
      "",
      "PRIVE",
      "2",
      "2",
      "40",
      "40",
      "38",
      "30",
      "8",
      "",
      ""
    ]
  ].map((r) => [...r, "?"]);

  it("maps columns and codes, derives the département from the commune when empty, reports the new column", () => {
    const warn = vi.spyOn(process, "emitWarning").mockImplementation(() => undefined);
    const out = rows(loadText(pix, enCsv(header, data), "pix-2024.csv").table);
    expect(
      out.map((r) => [r.annee, r.uai, r.departement, r.secteur, r.participants, r.certifies, r.score_moyen])
    ).toEqual([
      [2023, bastia, "2B", "public", 76, 61, 271.5],
      [2023, abymes, "971", "privé", 38, 30, null]
    ]);
    expect(String(warn.mock.calls[0]![0])).toMatch(/pix-2024\.csv.*nouvelle_colonne/);
  });

  it("names dataset, file, line and column of malformed rows", () => {
    vi.spyOn(process, "emitWarning").mockImplementation(() => undefined);
    const bad = [
      ...data,
      data[0]!.map((v, i) => (header[i] === "certifies" ? "-3" : header[i] === "commune_code" ? "2C033" : v))
    ];
    const issues = issuesOf(() => loadText(pix, enCsv(header, bad), "pix-bad.csv"));
    expect(issues.map((i) => [i.dataset, i.file, i.line, i.column])).toEqual([
      ["pix", "pix-bad.csv", 4, "code_commune"],
      // No département in this row: it would come from the (invalid) commune code.
      ["pix", "pix-bad.csv", 4, "departement"],
      ["pix", "pix-bad.csv", 4, "certifies"]
    ]);
  });
});

describe("pix: offline default", () => {
  it("is demonstration data with consistent counts for collèges and lycées", () => {
    expect(pix.offline.status).toBe("démonstration");
    const out = rows(pix.offline.build({}));
    const n = (r: Record<string, unknown>, k: string) => r[k] as number;
    expect(new Set(out.map((r) => r.annee))).toEqual(new Set([2022, 2023, 2024]));
    for (const r of out) {
      expect(n(r, "participants")).toBeLessThanOrEqual(n(r, "inscrits"));
      expect(n(r, "certifies") + n(r, "non_obtenues")).toBe(n(r, "participants"));
    }
  });
});
