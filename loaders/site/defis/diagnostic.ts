/**
 * The aggregates of the « Diagnostic territorial » défi: the fiche's indicators for every département, EPCI,
 * région and France, and the few commune columns its charts use. Built by
 * `src/data/defis/diagnostic-territorial.zip.ts`.
 */
import type {CommuneSchools} from "./schools.ts";
import type {CommunePortrait} from "./commune-portrait.ts";
import {
  groupBy,
  majorityBy,
  round,
  territoryIndicators,
  type CommuneWithSchools,
  type Indicators
} from "./territory-indicators.ts";

/** A named territory and its indicators. */
export type Territory = {code: string; nom: string} & Indicators;

/** The fiche of every territory. */
export interface DiagnosticTerritories {
  france: Indicators;
  regions: Territory[];
  /** Each with its région and, for a Territoire numérique éducatif, its year of entry. */
  departements: (Territory & {region: string; tne: number | null})[];
  /** Each with the région where most of its population lives, and its départements. */
  epci: (Territory & {region: string | null; departements: string[]})[];
}

/** The columns of a commune that the charts of the fiche use. */
export interface DiagnosticCommune {
  nom: string;
  departement: string;
  epci: string | null;
  population: number;
  score: number | null;
  lieux: number;
}

/** Adds each commune's schools (from `schoolsByCommune`, already in COG 2026) to its portrait. Pure. */
export function withSchools(
  communes: readonly CommunePortrait[],
  schools: readonly CommuneSchools[]
): CommuneWithSchools[] {
  const byCode = new Map(schools.map((s) => [s.code, s]));
  return communes.map((c) => {
    const s = byCode.get(c.code);
    return {
      ...c,
      ecoles: s?.ecoles ?? 0,
      ecolesIps: s?.ips_moyen != null ? s.ecoles_ips : 0,
      ipsSum: s?.ips_moyen != null ? s.ips_moyen * s.ecoles_ips : 0
    };
  });
}

/**
 * The fiche of every territory (pure).
 * @param names names of the régions, départements and EPCI (COG 2026)
 * @param tne year of entry of each Territoire numérique éducatif département
 */
export function diagnosticTerritories(
  communes: readonly CommuneWithSchools[],
  names: {
    regions: {code: string; nom: string}[];
    departements: {code: string; nom: string; region: string}[];
    epci: {code: string; nom: string}[];
  },
  tne: ReadonlyMap<string, number> = new Map()
): DiagnosticTerritories {
  const byRegion = groupBy(communes, (c) => c.region);
  const byDepartement = groupBy(communes, (c) => c.departement);
  const byEpci = groupBy(communes, (c) => c.epci);
  const sorted = <T extends {code: string}>(rows: T[]) => rows.sort((a, b) => a.code.localeCompare(b.code));
  return {
    france: territoryIndicators(communes),
    regions: sorted(
      names.regions
        .filter((r) => byRegion.has(r.code))
        .map((r) => ({code: r.code, nom: r.nom, ...territoryIndicators(byRegion.get(r.code)!)}))
    ),
    departements: sorted(
      names.departements
        .filter((d) => byDepartement.has(d.code))
        .map((d) => ({
          code: d.code,
          nom: d.nom,
          region: d.region,
          tne: tne.get(d.code) ?? null,
          ...territoryIndicators(byDepartement.get(d.code)!)
        }))
    ),
    epci: names.epci
      .filter((e) => byEpci.has(e.code))
      .map((e) => {
        const members = byEpci.get(e.code)!;
        return {
          code: e.code,
          nom: e.nom,
          region: majorityBy(members, (c) => c.region),
          departements: [...new Set(members.map((c) => c.departement))].sort(),
          ...territoryIndicators(members)
        };
      })
  };
}

/** The columns of each commune that the fiche's charts use, the score rounded to 0.1. Pure. */
export function diagnosticCommunes(communes: readonly CommunePortrait[]): DiagnosticCommune[] {
  return communes.map((c) => ({
    nom: c.nom,
    departement: c.departement,
    epci: c.epci,
    population: c.population,
    score: round(c.score, 1),
    lieux: c.lieux
  }));
}
