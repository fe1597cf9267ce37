import type {GeoPermissibleObjects, GeoProjection} from "d3";

/** Plot-style projection options, as returned by `projectionFor` (choropleth.js). */
export interface ProjectionSpec {
  type: "identity" | "reflect-y" | "conic-conformal";
  parallels?: [number, number];
  rotate?: [number, number] | [number, number, number];
  /** The GeoJSON object to fit in the frame (needed by {@link mapHeight} and {@link fitProjection}). */
  domain?: GeoPermissibleObjects;
}
/** Bounds [[x0, y0], [x1, y1]] of projected points. */
export type Bounds = [[number, number], [number, number]];
/** The unfitted d3 projection for Plot-style options, translated to the origin. */
export function baseProjection(spec: ProjectionSpec): GeoProjection;
/** Height of a map of this width whose projected bounds (any scale) are given, as Plot computes it. */
export function heightFor(bounds: Bounds, width: number): number;
/** Height of a map of this width, from the aspect of the domain's projected bounds (as Plot). */
export function mapHeight(spec: ProjectionSpec, width: number): number;
/**
 * Fits a base projection with these output bounds into width × height (sets its scale and translation); returns
 * it with the same fit as a transform [k, tx, ty] of its unfitted output.
 */
export function fitToBounds(
  projection: GeoProjection,
  bounds: Bounds,
  width: number,
  height: number
): {projection: GeoProjection; transform: [number, number, number]};
/** The projection fitted to width × height (height from {@link mapHeight} when absent). */
export function fitProjection(
  spec: ProjectionSpec,
  width: number,
  height?: number
): {projection: GeoProjection; width: number; height: number};
