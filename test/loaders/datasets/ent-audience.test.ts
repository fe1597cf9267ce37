import {mkdtemp, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, afterEach, beforeAll, describe, expect, it, vi} from "vitest";
import {withDuckDB, sqlString} from "../../../loaders/core/duckdb.ts";
import {ingestFile} from "../../../loaders/core/ingest.ts";
import {entAudience} from "../../../loaders/datasets/ent-audience.ts";
import {departementOfUai, makeUai} from "../../../loaders/education/codes.ts";
import {departementOfUaiSql, streamEntAudience} from "../../../loaders/education/ent-stream.ts";
import {enCsv, rows} from "../education/helpers.ts";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "ent-test-"));
});
afterAll(async () => rm(dir, {recursive: true, force: true}));
afterEach(() => vi.restoreAllMocks());

const HEADER = [
  "debutsemaine",
  "uai",
  "academie",
  "secteur",
  "visites_ordinateur",
  "visites_smartphone",
  "visites_tablette",
  "visites_autreappareil",
  "utilisateurs_ordinateur"
];
const rennes = makeUai("0350001");
const ajaccio = makeUai("6200096");
const abymes = makeUai("9710002");

async function file(name: string, data: (string | number)[][], header = HEADER) {
  const path = join(dir, name);
  await writeFile(path, enCsv(header, data));
  return path;
}

describe("ent-audience: streaming path on a generated export (2A, 971, lower-case UAI)", () => {
  const data = [
    ["2023-09-04", rennes, "Rennes", "PU", 10, 20, 3, 1, 5],
    ["2023-09-04", ajaccio.toLowerCase(), "Corse", "PU", 5, 5, "", 0, 1],
    ["2023-09-04", abymes, "Guadeloupe", "PR", 7, 0, 0, 0, 1],
    ["2024-01-08", rennes, "Rennes", "PU", 1, 2, 3, 4, 5],
    ["2024-09-02", rennes, "Rennes", "PU", 100, 0, 0, 0, 5]
  ];

  it("aggregates per département and week, and per establishment and school year", async () => {
    const path = await file("ent.csv", data);
    const {table, tables} = await ingestFile(entAudience, path);
    const weekly = rows(table);
    const visits = (r: (typeof data)[number]) => [4, 5, 6, 7].reduce((a, i) => a + Number(r[i] || 0), 0);
    expect(weekly.map((r) => [r.departement, r.semaine, r.etablissements, r.visites])).toEqual([
      ["2A", "2023-09-04", 1, visits(data[1]!)],
      ["35", "2023-09-04", 1, visits(data[0]!)],
      ["35", "2024-01-08", 1, visits(data[3]!)],
      ["35", "2024-09-02", 1, visits(data[4]!)],
      ["971", "2023-09-04", 1, visits(data[2]!)]
    ]);
    const schools = rows(tables.find((t) => t.name === "ent-audience-etablissements")!.table);
    const r2023 = schools.find((s) => s.uai === rennes && s.annee_scolaire === 2023)!;
    expect([r2023.semaines, r2023.visites, r2023.visites_tablette]).toEqual([
      2,
      visits(data[0]!) + visits(data[3]!),
      6
    ]);
    expect(schools.find((s) => s.uai === rennes && s.annee_scolaire === 2024)?.visites).toBe(100);
    expect(schools.find((s) => s.uai === ajaccio)?.departement).toBe("2A");
  });

  it("names dataset, file, line and column of bad rows, and writes nothing", async () => {
    const bad = [
      ...data,
      ["2023-13-04", rennes, "", "", 1, 1, 1, 1, 1],
      ["2023-09-11", "35001A", "", "", "x", 1, 1, 1, 1]
    ];
    const path = await file("ent-bad.csv", bad);
    const issues = await streamEntAudience(path).then(
      () => [],
      (error: {issues: unknown[]}) =>
        error.issues as {dataset: string; file: string; line: number; column: string}[]
    );
    expect(issues.map((i) => [i.dataset, i.file, i.line, i.column])).toEqual([
      ["ent-audience", "ent-bad.csv", 7, "semaine"],
      ["ent-audience", "ent-bad.csv", 8, "uai"],
      ["ent-audience", "ent-bad.csv", 8, "visites_ordinateur"]
    ]);
  });

  it("reports a file without the key columns", async () => {
    const path = await file("ent-nokey.csv", [["x", 1]], ["semaine_debut", "visites"]);
    const error = await streamEntAudience(path).catch((e: Error) => e);
    expect(String(error)).toMatch(/ent-nokey\.csv.*« uai ».*absente/s);
    expect(String(error)).toMatch(/« semaine »/);
  });

  it("gives the département of a UAI in SQL as departementOfUai does", async () => {
    const uais = [
      "0350001",
      "0010001",
      "6200096",
      "7200009",
      "9710002",
      "9760001",
      "0950001",
      "0200001",
      "9990001"
    ].map(makeUai);
    const fromSql = await withDuckDB(async (db) => {
      const values = uais.map((u) => `(${sqlString(u)})`).join(", ");
      const reader = await db.runAndReadAll(
        `SELECT ${departementOfUaiSql("u")} AS d FROM (VALUES ${values}) t(u)`
      );
      return reader.getRowObjectsJS().map((r) => r.d);
    });
    expect(fromSql).toEqual(uais.map(departementOfUai));
  });
});

describe("ent-audience: offline default", () => {
  it("is demonstration data per département and week, with quiet holiday weeks", () => {
    expect(entAudience.offline.status).toBe("démonstration");
    const weekly = rows(entAudience.offline.build({}));
    expect(new Set(weekly.map((r) => r.departement)).size).toBeGreaterThan(95);
    for (const r of weekly.slice(0, 200)) {
      expect(r.visites).toBe(
        ["ordinateur", "smartphone", "tablette", "autre"].reduce(
          (a, k) => a + (r[`visites_${k}`] as number),
          0
        )
      );
    }
    const paris = weekly.filter((r) => r.departement === "75");
    const byWeek = new Map(paris.map((r) => [r.semaine, r.visites as number]));
    expect(byWeek.get("2023-10-23")!).toBeLessThan(byWeek.get("2023-10-09")! / 2); // Toussaint
    const schools = rows(entAudience.parts![0]!.build(entAudience.offline.build({})));
    expect(schools.length).toBeGreaterThan(5000);
  });
});
