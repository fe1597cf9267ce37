/**
 * The aggregates of the « Accès aux France services » défi, built by
 * `src/data/defis/acces-france-services.json.ts`: for each current commune, the great-circle distance from its
 * position to the nearest France services (through `nearestIndex`, src/components/stats/distance.js), then the
 * population by distance band per département, the access curve and the communes 20 km away or more.
 */
import {nearestIndex} from "../../../src/components/stats/distance.js";

type Position = [number, number];

/** A current commune and its nearest France services. */
export interface CommuneDistance {
  code: string;
  nom: string;
  departement: string;
  population: number;
  /** Great-circle distance, km (one decimal). */
  km: number;
  /** The nearest France services and its commune. */
  franceServices: string;
}

/** A France services: its position when given, else its current commune's. */
export interface Site {
  nom: string;
  commune: string | null;
  code: string | null;
  position: Position | null;
}

/** The distance bands of the page, in km: [min, max). */
export const BANDS = [
  {tranche: "moins de 5 km", min: 0, max: 5},
  {tranche: "5 à 10 km", min: 5, max: 10},
  {tranche: "10 à 20 km", min: 10, max: 20},
  {tranche: "20 à 30 km", min: 20, max: 30},
  {tranche: "30 km et plus", min: 30, max: Infinity}
] as const;

/**
 * The nearest France services of each commune that has a position; communes without one, and all communes
 * when no site has a position, are left out (pure).
 */
export function distancesToNearest(
  communes: readonly {code: string; nom: string; departement: string; population: number}[],
  sites: readonly Site[],
  position: ReadonlyMap<string, Position>
): CommuneDistance[] {
  const index = nearestIndex(
    sites,
    (s: Site) => s.position ?? (s.code ? position.get(s.code) : undefined) ?? null
  );
  const out: CommuneDistance[] = [];
  for (const c of communes) {
    const nearest = index.nearest(position.get(c.code) ?? null);
    if (!nearest) continue;
    out.push({
      code: c.code,
      nom: c.nom,
      departement: c.departement,
      population: c.population,
      km: Math.round(nearest.km * 10) / 10,
      franceServices: `${nearest.target.nom} (${nearest.target.commune ?? ""})`
    });
  }
  return out;
}

/** Population of each département in each band of {@link BANDS} (pure), départements in code order. */
export function bandsByDepartement(
  rows: readonly CommuneDistance[]
): {code: string; population: Record<string, number>}[] {
  const out = new Map<string, Record<string, number>>();
  for (const r of rows) {
    let bands = out.get(r.departement);
    if (!bands) out.set(r.departement, (bands = Object.fromEntries(BANDS.map((b) => [b.tranche, 0]))));
    const band = BANDS.find((b) => r.km >= b.min && r.km < b.max)!;
    bands[band.tranche]! += r.population;
  }
  return [...out].sort(([a], [b]) => a.localeCompare(b)).map(([code, population]) => ({code, population}));
}

/** Share of the population within `km` of a France services, every `step` km up to `max` (pure). */
export function accessCurve(
  rows: readonly CommuneDistance[],
  max = 40,
  step = 0.5
): {km: number; part: number}[] {
  const total = rows.reduce((s, r) => s + r.population, 0);
  const sorted = [...rows].sort((a, b) => a.km - b.km);
  const out: {km: number; part: number}[] = [];
  let i = 0;
  let within = 0;
  for (let k = 0; k <= Math.round(max / step); k++) {
    const km = k * step;
    while (i < sorted.length && sorted[i]!.km <= km) within += sorted[i++]!.population;
    out.push({km, part: total > 0 ? Math.round((within / total) * 1e4) / 1e4 : 0});
  }
  return out;
}
