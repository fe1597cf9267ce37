/**
 * The demonstration universe of schools shared by every education dataset's offline default, so that the
 * generated annuaire, IPS, effectifs, Pix and ENT tables join on the same UAI and communes.
 *
 * Conditioned on the real communes and populations of COG 2026: a commune gets écoles in proportion to its
 * population (most communes above a few hundred inhabitants have one), collèges from about 3,000 inhabitants,
 * lycées from about 8,000; the national totals come out close to the real ones (about 45,000 écoles,
 * 7,000 collèges, 4,000 lycées). UAI are well formed (département prefix, check letter) but invented.
 * Nothing here is real apart from the communes.
 */
import {demoCommunes, demoRandom, rurality, type DemoCommune} from "../demo/communes.ts";
import {gaussian, poisson} from "../core/prng.ts";
import type {CommuneCode, DepartementCode} from "../core/codes.ts";
import {makeUai, uaiPrefix, type Uai} from "./codes.ts";

/** Kind of school. */
export type SchoolLevel = "école" | "collège" | "lycée";

/** Sector: public, or private under contract. */
export type Sector = "public" | "privé";

/** A generated school. */
export interface DemoSchool {
  uai: Uai;
  nom: string;
  niveau: SchoolLevel;
  secteur: Sector;
  commune: CommuneCode;
  communeNom: string;
  departement: DepartementCode;
  /** Éducation prioritaire (écoles and collèges only). */
  educationPrioritaire: "REP" | "REP+" | null;
  /** Social position of the families, around 100 (the IPS the school would have). */
  ips: number;
  /** Pupils at the last rentrée. */
  eleves: number;
  /** Population of the commune (for generators that scale with it). */
  population: number;
}

const NAMES = [
  "Jules Ferry",
  "Jean Jaurès",
  "Victor Hugo",
  "Louise Michel",
  "Jacques Prévert",
  "Marie Curie",
  "Les Tilleuls",
  "Le Bourg",
  "Pasteur",
  "Simone Veil",
  "Saint-Joseph",
  "Sainte-Marie"
];

let cache: DemoSchool[] | undefined;

/** The demonstration schools, sorted by UAI. Deterministic. */
export function demoSchools(): DemoSchool[] {
  if (cache) return cache;
  const random = demoRandom("education-schools");
  const next = new Map<string, number>();
  const schools: DemoSchool[] = [];
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
  for (const commune of demoCommunes()) {
    const r = rurality(commune.population);
    // Social context of the commune: rural and very urban communes a little lower, with noise.
    const communeIps = 103 - 14 * r + gaussian(random, 0, 7);
    const counts: [SchoolLevel, number][] = [
      [
        "école",
        commune.population < 250
          ? random() < 0.2
            ? 1
            : 0
          : Math.max(1, poisson(random, commune.population / 2200))
      ],
      [
        "collège",
        commune.population < 3000
          ? random() < 0.03
            ? 1
            : 0
          : poisson(random, commune.population / 12000 + 0.3)
      ],
      ["lycée", commune.population < 8000 ? 0 : poisson(random, commune.population / 11000 + 0.5)]
    ];
    for (const [niveau, n] of counts) {
      for (let i = 0; i < n; i++) schools.push(makeSchool(commune, niveau, communeIps, random, next, pick));
    }
  }
  cache = schools.sort((a, b) => a.uai.localeCompare(b.uai));
  return cache;
}

function makeSchool(
  commune: DemoCommune,
  niveau: SchoolLevel,
  communeIps: number,
  random: () => number,
  next: Map<string, number>,
  pick: <T>(list: readonly T[]) => T
): DemoSchool {
  const departement = commune.departement as DepartementCode;
  const prefix = uaiPrefix(departement);
  const n = (next.get(prefix) ?? Math.floor(random() * 500)) + 1 + Math.floor(random() * 3);
  next.set(prefix, n);
  const secteur: Sector = random() < (niveau === "école" ? 0.13 : 0.22) ? "privé" : "public";
  const ips = Math.min(
    160,
    Math.max(
      55,
      communeIps + (secteur === "privé" ? 12 : 0) + gaussian(random, 0, niveau === "école" ? 11 : 8)
    )
  );
  const prioritaire =
    niveau !== "lycée" && secteur === "public" && ips < 85 ? (ips < 75 ? "REP+" : "REP") : null;
  const size = {école: [110, 70], collège: [520, 180], lycée: [900, 350]}[niveau] as [number, number];
  const small = niveau === "école" && commune.population < 600;
  const eleves = Math.max(
    small ? 6 : 40,
    Math.round(gaussian(random, small ? 45 : size[0], small ? 25 : size[1]))
  );
  const label = {
    école: secteur === "public" ? "École primaire publique" : "École primaire privée",
    collège: "Collège",
    lycée: "Lycée"
  }[niveau];
  return {
    uai: makeUai(`${prefix}${String(n % 10000).padStart(4, "0")}`),
    nom: `${label} ${pick(NAMES)}`,
    niveau,
    secteur,
    commune: commune.code as CommuneCode,
    communeNom: commune.nom,
    departement,
    educationPrioritaire: prioritaire,
    ips: Math.round(ips * 10) / 10,
    eleves,
    population: commune.population
  };
}
