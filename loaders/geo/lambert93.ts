/**
 * Lambert-93 (EPSG:2154, RGF93 / GRS 1980) ↔ longitude/latitude (degrees), after IGN's note NT/G 71
 * ("Projection cartographique conique conforme de Lambert", algorithms ALG0001–ALG0004). Accurate to the
 * millimetre, enough to re-project official boundary files without a projection library.
 */
import type {Position} from "geojson";

const E = 0.0818191910428158; // first eccentricity of GRS 1980
const N = 0.725607765053267; // cone constant
const C = 11754255.426096; // projection constant (m)
const XS = 700000; // false easting of the pole (m)
const YS = 12655612.049876; // northing of the pole (m)
const LON0 = (3 * Math.PI) / 180;

/** Projects [lon, lat] in degrees to Lambert-93 [x, y] in metres. */
export function toLambert93([lon = NaN, lat = NaN]: Position): Position {
  const phi = (lat * Math.PI) / 180;
  const s = E * Math.sin(phi);
  const iso = Math.log(Math.tan(Math.PI / 4 + phi / 2) * Math.pow((1 - s) / (1 + s), E / 2));
  const r = C * Math.exp(-N * iso);
  const gamma = N * ((lon * Math.PI) / 180 - LON0);
  return [XS + r * Math.sin(gamma), YS - r * Math.cos(gamma)];
}

/** Inverse of {@link toLambert93}: Lambert-93 [x, y] in metres to [lon, lat] in degrees. */
export function fromLambert93([x = NaN, y = NaN]: Position): Position {
  const dx = x - XS;
  const dy = y - YS;
  const r = Math.hypot(dx, dy);
  const gamma = Math.atan(dx / -dy);
  const lon = LON0 + gamma / N;
  const iso = -Math.log(r / C) / N;
  let phi = 2 * Math.atan(Math.exp(iso)) - Math.PI / 2;
  for (let i = 0; i < 20; i++) {
    const s = E * Math.sin(phi);
    const next = 2 * Math.atan(Math.pow((1 + s) / (1 - s), E / 2) * Math.exp(iso)) - Math.PI / 2;
    if (Math.abs(next - phi) < 1e-12) {
      phi = next;
      break;
    }
    phi = next;
  }
  return [(lon * 180) / Math.PI, (phi * 180) / Math.PI];
}
