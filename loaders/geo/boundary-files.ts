/**
 * Reads official boundary files (GeoJSON, GeoParquet) into plain features with their coordinate system.
 * I/O only; the shaping into the kit's contours is in `./contours.ts`.
 */
import {open, readFile} from "node:fs/promises";
import {gunzipSync} from "node:zlib";
import {DuckDBInstance} from "@duckdb/node-api";
import type {Geometry, Position} from "geojson";
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
  format: "geojson" | "geoparquet";
  crs: BoundaryCrs;
  features: SourceFeature[];
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

/** Reads a GeoJSON FeatureCollection (RFC 7946, or the 2008 form with a `crs` member). */
export async function readGeoJson(file: string, text?: string): Promise<BoundaryLayer> {
  let json: unknown;
  try {
    json = JSON.parse(text ?? (await readFile(file, "utf8")));
  } catch (error) {
    throw new BoundaryFileError(file, `not valid JSON: ${(error as Error).message}`);
  }
  const fc = json as {type?: string; crs?: {properties?: {name?: unknown}}; features?: unknown};
  if (fc.type !== "FeatureCollection" || !Array.isArray(fc.features)) {
    throw new BoundaryFileError(file, `expected a GeoJSON FeatureCollection, found ${String(fc.type)}`);
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
 * Reads a boundary file: GeoParquet (`PAR1` magic), GeoJSON, or gzip-compressed GeoJSON (`.geojson.gz`, as on
 * data.gouv.fr). The content decides, not the extension (a downloaded file may be named anything).
 */
export async function readBoundaryFile(file: string): Promise<BoundaryLayer> {
  const handle = await open(file, "r");
  const head = Buffer.alloc(4);
  try {
    await handle.read(head, 0, 4, 0);
  } finally {
    await handle.close();
  }
  if (head.toString("latin1") === "PAR1") return readGeoParquet(file);
  if (head[0] === 0x1f && head[1] === 0x8b)
    return readGeoJson(file, gunzipSync(await readFile(file)).toString("utf8"));
  if (/\.(geo)?json$/i.test(file) || /^\s*[{[]/.test(head.toString("utf8"))) return readGeoJson(file);
  throw new BoundaryFileError(file, "unknown format (expected GeoJSON, gzip GeoJSON or GeoParquet)");
}
