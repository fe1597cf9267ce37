/**
 * Draws the chart chosen by {@link chooseChart} for a query result: Plot bars or line, or a choropleth through
 * the geography components. Maps come from a `topology(level)` function given by the page, which resolves to
 * null when the level has no boundaries on this site (commune and EPCI maps need `contours` to be loaded).
 */
import * as Plot from "npm:@observablehq/plot";
import {chooseChart} from "./auto-chart.js";
import {choropleth} from "../maps/choropleth.js";
import {formatNumber} from "../formats/format.js";

const LEVEL_NAMES = {commune: "communes", epci: "EPCI", departement: "départements", region: "régions"};

/** Plain JS rows of an Arrow table (or array), at most `limit`. */
export function rowsOf(table, limit = Infinity) {
  const out = [];
  for (const row of table) {
    if (out.length >= limit) break;
    out.push(typeof row?.toJSON === "function" ? row.toJSON() : row);
  }
  return out;
}

const number = (v) => (typeof v === "bigint" ? Number(v) : v);

function note(text) {
  const p = document.createElement("p");
  p.className = "kit-chart-note";
  p.textContent = text;
  return p;
}

/**
 * The chart of a result, or a short note saying why there is none.
 * @param {any} table an Apache Arrow table
 * @param {{topology?: (level: string) => Promise<any | null>, width?: number}} [options]
 * @returns {Promise<Element>}
 */
export async function autoChart(table, {topology, width = 640} = {}) {
  const fields = table.schema?.fields ?? [];
  const rows = rowsOf(table, 5000).map((r) =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [k, number(v)]))
  );
  const spec = chooseChart(fields, rows.slice(0, 200));
  if (spec.type === "none") return note(`Pas de graphique automatique : ${spec.reason}.`);
  const tickFormat = (d) => formatNumber(d);
  if (spec.type === "map") {
    const topo = topology ? await topology(spec.level) : null;
    if (!topo)
      return note(
        `Carte des ${LEVEL_NAMES[spec.level]} indisponible : chargez les contours (npm run data -- fetch contours).`
      );
    return choropleth(topo, rows, {
      title: `${spec.value} par ${spec.level === "epci" ? "EPCI" : spec.level}`,
      label: spec.value,
      code: (r) => String(r[spec.code]),
      value: spec.value,
      width
    });
  }
  if (spec.type === "line")
    return Plot.plot({
      width,
      y: {grid: true, label: spec.y, tickFormat},
      x: {label: spec.x},
      marks: [Plot.lineY(rows, {x: spec.x, y: spec.y, tip: true}), Plot.ruleY([0])]
    });
  const bars = rows.length > 40 ? rows.slice(0, 40) : rows;
  return Plot.plot({
    width,
    marginLeft: 160,
    height: Math.max(120, bars.length * 18 + 40),
    x: {grid: true, label: spec.y, tickFormat},
    y: {
      label: null,
      domain: bars.map((d) => String(d[spec.x])),
      tickFormat: (d) => (String(d).length > 26 ? String(d).slice(0, 25) + "…" : d)
    },
    caption: rows.length > 40 ? `Les 40 premières lignes sur ${formatNumber(rows.length)}.` : undefined,
    marks: [
      Plot.barX(bars, {
        x: spec.y,
        y: (d) => String(d[spec.x]),
        fill: "var(--kit-blue, steelblue)",
        tip: true
      }),
      Plot.ruleX([0])
    ]
  });
}
