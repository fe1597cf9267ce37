export type TerritoryLevel = "commune" | "epci" | "departement" | "region";
/** The chart chosen for a result. */
export type ChartSpec =
  | {type: "map"; level: TerritoryLevel; code: string; value: string}
  | {type: "line"; x: string; y: string}
  | {type: "bar"; x: string; y: string}
  | {type: "none"; reason: string};
/** The kind of an Arrow field (or of a plain {type} string). */
export function fieldKind(field: {type?: unknown}): "number" | "date" | "string" | "boolean" | "other";
/** The territorial level of a column of codes, from its name and values, or null. */
export function codeLevel(name: string, values: unknown[]): TerritoryLevel | null;
/** The chart to draw for a result, from its fields and a sample of rows. */
export function chooseChart(
  fields: {name: string; type: unknown}[],
  rows: Record<string, unknown>[]
): ChartSpec;
