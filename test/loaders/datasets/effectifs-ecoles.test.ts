import {afterEach, describe, expect, it, vi} from "vitest";
import {ingestFile} from "../../../loaders/core/ingest.ts";
import {effectifsEcoles} from "../../../loaders/datasets/effectifs-ecoles.ts";
import {makeUai} from "../../../loaders/education/codes.ts";
import {enCsv, hasShared, issuesOf, loadText, readRecords, rows, shared} from "../education/helpers.ts";

const REAL = "effectifs-ecoles/fr-en-ecoles-effectifs-nb_classes_dep35.csv";

afterEach(() => vi.restoreAllMocks());

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe.skipIf(!hasShared(REAL))(
  "effectifs-ecoles: real Ille-et-Vilaine extract, rentrées 2019-2022",
  () => {
    it("loads every row, keeps the counts, finds the commune codes from names", async () => {
      vi.spyOn(process, "emitWarning").mockImplementation(() => undefined);
      const source = readRecords(shared(REAL));
      const {table} = await ingestFile(effectifsEcoles, shared(REAL));
      const out = rows(table);
      expect(table.rowCount).toBe(source.length);
      for (const year of ["2019", "2022"]) {
        expect(sum(out.filter((r) => r.rentree === Number(year)).map((r) => r.nb_eleves as number))).toBe(
          sum(
            source
              .filter((s) => s["Rentrée scolaire"] === year)
              .map((s) => Number(s["Nombre total d'élèves"]))
          )
        );
      }
      expect(out.every((r) => r.departement === "35")).toBe(true);
      expect(
        out.every(
          (r) =>
            (r.nb_eleves as number) ===
            (r.eleves_preelementaire as number) + (r.eleves_elementaire as number) + (r.eleves_ulis as number)
        )
      ).toBe(true);
      expect(out.filter((r) => r.rep === true).length).toBe(source.filter((s) => s.REP === "1").length);
      const acigne = out.find((r) => r.nom_commune === "ACIGNE");
      expect(acigne?.code_commune).toBe("35001");
      const found = out.filter((r) => r.code_commune !== null);
      expect(found.length / out.length).toBeGreaterThan(0.99);
      expect(found.every((r) => (r.code_commune as string).startsWith("35"))).toBe(true);
    });
  }
);

describe("effectifs-ecoles: another vintage (département column, no postal code) in Corse-du-Sud and Guadeloupe", () => {
  const header = [
    "Rentrée scolaire",
    "Académie",
    "Code du département",
    "Commune",
    "UAI",
    "Dénomination principale",
    "Patronyme",
    "Secteur",
    "REP",
    "REP +",
    "Nombre total de classes",
    "Nombre total d'élèves",
    "Nombre d'élèves en pré-élémentaire hors ULIS",
    "Nombre d'élèves en élémentaire hors ULIS",
    "Nombre d'élèves en ULIS"
  ];
  const ajaccio = makeUai("6200100");
  const abymes = makeUai("9710100");
  const data = [
    [
      "2023",
      "CORSE",
      "02A",
      "AJACCIO",
      ajaccio,
      "ECOLE PRIMAIRE PUBLIQUE",
      "CANDIE",
      "PUBLIC",
      "0",
      "1",
      "9",
      "180",
      "60",
      "112",
      "8"
    ],
    [
      "2023",
      "GUADELOUPE",
      "971",
      "LES ABYMES",
      abymes,
      "ECOLE ELEMENTAIRE PRIVEE",
      "",
      "PRIVE",
      "0",
      "0",
      "4",
      "95",
      "0",
      "95",
      "0"
    ]
  ];

  it("maps codes and finds the communes by name within the département", () => {
    vi.spyOn(process, "emitWarning").mockImplementation(() => undefined);
    const out = rows(loadText(effectifsEcoles, enCsv(header, data)).table);
    expect(
      out.map((r) => [
        r.uai,
        r.departement,
        r.code_commune,
        r.secteur,
        r.rep_plus,
        r.nb_eleves,
        r.eleves_cp,
        r.nom
      ])
    ).toEqual([
      [ajaccio, "2A", "2A004", "public", true, 180, null, "ECOLE PRIMAIRE PUBLIQUE CANDIE"],
      [abymes, "971", "97101", "privé", false, 95, null, "ECOLE ELEMENTAIRE PRIVEE"]
    ]);
  });

  it("reports communes it cannot find, leaving the code empty (never invented)", () => {
    const warn = vi.spyOn(process, "emitWarning").mockImplementation(() => undefined);
    const out = rows(
      loadText(
        effectifsEcoles,
        enCsv(header, [[...data[0]!.slice(0, 3), "VILLE-IMAGINAIRE", ...data[0]!.slice(4)]])
      ).table
    );
    expect(out[0]!.code_commune).toBeNull();
    expect(warn.mock.calls.map((c) => String(c[0])).join("\n")).toMatch(/VILLE-IMAGINAIRE/);
  });

  it("names dataset, file, line and column of malformed rows", () => {
    vi.spyOn(process, "emitWarning").mockImplementation(() => undefined);
    const bad = [
      ...data,
      ["2023", "CORSE", "02A", "AJACCIO", ajaccio, "X", "", "PUBLIC", "0", "0", "2", "douze", "0", "0", "0"]
    ];
    const issues = issuesOf(() => loadText(effectifsEcoles, enCsv(header, bad), "effectifs-bad.csv"));
    expect(issues.map((i) => [i.dataset, i.file, i.line, i.column, i.value])).toEqual([
      ["effectifs-ecoles", "effectifs-bad.csv", 4, "nb_eleves", "douze"]
    ]);
  });
});

describe("effectifs-ecoles: offline default", () => {
  it("is demonstration data whose counts add up, two rentrées, with small schools", () => {
    expect(effectifsEcoles.offline.status).toBe("démonstration");
    const out = rows(effectifsEcoles.offline.build({}));
    expect(new Set(out.map((r) => r.rentree))).toEqual(new Set([2021, 2022]));
    const n = (r: Record<string, unknown>, k: string) => r[k] as number;
    for (const r of out.slice(0, 5000)) {
      expect(n(r, "nb_eleves")).toBe(
        n(r, "eleves_preelementaire") + n(r, "eleves_elementaire") + n(r, "eleves_ulis")
      );
      expect(n(r, "eleves_elementaire")).toBe(
        ["cp", "ce1", "ce2", "cm1", "cm2"].reduce((a, k) => a + n(r, `eleves_${k}`), 0)
      );
    }
    expect(out.some((r) => n(r, "nb_eleves") < 11)).toBe(true);
  });
});
