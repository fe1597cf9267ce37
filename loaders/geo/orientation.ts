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
