/**
 * `fragilite-numerique-2023`: the current Indice de fragilité numérique (fragilite-numerique.fr, 2023 edition,
 * scale 1 to 10) as the portal's export writes it: one row per territory (`division`: city, epci, iris,
 * department), columns named by the portal's indicator ids (`no_thd_coverage_rate`…) and the score `total`.
 * One file holds one level and one age variant (tout âge, senior, jeune), read from a `variation` column or from
 * the file's name (`ifn-city-all-variation.csv`).
 */
import {basename} from "node:path";
import {communeOfIris, normalizeIris} from "../core/codes.ts";
import type {DatasetDeclaration} from "../core/dataset.ts";
import {DEMO_NOTE, demoCommunes, demoRandom, rurality} from "../demo/communes.ts";
import {gaussian} from "../core/prng.ts";
import type {RawFile} from "../core/records.ts";
import {summarizeColumns, type ColumnSpec, withMeasures} from "../core/schema.ts";
import {tableFromRows, type Cell, type DataTable} from "../core/table.ts";

/** The portal's territory divisions, by the kit's level name. */
export const IFN_2023_LEVELS = {
  commune: "city",
  epci: "epci",
  iris: "iris",
  departement: "department"
} as const;
export type Ifn2023Level = keyof typeof IFN_2023_LEVELS;

/** The portal's age variants (`variation=all|senior|junior` in its addresses), by the kit's name. */
export const IFN_2023_VARIANTS = {"tout âge": "all", senior: "senior", jeune: "junior"} as const;
export type Ifn2023Variant = keyof typeof IFN_2023_VARIANTS;

const subScore = (name: string, description: string): ColumnSpec => ({
  name,
  type: "number",
  description: `${description} (score de l'indicateur, de 1 à 10 ; plus haut = plus fragile)`,
  unit: "score (1 à 10)",
  nullable: true,
  min: 0
});

/**
 * The indicators of axis 1 (the score) as the portal names them: the five of « tout âge », then the ones its
 * « senior » and « jeune » variants use instead. Columns of axis 2 (context) are not kept.
 */
export const IFN_2023_INDICATORS: readonly ColumnSpec[] = [
  subScore("no_thd_coverage_rate", "Taux de non-couverture en très haut débit"),
  subScore("no_4g_coverage_rate", "Taux de non-couverture en 4G"),
  subScore("poverty_rate", "Taux de pauvreté"),
  subScore("older_65_rate", "Part des 65 ans et plus"),
  subScore("nscol15p_rate", "Part des personnes pas ou peu diplômées (15 ans et plus, hors élèves)"),
  subScore("poverty_rate_50_plus", "Taux de pauvreté des 50 ans et plus (déclinaison senior)"),
  subScore("older_75_rate", "Part des 75 ans et plus (déclinaison senior)"),
  subScore(
    "nscol15p_rate_50_plus",
    "Part des pas ou peu diplômés parmi les 50 ans et plus (déclinaison senior)"
  ),
  subScore("poverty_rate_30_minus", "Taux de pauvreté des moins de 30 ans (déclinaison jeune)"),
  subScore(
    "nscol15p_rate_15_25_year",
    "Part des pas ou peu diplômés parmi les 15-25 ans (déclinaison jeune)"
  ),
  subScore(
    "neet_16_25_year_rate",
    "Part des 16-25 ans ni en emploi, ni en études, ni en formation (déclinaison jeune)"
  )
];

const optionalCode = (name: string, code: ColumnSpec["code"], description: string): ColumnSpec => ({
  name,
  type: "code",
  code,
  description,
  nullable: true
});

const columns: ColumnSpec[] = [
  {
    name: "niveau",
    type: "string",
    description:
      "Niveau du territoire : commune, epci, iris ou departement (colonne « division » de l'export)",
    nullable: false,
    allowed: {values: Object.keys(IFN_2023_LEVELS)}
  },
  {
    name: "code_territoire",
    type: "string",
    description: "Code du territoire tel que l'export le donne (INSEE, SIREN de l'EPCI ou IRIS)",
    nullable: false
  },
  optionalCode("code_commune", "commune", "Code INSEE de la commune (lignes des communes et des IRIS)"),
  optionalCode("code_epci", "siren", "SIREN de l'EPCI (lignes des EPCI)"),
  optionalCode("code_iris", "iris", "Code IRIS (lignes des IRIS)"),
  optionalCode("code_departement", "departement", "Code du département (lignes des départements)"),
  {name: "nom", type: "string", description: "Nom du territoire", nullable: true},
  {
    name: "variante",
    type: "string",
    description: "Déclinaison de l'indice : tout âge, senior (50 ans et plus) ou jeune (moins de 25 ans)",
    nullable: false,
    allowed: {values: Object.keys(IFN_2023_VARIANTS)}
  },
  {
    name: "score",
    type: "number",
    description: "Indice de fragilité numérique, de 1 (risque le plus faible) à 10 (le plus élevé)",
    unit: "score (1 à 10)",
    nullable: true,
    min: 0,
    max: 10,
    aliases: ["total"]
  },
  ...IFN_2023_INDICATORS,
  {
    name: "population",
    type: "number",
    description: "Population du territoire",
    unit: "habitants",
    nullable: true,
    min: 0
  }
];

const levelOfDivision = (division: string): string => {
  const found = Object.entries(IFN_2023_LEVELS).find(([, d]) => d === division.trim().toLowerCase());
  return found ? found[0] : division;
};

/**
 * The age variant of a file: its `variation` cell when it has one, else its name (`…-all-variation.csv`,
 * `…senior…`, `…junior…` or `…jeune…`), else « tout âge ». Pure.
 */
export function variantOfFile(file: string, cell?: unknown): Ifn2023Variant {
  const text = `${cell ?? ""}`.trim().toLowerCase() || basename(file).toLowerCase();
  if (/senior/.test(text)) return "senior";
  if (/junior|jeune/.test(text)) return "jeune";
  return "tout âge";
}

/**
 * Spreads the export's `code` into one code column per level and adds the level and the variant. A file already
 * in the kit's columns (`niveau`, `code_territoire`: a CSV downloaded from the catalogue) is left as it is. Pure.
 */
export function prepareIfn2023(raw: RawFile): RawFile {
  const find = (name: string) => raw.header.find((h) => h.trim().toLowerCase() === name);
  const [division, code, name, variation] = ["division", "code", "name", "variation"].map(find);
  if (!division && !code && find("niveau") && find("code_territoire")) return raw;
  const added = [
    "niveau",
    "code_territoire",
    "code_commune",
    "code_epci",
    "code_iris",
    "code_departement",
    "nom",
    "variante"
  ];
  // Without a `variation` column, every row has the file's variant: read its name once.
  const fileVariant = variation ? undefined : variantOfFile(raw.file);
  return {
    ...raw,
    header: [...new Set([...raw.header, ...added])],
    records: raw.records.map((record) => {
      const niveau = levelOfDivision(String(division ? (record.values[division] ?? "") : ""));
      const value = String(code ? (record.values[code] ?? "") : "").trim();
      const iris = niveau === "iris" ? normalizeIris(value) : null;
      const codes = {
        code_commune: niveau === "commune" ? value : iris ? communeOfIris(iris) : "",
        code_epci: niveau === "epci" ? value : "",
        code_iris: niveau === "iris" ? value : "",
        code_departement: niveau === "departement" ? value : ""
      };
      return {
        line: record.line,
        values: {
          ...record.values,
          niveau,
          code_territoire: value,
          ...codes,
          nom: name ? record.values[name] : "",
          variante: fileVariant ?? variantOfFile(raw.file, record.values[variation!])
        }
      };
    })
  };
}

const roundScore = (x: number) => Math.round(Math.min(10, Math.max(1, x)) * 10) / 10;

/** Demonstration scores per commune (tout âge): higher where rural, sub-scores scattered around the score. */
export function demoIfn2023(): DataTable {
  const random = demoRandom("fragilite-numerique-2023");
  const rows: Record<string, Cell>[] = [];
  for (const c of demoCommunes()) {
    const score = roundScore(gaussian(random, 3 + 4 * rurality(c.population), 1.3));
    const around = () => roundScore(gaussian(random, score, 1.5));
    rows.push({
      niveau: "commune",
      code_territoire: c.code,
      code_commune: c.code,
      code_epci: null,
      code_iris: null,
      code_departement: null,
      nom: c.nom,
      variante: "tout âge",
      score,
      no_thd_coverage_rate: around(),
      no_4g_coverage_rate: around(),
      poverty_rate: around(),
      older_65_rate: around(),
      nscol15p_rate: around(),
      population: c.population
    });
  }
  return tableFromRows(summarizeColumns(columns), rows);
}

export const fragiliteNumerique2023: DatasetDeclaration = {
  id: "fragilite-numerique-2023",
  title: "Indice de fragilité numérique, édition 2023 (échelle de 1 à 10)",
  description:
    "Indice de fragilité numérique actuel de La MedNum (fragilite-numerique.fr) : un score de 1 à 10 par commune, EPCI, IRIS ou département, tiré de cinq indicateurs (non-couverture en très haut débit et en 4G, pauvreté, âge, diplôme), en trois déclinaisons (tout âge, senior, jeune). Un fichier chargé contient un niveau et une déclinaison.",
  producer: "La MedNum",
  licence: "à vérifier auprès de La MedNum",
  vintage: "2023",
  updateFrequency: "ponctuelle (déclinaison senior en 2021, jeune et IRIS en 2023)",
  level: "commune",
  source: {
    portal: "manual",
    where:
      "L'export CSV de fragilite-numerique.fr (un niveau et une déclinaison par fichier, colonnes name, division, code, total et identifiants des indicateurs) n'a pas d'adresse de téléchargement publique que le kit ait pu confirmer : chargez-le avec npm run data -- load fragilite-numerique-2023 --input <fichier>, ou passez son adresse avec fetch fragilite-numerique-2023 --url <adresse>."
  },
  sourceCheck: {
    date: "2026-12-02",
    evidence: [
      "inclusion-numerique/inclusion-numerique (apps/web/src/data/buildDatabase/buildIfn.ts, France Numérique Ensemble) lit « ifn-city-all-variation.csv », fourni par l'équipe de La MedNum, en-tête name,division,code,no_thd_coverage_rate,no_4g_coverage_rate,poverty_rate,older_65_rate,nscol15p_rate,total ; même code : l'API du portail (/api/scoring/city et /api/scoring/epci, paramètres codes[] et filters[]) renvoie ces mêmes indicateurs sous « score » avec « total »",
      "Un script public d'indicateurs territoriaux (« Indicateur i094 : Indice de fragilité numérique », mis à jour le 05/02/2026, « dernières données disponibles : 2023 ») lit un export par EPCI : colonnes name, division, code, total, les indicateurs des trois déclinaisons (poverty_rate_50_plus, poverty_rate_30_minus, older_75_rate, nscol15p_rate_15_25_year, neet_16_25_year_rate…) et des colonnes de contexte (population, is_zrr…)",
      "Assembleurs/portrea (components/viz/Scores/Ifn.js, IfnEpci.js) : adresses du portail avec selected_territories=<code>-city ou -epci et variation=all ou junior",
      "infos.fragilite-numerique.fr (ressources-cgu) : échelle de 1 à 10, cinq indicateurs de l'axe 1, déclinaisons tout âge (2019), senior (2021), jeune (2023)"
    ],
    unconfirmed:
      "Aucune adresse publique de téléchargement du fichier complet ; la déclinaison d'un export se lit dans le nom du fichier ou dans une colonne « variation », ce que le portail ne documente pas ; la licence ; l'échelle exacte des colonnes d'indicateurs (scores de 1 à 10 d'après l'API, à vérifier sur un export) ; la ligne que le script i094 écarte en tête de fichier."
  },
  homepage: "https://www.fragilite-numerique.fr/",
  csv: {delimiter: "auto"},
  columns: withMeasures(columns, {
    score: {label: "Indice de fragilité numérique 2023", unit: "score (1 à 10)"},
    population: {label: "Habitants", unit: "habitants", per: "habitant"}
  }),
  prepare: (raw) => prepareIfn2023(raw),
  // « Lire cette donnée » (loaders/core/reading.ts): shown on its catalogue page.
  reading: {
    edition:
      "Édition actuelle de l'indice (2023), sur fragilite-numerique.fr : une autre méthode que la première édition (table fragilite-numerique, quatre axes, 100 = moyenne de la région). Ses scores ne se comparent pas à ceux de la première édition.",
    reference:
      "Chaque indicateur est ramené à une échelle de 1 à 10 ; le score combine les indicateurs de l'axe 1 de la déclinaison choisie.",
    scale: "Score de 1 (risque de fragilité le plus faible) à 10 (le plus élevé), sans unité.",
    dataDate:
      "Publié en 2023 (déclinaison jeune et niveau IRIS en mars 2023) ; les indicateurs viennent de sources de dates diverses (recensement, FILOSOFI, couverture des réseaux) que le portail détaille.",
    measures:
      "Un risque de fragilité numérique estimé à partir de la couverture des réseaux (très haut débit, 4G) et de caractéristiques des habitants (pauvreté, âge, diplôme).",
    doesNotMeasure:
      "Les usages ni les compétences réelles des personnes : personne n'a été interrogé. Ni l'offre de médiation numérique.",
    limits: [
      "Un fichier chargé ne contient qu'un niveau (commune, EPCI, IRIS ou département) et qu'une déclinaison : filtrez sur niveau et variante avant de comparer.",
      "Construit avec la pauvreté, l'âge, le diplôme et la couverture réseau : le rapprocher de ces variables est en partie circulaire.",
      "La licence de l'export n'est pas indiquée publiquement : à vérifier auprès de La MedNum avant une publication."
    ],
    sources: [
      {label: "Portail de l'indice (fragilite-numerique.fr)", url: "https://www.fragilite-numerique.fr/"},
      {label: "Comment est construit l'indice", url: "https://infos.fragilite-numerique.fr/ressources-cgu"}
    ]
  },
  offline: {status: "démonstration", build: demoIfn2023, note: DEMO_NOTE}
};
