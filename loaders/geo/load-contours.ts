/**
 * `loadContours`: reads official boundary files and writes the kit's contours outputs (I/O edge of
 * `./contours.ts`).
 *
 * Outputs, in `data/snapshots/contours/` (user-loaded) or `data/cache/contours/` (fetched), per level:
 * `contours-<level>.topo.json` (map TopoJSON, DROM insets), `contours-<level>.parquet` (GeoParquet, one row per
 * territory: code, name, level, geometry in WGS 84), `contours-<level>.meta.json`.
 */
import {createHash} from "node:crypto";
import {mkdir, readdir, readFile, rename, rm, stat, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {DuckDBInstance} from "@duckdb/node-api";
import type {Level} from "../core/codes.ts";
import {readBoundaryLayers} from "./boundary-files.ts";
import type {ContourRow, ContoursOptions, ContoursResult} from "./contours.ts";
import {buildContours, pickLayers} from "./contours.ts";
import {encodeWkb} from "./wkb.ts";

/** Files of the given paths; a folder stands for its `.geojson`, `.json`, `.topojson` and `.parquet` files. */
async function expand(inputs: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const input of inputs) {
    if ((await stat(input)).isDirectory()) {
      const names = (await readdir(input)).filter((n) => /\.((geo|topo)?json|parquet)$/i.test(n)).sort();
      files.push(...names.map((n) => join(input, n)));
    } else files.push(input);
  }
  if (files.length === 0) throw new Error(`contours: no boundary file in ${inputs.join(", ")}`);
  return files;
}

/**
 * Reads one or more official boundary files (GeoJSON, TopoJSON or GeoParquet; WGS 84 or Lambert-93; a folder of
 * per-département files is fine) and builds the contours of today's COG. Nothing is written.
 */
export async function loadContours(
  input: string | string[],
  options: ContoursOptions = {}
): Promise<ContoursResult> {
  const files = await expand(Array.isArray(input) ? input : [input]);
  const layers = (await Promise.all(files.map(readBoundaryLayers))).flat();
  return buildContours(pickLayers(layers, options), options);
}

/** Writes `content` to `file` through a temporary file and a rename, so a reader never sees half a file. */
async function atomicWrite(file: string, content: string | Uint8Array): Promise<void> {
  const tmp = `${file}.tmp-${process.pid}`;
  await writeFile(tmp, content);
  await rename(tmp, file);
}

/** Writes rows to GeoParquet (DuckDB writes the `geo` metadata of its GEOMETRY type, CRS OGC:CRS84). */
export async function writeContoursParquet(rows: readonly ContourRow[], file: string): Promise<void> {
  const tmp = `${file}.tmp-${process.pid}`;
  const instance = await DuckDBInstance.create(":memory:");
  const con = await instance.connect();
  try {
    await con.run("CREATE TABLE staging (code VARCHAR, name VARCHAR, level VARCHAR, wkb BLOB)");
    const appender = await con.createAppender("staging");
    for (const r of rows) {
      appender.appendVarchar(r.code);
      appender.appendVarchar(r.name);
      appender.appendVarchar(r.level);
      appender.appendBlob(encodeWkb(r.geometry));
      appender.endRow();
    }
    appender.closeSync();
    const target = `'${tmp.replace(/'/g, "''")}'`;
    await con.run(
      `COPY (SELECT code, name, level, ST_GeomFromWKB(wkb) AS geometry FROM staging ORDER BY code) TO ${target} (FORMAT parquet, COMPRESSION zstd)`
    );
  } catch (error) {
    await rm(tmp, {force: true});
    throw error;
  } finally {
    con.closeSync();
    instance.closeSync();
  }
  await rename(tmp, file);
}

/** Metadata written beside the outputs. */
export interface ContoursMeta {
  id: "contours";
  level: Level;
  status: "réel";
  source: string[];
  sha256: Record<string, string>;
  licence: string;
  attribution: string;
  vintage: string;
  rows: number;
  columns: {name: string; description: string}[];
  report: ContoursResult["report"];
  written: string;
}

/**
 * Writes the three outputs of one level to `dir` (created if needed). Each file is replaced atomically; the
 * previous copy stays in place if anything fails before.
 */
export async function writeContours(
  result: ContoursResult,
  dir: string,
  sources: string[]
): Promise<{files: string[]; meta: ContoursMeta}> {
  const {level} = result.report;
  if (result.rows.length === 0) throw new Error(`contours: no territory to write for level ${level}`);
  await mkdir(dir, {recursive: true});
  const base = join(dir, `contours-${level}`);
  const sha256: Record<string, string> = {};
  for (const s of await expand(sources)) {
    sha256[s] = createHash("sha256")
      .update(await readFile(s))
      .digest("hex");
  }
  const meta: ContoursMeta = {
    id: "contours",
    level,
    status: "réel",
    source: Object.keys(sha256),
    sha256,
    licence: "Licence Ouverte 2.0 (Etalab)",
    attribution: (result.topology as {kit?: {attribution?: string}}).kit?.attribution ?? "",
    vintage: "COG 2026 (codes); géométries selon la source",
    rows: result.rows.length,
    columns: [
      {name: "code", description: "Code du territoire dans le COG 2026 (INSEE, ou SIREN pour les EPCI)"},
      {name: "name", description: "Nom du territoire dans le COG 2026"},
      {name: "level", description: "Niveau : commune, epci, departement ou region"},
      {name: "geometry", description: "Contour (WGS 84, position réelle), anciennes communes fusionnées"}
    ],
    report: result.report,
    written: new Date().toISOString()
  };
  await writeContoursParquet(result.rows, `${base}.parquet`);
  await atomicWrite(`${base}.topo.json`, JSON.stringify(result.topology));
  await atomicWrite(`${base}.meta.json`, JSON.stringify(meta, null, 2) + "\n");
  return {files: [`${base}.parquet`, `${base}.topo.json`, `${base}.meta.json`], meta};
}
