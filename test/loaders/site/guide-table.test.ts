import {describe, expect, it} from "vitest";
import {guideRows, guideTiles, REGION_TILES} from "../../../loaders/site/guide-table.ts";

describe("guide demonstration data", () => {
  it("is deterministic: same seed, same rows; another seed, other indicator values", () => {
    expect(guideRows()).toEqual(guideRows());
    expect(guideRows(1).map((r) => r.indicateur)).not.toEqual(guideRows(2).map((r) => r.indicateur));
  });

  it("has one row per région of the COG, with codes as text and real populations", () => {
    const rows = guideRows();
    expect(rows.map((r) => r.code)).toEqual(Object.keys(REGION_TILES).sort());
    expect(rows.every((r) => typeof r.code === "string" && /^\d{2}$/.test(r.code))).toBe(true);
    const total = rows.reduce((sum, r) => sum + r.population, 0);
    expect(total).toBeGreaterThan(60_000_000);
    expect(total).toBeLessThan(75_000_000);
    const idf = rows.find((r) => r.code === "11")!;
    expect(idf.nom).toBe("Île-de-France");
    expect(Math.max(...rows.map((r) => r.population))).toBe(idf.population);
  });

  it("draws one unit tile per région, none overlapping", () => {
    const tiles = guideTiles();
    expect(tiles.features).toHaveLength(18);
    const corners = tiles.features.map((f) => f.geometry.coordinates[0]![0]!.join(","));
    expect(new Set(corners).size).toBe(18);
  });
});
