import {describe, expect, it} from "vitest";
import iconv from "iconv-lite";
import {
  normalizeCommune,
  normalizeDepartement,
  normalizeIris,
  normalizeSiret
} from "../../loaders/core/codes.ts";
import {parseCsvBytes} from "../../loaders/core/csv.ts";
import {diffVersions} from "../../loaders/core/diff.ts";
import {parseFrenchNumber} from "../../loaders/core/numbers.ts";
import {fromArrowStream, tableFromRows, toArrowStream} from "../../loaders/core/table.ts";
import {validateFile} from "../../loaders/core/validate.ts";
import type {ColumnSpec} from "../../loaders/core/schema.ts";

describe("codes", () => {
  it("normalises commune, département, IRIS and SIRET codes as strings", () => {
    expect(normalizeCommune("1001")).toBe("01001");
    expect(normalizeCommune("2a004")).toBe("2A004");
    expect(normalizeCommune("97101")).toBe("97101");
    expect(normalizeCommune("1A001")).toBeNull();
    expect(normalizeDepartement("035")).toBe("35");
    expect(normalizeDepartement("001")).toBe("01");
    expect(normalizeDepartement("02A")).toBe("2A");
    expect(normalizeDepartement("971")).toBe("971");
    expect(normalizeDepartement("1")).toBe("01");
    expect(normalizeDepartement("20")).toBeNull();
    expect(normalizeIris("10010000")).toBe("010010000");
    expect(normalizeIris("2A0040101")).toBe("2A0040101");
    expect(normalizeSiret("123 456 789 00012")).toBe("12345678900012");
  });
});

describe("French numbers", () => {
  it("reads decimal commas, thousands spaces and percents", () => {
    expect(parseFrenchNumber("1 234,5")).toBe(1234.5);
    expect(parseFrenchNumber("1\u202f234")).toBe(1234);
    expect(parseFrenchNumber("-0,25")).toBe(-0.25);
    expect(parseFrenchNumber("12,5 %")).toBe(12.5);
    expect(parseFrenchNumber("1.234,5")).toBe(1234.5);
    expect(parseFrenchNumber("3.5")).toBe(3.5);
    expect(parseFrenchNumber("abc")).toBeNull();
    expect(parseFrenchNumber("")).toBeNull();
  });
});

describe("CSV parsing", () => {
  const text =
    'Avertissement : données en l’état\ncode;nom;valeur\n01001;L\'Abergement;1 234,5\n"2A004";"Ajaccio\n(Corse)";3\n';
  it("skips a disclaimer line, keeps quoted line breaks and reports record start lines", () => {
    const raw = parseCsvBytes(new TextEncoder().encode(text), "t.csv", {
      skipLines: "auto",
      headerHints: ["code;"]
    });
    expect(raw.header).toEqual(["code", "nom", "valeur"]);
    expect(raw.headerLine).toBe(2);
    expect(raw.records.map((r) => r.line)).toEqual([3, 4]);
    expect(raw.records[1]!.values.nom).toBe("Ajaccio\n(Corse)");
  });
  it("decodes UTF-8 with BOM and Windows-1252 alike", () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    const latin = new Uint8Array(iconv.encode(text, "win1252"));
    const a = parseCsvBytes(bom, "bom.csv", {skipLines: "auto", headerHints: ["code;"]});
    const b = parseCsvBytes(latin, "latin.csv", {skipLines: "auto", headerHints: ["code;"]});
    expect(a.header[0]).toBe("code");
    expect(b.records).toEqual(a.records);
  });
});

describe("validation", () => {
  const columns: ColumnSpec[] = [
    {
      name: "code",
      type: "code",
      code: "commune",
      description: "",
      nullable: false,
      unique: true,
      aliases: ["CODGEO"]
    },
    {name: "taux", type: "number", description: "", nullable: true, nullTokens: ["s"], min: 0, max: 100}
  ];
  it("reports every problem with file, line, column and value, and keeps secrets null", () => {
    const raw = {
      file: "f.csv",
      header: ["CODGEO", "taux"],
      headerLine: 1,
      records: [
        {line: 2, values: {CODGEO: "1001", taux: "s"}},
        {line: 3, values: {CODGEO: "XX", taux: "12,5"}},
        {line: 4, values: {CODGEO: "01001", taux: "140"}}
      ]
    };
    const {table, issues} = validateFile(raw, columns, {dataset: "demo"});
    expect(table.values.code![0]).toBe("01001");
    expect(table.values.taux![0]).toBeNull();
    expect(issues.map((i) => [i.line, i.column, i.value])).toEqual([
      [3, "CODGEO", "XX"],
      [4, "CODGEO", "01001"],
      [4, "taux", "140"]
    ]);
    expect(issues.every((i) => i.dataset === "demo" && i.file === "f.csv")).toBe(true);
  });
  it("reports a missing required column once, at the header line", () => {
    const {issues} = validateFile({file: "f.csv", header: ["x"], headerLine: 1, records: []}, columns, {
      dataset: "d"
    });
    expect(issues).toHaveLength(1);
    expect(issues[0]!.message).toContain("CODGEO");
  });
});

describe("Arrow stream round trip and diff", () => {
  it("keeps types, nulls and codes", () => {
    const columns = [
      {name: "code", type: "code" as const},
      {name: "n", type: "integer" as const},
      {name: "d", type: "date" as const}
    ];
    const table = tableFromRows(columns, [
      {code: "01001", n: 3, d: "2024-04-02"},
      {code: "2A004", n: null, d: null}
    ]);
    const back = fromArrowStream(toArrowStream(table), columns);
    expect(back.values).toEqual(table.values);
  });
  it("counts added/removed rows by key and column changes", () => {
    const d = diffVersions(
      {
        rows: 2,
        columns: [
          {name: "a", type: "string"},
          {name: "b", type: "integer"}
        ],
        keys: new Set(["1", "2"])
      },
      {
        rows: 2,
        columns: [
          {name: "a", type: "string"},
          {name: "b", type: "number"},
          {name: "c", type: "string"}
        ],
        keys: new Set(["2", "3"])
      }
    );
    expect([d.rowsAdded, d.rowsRemoved, d.columnsAdded, d.columnsRetyped.map((c) => c.name)]).toEqual([
      1,
      1,
      ["c"],
      ["b"]
    ]);
  });
});
