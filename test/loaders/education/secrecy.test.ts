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
import {cellIntervals} from "../../../loaders/education/secrecy-intervals.ts";
import {linearBounds, possibleValues, recoverBySubtraction} from "./attack.ts";

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

/**
 * Asserts that the attacker recovers no suppressed cell (by subtraction, by solving the sums, by the exact LP
 * bounds), and that the LP bounds leave every small cell an interval at least `width` wide.
 */
function expectSafe(
  values: number[],
  constraints: SumConstraint[],
  secret: boolean[],
  threshold = 11,
  width = threshold
) {
  values.forEach((v, i) => {
    if (isSmallCount(v, threshold)) expect(secret[i], `small cell ${i} (${v}) must be secret`).toBe(true);
  });
  expect(recoverBySubtraction(values, constraints, secret)).toEqual([]);
  expect(findDisclosedCells(values.length, constraints, secret)).toEqual([]);
  for (const [cell, {lower, upper}] of linearBounds(values, constraints, secret)) {
    const v = values[cell]!;
    expect(lower <= v && v <= upper, `the attacker's bounds of cell ${cell} hold its value`).toBe(true);
    expect(upper - lower, `cell ${cell} (true value ${v}) is determined`).toBeGreaterThanOrEqual(1);
    if (isSmallCount(v, threshold))
      expect(
        upper - lower,
        `small cell ${cell} (${v}) confined to [${lower}, ${upper}]`
      ).toBeGreaterThanOrEqual(width);
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

describe("protection intervals (as τ-Argus): no small cell confined to an interval narrower than the threshold", () => {
  // Two small counts in one row: the row total alone says a + b = 2, so each lies in [0, 2].
  const pinned = [
    [1, 1, 10],
    [5, 5, 10]
  ];
  const boundsOf = (matrix: number[][], options: {threshold: number; protectionWidth?: number}) => {
    const {values, constraints} = layout(matrix);
    return linearBounds(values, constraints, secretMask(matrix, protectTable(matrix, options)));
  };

  it("without the interval audit, a count of 1 is pinned to [0, 2] with threshold 3; with it, its interval is at least 3 wide", () => {
    expect(boundsOf(pinned, {threshold: 3, protectionWidth: 0}).get(0)).toEqual({lower: 0, upper: 2});
    const {lower, upper} = boundsOf(pinned, {threshold: 3}).get(0)!;
    expect(upper - lower).toBeGreaterThanOrEqual(3);
  });

  it("cellIntervals gives the exact LP bounds, the attacker's", () => {
    const {values, constraints} = layout(pinned);
    const secret = secretMask(pinned, protectTable(pinned, {threshold: 3, protectionWidth: 0}));
    const cells = secret.flatMap((s, i) => (s ? [i] : []));
    expect(cellIntervals(values, constraints, secret, cells)).toEqual(
      linearBounds(values, constraints, secret)
    );
  });

  /** Random school × level tables (seeded): `schools` rows, `levels` columns, a share of small counts. */
  function schoolTables(seed: number, count: number, threshold: number) {
    const random = mulberry32(seed);
    return Array.from({length: count}, () => {
      const schools = 2 + Math.floor(random() * 7);
      const levels = 2 + Math.floor(random() * 5);
      return Array.from({length: schools}, () =>
        Array.from({length: levels}, () =>
          random() < 0.3
            ? 0
            : random() < 0.35
              ? 1 + Math.floor(random() * (threshold - 1))
              : threshold + Math.floor(random() * 40)
        )
      );
    });
  }

  it.each([3, 5, 11])(
    "threshold %i: 150 random school × level tables attacked with the exact LP bounds leave every small cell an interval at least that wide",
    (threshold) => {
      for (const matrix of schoolTables(1000 + threshold, 150, threshold)) {
        const {values, constraints} = layout(matrix);
        expectSafe(values, constraints, secretMask(matrix, protectTable(matrix, {threshold})), threshold);
      }
    }
  );

  it("without the interval audit the same attack pins some small cells (what the audit is for)", () => {
    let small = 0;
    let narrow = 0;
    for (const matrix of schoolTables(1003, 150, 3)) {
      const {values, constraints} = layout(matrix);
      const secret = secretMask(matrix, protectTable(matrix, {threshold: 3, protectionWidth: 0}));
      for (const [cell, {lower, upper}] of linearBounds(values, constraints, secret)) {
        if (!isSmallCount(values[cell]!, 3)) continue;
        small++;
        if (upper - lower < 3) narrow++;
      }
    }
    expect(small).toBeGreaterThan(100);
    expect(narrow).toBeGreaterThan(0);
  });

  it("a wider protection than the threshold can be asked (protectionWidth)", () => {
    const matrix = [
      [4, 30, 25],
      [22, 3, 40],
      [35, 28, 2]
    ];
    const {values, constraints} = layout(matrix);
    const secret = secretMask(matrix, protectTable(matrix, {threshold: 5, protectionWidth: 12}));
    expectSafe(values, constraints, secret, 5, 12);
  });
});

describe("protection intervals in hierarchical tables: schools × levels within communes", () => {
  interface School {
    commune: string;
    counts: number[];
  }
  const LEVELS = ["cp", "ce1", "ce2", "cm1"];

  /** Seeded schools in a few communes, with many small counts. */
  function randomSchools(seed: number): School[] {
    const random = mulberry32(seed);
    return Array.from({length: 4 + Math.floor(random() * 8)}, () => ({
      commune: `c${Math.floor(random() * 3)}`,
      counts: LEVELS.map(() =>
        random() < 0.2 ? 0 : random() < 0.3 ? 1 + Math.floor(random() * 10) : 11 + Math.floor(random() * 30)
      )
    }));
  }

  /** The system an attacker reads off the published lines: every line's total, every group's sums. */
  function published(schools: School[], options: {protectionWidth?: number} = {}) {
    const t = protectHierarchy(
      {
        rows: schools,
        columns: LEVELS,
        value: (s, c) => s.counts[LEVELS.indexOf(c)]!,
        levels: [{name: "commune", key: (s) => s.commune}],
        rowTotals: true
      },
      options
    );
    const width = LEVELS.length + 1;
    const values: number[] = [];
    const secret: boolean[] = [];
    const constraints: SumConstraint[] = [];
    const members = (line: (typeof t.lines)[number]) =>
      line.level === "row"
        ? [line.row!]
        : schools.filter((s) => line.level === "ensemble" || s.commune === line.key);
    t.lines.forEach((line, i) => {
      const truth = LEVELS.map((_, c) => members(line).reduce((a, s) => a + s.counts[c]!, 0));
      [...truth, truth.reduce((a, b) => a + b, 0)].forEach((v, c) => (values[i * width + c] = v));
      [...line.cells, line.total!].forEach((c, j) => (secret[i * width + j] = c.status === "secret"));
      constraints.push({total: i * width + LEVELS.length, members: LEVELS.map((_, c) => i * width + c)});
    });
    const indexOf = (level: string, key: string) =>
      t.lines.findIndex((l) => l.level === level && l.key === key);
    const children = (i: number) => {
      const line = t.lines[i]!;
      if (line.level === "ensemble") return t.lines.flatMap((l, j) => (l.level === "commune" ? [j] : []));
      return t.lines.flatMap((l, j) => (l.level === "row" && l.row!.commune === line.key ? [j] : []));
    };
    for (const parent of [
      indexOf("ensemble", ""),
      ...t.lines.flatMap((l, j) => (l.level === "commune" ? [j] : []))
    ])
      for (let c = 0; c < width; c++)
        constraints.push({total: parent * width + c, members: children(parent).map((j) => j * width + c)});
    return {values, secret, constraints};
  }

  it("40 random tables (seeded): no hidden count recovered, none confined to an interval narrower than 11", () => {
    for (let seed = 1; seed <= 40; seed++) {
      const {values, secret, constraints} = published(randomSchools(seed));
      expectSafe(values, constraints, secret);
    }
  });

  it("the same tables without the interval audit leave some small counts confined more narrowly (the attack has teeth)", () => {
    let narrow = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const {values, secret, constraints} = published(randomSchools(seed), {protectionWidth: 0});
      for (const [cell, {lower, upper}] of linearBounds(values, constraints, secret))
        if (isSmallCount(values[cell]!) && upper - lower < DEFAULT_SECRECY_THRESHOLD) narrow++;
    }
    expect(narrow).toBeGreaterThan(0);
  });
});
