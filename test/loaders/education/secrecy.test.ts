import {describe, expect, it} from "vitest";
import {mulberry32} from "../../../loaders/core/prng.ts";
import {
  DEFAULT_SECRECY_THRESHOLD,
  findDisclosedCells,
  isSmallCount,
  suppressCells,
  type Count,
  type SumConstraint
} from "../../../loaders/education/secrecy.ts";
import {protectHierarchy, protectTable} from "../../../loaders/education/secrecy-tables.ts";
import {possibleValues, recoverBySubtraction} from "./attack.ts";

/** The published cells of a two-way table laid out as the attacker sees them: cells, row, column and grand totals. */
function layout(matrix: number[][]) {
  const rows = matrix.length;
  const cols = matrix[0]!.length;
  const cell = (r: number, c: number) => r * cols + c;
  const rowTotal = (r: number) => rows * cols + r;
  const colTotal = (c: number) => rows * cols + rows + c;
  const grand = rows * cols + rows + cols;
  const values: number[] = [];
  matrix.forEach((row, r) => row.forEach((v, c) => (values[cell(r, c)] = v)));
  matrix.forEach((row, r) => (values[rowTotal(r)] = row.reduce((a, b) => a + b, 0)));
  for (let c = 0; c < cols; c++) values[colTotal(c)] = matrix.reduce((s, row) => s + row[c]!, 0);
  values[grand] = values.slice(0, rows * cols).reduce((a, b) => a + b, 0);
  const constraints: SumConstraint[] = [];
  for (let r = 0; r < rows; r++)
    constraints.push({total: rowTotal(r), members: matrix[r]!.map((_, c) => cell(r, c))});
  for (let c = 0; c < cols; c++)
    constraints.push({total: colTotal(c), members: matrix.map((_, r) => cell(r, c))});
  constraints.push({total: grand, members: matrix.map((_, r) => rowTotal(r))});
  constraints.push({total: grand, members: matrix[0]!.map((_, c) => colTotal(c))});
  return {values, constraints, cell, rowTotal, colTotal, grand};
}

function secretMask(matrix: number[][], protectedTable: ReturnType<typeof protectTable>): boolean[] {
  const {values, cell, rowTotal, colTotal, grand} = layout(matrix);
  const mask = values.map(() => false);
  const s = (c: Count) => c.status === "secret";
  protectedTable.cells.forEach((row, r) => row.forEach((c, j) => (mask[cell(r, j)] = s(c))));
  protectedTable.rowTotals.forEach((c, r) => (mask[rowTotal(r)] = s(c)));
  protectedTable.columnTotals.forEach((c, j) => (mask[colTotal(j)] = s(c)));
  mask[grand] = s(protectedTable.total);
  return mask;
}

/** Asserts that the attacker recovers no suppressed cell, and that published cells are the input values. */
function expectSafe(values: number[], constraints: SumConstraint[], secret: boolean[], threshold = 11) {
  values.forEach((v, i) => {
    if (isSmallCount(v, threshold)) expect(secret[i], `small cell ${i} (${v}) must be secret`).toBe(true);
  });
  expect(recoverBySubtraction(values, constraints, secret)).toEqual([]);
  expect(findDisclosedCells(values.length, constraints, secret)).toEqual([]);
  for (const [cell, seen] of possibleValues(values, constraints, secret)) {
    expect(seen.size, `cell ${cell} (true value ${values[cell]}) is determined`).toBeGreaterThanOrEqual(2);
  }
}

describe("primary suppression", () => {
  it("hides counts from 1 to threshold - 1, publishes zeros and larger counts", () => {
    expect([0, 1, 10, 11, 250].map((v) => isSmallCount(v))).toEqual([false, true, true, false, false]);
    expect(DEFAULT_SECRECY_THRESHOLD).toBe(11);
    expect([4, 5, 6].map((v) => isSmallCount(v, 5))).toEqual([true, false, false]);
  });

  it("leaves a table with no small count untouched", () => {
    const t = protectTable([
      [20, 0, 15],
      [12, 30, 25]
    ]);
    expect(t.cells.flat().every((c) => c.status === "published")).toBe(true);
    expect(t.cells.map((r) => r.map((c) => c.value))).toEqual([
      [20, 0, 15],
      [12, 30, 25]
    ]);
    expect(t.total).toEqual({value: 102, status: "published"});
  });
});

describe("secondary suppression in a two-way table with margins", () => {
  const matrix = [
    [20, 3, 15],
    [12, 30, 25],
    [18, 22, 40]
  ];

  it("hides a complementary cell in the row and in the column of a small count", () => {
    const t = protectTable(matrix);
    expect(t.cells[0]![1]).toEqual({value: null, status: "secret"});
    const rowSecrets =
      t.cells[0]!.filter((c) => c.status === "secret").length + (t.rowTotals[0]!.value === null ? 1 : 0);
    const colSecrets = t.cells.filter((r) => r[1]!.status === "secret").length;
    expect(rowSecrets).toBeGreaterThanOrEqual(2);
    expect(colSecrets).toBeGreaterThanOrEqual(2);
    // Published values are the true ones; secret ones carry no value.
    t.cells.forEach((row, r) =>
      row.forEach((c, j) =>
        expect(c.status === "secret" ? c.value : c.value).toBe(c.status === "secret" ? null : matrix[r]![j])
      )
    );
  });

  it("cannot be undone by subtracting published cells from published totals, nor by solving the sums", () => {
    const {values, constraints} = layout(matrix);
    expectSafe(values, constraints, secretMask(matrix, protectTable(matrix)));
  });

  it("protects random tables with many small counts (seeded)", () => {
    const random = mulberry32(20220317);
    for (let n = 0; n < 60; n++) {
      const rows = 2 + Math.floor(random() * 3);
      const cols = 2 + Math.floor(random() * 3);
      const matrix = Array.from({length: rows}, () =>
        Array.from({length: cols}, () =>
          random() < 0.35 ? Math.floor(random() * 11) : 11 + Math.floor(random() * 25)
        )
      );
      const {values, constraints} = layout(matrix);
      const t = protectTable(matrix);
      expectSafe(values, constraints, secretMask(matrix, t));
    }
  });

  it("uses the configured threshold", () => {
    const m = [
      [20, 7, 15],
      [12, 30, 25]
    ];
    expect(protectTable(m, {threshold: 5}).cells[0]![1]!.status).toBe("published");
    expect(protectTable(m).cells[0]![1]!.status).toBe("secret");
  });

  it("rejects a total that is not the sum of its cells", () => {
    expect(() => suppressCells([1, 2, 4], [{total: 2, members: [0, 1]}])).toThrow(/not the sum/);
    expect(() => suppressCells([1.5], [])).toThrow(/not a count/);
  });
});

describe("findDisclosedCells", () => {
  it("finds the cell linking two separately protected blocks (each line has two secrets, yet it is determined)", () => {
    // Two 2×2 blocks of secrets (rows 0-1 × cols 0-1, rows 2-3 × cols 2-3) joined by cell (1, 2).
    const matrix = [
      [5, 5, 30, 30],
      [5, 5, 5, 30],
      [30, 30, 5, 5],
      [30, 30, 5, 5]
    ];
    const {values, constraints, cell} = layout(matrix);
    const secret = values.map(() => false);
    for (const [r, c] of [
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
      [1, 2],
      [2, 2],
      [2, 3],
      [3, 2],
      [3, 3]
    ] as const) {
      secret[cell(r, c)] = true;
    }
    expect(recoverBySubtraction(values, constraints, secret)).toEqual([]);
    expect(findDisclosedCells(values.length, constraints, secret)).toEqual([cell(1, 2)]);
    // The attacker agrees: that cell has one possible value.
    expect([...possibleValues(values, constraints, secret).get(cell(1, 2))!]).toEqual([5]);
    // And suppression handles it: every cell ends up protected.
    const result = suppressCells(values, constraints);
    expectSafe(values, constraints, [...result.secret]);
  });
});

describe("hierarchical totals: schools within communes within départements", () => {
  interface School {
    dep: string;
    commune: string;
    uai: string;
    maternelle: number;
    elementaire: number;
  }
  const schools: School[] = [
    {dep: "35", commune: "35238", uai: "A", maternelle: 45, elementaire: 120},
    {dep: "35", commune: "35238", uai: "B", maternelle: 4, elementaire: 60},
    {dep: "35", commune: "35238", uai: "C", maternelle: 30, elementaire: 80},
    {dep: "35", commune: "35047", uai: "D", maternelle: 0, elementaire: 9},
    {dep: "35", commune: "35047", uai: "E", maternelle: 25, elementaire: 70},
    {dep: "2A", commune: "2A004", uai: "F", maternelle: 60, elementaire: 150},
    {dep: "2A", commune: "2A004", uai: "G", maternelle: 12, elementaire: 2},
    {dep: "2A", commune: "2A041", uai: "H", maternelle: 6, elementaire: 14}
  ];
  const columns = ["maternelle", "elementaire"] as const;

  const protect = () =>
    protectHierarchy({
      rows: schools,
      columns,
      value: (s, c) => s[c as (typeof columns)[number]],
      levels: [
        {name: "departement", key: (s) => s.dep},
        {name: "commune", key: (s) => s.commune}
      ],
      rowTotals: true
    });

  type Line = ReturnType<typeof protect>["lines"][number];
  /** The true counts of a line (maternelle, élémentaire), computed from the input. */
  const truthOf = (l: Line) =>
    l.row
      ? [l.row.maternelle, l.row.elementaire]
      : columns.map((c) =>
          schools
            .filter((s) =>
              l.level === "commune" ? s.commune === l.key : l.level === "departement" ? s.dep === l.key : true
            )
            .reduce((a, s) => a + s[c], 0)
        );

  it("publishes a line per school, commune, département and the whole, with true totals where published", () => {
    const t = protect();
    const count = (level: string) => t.lines.filter((l) => l.level === level).length;
    expect([count("row"), count("commune"), count("departement"), count("ensemble")]).toEqual([8, 4, 2, 1]);
    const rennes = t.lines.find((l) => l.level === "commune" && l.key === "35238")!;
    const expected = schools.filter((s) => s.commune === "35238").reduce((a, s) => a + s.maternelle, 0);
    expect(rennes.cells[0]!.status === "secret" || rennes.cells[0]!.value === expected).toBe(true);
    const all = t.lines.flatMap((l) => {
      const [m, e] = truthOf(l) as [number, number];
      return [m, e, m + e];
    });
    expect(t.primary).toBe(all.filter((v) => isSmallCount(v)).length);
    expect(t.secondary).toBeGreaterThan(0);
  });

  it("leaves no hidden count recoverable from the totals of any level", () => {
    const t = protect();
    // Rebuild the published system from the lines, as an attacker would.
    const lineIndex = new Map(t.lines.map((l, i) => [l, i]));
    const width = 3;
    const values: number[] = [];
    const secret: boolean[] = [];
    const constraints: SumConstraint[] = [];
    t.lines.forEach((l, i) => {
      const truth = truthOf(l);
      [...truth, truth[0]! + truth[1]!].forEach((v, c) => (values[i * width + c] = v));
      [...l.cells, l.total!].forEach((c, j) => (secret[i * width + j] = c.status === "secret"));
      constraints.push({total: i * width + 2, members: [i * width, i * width + 1]});
    });
    const children = (parent: (typeof t.lines)[number]) =>
      t.lines.filter((l) =>
        parent.level === "ensemble"
          ? l.level === "departement"
          : parent.level === "departement"
            ? l.level === "commune" && schools.some((s) => s.commune === l.key && s.dep === parent.key)
            : parent.level === "commune" && l.level === "row" && l.row!.commune === parent.key
      );
    for (const parent of t.lines.filter((l) => l.level !== "row")) {
      const p = lineIndex.get(parent)!;
      for (let c = 0; c < width; c++) {
        constraints.push({
          total: p * width + c,
          members: children(parent).map((ch) => lineIndex.get(ch)! * width + c)
        });
      }
    }
    expectSafe(values, constraints, secret);
  });
});
