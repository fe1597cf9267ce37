/**
 * The aggregates of the « Fragilité numérique et offre de médiation » défi, built by
 * `src/data/defis/fragilite-mediation.json.ts` from the portraits of the current communes
 * ({@link communePortraits}): per département, the IFN score beside its région's mean (the first edition is
 * relative to the région) and the offer per 10,000 inhabitants; the population of the communes by score, with
 * or without a lieu; the communes of 2,000 inhabitants or more that have no lieu.
 */
import type {CommunePortrait} from "./commune-portrait.ts";
import {regionalMeans} from "./ifn.ts";
import {groupBy, round} from "./territory-indicators.ts";

/** A département's fragility, compared with its région, and its offer. */
export interface DepartementOffer {
  code: string;
  nom: string;
  region: string;
  nomRegion: string;
  population: number;
  /** IFN score, population-weighted mean of the communes (100 = mean of the région). */
  score: number | null;
  /** The région's population-weighted mean score, the score's reference. */
  moyenneRegion: number | null;
  /** `score − moyenneRegion`, in points of the index. */
  ecartRegion: number | null;
  lieux: number;
  conseillers: number;
  lieux10k: number | null;
  conseillers10k: number | null;
}

/** Population of the communes whose score falls in `[x1, x2)`, with at least one lieu or none. */
export interface ScoreBin {
  x1: number;
  x2: number;
  groupe: "au moins un lieu" | "aucun lieu";
  population: number;
}

/** A commune without any lieu de médiation. */
export interface CommuneWithoutLieu {
  code: string;
  nom: string;
  departement: string;
  population: number;
  score: number | null;
  moyenneRegion: number | null;
  conseillers: number;
}

type Names = {
  departements: {code: string; nom: string; region: string}[];
  regions: {code: string; nom: string}[];
};

/** One row per département of `names` that has communes, in code order (pure). */
export function departementOffers(communes: readonly CommunePortrait[], names: Names): DepartementOffer[] {
  const means = regionalMeans(communes);
  const regionNames = new Map(names.regions.map((r) => [r.code, r.nom]));
  const byDepartement = groupBy(communes, (c) => c.departement);
  return names.departements
    .filter((d) => byDepartement.has(d.code))
    .map((d) => {
      const members = byDepartement.get(d.code)!;
      const population = members.reduce((s, c) => s + c.population, 0);
      const scored = members.filter((c) => c.score !== null && c.population > 0);
      const weight = scored.reduce((s, c) => s + c.population, 0);
      const score = weight > 0 ? scored.reduce((s, c) => s + c.score! * c.population, 0) / weight : null;
      const mean = means.get(d.region) ?? null;
      const lieux = members.reduce((s, c) => s + c.lieux, 0);
      const conseillers = members.reduce((s, c) => s + c.conseillers, 0);
      return {
        code: d.code,
        nom: d.nom,
        region: d.region,
        nomRegion: regionNames.get(d.region) ?? d.region,
        population,
        score: round(score, 1),
        moyenneRegion: round(mean, 1),
        ecartRegion: score !== null && mean !== null ? round(score - mean, 1) : null,
        lieux,
        conseillers,
        lieux10k: population > 0 ? round((1e4 * lieux) / population, 2) : null,
        conseillers10k: population > 0 ? round((1e4 * conseillers) / population, 2) : null
      };
    })
    .sort((a, b) => a.code.localeCompare(b.code));
}

/** The population of the communes with a score, by bins of `width` points, with or without a lieu (pure). */
export function scoreDistribution(communes: readonly CommunePortrait[], width = 5): ScoreBin[] {
  const bins = new Map<string, ScoreBin>();
  for (const c of communes) {
    if (c.score === null) continue;
    const x1 = Math.floor(c.score / width) * width;
    const groupe = c.lieux > 0 ? "au moins un lieu" : "aucun lieu";
    const key = `${x1}|${groupe}`;
    const bin = bins.get(key) ?? {x1, x2: x1 + width, groupe, population: 0};
    bin.population += c.population;
    bins.set(key, bin);
  }
  return [...bins.values()].sort((a, b) => a.x1 - b.x1 || a.groupe.localeCompare(b.groupe));
}

/** The communes of `minPopulation` inhabitants or more without any lieu, largest first (pure). */
export function communesWithoutLieu(
  communes: readonly CommunePortrait[],
  minPopulation = 2000
): CommuneWithoutLieu[] {
  const means = regionalMeans(communes);
  return communes
    .filter((c) => c.lieux === 0 && c.population >= minPopulation)
    .sort((a, b) => b.population - a.population || a.code.localeCompare(b.code))
    .map((c) => ({
      code: c.code,
      nom: c.nom,
      departement: c.departement,
      population: c.population,
      score: round(c.score, 1),
      moyenneRegion: round(means.get(c.region) ?? null, 1),
      conseillers: c.conseillers
    }));
}
