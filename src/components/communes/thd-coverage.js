// ARCEP coverage rows (coded in an older COG) summed into today's communes, so that a commune merged since the
// file's vintage gets one row with the premises of all its former communes. Pure.

import {isNumber} from "../stats/stats.js";

/**
 * Coverage per current commune: the rows whose code goes to the same commune (through `toCurrent`, e.g.
 * `currentCommune(passage)`) are added up — `locaux` summed, the premises eligible in `speedColumn` summed — and the
 * share is recomputed from the sums (never averaged). A row whose `speedColumn` count is missing adds its premises to
 * `locaux` but not to the share's denominator; the share is null when no row of the commune gives the count.
 * @template {{code_commune: string, locaux: number | null, [speedColumn: string]: unknown}} R
 * @param {Iterable<R>} rows rows of `couverture-thd` (an Arrow table)
 * @param {(code: string) => string} toCurrent today's commune of a code
 * @param {string} [speedColumn] speed-class column counted as covered (default `elig_thd1g`, ≈ fibre)
 * @returns {Map<string, {code: string, locaux: number, eligibles: number, part: number | null, lignes: number}>}
 */
export function coverageByCommune(rows, toCurrent, speedColumn = "elig_thd1g") {
  const out = new Map();
  for (const d of rows) {
    const code = toCurrent(d.code_commune);
    let c = out.get(code);
    if (!c) out.set(code, (c = {code, locaux: 0, eligibles: 0, countedPremises: 0, lignes: 0}));
    const locaux = isNumber(d.locaux) ? +d.locaux : 0;
    c.locaux += locaux;
    c.lignes++;
    if (isNumber(d[speedColumn])) {
      c.eligibles += +d[speedColumn];
      c.countedPremises += locaux;
    }
  }
  return new Map(
    Array.from(out, ([code, {countedPremises, ...c}]) => [
      code,
      {...c, part: countedPremises > 0 ? c.eligibles / countedPremises : null}
    ])
  );
}
