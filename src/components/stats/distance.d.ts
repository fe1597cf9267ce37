/** Mean Earth radius, in kilometres. */
export const EARTH_RADIUS_KM: number;
/** Great-circle distance in km between two [longitude, latitude] positions (sphere; as the crow flies). */
export function haversineKm(a: [number, number], b: [number, number]): number;
/** An index of target positions answering "which is nearest, and how far (km)?". */
export function nearestIndex<T>(
  targets: Iterable<T>,
  position: (target: T) => [number, number] | null | undefined,
  cell?: number
): {nearest: (p: [number, number] | null | undefined) => {target: T; km: number} | null; size: number};
