import type {CogCodeReport} from "../../loaders/geo/cog-report.ts";
/** The `cog` section of a meta.json (written by loaders/geo/cog-report.ts). */
export type CogReport = CogCodeReport;
/** The report in one French sentence, plus one line per reason. */
export function cogSummary(cog: CogReport): {summary: string; reasons: string[]};
