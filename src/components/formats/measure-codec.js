/**
 * The smallest exact encoding of a measure per commune (src/data/indicateurs.zip.ts writes it, the indicator
 * pages read it): a `Float64Array` with `NaN` for missing values becomes integers when every value is a decimal
 * number of at most {@link MAX_DECIMALS} digits (stored as `value × 10^decimals` in 8, 16 or 32 bits, the
 * type's smallest value marking a missing one), else 32-bit floats when every value is one, else stays 64-bit.
 * Decoding gives back exactly the same doubles: `n / 10^decimals` is the double nearest to the decimal, which is
 * what the value was. Pure.
 */

/** Most decimal digits tried before falling back to floats. */
export const MAX_DECIMALS = 6;

/** @type {{type: "int8" | "int16" | "int32", Array: Int8ArrayConstructor | Int16ArrayConstructor | Int32ArrayConstructor, missing: number}[]} */
const INTEGERS = [
  {type: "int8", Array: Int8Array, missing: -128},
  {type: "int16", Array: Int16Array, missing: -32768},
  {type: "int32", Array: Int32Array, missing: -2147483648}
];

/** The number of decimals (0 to MAX_DECIMALS) that writes every finite value exactly, or -1. */
function decimalsOf(values) {
  search: for (let decimals = 0; decimals <= MAX_DECIMALS; decimals++) {
    const scale = 10 ** decimals;
    for (const v of values) {
      if (Number.isNaN(v)) continue;
      const n = Math.round(v * scale);
      if (!Number.isSafeInteger(n) || n / scale !== v) continue search;
    }
    return decimals;
  }
  return -1;
}

/**
 * @typedef {{type: "int8" | "int16" | "int32", decimals: number, missing: number, data: Int8Array | Int16Array | Int32Array}
 *   | {type: "float32", data: Float32Array} | {type: "float64", data: Float64Array}} EncodedMeasure
 */

/**
 * The smallest exact encoding of `values` (NaN = missing).
 * @param {Float64Array} values
 * @returns {EncodedMeasure}
 */
export function encodeMeasure(values) {
  const decimals = decimalsOf(values);
  if (decimals >= 0) {
    const scale = 10 ** decimals;
    let min = Infinity;
    let max = -Infinity;
    for (const v of values)
      if (!Number.isNaN(v)) {
        const n = Math.round(v * scale);
        if (n < min) min = n;
        if (n > max) max = n;
      }
    // The type's smallest value marks a missing one, so values lie strictly above it.
    const fit = INTEGERS.find(({missing}) => min === Infinity || (min > missing && max <= -missing - 1));
    if (fit) {
      const data = new fit.Array(values.length);
      values.forEach((v, i) => (data[i] = Number.isNaN(v) ? fit.missing : Math.round(v * scale)));
      return {type: fit.type, decimals, missing: fit.missing, data};
    }
  }
  if (values.every((v) => Number.isNaN(v) || Math.fround(v) === v))
    return {type: "float32", data: Float32Array.from(values)};
  return {type: "float64", data: values};
}

/**
 * The values an {@link encodeMeasure} result stands for, as a new `Float64Array` (NaN = missing).
 * @param {Int8Array | Int16Array | Int32Array | Float32Array | Float64Array} data
 * @param {{decimals?: number, missing?: number}} [integers] for integer data: its decimals and missing marker
 * @returns {Float64Array}
 */
export function decodeMeasure(data, {decimals = 0, missing} = {}) {
  if (data instanceof Float64Array || data instanceof Float32Array) return Float64Array.from(data);
  const scale = 10 ** decimals;
  const out = new Float64Array(data.length);
  for (let i = 0; i < data.length; i++) {
    const n = data[i];
    out[i] = n === missing ? NaN : decimals ? n / scale : n;
  }
  return out;
}

/**
 * The values of a measure's Apache Arrow table (column `v`, written by loaders/site/indicators.ts `measureArrow`)
 * as a Float64Array, NaN where missing.
 * @param {{schema: {metadata: Map<string, string>}, getChild: (name: string) => any}} table
 * @returns {Float64Array}
 */
export function measureValues(table) {
  const metadata = table.schema.metadata;
  const number = (key) => (metadata.has(key) ? Number(metadata.get(key)) : undefined);
  return decodeMeasure(table.getChild("v").toArray(), {
    decimals: number("decimals"),
    missing: number("missing")
  });
}
