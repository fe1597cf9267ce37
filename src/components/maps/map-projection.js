// The d3 projection of a kit map, fitted to a frame the way Observable Plot fits the same projection options
// (`projectionFor` in choropleth.js), so that a canvas drawing lines up with Plot's SVG of the same map.
import * as d3 from "npm:d3";

/**
 * The unfitted d3 projection for Plot-style options: `identity`, `reflect-y` or `conic-conformal` (with `parallels`
 * and `rotate`), as returned by `projectionFor`; translated to the origin, so that fitting it to a frame is a
 * scale and a translation of its output (see {@link fitToBounds}).
 */
export function baseProjection(spec) {
  switch (spec.type) {
    case "identity":
      return d3.geoIdentity();
    case "reflect-y":
      return d3.geoIdentity().reflectY(true);
    case "conic-conformal": {
      // Plot's defaults: adaptive resampling at 0.15 px.
      const projection = d3.geoConicConformal().precision(0.15).translate([0, 0]);
      if (spec.rotate) projection.rotate(spec.rotate);
      if (spec.parallels) projection.parallels(spec.parallels);
      return projection;
    }
    default:
      throw new Error(`map-projection : projection non prise en charge ${spec.type}`);
  }
}

/**
 * Height (px) of a map of the given width, from the aspect ratio of its projected bounds (any scale), clamped to
 * [0.2, 5], with Plot's half-pixel margins: the height Plot gives a map whose projection has a domain.
 * @param {[[number, number], [number, number]]} bounds
 */
export function heightFor(bounds, width) {
  const [[x0, y0], [x1, y1]] = bounds;
  const r = (y1 - y0) / (x1 - x0);
  const ratio = r && Number.isFinite(r) ? Math.min(5, Math.max(0.2, r)) : 0.618;
  return Math.round((width - 1) * ratio + 1);
}

/** {@link heightFor} the bounds of the projected domain. */
export function mapHeight(spec, width) {
  return heightFor(d3.geoPath(baseProjection(spec)).bounds(spec.domain), width);
}

/**
 * Fits a {@link baseProjection} whose output has the given bounds into a width × height frame, centred, inside half
 * a pixel of margin (as Plot): sets its scale and translation and returns the equivalent transform of its output
 * before the fit, [k, tx, ty]: (x, y) → (k x + tx, k y + ty).
 * @returns {{projection: d3.GeoProjection, transform: [number, number, number]}}
 */
export function fitToBounds(projection, bounds, width, height) {
  const [[x0, y0], [x1, y1]] = bounds;
  const dx = width - 1;
  const dy = height - 1;
  let k = Math.min(dx / (x1 - x0), dy / (y1 - y0));
  if (!(k > 0 && Number.isFinite(k))) k = 1;
  const [ox, oy] = projection.translate();
  const tx = 0.5 + (dx - k * (x0 + x1)) / 2;
  const ty = 0.5 + (dy - k * (y0 + y1)) / 2;
  projection.scale(projection.scale() * k).translate([tx + k * ox, ty + k * oy]);
  return {projection, transform: [k, tx, ty]};
}

/**
 * The projection fitted to a width × height frame (height computed by {@link mapHeight} when absent).
 * @returns {{projection: d3.GeoProjection, width: number, height: number}}
 */
export function fitProjection(spec, width, height) {
  const projection = baseProjection(spec);
  const bounds = d3.geoPath(projection).bounds(spec.domain);
  const h = height ?? heightFor(bounds, width);
  return {projection: fitToBounds(projection, bounds, width, h).projection, width, height: h};
}
