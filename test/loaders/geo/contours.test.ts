import {existsSync} from "node:fs";
import {mkdtemp, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {gzipSync} from "node:zlib";
import {DuckDBInstance} from "@duckdb/node-api";
import {geoArea} from "d3";
import type {FeatureCollection, Polygon} from "geojson";
import {feature} from "topojson-client";
import {afterAll, describe, expect, it} from "vitest";
import type {BoundaryLayer} from "../../../loaders/geo/boundary-files.ts";
import {readBoundaryFile} from "../../../loaders/geo/boundary-files.ts";
import {cogCommunes} from "../../../loaders/geo/cog-data.ts";
import {buildContours, mapTopology} from "../../../loaders/geo/contours.ts";
import {toLambert93} from "../../../loaders/geo/lambert93.ts";
import {loadContours, writeContours} from "../../../loaders/geo/load-contours.ts";
import {decodeWkb} from "../../../loaders/geo/wkb.ts";

const square = (x: number, y: number, s = 0.01): Polygon => ({
  type: "Polygon",
  coordinates: [
    [
      [x, y],
      [x + s, y],
      [x + s, y + s],
      [x, y + s],
      [x, y]
    ]
  ]
});
// A real merge of the COG: a current commune with one old code.
const merged = cogCommunes().find((c) => c.type === "commune-actuelle" && c.anciensCodes?.length === 1)!;
const oldCode = merged.anciensCodes![0]!;
const layer = (
  features: {code: string; geometry: Polygon}[],
  crs: BoundaryLayer["crs"] = "CRS84"
): BoundaryLayer => ({
  file: "test.geojson",
  format: "geojson",
  crs,
  features: features.map((f) => ({properties: {code: f.code, nom: "x"}, geometry: f.geometry}))
});

describe("buildContours", () => {
  it("merges an old commune into its current commune along the shared edge", () => {
    const {rows, report} = buildContours([
      layer([
        {code: merged.code, geometry: square(5, 45)},
        {code: oldCode, geometry: square(5.01, 45)}
      ])
    ]);
    expect(rows.map((r) => r.code)).toEqual([merged.code]);
    expect(rows[0]?.name).toBe(merged.nom);
    // One polygon covering both squares: a single outer ring.
    const g = rows[0]!.geometry;
    const polygons = g.type === "MultiPolygon" ? g.coordinates : [g.coordinates];
    expect(polygons).toHaveLength(1);
    const xs = polygons[0]![0]!.map((p) => p[0]!);
    expect(Math.max(...xs) - Math.min(...xs)).toBeCloseTo(0.02, 6);
    expect(report.merged).toEqual([{code: merged.code, from: [merged.code, oldCode].sort()}]);
  });
  it("reports codes not in today's COG, and leaves them out", () => {
    const {rows, report} = buildContours([
      layer([
        {code: merged.code, geometry: square(5, 45)},
        {code: "99999", geometry: square(6, 45)}
      ])
    ]);
    expect(rows).toHaveLength(1);
    expect(report.unmapped).toEqual(["99999"]);
    expect(report.features).toBe(2);
  });
  it("re-projects Lambert-93 input to WGS 84", () => {
    const l93 = square(700000, 6600000, 1000);
    const {rows} = buildContours([layer([{code: merged.code, geometry: l93}], "EPSG:2154")]);
    const p = (rows[0]!.geometry as Polygon).coordinates[0]![0]!;
    expect(p[0]).toBeCloseTo(3, 4);
    expect(p[1]).toBeCloseTo(46.5, 4);
    expect(toLambert93(p)[0]).toBeCloseTo(700000, 1);
  });
  it("moves DROM geometries as insets in the map topology but keeps real positions in rows", () => {
    const {rows, topology, report} = buildContours(
      [layer([{code: "974", geometry: square(55.4, -21.1, 0.2)}])],
      {level: "departement", keep: 1}
    );
    expect(report.drom).toBe("moved");
    expect((rows[0]!.geometry as Polygon).coordinates[0]![0]![1]).toBeCloseTo(-21.1, 6);
    const fc = feature(topology, topology.objects.departement!) as unknown as {
      features: {id: string; geometry: Polygon}[];
    };
    expect(fc.features[0]?.id).toBe("974");
    expect(fc.features[0]!.geometry.coordinates[0]![0]![1]).toBeGreaterThan(40);
    expect(report.missing).toContain("01");
    expect(report.missing).not.toContain("975");
  });
  it("orients every ring for d3 whatever the file's orientation (RFC 7946, clockwise, or mixed)", () => {
    const reversed = (g: Polygon): Polygon => ({
      type: "Polygon",
      coordinates: g.coordinates.map((r) => [...r].reverse())
    });
    const withHole: Polygon = {
      type: "Polygon",
      coordinates: [square(6, 45, 0.1).coordinates[0]!, reversed(square(6.04, 45.04, 0.02)).coordinates[0]!]
    };
    const other = cogCommunes().find((c) => c.type === "commune-actuelle" && c.code !== merged.code)!;
    const {rows, topology} = buildContours([
      layer([
        // square() runs counterclockwise (RFC 7946); the old commune is clockwise, the hole the wrong way too.
        {code: merged.code, geometry: square(5, 45)},
        {code: oldCode, geometry: reversed(square(5.01, 45))},
        {code: other.code, geometry: withHole}
      ])
    ]);
    // Seen by d3 on the sphere, each territory is its own small area, not the rest of the globe.
    const sr = (degrees: number) => degrees * (Math.PI / 180) ** 2 * Math.cos((45 * Math.PI) / 180);
    const byCode = new Map(rows.map((r) => [r.code, geoArea(r.geometry)]));
    expect(byCode.get(merged.code)! / sr(0.02 * 0.01)).toBeCloseTo(1, 2);
    expect(byCode.get(other.code)! / sr(0.1 * 0.1 - 0.02 * 0.02)).toBeCloseTo(1, 2);
    const fc = feature(topology, topology.objects.commune!) as unknown as FeatureCollection;
    for (const f of fc.features) expect(geoArea(f)).toBeLessThan(1e-4);
  });
});

const GD = "../shared/geo/gregoiredavid-france-geojson";
const AIN = `${GD}/communes-par-departement/communes-01-ain.geojson`;
const DROM = "../shared/geo/bellice-ngeofr-maps/drom";
const BELLICE_DEP =
  "../shared/geo/bellice-ngeofr-maps/frdrom-compact/dep-frdrom-compact-2025-surface-gen.parquet";

describe.skipIf(!existsSync(AIN))("official files (../shared)", () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((d) => rm(d, {recursive: true, force: true}))));

  it("maps a COG 2018 département file to COG 2026 communes, merging communes nouvelles", async () => {
    const source = await readBoundaryFile(AIN);
    const {rows, report} = await loadContours(AIN);
    expect(report.level).toBe("commune");
    expect(report.unmapped).toEqual([]);
    expect(report.features).toBe(source.features.length);
    expect(rows.length).toBeLessThan(source.features.length);
    expect(report.merged.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.code.startsWith("01"))).toBe(true);
    // Communes created after 2018 have no 2018 boundary: they can only be missing, never invented.
    expect(rows.length + report.missing.length).toBe(
      cogCommunes().filter((c) => c.type === "commune-actuelle" && c.departement === "01").length
    );
  });

  it.skipIf(!existsSync(BELLICE_DEP))(
    "reads GeoParquet in Lambert-93 with DROM already as insets",
    async () => {
      const {rows, report} = await loadContours(BELLICE_DEP);
      expect(report.level).toBe("departement");
      expect(report.codeField).toBe("dep_insee");
      expect(report.drom).toBe("already-inset");
      expect(report.missing).toEqual([]);
      for (const r of rows) {
        const [lon, lat] = (
          r.geometry.type === "Polygon" ? r.geometry.coordinates : r.geometry.coordinates[0]!
        )[0]![0]!;
        expect(lon).toBeGreaterThan(-15);
        expect(lon).toBeLessThan(12);
        expect(lat).toBeGreaterThan(35);
        expect(lat).toBeLessThan(55);
      }
    }
  );

  it.skipIf(!existsSync(DROM))("reads the DROM communes delivered in their UTM projections", async () => {
    const {rows, report} = await loadContours(DROM);
    expect(report.unmapped).toEqual([]);
    expect(report.drom).toBe("moved");
    const dromCommunes = cogCommunes().filter((c) => c.type === "commune-actuelle" && c.zone === "drom");
    expect(rows.length).toBe(dromCommunes.length);
    for (const r of rows) {
      const [lon, lat] = (
        r.geometry.type === "Polygon" ? r.geometry.coordinates : r.geometry.coordinates[0]!
      )[0]![0]!;
      expect(Math.abs(lat!)).toBeLessThan(23); // tropics: real positions
      expect(Math.abs(lon!)).toBeGreaterThan(40);
    }
  });

  it("writes GeoParquet, TopoJSON and metadata that read back", async () => {
    const dir = await mkdtemp(join(tmpdir(), "contours-"));
    dirs.push(dir);
    const result = await loadContours(AIN);
    const {files, meta} = await writeContours(result, dir, [AIN]);
    expect(meta.rows).toBe(result.rows.length);
    const instance = await DuckDBInstance.create(":memory:");
    const con = await instance.connect();
    const parquet = files.find((f) => f.endsWith(".parquet"))!;
    const read = await con.runAndReadAll(
      `SELECT code, level, ST_AsWKB(geometry) FROM read_parquet('${parquet}')`
    );
    const back = read.getRows();
    expect(back.map((r) => r[0])).toEqual(result.rows.map((r) => r.code));
    expect(decodeWkb((back[0]![2] as {bytes: Uint8Array}).bytes).type).toMatch(/Polygon/);
    const kv = await con.runAndReadAll(
      `SELECT count(*) FROM parquet_kv_metadata('${parquet}') WHERE decode(key) = 'geo'`
    );
    expect(Number(kv.getRows()[0]![0])).toBe(1);
    con.closeSync();
    instance.closeSync();
  });
});

describe("file formats", () => {
  it("reads gzip GeoJSON whatever the file name (as downloaded from data.gouv.fr)", async () => {
    const dir = await mkdtemp(join(tmpdir(), "contours-gz-"));
    const file = join(dir, "contours.source.csv");
    const fc = {
      type: "FeatureCollection",
      features: [{type: "Feature", properties: {code: merged.code}, geometry: square(5, 45)}]
    };
    await writeFile(file, gzipSync(JSON.stringify(fc)));
    const {rows} = await loadContours(file);
    expect(rows.map((r) => r.code)).toEqual([merged.code]);
    await rm(dir, {recursive: true});
  });
});

describe("bad input", () => {
  it("names the dataset and the file", async () => {
    const dir = await mkdtemp(join(tmpdir(), "contours-bad-"));
    const file = join(dir, "x.geojson");
    await writeFile(file, JSON.stringify({type: "Feature"}));
    await expect(loadContours(file)).rejects.toThrow(
      /^contours: .*x\.geojson: expected a GeoJSON FeatureCollection/
    );
    await writeFile(file, "{");
    await expect(loadContours(file)).rejects.toThrow(/contours: .*x\.geojson: not valid JSON/);
    const csv = join(dir, "x.csv");
    await writeFile(csv, "code;nom\n01001;A\n");
    await expect(loadContours(csv)).rejects.toThrow(/contours: .*x\.csv: unknown format/);
    await rm(dir, {recursive: true});
  });
});

describe("mapTopology", () => {
  it("keeps about `keep` of the points, not 1 - keep (topojson-simplify's quantile counts from the top)", () => {
    // A wobbly ring of 400 points, so that every point has a distinct weight.
    const ring = Array.from({length: 400}, (_, i) => {
      const a = (i / 400) * 2 * Math.PI;
      const r = 0.5 + 0.05 * Math.sin(7 * a) + 0.02 * Math.sin(31 * a);
      return [2 + r * Math.cos(a), 47 + r * Math.sin(a)];
    });
    ring.push(ring[0]!);
    const rows = [
      {
        code: "01",
        name: "Ain",
        level: "departement" as const,
        geometry: {type: "Polygon" as const, coordinates: [ring]}
      }
    ];
    const points = (keep: number) =>
      mapTopology(rows, "departement", {keep, insets: false}).arcs.reduce((n, arc) => n + arc.length, 0);
    expect(points(0.2)).toBeLessThan(120);
    expect(points(0.8)).toBeGreaterThan(280);
  });
});
