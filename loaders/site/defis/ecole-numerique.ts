/**
 * The commune rows of the « École et numérique » défi, built by `src/data/defis/ecoles-communes.json.ts`: each
 * commune with schools (`schoolsByCommune`, codes already brought to COG 2026) gets its population and its IFN
 * score from the portraits of the current communes, with the score's gap to the région's mean (the first
 * edition is relative to the région).
 */
import type {CommunePortrait} from "./commune-portrait.ts";
import {regionalMeans} from "./ifn.ts";
import type {CommuneSchools} from "./schools.ts";
import {round} from "./territory-indicators.ts";

/** A commune's schools with its population and fragility (null where the commune has none). */
export interface SchoolsAndFragility extends CommuneSchools {
  population: number | null;
  score: number | null;
  /** `score − mean of the région`, in points of the index. */
  ecart: number | null;
}

/** Adds population, score and gap to the région's mean to each commune's schools (pure). */
export function schoolsAndFragility(
  schools: readonly CommuneSchools[],
  communes: readonly CommunePortrait[]
): SchoolsAndFragility[] {
  const means = regionalMeans(communes);
  const byCode = new Map(communes.map((c) => [c.code, c]));
  return schools.map((s) => {
    const c = byCode.get(s.code);
    const mean = c ? means.get(c.region) : undefined;
    const score = c?.score ?? null;
    return {
      ...s,
      population: c?.population ?? null,
      score: round(score, 1),
      ecart: score !== null && mean !== undefined ? round(score - mean, 1) : null
    };
  });
}
