// @vitest-environment jsdom
/** The pure parts of canvas maps: projection fitting (as Plot), grouping by fill, painting, picking. */
import {join} from "node:path";
import * as Plot from "@observablehq/plot";
import * as d3 from "d3";
import type {Feature, FeatureCollection, MultiPolygon, Polygon} from "geojson";
import {feature} from "topojson-client";
import {topology} from "topojson-server";
import type {GeometryCollection} from "topojson-specification";
import {describe, expect, it} from "vitest";
import {mulberry32} from "../../../loaders/core/prng.ts";
import {departementTileTopology} from "../../../loaders/geo/tilegrid.ts";
import {componentsDir} from "../load-components.ts";

const dir = componentsDir();
const {baseProjection, fitProjection, fitToBounds, heightFor, mapHeight} = (await import(
  /* @vite-ignore */ join(dir, "maps", "map-projection.js")
)) as typeof import("../../../src/components/maps/map-projection.js");
const {
  BORDER_MIN_SIDE,
  borderWidth,
  featurePathData,
  groupByFill,
  meanSide,
  paintGroups,
  paintMesh,
  projectTopology
} = (await import(
  /* @vite-ignore */ join(dir, "maps", "map-canvas.js")
)) as typeof import("../../../src/components/maps/map-canvas.js");
const {featureBoxes, featureContains, featureIndex} = (await import(
  /* @vite-ignore */ join(dir, "maps", "map-pick.js")
)) as typeof import("../../../src/components/maps/map-pick.js");
const {choropleth, projectionFor, renderMode, topologyFeatures, CANVAS_ABOVE} = await import(
  /* @vite-ignore */ join(dir, "maps", "choropleth.js")
);

/** A square feature [x, y] … [x + size, y + size], rings clockwise as d3 expects (outer ring of a small area). */
const square = (id: string, x: number, y: number, size = 1): Feature<Polygon> => ({
  type: "Feature",
  id,
  properties: {},
  geometry: {
    type: "Polygon",
    coordinates: [
      [
        [x, y],
        [x, y + size],
        [x + size, y + size],
        [x + size, y],
        [x, y]
      ]
    ]
  }
});

/** Bounds of the numbers of an SVG path's `d`, shifted by the translate() transforms of its ancestors. */
function drawnBounds(path: Element): [[number, number], [number, number]] {
  const numbers = (path.getAttribute("d") ?? "").match(/-?\d*\.?\d+(e-?\d+)?/g)!.map(Number);
  let dx = 0;
  let dy = 0;
  for (let e: Element | null = path; e; e = e.parentElement) {
    const t = /translate\(([-\d.]+),\s*([-\d.]+)\)/.exec(e.getAttribute("transform") ?? "");
    if (t) [dx, dy] = [dx + Number(t[1]), dy + Number(t[2])];
  }
  const xs = numbers.filter((_, i) => i % 2 === 0).map((x) => x + dx);
  const ys = numbers.filter((_, i) => i % 2 === 1).map((y) => y + dy);
  return [
    [Math.min(...xs), Math.min(...ys)],
    [Math.max(...xs), Math.max(...ys)]
  ];
}

describe("fitProjection", () => {
  const france = {
    type: "FeatureCollection" as const,
    features: [square("a", -4.8, 42.3, 12.9), square("b", 2, 46)]
  };
  for (const kind of [undefined, "grid", "lambert93"]) {
    it(`fits the domain like Plot does, height included (${kind ?? "longitude/latitude"})`, () => {
      const domain =
        kind === undefined
          ? france
          : {
              type: "FeatureCollection" as const,
              features: [square("a", 100, 6000, 800), square("b", 300, 6200)]
            };
      const spec = projectionFor({kit: {projection: kind}}, domain);
      const width = 480;
      const svg = Plot.plot({width, projection: spec, marks: [Plot.geo(domain.features)]});
      const height = mapHeight(spec, width);
      expect(Number(svg.getAttribute("height"))).toBe(height);
      const {projection} = fitProjection(spec, width);
      const paths = svg.querySelectorAll("path");
      domain.features.forEach((feature, i) => {
        const ours = d3.geoPath(projection).bounds(feature);
        const plot = drawnBounds(paths[i]!);
        for (let k = 0; k < 2; k++)
          for (let j = 0; j < 2; j++) expect(Math.abs(ours[k]![j]! - plot[k]![j]!)).toBeLessThan(0.02);
      });
    });
  }
  it("keeps north up for Lambert-93 and y down for tile grids", () => {
    const domain = {type: "FeatureCollection" as const, features: [square("s", 0, 0), square("n", 0, 10)]};
    const y = (kind: string, p: [number, number]) =>
      fitProjection(projectionFor({kit: {projection: kind}}, domain), 200).projection(p)![1];
    expect(y("lambert93", [0, 10])).toBeLessThan(y("lambert93", [0, 0]));
    expect(y("grid", [0, 10])).toBeGreaterThan(y("grid", [0, 0]));
  });
  it("centres the domain in the given frame", () => {
    const spec = projectionFor({}, france);
    const [[x0, y0], [x1, y1]] = d3.geoPath(fitProjection(spec, 300, 600).projection).bounds(france);
    expect(x0).toBeCloseTo(0.5, 6);
    expect(x1).toBeCloseTo(299.5, 6);
    expect((y0 + y1) / 2).toBeCloseTo(300, 6);
  });
});

/** A topology of squares (one object "squares"), quantized or not; its geometries and GeoJSON features. */
function squaresTopology(squares: Feature[], quantization?: number) {
  const collection: FeatureCollection = {type: "FeatureCollection", features: squares};
  const topo = topology({squares: collection}, quantization);
  const object = topo.objects.squares as GeometryCollection;
  return {topo, geometries: object.geometries, features: feature(topo, object).features};
}

describe("groupByFill, projectTopology and paintGroups", () => {
  // A 6 × 10 grid of touching squares: inner borders are arcs shared by two squares.
  const squares = Array.from({length: 60}, (_, i) => square(String(i), i % 6, Math.floor(i / 6)));
  const fillOf = (f: {id?: string | number}) =>
    Number(f.id) % 7 === 0 ? "hatched" : ["red", "blue", "green"][Number(f.id) % 3]!;
  const recorder = () => {
    const calls: string[] = [];
    const points: [number, number][] = [];
    const context = {
      fillStyle: "" as unknown,
      strokeStyle: "" as unknown,
      lineWidth: 1,
      beginPath: () => calls.push("begin"),
      moveTo: (x: number, y: number) => (calls.push("move"), points.push([x, y])),
      lineTo: (x: number, y: number) => points.push([x, y]),
      closePath: () => {},
      fill: () => calls.push(`fill ${String(context.fillStyle)}`),
      stroke: () => calls.push("stroke")
    };
    return {context, calls, points};
  };
  it("lists the indices of every feature under its fill, fills in order of first appearance", () => {
    const groups = groupByFill(squares, fillOf);
    expect([...groups.keys()]).toEqual(["hatched", "blue", "green", "red"]);
    expect([...groups.values()].flat().sort((a, b) => a - b)).toEqual(squares.map((_, i) => i));
    for (const [fill, indices] of groups) for (const i of indices) expect(fillOf(squares[i]!)).toBe(fill);
  });
  for (const quantization of [undefined, 1e4]) {
    it(`assembles the rings of the projected arcs as topojson-client does (${quantization ? "quantized" : "raw"})`, () => {
      const {topo, geometries, features} = squaresTopology(squares, quantization);
      const base = baseProjection(projectionFor({}));
      const shown = geometries.filter((_, i) => i % 5 !== 1); // a zoom keeps some
      const planar = projectTopology(topo, shown, base);
      const expected = features.filter((_, i) => i % 5 !== 1);
      expect(planar.featureEnds).toHaveLength(shown.length);
      expected.forEach((f, i) => {
        const ring = (f.geometry as Polygon).coordinates[0]!;
        const r = planar.featureEnds[i]! - 1;
        const start = r ? planar.ringEnds[r - 1]! : 0;
        expect(planar.ringEnds[r]! - start).toBe(ring.length);
        ring.forEach((p, k) => {
          const [x, y] = base(p as [number, number])!;
          expect(planar.coords[2 * (start + k)]).toBeCloseTo(x, 9);
          expect(planar.coords[2 * (start + k) + 1]).toBeCloseTo(y, 9);
        });
      });
      const bounds = d3.geoPath(base).bounds({type: "FeatureCollection", features: expected});
      for (let k = 0; k < 2; k++)
        for (let j = 0; j < 2; j++) expect(planar.bounds[k]![j]).toBeCloseTo(bounds[k]![j]!, 1);
    });
  }
  it("draws, through the fit's transform, what the fitted projection draws, and fits as d3's bounds do", () => {
    const {topo, geometries} = squaresTopology(squares);
    const spec = projectionFor({}, {type: "FeatureCollection", features: squares});
    const base = baseProjection(spec);
    const planar = projectTopology(topo, [...geometries, {type: null}], base);
    expect(planar.featureEnds.at(-1)).toBe(planar.featureEnds.at(-2)); // no rings for no geometry
    const {projection, transform} = fitToBounds(base, planar.bounds, 300, heightFor(planar.bounds, 300));
    const {context, points} = recorder();
    paintGroups(context, planar, groupByFill(geometries, fillOf), {transform});
    // Rings may start at another vertex once in a topology: compare the sets of vertices.
    const key = ([x, y]: [number, number]) => `${x.toFixed(4)} ${y.toFixed(4)}`;
    const expected = squares.flatMap((f) =>
      f.geometry.coordinates[0]!.map((p) => projection(p as [number, number])!)
    );
    expect([...new Set(points.map(key))].sort()).toEqual([...new Set(expected.map(key))].sort());
    expect(points).toHaveLength(expected.length);
    // The same fit as with d3's bounds (which resample edges along great circles): well under a pixel apart.
    const reference = fitProjection(spec, 300).projection;
    for (const p of [
      [0, 0],
      [6, 10]
    ] as [number, number][])
      for (let k = 0; k < 2; k++) expect(Math.abs(projection(p)![k]! - reference(p)![k]!)).toBeLessThan(0.05);
  });
  it("fills a few dozen features at a time per fill, with patterns for non-colour fills", () => {
    const {topo, geometries} = squaresTopology(squares);
    const groups = groupByFill(geometries, fillOf);
    const planar = projectTopology(topo, geometries, baseProjection({type: "identity"}));
    const {context, calls} = recorder();
    const painted = paintGroups(context, planar, groups, {patterns: {hatched: "PATTERN"}});
    expect(painted).toBe(geometries.length);
    const fills = calls.filter((c) => c.startsWith("fill"));
    expect(calls.filter((c) => c === "begin")).toHaveLength(fills.length);
    expect(fills.length).toBeLessThan(geometries.length / 4);
    expect([...new Set(fills)]).toEqual(["fill PATTERN", "fill blue", "fill green", "fill red"]);
    expect(calls.filter((c) => c === "move")).toHaveLength(geometries.length); // one ring each
    expect(calls).not.toContain("stroke");
  });
});

describe("borders: meanSide, borderWidth and paintMesh", () => {
  /** The unit segments drawn by paintMesh, each as "x0 y0 x1 y1" with its ends in order, and their count. */
  const strokedSegments = (
    planar: ReturnType<typeof projectTopology>,
    transform?: [number, number, number]
  ) => {
    const segments: string[] = [];
    let last: [number, number] | null = null;
    let strokes = 0;
    const context = {
      fillStyle: "" as unknown,
      strokeStyle: "" as unknown,
      lineWidth: 1,
      beginPath: () => (last = null),
      moveTo: (x: number, y: number) => (last = [x, y]),
      lineTo: (x: number, y: number) => {
        const ends = [last!, [x, y] as [number, number]]
          .map(([u, v]) => `${u.toFixed(6)} ${v.toFixed(6)}`)
          .sort();
        segments.push(ends.join(" "));
        last = [x, y];
      },
      closePath: () => {},
      fill: () => {
        throw new Error("paintMesh fills nothing");
      },
      stroke: () => strokes++
    };
    const arcs = paintMesh(context, planar, {color: "white", width: 0.4, transform});
    return {segments, strokes, arcs, context};
  };
  /** The unit edges of squares (with a 1 × 1 side at integer positions), each once, their ends through `at`. */
  const edgesOf = (cells: [number, number][], at = (x: number, y: number): [number, number] => [x, y]) => {
    const edges = new Set<string>();
    const key = (a: [number, number], b: [number, number]) =>
      [at(...a), at(...b)]
        .map(([u, v]) => `${u.toFixed(6)} ${v.toFixed(6)}`)
        .sort()
        .join(" ");
    for (const [x, y] of cells) {
      edges.add(key([x, y], [x + 1, y]));
      edges.add(key([x, y + 1], [x + 1, y + 1]));
      edges.add(key([x, y], [x, y + 1]));
      edges.add(key([x + 1, y], [x + 1, y + 1]));
    }
    return edges;
  };
  const cells: [number, number][] = Array.from({length: 60}, (_, i) => [i % 6, Math.floor(i / 6)]);
  const identity = baseProjection({type: "identity"});
  it("strokes every border once, shared or outer, and only those of the territories drawn", () => {
    const {topo, geometries} = squaresTopology(cells.map(([x, y], i) => square(String(i), x, y)));
    for (const keep of [() => true, (i: number) => i % 5 !== 1 && i < 45]) {
      const shown = geometries.filter((_, i) => keep(i));
      const planar = projectTopology(topo, shown, identity);
      const {segments, arcs, strokes} = strokedSegments(planar);
      const expected = edgesOf(cells.filter((_, i) => keep(i)));
      expect(new Set(segments)).toEqual(expected);
      expect(segments).toHaveLength(expected.size); // no border twice
      expect(arcs).toBe(planar.mesh.length);
      expect(strokes).toBeGreaterThan(0);
    }
  });
  it("leaves out the borders along territories smaller than minSide on screen", () => {
    // Two 4 × 4 squares side by side, then a column of unit squares along the second one's right side (which has
    // their corners as vertices: TopoJSON shares whole arcs only).
    const b = square("b", 4, 0, 4);
    b.geometry.coordinates[0]!.splice(3, 0, [8, 3], [8, 2], [8, 1]);
    const big = [square("a", 0, 0, 4), b];
    const small = [0, 1, 2, 3].map((y) => square(`s${y}`, 8, y));
    const {topo, geometries} = squaresTopology([...big, ...small]);
    const planar = projectTopology(topo, geometries, identity);
    const drawn = (minSide: number, k = 1) => {
      const segments: [number, number][][] = [];
      let last: [number, number] = [0, 0];
      const context = {
        ...strokedSegments(planar).context,
        moveTo: (x: number, y: number) => (last = [x, y]),
        lineTo: (x: number, y: number) => segments.push([last, (last = [x, y])])
      };
      const arcs = paintMesh(context, planar, {color: "white", width: 0.4, transform: [k, 0, 0], minSide});
      const middles = segments.map(([p, q]) => [(p![0] + q![0]) / (2 * k), (p![1] + q![1]) / (2 * k)]);
      return {arcs, middles};
    };
    /** Whether a point is on the boundary of the square [x0, y0, size]. */
    const on = ([x, y]: number[], [x0, y0, size]: [number, number, number]) =>
      ((x === x0 || x === x0 + size) && y! >= y0 && y! <= y0 + size) ||
      ((y === y0 || y === y0 + size) && x! >= x0 && x! <= x0 + size);
    const all = drawn(0);
    expect(all.arcs).toBe(planar.mesh.length);
    // At 3 px, the unit squares are too small at scale 1, large enough at scale 3.
    const {arcs, middles} = drawn(3);
    expect(arcs).toBeGreaterThan(0);
    expect(arcs).toBeLessThan(all.arcs);
    for (const m of middles) {
      expect(
        (
          [
            [0, 0, 4],
            [4, 0, 4]
          ] as const
        ).some(([x, y, size]) => on(m, [x, y, size]))
      ).toBe(true);
      expect([0, 1, 2, 3].some((y) => on(m, [8, y, 1]))).toBe(false);
    }
    expect(middles).toContainEqual([4, 2]); // the border between the two large squares
    expect(drawn(3, 3).arcs).toBe(all.arcs);
  });
  it("draws through the fit's transform, with the given colour and width", () => {
    const {topo, geometries} = squaresTopology([square("a", 0, 0), square("b", 1, 0)]);
    const planar = projectTopology(topo, geometries, identity);
    const {segments, context} = strokedSegments(planar, [10, 5, 7]);
    const expected = edgesOf(
      [
        [0, 0],
        [1, 0]
      ],
      (x, y) => [10 * x + 5, 10 * y + 7]
    );
    expect(new Set(segments)).toEqual(expected);
    expect(context.strokeStyle).toBe("white");
    expect(context.lineWidth).toBe(0.4);
  });
  it("measures the side of the average territory in pixels", () => {
    const sizes = [1, 2, 3, 1, 4];
    const {topo, geometries} = squaresTopology(sizes.map((size, i) => square(String(i), 10 * i, 0, size)));
    const planar = projectTopology(topo, [...geometries, {type: null}], identity);
    const area = sizes.reduce((sum, size) => sum + size * size, 0);
    expect(meanSide(planar, 1)).toBeCloseTo(Math.sqrt(area / sizes.length), 9);
    expect(meanSide(planar, 3)).toBeCloseTo(3 * meanSide(planar, 1), 9);
    expect(meanSide(projectTopology(topo, [], identity), 1)).toBe(0);
  });
  it("draws no borders between territories too small for them, then thin ones that grow up to the SVG's", () => {
    expect(borderWidth(0)).toBe(0);
    expect(borderWidth(BORDER_MIN_SIDE * 0.99)).toBe(0);
    expect(borderWidth(Number.NaN)).toBe(0);
    const sides = [BORDER_MIN_SIDE, 3, 5, 8, 12, 20, 50, 500];
    const widths = sides.map(borderWidth);
    for (const w of widths) {
      expect(w).toBeGreaterThan(0);
      expect(w).toBeLessThanOrEqual(0.6); // the borders of the SVG maps (Plot, strokeWidth 0.6)
    }
    for (let i = 1; i < widths.length; i++) expect(widths[i]).toBeGreaterThanOrEqual(widths[i - 1]!);
    // A line never takes more than a tenth of a territory's side.
    sides.forEach((side, i) => expect(widths[i]).toBeLessThanOrEqual(side / 10));
    expect(widths.at(-1)).toBe(0.6);
  });
});

describe("picking", () => {
  const donut: Feature<Polygon> = {
    type: "Feature",
    id: "donut",
    properties: {},
    geometry: {
      type: "Polygon",
      coordinates: [
        [
          [0, 0],
          [0, 10],
          [10, 10],
          [10, 0],
          [0, 0]
        ],
        [
          [4, 4],
          [6, 4],
          [6, 6],
          [4, 6],
          [4, 4]
        ]
      ]
    }
  };
  const identity = baseProjection({type: "identity"});
  it("leaves holes out, finds points in any part of a multipolygon, and outlines every ring", () => {
    const island = square("island", 20, 20);
    const multi: Feature<MultiPolygon> = {
      type: "Feature",
      id: "multi",
      properties: {},
      geometry: {type: "MultiPolygon", coordinates: [donut.geometry.coordinates, island.geometry.coordinates]}
    };
    const {topo, geometries} = squaresTopology([multi]);
    const planar = projectTopology(topo, geometries, identity);
    expect(featureContains(planar, 0, 2, 2)).toBe(true);
    expect(featureContains(planar, 0, 5, 5)).toBe(false);
    expect(featureContains(planar, 0, 11, 5)).toBe(false);
    expect(featureContains(planar, 0, 20.5, 20.5)).toBe(true);
    expect(featureBoxes(planar)).toEqual([[0, 0, 21, 21]]);
    expect(featurePathData(planar, 0, [2, 1, 0]).match(/M/g)).toHaveLength(3);
    expect(featurePathData(planar, 0, [2, 1, 0])).toMatch(/^M1,0L.*Z$/);
  });
  it("finds the same feature as testing every feature, for random points", () => {
    const random = mulberry32(5);
    // Cells of very different sizes, as communes, some missing, plus a feature without geometry.
    const squares: Feature<Polygon>[] = [];
    for (let i = 0; i < 60; i++)
      for (let j = 0; j < 40; j++)
        if (random() < 0.9) squares.push(square(`${i}-${j}`, i * 0.1, j * 0.1, 0.1));
    squares.push(square("big", 10, 10, 5));
    const {topo, geometries} = squaresTopology(squares);
    const planar = projectTopology(topo, [{type: null}, ...geometries], identity);
    const index = featureIndex(planar);
    let hits = 0;
    for (let k = 0; k < 2000; k++) {
      const [x, y] = [random() * 16 - 0.5, random() * 16 - 0.5];
      const expected = geometries.findIndex((_, i) => featureContains(planar, i + 1, x, y));
      expect(index.find(x, y)).toBe(expected < 0 ? -1 : expected + 1);
      if (expected >= 0) hits++;
    }
    expect(hits).toBeGreaterThan(100);
    expect(featureIndex(projectTopology(topo, [], identity)).find(0, 0)).toBe(-1);
  });
});

describe("renderMode and topologyFeatures", () => {
  it("draws on canvas only above the threshold, unless labels or a mode are asked for", () => {
    expect(renderMode(undefined, CANVAS_ABOVE)).toBe("svg");
    expect(renderMode("auto", CANVAS_ABOVE + 1)).toBe("canvas");
    expect(renderMode("auto", CANVAS_ABOVE + 1, true)).toBe("svg");
    expect(renderMode("canvas", 3)).toBe("canvas");
    expect(renderMode("svg", 1e6)).toBe("svg");
    expect(() => renderMode("webgl", 3)).toThrow(/rendu inconnu/);
  });
  it("converts a topology's object once", () => {
    const topology = {
      type: "Topology",
      arcs: [],
      objects: {a: {type: "GeometryCollection", geometries: [{type: null, id: "01"}]}}
    };
    const first = topologyFeatures(topology);
    expect(first.map((f: Feature) => f.id)).toEqual(["01"]);
    expect(topologyFeatures(topology, "a")).toBe(first);
  });
});

describe("choropleth drawn on a canvas (jsdom: no 2D context, so nothing is painted)", () => {
  it("keeps the accessible name, description, focus, legend and exports, and says how it was drawn", () => {
    const rows = [
      {code: "01", value: 1},
      {code: "02", value: "s"},
      {code: "03", value: 5}
    ];
    const fig = choropleth(departementTileTopology(), rows, {title: "Essai", render: "canvas"});
    expect(fig.dataset.render).toBe("canvas");
    expect(fig.dataset.features).toBe("101");
    const map = fig.querySelector(".kit-map-canvas")!;
    expect(map.querySelector("canvas")?.getAttribute("aria-hidden")).toBe("true");
    const svg = map.querySelector("svg[role=img]")!;
    expect(svg.getAttribute("aria-label")).toBe("Essai");
    expect(svg.getAttribute("tabindex")).toBe("0");
    expect(svg.querySelector("title")?.textContent).toBe("Essai");
    expect(svg.querySelector("desc")?.textContent).toMatch(
      /101 territoires : 2 avec une valeur, 1 masqués \(petit effectif\)/
    );
    expect(svg.querySelectorAll("path[aria-label]")).toHaveLength(0);
    expect(fig.querySelectorAll(".kit-map-export button")).toHaveLength(2);
    expect(choropleth(departementTileTopology(), rows, {title: "Essai"}).dataset.render).toBe("svg");
  });
  it("has borders when the territories are large enough on screen, none when they are specks", () => {
    const border = (width: number) =>
      Number(
        (
          choropleth(departementTileTopology(), [], {title: "Essai", render: "canvas", width}).querySelector(
            ".kit-map-canvas"
          ) as HTMLElement
        ).dataset.border
      );
    expect(border(640)).toBeGreaterThan(0);
    expect(border(12)).toBe(0);
  });
});
