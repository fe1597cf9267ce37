/**
 * The map of each territorial level for the workshop pages, fetched only when a chart needs it: the kit's
 * contours when they were loaded (`npm run data -- load contours` / `fetch contours`), else the committed basemap
 * of real boundaries (`data/basemap/`, every level, offline); null only for a kit whose basemap was removed.
 */
import {FileAttachment} from "observablehq:stdlib";

const CANDIDATES = {
  commune: () => [FileAttachment("../../data/contours-commune.topojson")],
  epci: () => [FileAttachment("../../data/contours-epci.topojson")],
  departement: () => [
    FileAttachment("../../data/contours-departement.topojson"),
    FileAttachment("../../data/fond-departements.topojson")
  ],
  region: () => [FileAttachment("../../data/fond-regions.topojson")]
};

const cache = new Map();

/**
 * The topology of a level, or null when this site has none (no contours loaded and no basemap).
 * @param {"commune" | "epci" | "departement" | "region"} level
 */
export function levelTopology(level) {
  if (!cache.has(level))
    cache.set(
      level,
      (async () => {
        for (const file of CANDIDATES[level]?.() ?? []) {
          const topology = await file.json();
          if (!topology.kit?.absent && Object.keys(topology.objects ?? {}).length) return topology;
        }
        return null;
      })()
    );
  return cache.get(level);
}
