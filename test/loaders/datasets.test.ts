/**
 * Each dataset on the real file(s) of ../shared (skipped when absent) and on small files generated here in the same
 * format, with variants: other vintage's column names, Latin-1, BOM, Corsican and DROM codes. Expected values are
 * computed from the input in the test, never copied from the sample.
 */
import {existsSync, readFileSync} from "node:fs";
import {mkdtemp, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import iconv from "iconv-lite";
import {describe, expect, it} from "vitest";
import {parse} from "csv-parse/sync";
import {ingestFile} from "../../loaders/core/ingest.ts";
import {deriveCommuneCodes} from "../../loaders/geo/commune-derivation.ts";
import {ValidationError} from "../../loaders/core/issues.ts";
import {getDataset} from "../../loaders/registry.ts";

const SHARED = "../shared/data";
const has = (path: string) => existsSync(join(SHARED, path));
const tmp = () => mkdtemp(join(tmpdir(), "ds-"));
const BOM = "\ufeff";

async function ingestText(id: string, name: string, text: string, encoding: "utf8" | "win1252" = "utf8") {
  const file = join(await tmp(), name);
  await writeFile(file, encoding === "utf8" ? text : iconv.encode(text, "win1252"));
  return ingestFile(getDataset(id), file, {deriveCommuneCodes});
}

describe("couverture-thd (ARCEP, disclaimer line)", () => {
  const header =
    "code_insee;nom_com;code_dep;code_reg;nbr;type;inel_hd;elig_hd05;elig_hd3;elig_hd8;elig_thd30;elig_thd100;elig_thd1g;date";
  const rows = [
    "2A004;Ajaccio;2A;94;40 123;logloc;0;0;1;2;3;4;40 113;2019-09-30",
    "97101;Les Abymes;971;01;30000;logloc;1;0;0;0;0;0;29999;2019-09-30",
    "1001;Bourg;1;84;10;logloc;0;0;0;10;0;0;0;2019-09-30"
  ];
  const text = `Version beta : les données sont présentées en l’état\n${header}\n${rows.join("\n")}\n`;
  it("reads a generated file in UTF-8, Latin-1 and with a BOM, same result", async () => {
    const a = await ingestText("couverture-thd", "a.csv", text);
    const b = await ingestText("couverture-thd", "b.csv", text, "win1252");
    const c = await ingestText("couverture-thd", "c.csv", BOM + text);
    expect(a.table.values.code_commune).toEqual(["2A004", "97101", "01001"]);
    expect(a.table.values.code_departement).toEqual(["2A", "971", "01"]);
    expect(a.table.values.locaux).toEqual([40123, 30000, 10]);
    expect(b.table.values).toEqual(a.table.values);
    expect(c.table.values).toEqual(a.table.values);
  });
  it("reports a malformed row with dataset, file, line, column and value", async () => {
    const bad = text.replace("30000", "trente");
    const error = await ingestText("couverture-thd", "bad.csv", bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    const issue = (error as ValidationError).issues[0]!;
    expect(issue).toMatchObject({
      dataset: "couverture-thd",
      file: "bad.csv",
      line: 4,
      column: "nbr",
      value: "trente"
    });
  });
  it.skipIf(!has("arcep-debit-communes/commune-debit-beta.csv"))(
    "reads the real ARCEP file (skipped when ../shared is absent)",
    async () => {
      const path = join(SHARED, "arcep-debit-communes/commune-debit-beta.csv");
      const lines = readFileSync(path, "utf8").trim().split("\n");
      const first = lines[2]!.split(";");
      const result = await ingestFile(getDataset("couverture-thd"), path);
      expect(result.table.rowCount).toBe(lines.length - 2);
      expect(result.table.values.code_commune![0]).toBe(first[0]);
      expect(result.table.values.locaux![0]).toBe(Number(first[4]));
    }
  );
});

describe("pauvrete (FILOSOFI, secrecy)", () => {
  it("keeps secret values null, never 0, for the newer column names too", async () => {
    const older = await ingestText(
      "pauvrete",
      "old.csv",
      "CODE_INSEE,LIBCOM,TX_POVERTY\n01001,A,\n2B033,Bastia,22.5\n"
    );
    const newer = await ingestText(
      "pauvrete",
      "new.csv",
      "CODGEO;LIBGEO;TP6021\n01001;A;s\n2B033;Bastia;22,5\n97411;Saint-Denis;nd\n"
    );
    expect(older.table.values.taux_pauvrete).toEqual([null, 22.5]);
    expect(newer.table.values.taux_pauvrete).toEqual([null, 22.5, null]);
    expect(newer.table.values.code_commune).toEqual(["01001", "2B033", "97411"]);
  });
  it.skipIf(!has("insee-filosofi-derived/taux_pauvrete_commune.csv"))(
    "reads the real file: empty cells stay null",
    async () => {
      const path = join(SHARED, "insee-filosofi-derived/taux_pauvrete_commune.csv");
      const records = parse(readFileSync(path), {columns: true}) as Record<string, string>[];
      const result = await ingestFile(getDataset("pauvrete"), path);
      expect(result.table.rowCount).toBe(records.length);
      const empty = records.filter((r) => r.TX_POVERTY === "").length;
      expect(result.table.values.taux_pauvrete!.filter((v) => v === null).length).toBe(empty);
      expect(result.table.values.taux_pauvrete!.includes(0)).toBe(false);
    }
  );
});

describe("france-services (CSV , quoted)", () => {
  it.skipIf(!has("france-services/liste-fs-20240801.csv"))(
    "reads the real file with quoted line breaks",
    async () => {
      const path = join(SHARED, "france-services/liste-fs-20240801.csv");
      const records = parse(readFileSync(path), {columns: true}) as Record<string, string>[];
      const result = await ingestFile(getDataset("france-services"), path);
      expect(result.table.rowCount).toBe(records.length);
      expect(result.table.values.code_commune![5]).toBe(records[5]!.insee_com);
      expect(result.table.values.code_commune!.every((c) => typeof c === "string" && c.length === 5)).toBe(
        true
      );
    }
  );
  it("reads a generated file with Corsican and DROM codes", async () => {
    const text =
      '"id_fs","insee_dep","lib_fs","insee_com","latitude","longitude"\n"1","2A","FS Ajaccio","2A004",41.9,8.7\n"2","971","FS Abymes","97101",16.2,-61.5\n';
    const result = await ingestText("france-services", "fs.csv", text);
    expect(result.table.values.code_departement).toEqual(["2A", "971"]);
    expect(result.table.values.latitude).toEqual([41.9, 16.2]);
  });
});

describe("fragilite-numerique (long Parquet, wide CSV, commune aggregate)", () => {
  const wide =
    "code_iris,nom_iris,nom_com,rang_score_global_region,ACCES A L'INFORMATION,ACCÈS AUX INTERFACES NUMERIQUES,COMPETENCES ADMINISTATIVES,COMPÉTENCES NUMÉRIQUES / SCOLAIRES,GLOBAL ACCES,GLOBAL COMPETENCES,Population,SCORE GLOBAL \n";
  it("derives the commune from the IRIS code and weights the aggregate by population", async () => {
    const text = `${wide}2A0040101,A1,Ajaccio,1,100,100,100,100,100,100,1000,100\n2A0040102,A2,Ajaccio,2,100,100,100,100,100,100,3000,140\n10010000,B,Bourg,3,90,90,90,90,90,90,500,90\n`;
    const result = await ingestText("fragilite-numerique", "ifn.csv", text);
    expect(result.table.values.code_iris).toEqual(["2A0040101", "2A0040102", "010010000"]);
    expect(result.table.values.code_commune).toEqual(["2A004", "2A004", "01001"]);
    const communes = result.tables[1]!.table;
    expect(communes.values.code_commune).toEqual(["01001", "2A004"]);
    expect(communes.values.score_global![1]).toBe((100 * 1000 + 140 * 3000) / 4000);
  });
  it.skipIf(!has("indice-fragilite-numerique/ifn_mednum_tableau_long.parquet"))(
    "pivots the real long Parquet to the same rows as the wide CSV",
    async () => {
      const long = await ingestFile(
        getDataset("fragilite-numerique"),
        join(SHARED, "indice-fragilite-numerique/ifn_mednum_tableau_long.parquet")
      );
      const widePath = join(SHARED, "indice-fragilite-numerique/ifn_mednum_iris_wide_DERIVED.csv");
      const records = parse(readFileSync(widePath), {columns: true}) as Record<string, string>[];
      expect(long.variant).toBe("long");
      expect(long.table.rowCount).toBe(records.length);
      const i = long.table.values.code_iris!.indexOf(records[10]!.code_iris!);
      expect(long.table.values.score_global![i]).toBe(Number(records[10]!["SCORE GLOBAL "]));
      expect(long.table.values.code_commune![i]).toBe(records[10]!.code_iris!.slice(0, 5));
    }
  );
});

describe("lieux-mediation-numerique (standard v1 and older JSON)", () => {
  const header = "id,pivot,nom,commune,code_postal,code_insee,adresse,date_maj,services,telephone";
  it("validates the standard's vocabulary and patterns, reporting every bad cell", async () => {
    const ok = `${header}\nl1,00000000000000,Lieu,Ajaccio,20000,2A004,1 rue,2024-04-02,Aide aux démarches administratives|Loisirs et créations numériques,+33495000000\n`;
    const result = await ingestText("lieux-mediation-numerique", "v1.csv", ok);
    expect(result.variant).toBe("standard");
    expect(result.table.values.code_insee).toEqual(["2A004"]);
    const bad = `${ok}l2,123,Lieu 2,Paris,750,75056,2 rue,02/13/2024,Cuisine,0102030405\n`;
    const error = (await ingestText("lieux-mediation-numerique", "v1-bad.csv", bad).catch(
      (e: unknown) => e
    )) as ValidationError;
    expect(
      error.issues
        .filter((i) => i.line === 3)
        .map((i) => i.column)
        .sort()
    ).toEqual(["code_postal", "date_maj", "pivot", "services", "telephone"].sort());
  });
  it("reads older JSON field names and ; separators", async () => {
    const json = JSON.stringify([
      {
        id: "0",
        nom: "MSAP",
        pivot: "00000000000000",
        commune: "Abondance",
        code_postal: "74360",
        adresse: "Place",
        courriel: "a@b.fr;c@d.fr",
        publics_accueillis: "Seniors",
        date_maj: "2021-05-05",
        services: "Accéder à du matériel;Réaliser des démarches"
      }
    ]);
    const result = await ingestText("lieux-mediation-numerique", "old.json", json);
    expect(result.variant).toBe("legacy");
    expect(result.table.values.courriels).toEqual(["a@b.fr|c@d.fr"]);
    expect(result.table.values.services).toEqual(["Accéder à du matériel|Réaliser des démarches"]);
  });
  for (const name of [
    "exemple-valide.csv",
    "lieux_hinaura_aura_2023.json",
    "20230517-hub-du-sud-lieux-de-mediation-numeriques-provence-alpes-cote-d-azur.json"
  ]) {
    it.skipIf(!has(`lieux-mediation-numerique/${name}`))(`reads the real file ${name}`, async () => {
      const path = join(SHARED, "lieux-mediation-numerique", name);
      const expected = name.endsWith(".json")
        ? (JSON.parse(readFileSync(path, "utf8")) as unknown[]).length
        : (parse(readFileSync(path), {columns: true}) as unknown[]).length;
      const result = await ingestFile(getDataset("lieux-mediation-numerique"), path, {deriveCommuneCodes});
      expect(result.table.rowCount).toBe(expected);
    });
  }
});

describe("conseillers-numeriques (JSON)", () => {
  it.skipIf(!has("conseillers-numeriques/cnfs_structures_2021-06.json"))(
    "reads the real file; posts add up",
    async () => {
      const path = join(SHARED, "conseillers-numeriques/cnfs_structures_2021-06.json");
      const records = JSON.parse(readFileSync(path, "utf8")) as {nb_cnfs: number; insee_dep?: string}[];
      const result = await ingestFile(getDataset("conseillers-numeriques"), path);
      expect(result.table.rowCount).toBe(records.length);
      const total = (result.table.values.nb_conseillers as number[]).reduce((s, n) => s + n, 0);
      expect(total).toBe(records.reduce((s, r) => s + r.nb_cnfs, 0));
    }
  );
  it("normalises one-digit département codes and numeric postal codes", async () => {
    const json = JSON.stringify([
      {
        id: 1,
        raison_sociale: "X",
        insee_com: "01283",
        code_département: "1",
        nb_cnfs: 2,
        zrr: "oui",
        france_services: "non renseigné"
      }
    ]);
    const result = await ingestText("conseillers-numeriques", "c.json", json);
    expect(result.table.values.code_departement).toEqual(["01"]);
    expect(result.table.values.zrr).toEqual([true]);
    expect(result.table.values.france_services).toEqual([null]);
  });
});

describe("offline defaults", () => {
  it("communes are real COG 2026 rows; demonstration data is deterministic and conditioned on population", () => {
    const communes = getDataset("communes").offline.build({});
    expect(getDataset("communes").offline.status).toBe("réel");
    expect(communes.values.code!.includes("2A004")).toBe(true);
    const lieux = getDataset("lieux-mediation-numerique");
    const a = lieux.offline.build({});
    expect(lieux.offline.build({}).values).toEqual(a.values);
    expect(lieux.offline.status).toBe("démonstration");
    const pops = new Map(
      communes.values.code!.map((c, i) => [c as string, communes.values.population![i] as number])
    );
    const perCommune = new Map<string, number>();
    for (const c of a.values.code_insee!) perCommune.set(c as string, (perCommune.get(c as string) ?? 0) + 1);
    const big = [...pops].filter(([, p]) => p > 50_000).map(([c]) => perCommune.get(c) ?? 0);
    const small = [...pops].filter(([, p]) => p < 500).map(([c]) => perCommune.get(c) ?? 0);
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean(big)).toBeGreaterThan(10 * mean(small));
  });
});
