/**
 * Statistical disclosure control for published counts (secret statistique): primary suppression of small
 * counts, then secondary (complementary) suppression so that no hidden count can be recovered from the
 * totals published beside it, nor confined to a narrow interval (protection intervals, `secrecy-intervals.ts`).
 *
 * Pure functions, no I/O. A table is described as cells (numbers) and the sums that are published with them
 * (row and column margins, hierarchical totals: schools → commune → département); see {@link suppressCells}.
 * {@link protectHierarchy} and {@link protectTable} build that description for the usual tables.
 */
import {
  cellIntervals,
  intervalWidth,
  narrowCells,
  type CellInterval,
  type IntervalCache
} from "./secrecy-intervals.ts";

/**
 * Default threshold: counts from 1 to 10 are not published (a count is shown only when it is 0 or at least 11).
 *
 * Why 11: it is the small-count rule most widely applied to French statistics about people. The health data
 * system (SNDS, CNAM) forbids publishing counts from 1 to 10, and INSEE does not publish its gridded income
 * data (Filosofi) for fewer than 11 households. Below about ten, a count of pupils in a school, a level or a
 * sector can single out a child or a family (2 pupils in ULIS, 3 in CM2 in a village school). The threshold is
 * a parameter: a page or a défi may choose a stricter one, and should say why if it chooses a weaker one.
 *
 * Zeros are published: in these tables they are mostly structural (no CP in a maternelle) and hiding them would
 * blank most tables. A zero can still tell something about a whole group (0 pupils of a category in a school):
 * a page breaking a small group down by a sensitive attribute needs more than this rule. A zero is hidden only
 * as a last resort of secondary suppression.
 */
export const DEFAULT_SECRECY_THRESHOLD = 11;

/** A published count. */
export interface PublishedCount {
  readonly value: number;
  readonly status: "published";
}

/** A count that is not published because of statistical secrecy. Never 0, never a silent null. */
export interface SecretCount {
  readonly value: null;
  readonly status: "secret";
}

/** A count as published: its value, or an explicit "secret" status. */
export type Count = PublishedCount | SecretCount;

/** The secret count (one shared frozen value). */
export const SECRET: SecretCount = Object.freeze({value: null, status: "secret"});

/** A published count. */
export function published(value: number): PublishedCount {
  return {value, status: "published"};
}

/** True when a count is secret. */
export function isSecret(count: Count): count is SecretCount {
  return count.status === "secret";
}

/** Options of the suppression functions. */
export interface SecrecyOptions {
  /** Counts `n` with `0 < n < threshold` are suppressed (primary suppression). Default 11. */
  readonly threshold?: number;
  /**
   * Protection interval: the published figures must leave every primary cell free over an interval at least this
   * wide (`upper - lower`, exact bounds of the linear programme). Default: the threshold (a 1 with threshold 3
   * must not be pinned to 0–2). 0 turns the interval audit off.
   */
  readonly protectionWidth?: number;
}

/** True when a count must be suppressed on its own (primary suppression): `0 < value < threshold`. */
export function isSmallCount(value: number, threshold: number = DEFAULT_SECRECY_THRESHOLD): boolean {
  return value > 0 && value < threshold;
}

/**
 * A sum published with the table: `values[total] = Σ values[members]`. Indices refer to the `values` array
 * of {@link suppressCells}. A row margin, a column margin, a commune total of its schools are each one.
 */
export interface SumConstraint {
  readonly total: number;
  readonly members: readonly number[];
}

/** Result of {@link suppressCells}. */
export interface SuppressionResult {
  /** `secret[i]` is true when cell `i` must not be published. */
  readonly secret: readonly boolean[];
  /** Number of cells suppressed because they are small. */
  readonly primary: number;
  /** Number of cells suppressed to protect the small ones. */
  readonly secondary: number;
}

/**
 * Chooses the cells to suppress in a table of counts with published sums.
 *
 * 1. Primary: every count with `0 < value < threshold`.
 * 2. Secondary: a sum whose cells (its members and its total) include exactly one suppressed cell gives
 *    that cell away by subtraction; the smallest non-zero published member of that sum (its total if no
 *    member is left) is suppressed too. Repeated until no sum has exactly one suppressed cell, across all
 *    sums (rows, columns, every level of a hierarchy).
 * 3. Audit: even with two suppressed cells in every sum, some patterns still determine a cell (a cell
 *    linking two otherwise separate groups of suppressed cells). {@link findDisclosedCells} solves the
 *    linear system; while it finds a determined cell, one more cell of one of its sums is suppressed.
 * 4. Protection intervals: the exact bounds of each primary cell (min and max of the linear programme
 *    "published cells and sums, non-negative counts", {@link cellIntervals}) must be at least
 *    `protectionWidth` apart (default: the threshold). While a primary cell is confined more narrowly, one more
 *    cell of its sums is suppressed (see `widening`), and steps 2 to 4 run again.
 *
 * Deterministic: ties are broken by the lower index.
 */
export function suppressCells(
  values: readonly number[],
  constraints: readonly SumConstraint[],
  options: SecrecyOptions = {}
): SuppressionResult {
  const threshold = options.threshold ?? DEFAULT_SECRECY_THRESHOLD;
  for (const [i, v] of values.entries()) {
    if (!Number.isInteger(v) || v < 0) throw new Error(`suppressCells: cell ${i} is not a count: ${v}`);
  }
  for (const c of constraints) {
    const sum = c.members.reduce((s, m) => s + (values[m] as number), 0);
    if (sum !== values[c.total]) {
      throw new Error(
        `suppressCells: cell ${c.total} (${values[c.total]}) is not the sum of its members (${sum})`
      );
    }
  }
  const secret = values.map((v) => isSmallCount(v, threshold));
  const primaries = secret.flatMap((s, i) => (s ? [i] : []));
  const primary = primaries.length;
  const byCell = constraintsByCell(values.length, constraints);
  const width = options.protectionWidth ?? threshold;
  const intervals: IntervalCache = new Map();

  for (;;) {
    closeBySubtraction(values, constraints, secret);
    const disclosed = findDisclosedCells(values.length, constraints, secret);
    if (disclosed.length === 0) {
      const narrow = width > 0 ? narrowCells(values, constraints, secret, primaries, width, intervals) : [];
      if (narrow.length === 0) break;
      const {cell, interval} = narrow[0]!;
      secret[widening(values, constraints, secret, byCell[cell] ?? [], {cell, interval, width}, intervals)] =
        true;
      continue;
    }
    const cell = disclosed[0] as number;
    const next = (byCell[cell] ?? [])
      .map((c) => complement(c, values, secret))
      .filter((i): i is number => i !== undefined)
      .sort((a, b) => rank(values, a) - rank(values, b) || a - b)[0];
    if (next === undefined) throw new Error(`suppressCells: cell ${cell} cannot be protected`);
    secret[next] = true;
  }
  return {secret, primary, secondary: secret.filter(Boolean).length - primary};
}

/** Step 2: while a sum has exactly one suppressed cell, suppresses its {@link complement} (in place). */
function closeBySubtraction(
  values: readonly number[],
  constraints: readonly SumConstraint[],
  secret: boolean[]
): void {
  let changed = true;
  while (changed) {
    changed = false;
    for (const c of constraints) {
      const cells = [c.total, ...c.members];
      if (cells.filter((i) => secret[i]).length !== 1) continue;
      const next = complement(c, values, secret);
      if (next === undefined) continue;
      secret[next] = true;
      changed = true;
    }
  }
}

/**
 * Step 4: the published cell to suppress so that primary `cell`, confined to `interval`, gets wider. Tried in
 * the sums of the cell: in each, the smallest published cell at least as large as the missing width, the
 * largest one, and the total. Each trial is closed by subtraction and bounded again; the first that gives the
 * full width while hiding the least is taken, else the one that widens most (ties: lower index).
 */
function widening(
  values: readonly number[],
  constraints: readonly SumConstraint[],
  secret: readonly boolean[],
  sums: readonly SumConstraint[],
  {cell, interval, width}: {cell: number; interval: CellInterval; width: number},
  cache: IntervalCache
): number {
  const missing = width - intervalWidth(interval);
  const candidatesIn = (within: readonly SumConstraint[]) => {
    const candidates = new Set<number>();
    for (const c of within) {
      const open = [c.total, ...c.members]
        .filter((i) => !secret[i])
        .sort((a, b) => values[a]! - values[b]! || a - b);
      const enough = open.find((i) => values[i]! >= missing);
      if (enough !== undefined) candidates.add(enough);
      if (open.length) candidates.add(open[open.length - 1]!);
      if (!secret[c.total]) candidates.add(c.total);
    }
    return candidates;
  };
  // When the cell's own sums are all hidden, the figures that still bound it are in the sums of other hidden cells.
  let candidates = candidatesIn(sums);
  if (candidates.size === 0)
    candidates = candidatesIn(constraints.filter((c) => [c.total, ...c.members].some((i) => secret[i])));
  if (candidates.size === 0) throw new Error(`suppressCells: cell ${cell} cannot be protected`);
  let best: {cell: number; width: number; hidden: number} | undefined;
  for (const candidate of [...candidates].sort((a, b) => a - b)) {
    const trial = [...secret];
    trial[candidate] = true;
    closeBySubtraction(values, constraints, trial);
    const reached = intervalWidth(cellIntervals(values, constraints, trial, [cell], cache).get(cell)!);
    const hidden = trial.reduce((sum, s, i) => sum + (s && !secret[i] ? values[i]! : 0), 0);
    const score = {cell: candidate, width: Math.min(reached, width), hidden};
    if (!best || score.width > best.width || (score.width === best.width && score.hidden < best.hidden))
      best = score;
  }
  return best!.cell;
}

/** Order of preference for a complementary cell: non-zero small values first, zeros last. */
function rank(values: readonly number[], i: number): number {
  const v = values[i] as number;
  return v === 0 ? Number.MAX_SAFE_INTEGER : v;
}

/** The published cell of a sum to suppress next: smallest non-zero member, else its total, else a zero. */
function complement(
  c: SumConstraint,
  values: readonly number[],
  secret: readonly boolean[]
): number | undefined {
  const open = c.members.filter((m) => !secret[m]);
  const best = (cells: number[]) =>
    cells.sort((a, b) => rank(values, a) - rank(values, b) || a - b).find(() => true);
  const nonZero = best(open.filter((m) => (values[m] as number) > 0));
  if (nonZero !== undefined) return nonZero;
  if (!secret[c.total]) return c.total;
  return best(open);
}

function constraintsByCell(n: number, constraints: readonly SumConstraint[]): SumConstraint[][] {
  const byCell: SumConstraint[][] = Array.from({length: n}, () => []);
  for (const c of constraints) for (const i of [c.total, ...c.members]) byCell[i]?.push(c);
  return byCell;
}

/**
 * The suppressed cells whose value follows from the published cells and sums: those for which the linear
 * system "published sums, unknown suppressed cells" has a single solution in that cell (the unit vector of
 * the cell lies in the row space of the system). Solved by Gaussian elimination on each connected group of
 * suppressed cells. Returns cell indices, sorted.
 */
export function findDisclosedCells(
  cellCount: number,
  constraints: readonly SumConstraint[],
  secret: readonly boolean[]
): number[] {
  // Equations restricted to unknown cells: +1 for members, -1 for the total.
  const equations: Map<number, number>[] = [];
  for (const c of constraints) {
    const eq = new Map<number, number>();
    for (const m of c.members) if (secret[m]) eq.set(m, (eq.get(m) ?? 0) + 1);
    if (secret[c.total]) eq.set(c.total, (eq.get(c.total) ?? 0) - 1);
    for (const [k, v] of eq) if (v === 0) eq.delete(k);
    if (eq.size > 0) equations.push(eq);
  }
  const disclosed: number[] = [];
  for (const component of components(cellCount, equations)) {
    disclosed.push(...determinedInComponent(component.cells, component.equations));
  }
  return disclosed.sort((a, b) => a - b);
}

interface Component {
  cells: number[];
  equations: Map<number, number>[];
}

/** Splits the equations into independent systems (union-find on the unknowns they share). */
function components(cellCount: number, equations: Map<number, number>[]): Component[] {
  const parent = Array.from({length: cellCount}, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i] as number] as number;
      i = parent[i] as number;
    }
    return i;
  };
  for (const eq of equations) {
    const [first, ...rest] = [...eq.keys()];
    for (const k of rest) parent[find(k)] = find(first as number);
  }
  const byRoot = new Map<number, Component>();
  for (const eq of equations) {
    const root = find(eq.keys().next().value as number);
    let comp = byRoot.get(root);
    if (!comp) byRoot.set(root, (comp = {cells: [], equations: []}));
    comp.equations.push(eq);
  }
  for (const comp of byRoot.values()) {
    comp.cells = [...new Set(comp.equations.flatMap((eq) => [...eq.keys()]))].sort((a, b) => a - b);
  }
  return [...byRoot.values()];
}

const EPSILON = 1e-9;

/** Cells whose unit vector is a row of the reduced row echelon form of the system. */
function determinedInComponent(cells: number[], equations: Map<number, number>[]): number[] {
  const column = new Map(cells.map((c, j) => [c, j]));
  const rows = equations.map((eq) => {
    const row = new Float64Array(cells.length);
    for (const [k, v] of eq) row[column.get(k) as number] = v;
    return row;
  });
  let pivotRow = 0;
  const pivots: number[] = [];
  for (let j = 0; j < cells.length && pivotRow < rows.length; j++) {
    let best = pivotRow;
    for (let r = pivotRow + 1; r < rows.length; r++) {
      if (Math.abs(rows[r]![j]!) > Math.abs(rows[best]![j]!)) best = r;
    }
    if (Math.abs(rows[best]![j]!) < EPSILON) continue;
    [rows[pivotRow], rows[best]] = [rows[best]!, rows[pivotRow]!];
    const p = rows[pivotRow]!;
    const pv = p[j]!;
    for (let k = 0; k < p.length; k++) p[k]! /= pv;
    for (let r = 0; r < rows.length; r++) {
      if (r === pivotRow) continue;
      const row = rows[r]!;
      const f = row[j]!;
      if (Math.abs(f) < EPSILON) continue;
      for (let k = 0; k < row.length; k++) row[k]! -= f * p[k]!;
    }
    pivots.push(j);
    pivotRow++;
  }
  const determined: number[] = [];
  for (const [r, j] of pivots.entries()) {
    const row = rows[r]!;
    if (row.every((v, k) => k === j || Math.abs(v) < EPSILON)) determined.push(cells[j] as number);
  }
  return determined;
}
