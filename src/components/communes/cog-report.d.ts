import type {CogCodeReport} from "../../loaders/geo/cog-report.ts";
import type {DerivedCodesReport} from "../../loaders/geo/commune-derivation.ts";
/** The `cog` section of a meta.json (written by loaders/geo/cog-report.ts). */
export type CogReport = CogCodeReport;
/** The `derivedCodes` section of a meta.json (written by loaders/geo/commune-derivation.ts). */
export type DerivedCodes = DerivedCodesReport;
/** The report in one French sentence, plus one line per reason. */
export function cogSummary(cog: CogReport): {summary: string; reasons: string[]};
/** Derived commune codes in one French sentence, and the names that matched no commune (`Nom (code postal)`). */
export function derivedCodesSummary(report: DerivedCodes): {summary: string; unmatched: string[]};
