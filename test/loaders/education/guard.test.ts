import {describe, expect, it} from "vitest";
import {rowAt} from "../../../loaders/core/table.ts";
import {effectifsEcoles} from "../../../loaders/datasets/effectifs-ecoles.ts";
import {
  checkPublishedTables,
  findUnprotectedSmallCounts,
  flattenCounts,
  formatViolation,
  type PublishedTable
} from "../../../loaders/education/guard.ts";
import {SECRET, isSmallCount, published} from "../../../loaders/education/secrecy.ts";
import {protectHierarchy} from "../../../loaders/education/secrecy-tables.ts";
import {
  countValue,
  formatCount,
  formatRowCount,
  SECRET_LABEL
} from "../../../src/components/stats/secrecy.js";

const COLUMNS = ["eleves_preelementaire", "eleves_elementaire", "eleves_ulis"];

/** A page table of the demo effectifs of one département, rentrée 2022: schools and communes. */
function demoPage() {
  const table = effectifsEcoles.offline.build({});
  const schools = Array.from({length: table.rowCount}, (_, i) => rowAt(table, i)).filter(
    (r) => r.rentree === 2022 && r.departement === "48"
  );
  return {
    schools,
    raw: {
      page: "src/education/effectifs.md",
      table: "écoles de Lozère",
      idColumn: "id",
      countColumns: COLUMNS
    }
  };
}

describe("findUnprotectedSmallCounts", () => {
  it("names page, table, row, level and column of every small count shown at school or commune level", () => {
    const {schools, raw} = demoPage();
    const rows: Record<string, unknown>[] = schools.map((s) => ({...s, level: "school", id: s.uai}));
    const found = findUnprotectedSmallCounts({...raw, rows});
    const expected = rows.flatMap((r, i) =>
      COLUMNS.filter((c) => isSmallCount(r[c] as number)).map((c) => [i, r.uai, c, r[c]])
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(found.map((v) => [v.row, v.id, v.column, v.value])).toEqual(expected);
    expect(found.every((v) => v.page === raw.page && v.table === raw.table && v.level === "school")).toBe(
      true
    );
    expect(formatViolation(found[0]!)).toMatch(
      /^src\/education\/effectifs\.md : table « écoles de Lozère », ligne \d+ \(school \d{7}[A-Z]\), colonne « eleves_\w+ » : effectif \d+ /
    );
  });

  it("finds nothing once the table went through secondary suppression (flat form with _statut columns)", () => {
    const {schools, raw} = demoPage();
    const protectedTable = protectHierarchy({
      rows: schools,
      columns: COLUMNS,
      value: (r, c) => r[c] as number,
      levels: [{name: "commune", key: (r) => r.code_commune as string}],
      rowTotals: true
    });
    expect(protectedTable.primary).toBeGreaterThan(0);
    const rows: Record<string, unknown>[] = protectedTable.lines.map((l) => ({
      level: l.level === "row" ? "school" : l.level,
      id: l.row ? l.row.uai : l.key,
      ...flattenCounts(COLUMNS, l.cells)
    }));
    expect(findUnprotectedSmallCounts({...raw, rows})).toEqual([]);
    // Secret cells are null with an explicit status, never 0.
    const secret = rows.flatMap((r) => COLUMNS.filter((c) => r[`${c}_statut`] === "secret").map((c) => r[c]));
    expect(secret.length).toBe(
      protectedTable.primary +
        protectedTable.secondary -
        protectedTable.lines.filter((l) => l.total?.status === "secret").length
    );
    expect(secret.every((v) => v === null)).toBe(true);
  });

  it("only checks fine levels, and understands Count objects and numeric strings", () => {
    const table: PublishedTable = {
      page: "p.md",
      table: "t",
      countColumns: ["n"],
      rows: [
        {level: "departement", n: 3},
        {level: "commune", n: SECRET},
        {level: "commune", n: published(4)},
        {level: "school", n: "7"},
        {level: "school", n: 0},
        {level: "school", n: 11},
        {level: "school", n: null}
      ]
    };
    expect(findUnprotectedSmallCounts(table).map((v) => [v.row, v.value])).toEqual([
      [2, 4],
      [3, 7]
    ]);
    expect(findUnprotectedSmallCounts(table, {threshold: 5}).map((v) => v.row)).toEqual([2]);
    expect(findUnprotectedSmallCounts(table, {levels: ["departement"]}).map((v) => v.row)).toEqual([0]);
  });
});

describe("checkPublishedTables", () => {
  const small: PublishedTable = {
    page: "a.md",
    table: "écoles",
    countColumns: ["n"],
    rows: [{level: "school", n: 2}]
  };

  it("fails on small counts unless the page opts out with a reason", () => {
    expect(checkPublishedTables([small]).violations).toHaveLength(1);
    const waived = checkPublishedTables([{...small, optOut: {reason: "nombre d'écoles, pas d'élèves"}}]);
    expect(waived.violations).toEqual([]);
    expect(waived.waived).toEqual([
      {page: "a.md", table: "écoles", reason: "nombre d'écoles, pas d'élèves", count: 1}
    ]);
  });

  it("refuses an opt-out without a reason", () => {
    expect(() => checkPublishedTables([{...small, optOut: {reason: "  "}}])).toThrow(
      /a\.md.*écoles.*sans motif/
    );
  });
});

describe("page formatting of secret counts (src/components/stats/secrecy.js)", () => {
  it("writes « masqué » for masked cells (the kit's small-count rule), never 0 or blank, and gives null to charts", () => {
    expect([
      formatCount(SECRET),
      formatCount(null, "secret"),
      formatCount(1234),
      formatCount(published(0)),
      formatCount(null)
    ]).toEqual(["masqué", "masqué", (1234).toLocaleString("fr-FR"), "0", ""]);
    expect(SECRET_LABEL).toBe("masqué");
    expect([countValue(SECRET), countValue(published(12)), countValue(5, "secret"), countValue(7n)]).toEqual([
      null,
      12,
      null,
      7
    ]);
    expect(formatRowCount({n: null, n_statut: "secret"}, "n")).toBe("masqué");
  });
});
