/**
 * An attacker for the secrecy tests: tries to recover suppressed cells from what is published, independently
 * of the code under test (subtraction, then exhaustive search of the non-negative integer solutions).
 */
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
