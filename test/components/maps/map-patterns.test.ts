// @vitest-environment jsdom
/** The non-colour fills of maps: secret values hatched, territories without data dotted, on SVG and canvas. */
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {componentsDir} from "../load-components.ts";

const dir = componentsDir();
const {MAP_PATTERNS, PATTERN_KEYS, paintTile, patternDefs, patternFill, patternMarkup, patternSwatch} =
  (await import(
    /* @vite-ignore */ join(dir, "maps", "map-patterns.js")
  )) as typeof import("../../../src/components/maps/map-patterns.js");

/** A 2D context that records what is painted, and with which fill. */
function recorder() {
  const calls: string[] = [];
  const context = {
    fillStyle: "" as unknown,
    fillRect: (x: number, y: number, w: number, h: number) =>
      calls.push(`rect ${String(context.fillStyle)} ${x} ${y} ${w} ${h}`),
    beginPath: () => calls.push("begin"),
    arc: (x: number, y: number, r: number) => calls.push(`arc ${x} ${y} ${r}`),
    fill: () => calls.push(`fill ${String(context.fillStyle)}`)
  };
  return {context, calls};
}

describe("map patterns", () => {
  it("gives secret and missing different marks, backgrounds and legend texts", () => {
    const {secret, missing} = MAP_PATTERNS;
    expect(secret.mark).toBe("hatch");
    expect(missing.mark).toBe("dots");
    expect(secret.background).not.toBe(missing.background);
    expect(secret.label).toMatch(/masqué/);
    expect(missing.label).toBe("pas de donnée");
    expect(PATTERN_KEYS.secret).not.toBe(PATTERN_KEYS.missing);
  });
  it("writes SVG patterns whose ids the fills point to: a turned line for secret, a dot for missing", () => {
    const defs = patternDefs("p1");
    const secret = defs.querySelector('pattern[id="p1-secret"]')!;
    const missing = defs.querySelector('pattern[id="p1-missing"]')!;
    expect(secret.getAttribute("patternTransform")).toBe("rotate(45)");
    expect(secret.querySelector("line")).not.toBeNull();
    expect(missing.querySelector("circle")?.getAttribute("fill")).toBe(MAP_PATTERNS.missing.ink);
    expect(patternFill("p1", "missing")).toBe("url(#p1-missing)");
    expect(() => patternMarkup("other" as "secret", "x")).toThrow(/motif inconnu/);
  });
  it("paints the same tiles on a canvas: background, then the hatch's line or the centred dot, at the pixel ratio", () => {
    const hatch = recorder();
    expect(paintTile(hatch.context, "secret", 2)).toBe(12);
    expect(hatch.calls).toEqual([
      `rect ${MAP_PATTERNS.secret.background} 0 0 12 12`,
      `rect ${MAP_PATTERNS.secret.ink} 0 0 1.6 12`
    ]);
    const dots = recorder();
    expect(paintTile(dots.context, "missing", 2)).toBe(10);
    expect(dots.calls).toEqual([
      `rect ${MAP_PATTERNS.missing.background} 0 0 10 10`,
      "begin",
      "arc 5 5 1.8",
      `fill ${MAP_PATTERNS.missing.ink}`
    ]);
  });
  it("draws a legend swatch with its own patterns, hidden from screen readers, its label as text", () => {
    const span = patternSwatch("secret", "legend");
    expect(span.textContent!.trim()).toBe("masqué (petit effectif)");
    const svg = span.querySelector("svg")!;
    expect(svg.getAttribute("aria-hidden")).toBe("true");
    expect(svg.querySelector("rect[fill='url(#legend-secret)']")).not.toBeNull();
    expect(svg.querySelector('pattern[id="legend-secret"]')).not.toBeNull();
  });
});
