import type {Geometry, Position} from "geojson";

/** A DROM inset: real bounding box [west, south, east, north], target centre [lon, lat], zoom factor. */
export interface DromInset {
  code: "971" | "972" | "973" | "974" | "976";
  name: string;
  box: [number, number, number, number];
  to: [number, number];
  zoom: number;
}
/** The five DROM insets, placed west of Brittany. */
export const DROM_INSETS: DromInset[];
/** The inset whose source box contains the position, or undefined. */
export function insetOf(position: Position): DromInset | undefined;
/** Moves a DROM position to its inset; other positions are returned unchanged. */
export function toInset(position: Position, inset?: DromInset): Position;
/** Moves a whole geometry (decided on its first position) to its inset; other geometries are returned as is. */
export function geometryToInset<G extends Geometry | null>(geometry: G): G;
