import {describe, expect, it} from "vitest";
import {fromLambert93, toLambert93} from "../../loaders/geo/lambert93.ts";
import {DROM_INSETS, geometryToInset, insetOf, toInset} from "../../src/components/insets.js";

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
