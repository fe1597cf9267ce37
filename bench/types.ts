/**
 * A benchmark case: prepares its input once, then each variant runs in its own child process so that time and
 * peak memory (maxRSS) are measured separately.
 */
export interface BenchCase {
  name: string;
  description: string;
  /** Creates the input in `dir`; returns its path. */
  prepare: (dir: string) => Promise<string>;
  /** Variants by label; each returns the number of rows it produced. */
  variants: Record<string, (input: string, dir: string) => Promise<number>>;
}
