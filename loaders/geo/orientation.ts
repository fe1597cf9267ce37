/**
 * Ring orientation of boundaries for d3-geo and Observable Plot, which draw on the sphere: an exterior ring
 * must run clockwise (longitude east, latitude north), a hole counterclockwise. RFC 7946 GeoJSON recommends the
 * opposite, and files mix both; a ring the wrong way round is drawn as the rest of the globe. Pure.
 */
import type {MultiPolygon, Polygon, Position} from "geojson";

/** Twice the signed planar area of a ring in longitude/latitude: positive when it runs counterclockwise. */
export function ringArea2(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 0, n = ring.length; i < n; i++) {
    const a = ring[i]!;
    const b = ring[(i + 1) % n]!;
    sum += a[0]! * b[1]! - b[0]! * a[1]!;
  }
  return sum;
}

const oriented = (ring: Position[], clockwise: boolean): Position[] =>
  ringArea2(ring) > 0 === clockwise ? [...ring].reverse() : ring;

const polygon = (rings: Position[][]): Position[][] => rings.map((ring, i) => oriented(ring, i === 0));

/**
 * The same polygon with its exterior rings clockwise and its holes counterclockwise, as d3-geo expects.
 * Planar orientation: right for boundaries smaller than a hemisphere not crossing the antimeridian (all of
 * France's).
 */
export function orientForD3<G extends Polygon | MultiPolygon>(geometry: G): G {
  return geometry.type === "Polygon"
    ? {...geometry, coordinates: polygon(geometry.coordinates)}
    : {...geometry, coordinates: (geometry as MultiPolygon).coordinates.map(polygon)};
}

/** Twice the planar area (square degrees) under which a ring is taken as flat: about a hundredth of a m². */
const FLAT = 1e-12;

/**
 * The same geometry without its flat rings (no area: collinear or repeated points, as heavy simplification and
 * quantization leave), which d3-geo cannot orient and draws as the whole globe: a flat exterior ring drops its
 * polygon, a flat hole is dropped. `null` when no polygon is left. Pure.
 */
export function withoutFlatRings(geometry: Polygon | MultiPolygon): Polygon | MultiPolygon | null {
  const keep = (rings: Position[][]): Position[][] | null => {
    if (rings.length === 0 || Math.abs(ringArea2(rings[0]!)) < FLAT) return null;
    return rings.filter((ring, i) => i === 0 || Math.abs(ringArea2(ring)) >= FLAT);
  };
  if (geometry.type === "Polygon") {
    const rings = keep(geometry.coordinates);
    return rings ? {...geometry, coordinates: rings} : null;
  }
  const polygons = geometry.coordinates.map(keep).filter((p): p is Position[][] => p !== null);
  if (polygons.length === 0) return null;
  return polygons.length === geometry.coordinates.length ? geometry : {...geometry, coordinates: polygons};
}
