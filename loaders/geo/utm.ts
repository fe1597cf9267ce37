/**
 * UTM (transverse Mercator, GRS 1980) ↔ longitude/latitude, for the DROM boundary files delivered in their local
 * projections (RGAF09 / UTM 20N for Guadeloupe and Martinique, RGFG95 / UTM 22N for Guyane, RGR92 / UTM 40S for
 * La Réunion, RGM04 / UTM 38S for Mayotte). Series after Snyder, "Map Projections — A Working Manual" (USGS
 * 1987), pp. 61–64: sub-metre within a zone, plenty for maps.
 */
import type {Position} from "geojson";

const A = 6378137;
const F = 1 / 298.257222101;
const E2 = F * (2 - F);
const EP2 = E2 / (1 - E2);
const K0 = 0.9996;
const RAD = Math.PI / 180;

/** A UTM zone: number 1–60, and hemisphere. */
export interface UtmZone {
  zone: number;
  south: boolean;
}

const centralMeridian = (zone: number) => (zone * 6 - 183) * RAD;

function meridianArc(phi: number): number {
  const e4 = E2 * E2;
  const e6 = e4 * E2;
  return (
    A *
    ((1 - E2 / 4 - (3 * e4) / 64 - (5 * e6) / 256) * phi -
      ((3 * E2) / 8 + (3 * e4) / 32 + (45 * e6) / 1024) * Math.sin(2 * phi) +
      ((15 * e4) / 256 + (45 * e6) / 1024) * Math.sin(4 * phi) -
      ((35 * e6) / 3072) * Math.sin(6 * phi))
  );
}

/** Projects [lon, lat] (degrees) to UTM [easting, northing] (metres) in `zone`. */
export function toUtm([lon = NaN, lat = NaN]: Position, {zone, south}: UtmZone): Position {
  const phi = lat * RAD;
  const n = A / Math.sqrt(1 - E2 * Math.sin(phi) ** 2);
  const t = Math.tan(phi) ** 2;
  const c = EP2 * Math.cos(phi) ** 2;
  const a = (lon * RAD - centralMeridian(zone)) * Math.cos(phi);
  const x =
    K0 * n * (a + ((1 - t + c) * a ** 3) / 6 + ((5 - 18 * t + t * t + 72 * c - 58 * EP2) * a ** 5) / 120) +
    500000;
  const y =
    K0 *
    (meridianArc(phi) +
      n *
        Math.tan(phi) *
        (a ** 2 / 2 +
          ((5 - t + 9 * c + 4 * c * c) * a ** 4) / 24 +
          ((61 - 58 * t + t * t + 600 * c - 330 * EP2) * a ** 6) / 720));
  return [x, south ? y + 10000000 : y];
}

/** Inverse of {@link toUtm}: UTM [easting, northing] in `zone` to [lon, lat] in degrees. */
export function fromUtm([x = NaN, y = NaN]: Position, {zone, south}: UtmZone): Position {
  const m = (south ? y - 10000000 : y) / K0;
  const mu = m / (A * (1 - E2 / 4 - (3 * E2 * E2) / 64 - (5 * E2 ** 3) / 256));
  const e1 = (1 - Math.sqrt(1 - E2)) / (1 + Math.sqrt(1 - E2));
  const phi1 =
    mu +
    ((3 * e1) / 2 - (27 * e1 ** 3) / 32) * Math.sin(2 * mu) +
    ((21 * e1 * e1) / 16 - (55 * e1 ** 4) / 32) * Math.sin(4 * mu) +
    ((151 * e1 ** 3) / 96) * Math.sin(6 * mu) +
    ((1097 * e1 ** 4) / 512) * Math.sin(8 * mu);
  const sin = Math.sin(phi1);
  const cos = Math.cos(phi1);
  const n1 = A / Math.sqrt(1 - E2 * sin * sin);
  const t1 = Math.tan(phi1) ** 2;
  const c1 = EP2 * cos * cos;
  const r1 = (A * (1 - E2)) / (1 - E2 * sin * sin) ** 1.5;
  const d = (x - 500000) / (n1 * K0);
  const lat =
    phi1 -
    ((n1 * Math.tan(phi1)) / r1) *
      (d ** 2 / 2 -
        ((5 + 3 * t1 + 10 * c1 - 4 * c1 * c1 - 9 * EP2) * d ** 4) / 24 +
        ((61 + 90 * t1 + 298 * c1 + 45 * t1 * t1 - 252 * EP2 - 3 * c1 * c1) * d ** 6) / 720);
  const lon =
    centralMeridian(zone) +
    (d -
      ((1 + 2 * t1 + c1) * d ** 3) / 6 +
      ((5 - 2 * c1 + 28 * t1 - 3 * c1 * c1 + 8 * EP2 + 24 * t1 * t1) * d ** 5) / 120) /
      cos;
  return [lon / RAD, lat / RAD];
}

/** The UTM zone named by a CRS description ("… / UTM zone 20N", EPSG 326xx / 327xx), or null. */
export function utmZoneOf(description: string): UtmZone | null {
  const named = /UTM zone (\d{1,2})\s*([NS])/i.exec(description);
  if (named) return {zone: Number(named[1]), south: named[2]!.toUpperCase() === "S"};
  const epsg = /\b32([67])(\d{2})\b/.exec(description);
  if (epsg) return {zone: Number(epsg[2]), south: epsg[1] === "7"};
  // The DROM's official projected systems (IGN), by EPSG code.
  const known: Record<string, UtmZone> = {
    "5490": {zone: 20, south: false},
    "4559": {zone: 20, south: false},
    "2972": {zone: 22, south: false},
    "2975": {zone: 40, south: true},
    "4471": {zone: 38, south: true}
  };
  for (const [code, zone] of Object.entries(known))
    if (new RegExp(`\\b${code}\\b`).test(description)) return zone;
  return null;
}
