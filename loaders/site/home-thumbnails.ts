/**
 * The home page's défi cards: for each défi, one indicator per département (a thumbnail map on the
 * tile grid), computed from the served tables. Pure computing over {@link DataTable}s; I/O in the loader.
 */
import {departementOfCommune} from "../core/codes.ts";
import type {DataTable} from "../core/table.ts";

/** A thumbnail: an indicator per département code, with its French label. */
export interface Thumbnail {
  defi: string;
  label: string;
  values: Record<string, number>;
}

/** The tables a thumbnail may read, by served name. */
export type Tables = Record<string, DataTable>;

/**
 * Sums two quantities per département over the rows of a table with a commune code; a row whose code or
 * quantities are not numbers (per `pick`) is skipped.
 */
function sumByDepartement(
  table: DataTable,
  communeColumn: string,
  pick: (i: number) => [number, number] | null
): Map<string, [number, number]> {
  const sums = new Map<string, [number, number]>();
  const codes = table.values[communeColumn] ?? [];
  for (let i = 0; i < table.rowCount; i++) {
    const code = codes[i];
    const pair = typeof code === "string" ? pick(i) : null;
    if (!pair) continue;
    const d = departementOfCommune(code as string);
    const [a, b] = sums.get(d) ?? [0, 0];
    sums.set(d, [a + pair[0], b + pair[1]]);
  }
  return sums;
}

const numberAt = (table: DataTable, column: string | undefined, i: number): number | null => {
  if (!column) return 1;
  const v = table.values[column]?.[i];
  return typeof v === "number" ? v : null;
};

/** Population of each département, from the `communes` table. */
export function populationByDepartement(communes: DataTable): Map<string, number> {
  const out = new Map<string, number>();
  const dep = communes.values.departement ?? [];
  const pop = communes.values.population ?? [];
  for (let i = 0; i < communes.rowCount; i++) {
    const d = dep[i];
    const p = pop[i];
    if (typeof d === "string" && typeof p === "number") out.set(d, (out.get(d) ?? 0) + p);
  }
  return out;
}

/** Rows (or a weight column) per département per 100 000 inhabitants. */
export function perInhabitants(
  table: DataTable,
  communeColumn: string,
  population: Map<string, number>,
  weightColumn?: string
): Record<string, number> {
  const sums = sumByDepartement(table, communeColumn, (i) => {
    const w = numberAt(table, weightColumn, i);
    return w === null ? null : [w, 0];
  });
  const out: Record<string, number> = {};
  for (const [d, [n]] of sums) {
    const p = population.get(d);
    if (p) out[d] = Math.round(((100_000 * n) / p) * 10) / 10;
  }
  return out;
}

/** Mean of a column per département, weighted by another column (or unweighted). */
export function meanByDepartement(
  table: DataTable,
  communeColumn: string,
  valueColumn: string,
  weightColumn?: string
): Record<string, number> {
  const sums = sumByDepartement(table, communeColumn, (i) => {
    const v = numberAt(table, valueColumn, i);
    const w = numberAt(table, weightColumn, i);
    return v === null || w === null || w <= 0 ? null : [v * w, w];
  });
  const out: Record<string, number> = {};
  for (const [d, [s, n]] of sums) out[d] = Math.round((s / n) * 10) / 10;
  return out;
}

/**
 * 100 × sum(numerator) / sum(denominator) per département (e.g. the share of eligible premises); several
 * numerator columns are added up (ARCEP counts premises by exclusive speed class).
 */
export function shareByDepartement(
  table: DataTable,
  communeColumn: string,
  numerator: string | readonly string[],
  denominator: string
): Record<string, number> {
  const numerators = typeof numerator === "string" ? [numerator] : numerator;
  const sums = sumByDepartement(table, communeColumn, (i) => {
    const parts = numerators.map((column) => numberAt(table, column, i));
    const n = parts.some((p) => p === null) ? null : parts.reduce<number>((a, p) => a + p!, 0);
    const d = numberAt(table, denominator, i);
    return n === null || d === null ? null : [n, d];
  });
  const out: Record<string, number> = {};
  for (const [dep, [a, b]] of sums) if (b > 0) out[dep] = Math.round((1000 * a) / b) / 10;
  return out;
}

/** One thumbnail per défi id. */
export function defiThumbnails(tables: Tables): Thumbnail[] {
  const population = populationByDepartement(tables.communes!);
  const ifn = tables["fragilite-numerique-communes"]!;
  const thd = tables["couverture-thd"]!;
  return [
    {
      defi: "fragilite-mediation",
      label: "Lieux de médiation pour 100 000 hab.",
      values: perInhabitants(tables["lieux-mediation-numerique"]!, "code_insee", population)
    },
    {
      defi: "acces-france-services",
      label: "France services pour 100 000 hab.",
      values: perInhabitants(tables["france-services"]!, "code_commune", population)
    },
    {
      defi: "tres-haut-debit",
      label: "Locaux éligibles à 100 Mbit/s ou plus (%)",
      // ARCEP classes are exclusive (by the best speed available): ≥ 100 Mbit/s = 100 Mbit/s + 1 Gbit/s.
      values: shareByDepartement(thd, "code_commune", ["elig_thd100", "elig_thd1g"], "locaux")
    },
    {
      defi: "ecole-numerique",
      label: "IPS moyen des écoles",
      values: meanByDepartement(tables.ips!, "code_commune", "ips")
    },
    {
      defi: "parentalite-numerique",
      label: "Score de fragilité numérique (100 = moyenne)",
      values: meanByDepartement(ifn, "code_commune", "score_global", "population")
    },
    {
      defi: "diagnostic-territorial",
      label: "Conseillers numériques pour 100 000 hab.",
      values: perInhabitants(tables["conseillers-numeriques"]!, "code_commune", population, "nb_conseillers")
    }
  ];
}
