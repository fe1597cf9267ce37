/**
 * Well-Known Binary (WKB) ↔ GeoJSON geometry, for GeoParquet files (OGC Simple Features / ISO WKB, plus the
 * PostGIS EWKB flags). Z and M values are read and dropped: maps are 2-D.
 */
import type {Geometry, Position} from "geojson";

const TYPES = [
  "",
  "Point",
  "LineString",
  "Polygon",
  "MultiPoint",
  "MultiLineString",
  "MultiPolygon"
] as const;

/** Decodes one WKB geometry. @throws Error with the byte offset on malformed input. */
export function decodeWkb(bytes: Uint8Array): Geometry {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 0;
  const need = (n: number) => {
    if (offset + n > bytes.byteLength) throw new Error(`WKB: unexpected end of data at byte ${offset}`);
  };
  const geometry = (): Geometry => {
    need(5);
    const little = view.getUint8(offset) === 1;
    offset += 1;
    const u32 = () => (need(4), (offset += 4), view.getUint32(offset - 4, little));
    const f64 = () => (need(8), (offset += 8), view.getFloat64(offset - 8, little));
    const raw = u32();
    let dims = 2;
    if (raw & 0x80000000) dims++; // EWKB Z
    if (raw & 0x40000000) dims++; // EWKB M
    if (raw & 0x20000000) u32(); // EWKB SRID, ignored
    const iso = raw & 0x0fffffff;
    const type = iso % 1000;
    const isoDims = Math.floor(iso / 1000);
    if (isoDims === 1 || isoDims === 2) dims = 3;
    else if (isoDims === 3) dims = 4;
    const point = (): Position => {
      const p: Position = [f64(), f64()];
      for (let i = 2; i < dims; i++) f64();
      return p;
    };
    const points = (): Position[] => Array.from({length: u32()}, point);
    const rings = (): Position[][] => Array.from({length: u32()}, points);
    const parts = <T>(expected: number): T[] =>
      Array.from({length: u32()}, () => {
        const g = geometry() as unknown as {type: string; coordinates: T};
        if (g.type !== TYPES[expected])
          throw new Error(`WKB: ${g.type} inside a multi-geometry of ${TYPES[expected]}`);
        return g.coordinates;
      });
    switch (type) {
      case 1:
        return {type: "Point", coordinates: point()};
      case 2:
        return {type: "LineString", coordinates: points()};
      case 3:
        return {type: "Polygon", coordinates: rings()};
      case 4:
        return {type: "MultiPoint", coordinates: parts<Position>(1)};
      case 5:
        return {type: "MultiLineString", coordinates: parts<Position[]>(2)};
      case 6:
        return {type: "MultiPolygon", coordinates: parts<Position[][]>(3)};
      case 7:
        return {type: "GeometryCollection", geometries: Array.from({length: u32()}, geometry)};
      default:
        throw new Error(`WKB: unsupported geometry type ${raw} at byte ${offset - 4}`);
    }
  };
  const g = geometry();
  if (offset !== bytes.byteLength) throw new Error(`WKB: ${bytes.byteLength - offset} trailing bytes`);
  return g;
}

/** Encodes a 2-D GeoJSON geometry as little-endian ISO WKB. */
export function encodeWkb(geometry: Geometry): Uint8Array {
  const chunks: number[] = [];
  const buf = new DataView(new ArrayBuffer(8));
  const u8 = (v: number) => chunks.push(v);
  const u32 = (v: number) => {
    buf.setUint32(0, v, true);
    for (let i = 0; i < 4; i++) chunks.push(buf.getUint8(i));
  };
  const f64 = (v: number) => {
    buf.setFloat64(0, v, true);
    for (let i = 0; i < 8; i++) chunks.push(buf.getUint8(i));
  };
  const point = (p: Position) => (f64(p[0] ?? NaN), f64(p[1] ?? NaN));
  const points = (ps: Position[]) => (u32(ps.length), ps.forEach(point));
  const rings = (rs: Position[][]) => (u32(rs.length), rs.forEach(points));
  const header = (type: number) => (u8(1), u32(type));
  const write = (g: Geometry): void => {
    switch (g.type) {
      case "Point":
        return (header(1), point(g.coordinates));
      case "LineString":
        return (header(2), points(g.coordinates));
      case "Polygon":
        return (header(3), rings(g.coordinates));
      case "MultiPoint":
        return (header(4), u32(g.coordinates.length), g.coordinates.forEach((c) => (header(1), point(c))));
      case "MultiLineString":
        return (header(5), u32(g.coordinates.length), g.coordinates.forEach((c) => (header(2), points(c))));
      case "MultiPolygon":
        return (header(6), u32(g.coordinates.length), g.coordinates.forEach((c) => (header(3), rings(c))));
      case "GeometryCollection":
        return (header(7), u32(g.geometries.length), g.geometries.forEach(write));
    }
  };
  write(geometry);
  return Uint8Array.from(chunks);
}
