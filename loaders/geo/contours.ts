/**
 * Boundaries ("contours"): turns official boundary files into the kit's shapes, keyed by today's COG codes.
 *
 * - `rows`: one territory per current code, old communes merged into their current commune (topological merge),
 *   real positions in WGS 84, full resolution, rings oriented for d3 (`./orientation.ts`); for the Parquet
 *   download.
 * - `topology`: the same, DROM moved as insets beside the mainland, simplified and quantized; for the maps.
 */
import type {Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position} from "geojson";
import {feature, mergeArcs, quantize} from "topojson-client";
import {topology as toTopology} from "topojson-server";
import {presimplify, quantile, simplify} from "topojson-simplify";
import type {GeometryCollection, GeometryObject, Topology} from "topojson-specification";
import {geometryToInset, insetOf} from "../../src/components/maps/insets.js";
import type {Level} from "../core/codes.ts";
import {isCode} from "../core/codes.ts";
import type {CogIndex, MapOptions} from "./cog.ts";
import {cog2026, mapCommuneCode} from "./cog.ts";
import {COG_ATTRIBUTION, COG_VINTAGE} from "./cog-data.ts";
import type {BoundaryLayer} from "./boundary-files.ts";
import {BoundaryFileError, toWgs84} from "./boundary-files.ts";
import {orientForD3, withoutFlatRings} from "./orientation.ts";
import type {TerritoryIndex} from "./territories.ts";
import {territories2026} from "./territories.ts";

/** Options of {@link buildContours}. */
export interface ContoursOptions extends MapOptions {
  /** Level of the territories in the file; inferred from column names, codes and file name when absent. */
  level?: Level;
  /** Column holding the code; inferred when absent (`code`, `INSEE_COM`, `com_insee`, `epci_siren`…). */
  codeField?: string;
  /** Share of points kept by the simplification of the map topology, in ]0, 1] (default 0.15). */
  keep?: number;
  /** Quantization of the map topology (default 100 000). */
  quantization?: number;
  /** Move the five DROM beside the mainland in the map topology (default true). */
  insets?: boolean;
  /** Attribution of the map topology, shown under maps (default: {@link contoursAttribution} of an unknown source). */
  attribution?: string;
  /** COG tables to use (default 2026). */
  cog?: CogIndex;
  territories?: TerritoryIndex;
}

/** One territory of today's COG with its boundary (WGS 84, real position). */
export interface ContourRow {
  code: string;
  name: string;
  level: Level;
  geometry: Polygon | MultiPolygon;
}

/** What happened to the input. */
export interface ContoursReport {
  level: Level;
  codeField: string;
  /** Input features read. */
  features: number;
  /** Territories written (distinct current codes). */
  territories: number;
  /** Current codes made of several input features, or of an older code, with the input codes they came from. */
  merged: {code: string; from: string[]}[];
  /** Input codes that are not territories of today's COG (distinct, sorted): their features are left out. */
  unmapped: string[];
  /** Input features without a polygon geometry, by position (0-based) and code. */
  invalidGeometries: {index: number; code: string; type: string}[];
  /** Today's territories of this level with no boundary in the input (for communes: in the départements seen). */
  missing: string[];
  /** DROM features: moved as insets, already placed as insets in the input, or none present. */
  drom: "moved" | "already-inset" | "none";
}

/** Result of {@link buildContours}. */
export interface ContoursResult {
  rows: ContourRow[];
  topology: Topology;
  report: ContoursReport;
}

/**
 * The attribution of a contours map: the boundaries' source, in the words given when they were loaded, then the
 * COG the kit used to map their codes to today's territories.
 */
export function contoursAttribution(source: string): string {
  return `${source} ; ${COG_ATTRIBUTION}`;
}

/**
 * What a map says of boundaries loaded without an attribution: the file they came from, and how to name their
 * source (the kit cannot know it, and does not guess).
 */
export function unattributedSource(file: string): string {
  return `Contours chargés depuis ${file} (source à préciser : --attribution)`;
}

/** Boundaries whose file is not even known (a map built from rows alone). */
const UNKNOWN_SOURCE = "Contours de source non précisée";

/** Topology type expected by topojson-simplify. */
type SimplifiableTopology = Parameters<typeof simplify>[0];

const CODE_FIELDS: Record<Level, string[]> = {
  commune: ["com_insee", "insee_com", "code_insee", "codgeo", "code_commune", "code"],
  epci: ["epci_siren", "code_siren", "siren_epci", "siren", "code_epci", "code"],
  departement: ["dep_insee", "insee_dep", "code_departement", "code_dep", "code"],
  region: ["reg_insee", "insee_reg", "code_region", "code_reg", "code"]
};
const LEVELS: Level[] = ["commune", "epci", "departement", "region"];
const DROM_REGIONS = new Set(["01", "02", "03", "04", "06"]);

function fieldIn(keys: string[], candidates: string[]): string | undefined {
  for (const c of candidates) {
    const hit = keys.find((k) => k.toLowerCase() === c);
    if (hit) return hit;
  }
  return undefined;
}

/** Infers the level and code column of a layer (pure). @throws BoundaryFileError when undecidable. */
export function inferLevel(layer: BoundaryLayer, options: Pick<ContoursOptions, "level" | "codeField"> = {}) {
  const keys = Object.keys(layer.features[0]?.properties ?? {});
  if (options.level) {
    const codeField = options.codeField ?? fieldIn(keys, CODE_FIELDS[options.level]);
    if (!codeField)
      throw new BoundaryFileError(layer.file, `no code column for level ${options.level} in ${keys}`);
    return {level: options.level, codeField};
  }
  // A specific column name decides (commune first: IGN commune files also carry INSEE_DEP / INSEE_REG).
  for (const level of LEVELS) {
    const specific = fieldIn(keys, CODE_FIELDS[level].slice(0, -1));
    if (specific && (!options.codeField || options.codeField === specific))
      return {level, codeField: specific};
  }
  const codeField = options.codeField ?? fieldIn(keys, ["code"]);
  if (!codeField) throw new BoundaryFileError(layer.file, `no code column found among ${keys.join(", ")}`);
  const codes = layer.features.map((f) => String(f.properties[codeField] ?? "").trim());
  const all = (level: Level) => codes.every((c) => isCode(level, c));
  if (all("commune")) return {level: "commune" as const, codeField};
  if (all("epci")) return {level: "epci" as const, codeField};
  const name = layer.file.toLowerCase();
  if (/reg/.test(name.split("/").pop() ?? "")) return {level: "region" as const, codeField};
  if (all("departement")) return {level: "departement" as const, codeField};
  throw new BoundaryFileError(layer.file, "cannot tell the level of its territories: pass a level");
}

const mapPositions = (g: Geometry, f: (p: Position) => Position): Geometry => {
  if (g.type === "GeometryCollection") return {...g, geometries: g.geometries.map((x) => mapPositions(x, f))};
  const walk = (c: unknown): unknown =>
    Array.isArray(c) && typeof c[0] === "number" ? f(c as Position) : (c as unknown[]).map(walk);
  return {...g, coordinates: walk(g.coordinates)} as Geometry;
};

function firstPosition(g: Polygon | MultiPolygon): Position | undefined {
  return g.type === "Polygon" ? g.coordinates[0]?.[0] : g.coordinates[0]?.[0]?.[0];
}

function isDrom(level: Level, code: string): boolean {
  if (level === "region") return DROM_REGIONS.has(code);
  if (level === "departement") return /^97[1-6]$/.test(code);
  if (level === "commune") return /^97[1-6]/.test(code);
  return false;
}

/**
 * The layers to build from: GeoJSON and GeoParquet layers as they are; of the objects of a TopoJSON file, those
 * whose features carry territory codes (as {@link inferLevel} finds them), at the finest level present
 * (communes, then EPCI, départements, régions: a TopoJSON may also hold coarser meshes). Pure.
 * @throws BoundaryFileError when a TopoJSON file has no such object.
 */
export function pickLayers(
  layers: readonly BoundaryLayer[],
  options: Pick<ContoursOptions, "level" | "codeField"> = {}
): BoundaryLayer[] {
  const picked: BoundaryLayer[] = [];
  const topologies = new Map<string, BoundaryLayer[]>();
  for (const layer of layers) {
    if (layer.object === undefined) picked.push(layer);
    else topologies.set(layer.file, [...(topologies.get(layer.file) ?? []), layer]);
  }
  for (const [file, objects] of topologies) {
    const found = objects.flatMap((layer) => {
      if (layer.features.length === 0) return [];
      try {
        return [{layer, level: inferLevel(layer, options).level}];
      } catch {
        return [];
      }
    });
    const level = LEVELS.find((l) => found.some((f) => f.level === l));
    if (!level) {
      const names = objects.map((o) => o.object).join(", ");
      throw new BoundaryFileError(
        file,
        `no TopoJSON object with commune, EPCI, département or région codes (objects: ${names})`
      );
    }
    picked.push(...found.filter((f) => f.level === level).map((f) => f.layer));
  }
  return picked;
}

/**
 * Builds the kit's contours from one or more boundary layers of the same level (pure: no I/O).
 * Layers in Lambert-93 or UTM are re-projected to WGS 84.
 */
export function buildContours(layers: BoundaryLayer[], options: ContoursOptions = {}): ContoursResult {
  if (layers.length === 0) throw new Error("contours: no input layer");
  const {level, codeField} = inferLevel(layers[0]!, options);
  const cog = options.cog ?? cog2026();
  const territories = options.territories ?? territories2026();
  const names = territories.names[level];
  const report: ContoursReport = {
    level,
    codeField,
    features: 0,
    territories: 0,
    merged: [],
    unmapped: [],
    invalidGeometries: [],
    missing: [],
    drom: "none"
  };
  const unmapped = new Set<string>();
  const groups = new Map<string, {from: Set<string>; features: Feature<Polygon | MultiPolygon>[]}>();
  const sourceNames = new Map<string, string>();
  for (const layer of layers) {
    const project = toWgs84(layer.crs);
    for (const f of layer.features) {
      const index = report.features++;
      const raw = String(f.properties[codeField] ?? "").trim();
      let code: string | null;
      if (level === "commune") code = mapCommuneCode(raw, cog, options).code;
      else code = names.has(raw) ? raw : null;
      if (code === null) {
        unmapped.add(raw);
        continue;
      }
      let g = f.geometry;
      if (g && project) g = mapPositions(g, project);
      if (!g || (g.type !== "Polygon" && g.type !== "MultiPolygon")) {
        report.invalidGeometries.push({index, code: raw, type: g?.type ?? "null"});
        continue;
      }
      const solid = withoutFlatRings(g);
      if (!solid) {
        report.invalidGeometries.push({index, code: raw, type: `${g.type} (flat)`});
        continue;
      }
      g = solid;
      let group = groups.get(code);
      if (!group) groups.set(code, (group = {from: new Set(), features: []}));
      group.from.add(raw);
      // One orientation for all (files mix them): neighbours then share arcs in opposite directions.
      group.features.push({type: "Feature", properties: {}, geometry: orientForD3(g)});
      const name = f.properties.nom ?? f.properties.NOM ?? f.properties.name;
      if (typeof name === "string") sourceNames.set(code, name);
    }
  }
  report.unmapped = [...unmapped].sort();

  // Merge the features of each current code along shared arcs.
  const codes = [...groups.keys()].sort();
  const all: FeatureCollection = {
    type: "FeatureCollection",
    features: codes.flatMap((c) => groups.get(c)!.features)
  };
  const full = toTopology({all}, 1e7);
  const pieces = (full.objects.all as GeometryCollection).geometries;
  let at = 0;
  const rows: ContourRow[] = [];
  let dromSeen = false;
  let dromPlaced = true;
  for (const code of codes) {
    const group = groups.get(code)!;
    const objects = pieces.slice(at, (at += group.features.length)) as GeometryObject[];
    const geometry = orientForD3(
      objects.length === 1
        ? ((feature(full, objects[0]!) as Feature).geometry as Polygon | MultiPolygon)
        : (feature(full, mergeArcs(full, objects as never)).geometry as MultiPolygon)
    );
    if (objects.length > 1 || !group.from.has(code)) report.merged.push({code, from: [...group.from].sort()});
    if (isDrom(level, code)) {
      dromSeen = true;
      const p = firstPosition(geometry);
      if (p && insetOf(p)) dromPlaced = false;
    }
    rows.push({code, name: names.get(code) ?? sourceNames.get(code) ?? code, level, geometry});
  }
  report.territories = rows.length;
  report.drom = !dromSeen ? "none" : dromPlaced ? "already-inset" : "moved";

  // No boundary file covers the collectivités d'outre-mer (975, 977, 978, 98x): they are not expected.
  const isCom = (c: string) => /^(97[578]|98)/.test(c);
  const expected = [...names.keys()].filter((c) => !isCom(c));
  if (level === "commune") {
    const deps = new Set(rows.map((r) => territories.parents.get(r.code)?.departement));
    report.missing = expected.filter(
      (c) => deps.has(territories.parents.get(c)?.departement) && !groups.has(c)
    );
  } else {
    report.missing = expected.filter((c) => !groups.has(c));
  }
  report.missing.sort();

  return {rows, topology: mapTopology(rows, level, options), report};
}

/** Simplified, quantized map topology of `rows` (object named after the level; ids are codes). */
export function mapTopology(
  rows: readonly ContourRow[],
  level: Level,
  options: ContoursOptions = {}
): Topology {
  const insets = options.insets ?? true;
  const fc: FeatureCollection = {
    type: "FeatureCollection",
    features: rows.map((r) => ({
      type: "Feature",
      id: r.code,
      properties: {name: r.name},
      geometry: insets ? geometryToInset(r.geometry) : r.geometry
    }))
  };
  let topo = presimplify(toTopology({[level]: fc}, 1e7) as SimplifiableTopology);
  const keep = options.keep ?? 0.15;
  // topojson-simplify sorts weights in descending order: its p-quantile keeps a share p of the points.
  if (keep < 1) topo = simplify(topo, quantile(topo, keep));
  topo = quantize(topo, options.quantization ?? 1e5);
  return Object.assign(topo, {
    kit: {
      level,
      cog: COG_VINTAGE,
      projection: "conic-france",
      insets,
      attribution: options.attribution ?? contoursAttribution(UNKNOWN_SOURCE)
    }
  });
}
