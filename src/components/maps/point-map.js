// Point map (lieux de médiation numérique, France services, schools…): dots with tooltips, or a hexagonal
// density when there are many points; DROM points moved to the same insets as the kit's boundaries.
import * as Plot from "npm:@observablehq/plot";
import {attributionText, topologyAttribution} from "./attribution.js";
import {describeSvg, figure, projectionFor, topologyFeatures} from "./choropleth.js";
import {formatNumber} from "../formats/format.js";
import {toInset} from "./insets.js";
import {territoryFilter} from "./map-join.js";

const field = (f) => (typeof f === "function" ? f : (d) => d[f]);
/** A coordinate as a number; NaN when missing (null and "" are not 0). */
const coordinate = (v) =>
  v == null || v === "" ? NaN : typeof v === "string" ? Number(v.replace(",", ".")) : +v;

/**
 * Draws points.
 * @param {Iterable<object>} data rows with coordinates (WGS 84)
 * @param {object} options
 * @param {string} [options.title] title and accessible name (default « Carte de points »)
 * @param {string} [options.description]
 * @param {string | Function} [options.longitude] default "longitude"
 * @param {string | Function} [options.latitude] default "latitude"
 * @param {string | Function} [options.name] label in tooltips (default "nom")
 * @param {string | Function} [options.code] commune code, for `within` (default "code_insee")
 * @param {{departement?: string, region?: string}} [options.within] keep the points of one territory (zooms)
 * @param {Map<string, string>} [options.regionOf] département → région, for `within.region`
 * @param {object} [options.background] a kit TopoJSON drawn below (longitude/latitude boundaries only)
 * @param {"auto" | "dots" | "hexbin"} [options.mode] default "auto": hexbin above `threshold` points
 * @param {number} [options.threshold] default 1500
 * @param {string[]} [options.sources] attribution of the points (e.g. "ANCT – …", "demo")
 * @param {number} [options.width] default 640
 * @param {number} [options.height]
 * @returns {HTMLElement}
 */
export function pointMap(data, options = {}) {
  const {title = "Carte de points", width = 640, mode = "auto", threshold = 1500} = options;
  const lon = field(options.longitude ?? "longitude");
  const lat = field(options.latitude ?? "latitude");
  const name = field(options.name ?? "nom");
  const code = field(options.code ?? "code_insee");
  const keep = territoryFilter("commune", options.within, options.regionOf ?? new Map());
  const points = [];
  let skipped = 0;
  for (const d of data) {
    const x = coordinate(lon(d));
    const y = coordinate(lat(d));
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      skipped++;
      continue;
    }
    if (!keep({id: code(d)})) continue;
    const [ix, iy] = toInset([x, y]);
    points.push({x: ix, y: iy, datum: d});
  }
  const background = options.background;
  if (background?.kit?.projection === "grid")
    throw new Error("pointMap: un fond en tuiles ne peut pas porter de points");
  const backgroundFeatures = background
    ? topologyFeatures(background).filter(
        territoryFilter(background.kit?.level ?? "departement", options.within, options.regionOf ?? new Map())
      )
    : [];
  const domain = backgroundFeatures.length
    ? {type: "FeatureCollection", features: backgroundFeatures}
    : {
        type: "MultiPoint",
        coordinates: points.length
          ? points.map((p) => [p.x, p.y])
          : [
              [-5, 42],
              [9, 51]
            ]
      };
  const hex = mode === "hexbin" || (mode === "auto" && points.length > threshold);
  const svg = Plot.plot({
    width,
    height: options.height,
    projection: projectionFor({kit: {projection: "conic"}}, domain),
    color: hex ? {scheme: "YlOrRd", legend: false} : undefined,
    r: hex ? {range: [0, 9]} : undefined,
    marks: [
      backgroundFeatures.length
        ? Plot.geo(backgroundFeatures, {fill: "#f3f3f3", stroke: "#999", strokeWidth: 0.4})
        : null,
      hex
        ? Plot.dot(
            points,
            Plot.hexbin(
              {r: "count", fill: "count"},
              {x: "x", y: "y", binWidth: 10, tip: true, stroke: "#7a1c00", strokeWidth: 0.3}
            )
          )
        : Plot.dot(points, {
            x: "x",
            y: "y",
            r: 2.5,
            fill: "#0b5cad",
            stroke: "white",
            strokeWidth: 0.5,
            ariaLabel: (p) => String(name(p.datum) ?? ""),
            tip: true,
            title: (p) => `${name(p.datum) ?? "Sans nom"}${code(p.datum) ? ` (${code(p.datum)})` : ""}`
          })
    ]
  });
  describeSvg(svg, title, [
    options.description,
    `${formatNumber(points.length)} points${hex ? ", regroupés en hexagones (taille et couleur : nombre de points)" : ""}.`
  ]);
  /** @type {string[]} */
  const notes = [];
  if (skipped) notes.push(`${formatNumber(skipped)} ligne(s) sans coordonnées ne sont pas dessinées.`);
  if (!backgroundFeatures.length)
    notes.push(
      "Fond de carte absent : chargez les contours (npm run data -- load contours --input …) pour l'afficher."
    );
  let legend = null;
  if (hex) {
    legend = svg.ownerDocument.createElement("p");
    legend.className = "kit-map-legend-extra";
    legend.textContent =
      "Chaque hexagone regroupe les points proches : plus il est grand et foncé, plus il y en a.";
  }
  const sources = options.sources ?? [];
  const attribution = background ? topologyAttribution(background, sources) : attributionText(sources);
  return figure({title, legend, svg, notes, attribution, exportParts: () => [svg]});
}
