import {afterEach, describe, expect, it, vi} from "vitest";
import {ingestFile} from "../../../loaders/core/ingest.ts";
import {ips, levelOfFile} from "../../../loaders/datasets/ips.ts";
import {makeUai} from "../../../loaders/education/codes.ts";
import {enCsv, hasShared, issuesOf, loadText, readRecords, rows, shared} from "../education/helpers.ts";

const REAL = "ips-ecoles/fr-en-ips_ecoles.csv";

afterEach(() => vi.restoreAllMocks());

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe.skipIf(!hasShared(REAL))("ips: real national écoles file, rentrée 2021", () => {
  it("loads every school as niveau école with département codes mapped from the 3-character form", async () => {
    const source = readRecords(shared(REAL));
    const {table} = await ingestFile(ips, shared(REAL));
    const out = rows(table);
    expect(table.rowCount).toBe(source.length);
    expect(new Set(out.map((r) => r.niveau))).toEqual(new Set(["école"]));
    expect(new Set(out.map((r) => r.rentree))).toEqual(new Set([2021]));
    expect(out.map((r) => r.uai)).toEqual(source.map((s) => s.UAI));
    const dep = (code: string) => out.find((_, i) => source[i]!["Code du département"] === code)?.departement;
    expect([dep("035"), dep("02A"), dep("971"), dep("976")]).toEqual(["35", "2A", "971", "976"]);
    expect(mean(out.map((r) => r.ips as number))).toBeCloseTo(mean(source.map((s) => Number(s.IPS))), 6);
    expect(out.filter((r) => r.secteur === "privé").length).toBe(
      source.filter((s) => s.Secteur === "privé sous contrat").length
    );
  });
});

describe("ips: a lycées file of another vintage, with Opendatasoft field names, in Haute-Corse and Guadeloupe", () => {
  const header = [
    "rentree_scolaire",
    "academie",
    "code_du_departement",
    "departement",
    "uai",
    "nom_de_l_etablissement",
    "code_insee_de_la_commune",
    "nom_de_la_commune",
    "secteur",
    "type_de_lycee",
    "ips_voie_gt",
    "ips_voie_pro",
    "ips_ensemble_gt_pro",
    "ecart_type_de_l_ips"
  ];
  const bastia = makeUai("7200009");
  const abymes = makeUai("9710002");
  const data = [
    [
      "2022-2023",
      "CORSE",
      "02B",
      "HAUTE-CORSE",
      bastia.toLowerCase(),
      "LYCEE GIOCANTE DE CASABIANCA",
      "2B033",
      "BASTIA",
      "public",
      "LEGT",
      "104,2",
      "",
      "104,2",
      "30.1"
    ],
    [
      "2022-2023",
      "GUADELOUPE",
      "971",
      "GUADELOUPE",
      abymes,
      "LYCEE DES ABYMES",
      "97101",
      "LES ABYMES",
      "privé sous contrat",
      "LPO",
      "98.5",
      "84.0",
      "92.3",
      ""
    ]
  ];

  it("reads the level from the lycée columns, decimal commas, and maps 02B → 2B", () => {
    vi.spyOn(process, "emitWarning").mockImplementation(() => undefined);
    const {table} = loadText(ips, enCsv(header, data), "export.csv");
    expect(
      rows(table).map((r) => [
        r.rentree,
        r.niveau,
        r.uai,
        r.departement,
        r.secteur,
        r.ips,
        r.ips_voie_gt,
        r.ips_voie_pro,
        r.ecart_type
      ])
    ).toEqual([
      [2022, "lycée", bastia, "2B", "public", 104.2, 104.2, null, 30.1],
      [2022, "lycée", abymes, "971", "privé", 92.3, 98.5, 84, null]
    ]);
  });

  it("tells the level from the file name, and warns when nothing tells it", () => {
    expect(levelOfFile("fr-en-ips_colleges.csv", ["UAI", "IPS"])).toBe("collège");
    expect(levelOfFile("ips_lycees_2022.csv", ["UAI", "IPS"])).toBe("lycée");
    expect(levelOfFile("ips.source.csv", ["UAI", "IPS", "IPS voie GT"])).toBe("lycée");
    expect(levelOfFile("ips.source.csv", ["UAI", "IPS"])).toBeNull();
    const warn = vi.spyOn(process, "emitWarning").mockImplementation(() => undefined);
    const plain = data.map((r) => [r[0]!, r[2]!, r[4]!, r[6]!, r[8]!, r[12]!]);
    const {table} = loadText(
      ips,
      enCsv(
        ["Rentrée scolaire", "Code du département", "UAI", "Code INSEE de la commune", "Secteur", "IPS"],
        plain
      ),
      "ips.source.csv"
    );
    expect(rows(table).map((r) => r.niveau)).toEqual(["école", "école"]);
    expect(String(warn.mock.calls[0]![0])).toMatch(/ips\.source\.csv.*niveau/);
  });

  it("names dataset, file, line and column of malformed rows", () => {
    vi.spyOn(process, "emitWarning").mockImplementation(() => undefined);
    const bad = [
      ...data,
      [
        "2022-2024",
        "X",
        "035",
        "X",
        makeUai("0350001"),
        "X",
        "35238",
        "X",
        "public",
        "LEGT",
        "",
        "",
        "abc",
        ""
      ]
    ];
    const issues = issuesOf(() => loadText(ips, enCsv(header, bad), "lycees-bad.csv"));
    expect(issues.map((i) => [i.dataset, i.file, i.line, i.column])).toEqual([
      ["ips", "lycees-bad.csv", 4, "rentree"],
      ["ips", "lycees-bad.csv", 4, "ips"]
    ]);
  });
});

describe("ips: offline default", () => {
  it("is demonstration data for three levels and two rentrées, plausible values joined to the demo annuaire", async () => {
    expect(ips.offline.status).toBe("démonstration");
    const out = rows(ips.offline.build({}));
    expect(new Set(out.map((r) => r.niveau))).toEqual(new Set(["école", "collège", "lycée"]));
    expect(new Set(out.map((r) => r.rentree))).toEqual(new Set([2021, 2022]));
    const values = out.map((r) => r.ips as number);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(50);
    expect(Math.max(...values)).toBeLessThanOrEqual(160);
    expect(mean(values)).toBeGreaterThan(90);
    expect(mean(values)).toBeLessThan(110);
    const priv = out.filter((r) => r.secteur === "privé").map((r) => r.ips as number);
    const pub = out.filter((r) => r.secteur === "public").map((r) => r.ips as number);
    expect(mean(priv)).toBeGreaterThan(mean(pub));
    expect(out.filter((r) => r.niveau !== "lycée").every((r) => r.ips_voie_gt === null)).toBe(true);
    const {annuaireEducation} = await import("../../../loaders/datasets/annuaire-education.ts");
    const uai = new Set(rows(annuaireEducation.offline.build({})).map((r) => r.uai));
    expect(out.every((r) => uai.has(r.uai))).toBe(true);
  });
});
