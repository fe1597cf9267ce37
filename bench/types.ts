/**
 * A benchmark case: prepares its input once, then each variant runs in its own child process so that time and
 * peak memory (maxRSS) are measured separately.
 */
export interface BenchCase {
  name: string;
  description: string;
  /** Creates the input in `dir`; returns its path. */
  prepare: (dir: string) => Promise<string>;
  /**
   * Variants by label; each returns the number of rows it produced, or that number with the time it measured
   * itself (`ms`, e.g. inside a browser), which is then printed instead of the child's wall time.
   */
  variants: Record<string, (input: string, dir: string) => Promise<number | VariantResult>>;
  /**
   * Times each variant runs, the variants taking turns (so that a busy machine weighs on all of them alike);
   * then each prints its median and range. Default 1.
   */
  runs?: number;
  /** Ratios printed after the variants: `of` over `to`, by median time and by median peak memory. */
  ratios?: readonly {label: string; of: string; to: string}[];
}

/** What a variant that measures its own time returns. */
export interface VariantResult {
  rows: number;
  /** The time measured by the variant (ms). */
  ms: number;
  /** A report printed under the variant's line (a table of figures, one string per line). */
  lines?: string[];
}
