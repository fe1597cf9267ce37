import {describe, expect, it} from "vitest";
import {crsOf} from "../../../loaders/geo/boundary-files.ts";
import {fromLambert93, toLambert93} from "../../../loaders/geo/lambert93.ts";
import {fromUtm, toUtm, utmZoneOf} from "../../../loaders/geo/utm.ts";
import {DROM_INSETS, geometryToInset, insetOf, toInset} from "../../../src/components/maps/insets.js";

describe("Lambert-93", () => {
  it("puts the false origin (3°E, 46.5°N) at (700 000, 6 600 000)", () => {
    const [x, y] = toLambert93([3, 46.5]);
    expect(x).toBeCloseTo(700000, 3);
    expect(y).toBeCloseTo(6600000, 3);
  });
  it("inverts its forward projection over metropolitan France to a micro-degree", () => {
    for (const p of [
      [-4.5, 48.4],
      [2.35, 48.85],
      [7.75, 48.58],
      [9.45, 42.7],
      [1.44, 43.6]
    ]) {
      const back = fromLambert93(toLambert93(p));
      expect(back[0]).toBeCloseTo(p[0]!, 6);
      expect(back[1]).toBeCloseTo(p[1]!, 6);
    }
  });
  it("keeps distances true along the standard parallel 44°N", () => {
    // One degree of longitude at 44°N on GRS 1980 is about 80.2 km; the projection is exact on 44°N.
    const [x0] = toLambert93([2, 44]);
    const [x1, y1] = toLambert93([3, 44]);
    const [, y0] = toLambert93([2, 44]);
    expect(Math.hypot(x1! - x0!, y1! - y0!) / 1000).toBeCloseTo(80.2, 0);
  });
});

describe("UTM (DROM projections)", () => {
  it("puts the central meridian at the equator at (500 000, 0), or (500 000, 10 000 000) south", () => {
    const [x, y] = toUtm([-63, 0], {zone: 20, south: false});
    expect(x).toBeCloseTo(500000, 3);
    expect(y).toBeCloseTo(0, 3);
    expect(toUtm([45, 0], {zone: 38, south: true})[1]).toBeCloseTo(10000000, 3);
  });
  it("inverts its forward projection in each DROM zone to a micro-degree", () => {
    const places: [number, number, number, boolean][] = [
      [-61.53, 16.24, 20, false],
      [-61.07, 14.6, 20, false],
      [-52.33, 4.94, 22, false],
      [55.45, -20.88, 40, true],
      [45.23, -12.78, 38, true]
    ];
    for (const [lon, lat, zone, south] of places) {
      const back = fromUtm(toUtm([lon, lat], {zone, south}), {zone, south});
      expect(back[0]).toBeCloseTo(lon, 6);
      expect(back[1]).toBeCloseTo(lat, 6);
    }
  });
  it("recognises the DROM systems by name or EPSG code, and Lambert-93 / WGS 84", () => {
    expect(utmZoneOf("RGR92 / UTM zone 40S")).toEqual({zone: 40, south: true});
    expect(utmZoneOf("EPSG:32620")).toEqual({zone: 20, south: false});
    expect(utmZoneOf('{"id":{"authority":"EPSG","code":4471}}')).toEqual({zone: 38, south: true});
    expect(crsOf("urn:ogc:def:crs:EPSG::2154")).toBe("EPSG:2154");
    expect(crsOf("RGFG95 / UTM zone 22N")).toBe("UTM:22N");
    expect(crsOf(null)).toBe("CRS84");
    expect(crsOf("EPSG:3857")).toBeNull();
  });
});

describe("DROM insets", () => {
  it("moves every DROM into a distinct box west of the mainland, and leaves Paris alone", () => {
    const centres = DROM_INSETS.map((i) => toInset([(i.box[0] + i.box[2]) / 2, (i.box[1] + i.box[3]) / 2]));
    for (const c of centres) expect(c[0]).toBeLessThan(-5);
    expect(new Set(centres.map((c) => Math.round(c[1]!))).size).toBe(5);
    expect(toInset([2.35, 48.85])).toEqual([2.35, 48.85]);
    expect(insetOf([55.45, -21.1])?.code).toBe("974");
  });
  it("moves whole geometries by their first position", () => {
    const g = {
      type: "Polygon" as const,
      coordinates: [
        [
          [55.3, -21],
          [55.6, -21],
          [55.6, -21.3],
          [55.3, -21]
        ]
      ]
    };
    const moved = geometryToInset(g);
    expect(moved.coordinates[0]![0]![1]).toBeGreaterThan(40);
    expect(g.coordinates[0]![0]![1]).toBe(-21);
  });
});
