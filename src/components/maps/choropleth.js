// Choropleth map of an indicator keyed by territory code, at any level (commune, EPCI, département, région),
// from a kit TopoJSON (boundaries from `contours`, or the tile grids of src/data/fond-*.topojson.ts).
import * as Plot from "npm:@observablehq/plot";
import * as d3 from "npm:d3";
import * as topojson from "npm:topojson-client";
import {topologyAttribution} from "./attribution.js";
import {formatNumber} from "../formats/format.js";
import {canvasMap} from "./map-canvas.js";
import {composeSvg, exportButtons, slug} from "./map-export.js";
import {joinValues, territoryFilter} from "./map-join.js";
import {PATTERN_KEYS, PATTERN_NOTE, patternDefs, patternFill, patternSwatch} from "./map-patterns.js";
import {classLabels, classify, computeBins} from "./map-scale.js";

/**
 * Above this many territories, maps are drawn on a canvas. Measured in Chromium: the SVG is as fast up to the
 * ~1,250 EPCI, while 35,000 communes take seconds as SVG and a fraction of a second on canvas.
 */
export const CANVAS_ABOVE = 5000;
let uid = 0;
const featureCache = new WeakMap();

/** The geometry objects of a topology's object (default: its first object): ids, properties, arcs. */
export function topologyGeometries(topology, object) {
  const o = topology.objects[object ?? Object.keys(topology.objects)[0]];
  return o.type === "GeometryCollection" ? o.geometries : [o];
}

/**
 * The features of a topology's object (default: its first object), ids = codes. Computed once per topology and
 * object (a page redraws its map on every change of its inputs): treat the array as read-only.
 */
export function topologyFeatures(topology, object) {
  const name = object ?? Object.keys(topology.objects)[0];
  let byName = featureCache.get(topology);
  if (!byName) featureCache.set(topology, (byName = new Map()));
  if (!byName.has(name)) byName.set(name, topojson.feature(topology, topology.objects[name]).features);
  return byName.get(name);
}

/**
 * Plot projection for a kit topology: identity for tile grids (y down) and Lambert-93 files, conic conformal
 * centred on France (parallels 44° and 49°, as Lambert-93) for longitude/latitude.
 * @param {{kit?: {projection?: string}}} topology
 * @param {object} [domain]
 * @returns {import("./map-projection.js").ProjectionSpec & {domain?: object}}
 */
export function projectionFor(topology, domain) {
  const kind = topology.kit?.projection;
  if (kind === "grid") return {type: "identity", domain};
  if (kind === "lambert93") return {type: "reflect-y", domain};
  return {type: "conic-conformal", parallels: [44, 49], rotate: [-3, 0], domain};
}

/** Colours of the classes: sequential (Blues) or diverging (RdBu, low = red… high = blue, reversible). */
function colorsOf(bins, scheme, reverse) {
  const n = Math.max(bins.classes, 1);
  const interpolate = d3[`interpolate${scheme ?? (bins.type === "diverging" ? "RdBu" : "Blues")}`];
  if (!interpolate) throw new Error(`choropleth: palette inconnue ${scheme}`);
  const t =
    n === 1
      ? [0.6]
      : d3.range(n).map((i) => (bins.type === "diverging" ? i / (n - 1) : 0.15 + (0.8 * i) / (n - 1)));
  const colors = t.map((x) => interpolate(x));
  return reverse ? colors.reverse() : colors;
}

/**
 * Draws a choropleth.
 * @param {object} topology a kit TopoJSON (`kit.projection`, `kit.attribution`, ids = codes)
 * @param {Iterable<object>} rows indicator rows, one per territory
 * @param {object} options
 * @param {string} [options.title] title (also the accessible name of the map; default « Carte »)
 * @param {string} [options.description] longer description for screen readers
 * @param {string} [options.label] name of the indicator (legend, tooltip)
 * @param {string | ((row: any) => string)} [options.code] code field or accessor (default "code")
 * @param {string | ((row: any) => unknown)} [options.value] value field or accessor (default "value")
 * @param {(row: object) => boolean} [options.secret] tells secret rows (default: value "s", "secret", "nd"…)
 * @param {{type?: "quantile" | "threshold" | "diverging", classes?: number, thresholds?: number[], center?: number}} [options.scale]
 * @param {string} [options.scheme] d3 interpolator name without prefix ("Blues", "Viridis", "RdBu"…)
 * @param {boolean} [options.reverse] reverse the colours
 * @param {(x: number) => string} [options.format] value format (default French numbers)
 * @param {{departement?: string, region?: string}} [options.within] zoom on one département or région
 * @param {Map<string, string>} [options.regionOf] département → région, for `within.region`
 * @param {Map<string, string[]>} [options.departementsOfEpci] EPCI → départements, for EPCI maps with `within`
 * @param {string} [options.object] topology object (default: the first)
 * @param {boolean} [options.labels] write codes on the territories (default: on tile grids)
 * @param {string[]} [options.sources] more attribution (keys of SOURCES or texts), e.g. the indicator's source
 * @param {number} [options.width] default 640
 * @param {number} [options.height]
 * @param {"auto" | "svg" | "canvas"} [options.render] drawing: SVG, canvas, or (default) canvas above
 *   {@link CANVAS_ABOVE} territories. A canvas map has a tooltip and the same legend, description and exports,
 *   but no per-territory element for screen readers or keyboard focus.
 * @returns {HTMLElement} a <figure> with legend, map, notes, attribution and export buttons
 */
export function choropleth(topology, rows, options = {}) {
  const {
    title = "Carte",
    description,
    label = "Valeur",
    format = (x) => formatNumber(x),
    width = 640
  } = options;
  const level = topology.kit?.level ?? options.object ?? "departement";
  // Territories as the topology's geometry objects (id, properties): joins and canvas maps need no GeoJSON.
  const all = topologyGeometries(topology, options.object);
  const keep = territoryFilter(
    level,
    options.within,
    options.regionOf ?? new Map(),
    options.departementsOfEpci
  );
  const shown = all.filter(keep);
  if (shown.length === 0)
    throw new Error(`choropleth: aucun territoire à afficher (${JSON.stringify(options.within)})`);
  const joined = joinValues(all, rows, {code: options.code, value: options.value, secret: options.secret});
  // Every territory has its entry (joinValues gives each feature one).
  const entry = (f) => /** @type {import("./map-join.js").JoinedValue} */ (joined.values.get(String(f.id)));
  const bins = computeBins(
    shown.map((f) => entry(f).value),
    options.scale
  );
  const colors = colorsOf(bins, options.scheme, options.reverse);
  const nameOf = (f) => f.properties?.name ?? f.properties?.nom ?? String(f.id);
  const text = (f) => {
    const e = entry(f);
    return e.status === "value"
      ? format(/** @type {number} */ (e.value))
      : e.status === "secret"
        ? "masqué (petit effectif)"
        : "pas de donnée";
  };
  const patterns = `kit-pattern-${++uid}`;
  const grid = topology.kit?.projection === "grid";
  const labels = options.labels ?? grid;
  const statusCount = (s) => shown.filter((f) => entry(f).status === s).length;
  const descriptions = [
    description,
    `${shown.length} territoires : ${joined.counts.value} avec une valeur, ${statusCount("secret")} masqués (petit effectif), ${statusCount("missing")} sans donnée.`
  ];
  const tipText = (f) => `${nameOf(f)} (${f.id})\n${label} : ${text(f)}`;

  /** The map as Plot's SVG: one path per territory (drawn for small maps, or on demand for the SVG export). */
  const plotSvg = () => {
    const features = topologyFeatures(topology, options.object).filter(keep);
    const dense = features.length > 2000;
    const stroke = {stroke: "white", strokeWidth: dense ? 0.05 : 0.6};
    const byStatus = (s) => features.filter((f) => entry(f).status === s);
    const svg = Plot.plot({
      width,
      height: options.height,
      projection: projectionFor(topology, {type: "FeatureCollection", features}),
      marks: [
        Plot.geo(byStatus("missing"), {
          fill: patternFill(patterns, "missing"),
          ...stroke,
          ariaLabel: (f) => `${nameOf(f)} : ${text(f)}`
        }),
        Plot.geo(byStatus("secret"), {
          fill: patternFill(patterns, "secret"),
          ...stroke,
          ariaLabel: (f) => `${nameOf(f)} : ${text(f)}`
        }),
        Plot.geo(byStatus("value"), {
          fill: (f) => colors[classify(entry(f).value, bins.thresholds)],
          ...stroke,
          ariaLabel: (f) => `${nameOf(f)} : ${text(f)}`
        }),
        labels
          ? Plot.text(
              features,
              Plot.centroid({
                // Codes on département tiles; names, wrapped, when the tiles are few and large (régions).
                text: (f) => (shown.length <= 30 ? nameOf(f) : f.id),
                lineWidth: 7,
                fontSize: shown.length <= 30 ? 11 : 9,
                fill: "black",
                stroke: "white",
                strokeWidth: 2.5,
                pointerEvents: "none"
              })
            )
          : null,
        Plot.tip(features, Plot.pointer(Plot.centroid({title: tipText, maxRadius: dense ? 10 : 60})))
      ]
    });
    svg.prepend(patternDefs(patterns));
    describeSvg(svg, title, descriptions);
    return svg;
  };

  const legend = Plot.legend({
    color: {type: "threshold", domain: bins.thresholds, range: colors, label, tickFormat: format},
    width: Math.min(width, 360)
  });
  legend.setAttribute("aria-label", `Légende : ${classLabels(bins.thresholds, format).join(" ; ")}`);
  const extra = document.createElement("div");
  extra.className = "kit-map-legend-extra";
  extra.append(
    patternSwatch("missing", `${patterns}-legend-missing`),
    " ",
    patternSwatch("secret", `${patterns}-legend-secret`)
  );

  const render = renderMode(options.render, shown.length, labels);
  let map;
  let rasterParts;
  if (render === "canvas") {
    const fillOf = (f) => {
      const e = entry(f);
      return e.status === "value"
        ? colors[classify(/** @type {number} */ (e.value), bins.thresholds)]
        : PATTERN_KEYS[e.status === "secret" ? "secret" : "missing"];
    };
    const drawing = canvasMap({
      topology,
      geometries: shown,
      spec: projectionFor(topology),
      width,
      height: options.height,
      fillOf,
      tipText
    });
    describeSvg(drawing.overlay, title, descriptions);
    map = drawing.element;
    rasterParts = () => [legend, drawing.raster()];
  } else {
    map = plotSvg();
    if (shown.length <= 400)
      for (const path of map.querySelectorAll("g[aria-label] path[aria-label]"))
        path.setAttribute("tabindex", "0");
  }

  const attribution = topologyAttribution(topology, options.sources ?? []);
  /** @type {string[]} */
  const notes = [];
  if (joined.unmatched.length) {
    const list = joined.unmatched.slice(0, 12).join(", ") + (joined.unmatched.length > 12 ? "…" : "");
    notes.push(`${joined.unmatched.length} code(s) des données absents de la carte : ${list}`);
  }
  const fig = figure({
    title,
    legend,
    extra,
    svg: map,
    notes,
    attribution,
    // The SVG export of a canvas map is Plot's SVG, built on click (seconds for all communes).
    exportParts: () => [legend, render === "canvas" ? plotSvg() : map],
    rasterParts,
    exportLines: [PATTERN_NOTE]
  });
  fig.dataset.render = render;
  fig.dataset.features = String(shown.length);
  fig.insertBefore(
    valuesTable(shown, {title, label, name: nameOf, text}),
    fig.querySelector(".kit-map-attribution")
  );
  return fig;
}

/**
 * The text alternative of a map, reachable by keyboard: a disclosure « Tableau des valeurs » whose table (name,
 * code, value or « masqué (petit effectif) » / « pas de donnée ») is built the first time it is opened (all communes
 * make 35 000 rows). Its scroll container is focusable, so the keyboard can scroll it.
 * @param {object[]} territories the geometry objects shown (id, properties)
 * @param {{title: string, label: string, name: (f: object) => string, text: (f: object) => string}} options
 */
export function valuesTable(territories, {title, label, name, text}) {
  const details = document.createElement("details");
  details.className = "kit-map-table no-print";
  const summary = document.createElement("summary");
  summary.textContent = `Tableau des valeurs (${territories.length} territoires)`;
  details.append(summary);
  details.addEventListener("toggle", () => {
    if (!details.open || details.querySelector("table")) return;
    const scroll = document.createElement("div");
    scroll.className = "kit-map-table-scroll";
    scroll.tabIndex = 0;
    scroll.setAttribute("role", "region");
    scroll.setAttribute("aria-label", `Valeurs de la carte : ${title}`);
    const table = document.createElement("table");
    const caption = table.createCaption();
    caption.textContent = title;
    const head = table.createTHead().insertRow();
    for (const h of ["Territoire", "Code", label]) {
      const th = document.createElement("th");
      th.scope = "col";
      th.textContent = h;
      head.append(th);
    }
    const body = table.createTBody();
    const sorted = [...territories].sort((a, b) => name(a).localeCompare(name(b), "fr"));
    for (const f of sorted) {
      const row = body.insertRow();
      const th = document.createElement("th");
      th.scope = "row";
      th.textContent = name(f);
      row.append(th);
      row.insertCell().textContent = String(f.id);
      row.insertCell().textContent = text(f);
    }
    scroll.append(table);
    details.append(scroll);
  });
  return details;
}

/**
 * How a map is drawn: `svg` (one element per territory, Plot) or `canvas` (for dense maps, see map-canvas.js).
 * `auto` picks the canvas above {@link CANVAS_ABOVE} territories, unless labels are asked for (SVG only).
 */
export function renderMode(render = "auto", count, labels = false) {
  if (render === "svg" || render === "canvas") return render;
  if (render !== "auto") throw new Error(`choropleth: rendu inconnu ${render} (auto, svg ou canvas)`);
  return count > CANVAS_ABOVE && !labels ? "canvas" : "svg";
}

/** Sets the accessible name and description of a map SVG and makes it focusable. */
export function describeSvg(svg, title, descriptions) {
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", title);
  svg.setAttribute("tabindex", "0");
  const ns = "http://www.w3.org/2000/svg";
  const t = document.createElementNS(ns, "title");
  t.textContent = title;
  const d = document.createElementNS(ns, "desc");
  d.textContent = descriptions.filter(Boolean).join(" ");
  svg.prepend(t, d);
}

const STYLE = `.kit-map{margin:1rem 0;max-width:100%}.kit-map-title{font-weight:600;font-size:1rem;margin-bottom:.3rem}
.kit-map-legend-extra{font-size:12px;display:flex;gap:1rem;align-items:center;margin:.2rem 0}
.kit-map-swatch{display:inline-flex;gap:.3rem;align-items:center}.kit-map svg[role=img]:focus,.kit-map path[tabindex]:focus{outline:2px solid #0b5cad;outline-offset:1px}
.kit-map-note{font-size:12px;color:#6b3d00}.kit-map-attribution{font-size:11px;color:#555;margin:.2rem 0}
.kit-map-table summary{cursor:pointer;font-size:13px;color:#0b5cad;text-decoration:underline}.kit-map-table-scroll{max-height:320px;overflow:auto}
.kit-map-table table{font-size:12px}.kit-map-table th[scope=row]{font-weight:normal}
.kit-map-export{display:flex;gap:.5rem}.kit-map-export button{font-size:12px}`;

function ensureStyle(doc) {
  if (doc.getElementById("kit-map-style")) return;
  const style = doc.createElement("style");
  style.id = "kit-map-style";
  style.textContent = STYLE;
  doc.head.append(style);
}

/**
 * The <figure> around a map: title, legend, map, notes, attribution, export buttons. `exportParts` gives the SVG
 * elements of the SVG export, `rasterParts` those of the PNG export (default: the same).
 * @param {{title: string, legend?: Element | null, extra?: Element | null, svg: Element, notes?: string[],
 *   attribution: string, exportParts: () => Element[], rasterParts?: () => Element[], exportLines?: string[]}} parts
 * @returns {HTMLElement}
 */
export function figure({
  title,
  legend,
  extra,
  svg,
  notes = [],
  attribution,
  exportParts,
  rasterParts = exportParts,
  exportLines = []
}) {
  ensureStyle(document);
  const fig = document.createElement("figure");
  fig.className = "kit-map";
  const caption = document.createElement("figcaption");
  caption.className = "kit-map-title";
  caption.textContent = title;
  fig.append(caption);
  if (legend) fig.append(legend);
  if (extra) fig.append(extra);
  fig.append(svg);
  for (const note of notes) {
    const p = document.createElement("p");
    p.className = "kit-map-note";
    p.textContent = note;
    fig.append(p);
  }
  const source = document.createElement("p");
  source.className = "kit-map-attribution";
  source.textContent = attribution;
  fig.append(source);
  const text = {title, lines: [...exportLines, ...notes, attribution]};
  fig.append(
    exportButtons(
      () => composeSvg(exportParts(), text),
      slug(title),
      () => composeSvg(rasterParts(), text)
    )
  );
  return fig;
}

/**
 * Draws every feature of a topology with a value per feature (for the browser benchmark: time to draw all
 * communes). Values are the feature's rank, so every class is used.
 * @param {object} topology a kit TopoJSON
 * @param {{width?: number, object?: string, render?: "auto" | "svg" | "canvas"}} [options]
 */
export function drawTopology(topology, {width = 960, object, render} = {}) {
  const rows = topologyGeometries(topology, object).map((g, i) => ({code: String(g.id), value: i}));
  return choropleth(topology, rows, {
    title: "Banc d'essai : tous les territoires",
    width,
    object,
    render,
    sources: []
  });
}
