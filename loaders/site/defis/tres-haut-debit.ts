/**
 * The commune rows of the « Très haut débit et usages » défi, built by `src/data/defis/tres-haut-debit.json.ts`
 * from the portraits of the current communes ({@link communePortraits}: ARCEP rows summed per current commune,
 * IFN rolled up to it): the share of premises eligible to 1 Gbit/s beside the IFN score and its gap to the
 * région's mean (the first edition is relative to the région).
 */
import type {CommunePortrait} from "./commune-portrait.ts";
import {regionalMeans} from "./ifn.ts";
import {round} from "./territory-indicators.ts";

/** A current commune with both a coverage count and a score. */
export interface CoverageAndFragility {
  nom: string;
  departement: string;
  population: number;
  /** ARCEP premises (summed over the commune's former codes). */
  locaux: number;
  /** Share of premises eligible to 1 Gbit/s (0–1, three decimals). */
  fibre: number;
  /** IFN score global (100 = mean of the région). */
  score: number;
  /** `score − mean of the région`, in points of the index. */
  ecart: number;
}

/** The communes that have both an ARCEP count and an IFN score, in the order given (pure). */
export function coverageAndFragility(communes: readonly CommunePortrait[]): CoverageAndFragility[] {
  const means = regionalMeans(communes);
  const out: CoverageAndFragility[] = [];
  for (const c of communes) {
    const mean = means.get(c.region);
    if (c.score === null || c.fibre === null || !c.locaux || mean === undefined) continue;
    out.push({
      nom: c.nom,
      departement: c.departement,
      population: c.population,
      locaux: c.locaux,
      fibre: round(c.fibre / c.locaux, 3)!,
      score: round(c.score, 1)!,
      ecart: round(c.score - mean, 1)!
    });
  }
  return out;
}
