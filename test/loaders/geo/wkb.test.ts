import type {Geometry} from "geojson";
import {describe, expect, it} from "vitest";
import {decodeWkb, encodeWkb} from "../../../loaders/geo/wkb.ts";

const samples: Geometry[] = [
  {type: "Point", coordinates: [2.35, 48.85]},
  {
    type: "LineString",
    coordinates: [
      [0, 0],
      [1, 1]
    ]
  },
  {
    type: "Polygon",
    coordinates: [
      [
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 0]
      ]
    ]
  },
  {
    type: "MultiPolygon",
    coordinates: [
      [
        [
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 0]
        ]
      ],
      [
        [
          [5, 5],
          [6, 5],
          [6, 6],
          [5, 5]
        ]
      ]
    ]
  },
  {
    type: "MultiPoint",
    coordinates: [
      [1, 2],
      [3, 4]
    ]
  },
  {
    type: "MultiLineString",
    coordinates: [
      [
        [0, 0],
        [1, 1]
      ],
      [
        [2, 2],
        [3, 3]
      ]
    ]
  },
  {type: "GeometryCollection", geometries: [{type: "Point", coordinates: [1, 2]}]}
];

describe("WKB", () => {
  it("round-trips every geometry type", () => {
    for (const g of samples) expect(decodeWkb(encodeWkb(g))).toEqual(g);
  });
  it("reads big-endian points and drops Z (ISO and EWKB flags)", () => {
    const be = new DataView(new ArrayBuffer(21));
    be.setUint8(0, 0);
    be.setUint32(1, 1, false);
    be.setFloat64(5, 2.5, false);
    be.setFloat64(13, -1, false);
    expect(decodeWkb(new Uint8Array(be.buffer))).toEqual({type: "Point", coordinates: [2.5, -1]});
    for (const type of [1001, 0x80000001]) {
      const z = new DataView(new ArrayBuffer(29));
      z.setUint8(0, 1);
      z.setUint32(1, type, true);
      [7, 8, 9].forEach((v, i) => z.setFloat64(5 + 8 * i, v, true));
      expect(decodeWkb(new Uint8Array(z.buffer))).toEqual({type: "Point", coordinates: [7, 8]});
    }
  });
  it("rejects truncated input and unknown types with the byte offset", () => {
    const bytes = encodeWkb(samples[2]!);
    expect(() => decodeWkb(bytes.slice(0, bytes.length - 3))).toThrow(/end of data at byte/);
    const bad = bytes.slice();
    bad[1] = 42;
    expect(() => decodeWkb(bad)).toThrow(/unsupported geometry type 42/);
  });
});
