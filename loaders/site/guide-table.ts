/**
 * The small generated table of the site's Guide page: one row per région of today's COG (real codes, names and
 * populations from @etalab/decoupage-administratif) with a demonstration indicator and a tile-grid geometry.
 * Deterministic: the same rows on every build. The indicator is invented and labelled as such on the page.
 */
import communes from "@etalab/decoupage-administratif/data/communes.json" with {type: "json"};
import regions from "@etalab/decoupage-administratif/data/regions.json" with {type: "json"};
import type {Feature, FeatureCollection, Polygon} from "geojson";
import {mulberry32} from "../core/prng.ts";

/** A région code of the COG (`11`, `84`, `01` for Guadeloupe). */
export type RegionCode = string & {readonly __brand: "RegionCode"};

export interface GuideRow {
  code: RegionCode;
  nom: string;
  population: number;
  /** Demonstration indicator, around 100 (not real data). */
  indicateur: number;
  /** Demonstration count of places per région (not real data). */
  lieux: number;
}

/** Column and row of each région in the tile grid (mainland roughly in place, DROM in a row below). */
export const REGION_TILES: Record<string, [column: number, row: number]> = {
  "32": [2, 0],
  "28": [1, 1],
  "11": [2, 1],
  "44": [3, 1],
  "53": [0, 2],
  "52": [1, 2],
  "24": [2, 2],
  "27": [3, 2],
  "75": [1, 3],
  "84": [2, 3],
  "93": [3, 3],
  "76": [2, 4],
  "94": [4, 4],
  "01": [0, 6],
  "02": [1, 6],
  "03": [2, 6],
  "04": [3, 6],
  "06": [4, 6]
};

/** Usual short names of the régions (as on French public maps), shown on the tiles. */
export const REGION_SIGLES: Record<string, string> = {
  "32": "HDF",
  "28": "NOR",
  "11": "IDF",
  "44": "GES",
  "53": "BRE",
  "52": "PDL",
  "24": "CVL",
  "27": "BFC",
  "75": "NAQ",
  "84": "ARA",
  "93": "PAC",
  "76": "OCC",
  "94": "COR",
  "01": "GUA",
  "02": "MTQ",
  "03": "GUF",
  "04": "REU",
  "06": "MAY"
};

/** The rows of the guide table, sorted by région code. */
export function guideRows(seed = 2022): GuideRow[] {
  const population = new Map<string, number>();
  for (const commune of communes as {type: string; region?: string; population?: number}[]) {
    if (commune.type !== "commune-actuelle" || !commune.region) continue;
    population.set(commune.region, (population.get(commune.region) ?? 0) + (commune.population ?? 0));
  }
  const random = mulberry32(seed);
  return (regions as {code: string; nom: string}[])
    .filter((region) => region.code in REGION_TILES)
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((region) => {
      const inhabitants = population.get(region.code) ?? 0;
      return {
        code: region.code as RegionCode,
        nom: region.nom,
        population: inhabitants,
        indicateur: Math.round((80 + random() * 45) * 10) / 10,
        lieux: Math.round((inhabitants / 100_000) * (2 + random() * 6))
      };
    });
}

/** The tile grid as GeoJSON squares (planar coordinates, y up), one per région, with `code` and `nom`. */
export function guideTiles(
  rows: GuideRow[] = guideRows()
): FeatureCollection<Polygon, {code: string; nom: string; sigle: string}> {
  const features: Feature<Polygon, {code: string; nom: string; sigle: string}>[] = rows.map((row) => {
    const [column, line] = REGION_TILES[row.code]!;
    const x = column;
    const y = -line;
    return {
      type: "Feature",
      id: row.code,
      properties: {code: row.code, nom: row.nom, sigle: REGION_SIGLES[row.code] ?? row.code},
      geometry: {
        type: "Polygon",
        coordinates: [
          [
            [x, y],
            [x, y - 0.94],
            [x + 0.94, y - 0.94],
            [x + 0.94, y],
            [x, y]
          ]
        ]
      }
    };
  });
  return {type: "FeatureCollection", features};
}
