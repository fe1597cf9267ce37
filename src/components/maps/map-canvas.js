// Canvas rendering of dense maps (tens of thousands of communes). Three things make 35,000 shapes draw in a
// fraction of a second where one SVG element per commune takes seconds:
// - the map is drawn straight from the TopoJSON: each arc is projected once (a border serves two communes) with
//   the unfitted projection, into flat typed arrays, with no GeoJSON conversion (topojson.feature alone costs
//   more than the drawing); the fit to the frame is then a scale and a translation, so the bounds, the fit, the
//   drawing and the hover test all read the same arrays (d3.geoPath would stream every point through rotation,
//   clipping and resampling, and fitting it would do that once more);
// - features are batched by fill: one path per fill colour, filled at once, instead of one fill per feature;
// - the path is filled every few dozen features: Chromium's canvas gets slower than linear when one path holds
//   thousands of rings (measured: 20 s for all communes in one path, a few hundred ms in batches of 25);
// - borders are the mesh of the arcs, each stroked once over the fills (a border shared by two communes is one
//   arc), with a thin line whose width follows the average size of a territory, and none when territories are
//   too small for a line between them to show anything but a lighter map.
// Resampling and clipping are left out: kit maps are fitted to their frame (nothing to clip) and at this density
// segments are a pixel or two long, so great-circle resampling would move nothing visibly.
// Browser only, except the pure functions (grouping, projection to arrays, painting on a given context).
import {imageSvg} from "./map-export.js";
import {canvasPatterns} from "./map-patterns.js";
import {featureIndex} from "./map-pick.js";
import {baseProjection, fitToBounds, heightFor} from "./map-projection.js";

/** Features per fill() call (see above). */
const BATCH = 25;
/** Points per stroke() call of the borders (strokes did not slow down with path size as fills do: a bound only). */
const MESH_BATCH = 16000;

/**
 * Groups features by fill, keeping the order in which fills first appear.
 * @template F
 * @param {Iterable<F>} features
 * @param {(feature: F) => string} fillOf a CSS colour, or a key of the `patterns` given to {@link paintGroups}
 * @returns {Map<string, number[]>} fill → indices of its features
 */
export function groupByFill(features, fillOf) {
  const groups = new Map();
  let i = 0;
  for (const f of features) {
    const fill = fillOf(f);
    const group = groups.get(fill);
    if (group) group.push(i);
    else groups.set(fill, [i]);
    i++;
  }
  return groups;
}

/** Rings (lists of arc indices) of a TopoJSON geometry object: Polygon, MultiPolygon, or none. */
function ringsOf(geometry) {
  if (geometry?.type === "Polygon") return geometry.arcs;
  if (geometry?.type === "MultiPolygon") return geometry.arcs.flat();
  return [];
}

/**
 * The polygons of some geometries of a TopoJSON, projected in flat arrays, straight from the topology: each arc
 * is decoded and projected once (borders are shared by two communes), then the rings are assembled from the
 * projected arcs, as topojson-client does from raw ones (no GeoJSON in between). Point `p` is (coords[2p],
 * coords[2p + 1]); ring `r` ends before point ringEnds[r]; geometry `g` ends before ring featureEnds[g].
 * The projected arcs are kept for the borders: arc `a` is the points arcStarts[a] to arcStarts[a + 1] - 1 of
 * arcCoords (same layout as coords), and `mesh` lists the arcs of the geometries, each once (as topojson's mesh:
 * the border between two neighbours, and the outer boundary). `areas[g]`: projected area of geometry `g` (its
 * rings' areas summed regardless of winding: holes, rare, count as land); `arcAreas[a]`: the smallest area of
 * the geometries along arc `a`.
 * @param {{arcs: number[][][], transform?: {scale: [number, number], translate: [number, number]}}} topology
 * @param {{type: string | null, arcs?: any}[]} geometries geometry objects of the topology (ids, properties…)
 * @param {(point: [number, number]) => [number, number] | null} projection (a point it cannot place counts as
 *   its arc's previous point)
 * @returns {{coords: Float64Array, ringEnds: Uint32Array, featureEnds: Uint32Array,
 *   bounds: [[number, number], [number, number]], arcCoords: Float64Array, arcStarts: Uint32Array,
 *   mesh: Uint32Array, areas: Float64Array, arcAreas: Float64Array}} `bounds`: of the geometries' points
 */
export function projectTopology(topology, geometries, projection) {
  const [sx, sy] = topology.transform?.scale ?? [1, 1];
  const [tx, ty] = topology.transform?.translate ?? [0, 0];
  const quantized = Boolean(topology.transform);
  const arcs = topology.arcs;
  // All projected arcs in one array (arc a from point arcStart[a]), each projected when first used: one typed
  // array and no per-point allocation, as this loop is the bulk of the drawing time.
  const arcStart = new Uint32Array(arcs.length + 1);
  for (let a = 0; a < arcs.length; a++) arcStart[a + 1] = arcStart[a] + arcs[a].length;
  const projected = new Float64Array(2 * arcStart[arcs.length]);
  const done = new Uint8Array(arcs.length);
  /** @type {[number, number]} */
  const point = [0, 0];
  const project = (a) => {
    if (done[a]) return;
    done[a] = 1;
    const arc = arcs[a];
    let x = 0;
    let y = 0;
    let px = NaN;
    let py = NaN;
    for (let k = 0, o = 2 * arcStart[a]; k < arc.length; k++) {
      const position = arc[k];
      if (quantized) {
        x += position[0];
        y += position[1];
        point[0] = x * sx + tx;
        point[1] = y * sy + ty;
      } else [point[0], point[1]] = position;
      const xy = projection(point);
      if (xy) [px, py] = xy;
      projected[o++] = px;
      projected[o++] = py;
    }
  };
  let points = 0;
  let rings = 0;
  for (const g of geometries)
    for (const ring of ringsOf(g)) {
      rings++;
      for (const i of ring) {
        const a = i < 0 ? ~i : i;
        project(a);
        points += arcs[a].length;
      }
      points -= ring.length - 1; // arcs of a ring share their ends
    }
  const coords = new Float64Array(points * 2);
  const ringEnds = new Uint32Array(rings);
  const featureEnds = new Uint32Array(geometries.length);
  let p = 0;
  let r = 0;
  const areas = new Float64Array(geometries.length);
  const arcAreas = new Float64Array(arcs.length).fill(Infinity);
  geometries.forEach((g, f) => {
    const rings = ringsOf(g);
    for (const ring of rings) {
      const ringStart = p;
      for (let k = 0; k < ring.length; k++) {
        const i = ring[k];
        const a = i < 0 ? ~i : i;
        const start = arcStart[a];
        const n = arcStart[a + 1] - start;
        for (let m = k ? 1 : 0; m < n; m++) {
          const q = 2 * (start + (i < 0 ? n - 1 - m : m));
          coords[2 * p] = projected[q];
          coords[2 * p + 1] = projected[q + 1];
          p++;
        }
      }
      ringEnds[r++] = p;
      let twice = 0; // shoelace
      for (let u = ringStart, v = p - 1; u < p; v = u++)
        twice += coords[2 * v] * coords[2 * u + 1] - coords[2 * u] * coords[2 * v + 1];
      areas[f] += Math.abs(twice) / 2;
    }
    featureEnds[f] = r;
    for (const ring of rings)
      for (const i of ring) {
        const a = i < 0 ? ~i : i;
        if (areas[f] < arcAreas[a]) arcAreas[a] = areas[f];
      }
  });
  let used = 0;
  for (let a = 0; a < arcs.length; a++) used += done[a];
  const mesh = new Uint32Array(used);
  for (let a = 0, m = 0; a < arcs.length; a++) if (done[a]) mesh[m++] = a;
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let k = 0; k < coords.length; k += 2) {
    const x = coords[k];
    const y = coords[k + 1];
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  }
  return {
    coords,
    ringEnds,
    featureEnds,
    bounds: [
      [x0, y0],
      [x1, y1]
    ],
    arcCoords: projected,
    arcStarts: arcStart,
    mesh,
    areas,
    arcAreas
  };
}

/**
 * Paints groups of projected features on a 2D context: per group, a path of its features filled at once (every
 * {@link BATCH} features).
 * @param {CanvasRenderingContext2D} context already scaled to CSS pixels
 * @param {ReturnType<typeof projectTopology>} planar
 * @param {Map<string, number[]>} groups from {@link groupByFill}
 * @param {{transform?: [number, number, number], patterns?: Record<string, CanvasPattern | string>}} [options]
 *   `transform` [k, tx, ty]: (x, y) → (k x + tx, k y + ty), from the projected arrays to the frame; `patterns`:
 *   fills that are not colours (the patterns of secret values and of territories without data)
 * @returns {number} the number of features painted
 */
export function paintGroups(context, planar, groups, {transform = [1, 0, 0], patterns = {}} = {}) {
  const {coords, ringEnds, featureEnds} = planar;
  const [k, tx, ty] = transform;
  let painted = 0;
  for (const [fill, indices] of groups) {
    context.fillStyle = patterns[fill] ?? fill;
    for (let b = 0; b < indices.length; b += BATCH) {
      context.beginPath();
      for (const i of indices.slice(b, b + BATCH)) {
        for (let r = i ? featureEnds[i - 1] : 0; r < featureEnds[i]; r++) {
          const end = ringEnds[r];
          let p = r ? ringEnds[r - 1] : 0;
          if (p === end) continue;
          context.moveTo(k * coords[2 * p] + tx, k * coords[2 * p + 1] + ty);
          for (p++; p < end; p++) context.lineTo(k * coords[2 * p] + tx, k * coords[2 * p + 1] + ty);
          context.closePath();
        }
      }
      context.fill();
    }
    painted += indices.length;
  }
  return painted;
}

/**
 * The side of the average territory, in pixels once through the fit's scale `k`: √(area of the territories /
 * number of territories drawn).
 * @param {ReturnType<typeof projectTopology>} planar
 * @param {number} k scale of the fit's transform
 */
export function meanSide(planar, k) {
  const {areas, featureEnds} = planar;
  let area = 0;
  let territories = 0;
  for (let i = 0; i < featureEnds.length; i++)
    if (featureEnds[i] > (i ? featureEnds[i - 1] : 0)) {
      territories++;
      area += areas[i];
    }
  return territories ? k * Math.sqrt(area / territories) : 0;
}

/**
 * Territories smaller than this (px, side of a square of the same area) get no borders: they would only make the
 * map paler there. Nor do any when the average territory is this small.
 */
export const BORDER_MIN_SIDE = 2;

/**
 * Width (px) of the borders between territories whose average side is `side` px: none under
 * {@link BORDER_MIN_SIDE}, then growing with the side, from a hairline (0.2 px) to the 0.6 px of the SVG maps.
 * @param {number} side from {@link meanSide}
 */
export function borderWidth(side) {
  if (!(side >= BORDER_MIN_SIDE)) return 0;
  return Math.min(0.6, Math.max(0.2, side / 20));
}

/**
 * Strokes the borders of projected features: every arc of `planar.mesh` once (a border shared by two territories
 * is one arc), but those along a territory smaller than `minSide`, at most {@link MESH_BATCH} points per stroke()
 * call.
 * @param {CanvasRenderingContext2D} context already scaled to CSS pixels
 * @param {ReturnType<typeof projectTopology>} planar
 * @param {{color: string, width: number, transform?: [number, number, number], minSide?: number}} options
 *   `transform`: as in {@link paintGroups}; `minSide` (px, default 0): see {@link BORDER_MIN_SIDE}
 * @returns {number} the number of arcs stroked
 */
export function paintMesh(context, planar, {color, width, transform = [1, 0, 0], minSide = 0}) {
  const {arcCoords, arcStarts, arcAreas, mesh} = planar;
  const [k, tx, ty] = transform;
  const minArea = (minSide / k) ** 2;
  context.strokeStyle = color;
  context.lineWidth = width;
  let stroked = 0;
  let points = 0;
  context.beginPath();
  for (const a of mesh) {
    let p = arcStarts[a];
    const end = arcStarts[a + 1];
    if (end - p < 2 || arcAreas[a] < minArea) continue;
    context.moveTo(k * arcCoords[2 * p] + tx, k * arcCoords[2 * p + 1] + ty);
    for (p++; p < end; p++) context.lineTo(k * arcCoords[2 * p] + tx, k * arcCoords[2 * p + 1] + ty);
    stroked++;
    points += end - arcStarts[a];
    if (points >= MESH_BATCH) {
      context.stroke();
      context.beginPath();
      points = 0;
    }
  }
  if (points) context.stroke();
  return stroked;
}

/**
 * A canvas of width × height CSS pixels, sharp on high-density screens, with the groups painted on it, then their
 * borders when `border` has a width.
 * @param {{width: number, height: number, ratio?: number, planar: ReturnType<typeof projectTopology>,
 *   transform: [number, number, number], groups: Map<string, number[]>,
 *   border?: {color: string, width: number, minSide?: number}}} options `ratio`: device pixels per CSS pixel (default
 *   `devicePixelRatio`); fills named by the `PATTERN_KEYS` of map-patterns.js are painted with their patterns;
 *   `border`: see {@link paintMesh}
 * @returns {{canvas: HTMLCanvasElement, painted: number}}
 */
export function renderCanvas({
  width,
  height,
  ratio = globalThis.devicePixelRatio || 1,
  planar,
  transform,
  groups,
  border
}) {
  const canvas = document.createElement("canvas");
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  const context = canvas.getContext("2d");
  if (!context) return {canvas, painted: 0};
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  const patterns = canvasPatterns(context, ratio);
  const painted = paintGroups(context, planar, groups, {transform, patterns});
  if (border?.width) paintMesh(context, planar, {...border, transform});
  return {canvas, painted};
}

const SVG_NS = "http://www.w3.org/2000/svg";

/**
 * The SVG path data of feature `i` of projected features, through the transform [k, tx, ty] (for the outline of
 * the territory under the pointer).
 */
export function featurePathData(planar, i, [k, tx, ty]) {
  const {coords, ringEnds, featureEnds} = planar;
  const round = (v) => Math.round(v * 100) / 100;
  let d = "";
  for (let r = i ? featureEnds[i - 1] : 0; r < featureEnds[i]; r++)
    for (let p = r ? ringEnds[r - 1] : 0, start = p; p < ringEnds[r]; p++)
      d += `${p === start ? "M" : "L"}${round(k * coords[2 * p] + tx)},${round(k * coords[2 * p + 1] + ty)}${p === ringEnds[r] - 1 ? "Z" : ""}`;
  return d;
}

/**
 * A dense map: the canvas, under a transparent SVG of the same size that takes the pointer (tooltip: name and
 * value of the territory under it, outlined) and carries the accessible name (the caller describes it, e.g. with
 * `describeSvg`: role="img", title, description, focusable). Borders are white, {@link borderWidth} wide (the
 * element's `data-border`, "0" when territories are too small for them).
 * @param {{topology: object, geometries: object[], spec: import("./map-projection.js").ProjectionSpec,
 *   width: number, height?: number, fillOf: (geometry: object) => string,
 *   tipText: (geometry: object) => string}} options `geometries`: the topology's geometry objects to draw (ids,
 *   properties); `spec`: the projection options (`projectionFor`; its domain is not read: the map is fitted to the
 *   geometries); `height`: default from their aspect
 * @returns {{element: HTMLDivElement, overlay: SVGSVGElement, painted: number, height: number,
 *   raster: (ratio?: number) => SVGSVGElement}} `raster`: the map as an SVG holding a PNG image (for the PNG
 *   export; default twice the CSS size)
 */
export function canvasMap({topology, geometries, spec, width, height, fillOf, tipText}) {
  const planar = projectTopology(topology, geometries, baseProjection(spec));
  height ??= heightFor(planar.bounds, width);
  const {transform} = fitToBounds(baseProjection(spec), planar.bounds, width, height);
  const [k, tx, ty] = transform;
  const groups = groupByFill(geometries, fillOf);
  // White, as the borders of the SVG maps (Plot's stroke), over fills and background alike.
  const border = {color: "white", width: borderWidth(meanSide(planar, k)), minSide: BORDER_MIN_SIDE};
  const draw = (ratio) => renderCanvas({width, height, ratio, planar, transform, groups, border});
  const {canvas, painted} = draw();
  canvas.setAttribute("aria-hidden", "true");
  canvas.style.cssText = "display:block;width:100%;height:auto";

  const element = document.createElement("div");
  element.className = "kit-map-canvas";
  element.dataset.border = String(border.width);
  element.style.cssText = `position:relative;width:${width}px;max-width:100%`;
  const overlay = document.createElementNS(SVG_NS, "svg");
  overlay.setAttribute("viewBox", `0 0 ${width} ${height}`);
  overlay.setAttribute("width", String(width));
  overlay.setAttribute("height", String(height));
  overlay.style.cssText = "position:absolute;left:0;top:0;width:100%;height:100%";
  const outline = document.createElementNS(SVG_NS, "path");
  outline.setAttribute("fill", "none");
  outline.setAttribute("stroke", "black");
  outline.setAttribute("stroke-width", "1.5");
  outline.setAttribute("pointer-events", "none");
  overlay.append(outline);
  const tip = document.createElement("div");
  tip.className = "kit-map-tip";
  tip.hidden = true;
  tip.style.cssText =
    "position:absolute;pointer-events:none;background:white;border:1px solid #999;padding:3px 6px;font:12px system-ui,sans-serif;white-space:pre;box-shadow:0 1px 3px rgba(0,0,0,.25);z-index:1";
  element.append(canvas, overlay, tip);

  let index; // built on the first hover
  let current = -1;
  const hide = () => {
    current = -1;
    tip.hidden = true;
    outline.removeAttribute("d");
  };
  const show = (event) => {
    const box = overlay.getBoundingClientRect();
    if (!box.width || !box.height) return;
    const px = event.clientX - box.left;
    const py = event.clientY - box.top;
    index ??= featureIndex(planar);
    const i = index.find(((px * width) / box.width - tx) / k, ((py * height) / box.height - ty) / k);
    if (i < 0) return hide();
    if (i !== current) {
      current = i;
      tip.textContent = tipText(geometries[i]);
      outline.setAttribute("d", featurePathData(planar, i, transform));
    }
    tip.hidden = false;
    // Beside the pointer, on the side with more room.
    tip.style.left = `${px + 12}px`;
    tip.style.top = `${py + 12}px`;
    tip.style.transform = `translate(${px > box.width / 2 ? "calc(-100% - 24px)" : "0"}, ${py > box.height / 2 ? "calc(-100% - 24px)" : "0"})`;
  };
  overlay.addEventListener("pointermove", show);
  overlay.addEventListener("pointerdown", show);
  overlay.addEventListener("pointerleave", hide);
  overlay.addEventListener("keydown", (event) => event.key === "Escape" && hide());

  const raster = (ratio = 2) => imageSvg(draw(ratio).canvas.toDataURL("image/png"), width, height);
  return {element, overlay, painted, height, raster};
}
