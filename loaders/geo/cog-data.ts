/**
 * Reads the COG 2026 tables shipped by `@etalab/decoupage-administratif` 6.0.0 (INSEE data, Licence Ouverte 2.0;
 * package MIT). The JSON files are read from `node_modules` (not through the package's index module), once, and
 * kept in memory.
 */
import {readFileSync} from "node:fs";
import {createRequire} from "node:module";

/** One entry of `data/communes.json` (fields used by the kit). */
export interface CogCommuneRecord {
  code: string;
  nom: string;
  type: "commune-actuelle" | "commune-deleguee" | "commune-associee" | "arrondissement-municipal";
  zone?: "metro" | "drom" | "com";
  departement?: string;
  region?: string;
  population?: number;
  /** Codes of communes merged into this one (commune-actuelle only). */
  anciensCodes?: string[];
  /** Current commune a commune déléguée / associée belongs to. */
  chefLieu?: string;
  /** Commune an arrondissement municipal belongs to (75056, 69123, 13055). */
  commune?: string;
  /** Postal codes (communes actuelles and arrondissements municipaux). */
  codesPostaux?: string[];
}

/** One entry of `data/epci.json`. */
export interface CogEpciRecord {
  code: string;
  nom: string;
  type: string;
  populationMunicipale?: number;
  membres: {code: string; nom: string}[];
}

/** One entry of `data/departements.json`. */
export interface CogDepartementRecord {
  code: string;
  nom: string;
  region: string;
  zone: "metro" | "drom" | "com";
}

/** One entry of `data/regions.json`. */
export interface CogRegionRecord {
  code: string;
  nom: string;
  zone: "metro" | "drom" | "com";
}

/** The COG vintage these tables describe. */
export const COG_VINTAGE = 2026;
/** Attribution to show wherever COG data is used. */
export const COG_ATTRIBUTION =
  "INSEE, Code officiel géographique 2026 (Licence Ouverte 2.0), via @etalab/decoupage-administratif 6.0.0";

/** Provenance fields of a dataset declaration read from the COG 2026 package (communes, passage-cog). */
export const COG_PACKAGE_PROVENANCE = {
  producer: "INSEE (via @etalab/decoupage-administratif)",
  licence: "Licence Ouverte 2.0",
  vintage: "COG 2026",
  updateFrequency: "annuelle (1er janvier)",
  level: "commune",
  cogVintage: COG_VINTAGE,
  source: {portal: "package", package: "@etalab/decoupage-administratif@6.0.0"},
  sourceCheck: {
    date: "2026-12-02",
    evidence: [
      "Paquet npm @etalab/decoupage-administratif 6.0.0 (Etalab, d'après le COG 2026 de l'INSEE), installé depuis le registre npm ; version et empreinte figées dans package-lock.json"
    ]
  }
} as const;

const require = createRequire(import.meta.url);
const cache = new Map<string, unknown>();

function readTable<T>(name: string): T[] {
  if (!cache.has(name)) {
    const file = require.resolve(`@etalab/decoupage-administratif/data/${name}.json`);
    const value: unknown = JSON.parse(readFileSync(file, "utf8"));
    if (!Array.isArray(value)) throw new Error(`COG table ${file} is not a JSON array`);
    cache.set(name, value);
  }
  return cache.get(name) as T[];
}

/** All entries of `communes.json` (communes actuelles, déléguées, associées, arrondissements municipaux). */
export const cogCommunes = (): CogCommuneRecord[] => readTable<CogCommuneRecord>("communes");
/** All EPCI à fiscalité propre with their member communes. */
export const cogEpci = (): CogEpciRecord[] => readTable<CogEpciRecord>("epci");
/** All départements (metro, DROM, COM). */
export const cogDepartements = (): CogDepartementRecord[] => readTable<CogDepartementRecord>("departements");
/** All régions (metro, DROM, COM). */
export const cogRegions = (): CogRegionRecord[] => readTable<CogRegionRecord>("regions");

/** A commune actuelle of COG 2026, with its département and région. */
export interface CurrentCommune {
  code: string;
  nom: string;
  departement: string;
  region: string;
  /** Population municipale; null where the COG gives none. */
  population: number | null;
  /** Postal codes of the commune (from the package; empty where it gives none). */
  codesPostaux: string[];
}

let current: CurrentCommune[] | undefined;

/** The communes actuelles of COG 2026 (those in a département and a région), sorted by code. */
export function currentCommunes(): CurrentCommune[] {
  current ??= cogCommunes()
    .filter((c) => c.type === "commune-actuelle" && c.departement && c.region)
    .map((c) => ({
      code: c.code,
      nom: c.nom,
      departement: c.departement!,
      region: c.region!,
      population: c.population ?? null,
      codesPostaux: c.codesPostaux ?? []
    }))
    .sort((a, b) => a.code.localeCompare(b.code));
  return current;
}
