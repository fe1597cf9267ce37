export const MAX_DECIMALS: number;
export type EncodedMeasure =
  | {
      type: "int8" | "int16" | "int32";
      decimals: number;
      missing: number;
      data: Int8Array | Int16Array | Int32Array;
    }
  | {type: "float32"; data: Float32Array}
  | {type: "float64"; data: Float64Array};
/** The smallest exact encoding of a measure per commune (NaN = missing). */
export function encodeMeasure(values: Float64Array): EncodedMeasure;
/** The values an encoded measure stands for (NaN = missing). */
export function decodeMeasure(
  data: Int8Array | Int16Array | Int32Array | Float32Array | Float64Array,
  integers?: {decimals?: number; missing?: number}
): Float64Array;
/** The values of a measure's Apache Arrow table (column `v`, metadata `decimals` and `missing`), NaN = missing. */
export function measureValues(table: {
  schema: {metadata: Map<string, string>};
  getChild: (name: string) => any;
}): Float64Array;
