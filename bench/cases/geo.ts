/**
 * Bench case: commune boundaries. Prints the size (raw and gzip -9) of the national commune TopoJSON of
 * ../shared (COG 2026, built from COG 2018 polygons) and of the kit's map topology re-simplified from it
 * (DROM insets, keep 15 % / 5 % of points, quantization 1e5); times the kit's pipeline on it. Skips cleanly
 * when ../shared is absent. The in-browser draw time is measured by the browser bench with `drawTopology`
 * (src/components/maps/choropleth.js).
 */
import {existsSync, readdirSync} from "node:fs";
import {readFile, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {gzipSync} from "node:zlib";
import type {MultiPolygon, Polygon} from "geojson";
import {feature} from "topojson-client";
import type {GeometryCollection, Topology} from "topojson-specification";
import {mapTopology, type ContourRow} from "../../loaders/geo/contours.ts";
import {loadContours} from "../../loaders/geo/load-contours.ts";
import type {BenchCase} from "../types.ts";

const NATIONAL = "../shared/geo/derived/communes-cog2026-from2018-ms5pct.topo.json";
const PER_DEPARTEMENT = "../shared/geo/gregoiredavid-france-geojson/communes-par-departement";

const kb = (n: number) => `${(n / 1024).toFixed(0)} Ko`;
/** Raw and gzip -9 sizes of a text, for printing. */
export function sizes(text: string): string {
  return `${kb(Buffer.byteLength(text))} brut, ${kb(gzipSync(text, {level: 9}).length)} gzip -9`;
}

/** The national commune topology of ../shared as kit rows (code, name, geometry). */
async function nationalRows(file: string): Promise<ContourRow[]> {
  const topology = JSON.parse(await readFile(file, "utf8")) as Topology;
  const object = Object.values(topology.objects)[0] as GeometryCollection;
  const fc = feature(topology, object) as unknown as {
    features: {id?: string | number; properties?: {c?: string}; geometry: Polygon | MultiPolygon}[];
  };
  return fc.features
    .filter((f) => f.geometry)
    .map((f) => {
      const code = String(f.id ?? f.properties?.c);
      return {code, name: code, level: "commune" as const, geometry: f.geometry};
    });
}

async function resimplify(input: string, dir: string, keep: number, quantization = 1e5): Promise<string> {
  const rows = await nationalRows(input);
  const text = JSON.stringify(mapTopology(rows, "commune", {keep, quantization}));
  const file = join(dir, `communes-keep${keep}-q${quantization}.topo.json`);
  await writeFile(file, text);
  return file;
}

export const geoBench: BenchCase = {
  name: "geo",
  description: "contours des communes : taille du TopoJSON national et chaîne du kit",
  async prepare(dir) {
    if (!existsSync(NATIONAL)) {
      console.log(`(${NATIONAL} absent : tailles non mesurées)`);
      return "";
    }
    console.log(`TopoJSON national partagé (34 868 communes) : ${sizes(await readFile(NATIONAL, "utf8"))}`);
    for (const [keep, q] of [
      [0.15, 1e5],
      [0.05, 1e5],
      [0.15, 1e4]
    ] as const) {
      const text = await readFile(await resimplify(NATIONAL, dir, keep, q), "utf8");
      console.log(
        `Carte du kit (encarts DROM, ${keep * 100} % des points, quantification ${q}) : ${sizes(text)}`
      );
    }
    return NATIONAL;
  },
  variants: {
    "re-simplifier le TopoJSON national (15 %)": async (input, dir) =>
      input ? (await resimplify(input, dir, 0.15), 34868) : 0,
    "loadContours : 11 départements GeoJSON COG 2018 → 2026": async () =>
      existsSync(PER_DEPARTEMENT) && readdirSync(PER_DEPARTEMENT).length
        ? (await loadContours(PER_DEPARTEMENT)).rows.length
        : 0
  }
};
