/**
 * Reads official boundary files (GeoJSON, TopoJSON, GeoParquet) into plain features with their coordinate system.
 * I/O only; the shaping into the kit's contours is in `./contours.ts`.
 */
import {open, readFile} from "node:fs/promises";
import {gunzipSync} from "node:zlib";
import {DuckDBInstance} from "@duckdb/node-api";
import type {Geometry, Position} from "geojson";
import {feature} from "topojson-client";
import type {Topology} from "topojson-specification";
import {fromLambert93} from "./lambert93.ts";
import {fromUtm, utmZoneOf} from "./utm.ts";
import {decodeWkb} from "./wkb.ts";

/** Coordinate systems the kit can read: WGS 84 longitude/latitude, Lambert-93 metres, or UTM metres (DROM). */
export type BoundaryCrs = "CRS84" | "EPSG:2154" | `UTM:${number}${"N" | "S"}`;

/** One boundary: attribute values (as read) and geometry in the file's CRS. */
export interface SourceFeature {
  properties: Record<string, unknown>;
  geometry: Geometry | null;
}

/** The content of one boundary file. */
export interface BoundaryLayer {
  file: string;
  format: "geojson" | "topojson" | "geoparquet";
  crs: BoundaryCrs;
  features: SourceFeature[];
  /** For a TopoJSON file: the name of the object these features come from (one layer per object). */
  object?: string;
}

/** Error in a boundary file, naming the dataset and the file (and the feature or row when known). */
export class BoundaryFileError extends Error {
  constructor(file: string, message: string, where?: string) {
    super(`contours: ${file}${where ? ` (${where})` : ""}: ${message}`);
    this.name = "BoundaryFileError";
  }
}

/** Maps a CRS description (EPSG code, URN, OGC name, PROJJSON object) to a supported CRS, or null. */
export function crsOf(description: unknown): BoundaryCrs | null {
  if (description == null) return "CRS84";
  const text = typeof description === "string" ? description : JSON.stringify(description);
  // Projected systems first: their PROJJSON also names a geographic base CRS.
  if (/\b2154\b|Lambert-93/i.test(text)) return "EPSG:2154";
  const utm = utmZoneOf(text);
  if (utm) return `UTM:${utm.zone}${utm.south ? "S" : "N"}`;
  if (/CRS84|EPSG(::?|\W+code\W+)4326\b|"code":\s*4326\b|WGS 84/i.test(text)) return "CRS84";
  return null;
}

/** The function taking a position of `crs` to WGS 84 longitude/latitude (null when already there). */
export function toWgs84(crs: BoundaryCrs): ((p: Position) => Position) | null {
  if (crs === "CRS84") return null;
  if (crs === "EPSG:2154") return fromLambert93;
  const zone = {zone: Number(crs.slice(4, -1)), south: crs.endsWith("S")};
  return (p) => fromUtm(p, zone);
}

/** Parses JSON text, or throws a {@link BoundaryFileError} naming the file. */
function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new BoundaryFileError(file, `not valid JSON: ${(error as Error).message}`);
  }
}

/** Reads a GeoJSON FeatureCollection (RFC 7946, or the 2008 form with a `crs` member). */
export async function readGeoJson(file: string, text?: string): Promise<BoundaryLayer> {
  return geoJsonLayer(file, parseJson(file, text ?? (await readFile(file, "utf8"))));
}

function geoJsonLayer(file: string, json: unknown): BoundaryLayer {
  const fc = json as {type?: string; crs?: {properties?: {name?: unknown}}; features?: unknown};
  if (fc.type !== "FeatureCollection" || !Array.isArray(fc.features)) {
    throw new BoundaryFileError(
      file,
      `expected a GeoJSON FeatureCollection or a TopoJSON Topology, found ${String(fc.type)}`
    );
  }
  const crs = crsOf(fc.crs?.properties?.name);
  if (!crs)
    throw new BoundaryFileError(
      file,
      `unsupported CRS ${JSON.stringify(fc.crs)} (use WGS 84, Lambert-93 or UTM)`
    );
  const features = (fc.features as {properties?: unknown; geometry?: unknown}[]).map((f, i) => {
    if (f == null || typeof f !== "object")
      throw new BoundaryFileError(file, "not a Feature", `feature ${i}`);
    return {
      properties: (f.properties ?? {}) as Record<string, unknown>,
      geometry: (f.geometry ?? null) as Geometry | null
    };
  });
  return {file, format: "geojson", crs, features};
}

/** Extent [xmin, ymin, xmax, ymax] of the positions of `features`. */
function extentOf(features: readonly SourceFeature[]): [number, number, number, number] {
  const e: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const walk = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === "number") {
      const [x, y] = c as number[];
      e[0] = Math.min(e[0], x!);
      e[1] = Math.min(e[1], y!);
      e[2] = Math.max(e[2], x!);
      e[3] = Math.max(e[3], y!);
    } else c.forEach(walk);
  };
  for (const f of features) if (f.geometry && "coordinates" in f.geometry) walk(f.geometry.coordinates);
  return e;
}

/**
 * The CRS of positions that carry no CRS (TopoJSON has none): longitudes/latitudes when they fit, Lambert-93
 * metres when they fall in its domain (mainland France, DROM placed as insets included), else null.
 */
export function crsOfExtent([xmin, ymin, xmax, ymax]: readonly number[]): BoundaryCrs | null {
  if (xmin! >= -180 && xmax! <= 180 && ymin! >= -90 && ymax! <= 90) return "CRS84";
  if (xmin! >= -500_000 && xmax! <= 2_000_000 && ymin! >= 5_000_000 && ymax! <= 7_500_000) return "EPSG:2154";
  return null;
}

/**
 * The layers of a TopoJSON Topology: one per object, its geometries turned into features by topojson-client
 * (quantization undone). A feature's `id` is kept as property `code` when its properties have none, since
 * TopoJSON tools often key features by id only (e.g. mapshaper's `id-field`). The CRS is read from a `crs`
 * member if any, else from the extent (WGS 84 or Lambert-93). Which object holds territories is decided by the
 * caller (`pickLayers` in `./contours.ts`).
 */
export function topologyLayers(file: string, json: unknown): BoundaryLayer[] {
  const topology = json as Partial<Topology> & {crs?: {properties?: {name?: unknown}}};
  const objects = topology.objects;
  if (!objects || typeof objects !== "object" || Object.keys(objects).length === 0)
    throw new BoundaryFileError(file, "malformed TopoJSON: no `objects`");
  if (!Array.isArray(topology.arcs)) throw new BoundaryFileError(file, "malformed TopoJSON: no `arcs` array");
  const layers = Object.entries(objects).map(([name, object]) => {
    let features: SourceFeature[];
    try {
      const decoded = feature(topology as Topology, object) as unknown as {
        type: string;
        features?: {id?: unknown; properties?: Record<string, unknown> | null; geometry: Geometry | null}[];
        id?: unknown;
        properties?: Record<string, unknown> | null;
        geometry?: Geometry | null;
      };
      const list = decoded.features ?? [decoded as NonNullable<typeof decoded.features>[number]];
      features = list.map((f) => {
        const properties = {...(f.properties ?? {})};
        if (f.id != null && !("code" in properties)) properties.code = String(f.id);
        return {properties, geometry: f.geometry ?? null};
      });
    } catch (error) {
      throw new BoundaryFileError(file, `malformed TopoJSON: ${(error as Error).message}`, `object ${name}`);
    }
    return {name, features};
  });
  const crs = topology.crs
    ? crsOf(topology.crs.properties?.name)
    : crsOfExtent(extentOf(layers.flatMap((l) => l.features)));
  if (!crs)
    throw new BoundaryFileError(
      file,
      "TopoJSON coordinates are neither WGS 84 longitudes/latitudes nor Lambert-93 metres"
    );
  return layers.map(({name, features}) => ({file, format: "topojson", crs, features, object: name}));
}

const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;
const sqlIdent = (s: string) => `"${s.replace(/"/g, '""')}"`;

/**
 * Reads a GeoParquet file with DuckDB (no spatial extension needed): attribute columns as text, the primary
 * geometry column as WKB decoded here.
 */
export async function readGeoParquet(file: string): Promise<BoundaryLayer> {
  const instance = await DuckDBInstance.create(":memory:");
  const con = await instance.connect();
  try {
    const src = `read_parquet(${sqlString(file)})`;
    let columns: {name: string; type: string}[];
    let geo: {primary_column?: string; columns?: Record<string, {encoding?: string; crs?: unknown}>} = {};
    try {
      columns = (await con.runAndReadAll(`DESCRIBE SELECT * FROM ${src}`))
        .getRows()
        .map((r) => ({name: String(r[0]), type: String(r[1])}));
      const kv = await con.runAndReadAll(
        `SELECT decode(value) FROM parquet_kv_metadata(${sqlString(file)}) WHERE decode(key) = 'geo'`
      );
      const text = kv.getRows()[0]?.[0];
      if (typeof text === "string") geo = JSON.parse(text);
    } catch (error) {
      throw new BoundaryFileError(file, `not a readable Parquet file: ${(error as Error).message}`);
    }
    const geomName =
      geo.primary_column ??
      columns.find((c) => c.type.startsWith("GEOMETRY"))?.name ??
      columns.find((c) => /^(geometry|geom|wkb_geometry)$/i.test(c.name))?.name;
    const geom = columns.find((c) => c.name === geomName);
    if (!geom)
      throw new BoundaryFileError(file, "no geometry column (GeoParquet `geo` metadata or GEOMETRY type)");
    const encoding = geo.columns?.[geom.name]?.encoding;
    if (encoding && encoding.toUpperCase() !== "WKB") {
      throw new BoundaryFileError(file, `geometry encoding ${encoding} is not supported (WKB only)`);
    }
    const crsDescription =
      geo.columns?.[geom.name]?.crs ?? (geom.type.match(/^GEOMETRY\('(.*)'\)$/s)?.[1] || null);
    const crs = crsOf(crsDescription);
    if (!crs) {
      const name = (JSON.stringify(crsDescription).match(/"name":\s*"([^"]+)"/) ?? [])[1] ?? "unknown";
      throw new BoundaryFileError(file, `unsupported CRS ${name} (use WGS 84, Lambert-93 or UTM)`);
    }
    const others = columns.filter((c) => c !== geom);
    const wkb = geom.type.startsWith("GEOMETRY") ? `ST_AsWKB(${sqlIdent(geom.name)})` : sqlIdent(geom.name);
    const select = others.map((c) => `CAST(${sqlIdent(c.name)} AS VARCHAR)`).concat(wkb);
    const rows = (await con.runAndReadAll(`SELECT ${select.join(", ")} FROM ${src}`)).getRows();
    const features = rows.map((row, i) => {
      const properties: Record<string, unknown> = {};
      others.forEach((c, j) => (properties[c.name] = row[j] ?? null));
      const blob = row[others.length] as {bytes?: Uint8Array} | null;
      let geometry: Geometry | null = null;
      if (blob?.bytes) {
        try {
          geometry = decodeWkb(blob.bytes);
        } catch (error) {
          throw new BoundaryFileError(file, (error as Error).message, `row ${i + 1}, column ${geom.name}`);
        }
      }
      return {properties, geometry};
    });
    return {file, format: "geoparquet", crs, features};
  } finally {
    con.closeSync();
    instance.closeSync();
  }
}

/**
 * Reads a boundary file: GeoParquet (`PAR1` magic), GeoJSON or TopoJSON, gzip-compressed or not (`.geojson.gz`,
 * as on data.gouv.fr). The content decides, not the extension (a downloaded file may be named anything). A
 * TopoJSON file gives one layer per object; other files one layer.
 */
export async function readBoundaryLayers(file: string): Promise<BoundaryLayer[]> {
  const handle = await open(file, "r");
  const head = Buffer.alloc(4);
  try {
    await handle.read(head, 0, 4, 0);
  } finally {
    await handle.close();
  }
  if (head.toString("latin1") === "PAR1") return [await readGeoParquet(file)];
  let text: string;
  if (head[0] === 0x1f && head[1] === 0x8b) text = gunzipSync(await readFile(file)).toString("utf8");
  else if (/\.(geo|topo)?json$/i.test(file) || /^\s*[{[]/.test(head.toString("utf8")))
    text = await readFile(file, "utf8");
  else
    throw new BoundaryFileError(
      file,
      "unknown format (expected GeoJSON, TopoJSON, gzip GeoJSON or GeoParquet)"
    );
  const json = parseJson(file, text);
  if ((json as {type?: unknown})?.type === "Topology") return topologyLayers(file, json);
  return [geoJsonLayer(file, json)];
}

/** Reads a boundary file that holds one layer (GeoJSON, GeoParquet, or a TopoJSON of one object). */
export async function readBoundaryFile(file: string): Promise<BoundaryLayer> {
  const layers = await readBoundaryLayers(file);
  if (layers.length !== 1)
    throw new BoundaryFileError(file, `${layers.length} TopoJSON objects where one layer was expected`);
  return layers[0]!;
}
