/**
 * `sql-rules.ts`: the shortcut for clean cells (`ColumnSql.fast`) gives exactly what the full rules give, on
 * every column kind and on cells chosen at the edges of the clean spellings (spaces, signs, lengths, commas,
 * null tokens, bounds). The full rules themselves are compared with the JavaScript path in `sql-path.test.ts`.
 */
import {describe, expect, it} from "vitest";
import {sqlIdentifier, sqlString, withDuckDB} from "../../../loaders/core/duckdb.ts";
import type {ColumnSpec} from "../../../loaders/core/schema.ts";
import {planSql} from "../../../loaders/core/sql-ingest.ts";

const spec = (name: string, rest: Partial<ColumnSpec>): ColumnSpec => ({
  name,
  type: "string",
  description: "",
  nullable: true,
  ...rest
});

const COLUMNS: ColumnSpec[] = [
  spec("commune", {type: "code", code: "commune", nullable: false}),
  spec("departement", {type: "code", code: "departement"}),
  spec("region", {type: "code", code: "region"}),
  spec("iris", {type: "code", code: "iris"}),
  spec("siret", {type: "code", code: "siret"}),
  spec("siren", {type: "code", code: "siren"}),
  spec("postal", {type: "code", code: "postal", nullTokens: ["00000"]}),
  spec("entier", {type: "integer", min: -5, max: 1_000_000}),
  spec("entier_libre", {type: "integer", nullTokens: ["0", "s"]}),
  spec("nombre", {type: "number", min: -100, max: 1e9}),
  spec("nombre_libre", {type: "number", nullTokens: ["nd"]}),
  spec("booleen", {type: "boolean", nullTokens: ["n"]}),
  spec("jour", {type: "date"}),
  spec("texte", {}),
  spec("texte_court", {maxLength: 5, pattern: "^[A-Z]", nullTokens: ["NA"]})
];

/** Cells at the edges of the clean spellings, each also with spaces around it. */
const BASE = [
  ...[
    "01001",
    "1001",
    "2A001",
    "2a004",
    "2B123",
    "20",
    "020",
    "035",
    "35",
    "1",
    "971",
    "987",
    "2A",
    "02A",
    "00"
  ],
  ...["123456789", "12345678", "2A0010101", "12345678901234", "123 456 789", "1234", "00000", "75001"],
  ...["0", "-0", "+5", "-5", "-6", "007", "1 234", "1 234 567", "12 34", "1  234", "1\u202f234", "999999999"],
  ...["1000000", "1000001", "1234567890", "2147483648", "12,0", "12,5", "-12,75", "1.234,5", "1,234", "12%"],
  ...["1e5", "0x1F", "1_000", ",5", "5,", "1,2,3", "--1", "1-", ".5", "123456789012345,123456789012345"],
  ...["oui", "OUI", "non", "true", "False", "o", "n", "yes", "1", "vrai", "2024-02-29", "2023-02-29"],
  ...["2024-1-05", "2024-01-05T10:00", "05/01/2024", "0000-01-01", "Abc", "abc", "ABCDEF", "NA", "nd", "s"],
  ...[
    "",
    "x y",
    "é",
    "Zoé",
    "A\u00a0",
    "\u00a0A",
    "\tA",
    "A\n",
    "A\nB",
    "\ufeffA",
    "𝒜",
    "A ",
    " A",
    "A\u3000",
    "e\u0301",
    "A\u2029"
  ]
];
const CELLS = [...new Set(BASE.flatMap((c) => [c, ` ${c}`, `${c} `, ` ${c} `]))];

/**
 * The cells a column is tried on: all of them, but for an integer column those out of INTEGER's range (on which
 * the full rules, like the shortcut, stop the query with DuckDB's conversion error).
 */
const cellsOf = (column: ColumnSpec) =>
  column.type === "integer"
    ? CELLS.filter((c) => !(Math.abs(Number(c.replace(/[\s\u202f]/g, "").replace(",", "."))) >= 2 ** 31))
    : CELLS;

/** Per cell of `cellsOf(column)`, `[value as text, error]` under the plan (with or without the shortcut). */
async function outcomes(column: ColumnSpec, fast: boolean): Promise<string[][]> {
  const plan = planSql([column], [column.name], undefined, {fast});
  const rows = cellsOf(column)
    .map((cell) => `(${sqlString(cell)})`)
    .join(", ");
  const from = `(SELECT * FROM (VALUES ${rows}) AS cells(${sqlIdentifier(column.name)}))`;
  return withDuckDB(async (connection) => {
    const sql = `SELECT CAST("__v0" AS VARCHAR), "__e0" FROM (${plan.select(from)})`;
    return (await connection.runAndReadAll(sql)).getRowsJS().map((row) => row.map((v) => String(v)));
  });
}

describe("planSql(columns, header) with the clean-cell shortcut", () => {
  it("gives the value and error of the full rules on every cell of every column kind", async () => {
    for (const column of COLUMNS) {
      const [fast, full] = [await outcomes(column, true), await outcomes(column, false)];
      expect(fast.length).toBe(cellsOf(column).length);
      const differences = cellsOf(column).flatMap((cell, r) =>
        fast[r]!.join("|") === full[r]!.join("|")
          ? []
          : [{column: column.name, cell, got: fast[r], want: full[r]}]
      );
      expect(differences).toEqual([]);
      // The corpus reaches both outcomes of every column that can refuse a cell: some cells valid, some not.
      expect(full.some(([value, error]) => error === "null" && value !== "null")).toBe(true);
      const acceptsAll = column.type === "string" && column.nullable && !column.maxLength && !column.pattern;
      expect(full.some(([, error]) => error !== "null")).toBe(!acceptsAll);
    }
  });
});
