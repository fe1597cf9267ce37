/**
 * The ingredients of the « Parentalité numérique » index, built by `src/data/defis/parentalite-numerique.json.ts`:
 * for each current commune, four raw values (IFN score, pupils per 100 inhabitants, mean IPS of its schools,
 * poverty rate) and their percentile ranks, « higher = more need ». The IFN (first edition) is relative to the
 * région, so its rank is taken within the commune's région; the other three are national scales, ranked
 * nationally.
 */
import type {DataTable} from "../../core/table.ts";
import type {CommunePortrait} from "./commune-portrait.ts";
import type {CommuneSchools} from "./schools.ts";
import {groupBy, round} from "./territory-indicators.ts";

/** The percentile ranks of a commune (0 = least need, 100 = most), null where the value is missing. */
export interface Ranks {
  ifn: number | null;
  familles: number | null;
  ips: number | null;
  pauvrete: number | null;
}

/** A commune and the percentile ranks of its ingredients (whole numbers; the page weights them). */
export interface ParentingCommune extends Ranks {
  nom: string;
  departement: string;
  population: number;
}

/**
 * Percentile rank of each row's value among the rows that have one: `100 × (number of smaller values) /
 * (n − 1)`, at most 100 (ties share the lowest rank). Rows without a value are absent. Pure.
 */
export function percentileRanks<T>(rows: readonly T[], value: (row: T) => number | null): Map<T, number> {
  const present = rows.filter((r) => value(r) !== null);
  const sorted = present.map((r) => value(r)!).sort((a, b) => a - b);
  const below = (x: number) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const n = Math.max(1, sorted.length - 1);
  return new Map(present.map((r) => [r, Math.min(100, round((100 * below(value(r)!)) / n, 1)!)]));
}

/**
 * The poverty rate of each current commune: the rate of its row when exactly one row of `pauvrete` comes to it;
 * null when several former communes meet (their rates cannot be combined without their populations).
 */
export function povertyByCommune(
  pauvrete: DataTable,
  toCurrent: (code: string) => string | null
): Map<string, number | null> {
  const out = new Map<string, number | null>();
  for (let i = 0; i < pauvrete.rowCount; i++) {
    const code = pauvrete.values.code_commune?.[i];
    const rate = pauvrete.values.taux_pauvrete?.[i];
    const current = typeof code === "string" ? toCurrent(code) : null;
    if (current === null) continue;
    out.set(current, out.has(current) ? null : typeof rate === "number" ? rate : null);
  }
  return out;
}

/** Every current commune with the ranks of its ingredients (pupils per 100 inhabitants for « familles »), in the order given (pure). */
export function parentingIngredients(
  communes: readonly CommunePortrait[],
  schools: readonly CommuneSchools[],
  poverty: ReadonlyMap<string, number | null>
): ParentingCommune[] {
  const schoolsOf = new Map(schools.map((s) => [s.code, s]));
  const rows = communes.map((c) => {
    const s = schoolsOf.get(c.code);
    return {
      c,
      ifn: c.score,
      eleves100hab: s?.eleves != null && c.population > 0 ? round((100 * s.eleves) / c.population, 2) : null,
      ips: s?.ips_moyen ?? null,
      pauvrete: poverty.get(c.code) ?? null
    };
  });
  type Row = (typeof rows)[number];
  const ifnRanks = new Map<Row, number>();
  for (const group of groupBy(rows, (r) => r.c.region).values())
    for (const [r, rank] of percentileRanks(group, (r) => r.ifn)) ifnRanks.set(r, rank);
  const familles = percentileRanks(rows, (r) => r.eleves100hab);
  const ips = percentileRanks(rows, (r) => (r.ips === null ? null : -r.ips));
  const pauvrete = percentileRanks(rows, (r) => r.pauvrete);
  const whole = (x: number | undefined) => (x === undefined ? null : Math.round(x));
  return rows.map((r) => ({
    nom: r.c.nom,
    departement: r.c.departement,
    population: r.c.population,
    ifn: whole(ifnRanks.get(r)),
    familles: whole(familles.get(r)),
    ips: whole(ips.get(r)),
    pauvrete: whole(pauvrete.get(r))
  }));
}
