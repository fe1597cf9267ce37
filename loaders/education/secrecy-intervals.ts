/**
 * Protection intervals of suppressed cells (as τ-Argus computes them): for a suppressed count, the smallest and
 * largest values it can take given everything published beside it (the published cells, every published sum,
 * counts non-negative). Computed exactly by linear programming (YALPS, a simplex solver), one problem per
 * connected group of suppressed cells, so a table's groups are solved independently and stay small.
 *
 * Pure functions, no I/O. Cells and sums are described as in {@link suppressCells}.
 */
import {solve, type Constraint, type Model} from "yalps";

/** A published sum, `values[total] = Σ values[members]` (the shape of `secrecy.ts`'s `SumConstraint`, kept here so that module can import this one). */
interface SumConstraint {
  readonly total: number;
  readonly members: readonly number[];
}

/** The values a suppressed cell can take given what is published: `lower` to `upper` (may be `Infinity`). */
export interface CellInterval {
  readonly lower: number;
  readonly upper: number;
}

/** The width of an interval, `upper - lower` (`Infinity` when the cell is not bounded above). */
export const intervalWidth = (interval: CellInterval): number => interval.upper - interval.lower;

/** Rounding slack of the simplex (its values are floating point; the counts are integers). */
const EPSILON = 1e-6;

/** A group of suppressed cells linked by the sums they share, with those sums as equations. */
interface SecretGroup {
  readonly cells: readonly number[];
  /** One equation per sum that holds a cell of the group: Σ coefficient × cell = rhs. */
  readonly equations: readonly {coefficients: Map<number, number>; rhs: number}[];
}

/** Splits the suppressed cells into groups linked by shared sums (a cell alone in no sum is its own group). */
function secretGroups(
  values: readonly number[],
  constraints: readonly SumConstraint[],
  secret: readonly boolean[]
): Map<number, SecretGroup> {
  const parent = values.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const equations = constraints.map((c) => {
    const coefficients = new Map<number, number>();
    let rhs = 0;
    for (const [cell, sign] of [[c.total, -1] as const, ...c.members.map((m) => [m, 1] as const)]) {
      if (secret[cell]) coefficients.set(cell, (coefficients.get(cell) ?? 0) + sign);
      else rhs -= sign * values[cell]!;
    }
    for (const [cell, coefficient] of coefficients) if (coefficient === 0) coefficients.delete(cell);
    return {coefficients, rhs};
  });
  for (const {coefficients} of equations) {
    const [first, ...rest] = coefficients.keys();
    for (const cell of rest) parent[find(cell)] = find(first!);
  }
  const groups = new Map<number, {cells: number[]; equations: SecretGroup["equations"][number][]}>();
  const groupOf = (root: number) => {
    let group = groups.get(root);
    if (!group) groups.set(root, (group = {cells: [], equations: []}));
    return group;
  };
  for (const [cell, s] of secret.entries()) if (s) groupOf(find(cell)).cells.push(cell);
  for (const equation of equations) {
    const first = equation.coefficients.keys().next();
    if (!first.done) groupOf(find(first.value)).equations.push(equation);
  }
  const byCell = new Map<number, SecretGroup>();
  for (const group of groups.values()) for (const cell of group.cells) byCell.set(cell, group);
  return byCell;
}

/** Minimum and maximum of `cell` over the group's non-negative solutions (integers: the bounds are rounded in). */
function boundsInGroup(group: SecretGroup, cell: number): CellInterval {
  const constraints = new Map<string, Constraint>(
    group.equations.map((e, k) => [`s${k}`, {equal: e.rhs}] as const)
  );
  const coefficients = new Map<number, [string, number][]>(group.cells.map((c) => [c, []]));
  for (const [k, e] of group.equations.entries())
    for (const [c, coefficient] of e.coefficients) coefficients.get(c)!.push([`s${k}`, coefficient]);
  const model = (direction: "minimize" | "maximize"): Model<number, string> => ({
    direction,
    objective: "cell",
    constraints,
    variables: new Map(
      [...coefficients].map(([c, list]) => [
        c,
        c === cell ? [...list, ["cell", 1] as [string, number]] : list
      ])
    )
  });
  const low = solve(model("minimize"));
  const high = solve(model("maximize"));
  if (low.status === "infeasible" || high.status === "infeasible")
    throw new Error(`cellIntervals: the published sums around cell ${cell} have no solution`);
  if (low.status !== "optimal" || (high.status !== "optimal" && high.status !== "unbounded"))
    throw new Error(
      `cellIntervals: the solver did not finish for cell ${cell} (${low.status}, ${high.status})`
    );
  return {
    lower: Math.max(0, Math.ceil(low.result - EPSILON)),
    upper: high.status === "unbounded" ? Infinity : Math.floor(high.result + EPSILON)
  };
}

/**
 * The exact interval of each cell of `cells` (suppressed cells) given the published cells and sums: what an
 * attacker solving the linear programme "published sums, non-negative counts" learns. A published cell's interval
 * is its value.
 */
export function cellIntervals(
  values: readonly number[],
  constraints: readonly SumConstraint[],
  secret: readonly boolean[],
  cells: readonly number[],
  cache: IntervalCache = new Map()
): Map<number, CellInterval> {
  const groups = secretGroups(values, constraints, secret);
  const intervals = new Map<number, CellInterval>();
  for (const cell of cells) {
    const group = groups.get(cell);
    if (!secret[cell] || !group) {
      intervals.set(cell, {lower: values[cell]!, upper: values[cell]!});
      continue;
    }
    // A group's suppressed cells determine its equations: its intervals hold while it is unchanged.
    const key = group.cells.join(",");
    let known = cache.get(key);
    if (!known) cache.set(key, (known = new Map()));
    let interval = known.get(cell);
    if (!interval) {
      interval = group.equations.length === 0 ? {lower: 0, upper: Infinity} : boundsInGroup(group, cell);
      known.set(cell, interval);
    }
    intervals.set(cell, interval);
  }
  return intervals;
}

/**
 * Intervals already computed, by group of suppressed cells: one table's successive suppression rounds share it
 * (only the groups a new suppression changed are solved again).
 */
export type IntervalCache = Map<string, Map<number, CellInterval>>;

/**
 * The cells of `cells` (the primary ones) that the published figures confine to an interval narrower than
 * `width`, with their intervals, in cell order.
 */
export function narrowCells(
  values: readonly number[],
  constraints: readonly SumConstraint[],
  secret: readonly boolean[],
  cells: readonly number[],
  width: number,
  cache: IntervalCache = new Map()
): {cell: number; interval: CellInterval}[] {
  return [...cellIntervals(values, constraints, secret, cells, cache)]
    .filter(([, interval]) => intervalWidth(interval) < width)
    .map(([cell, interval]) => ({cell, interval}))
    .sort((a, b) => a.cell - b.cell);
}
