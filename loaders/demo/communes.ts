/**
 * Shared helpers for demonstration data: the real current communes (COG 2026, with population) on which the
 * generated values are conditioned, so maps and rankings look like France, and a seeded generator per dataset.
 */
import {currentCommunes, type CurrentCommune} from "../geo/cog-data.ts";
import {mulberry32, seedOf} from "../core/prng.ts";

/** A current commune with what generators need (population 0 where the COG gives none). */
export type DemoCommune = CurrentCommune & {population: number};

let cached: DemoCommune[] | undefined;

/** The communes actuelles of COG 2026, sorted by code (deterministic order). */
export function demoCommunes(): DemoCommune[] {
  cached ??= currentCommunes().map((c) => ({...c, population: c.population ?? 0}));
  return cached;
}

/** The deterministic random generator of a dataset's demonstration data. */
export const demoRandom = (id: string) => mulberry32(seedOf(`tdathack:${id}`));

/** A rurality score in [0, 1]: 1 for a village of 50 inhabitants, 0 from 200,000 up (log scale). */
export function rurality(population: number): number {
  const x = (Math.log10(Math.max(population, 50)) - Math.log10(50)) / (Math.log10(200_000) - Math.log10(50));
  return 1 - Math.min(1, Math.max(0, x));
}

/** Note shown with demonstration data. */
export const DEMO_NOTE =
  "Données de démonstration générées par le kit (générateur pseudo-aléatoire à graine fixe), conditionnées sur les communes et populations réelles du COG 2026. Ne pas interpréter.";
