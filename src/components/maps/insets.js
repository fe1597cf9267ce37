// DROM insets: where the five overseas départements are drawn beside metropolitan France, in longitude /
// latitude, so that one conic projection shows them all. Pure module (no imports): used by the browser
// components and by the Node loaders that build the boundary TopoJSON, so points and polygons agree.

/**
 * One inset per DROM: the source box (real position) and where its centre goes, with a zoom factor.
 * Targets sit in the Bay of Biscay, west of Brittany, top to bottom.
 */
export const DROM_INSETS = [
  {code: "971", name: "Guadeloupe", box: [-62, 15.8, -60.9, 16.6], to: [-9.4, 49.4], zoom: 1.6},
  {code: "972", name: "Martinique", box: [-61.3, 14.3, -60.7, 15], to: [-9.4, 47.6], zoom: 2},
  {code: "973", name: "Guyane", box: [-54.7, 2, -51.5, 5.9], to: [-9.4, 45.7], zoom: 0.45},
  {code: "974", name: "La Réunion", box: [55.1, -21.5, 55.9, -20.8], to: [-9.4, 43.8], zoom: 1.8},
  {code: "976", name: "Mayotte", box: [44.9, -13.1, 45.35, -12.55], to: [-9.4, 42.3], zoom: 2.2}
];

const RAD = Math.PI / 180;

/** The inset whose source box contains [lon, lat], or undefined (metropolitan France, elsewhere). */
export function insetOf(position) {
  const [x, y] = position;
  return DROM_INSETS.find(
    ({box}) => x >= box[0] - 0.5 && x <= box[2] + 0.5 && y >= box[1] - 0.5 && y <= box[3] + 0.5
  );
}

/**
 * Moves one [lon, lat] of a DROM to its inset (zoomed about the box centre, with longitudes rescaled so shapes
 * keep their proportions at the new latitude). Other positions are returned unchanged.
 */
export function toInset(position, inset = insetOf(position)) {
  if (!inset) return position;
  const [x0, y0, x1, y1] = inset.box;
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const k = inset.zoom;
  const kx = (k * Math.cos(cy * RAD)) / Math.cos(inset.to[1] * RAD);
  return [inset.to[0] + (position[0] - cx) * kx, inset.to[1] + (position[1] - cy) * k];
}

/** Applies {@link toInset} to every position of a GeoJSON geometry (a new geometry; the input is kept). */
export function geometryToInset(geometry) {
  if (geometry == null) return geometry;
  if (geometry.type === "GeometryCollection") {
    return {...geometry, geometries: geometry.geometries.map(geometryToInset)};
  }
  const first = firstPosition(geometry.coordinates);
  const inset = first && insetOf(first);
  if (!inset) return geometry;
  const map = (c) => (typeof c[0] === "number" ? toInset(c, inset) : c.map(map));
  return {...geometry, coordinates: map(geometry.coordinates)};
}

function firstPosition(c) {
  while (Array.isArray(c) && Array.isArray(c[0])) c = c[0];
  return Array.isArray(c) && typeof c[0] === "number" ? c : undefined;
}
