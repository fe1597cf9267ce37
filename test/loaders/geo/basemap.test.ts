import {existsSync} from "node:fs";
import {cp, mkdir, mkdtemp, readFile, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {feature} from "topojson-client";
import type {GeometryCollection, Topology} from "topojson-specification";
import {describe, expect, it} from "vitest";
import {kitPaths} from "../../../loaders/core/paths.ts";
import {
  BASEMAP_DIR,
  BASEMAP_LAYERS,
  basemapFile,
  buildBasemapLayer,
  DEFAULT_GEO_DIR,
  gzipSize,
  readBasemap
} from "../../../loaders/geo/basemap.ts";
import {cogDepartements, cogRegions} from "../../../loaders/geo/cog-data.ts";
import {contoursOrAbsent} from "../../../loaders/site/maps.ts";

type KitTopology = Topology & {kit: {level: string; insets: boolean; attribution: string; cog: string}};

const committed = async (level: string) => (await readBasemap(level as never)) as KitTopology;
const codesOf = (t: KitTopology) =>
  (t.objects[t.kit.level] as GeometryCollection).geometries.map((g) => g.id);
const notCom = (z: {zone: string}) => z.zone !== "com";

describe("the committed basemap (data/basemap/, usable without ../shared)", () => {
  it("has every level, each within its gzip budget and attributed to its sources and the COG", async () => {
    for (const layer of BASEMAP_LAYERS) {
      const text = await readFile(basemapFile(layer.level), "utf8");
      expect(gzipSize(text), layer.level).toBeLessThanOrEqual(layer.budget);
      const topology = JSON.parse(text) as KitTopology;
      expect(topology.kit).toMatchObject({level: layer.level, insets: true});
      expect(topology.kit.attribution).toContain(layer.attribution);
      expect(topology.kit.attribution).toContain("Code officiel géographique 2026");
    }
  });
  it("keeps the commune layer under 1.5 MB and départements and régions under 150 kB, gzipped", async () => {
    const size = async (level: string) => gzipSize(await readFile(basemapFile(level as never), "utf8"));
    expect(await size("commune")).toBeLessThanOrEqual(1_500_000);
    expect(await size("departement")).toBeLessThanOrEqual(150_000);
    expect(await size("region")).toBeLessThanOrEqual(150_000);
  });
  it("holds every département and région of COG 2026 (DROM included), keyed by their codes", async () => {
    const deps = cogDepartements()
      .filter(notCom)
      .map((d) => d.code);
    const regs = cogRegions()
      .filter(notCom)
      .map((r) => r.code);
    expect(codesOf(await committed("departement")).sort()).toEqual([...deps].sort());
    expect(codesOf(await committed("region")).sort()).toEqual([...regs].sort());
  });
  it("holds nearly all communes of COG 2026 and the EPCI", async () => {
    expect(codesOf(await committed("commune")).length).toBeGreaterThan(34_800);
    expect(codesOf(await committed("epci")).length).toBeGreaterThan(1_200);
  });
  it("draws real outlines, not tiles: many vertices per département, DROM moved beside the mainland", async () => {
    const topology = await committed("departement");
    const features = feature(topology, topology.objects.departement as GeometryCollection).features;
    const rings = (g: {type: string; coordinates: unknown}) =>
      (g.type === "Polygon" ? [g.coordinates] : (g.coordinates as unknown[])).flat() as number[][][];
    const vertices = features.map((f) => rings(f.geometry as never).reduce((n, r) => n + r.length, 0));
    expect(Math.min(...vertices)).toBeGreaterThan(12);
    const reunion = features.find((f) => f.id === "974")!;
    const [lon, lat] = rings(reunion.geometry as never)[0]![0]!;
    expect(lon).toBeLessThan(0); // moved from the Indian Ocean to the kit's inset west of France
    expect(lat).toBeGreaterThan(40);
  });
  it("records where each layer came from (file, sha256, what load contours reported)", async () => {
    const meta = JSON.parse(await readFile(join(BASEMAP_DIR, "basemap.meta.json"), "utf8"));
    expect(meta.layers.map((l: {level: string}) => l.level)).toEqual(BASEMAP_LAYERS.map((l) => l.level));
    for (const l of meta.layers) {
      expect(l.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(l.unmapped).toEqual([]);
    }
  });
});

describe("the maps' loaders serve the basemap by default", () => {
  it("serve a level from the basemap when no contours were loaded, and say so", async () => {
    const root = await mkdtemp(join(tmpdir(), "kit-basemap-"));
    try {
      const paths = kitPaths(root);
      await mkdir(paths.basemap, {recursive: true});
      await cp(basemapFile("region"), basemapFile("region", paths.basemap));
      expect(await contoursOrAbsent("region", paths)).toMatchObject({
        kit: {origin: "basemap", level: "region"}
      });
      expect(await contoursOrAbsent("commune", paths)).toMatchObject({kit: {absent: true}});
    } finally {
      await rm(root, {recursive: true, force: true});
    }
  });
});

const REGIONS = BASEMAP_LAYERS.find((l) => l.level === "region")!;
describe.skipIf(!existsSync(join(DEFAULT_GEO_DIR, REGIONS.source)))(
  "npm run data -- basemap (../shared)",
  () => {
    it("rebuilds the committed régions from the official file, byte for byte", async () => {
      const {text, meta} = await buildBasemapLayer(REGIONS);
      expect(meta).toMatchObject({territories: 18, drom: "moved", unmapped: [], missing: []});
      expect(text).toBe(await readFile(basemapFile("region"), "utf8"));
    });
    it("refuses a layer over its budget, naming it", async () => {
      await expect(buildBasemapLayer({...REGIONS, budget: 1000})).rejects.toThrow(
        /basemap region: .* over its budget/
      );
    });
  }
);
