/**
 * What the maps page needs, built in Node for the Framework data loaders of `src/data/`: the kit's contours when
 * they are on disk, the territory hierarchy, and the demonstration indicator and points (seeded, labelled).
 */
import {demoCommunes, demoRandom} from "../demo/communes.ts";
import {kitPaths, type KitPaths} from "../core/paths.ts";
import {gaussian} from "../core/prng.ts";
import {fromArrowStream, rowAt} from "../core/table.ts";
import {resolveDataset} from "../resolve.ts";
import type {Level} from "../core/codes.ts";
import {aggregate} from "../geo/aggregate.ts";
import {readBasemap} from "../geo/basemap.ts";
import {cogDepartements, cogEpci, cogRegions} from "../geo/cog-data.ts";
import {DROM_INSETS} from "../../src/components/maps/insets.js";
import {CHEF_LIEU_POSITIONS} from "../geo/tilegrid.ts";

/**
 * The map TopoJSON of `level` from dataset `contours` (part `carte`, resolved snapshot > cache), with where it
 * came from; `null` when that level was never loaded nor fetched.
 */
export async function contoursOnDisk(
  level: Level,
  paths: KitPaths = kitPaths()
): Promise<{origin: string; topology: unknown} | null> {
  const resolved = await resolveDataset("contours", {part: "carte", paths});
  if (resolved.origin === "offline") return null;
  const table = fromArrowStream(resolved.arrow, [
    {name: "niveau", type: "string"},
    {name: "topojson", type: "string"}
  ]);
  for (let i = 0; i < table.rowCount; i++) {
    const row = rowAt(table, i);
    if (row.niveau === level) return {origin: resolved.origin, topology: JSON.parse(String(row.topojson))};
  }
  return null;
}

/**
 * The topology to print for a map loader, level by level: contours loaded (snapshot) or fetched (cache), else the
 * committed basemap (`data/basemap/`), else an empty topology that says it is absent. `kit.origin` says which.
 */
export async function contoursOrAbsent(level: Level, paths: KitPaths = kitPaths()): Promise<unknown> {
  const found = (await contoursOnDisk(level, paths)) ?? {
    origin: "basemap",
    topology: await readBasemap(level, paths.basemap)
  };
  if (found.topology) {
    const topology = found.topology as {kit?: object};
    return {...topology, kit: {...topology.kit, origin: found.origin}};
  }
  return {type: "Topology", objects: {}, arcs: [], kit: {level, absent: true}};
}

/** Département → région, names, and EPCI → départements (for zooming EPCI maps). */
export function hierarchy() {
  const departements = cogDepartements()
    .filter((d) => d.zone !== "com")
    .map((d) => ({code: d.code, nom: d.nom, region: d.region}));
  const regions = cogRegions()
    .filter((r) => r.zone !== "com")
    .map((r) => ({code: r.code, nom: r.nom}));
  const epciDepartements = Object.fromEntries(
    cogEpci().map((e) => [
      e.code,
      [...new Set(e.membres.map((m) => (m.code.startsWith("97") ? m.code.slice(0, 3) : m.code.slice(0, 2))))]
    ])
  );
  return {departements, regions, epciDepartements};
}

/** Population-weighted means of commune values at `level`, rounded to 0.1. */
function rollUp(values: {code: string; value: number | null}[], level: Exclude<Level, "commune">) {
  return aggregate(values, level, {method: "weighted-mean"}).rows.map(({code, value}) => ({
    code,
    value: value === null ? null : Math.round(value * 10) / 10
  }));
}

/** Départements and régions of the collectivités d'outre-mer (no map shows them). */
const isCom = (code: string) => /^(97[578]|98)/.test(code);

/** Label of the demonstration indicator, wherever shown. */
export const DEMO_INDICATOR = "Indice de démonstration (100 = moyenne ; données de démonstration)";

/**
 * A demonstration index per commune (around 100, higher in small communes, seeded), with a few communes
 * "secret" (null + flag), rolled up to EPCI, département and région as population-weighted means. Two
 * départements are marked secret and one left without data, so the maps show both cases.
 */
export function demoIndicator() {
  const random = demoRandom("cartes-indicateur");
  const raw = demoCommunes().map((c) => {
    const small = c.population < 200;
    const value = 100 + 25 * (1 - Math.log10(Math.max(c.population, 10)) / 5) + gaussian(random, 0, 8);
    return {
      code: c.code,
      population: c.population,
      value,
      missing: small && random() < 0.05,
      secret: small && random() < 0.05
    };
  });
  // Rescale so that the population-weighted mean is 100, as the index's label says.
  const mean =
    raw.reduce((s, c) => s + c.value * c.population, 0) / raw.reduce((s, c) => s + c.population, 0);
  const round = (x: number) => Math.round(x * 10) / 10;
  const communes = raw.map((c) => ({
    code: c.code,
    value: c.missing ? null : round((c.value * 100) / mean),
    secret: c.secret
  }));
  const values = communes.map((c) => ({code: c.code, value: c.secret ? null : c.value}));
  const departement = rollUp(values, "departement");
  // Two départements under statistical secrecy and one without data, picked by the seeded generator.
  const pick = () => Math.floor(random() * departement.length);
  const [secretA, secretB, dropped] = [pick(), (pick() + 1) % departement.length, pick()];
  const notCom = (r: {code: string}) => !isCom(r.code);
  const levels = {
    epci: rollUp(values, "epci"),
    departement: departement
      .map((d, i) => (i === secretA || i === secretB ? {code: d.code, value: null, secret: true} : d))
      .filter((_, i) => i !== dropped)
      .filter(notCom),
    region: rollUp(values, "region").filter(notCom)
  };
  return {label: DEMO_INDICATOR, status: "démonstration" as const, commune: communes, ...levels};
}

/**
 * Demonstration points: for each département, a seeded number of points (about one per 25,000 inhabitants)
 * scattered around the chef-lieu (metropolitan France) or inside the DROM's box. Not real places.
 */
export function demoPoints() {
  const random = demoRandom("cartes-points");
  const population = new Map<string, number>();
  const communesOf = new Map<string, string[]>();
  for (const c of demoCommunes()) {
    population.set(c.departement, (population.get(c.departement) ?? 0) + c.population);
    if (!communesOf.has(c.departement)) communesOf.set(c.departement, []);
    communesOf.get(c.departement)!.push(c.code);
  }
  const points: {nom: string; code_insee: string; longitude: number; latitude: number; source: string}[] = [];
  const drom = new Map<string, readonly [number, number, number, number]>(
    DROM_INSETS.map((d) => [d.code, d.box] as const)
  );
  for (const [dep, pop] of [...population].sort(([a], [b]) => a.localeCompare(b))) {
    const centre = CHEF_LIEU_POSITIONS[dep];
    const box = drom.get(dep);
    if (!centre && !box) continue;
    const codes = communesOf.get(dep)!;
    const n = Math.max(2, Math.round(pop / 25000));
    for (let k = 0; k < n; k++) {
      const [lon, lat] = centre
        ? [centre[0] + gaussian(random, 0, 0.3), centre[1] + gaussian(random, 0, 0.2)]
        : [box![0] + random() * (box![2] - box![0]), box![1] + random() * (box![3] - box![1])];
      points.push({
        nom: `Lieu de démonstration ${dep}-${k + 1}`,
        code_insee: codes[Math.floor(random() * codes.length)]!,
        longitude: Math.round(lon * 1e4) / 1e4,
        latitude: Math.round(lat * 1e4) / 1e4,
        source: "démonstration"
      });
    }
  }
  return points;
}
