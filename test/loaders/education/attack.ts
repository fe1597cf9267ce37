/**
 * An attacker for the secrecy tests: tries to recover suppressed cells from what is published, independently
 * of the code under test (subtraction, exhaustive search of the non-negative integer solutions, linear
 * programming).
 */
import {solve} from "yalps";
import type {SumConstraint} from "../../../loaders/education/secrecy.ts";

/** Cells recovered by repeated subtraction: a sum with one unknown cell gives it away. */
export function recoverBySubtraction(
  values: readonly number[],
  constraints: readonly SumConstraint[],
  secret: readonly boolean[]
): number[] {
  const known = secret.map((s) => !s);
  const recovered: number[] = [];
  let changed = true;
  while (changed) {
    changed = false;
    for (const c of constraints) {
      const unknown = [c.total, ...c.members].filter((i) => !known[i]);
      if (unknown.length === 1) {
        known[unknown[0] as number] = true;
        recovered.push(unknown[0] as number);
        changed = true;
      }
    }
  }
  return recovered.sort((a, b) => a - b);
}

/**
 * For each suppressed cell, the set of values it takes over all non-negative integer solutions of the
 * published sums (search stops once every cell has shown two values). Meant for small tables.
 */
export function possibleValues(
  values: readonly number[],
  constraints: readonly SumConstraint[],
  secret: readonly boolean[]
): Map<number, Set<number>> {
  const bounds = tightBounds(values, constraints, secret);
  const unknown = secret.flatMap((s, i) => (s ? [i] : []));
  const seen = new Map(unknown.map((i) => [i, new Set<number>()]));
  const assigned: (number | null)[] = values.map((v, i) => (secret[i] ? null : v));
  const residual = (c: SumConstraint) => {
    let open: number | null = null;
    let openCount = 0;
    let sum = 0;
    let totalOpen = false;
    for (const [i, sign] of [[c.total, -1] as const, ...c.members.map((m) => [m, 1] as const)]) {
      const v = assigned[i];
      if (v === null || v === undefined) {
        openCount++;
        open = i;
        if (sign === -1) {
          open = -1 - i;
          totalOpen = true;
        }
      } else sum += sign * v;
    }
    return {open, openCount, sum, totalOpen};
  };
  const done = () => [...seen.values()].every((s) => s.size >= 2);
  const consistent = (): boolean =>
    constraints.every((c) => {
      const r = residual(c);
      // With the total known, the members assigned so far cannot already exceed it.
      return r.openCount === 0 ? r.sum === 0 : r.totalOpen || r.sum <= 0;
    });
  const search = (): void => {
    if (done() || !consistent()) return;
    // Forced cells first: a sum with one open cell fixes it.
    for (const c of constraints) {
      const r = residual(c);
      if (r.openCount !== 1 || r.open === null) continue;
      const [cell, value] = r.open < 0 ? [-1 - r.open, r.sum] : [r.open, -r.sum];
      if (value < 0 || value > bounds[cell]!) return;
      assigned[cell] = value;
      search();
      assigned[cell] = null;
      return;
    }
    const next = unknown.find((i) => assigned[i] === null);
    if (next === undefined) {
      for (const i of unknown) seen.get(i)!.add(assigned[i] as number);
      return;
    }
    for (let v = 0; v <= bounds[next]! && !done(); v++) {
      assigned[next] = v;
      search();
    }
    assigned[next] = null;
  };
  search();
  return seen;
}

/** Upper bounds of the cells: a member is at most its sum, a sum at most the sum of its members' bounds. */
function tightBounds(
  values: readonly number[],
  constraints: readonly SumConstraint[],
  secret: readonly boolean[]
) {
  const max = Math.max(...values);
  const bounds = values.map((v, i) => (secret[i] ? max : v));
  let changed = true;
  while (changed) {
    changed = false;
    for (const c of constraints) {
      const memberSum = c.members.reduce((s, m) => s + bounds[m]!, 0);
      if (memberSum < bounds[c.total]!) {
        bounds[c.total] = memberSum;
        changed = true;
      }
      for (const m of c.members) {
        if (bounds[c.total]! < bounds[m]!) {
          bounds[m] = bounds[c.total]!;
          changed = true;
        }
      }
    }
  }
  return bounds;
}

/**
 * The attacker's exact bounds of every suppressed cell: minimum and maximum of the cell subject to every
 * published sum (published cells as constants) and non-negative counts, by linear programming on the whole
 * table at once (YALPS's simplex; with `integers`, its branch and bound over integer counts). Written apart
 * from the code under test: no grouping of cells, no cache. LP bounds are rounded inward (counts are integers).
 */
export function linearBounds(
  values: readonly number[],
  constraints: readonly SumConstraint[],
  secret: readonly boolean[],
  options: {integers?: boolean} = {}
): Map<number, {lower: number; upper: number}> {
  const unknown = secret.flatMap((s, i) => (s ? [i] : []));
  const rows = new Map<string, {equal: number}>();
  const columns = new Map<number, [string, number][]>(unknown.map((i) => [i, []]));
  constraints.forEach((c, k) => {
    let rhs = 0;
    const terms = new Map<number, number>();
    for (const [i, sign] of [[c.total, -1] as const, ...c.members.map((m) => [m, 1] as const)]) {
      if (secret[i]) terms.set(i, (terms.get(i) ?? 0) + sign);
      else rhs -= sign * values[i]!;
    }
    rows.set(`r${k}`, {equal: rhs});
    for (const [i, coefficient] of terms) if (coefficient) columns.get(i)!.push([`r${k}`, coefficient]);
  });
  const bounds = new Map<number, {lower: number; upper: number}>();
  for (const target of unknown) {
    const optimum = (direction: "minimize" | "maximize") => {
      const solution = solve({
        direction,
        objective: "target",
        constraints: rows,
        variables: new Map(
          [...columns].map(([i, list]) => [
            i,
            i === target ? [...list, ["target", 1] as [string, number]] : list
          ])
        ),
        ...(options.integers ? {integers: true} : {})
      });
      if (solution.status === "unbounded") return Infinity;
      if (solution.status !== "optimal") throw new Error(`attack: ${solution.status} for cell ${target}`);
      return solution.result;
    };
    bounds.set(target, {
      lower: Math.max(0, Math.ceil(optimum("minimize") - 1e-6)),
      upper: Math.floor(optimum("maximize") + 1e-6)
    });
  }
  return bounds;
}
