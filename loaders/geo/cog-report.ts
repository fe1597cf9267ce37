/**
 * What a loaded table's commune codes become in the current COG: how many are current, how many an old code
 * maps to a current commune (and why), and which map to nothing. Every `load` and `fetch` computes it, prints
 * it and records it in meta.json (`cog`), so that no code is ever dropped from a join without a trace.
 */
import type {DatasetDeclaration} from "../core/dataset.ts";
import type {CogCodeReport} from "../core/meta.ts";
import type {Cell} from "../core/table.ts";
import {cog2026, mapCommuneCodes, type CogIndex, type MappingReason} from "./cog.ts";
import {COG_VINTAGE} from "./cog-data.ts";
import {CODE_ORIGIN} from "./commune-derivation.ts";

export type {CogCodeReport};

/** Most changes (old → new) kept in meta.json; the counts always cover all of them. */
export const MAX_LISTED_CHANGES = 200;

/** Most unmapped codes printed by the `data` command (meta.json lists them all). */
const MAX_PRINTED_CODES = 40;

/** The commune code column of a declaration: its key when that is a commune code, else the first one. */
export function communeCodeColumnOf(declaration: DatasetDeclaration): string | undefined {
  const communes = declaration.columns.filter((c) => c.type === "code" && c.code === "commune");
  return (communes.find((c) => c.name === declaration.key) ?? communes[0])?.name;
}

/** Options of {@link cogCodeReport}. */
export interface CogReportOptions {
  /** COG the codes are checked against (default COG 2026). */
  index?: CogIndex;
  /**
   * The marker column of a declaration that derives its codes (`deriveCommuneCode.marker`), row by row beside
   * `values`: codes marked `déduit` were derived by the kit at the current COG, not given by the source.
   */
  origins?: readonly Cell[];
}

/**
 * The report on the values of `column` (a commune code column of `declaration`'s main table). Pure; the COG
 * index defaults to COG 2026.
 */
export function cogCodeReport(
  declaration: DatasetDeclaration,
  column: string,
  values: Iterable<Cell>,
  {index = cog2026(), origins}: CogReportOptions = {}
): CogCodeReport {
  const distinct = new Set<string>();
  const given = new Set<string>();
  let row = 0;
  for (const v of values) {
    if (v !== null && v !== "") {
      distinct.add(String(v));
      if (origins?.[row] !== CODE_ORIGIN.derived) given.add(String(v));
    }
    row++;
  }
  const {report} = mapCommuneCodes(distinct, index);
  return {
    column,
    sourceVintage: declaration.cogVintage ?? null,
    ...(origins ? {derived: {codes: distinct.size - given.size, vintage: COG_VINTAGE}} : {}),
    targetVintage: COG_VINTAGE,
    codes: report.total,
    current: report.unchanged,
    mapped: report.mapped,
    byReason: report.byReason,
    unmapped: report.unmapped,
    changes: report.changes.slice(0, MAX_LISTED_CHANGES)
  };
}

const REASONS: Record<MappingReason, string> = {
  "ancien-code": "ancien code d'une commune fusionnée",
  "commune-deleguee": "commune déléguée",
  "commune-associee": "commune associée",
  "arrondissement-municipal": "arrondissement municipal"
};

const fr = (n: number) => n.toLocaleString("fr-FR");

/**
 * The COG the codes are in, by origin: `source au COG 2024`, `source au COG 2024 : 12, déduits au COG 2026 : 30`,
 * `tous déduits au COG 2026`, `millésime de la source non précisé`.
 */
export function codeVintages(report: CogCodeReport): string {
  const source = report.sourceVintage
    ? `source au COG ${report.sourceVintage}`
    : "millésime de la source non précisé";
  const derived = report.derived?.codes ?? 0;
  if (derived === 0) return source;
  if (derived === report.codes) return `tous déduits au COG ${report.derived!.vintage}`;
  return `${source} : ${fr(report.codes - derived)}, déduits au COG ${report.derived!.vintage} : ${fr(derived)}`;
}

/** The report in French, one line per fact, for the `data` command's output. */
export function formatCogReport(id: string, report: CogCodeReport): string[] {
  if (report.codes === 0)
    return [
      `${id} : aucun code commune renseigné (colonne ${report.column}) : la table ne se joint pas aux communes par ce code`
    ];
  const lines = [
    `${id} : ${fr(report.codes)} codes commune distincts (${codeVintages(report)}) ; ${fr(report.current)} au COG ${report.targetVintage}, ${fr(report.mapped)} ramenés à une commune actuelle, ${fr(report.unmapped.length)} sans correspondance`
  ];
  const reasons = (Object.keys(REASONS) as MappingReason[]).filter((r) => report.byReason[r] > 0);
  if (reasons.length)
    lines.push(`  ramenés : ${reasons.map((r) => `${fr(report.byReason[r])} × ${REASONS[r]}`).join(", ")}`);
  if (report.unmapped.length) {
    const shown = report.unmapped.slice(0, MAX_PRINTED_CODES).join(", ");
    const more = report.unmapped.length - MAX_PRINTED_CODES;
    lines.push(
      `  sans correspondance : ${shown}${more > 0 ? ` … et ${fr(more)} autres (liste complète : meta.json, « cog »)` : ""}`
    );
  }
  return lines;
}
