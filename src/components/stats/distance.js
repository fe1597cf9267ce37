// Great-circle distances (haversine, spherical Earth of radius 6 371 km) and the nearest of many points through a
// grid index: fast enough in the browser for every commune against every France services. Pure module.

/** Mean Earth radius, in kilometres. */
export const EARTH_RADIUS_KM = 6371;
const RAD = Math.PI / 180;

/**
 * Great-circle distance in kilometres between two [longitude, latitude] positions (WGS 84 degrees), on a sphere:
 * as the crow flies, not by road.
 */
export function haversineKm([lon1, lat1], [lon2, lat2]) {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

/**
 * An index of target positions answering "which is nearest, and how far?".
 * @param {Iterable<T>} targets
 * @param {(t: T) => [number, number] | null | undefined} position [longitude, latitude] of a target
 * @param {number} [cell] grid cell size in degrees (default 0.5)
 * @returns {{nearest: (p: [number, number]) => {target: T, km: number} | null, size: number}}
 * @template T
 */
export function nearestIndex(targets, position, cell = 0.5) {
  const grid = new Map();
  let size = 0;
  const key = (i, j) => `${i}:${j}`;
  for (const t of targets) {
    const p = position(t);
    if (!p || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) continue;
    const k = key(Math.floor(p[0] / cell), Math.floor(p[1] / cell));
    if (!grid.has(k)) grid.set(k, []);
    grid.get(k).push({target: t, p});
    size++;
  }
  // One cell is at least this many km high (and wide, at latitudes below 70°): a ring r away is ≥ (r - 1) cells off.
  const cellKm = cell * RAD * EARTH_RADIUS_KM * Math.cos(70 * RAD);
  function nearest(p) {
    if (size === 0 || !p || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) return null;
    const i0 = Math.floor(p[0] / cell);
    const j0 = Math.floor(p[1] / cell);
    let best = null;
    const maxRing = Math.ceil(360 / cell);
    for (let r = 0; r <= maxRing; r++) {
      if (best && (r - 1) * cellKm > best.km) break;
      for (let i = i0 - r; i <= i0 + r; i++) {
        for (let j = j0 - r; j <= j0 + r; j++) {
          if (Math.max(Math.abs(i - i0), Math.abs(j - j0)) !== r) continue;
          for (const c of grid.get(key(i, j)) ?? []) {
            const km = haversineKm(p, c.p);
            if (!best || km < best.km) best = {target: c.target, km};
          }
        }
      }
    }
    return best;
  }
  return {nearest, size};
}
