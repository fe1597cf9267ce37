/** Projected features in flat arrays (see `projectTopology` in map-canvas.js). */
export interface PlanarRings {
  coords: Float64Array;
  ringEnds: Uint32Array;
  featureEnds: Uint32Array;
}
/** Whether (x, y) is inside feature `i` (even-odd rule over all its rings). */
export function featureContains(planar: PlanarRings, i: number, x: number, y: number): boolean;
/** Bounding box [x0, y0, x1, y1] of each feature, null for a feature without rings. */
export function featureBoxes(planar: PlanarRings): ([number, number, number, number] | null)[];
/** Point queries: index of the first feature containing (x, y), or -1. */
export function featureIndex(planar: PlanarRings): {find: (x: number, y: number) => number};
