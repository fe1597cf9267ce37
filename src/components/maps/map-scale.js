// Colour classes of a choropleth: quantile, threshold or diverging bins, and their French legend labels.
// Pure (no DOM, no npm import): tested with vitest.
import {formatNumber} from "../formats/format.js";

/**
 * Computes class thresholds for finite `values`.
 * - `quantile`: `classes` groups of (about) equal counts;
 * - `threshold`: the given `thresholds`, sorted;
 * - `diverging`: symmetric around `center` (default 0), `classes` (odd is best); the limits are quantiles of the
 *   distances to the centre (robust to outliers).
 * Duplicate thresholds (many equal values) are removed, so there may be fewer classes than asked.
 * @param {Iterable<number | null | undefined>} values
 * @param {{type?: "quantile" | "threshold" | "diverging", classes?: number, thresholds?: number[], center?: number}} [options]
 * @returns {{type: string, thresholds: number[], classes: number, center?: number}}
 */
export function computeBins(values, {type = "quantile", classes = 5, thresholds, center = 0} = {}) {
  const sorted = Array.from(values)
    .filter((v) => typeof v === "number" && Number.isFinite(v))
    .sort((a, b) => a - b);
  let t;
  if (type === "threshold") {
    if (!thresholds?.length) throw new Error("computeBins: a threshold scale needs `thresholds`");
    t = [...thresholds].sort((a, b) => a - b);
  } else if (type === "diverging") {
    // Symmetric around the centre; the limits are quantiles of the distances to the centre, so that outliers
    // do not push every value into the middle class.
    const k = classes % 2 ? (classes - 1) / 2 : classes / 2 - 1;
    const deviations = sorted.map((v) => Math.abs(v - center)).sort((a, b) => a - b);
    const d = [];
    for (let i = 1; i <= k; i++) d.push(deviations.length ? quantileSorted(deviations, i / (k + 1)) : i);
    t = [
      ...d.map((x) => center - x).reverse(),
      ...(classes % 2 ? [] : [center]),
      ...d.map((x) => center + x)
    ];
  } else if (type === "quantile") {
    t = [];
    for (let i = 1; i < classes; i++) {
      if (sorted.length) t.push(quantileSorted(sorted, i / classes));
    }
  } else throw new Error(`computeBins: unknown scale type ${type}`);
  t = t.filter((x, i) => i === 0 || x > t[i - 1]);
  return {type, thresholds: t, classes: t.length + 1, ...(type === "diverging" ? {center} : {})};
}

/** Linear-interpolated quantile of sorted numbers (R-7, as d3.quantileSorted). */
function quantileSorted(sorted, p) {
  const h = (sorted.length - 1) * p;
  const i = Math.floor(h);
  const a = sorted[i];
  const b = sorted[Math.min(i + 1, sorted.length - 1)];
  return a + (b - a) * (h - i);
}

/**
 * Index of the class of `value`: 0 below the first threshold, `thresholds.length` at or above the last.
 * @returns {number | null} null for a missing value
 */
export function classify(value, thresholds) {
  if (value == null || !Number.isFinite(value)) return null;
  let lo = 0;
  let hi = thresholds.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (value < thresholds[mid]) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * French labels of the classes: « moins de 10 », « de 10 à moins de 20 », « 20 ou plus ».
 * @param {number[]} thresholds
 * @param {(x: number) => string} [format] default: French number format
 */
export function classLabels(thresholds, format = (x) => formatNumber(x)) {
  if (thresholds.length === 0) return ["toutes les valeurs"];
  return [
    `moins de ${format(thresholds[0])}`,
    ...thresholds.slice(1).map((t, i) => `de ${format(thresholds[i])} à moins de ${format(t)}`),
    `${format(thresholds.at(-1))} ou plus`
  ];
}
