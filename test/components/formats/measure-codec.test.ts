import {tableFromIPC} from "apache-arrow";
import {describe, expect, it} from "vitest";
import {measureArrow} from "../../../loaders/site/indicators.ts";
import {decodeMeasure, encodeMeasure, measureValues} from "../../../src/components/formats/measure-codec.js";

/** Same doubles, NaN included (Object.is tells NaN from NaN as equal, 0 from -0 apart: both kept). */
const expectSame = (got: Float64Array, want: Float64Array) => {
  expect(got.length).toBe(want.length);
  for (let i = 0; i < want.length; i++) expect(Object.is(got[i], want[i]) || got[i] === want[i]).toBe(true);
};

describe("a measure per commune, in its smallest exact type", () => {
  const cases: [string, number[], string][] = [
    ["row counts", [0, 3, 12, NaN, 127], "int8"],
    ["populations", [860, 270, 2_165_423, NaN], "int32"],
    ["rates with one decimal", [12.3, 0.1, 99.9, NaN, -4.2], "int16"],
    ["rates with two decimals", [0.07, 0.15, 1234.56], "int32"],
    ["means that are no short decimal", [1 / 3, 2 / 7, NaN], "float64"],
    ["values that are exactly 32-bit floats", [Math.fround(1e-7 * 3), Math.fround(0.3)], "float32"]
  ];
  for (const [what, values, type] of cases)
    it(`${what}: ${type}, decoded to the same doubles`, () => {
      const original = Float64Array.from(values);
      const encoded = encodeMeasure(original);
      expect(encoded.type).toBe(type);
      expectSame(decodeMeasure(encoded.data, "decimals" in encoded ? encoded : {}), original);
    });

  it("keeps the type's smallest value for missing ones (-128 is no value of an Int8 measure)", () => {
    expect(encodeMeasure(Float64Array.from([-128, 1])).type).toBe("int16");
    expect(encodeMeasure(Float64Array.from([NaN, NaN])).type).toBe("int8");
  });

  it("reads back from the Arrow file the archive holds, with its decimals in the schema's metadata", () => {
    const original = Float64Array.from({length: 35_000}, (_, i) => (i % 17 === 0 ? NaN : (i % 1000) / 10));
    const bytes = measureArrow(original);
    expect(bytes.byteLength).toBeLessThan(original.byteLength / 3);
    expectSame(measureValues(tableFromIPC(bytes)), original);
  });
});
