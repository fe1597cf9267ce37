// Small statistics for the défis: weighted mean, Pearson correlation, least-squares line. Pure module; missing
// values (null, undefined, NaN) are skipped pairwise.

/** Whether `x` is a given number (not null, undefined or NaN; numeric strings count). */
export const isNumber = (x) => x != null && Number.isFinite(+x);

/** Mean of `value` weighted by `weight` over the rows where both are given; null when none. */
export function weightedMean(rows, value, weight) {
  let s = 0;
  let w = 0;
  for (const d of rows) {
    const x = value(d);
    const p = weight(d);
    if (!isNumber(x) || !isNumber(p) || p <= 0) continue;
    s += x * p;
    w += +p;
  }
  return w > 0 ? s / w : null;
}

/** Pearson's correlation coefficient of x and y (pairs with both values); null below 3 pairs or no variance. */
export function pearson(rows, x, y) {
  const fit = linearFit(rows, x, y);
  return fit ? fit.r : null;
}

/**
 * Least-squares line y = intercept + slope × x, with r and the number of pairs; null below 3 pairs or when x or
 * y does not vary.
 */
export function linearFit(rows, x, y) {
  let n = 0;
  let sx = 0;
  let sy = 0;
  for (const d of rows) {
    const a = x(d);
    const b = y(d);
    if (!isNumber(a) || !isNumber(b)) continue;
    n++;
    sx += +a;
    sy += +b;
  }
  if (n < 3) return null;
  const mx = sx / n;
  const my = sy / n;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (const d of rows) {
    const a = x(d);
    const b = y(d);
    if (!isNumber(a) || !isNumber(b)) continue;
    sxx += (a - mx) ** 2;
    syy += (b - my) ** 2;
    sxy += (a - mx) * (b - my);
  }
  if (sxx === 0 || syy === 0) return null;
  const slope = sxy / sxx;
  return {slope, intercept: my - slope * mx, r: sxy / Math.sqrt(sxx * syy), n};
}
