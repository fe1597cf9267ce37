/**
 * Territory hierarchy of the current COG: each commune's EPCI, département and région, and the name of every
 * territory of every level.
 */
import type {CommuneCode, Level} from "../core/codes.ts";
import type {CogCommuneRecord, CogDepartementRecord, CogEpciRecord, CogRegionRecord} from "./cog-data.ts";
import {cogCommunes, cogDepartements, cogEpci, cogRegions} from "./cog-data.ts";

/** Parent territories of one current commune (`epci` is null for the few communes outside any EPCI). */
export interface CommuneParents {
  epci: string | null;
  departement: string;
  region: string;
}

/** Lookup tables of the hierarchy. */
export interface TerritoryIndex {
  /** Parents of each current commune. */
  readonly parents: ReadonlyMap<string, CommuneParents>;
  /** Name of each territory, by level then code. */
  readonly names: Readonly<Record<Level, ReadonlyMap<string, string>>>;
  /** Population (municipale) of each current commune, when known. */
  readonly population: ReadonlyMap<string, number>;
}

/** Builds the hierarchy from the COG tables (pure). */
export function buildTerritoryIndex(
  communes: readonly CogCommuneRecord[],
  epci: readonly CogEpciRecord[],
  departements: readonly CogDepartementRecord[],
  regions: readonly CogRegionRecord[]
): TerritoryIndex {
  const epciOf = new Map<string, string>();
  for (const e of epci) for (const m of e.membres) epciOf.set(m.code, e.code);
  const parents = new Map<string, CommuneParents>();
  const population = new Map<string, number>();
  const communeNames = new Map<string, string>();
  for (const c of communes) {
    if (c.type !== "commune-actuelle" || !c.departement || !c.region) continue;
    parents.set(c.code, {epci: epciOf.get(c.code) ?? null, departement: c.departement, region: c.region});
    communeNames.set(c.code, c.nom);
    if (typeof c.population === "number") population.set(c.code, c.population);
  }
  return {
    parents,
    population,
    names: {
      commune: communeNames,
      epci: new Map(epci.map((e) => [e.code, e.nom])),
      departement: new Map(departements.map((d) => [d.code, d.nom])),
      region: new Map(regions.map((r) => [r.code, r.nom]))
    }
  };
}

let defaultIndex: TerritoryIndex | undefined;
/** Hierarchy of the COG 2026 shipped by `@etalab/decoupage-administratif` (built once). */
export function territories2026(): TerritoryIndex {
  defaultIndex ??= buildTerritoryIndex(cogCommunes(), cogEpci(), cogDepartements(), cogRegions());
  return defaultIndex;
}

/** Code of the territory of `level` that contains current commune `commune`, or null when none. */
export function parentOf(index: TerritoryIndex, commune: CommuneCode | string, level: Level): string | null {
  if (level === "commune") return index.parents.has(commune) ? commune : null;
  const p = index.parents.get(commune);
  return p ? p[level] : null;
}
