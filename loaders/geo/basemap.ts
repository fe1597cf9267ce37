/**
 * The kit's offline basemap: real boundaries of communes, EPCI, départements and régions (COG 2026 codes, DROM as
 * insets), built once by `load contours` (`./load-contours.ts`) from official-source files and committed in
 * `data/basemap/`, so that every map of the site draws real shapes on a fresh clone. `npm run data -- basemap`
 * rebuilds it; contours loaded or fetched by the user (`data/snapshots/contours/`, `data/cache/contours/`) take
 * precedence, level by level (`../site/maps.ts`).
 */
import {createHash} from "node:crypto";
import {mkdir, readFile, rename, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {gzipSync} from "node:zlib";
import type {Topology} from "topojson-specification";
import {kitPaths, REPO_ROOT} from "../core/paths.ts";
import type {Level} from "./codes.ts";
import {contoursAttribution, type ContoursReport} from "./contours.ts";
import {loadContours} from "./load-contours.ts";

/** One layer of the basemap: the source file it is built from and how much of it the map keeps. */
export interface BasemapLayer {
  level: Level;
  /** Source file, relative to the folder of official boundaries (`../shared/geo` by default). */
  source: string;
  /** The source's attribution, as its SOURCE.md requires (the COG used for codes is appended). */
  attribution: string;
  /** Share of the source's points kept by the simplification (`keep` of `load contours`). */
  keep: number;
  /** Quantization of the map topology. */
  quantization: number;
  /** Largest gzip size allowed (bytes): a rebuild over budget fails. */
  budget: number;
}

const GREGOIREDAVID =
  "IGN – Admin Express COG 2018, INSEE COG 2018 (Licence Ouverte 2.0), mise en forme gregoiredavid/france-geojson";

/**
 * The layers, finest first. Communes: the COG-2026 commune TopoJSON derived from IGN Admin Express COG 2018
 * (`derived/SOURCE.md`); départements and régions: gregoiredavid/france-geojson, DROM at their real position, so
 * that the kit places them in the same insets as communes and points; EPCI: bellice/ngeofr-maps (IGN ADMIN
 * EXPRESS COG 2025), whose DROM come already placed beside the mainland (the only EPCI file of the sources).
 */
export const BASEMAP_LAYERS: readonly BasemapLayer[] = [
  {
    level: "commune",
    source: "derived/communes-cog2026-from2018-ms5pct.topo.json",
    attribution: `${GREGOIREDAVID} ; communes de 2018 réunies dans celles du COG 2026, simplifiées (mapshaper)`,
    // The source is already simplified (mapshaper 5 %) and quantized: most of its size is arc indices and names.
    keep: 0.4,
    quantization: 10_000,
    budget: 1_500_000
  },
  {
    level: "epci",
    source: "derived/epci-frdrom-compact-2025-surface-gen.topo.json",
    attribution: "IGN – ADMIN EXPRESS COG 2025 (Licence Ouverte 2.0), bellice/ngeofr-maps (MIT)",
    keep: 0.35,
    quantization: 50_000,
    budget: 200_000
  },
  {
    level: "departement",
    source: "gregoiredavid-france-geojson/departements-avec-outre-mer.geojson",
    attribution: GREGOIREDAVID,
    keep: 0.3,
    quantization: 100_000,
    budget: 150_000
  },
  {
    level: "region",
    source: "gregoiredavid-france-geojson/regions-avec-outre-mer.geojson",
    attribution: GREGOIREDAVID,
    keep: 0.4,
    quantization: 100_000,
    budget: 150_000
  }
];

/** The committed basemap folder. */
export const BASEMAP_DIR = kitPaths().basemap;

/** The folder of official boundary files the basemap is built from, beside the repository. */
export const DEFAULT_GEO_DIR = join(REPO_ROOT, "..", "shared", "geo");

/** The map TopoJSON of `level` in a basemap folder. */
export const basemapFile = (level: Level, dir: string = BASEMAP_DIR) => join(dir, `${level}.topo.json`);

/** What `basemap.meta.json` records of one layer. */
export interface BasemapLayerMeta {
  level: Level;
  source: string;
  sha256: string;
  attribution: string;
  licence: string;
  keep: number;
  quantization: number;
  bytes: number;
  gzipBytes: number;
  territories: number;
  merged: number;
  unmapped: string[];
  missing: string[];
  invalidGeometries: number;
  drom: ContoursReport["drom"];
}

/** The gzip size (level 9) of a text, in bytes. */
export const gzipSize = (text: string) => gzipSync(text, {level: 9}).length;

/**
 * Builds one layer with `load contours` and checks it against its budget. Nothing is written.
 * @throws Error naming the layer when the source yields no territory or the map is over budget.
 */
export async function buildBasemapLayer(
  layer: BasemapLayer,
  geoDir: string = DEFAULT_GEO_DIR
): Promise<{text: string; meta: BasemapLayerMeta}> {
  const file = join(geoDir, layer.source);
  const {topology, report} = await loadContours(file, {
    level: layer.level,
    keep: layer.keep,
    quantization: layer.quantization,
    attribution: contoursAttribution(layer.attribution)
  });
  const text = JSON.stringify(topology);
  const gzipBytes = gzipSize(text);
  if (report.territories === 0) throw new Error(`basemap ${layer.level}: ${file}: no territory of COG 2026`);
  if (gzipBytes > layer.budget)
    throw new Error(`basemap ${layer.level}: ${gzipBytes} bytes gzipped, over its budget of ${layer.budget}`);
  const sha256 = createHash("sha256")
    .update(await readFile(file))
    .digest("hex");
  return {
    text,
    meta: {
      level: layer.level,
      source: layer.source,
      sha256,
      attribution: layer.attribution,
      licence: "Licence Ouverte 2.0 (Etalab)",
      keep: layer.keep,
      quantization: layer.quantization,
      bytes: Buffer.byteLength(text),
      gzipBytes,
      territories: report.territories,
      merged: report.merged.length,
      unmapped: report.unmapped,
      missing: report.missing,
      invalidGeometries: report.invalidGeometries.length,
      drom: report.drom
    }
  };
}

/**
 * Rebuilds the basemap in `outDir` from the official files of `geoDir`: one `<level>.topo.json` per layer and
 * `basemap.meta.json` (sources, sha256, sizes, what `load contours` reported). Every layer is built before any
 * file is replaced, so a failure leaves the committed basemap as it was.
 */
export async function buildBasemap(
  options: {geoDir?: string; outDir?: string; log?: (line: string) => void} = {}
): Promise<BasemapLayerMeta[]> {
  const {geoDir = DEFAULT_GEO_DIR, outDir = BASEMAP_DIR, log = () => {}} = options;
  const built = [];
  for (const layer of BASEMAP_LAYERS) {
    const one = await buildBasemapLayer(layer, geoDir);
    const {level, territories, gzipBytes, missing} = one.meta;
    log(
      `${level} : ${territories} territoires, ${gzipBytes} octets compressés, ${missing.length} sans contour`
    );
    built.push(one);
  }
  await mkdir(outDir, {recursive: true});
  const write = async (file: string, text: string) => {
    await writeFile(`${file}.tmp-${process.pid}`, text);
    await rename(`${file}.tmp-${process.pid}`, file);
  };
  for (const {text, meta} of built) await write(basemapFile(meta.level, outDir), text);
  const metas = built.map((b) => b.meta);
  await write(join(outDir, "basemap.meta.json"), JSON.stringify({layers: metas}, null, 2) + "\n");
  return metas;
}

/** The committed basemap topology of `level`, or null when the folder has none. */
export async function readBasemap(level: Level, dir: string = BASEMAP_DIR): Promise<Topology | null> {
  try {
    return JSON.parse(await readFile(basemapFile(level, dir), "utf8")) as Topology;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}
