/** Kind of colour scale of a choropleth. */
export type ScaleType = "quantile" | "threshold" | "diverging";
/** Options of {@link computeBins}. */
export interface BinOptions {
  /** Default `quantile`. */
  type?: ScaleType;
  /** Number of classes wanted (quantile, diverging); default 5. */
  classes?: number;
  /** Class limits (threshold scale). */
  thresholds?: number[];
  /** Centre of a diverging scale (default 0; e.g. 100 for an index whose average is 100). */
  center?: number;
}
/** Class limits computed from the values. */
export interface Bins {
  type: ScaleType;
  thresholds: number[];
  classes: number;
  center?: number;
}
/** Computes class thresholds from values (missing values ignored). */
export function computeBins(values: Iterable<number | null | undefined>, options?: BinOptions): Bins;
/** Class index of a value (0 … thresholds.length), or null when missing. */
export function classify(value: number | null | undefined, thresholds: readonly number[]): number | null;
/** French labels of the classes, in order. */
export function classLabels(thresholds: readonly number[], format?: (x: number) => string): string[];
