/**
 * Today's commune (COG 2026) of the commune codes found in a source, through the rules of
 * `loaders/geo/cog.ts` (former communes merged since, communes déléguées or associées, arrondissements of Paris,
 * Lyon and Marseille). Every défi aggregate brings each of its sources through this before joining, once, at
 * build time.
 */
import type {Cell} from "../../core/table.ts";
import {cog2026, mapCommuneCodes, type CogIndex, type MappingReport} from "../../geo/cog.ts";

/** A source's codes brought to COG 2026. */
export interface CurrentCodes {
  /** Today's commune of a code of the source; null when the code has none (unknown or malformed). */
  toCurrent: (code: Cell | undefined) => string | null;
  /** What was changed and what could not be mapped (see {@link MappingReport}). */
  report: MappingReport;
}

/** Maps the distinct codes of `codes` (a column of a table; nulls ignored) to COG 2026. Pure. */
export function currentCodes(codes: Iterable<Cell | undefined>, index: CogIndex = cog2026()): CurrentCodes {
  const distinct = new Set<string>();
  for (const code of codes) if (typeof code === "string" && code !== "") distinct.add(code);
  const {lookup, report} = mapCommuneCodes(distinct, index);
  return {toCurrent: (code) => (typeof code === "string" ? (lookup.get(code) ?? null) : null), report};
}
