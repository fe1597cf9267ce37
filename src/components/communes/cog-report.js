// What a table's commune codes become in the current COG (meta.json `cog`, written by `load` and `fetch`).
import {formatNumber} from "../formats/format.js";

const REASONS = {
  "ancien-code": "anciens codes de communes fusionnées",
  "commune-deleguee": "communes déléguées",
  "commune-associee": "communes associées",
  "arrondissement-municipal": "arrondissements municipaux"
};

/**
 * The COG the codes are in, by origin (source, or derived by the kit from names and postal codes).
 * @param {import("./cog-report.js").CogReport} cog
 */
function codeVintages(cog) {
  const source = cog.sourceVintage ? `codés au COG ${cog.sourceVintage}` : "de millésime non précisé";
  const derived = cog.derived?.codes ?? 0;
  if (derived === 0) return source;
  const byKit = `déduits par le kit au COG ${cog.derived.vintage}`;
  if (derived === cog.codes) return `tous ${byKit}`;
  return `${formatNumber(cog.codes - derived)} ${source} par la source, ${formatNumber(derived)} ${byKit}`;
}

/**
 * The report in one French sentence, plus one line per reason.
 * @param {import("./cog-report.js").CogReport} cog
 * @returns {{summary: string, reasons: string[]}}
 */
export function cogSummary(cog) {
  if (cog.codes === 0)
    return {
      summary: `Aucun code commune renseigné (colonne ${cog.column}) : la table ne se joint pas aux communes par ce code.`,
      reasons: []
    };
  const summary =
    `${formatNumber(cog.codes)} codes commune distincts (${cog.column}, ${codeVintages(cog)}) : ` +
    `${formatNumber(cog.current)} existent au COG ${cog.targetVintage}, ` +
    `${formatNumber(cog.mapped)} sont ramenés à une commune actuelle, ` +
    `${formatNumber(cog.unmapped.length)} n'ont pas de correspondance.`;
  const reasons = Object.entries(REASONS)
    .filter(([reason]) => cog.byReason[reason] > 0)
    .map(([reason, label]) => `${formatNumber(cog.byReason[reason])} ${label}`);
  return {summary, reasons};
}

/**
 * Commune codes the kit derived from names and postal codes (meta.json `derivedCodes`, written by
 * loaders/geo/commune-derivation.ts): one French sentence, and each name that matched no commune with its postal
 * code (`Entremont (74130)`, `PUYRICARD (13540) × 2`).
 * @param {import("./cog-report.js").DerivedCodes} report
 * @returns {{summary: string, unmatched: string[]}}
 */
export function derivedCodesSummary(report) {
  const absent = report.rows - report.given;
  const summary =
    absent === 0
      ? `Le fichier donne le code commune (${report.column}) de tous les ${report.unit}.`
      : `Code commune (${report.column}) absent du fichier pour ${formatNumber(absent)} ${report.unit} sur ${formatNumber(report.rows)} : ` +
        `déduit du nom de la commune et du code postal (COG ${report.vintage}) pour ${formatNumber(report.derived)}, ` +
        `marqués « déduit » dans la colonne ${report.marker} ; sans correspondance : ${formatNumber(report.missing)}.`;
  const unmatched = report.unmatched.map(
    (u) =>
      `${u.name || "sans nom"} (${u.postal || "sans code postal"})${u.rows > 1 ? ` × ${formatNumber(u.rows)}` : ""}`
  );
  return {summary, unmatched};
}
