/**
 * The heavy SQL path (DuckDB validates and normalises, `sql-ingest.ts`) against the light path (csv-parse +
 * `validateFile`): the same generated files must give the same tables (codes, nulls, decimals, dates), the same
 * Parquet and Arrow outputs, and the same problems worded the same way.
 */
import {mkdtemp, readFile, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import iconv from "iconv-lite";
import {tableFromIPC} from "apache-arrow";
import {describe, expect, it} from "vitest";
import {loadDeclaration} from "../../../loaders/commands.ts";
import {writeParquet} from "../../../loaders/core/duckdb.ts";
import {convertFile, ingestFile, withWorkDir} from "../../../loaders/core/ingest.ts";
import {ValidationError} from "../../../loaders/core/issues.ts";
import {
  readParquetTable,
  writeArrowFromParquet,
  type ParquetTable
} from "../../../loaders/core/parquet-table.ts";
import {kitPaths} from "../../../loaders/core/paths.ts";
import {mulberry32} from "../../../loaders/core/prng.ts";
import type {ColumnSpec} from "../../../loaders/core/schema.ts";
import {columnWorksInSql, patternWorksInSql} from "../../../loaders/core/sql-rules.ts";
import {sqlPathApplies} from "../../../loaders/core/sql-ingest.ts";
import {generatedDeclaration} from "../../../loaders/core/generated-declaration.ts";
import {fromArrowStream, toArrowStream, type DataTable} from "../../../loaders/core/table.ts";

const COLUMNS: ColumnSpec[] = [
  {
    name: "code",
    type: "code",
    code: "commune",
    description: "",
    nullable: false,
    unique: true,
    aliases: ["CODGEO"]
  },
  {name: "dep", type: "code", code: "departement", description: "", nullable: false},
  {name: "reg", type: "code", code: "region", description: "", nullable: true},
  {name: "iris", type: "code", code: "iris", description: "", nullable: true},
  {name: "siret", type: "code", code: "siret", description: "", nullable: true},
  {name: "siren", type: "code", code: "siren", description: "", nullable: true},
  {name: "cp", type: "code", code: "postal", description: "", nullable: true},
  {
    name: "taux",
    type: "number",
    description: "",
    nullable: true,
    nullTokens: ["s", "nd"],
    min: -100,
    max: 100
  },
  {name: "montant", type: "number", description: "", nullable: true},
  {name: "effectif", type: "integer", description: "", nullable: true, min: 0},
  {name: "actif", type: "boolean", description: "", nullable: true},
  {name: "jour", type: "date", description: "", nullable: true},
  {
    name: "services",
    type: "string",
    description: "",
    nullable: true,
    allowed: {values: ["a", "b", "c d"], separator: "|"}
  },
  {
    name: "id",
    type: "string",
    description: "",
    nullable: true,
    pattern: "^[A-Z]{2}[0-9]{3}$",
    maxLength: 5,
    unique: true
  },
  {name: "nom", type: "string", description: "", nullable: true, maxLength: 9}
];

const declaration = generatedDeclaration("sql-test", COLUMNS, {
  csv: {delimiter: "auto", skipLines: "auto", headerHints: ["codgeo"]}
});

const HEADER = "CODGEO;dep;reg;iris;siret;siren;cp;taux;montant;effectif;actif;jour;services;id;nom";
const pick = <T>(random: () => number, values: readonly T[]) => values[Math.floor(random() * values.length)]!;

/** Valid rows in every accepted spelling: lost leading zeros, lower case, spaces, French decimals, null tokens. */
function validRows(n: number): string[] {
  const random = mulberry32(7);
  return Array.from({length: n}, (_, i) => {
    const dep = pick(random, ["035", "001", "02A", "971", "1", "2B", "84", " 13 "]);
    const code =
      i % 3 === 0
        ? String(1000 + i)
        : i % 3 === 1
          ? `2b${String(Math.floor(i / 3)).padStart(3, "0")}`
          : `${97100 + i}`;
    return [
      i % 7 === 0 ? ` ${code} ` : code,
      dep,
      pick(random, ["1", "84", "", "06"]),
      pick(random, ["10010000", "2A0040101", "", "751010101"]),
      pick(random, ["123 456 789 00012", "12345678900012", "", "123\u00a0456\u00a0789\u00a000012"]),
      pick(random, ["123 456 789", "", "987654321"]),
      pick(random, ["1100", "75001", "", "97100"]),
      pick(random, ["-0,25", "12,5 %", "s", "nd", "", "3.5", "99,99", "1,5e1", "+7", ".5", "-100"]),
      pick(random, [
        "1 234,5",
        "1\u202f234",
        "1.234,5",
        "1.234.567,25",
        "0",
        "-3",
        "2e3",
        "",
        (random() * 1e6).toFixed(3).replace(".", ",")
      ]),
      pick(random, ["1 339 468", "0", "", "42", "7,0"]),
      pick(random, ["oui", "Non", "1", "VRAI", "o", "", "false", "No"]),
      pick(random, ["2024-04-02", "02/04/2024", "2024-04-02T10:00:00", "", "2024-02-29", "1999-12-31 23:59"]),
      pick(random, ["a", "a|b", " b | c d ", "", "c d"]),
      i % 4 === 0 ? `AB${String(i).padStart(3, "0")}`.slice(0, 5) : "",
      pick(random, ["Ajaccio", "", "Élancourt", "L’Haÿ", "Saint-Lô", "🙂🙂🙂🙂"])
    ].join(";");
  }).filter((_, i) => i < 1000 || i % 4 !== 0);
}

const BAD_ROWS = [
  "1A001;35;1;10010000;;;;1;1;1;oui;2024-04-02;a;;x",
  "01001;20;123;ABC;123;12;123456;140;1,2,3;-1;peut-être;2024-02-30;z|a;AB1234;beaucoup trop long",
  "01001;2C;;;;;;-101;1.23,4;2,5;;31/02/2024;a|e|f;ab123;",
  ";35;;;;;;abc;1e999;;;2024-13-01;;AB123;",
  "01002;;;;;;;12,5 %;;;;02-04-2024;;AB123;🙂🙂🙂🙂🙂"
];

async function csvFile(
  name: string,
  lines: string[],
  encoding: "utf8" | "win1252" = "utf8"
): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "sql-path-"));
  const text = `Données de démonstration, en l’état\n${lines.join("\n")}\n`;
  const path = join(dir, name);
  // Windows-1252 has no narrow no-break space: a spreadsheet would write a no-break space.
  await writeFile(
    path,
    encoding === "utf8" ? text : iconv.encode(text.replace(/\u202f/g, "\u00a0"), "win1252")
  );
  return path;
}

const light = (path: string) => ingestFile(declaration, path, {heavyThreshold: Number.POSITIVE_INFINITY});

/** The SQL path's Parquet table (copied out of its work folder) read back, and its Arrow stream. */
async function heavy(path: string): Promise<{table: DataTable; arrow: Uint8Array}> {
  return withWorkDir(async (dir) => {
    const {tables} = await convertFile(declaration, path, dir, {heavyThreshold: 0});
    const main = tables[0]!;
    if (!("parquet" in main)) throw new Error("the SQL path was not taken");
    await writeArrowFromParquet(main.parquet, join(dir, "t.arrow"));
    return {
      table: await readParquetTable(main.parquet),
      arrow: new Uint8Array(await readFile(join(dir, "t.arrow")))
    };
  });
}

async function errorOf(run: Promise<unknown>): Promise<ValidationError> {
  const error = await run.then(
    () => null,
    (e: unknown) => e
  );
  expect(error).toBeInstanceOf(ValidationError);
  return error as ValidationError;
}

describe("heavy SQL path", () => {
  it("applies to declarations without prepare, COG mapping or JavaScript-only patterns", () => {
    expect(sqlPathApplies(declaration)).toBe(true);
    expect(sqlPathApplies(declaration, {mapCommune: (c) => c})).toBe(false);
    expect(sqlPathApplies({...declaration, prepare: (raw) => raw})).toBe(false);
    expect(patternWorksInSql("^(\\+33|\\+590)(\\d){6,9}$")).toBe(true);
    expect(patternWorksInSql("^[.a-z]+$")).toBe(true);
    expect(patternWorksInSql("^a.b$")).toBe(false);
    expect(patternWorksInSql("^(?=a)")).toBe(false);
    expect(patternWorksInSql("\\s")).toBe(false);
    expect(columnWorksInSql({name: "x", type: "number", description: "", nullable: true, unique: true})).toBe(
      false
    );
  });

  it("gives the light path's table, Parquet and Arrow on a generated file (UTF-8 and Windows-1252)", async () => {
    const lines = [HEADER, ...validRows(1500)];
    for (const encoding of ["utf8", "win1252"] as const) {
      const path = await csvFile(`ok-${encoding}.csv`, lines, encoding);
      const expected = (await light(path)).table;
      const {table, arrow} = await heavy(path);
      expect(table.rowCount).toBe(lines.length - 1);
      expect(table).toEqual(expected);
      // Codes keep their zeros, secrets stay null, decimals are read the French way.
      expect(table.values.code!.every((c) => typeof c === "string" && c.length === 5)).toBe(true);
      expect(table.values.taux!.filter((v) => v === null).length).toBeGreaterThan(0);
      expect(table.values.montant!.some((v) => typeof v === "number" && !Number.isInteger(v))).toBe(true);
      expect(fromArrowStream(arrow, expected.columns)).toEqual(expected);
      const fields = (bytes: Uint8Array) =>
        tableFromIPC(bytes).schema.fields.map((f) => `${f.name}:${f.type}`);
      expect(fields(arrow)).toEqual(fields(toArrowStream(expected)));
      // The light path's Parquet (written from memory) reads back the same.
      const lightParquet = join(await mkdtemp(join(tmpdir(), "sql-path-")), "light.parquet");
      await writeParquet(expected, lightParquet);
      const parquet: ParquetTable = {
        columns: expected.columns,
        rowCount: expected.rowCount,
        path: lightParquet
      };
      expect(await readParquetTable(parquet)).toEqual(table);
    }
  });

  it("has `load` write the same table to its .arrow and .parquet files as the light path reads", async () => {
    const path = await csvFile("load.csv", [HEADER, ...validRows(1500)]);
    const expected = (await light(path)).table;
    const paths = kitPaths(await mkdtemp(join(tmpdir(), "sql-path-kit-")));
    const {written} = await loadDeclaration(declaration, path, {paths, heavyThreshold: 0});
    const base = join(written, declaration.id);
    const arrow = new Uint8Array(await readFile(`${base}.arrow`));
    expect(fromArrowStream(arrow, expected.columns)).toEqual(expected);
    const parquet: ParquetTable = {
      columns: expected.columns,
      rowCount: expected.rowCount,
      path: `${base}.parquet`
    };
    expect(await readParquetTable(parquet)).toEqual(expected);
  });

  it("reads a quoted, repeated header like the light path (the last repeated column wins)", async () => {
    const path = await csvFile("header.csv", ['"CODGEO";dep;" nom ";nom', '01001;035;"premier";"fin ; oui"']);
    const expected = (await light(path)).table;
    expect(expected.values.nom).toEqual(["fin ; oui"]);
    expect((await heavy(path)).table).toEqual(expected);
  });

  it("reports the same problems in the same words", async () => {
    const path = await csvFile("bad.csv", [HEADER, ...validRows(30).slice(0, 5), ...BAD_ROWS]);
    const expected = await errorOf(light(path));
    // With a Parquet target: the one-pass COPY stops at the first bad cell, then the problems are listed.
    const actual = await errorOf(
      withWorkDir((dir) => convertFile(declaration, path, dir, {heavyThreshold: 0}))
    );
    expect(expected.issues.length).toBeGreaterThan(20);
    expect(actual.issues).toEqual(expected.issues);
    expect(actual.message).toBe(expected.message);
  });

  it("finds duplicates of unique columns after an otherwise valid copy", async () => {
    const rows = validRows(40);
    const path = await csvFile("dup.csv", [HEADER, ...rows, rows[3]!, rows[10]!]);
    const expected = await errorOf(light(path));
    const actual = await errorOf(
      withWorkDir((dir) => convertFile(declaration, path, dir, {heavyThreshold: 0}))
    );
    // Disclaimer on line 1, header on line 2: rows[3] is on line 6.
    expect(expected.issues.map((i) => i.message)).toContain("valeur en double (déjà ligne 6)");
    expect(actual.issues).toEqual(expected.issues);
    expect(actual.message).toBe(expected.message);
  });

  it("lists the first problems and counts them all on a file with many, like the light path", async () => {
    const rows = Array.from({length: 400}, (_, i) => `${i % 2 ? "XX" : "01001"};35;;;;;;abc;;;;;;;`);
    const path = await csvFile("many.csv", [HEADER, ...rows]);
    const expected = await errorOf(light(path));
    const actual = await errorOf(convertFile(declaration, path, null, {heavyThreshold: 0}));
    expect(actual.total).toBe(expected.issues.length);
    expect(actual.issues).toEqual(expected.issues.slice(0, 50));
    expect(actual.message).toBe(expected.message);
  });

  it("reports a missing required column at the header line, then its empty cells", async () => {
    const path = await csvFile("missing.csv", ["CODGEO;taux", "01001;1", "01002;2"]);
    const expected = await errorOf(light(path));
    const actual = await errorOf(convertFile(declaration, path, null, {heavyThreshold: 0}));
    expect(actual.issues[0]).toMatchObject({line: 2, column: "dep"});
    expect(actual.issues).toEqual(expected.issues);
  });
});
