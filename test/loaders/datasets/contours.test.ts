import {existsSync} from "node:fs";
import {mkdir, mkdtemp, readFile, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {loadDataset} from "../../../loaders/commands.ts";
import {kitPaths} from "../../../loaders/core/paths.ts";
import {summarizeColumns} from "../../../loaders/core/schema.ts";
import {fromArrowStream, rowAt, tableFromRows} from "../../../loaders/core/table.ts";
import {carteTable, contours} from "../../../loaders/datasets/contours.ts";
import {getDataset} from "../../../loaders/registry.ts";
import {resolveDataset} from "../../../loaders/resolve.ts";
import {contoursOrAbsent} from "../../../loaders/site/maps.ts";

const AIN = "../shared/geo/gregoiredavid-france-geojson/communes-par-departement/communes-01-ain.geojson";

describe("contours declaration", () => {
  it("is registered, ships no boundary (empty offline table) and says how to load one", () => {
    expect(getDataset("contours")).toBe(contours);
    expect(contours.offline.build({}).rowCount).toBe(0);
    expect(contours.offline.note).toMatch(/npm run data -- load contours --input/);
  });
  it("builds one map topology per level present, DROM moved as insets", () => {
    const square = (x: number, y: number) =>
      JSON.stringify({
        type: "Polygon",
        coordinates: [
          [
            [x, y],
            [x + 0.1, y],
            [x + 0.1, y + 0.1],
            [x, y]
          ]
        ]
      });
    const table = tableFromRows(summarizeColumns(contours.columns), [
      {code: "01", nom: "Ain", niveau: "departement", codes_source: "01", geometrie: square(5, 46)},
      {
        code: "974",
        nom: "La Réunion",
        niveau: "departement",
        codes_source: "974",
        geometrie: square(55.4, -21.1)
      }
    ]);
    const carte = carteTable(table);
    expect(carte.rowCount).toBe(1);
    const topology = JSON.parse(String(rowAt(carte, 0).topojson));
    expect(topology.kit.level).toBe("departement");
    expect(topology.bbox[1]).toBeGreaterThan(0); // La Réunion is no longer south of the equator
  });
});

describe.skipIf(!existsSync(AIN))("npm run data -- load contours (../shared)", () => {
  it("loads a COG 2018 commune file into snapshots, and the maps page then finds it", async () => {
    const root = await mkdtemp(join(tmpdir(), "kit-contours-"));
    const paths = kitPaths(root);
    try {
      const {rows, written} = await loadDataset("contours", AIN, {paths});
      expect(written).toBe(join(paths.snapshots, "contours"));
      expect(rows).toBeGreaterThan(300);
      const carte = await resolveDataset("contours", {part: "carte", paths});
      expect(carte.origin).toBe("snapshot");
      const topology = (await contoursOrAbsent("commune", paths)) as {kit: {origin: string}; objects: object};
      expect(topology.kit.origin).toBe("snapshot");
      expect(Object.keys(topology.objects)).toEqual(["commune"]);
      expect(await contoursOrAbsent("epci", paths)).toMatchObject({kit: {absent: true}});
    } finally {
      await rm(root, {recursive: true, force: true});
    }
  });
});

/** A GeoJSON FeatureCollection of small squares, one per [code property, value, longitude, latitude]. */
function squares(field: string, items: [string, number, number][]): string {
  return JSON.stringify({
    type: "FeatureCollection",
    features: items.map(([code, x, y]) => ({
      type: "Feature",
      properties: {[field]: code},
      geometry: {
        type: "Polygon",
        coordinates: [
          [
            [x, y],
            [x + 0.01, y],
            [x + 0.01, y + 0.01],
            [x, y + 0.01],
            [x, y]
          ]
        ]
      }
    }))
  });
}

describe("npm run data -- load contours, several files and levels", () => {
  it("loads a folder of per-département commune files, then EPCI, keeping both levels and their sources", async () => {
    const root = await mkdtemp(join(tmpdir(), "kit-contours-levels-"));
    const paths = kitPaths(root);
    const folder = join(root, "communes-par-departement");
    try {
      await mkdir(folder);
      await writeFile(join(folder, "communes-75.geojson"), squares("code", [["75056", 2.34, 48.85]]));
      await writeFile(
        join(folder, "communes-93.geojson"),
        squares("code", [
          ["93001", 2.38, 48.91],
          ["93066", 2.36, 48.93]
        ])
      );
      const epci = join(root, "epci.geojson");
      await writeFile(epci, squares("epci_siren", [["200054781", 2.35, 48.86]]));

      const communes = await loadDataset("contours", folder, {paths, attribution: "Ma source communale"});
      expect(communes.rows).toBe(3);
      const meta = JSON.parse(
        await readFile(join(paths.snapshots, "contours", "contours.meta.json"), "utf8")
      );
      expect(meta.source.file).toBe("communes-par-departement");
      expect(meta.sha256).toMatch(/^[0-9a-f]{64}$/);

      expect((await loadDataset("contours", epci, {paths})).rows).toBe(4);
      const main = await resolveDataset("contours", {paths});
      const table = fromArrowStream(main.arrow, summarizeColumns(contours.columns));
      const levels = Array.from({length: table.rowCount}, (_, i) => String(rowAt(table, i).niveau)).sort();
      expect(levels).toEqual(["commune", "commune", "commune", "epci"]);

      // Each level keeps its own file, digest and attribution; none is credited to IGN unasked.
      const after = JSON.parse(
        await readFile(join(paths.snapshots, "contours", "contours.meta.json"), "utf8")
      );
      const sources = after.sources as {part: string; file: string; sha256: string; attribution: string}[];
      expect(sources.map((s) => [s.part, s.file])).toEqual([
        ["commune", "communes-par-departement"],
        ["epci", "epci.geojson"]
      ]);
      expect(sources[0]!.sha256).toBe(meta.sha256);
      expect(sources[1]!.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(sources[1]!.sha256).not.toBe(sources[0]!.sha256);
      expect(sources[0]!.attribution).toBe("Ma source communale");
      expect(sources[1]!.attribution).toBe(
        "Contours chargés depuis epci.geojson (source à préciser : --attribution)"
      );
      const commune = (await contoursOrAbsent("commune", paths)) as {kit: {attribution: string}};
      const epciMap = (await contoursOrAbsent("epci", paths)) as {kit: {attribution: string}};
      expect(commune.kit.attribution).toMatch(/^Ma source communale ; INSEE/);
      expect(epciMap.kit.attribution).toMatch(/^Contours chargés depuis epci\.geojson/);
      for (const map of [commune, epciMap]) expect(map.kit.attribution).not.toMatch(/IGN/);
    } finally {
      await rm(root, {recursive: true, force: true});
    }
  });
});
