/**
 * Secrecy for the usual shapes of published tables: a two-way table with its margins, and rows (schools)
 * grouped by levels (commune within département) with a total for every group. Both reduce to
 * {@link suppressCells}.
 */
import {SECRET, published, suppressCells} from "./secrecy.ts";
import type {Count, SecrecyOptions, SumConstraint} from "./secrecy.ts";

/** A level of grouping above the rows, e.g. the commune of a school. */
export interface GroupLevel<R> {
  /** Name of the level, e.g. `commune`. */
  readonly name: string;
  /** Key of the row's group at this level, e.g. its commune code. */
  readonly key: (row: R) => string;
}

/** A table of counts: rows (e.g. schools), count columns, and the levels its totals are published at. */
export interface HierarchicalCounts<R> {
  readonly rows: readonly R[];
  /** Count columns, in order. */
  readonly columns: readonly string[];
  /** The count of a row in a column (a non-negative integer). */
  readonly value: (row: R, column: string) => number;
  /** Levels above the rows, coarsest first (e.g. département, then commune). Each group's totals are published. */
  readonly levels: readonly GroupLevel<R>[];
  /** Also publish a grand total over all rows (default true). */
  readonly grandTotal?: boolean;
  /** Also publish, for every row and group, the sum of its columns (default false). */
  readonly rowTotals?: boolean;
}

/** A row or a group total of a protected table. */
export interface ProtectedLine<R> {
  /** `row` for an input row, a level name for a group total, `ensemble` for the grand total. */
  readonly level: string;
  /** Group key (empty for rows and the grand total). */
  readonly key: string;
  /** The input row, for rows. */
  readonly row?: R;
  /** One count per column, aligned with `columns`. */
  readonly cells: readonly Count[];
  /** The sum of the columns, when `rowTotals` is set. */
  readonly total?: Count;
}

/** A table after primary and secondary suppression. */
export interface ProtectedTable<R> {
  readonly columns: readonly string[];
  /** Input rows first, in input order, then group totals level by level, then the grand total. */
  readonly lines: readonly ProtectedLine<R>[];
  readonly primary: number;
  readonly secondary: number;
}

interface Node<R> {
  level: string;
  key: string;
  row?: R;
  children: number[];
}

/**
 * Applies statistical secrecy to rows grouped by levels, with a published total for every group at every
 * level (and the grand total, and row totals if asked). The sums linking a group to its children, for
 * every column, and a line's total to its columns, are all taken into account.
 */
export function protectHierarchy<R>(
  table: HierarchicalCounts<R>,
  options: SecrecyOptions = {}
): ProtectedTable<R> {
  const nodes: Node<R>[] = table.rows.map((row) => ({level: "row", key: "", row, children: []}));
  let lowest = nodes.map((_, i) => i);
  // Build group nodes from the finest level up; each level's children are the nodes of the level below.
  for (let l = table.levels.length - 1; l >= 0; l--) {
    const level = table.levels[l] as GroupLevel<R>;
    const prefix = table.levels.slice(0, l + 1);
    const groups = new Map<string, number>();
    const next: number[] = [];
    for (const child of lowest) {
      const sample = firstRow(nodes, child);
      const path = prefix.map((lv) => lv.key(sample)).join("\u0000");
      let g = groups.get(path);
      if (g === undefined) {
        g = nodes.length;
        nodes.push({level: level.name, key: level.key(sample), children: []});
        groups.set(path, g);
        next.push(g);
      }
      nodes[g]!.children.push(child);
    }
    lowest = next;
  }
  if (table.grandTotal ?? true) {
    nodes.push({level: "ensemble", key: "", children: lowest});
  }

  const width = table.columns.length + (table.rowTotals ? 1 : 0);
  const values = new Array<number>(nodes.length * width).fill(0);
  const constraints: SumConstraint[] = [];
  const cell = (n: number, c: number) => n * width + c;
  // Fill leaves, then groups in creation order (children always come before parents).
  for (const [n, node] of nodes.entries()) {
    for (const [c, column] of table.columns.entries()) {
      values[cell(n, c)] = node.row
        ? table.value(node.row, column)
        : node.children.reduce((s, ch) => s + (values[cell(ch, c)] as number), 0);
      if (!node.row) constraints.push({total: cell(n, c), members: node.children.map((ch) => cell(ch, c))});
    }
    if (table.rowTotals) {
      const t = table.columns.length;
      const members = table.columns.map((_, c) => cell(n, c));
      values[cell(n, t)] = members.reduce((s, m) => s + (values[m] as number), 0);
      constraints.push({total: cell(n, t), members});
      if (!node.row) constraints.push({total: cell(n, t), members: node.children.map((ch) => cell(ch, t))});
    }
  }

  const result = suppressCells(values, constraints, options);
  const count = (i: number): Count => (result.secret[i] ? SECRET : published(values[i] as number));
  const lines = nodes.map((node, n): ProtectedLine<R> => {
    const line: ProtectedLine<R> = {
      level: node.level,
      key: node.key,
      cells: table.columns.map((_, c) => count(cell(n, c))),
      ...(node.row === undefined ? {} : {row: node.row}),
      ...(table.rowTotals ? {total: count(cell(n, table.columns.length))} : {})
    };
    return line;
  });
  return {columns: table.columns, lines, primary: result.primary, secondary: result.secondary};
}

/** The first input row under a node (its group keys are the node's). */
function firstRow<R>(nodes: readonly Node<R>[], n: number): R {
  let node = nodes[n] as Node<R>;
  while (node.row === undefined) node = nodes[node.children[0] as number] as Node<R>;
  return node.row;
}

/** A two-way table after suppression: inner cells, row margins, column margins and grand total. */
export interface ProtectedMatrix {
  readonly cells: readonly (readonly Count[])[];
  readonly rowTotals: readonly Count[];
  readonly columnTotals: readonly Count[];
  readonly total: Count;
}

/** Applies statistical secrecy to a two-way table of counts published with its row and column margins. */
export function protectTable(
  matrix: readonly (readonly number[])[],
  options: SecrecyOptions = {}
): ProtectedMatrix {
  const width = matrix[0]?.length ?? 0;
  if (matrix.some((r) => r.length !== width)) throw new Error("protectTable: rows of different lengths");
  const columns = Array.from({length: width}, (_, c) => String(c));
  const result = protectHierarchy(
    {rows: matrix, columns, value: (r, c) => r[Number(c)] as number, levels: [], rowTotals: true},
    options
  );
  const rows = result.lines.filter((l) => l.level === "row");
  const all = result.lines.find((l) => l.level === "ensemble") as ProtectedLine<readonly number[]>;
  return {
    cells: rows.map((l) => l.cells),
    rowTotals: rows.map((l) => l.total as Count),
    columnTotals: all.cells,
    total: all.total as Count
  };
}
