/**
 * The home page's défi cards: for each défi, one indicator per département (a thumbnail map on the
 * tile grid), computed from the served tables. Pure computing over {@link DataTable}s; I/O in the loader.
 */
import type {DataTable} from "../core/table.ts";

/** A thumbnail: an indicator per département code, with its French label. */
export interface Thumbnail {
  defi: string;
  label: string;
  values: Record<string, number>;
}

/** The tables a thumbnail may read, by served name. */
export type Tables = Record<string, DataTable>;

const departementOfCommune = (code: string) => (code.startsWith("97") ? code.slice(0, 3) : code.slice(0, 2));

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
  const counts = new Map<string, number>();
  const codes = table.values[communeColumn] ?? [];
  const weights = weightColumn ? (table.values[weightColumn] ?? []) : [];
  for (let i = 0; i < table.rowCount; i++) {
    const code = codes[i];
    if (typeof code !== "string") continue;
    const w = weightColumn ? weights[i] : 1;
    if (typeof w !== "number") continue;
    const d = departementOfCommune(code);
    counts.set(d, (counts.get(d) ?? 0) + w);
  }
  const out: Record<string, number> = {};
  for (const [d, n] of counts) {
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
  const sums = new Map<string, [number, number]>();
  const codes = table.values[communeColumn] ?? [];
  const values = table.values[valueColumn] ?? [];
  const weights = weightColumn ? (table.values[weightColumn] ?? []) : [];
  for (let i = 0; i < table.rowCount; i++) {
    const code = codes[i];
    const v = values[i];
    const w = weightColumn ? weights[i] : 1;
    if (typeof code !== "string" || typeof v !== "number" || typeof w !== "number" || w <= 0) continue;
    const d = departementOfCommune(code);
    const [s, n] = sums.get(d) ?? [0, 0];
    sums.set(d, [s + v * w, n + w]);
  }
  const out: Record<string, number> = {};
  for (const [d, [s, n]] of sums) out[d] = Math.round((s / n) * 10) / 10;
  return out;
}

/** 100 × sum(numerator) / sum(denominator) per département (e.g. the share of eligible premises). */
export function shareByDepartement(
  table: DataTable,
  communeColumn: string,
  numerator: string,
  denominator: string
): Record<string, number> {
  const sums = new Map<string, [number, number]>();
  const codes = table.values[communeColumn] ?? [];
  const nums = table.values[numerator] ?? [];
  const dens = table.values[denominator] ?? [];
  for (let i = 0; i < table.rowCount; i++) {
    const code = codes[i];
    const n = nums[i];
    const d = dens[i];
    if (typeof code !== "string" || typeof n !== "number" || typeof d !== "number") continue;
    const dep = departementOfCommune(code);
    const [a, b] = sums.get(dep) ?? [0, 0];
    sums.set(dep, [a + n, b + d]);
  }
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
      label: "Locaux éligibles à 100 Mbit/s (%)",
      values: shareByDepartement(thd, "code_commune", "elig_thd100", "locaux")
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
