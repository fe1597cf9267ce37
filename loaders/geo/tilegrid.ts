/**
 * Tile-grid cartograms of départements and régions: one square per territory, placed by code on a grid so that
 * neighbours stay neighbours. The kit's offline default maps: generated here, with no boundary file, so that
 * département and région maps work on a fresh clone with no download.
 *
 * Placement: the approximate position of each département's chef-lieu (longitude/latitude rounded to 0.05°,
 * written for this kit) is matched to grid cells by a minimum-cost assignment (sum of squared distances).
 * A région's position is the mean of its départements'. The five DROM get a row of their own, below.
 */
import type {FeatureCollection, Polygon} from "geojson";
import {topology} from "topojson-server";
import type {Topology} from "topojson-specification";
import {assign} from "./assignment.ts";
import {COG_ATTRIBUTION, COG_VINTAGE, cogDepartements} from "./cog-data.ts";
import {territories2026} from "./territories.ts";

/** Approximate [longitude, latitude] of each metropolitan département's chef-lieu. */
export const CHEF_LIEU_POSITIONS: Readonly<Record<string, readonly [number, number]>> = {
  "01": [5.23, 46.2],
  "02": [3.62, 49.56],
  "03": [3.33, 46.57],
  "04": [6.24, 44.09],
  "05": [6.08, 44.56],
  "06": [7.26, 43.7],
  "07": [4.6, 44.74],
  "08": [4.72, 49.77],
  "09": [1.61, 42.97],
  "10": [4.07, 48.3],
  "11": [2.35, 43.21],
  "12": [2.57, 44.35],
  "13": [5.37, 43.3],
  "14": [-0.37, 49.18],
  "15": [2.44, 44.93],
  "16": [0.16, 45.65],
  "17": [-1.15, 46.16],
  "18": [2.4, 47.08],
  "19": [1.77, 45.27],
  "2A": [8.74, 41.93],
  "2B": [9.45, 42.7],
  "21": [5.04, 47.32],
  "22": [-2.76, 48.51],
  "23": [1.87, 46.17],
  "24": [0.72, 45.18],
  "25": [6.02, 47.24],
  "26": [4.89, 44.93],
  "27": [1.15, 49.02],
  "28": [1.49, 48.45],
  "29": [-4.1, 48.0],
  "30": [4.36, 43.84],
  "31": [1.44, 43.6],
  "32": [0.59, 43.65],
  "33": [-0.58, 44.84],
  "34": [3.88, 43.61],
  "35": [-1.68, 48.11],
  "36": [1.69, 46.81],
  "37": [0.69, 47.39],
  "38": [5.72, 45.19],
  "39": [5.55, 46.67],
  "40": [-0.5, 43.89],
  "41": [1.33, 47.59],
  "42": [4.39, 45.44],
  "43": [3.88, 45.04],
  "44": [-1.55, 47.22],
  "45": [1.91, 47.9],
  "46": [1.44, 44.45],
  "47": [0.62, 44.2],
  "48": [3.5, 44.52],
  "49": [-0.55, 47.47],
  "50": [-1.09, 49.12],
  "51": [4.37, 48.96],
  "52": [5.14, 48.11],
  "53": [-0.77, 48.07],
  "54": [6.18, 48.69],
  "55": [5.16, 48.77],
  "56": [-2.76, 47.66],
  "57": [6.18, 49.12],
  "58": [3.16, 46.99],
  "59": [3.06, 50.63],
  "60": [2.08, 49.43],
  "61": [0.09, 48.43],
  "62": [2.78, 50.29],
  "63": [3.08, 45.78],
  "64": [-0.37, 43.3],
  "65": [0.08, 43.23],
  "66": [2.9, 42.7],
  "67": [7.75, 48.58],
  "68": [7.36, 48.08],
  "69": [4.84, 45.76],
  "70": [6.15, 47.62],
  "71": [4.83, 46.31],
  "72": [0.2, 48.0],
  "73": [5.92, 45.57],
  "74": [6.13, 45.9],
  "75": [2.35, 48.86],
  "76": [1.1, 49.44],
  "77": [2.66, 48.54],
  "78": [2.13, 48.8],
  "79": [-0.46, 46.32],
  "80": [2.3, 49.89],
  "81": [2.15, 43.93],
  "82": [1.35, 44.02],
  "83": [5.93, 43.12],
  "84": [4.81, 43.95],
  "85": [-1.43, 46.67],
  "86": [0.34, 46.58],
  "87": [1.26, 45.83],
  "88": [6.45, 48.17],
  "89": [3.57, 47.8],
  "90": [6.86, 47.64],
  "91": [2.44, 48.63],
  "92": [2.21, 48.89],
  "93": [2.44, 48.91],
  "94": [2.46, 48.79],
  "95": [2.06, 49.04]
};

/** The five DROM in the order of their tiles (départements 971–976, régions 01–06). */
export const DROM = [
  {departement: "971", region: "01"},
  {departement: "972", region: "02"},
  {departement: "973", region: "03"},
  {departement: "974", region: "04"},
  {departement: "976", region: "06"}
] as const;

/** A territory and the grid cell it was given (column from the west, row from the north). */
export interface Tile {
  code: string;
  name: string;
  col: number;
  row: number;
}

/** Grid coordinates from longitude/latitude, in cell units (x east, y north). */
function toGrid([lon, lat]: readonly [number, number], cell: number): [number, number] {
  return [(lon * Math.cos((46.5 * Math.PI) / 180)) / cell, lat / cell];
}

/**
 * Places points on grid cells with the minimum sum of squared distances (pure, deterministic).
 * @param points code → position in cell units (x east, y north)
 */
export function placeOnGrid(
  points: ReadonlyMap<string, readonly [number, number]>
): Map<string, [number, number]> {
  const codes = [...points.keys()];
  const xs = codes.map((c) => points.get(c)![0]);
  const ys = codes.map((c) => points.get(c)![1]);
  const [x0, x1] = [Math.floor(Math.min(...xs)) - 1, Math.ceil(Math.max(...xs)) + 1];
  const [y0, y1] = [Math.floor(Math.min(...ys)) - 1, Math.ceil(Math.max(...ys)) + 1];
  const cells: [number, number][] = [];
  for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) cells.push([x, y]);
  const cost = codes.map((c) => {
    const [px, py] = points.get(c)!;
    return cells.map(([x, y]) => (x - px) ** 2 + (y - py) ** 2);
  });
  const chosen = assign(cost);
  return new Map(codes.map((c, i) => [c, cells[chosen[i]!]!]));
}

/** Turns placed cells (x east, y north) into tiles (col, row from the top-left), DROM in a row below. */
function toTiles(
  placed: ReadonlyMap<string, [number, number]>,
  drom: readonly string[],
  names: ReadonlyMap<string, string>
): Tile[] {
  const cells = [...placed.values()];
  const minX = Math.min(...cells.map((c) => c[0]));
  const maxY = Math.max(...cells.map((c) => c[1]));
  const minY = Math.min(...cells.map((c) => c[1]));
  const tiles = [...placed].map(([code, [x, y]]) => ({
    code,
    name: names.get(code) ?? code,
    col: x - minX,
    row: maxY - y
  }));
  const dromRow = maxY - minY + 2;
  drom.forEach((code, i) => tiles.push({code, name: names.get(code) ?? code, col: i, row: dromRow}));
  return tiles.sort((a, b) => (a.code < b.code ? -1 : 1));
}

/** Tiles of the 101 départements (96 metropolitan + 5 DROM). */
export function departementTiles(names: ReadonlyMap<string, string>, cell = 0.72): Tile[] {
  const points = new Map(Object.entries(CHEF_LIEU_POSITIONS).map(([c, p]) => [c, toGrid(p, cell)] as const));
  return toTiles(
    placeOnGrid(points),
    DROM.map((d) => d.departement),
    names
  );
}

/** Tiles of the 18 régions (13 metropolitan + 5 DROM), each at the mean position of its départements. */
export function regionTiles(
  names: ReadonlyMap<string, string>,
  regionOf: ReadonlyMap<string, string>,
  cell = 2
): Tile[] {
  const sums = new Map<string, [number, number, number]>();
  for (const [dep, p] of Object.entries(CHEF_LIEU_POSITIONS)) {
    const region = regionOf.get(dep);
    if (!region) throw new Error(`tile grid: no région for département ${dep}`);
    const s = sums.get(region) ?? [0, 0, 0];
    sums.set(region, [s[0] + p[0], s[1] + p[1], s[2] + 1]);
  }
  const points = new Map([...sums].map(([r, [x, y, n]]) => [r, toGrid([x / n, y / n], cell)] as const));
  return toTiles(
    placeOnGrid(points),
    DROM.map((d) => d.region),
    names
  );
}

/** Tile-grid TopoJSON of the départements of COG 2026 (the offline default département map). */
export function departementTileTopology(): Topology {
  return tileTopology(departementTiles(territories2026().names.departement), "departement");
}

/** Tile-grid TopoJSON of the régions of COG 2026 (the offline default région map). */
export function regionTileTopology(): Topology {
  const regionOf = new Map(cogDepartements().map((d) => [d.code, d.region]));
  return tileTopology(regionTiles(territories2026().names.region, regionOf), "region");
}

/** Attribution of the generated maps. */
export const TILEGRID_ATTRIBUTION = `Carte en tuiles générée par le kit T.Dat'Hack (MIT) ; codes et noms : ${COG_ATTRIBUTION}`;

/**
 * TopoJSON of tiles (unit squares with a small gap, y pointing down: draw with an identity projection).
 * Object named after `level`; feature ids are codes, properties `{name, col, row}`.
 */
export function tileTopology(tiles: readonly Tile[], level: "departement" | "region", gap = 0.08): Topology {
  const fc: FeatureCollection<Polygon> = {
    type: "FeatureCollection",
    features: tiles.map((t) => {
      const [x0, y0, x1, y1] = [t.col + gap / 2, t.row + gap / 2, t.col + 1 - gap / 2, t.row + 1 - gap / 2];
      return {
        type: "Feature",
        id: t.code,
        properties: {name: t.name, col: t.col, row: t.row},
        geometry: {
          type: "Polygon",
          coordinates: [
            [
              [x0, y0],
              [x0, y1],
              [x1, y1],
              [x1, y0],
              [x0, y0]
            ]
          ]
        }
      };
    })
  };
  return Object.assign(topology({[level]: fc}), {
    kit: {level, cog: COG_VINTAGE, projection: "grid", insets: true, attribution: TILEGRID_ATTRIBUTION}
  });
}
