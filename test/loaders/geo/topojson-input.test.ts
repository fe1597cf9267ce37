import {existsSync} from "node:fs";
import {mkdtemp, readFile, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import type {Feature, FeatureCollection, Polygon} from "geojson";
import {topology} from "topojson-server";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {crsOfExtent, readBoundaryLayers} from "../../../loaders/geo/boundary-files.ts";
import {loadContours} from "../../../loaders/geo/load-contours.ts";
import {fromLambert93} from "../../../loaders/geo/lambert93.ts";

const NATIONAL = "../shared/geo/derived/communes-cog2026-from2018-ms5pct.topo.json";
const DEP_L93 = "../shared/geo/derived/dep-frdrom-compact-2025-surface-gen.topo.json";

/** A square polygon feature of side `d` at (x, y), with `properties` and optional `id`. */
function square(x: number, y: number, d: number, properties: object, id?: string): Feature<Polygon> {
  return {
    type: "Feature",
    ...(id ? {id} : {}),
    properties: {...properties},
    geometry: {
      type: "Polygon",
      coordinates: [
        [
          [x, y],
          [x + d, y],
          [x + d, y + d],
          [x, y + d],
          [x, y]
        ]
      ]
    }
  };
}
const fc = (features: Feature[]): FeatureCollection => ({type: "FeatureCollection", features});

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "kit-topojson-"));
});
afterAll(async () => {
  await rm(dir, {recursive: true, force: true});
});
async function write(name: string, content: unknown): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, typeof content === "string" ? content : JSON.stringify(content));
  return file;
}

describe("TopoJSON boundary files (generated)", () => {
  it("reads the object with commune codes (ids only), leaves a mesh without codes aside", async () => {
    // Two neighbouring communes of the Ain keyed by id only (as mapshaper's id-field writes), and an outline.
    const communes = fc([square(5.0, 46.0, 0.05, {}, "01001"), square(5.05, 46.0, 0.05, {}, "01002")]);
    const outline = fc([square(5.0, 46.0, 0.1, {kind: "contour"})]);
    const file = await write("deux-communes.topo.json", topology({contour: outline, communes}, 1e5));

    const layers = await readBoundaryLayers(file);
    expect(layers.map((l) => [l.object, l.format, l.crs])).toEqual([
      ["contour", "topojson", "CRS84"],
      ["communes", "topojson", "CRS84"]
    ]);
    const {rows, report, topology: map} = await loadContours(file);
    expect(report.level).toBe("commune");
    expect(report.features).toBe(2);
    expect(rows.map((r) => r.code)).toEqual(["01001", "01002"]);
    expect(rows[0]!.name).not.toBe("01001"); // named from the COG
    // Quantization undone: the first commune still spans 0.05° of longitude.
    const xs = (rows[0]!.geometry as Polygon).coordinates[0]!.map((p) => p[0]!);
    expect(Math.max(...xs) - Math.min(...xs)).toBeCloseTo(0.05, 3);
    expect((map as unknown as {kit: {projection: string}}).kit.projection).toBe("conic-france");
  });

  it("reads Lambert-93 coordinates (told by their extent) back to WGS 84, with code properties", async () => {
    const [x, y] = [870000, 6570000];
    const file = await write(
      "dep.topojson",
      topology({layer: fc([square(x, y, 20000, {dep_insee: "01", dep_nom: "Ain"}, "01")])}, 1e5)
    );
    const [layer] = await readBoundaryLayers(file);
    expect(layer!.crs).toBe("EPSG:2154");
    const {rows, report} = await loadContours(file);
    expect(report.level).toBe("departement");
    expect(report.codeField).toBe("dep_insee");
    const first = (rows[0]!.geometry as Polygon).coordinates[0]!;
    const expected = fromLambert93([x, y]);
    const nearest = Math.min(...first.map((p) => Math.hypot(p[0]! - expected[0]!, p[1]! - expected[1]!)));
    expect(nearest).toBeLessThan(1e-3);
  });

  it("leaves out a commune the simplification flattened (zero area), instead of drawing it as the globe", async () => {
    const flat = {
      type: "Feature",
      id: "01004",
      properties: {},
      geometry: {
        type: "Polygon",
        coordinates: [
          [
            [5.2, 46.0],
            [5.25, 46.0],
            [5.22, 46.0],
            [5.2, 46.0]
          ]
        ]
      }
    } as Feature<Polygon>;
    const file = await write(
      "plate.topo.json",
      topology({communes: fc([square(5.0, 46.0, 0.05, {}, "01001"), flat])}, 1e5)
    );
    const {rows, report} = await loadContours(file);
    expect(rows.map((r) => r.code)).toEqual(["01001"]);
    expect(report.invalidGeometries).toEqual([{index: 1, code: "01004", type: "Polygon (flat)"}]);
  });

  it("tells WGS 84 from Lambert-93 extents and refuses others", () => {
    expect(crsOfExtent([-61.8, -21.4, 55.8, 51.1])).toBe("CRS84");
    expect(crsOfExtent([70000, 6030000, 1242343, 7108840])).toBe("EPSG:2154");
    expect(crsOfExtent([300000, 1800000, 400000, 1900000])).toBeNull();
  });

  it("names the dataset and the file of a malformed TopoJSON", async () => {
    const bad = await write("casse.topo.json", {
      type: "Topology",
      arcs: [],
      objects: {
        communes: {type: "GeometryCollection", geometries: [{type: "Polygon", arcs: [[7]], id: "01001"}]}
      }
    });
    await expect(loadContours(bad)).rejects.toThrow(
      /^contours: .*casse\.topo\.json \(object communes\): malformed TopoJSON/
    );
    const empty = await write("vide.topo.json", {type: "Topology", arcs: [], objects: {}});
    await expect(loadContours(empty)).rejects.toThrow(
      /^contours: .*vide\.topo\.json: malformed TopoJSON: no `objects`/
    );
    const noCodes = await write(
      "sans-codes.topo.json",
      topology({zones: fc([square(5, 46, 0.1, {kind: "zone"})])}, 1e4)
    );
    await expect(loadContours(noCodes)).rejects.toThrow(
      /sans-codes\.topo\.json: no TopoJSON object with commune.*objects: zones/
    );
  });
});

describe.skipIf(!existsSync(NATIONAL))("TopoJSON boundary files (../shared/geo/derived)", () => {
  it("loads the national commune layer: every commune, real positions, DROM moved as insets", async () => {
    const source = JSON.parse(await readFile(NATIONAL, "utf8")) as {
      objects: Record<string, {geometries: {id: string}[]}>;
    };
    const geometries = Object.values(source.objects).flatMap((o) => o.geometries);
    const {rows, report, topology: map} = await loadContours(NATIONAL);
    expect(report.level).toBe("commune");
    expect(report.features).toBe(geometries.length);
    expect(report.unmapped).toEqual([]);
    // Keyed by COG 2026 codes already: one territory per feature with a polygon, none merged. Some small
    // communes lost their area to the simplification and quantization (null geometries, or flat rings): they
    // are reported and left out.
    const empty = geometries.filter((g) => (g as {type?: string | null}).type == null).length;
    const invalid = report.invalidGeometries;
    expect(invalid.filter((g) => g.type === "null").length).toBe(empty);
    expect(invalid.every((g) => g.type === "null" || g.type.endsWith("(flat)"))).toBe(true);
    expect(invalid.length).toBeLessThan(100);
    expect(report.territories).toBe(new Set(geometries.map((g) => g.id)).size - invalid.length);
    expect(report.merged).toEqual([]);
    expect(report.drom).toBe("moved");
    // Missing: the communes left out, and a few re-created after 2018 (no polygon in a COG 2018 source).
    expect(report.missing).toEqual(expect.arrayContaining(invalid.map((g) => g.code)));
    expect(report.missing.length - invalid.length).toBeLessThan(20);
    const paris = rows.find((r) => r.code === "75056")!;
    const [lon, lat] = (paris.geometry as Polygon).coordinates[0]![0]!;
    expect(lon).toBeGreaterThan(2.2);
    expect(lat).toBeGreaterThan(48.8);
    expect((map as unknown as {kit: {projection: string; insets: boolean}}).kit).toMatchObject({
      projection: "conic-france",
      insets: true
    });
  }, 600_000);
});

describe.skipIf(!existsSync(DEP_L93))(
  "TopoJSON in Lambert-93 with DROM insets (../shared/geo/derived)",
  () => {
    it("reads the départements back to WGS 84 and keeps the DROM where they are placed", async () => {
      const {report, topology: map} = await loadContours(DEP_L93);
      expect(report.level).toBe("departement");
      expect(report.unmapped).toEqual([]);
      expect(report.drom).toBe("already-inset");
      expect((map as unknown as {kit: {projection: string}}).kit.projection).toBe("conic-france");
    }, 120_000);
  }
);
