/**
 * Rankings of the indicator pages: « rang N sur M » among the territories of the chosen level that have a value
 * (secret and missing ones are not ranked). The collectivités d'outre-mer, which are neither départements nor
 * régions and which no map of the kit draws, are not ranked: those with a value are named apart, those without
 * one are left out (of the picker too) and said, never shown as bare codes. Pure.
 */
import {formatNumber} from "../formats/format.js";

/** Collectivités d'outre-mer (975, 977, 978, 98x; not Mayotte, 976): no map of the kit draws them. */
export const isOverseasCollectivity = (code) => /^(97[5789]|98)/.test(code);

/**
 * The rows of a département or région level that are collectivités d'outre-mer (none at the commune or EPCI
 * level, whose codes are not département codes): pages name them apart, as no map draws them.
 * @template {{code: string}} R
 * @param {R[]} rows
 * @param {string} level
 * @returns {R[]}
 */
export const overseasRows = (rows, level) =>
  level === "departement" || level === "region" ? rows.filter((r) => isOverseasCollectivity(r.code)) : [];

/**
 * @typedef {{code: string, valeur: number | null, secret?: boolean}} RankedRow
 */

/** True when a row has a value that may be shown (not secret, not missing). */
export const hasValue = (row) =>
  row != null && row.valeur != null && !Number.isNaN(row.valeur) && !row.secret;

/**
 * The ranking of the rows of one level: the rows with a value but the collectivités d'outre-mer, highest first
 * (ties keep the code order, and share the rank of the first), and the collectivités split into those named
 * apart (with a value or secret) and those left out (no value).
 * @template {RankedRow} R
 * @param {R[]} rows the indicator's rows of the level (one per territory)
 * @param {string} level "commune", "epci", "departement" or "region"
 * @returns {{ranked: R[], total: number, rankOf: (code: string) => number, overseasShown: R[], overseasLeftOut: R[],
 *   offered: R[]}} `rankOf`: 0 when the territory has no value; `offered`: the rows but the collectivités left out
 */
export function rankTerritories(rows, level) {
  const overseas = new Set(overseasRows(rows, level));
  const ranked = rows
    .filter((r) => hasValue(r) && !overseas.has(r))
    .sort((a, b) => b.valeur - a.valeur || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const ranks = new Map();
  ranked.forEach((r, i) => {
    const previous = ranked[i - 1];
    ranks.set(r.code, previous && previous.valeur === r.valeur ? ranks.get(previous.code) : i + 1);
  });
  const overseasLeftOut = [...overseas].filter((r) => !hasValue(r) && !r.secret);
  const leftOut = new Set(overseasLeftOut);
  return {
    ranked,
    total: ranked.length,
    rankOf: (code) => ranks.get(code) ?? 0,
    overseasShown: [...overseas].filter((r) => !leftOut.has(r)),
    overseasLeftOut,
    offered: rows.filter((r) => !leftOut.has(r))
  };
}

/**
 * « rang 3 sur 96 départements ayant une valeur », or what stands instead: the secret or « pas de donnée ».
 * @param {ReturnType<typeof rankTerritories>} ranking
 * @param {RankedRow | undefined} row the territory's row
 * @param {string} plural the level's name in the plural ("départements", "EPCI")
 */
export function rankText(ranking, row, plural) {
  if (row?.secret) return "effectif trop faible : valeur non diffusée";
  const rank = row ? ranking.rankOf(row.code) : 0;
  if (!rank) return "pas de donnée : hors classement";
  return `rang ${formatNumber(rank)} sur ${formatNumber(ranking.total)} ${plural} ayant une valeur`;
}

/**
 * The name of a territory, never a bare code: a collectivité d'outre-mer whose name is unknown is called so.
 * @param {(code: string) => string} nameOf
 * @param {string} code
 */
export function territoryName(nameOf, code) {
  const name = nameOf(code);
  if (name && name !== code) return name;
  return overseasRows([{code}], "departement").length ? `collectivité d'outre-mer ${code}` : code;
}

/**
 * The sentence naming the collectivités d'outre-mer left out of the ranking for lack of a value (empty if none).
 * @param {ReturnType<typeof rankTerritories>} ranking
 * @param {(code: string) => string} nameOf
 */
export function leftOutText(ranking, nameOf) {
  const names = ranking.overseasLeftOut.map((r) => territoryName(nameOf, r.code));
  if (!names.length) return "";
  return `Sans donnée et hors classement (collectivités d'outre-mer) : ${names.join(", ")}.`;
}
