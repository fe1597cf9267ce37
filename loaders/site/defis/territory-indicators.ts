/**
 * The indicators of the « Diagnostic territorial » fiche, computed the same way for any set of current communes
 * (a département, an EPCI, a région, France): sums and rates over the communes, never means of rates.
 */
import type {CommunePortrait} from "./commune-portrait.ts";

/** A commune's portrait with its schools (number, and sum and count of the published IPS). */
export interface CommuneWithSchools extends CommunePortrait {
  ecoles: number;
  ecolesIps: number;
  ipsSum: number;
}

/** What the fiche shows for a territory, rounded (rates to 0.01, the rest to 0.1). Rates are null when their denominator is 0. */
export interface Indicators {
  population: number;
  communes: number;
  /** IFN score global, mean of the communes weighted by population (100 = mean of the région). */
  fragilite: number | null;
  lieux10k: number | null;
  conseillers10k: number | null;
  franceServices10k: number | null;
  /** Share of premises eligible to 1 Gbit/s, in % (communes with an ARCEP count only). */
  fibre: number | null;
  ecoles10k: number | null;
  /** Mean IPS of the schools (each school with a published IPS counts once). */
  ips: number | null;
}

/** `x` rounded to `digits` decimals (null stays null): the pages show one decimal. */
export const round = (x: number | null, digits: number) =>
  x === null ? null : Math.round(x * 10 ** digits) / 10 ** digits;

const per10k = (n: number, population: number) => (population > 0 ? round((1e4 * n) / population, 2) : null);

/** The indicators of a set of communes (pure). */
export function territoryIndicators(communes: readonly CommuneWithSchools[]): Indicators {
  let population = 0;
  let scoreSum = 0;
  let scoreWeight = 0;
  let lieux = 0;
  let conseillers = 0;
  let franceServices = 0;
  let locaux = 0;
  let fibre = 0;
  let ecoles = 0;
  let ecolesIps = 0;
  let ipsSum = 0;
  for (const c of communes) {
    population += c.population;
    if (c.score !== null && c.population > 0) {
      scoreSum += c.score * c.population;
      scoreWeight += c.population;
    }
    lieux += c.lieux;
    conseillers += c.conseillers;
    franceServices += c.franceServices;
    if (c.fibre !== null && c.locaux !== null) {
      locaux += c.locaux;
      fibre += c.fibre;
    }
    ecoles += c.ecoles;
    ecolesIps += c.ecolesIps;
    ipsSum += c.ipsSum;
  }
  return {
    population,
    communes: communes.length,
    fragilite: scoreWeight > 0 ? round(scoreSum / scoreWeight, 1) : null,
    lieux10k: per10k(lieux, population),
    conseillers10k: per10k(conseillers, population),
    franceServices10k: per10k(franceServices, population),
    fibre: locaux > 0 ? round((100 * fibre) / locaux, 1) : null,
    ecoles10k: per10k(ecoles, population),
    ips: ecolesIps > 0 ? round(ipsSum / ecolesIps, 1) : null
  };
}

/** Groups rows by a key (rows with a null key are left out), keeping the first-seen order. */
export function groupBy<T>(rows: Iterable<T>, key: (row: T) => string | null): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    if (k === null) continue;
    let group = out.get(k);
    if (!group) out.set(k, (group = []));
    group.push(row);
  }
  return out;
}

/** The key of `rows` holding the largest total population (ties: the smallest key); null for no rows. */
export function majorityBy<T extends {population: number}>(
  rows: readonly T[],
  key: (row: T) => string
): string | null {
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(key(r), (totals.get(key(r)) ?? 0) + r.population);
  let best: string | null = null;
  for (const [k, p] of totals) {
    const b = best === null ? -1 : totals.get(best)!;
    if (p > b || (p === b && best !== null && k < best)) best = k;
  }
  return best;
}
