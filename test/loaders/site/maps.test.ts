import {mkdtemp, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {kitPaths} from "../../../loaders/core/paths.ts";
import {contoursOrAbsent, demoIndicator, demoPoints, hierarchy} from "../../../loaders/site/maps.ts";

describe("maps page data", () => {
  it("generates the same labelled demonstration indicator on every run, with secret and missing cases", () => {
    const a = demoIndicator();
    const b = demoIndicator();
    expect(a.departement).toEqual(b.departement);
    expect(a.status).toBe("démonstration");
    expect(a.label).toMatch(/démonstration/);
    expect(a.departement.filter((d) => "secret" in d && d.secret)).toHaveLength(2);
    const deps = hierarchy().departements.map((d) => d.code);
    expect(a.departement.length).toBe(deps.length - 1);
    // Population-weighted mean of the communes is 100 by construction: régions sit around it.
    for (const r of a.region) expect(Math.abs((r.value ?? 100) - 100)).toBeLessThan(15);
  });
  it("places demonstration points in France, DROM included, labelled as such", () => {
    const points = demoPoints();
    expect(points.length).toBeGreaterThan(500);
    expect(points.every((p) => p.source === "démonstration")).toBe(true);
    expect(points.some((p) => p.code_insee.startsWith("974"))).toBe(true);
  });
  it("serves an empty topology marked absent while contours were never loaded", async () => {
    const root = await mkdtemp(join(tmpdir(), "kit-"));
    expect(await contoursOrAbsent("commune", kitPaths(root))).toMatchObject({
      kit: {absent: true, level: "commune"}
    });
    await rm(root, {recursive: true});
  });
});
