/** Whether `x` is a given number (not null, undefined or NaN; numeric strings count). */
export function isNumber(x: unknown): boolean;
/** Mean of `value` weighted by `weight` over the rows where both are given (weight > 0); null when none. */
export function weightedMean<T>(
  rows: Iterable<T>,
  value: (row: T) => number | null | undefined,
  weight: (row: T) => number | null | undefined
): number | null;
/** Pearson's correlation of x and y over the pairs with both values; null below 3 pairs or no variance. */
export function pearson<T>(
  rows: Iterable<T>,
  x: (row: T) => number | null | undefined,
  y: (row: T) => number | null | undefined
): number | null;
/** Least-squares line y = intercept + slope × x, with Pearson's r and the number of pairs used. */
export function linearFit<T>(
  rows: Iterable<T>,
  x: (row: T) => number | null | undefined,
  y: (row: T) => number | null | undefined
): {slope: number; intercept: number; r: number; n: number} | null;
