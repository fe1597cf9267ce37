import type {PlanarRings} from "./map-pick.js";
import type {Bounds, ProjectionSpec} from "./map-projection.js";

/** Indices of the features of each fill (a CSS colour or a pattern key), fills in order of first appearance. */
export function groupByFill<F>(features: Iterable<F>, fillOf: (feature: F) => string): Map<string, number[]>;
/** Polygons of TopoJSON geometries projected once into flat arrays (see {@link projectTopology}). */
export interface PlanarFeatures extends PlanarRings {
  bounds: Bounds;
  /** Every projected arc of the topology: arc `a` is points arcStarts[a] to arcStarts[a + 1] - 1. */
  arcCoords: Float64Array;
  arcStarts: Uint32Array;
  /** The arcs of the geometries, each once (borders between them and outer boundary). */
  mesh: Uint32Array;
  /** Projected area of each geometry. */
  areas: Float64Array;
  /** Per arc: the smallest area of the geometries along it (Infinity for arcs of none). */
  arcAreas: Float64Array;
}
/** A TopoJSON geometry object (Polygon, MultiPolygon; others are drawn as nothing). */
export interface TopoGeometry {
  type: string | null;
  arcs?: unknown;
  id?: string | number;
  properties?: Record<string, unknown> | null;
}
/** Projects the polygons of some geometries of a topology, each arc once. */
export function projectTopology(
  topology: {arcs: number[][][]; transform?: {scale: [number, number]; translate: [number, number]}},
  geometries: TopoGeometry[],
  projection: (point: [number, number]) => [number, number] | null
): PlanarFeatures;
/** Minimal 2D context used by {@link paintGroups} (a CanvasRenderingContext2D, or a recorder in tests). */
export interface PathContext {
  beginPath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  closePath(): void;
  fill(): void;
  stroke(): void;
  fillStyle: unknown;
  strokeStyle: unknown;
  lineWidth: number;
}
/** Paints each group as paths filled a few dozen features at a time. */
export function paintGroups(
  context: PathContext,
  planar: PlanarFeatures,
  groups: Map<string, number[]>,
  options?: {transform?: [number, number, number]; patterns?: Record<string, unknown>}
): number;
/** Side (px, through the fit's scale k) of the average territory: √(area of the territories / territories). */
export function meanSide(planar: PlanarFeatures, k: number): number;
/** Side (px) of the territories that get no borders, and of the average territory under which none do. */
export const BORDER_MIN_SIDE: number;
/** Border width (px) for territories of this average side: 0 under {@link BORDER_MIN_SIDE}, at most 0.6. */
export function borderWidth(side: number): number;
/** Strokes every arc of `planar.mesh` once, but those along territories under `minSide` px; returns their number. */
export function paintMesh(
  context: PathContext,
  planar: PlanarFeatures,
  options: {color: string; width: number; transform?: [number, number, number]; minSide?: number}
): number;
/** A canvas of width × height CSS pixels (× `ratio` device pixels) with the groups painted (`PATTERN_KEYS` fills as patterns). */
export function renderCanvas(options: {
  width: number;
  height: number;
  ratio?: number;
  planar: PlanarFeatures;
  transform: [number, number, number];
  groups: Map<string, number[]>;
  border?: {color: string; width: number; minSide?: number};
}): {canvas: HTMLCanvasElement; painted: number};
/** SVG path data of feature `i`, through the transform [k, tx, ty]. */
export function featurePathData(planar: PlanarRings, i: number, transform: [number, number, number]): string;
/** A canvas map with tooltip, under a transparent SVG carrying the accessible name. */
export function canvasMap<G extends TopoGeometry>(options: {
  topology: {arcs: number[][][]; transform?: {scale: [number, number]; translate: [number, number]}};
  geometries: G[];
  spec: ProjectionSpec;
  width: number;
  height?: number;
  fillOf: (geometry: G) => string;
  tipText: (geometry: G) => string;
}): {
  element: HTMLDivElement;
  overlay: SVGSVGElement;
  painted: number;
  height: number;
  raster: (ratio?: number) => SVGSVGElement;
};
