/**
 * A position per commune for the défis that measure distances (défi « Accès aux France services »): the centroid
 * of the commune's boundary when the `contours` dataset is on disk, otherwise a demonstration position drawn
 * around the département's chef-lieu (seeded, labelled « démonstration » wherever shown). The COG gives no
 * coordinates, so there is no real position without contours.
 */
import {geoCentroid} from "d3";
import type {Feature} from "geojson";
import {feature} from "topojson-client";
import type {Topology} from "topojson-specification";
import {demoCommunes, demoRandom} from "../../demo/communes.ts";
import {gaussian} from "../../core/prng.ts";
import {CHEF_LIEU_POSITIONS} from "../../geo/tilegrid.ts";
import {contoursOnDisk} from "../maps.ts";
import {DROM_INSETS} from "../../../src/components/maps/insets.js";

/** A commune's position, WGS 84 degrees (real place, not the map inset). */
export interface CommunePosition {
  code: string;
  longitude: number;
  latitude: number;
}

/** What the data loader prints. */
export interface CommunePositions {
  status: "réel" | "démonstration";
  /** French sentence saying how the positions were obtained. */
  note: string;
  /** How many positions are contour centroids (the others are demonstration positions). */
  fromContours: number;
  rows: CommunePosition[];
}

const round = (x: number) => Math.round(x * 1e4) / 1e4;

/**
 * Moves a map position back from a DROM inset to its real place (inverse of `toInset` in insets.js); other
 * positions are returned unchanged.
 */
export function fromInset([x, y]: [number, number]): [number, number] {
  const RAD = Math.PI / 180;
  for (const inset of DROM_INSETS) {
    const [x0, y0, x1, y1] = inset.box as [number, number, number, number];
    const [cx, cy] = [(x0 + x1) / 2, (y0 + y1) / 2];
    const k = inset.zoom;
    const kx = (k * Math.cos(cy * RAD)) / Math.cos((inset.to[1] as number) * RAD);
    const real: [number, number] = [
      cx + (x - (inset.to[0] as number)) / kx,
      cy + (y - (inset.to[1] as number)) / k
    ];
    if (real[0] >= x0 - 0.5 && real[0] <= x1 + 0.5 && real[1] >= y0 - 0.5 && real[1] <= y1 + 0.5) return real;
  }
  return [x, y];
}

/** Centroids of the features of a kit commune topology (DROM insets moved back), by commune code. */
export function centroidsFromTopology(topology: Topology): Map<string, [number, number]> {
  const out = new Map<string, [number, number]>();
  for (const object of Object.values(topology.objects)) {
    const collection = feature(topology, object) as {features?: Feature[]} | Feature;
    const features = "features" in collection && collection.features ? collection.features : [];
    for (const f of features) {
      if (f.id === undefined || !f.geometry) continue;
      const [lon, lat] = geoCentroid(f);
      if (Number.isFinite(lon) && Number.isFinite(lat)) out.set(String(f.id), fromInset([lon, lat]));
    }
  }
  return out;
}

/**
 * Demonstration positions: each commune drawn around its département's chef-lieu (metropolitan France) or inside
 * its DROM's box, with a fixed seed. Not real places.
 */
export function demoPositions(
  communes: readonly {code: string; departement: string}[] = demoCommunes()
): Map<string, [number, number]> {
  const random = demoRandom("defis-positions-communes");
  const boxes = new Map<string, [number, number, number, number]>(
    DROM_INSETS.map((d) => [d.code, d.box as [number, number, number, number]])
  );
  const out = new Map<string, [number, number]>();
  for (const c of communes) {
    const centre = CHEF_LIEU_POSITIONS[c.departement];
    const box = boxes.get(c.departement);
    if (centre) {
      out.set(c.code, [centre[0] + gaussian(random, 0, 0.3), centre[1] + gaussian(random, 0, 0.2)]);
    } else if (box) {
      out.set(c.code, [box[0] + random() * (box[2] - box[0]), box[1] + random() * (box[3] - box[1])]);
    }
  }
  return out;
}

/**
 * One position per current commune: contour centroids where the commune topology has the commune, demonstration
 * positions elsewhere.
 */
export function combinePositions(
  communes: readonly {code: string; departement: string}[],
  centroids: ReadonlyMap<string, [number, number]>
): CommunePositions {
  const demo = demoPositions(communes.filter((c) => !centroids.has(c.code)));
  const rows: CommunePosition[] = [];
  let fromContours = 0;
  for (const c of communes) {
    const real = centroids.get(c.code);
    const p = real ?? demo.get(c.code);
    if (!p) continue;
    if (real) fromContours++;
    rows.push({code: c.code, longitude: round(p[0]), latitude: round(p[1])});
  }
  const status = fromContours === rows.length && rows.length > 0 ? "réel" : "démonstration";
  const note =
    fromContours === 0
      ? "Positions de démonstration : les contours des communes ne sont pas chargés, chaque commune est placée au hasard (graine fixe) autour du chef-lieu de son département. Les distances calculées ne décrivent pas la réalité."
      : fromContours === rows.length
        ? "Positions : centre géométrique (centroïde) du contour de chaque commune (IGN ADMIN EXPRESS COG)."
        : `Positions : centroïde du contour pour ${fromContours} communes ; les ${rows.length - fromContours} autres (contours non chargés) sont des positions de démonstration.`;
  return {status, note, fromContours, rows};
}

/** The positions the défi pages use, from the contours on disk if any. */
export async function communePositions(): Promise<CommunePositions> {
  const found = await contoursOnDisk("commune");
  const centroids = found ? centroidsFromTopology(found.topology as Topology) : new Map();
  return combinePositions(demoCommunes(), centroids);
}
