/** Plain JS rows of an Arrow table (or array), at most `limit`. */
export function rowsOf(table: Iterable<unknown>, limit?: number): Record<string, unknown>[];
/** The chart of a query result (bars, line or choropleth), or a note saying why there is none. */
export function autoChart(
  table: unknown,
  options?: {topology?: (level: string) => Promise<unknown | null>; width?: number}
): Promise<Element>;
