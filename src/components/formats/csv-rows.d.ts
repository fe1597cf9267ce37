/** Objects keyed by the first row (the header) of `d3.csvParseRows`' arrays, values as strings; no eval. */
export function csvObjects(rows: string[][]): Record<string, string>[];
