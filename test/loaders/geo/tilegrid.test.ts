import {feature} from "topojson-client";
import {describe, expect, it} from "vitest";
import {assign} from "../../../loaders/geo/assignment.ts";
import {cogDepartements, cogRegions} from "../../../loaders/geo/cog-data.ts";
import {
  CHEF_LIEU_POSITIONS,
  departementTileTopology,
  placeOnGrid,
  regionTileTopology
} from "../../../loaders/geo/tilegrid.ts";

/** Brute force over all permutations, to check the Hungarian algorithm on small matrices. */
function bruteForce(cost: number[][]): number {
  const m = cost[0]!.length;
  let best = Infinity;
  const go = (i: number, used: Set<number>, total: number) => {
    if (i === cost.length) return void (best = Math.min(best, total));
    for (let j = 0; j < m; j++) if (!used.has(j)) go(i + 1, new Set([...used, j]), total + cost[i]![j]!);
  };
  go(0, new Set(), 0);
  return best;
}

describe("assign", () => {
  it("finds the minimum total cost on random rectangular matrices", () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 100;
    for (let trial = 0; trial < 20; trial++) {
      const n = 1 + (trial % 5);
      const cost = Array.from({length: n}, () => Array.from({length: n + (trial % 3)}, random));
      const chosen = assign(cost);
      expect(new Set(chosen).size).toBe(n);
      expect(chosen.reduce((s, j, i) => s + cost[i]![j]!, 0)).toBeCloseTo(bruteForce(cost), 9);
    }
  });
  it("refuses more rows than columns", () => {
    expect(() => assign([[1], [2]])).toThrow(/2 rows for only 1 columns/);
  });
});

describe("tile grids", () => {
  it("keeps points on distinct cells, near where they are", () => {
    const points = new Map<string, [number, number]>([
      ["a", [0, 0]],
      ["b", [0.1, 0.1]],
      ["c", [3, 3]]
    ]);
    const placed = placeOnGrid(points);
    expect(new Set([...placed.values()].map(String)).size).toBe(3);
    expect(placed.get("c")).toEqual([3, 3]);
  });

  const departements = cogDepartements().filter((d) => d.zone !== "com");
  it("has one tile per département of metropolitan France and the DROM, on distinct cells", () => {
    const fc = feature(
      departementTileTopology(),
      departementTileTopology().objects.departement!
    ) as unknown as {
      features: {id: string; properties: {name: string; col: number; row: number}}[];
    };
    expect(fc.features.map((f) => f.id).sort()).toEqual(departements.map((d) => d.code).sort());
    expect(new Set(fc.features.map((f) => `${f.properties.col},${f.properties.row}`)).size).toBe(
      fc.features.length
    );
    // Every metropolitan département is within reach of its geographic position (in cells)...
    const tile = new Map(fc.features.map((f) => [f.id, f.properties]));
    const [lonMin, latMax] = [-4.1, 50.63]; // Quimper's longitude and Lille's latitude: the grid's west and north
    for (const [code, [lon, lat]] of Object.entries(CHEF_LIEU_POSITIONS)) {
      const t = tile.get(code)!;
      const ideal = [((lon - lonMin) * Math.cos((46.5 * Math.PI) / 180)) / 0.72, (latMax - lat) / 0.72];
      expect(Math.hypot(t.col - ideal[0]!, t.row - ideal[1]!), code).toBeLessThan(3);
    }
    // ...and west–east order holds between départements far apart.
    const codes = Object.keys(CHEF_LIEU_POSITIONS);
    for (const a of codes)
      for (const b of codes) {
        if (CHEF_LIEU_POSITIONS[a]![0] + 3 < CHEF_LIEU_POSITIONS[b]![0])
          expect(tile.get(a)!.col).toBeLessThan(tile.get(b)!.col);
      }
  });
  it("has one tile per région, DROM included", () => {
    const topo = regionTileTopology();
    const ids = (topo.objects.region as unknown as {geometries: {id: string}[]}).geometries.map((g) => g.id);
    expect(ids.sort()).toEqual(
      cogRegions()
        .filter((r) => r.zone !== "com")
        .map((r) => r.code)
        .sort()
    );
    expect((topo as unknown as {kit: {attribution: string}}).kit.attribution).toMatch(/INSEE/);
  });
});
