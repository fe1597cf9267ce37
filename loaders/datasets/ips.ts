/**
 * `ips`: indice de position sociale (DEPP) of écoles, collèges and lycées, by UAI and rentrée.
 *
 * Design choice: ONE dataset with a `niveau` column (`école`, `collège`, `lycée`) rather than three linked
 * ones. The three DEPP files share their key (UAI × rentrée) and almost all their columns, pages compare
 * levels within a commune, and one table keeps one meta.json, one catalogue entry and one join to
 * `annuaire-education`. Lycée-only measures (IPS of the general/technological and vocational tracks) are
 * nullable columns; `ips` holds the school's overall IPS (for a lycée, `IPS Ensemble GT-PRO`).
 *
 * The DEPP publishes three files; `fetch` downloads the écoles one (`fr-en-ips_ecoles`). The others
 * (`fr-en-ips_colleges`, `fr-en-ips_lycees`) are loaded with `data load ips --input <file>`; the level is read
 * from a `niveau` column when there is one, else from the file name (`…ecoles…`, `…colleges…`, `…lycees…`),
 * else from the lycée-only columns, else it is taken as the écoles file (with a warning). Newer vintages (`fr-en-ips-ecoles-ap2022`…) use the same labels as far as
 * we know; their header is matched by slug and unknown columns are reported.
 */
import type {DatasetDeclaration} from "../core/dataset.ts";
import {educationSource} from "../core/portal.ts";
import {DEMO_NOTE, demoRandom} from "../demo/communes.ts";
import {gaussian} from "../core/prng.ts";
import type {RawFile} from "../core/records.ts";
import {summarizeColumns, type ColumnSpec, withMeasures} from "../core/schema.ts";
import {tableFromRows} from "../core/table.ts";
import {parseRentree} from "../education/codes.ts";
import {
  communeColumn,
  departementColumn,
  rentreeColumn,
  secteurColumn,
  textColumn,
  uaiColumn
} from "../education/schema.ts";
import {
  mapHeader,
  renameColumns,
  slugColumn,
  warnUnknownColumns,
  type ColumnVocabulary
} from "../education/columns.ts";
import {demoSchools, type SchoolLevel} from "../education/demo-schools.ts";
import {secteur, upperCode} from "../education/prepare.ts";

/** The levels of the `niveau` column. */
export const IPS_LEVELS: readonly SchoolLevel[] = ["école", "collège", "lycée"];

export const IPS_VOCABULARY: ColumnVocabulary = {
  aliases: {
    rentree: ["Rentrée scolaire", "rentree_scolaire", "annee_scolaire"],
    niveau: ["niveau"],
    uai: ["UAI", "uai", "Code UAI"],
    nom: ["Nom de l'établissment", "Nom de l'établissement", "nom_de_l_etablissment", "nom_etablissement"],
    code_commune: ["Code INSEE de la commune", "code_insee_de_la_commune", "code_commune"],
    nom_commune: ["Nom de la commune", "nom_de_la_commune"],
    departement: ["Code du département", "code_du_departement", "code_departement"],
    academie: ["Académie", "academie"],
    secteur: ["Secteur", "secteur"],
    type_lycee: ["Type de lycée", "type_de_lycee"],
    ips: ["IPS", "IPS Ensemble GT-PRO", "ips_ensemble_gt_pro", "ips_etab"],
    ecart_type: ["Ecart-type de l'IPS", "ecart_type_de_l_ips", "Ecart type de l'IPS"],
    ips_voie_gt: ["IPS voie GT", "ips_voie_gt"],
    ips_voie_pro: ["IPS voie PRO", "ips_voie_pro"]
  },
  ignored: ["Département", "Région académique", "Ecart-type de l'IPS voie GT", "Ecart-type de l'IPS voie PRO"]
};

const alias = (name: string) => IPS_VOCABULARY.aliases[name] ?? [];

const measure = (name: string, description: string): ColumnSpec => ({
  name,
  type: "number",
  description,
  unit: "indice",
  nullable: true,
  min: 0,
  max: 250,
  nullTokens: ["NS", "ND", "NC"],
  aliases: alias(name)
});

export const IPS_COLUMNS: ColumnSpec[] = [
  rentreeColumn(alias("rentree")),
  {
    name: "niveau",
    type: "string",
    description: "Niveau : école, collège ou lycée",
    nullable: false,
    allowed: {values: IPS_LEVELS}
  },
  uaiColumn(alias("uai")),
  textColumn("nom", "Nom de l'établissement", alias("nom")),
  communeColumn(alias("code_commune"), false),
  textColumn("nom_commune", "Nom de la commune", alias("nom_commune")),
  departementColumn(alias("departement")),
  textColumn("academie", "Académie", alias("academie")),
  secteurColumn(alias("secteur"), false),
  textColumn("type_lycee", "Type de lycée (LEGT, LP, LPO), lycées seulement", alias("type_lycee")),
  measure("ips", "Indice de position sociale de l'établissement (ensemble des voies pour un lycée)"),
  measure("ecart_type", "Écart-type de l'IPS des élèves, quand il est publié"),
  measure("ips_voie_gt", "IPS de la voie générale et technologique (lycées)"),
  measure("ips_voie_pro", "IPS de la voie professionnelle (lycées)")
];

/** The level of a file without a `niveau` column: from its name, else from lycée-only columns. */
export function levelOfFile(file: string, header: readonly string[]): SchoolLevel | null {
  const name = slugColumn(file);
  if (/ecole/.test(name)) return "école";
  if (/college/.test(name)) return "collège";
  if (/lycee/.test(name)) return "lycée";
  const slugs = new Set(header.map(slugColumn));
  if (slugs.has("ips_voie_gt") || slugs.has("type_de_lycee")) return "lycée";
  return null;
}

const text = (value: unknown) => (value === null || value === undefined ? "" : String(value).trim());

/**
 * Renames, normalises and fills `niveau`. A file that does not tell its level (the `fetch` download,
 * `ips.source.csv`) is taken as the écoles file the declaration downloads, with a warning.
 */
export function prepareIps(raw: RawFile): RawFile {
  const hasLevel = !mapHeader(raw.header, IPS_VOCABULARY).absent.includes("niveau");
  let level = hasLevel ? null : levelOfFile(raw.file, raw.header);
  if (!hasLevel && level === null) {
    level = "école";
    process.emitWarning(
      `ips: ${raw.file} : niveau non indiqué, lu comme le fichier des écoles (fr-en-ips_ecoles) — pour un autre niveau, ajoutez une colonne « niveau » ou nommez le fichier …colleges… ou …lycees…`,
      {code: "TDATHACK_IPS_LEVEL"}
    );
  }
  const {raw: prepared, mapping} = renameColumns(raw, IPS_VOCABULARY, {
    uai: upperCode,
    secteur,
    niveau: (value) => level ?? text(value).toLowerCase(),
    rentree: (value) => {
      const year = parseRentree(text(value));
      return year === null ? value : String(year);
    }
  });
  warnUnknownColumns("ips", raw.file, mapping.unknown);
  return prepared;
}

/** Demonstration IPS: every demo school, rentrées 2021 and 2022, around its generated social position. */
export function demoIps() {
  const random = demoRandom("ips");
  const rows = [];
  for (const s of demoSchools()) {
    for (const rentree of [2021, 2022]) {
      const ips =
        Math.round(
          Math.min(160, Math.max(50, s.ips + (rentree - 2021) * 0.4 + gaussian(random, 0, 1.5))) * 10
        ) / 10;
      const lycee = s.niveau === "lycée";
      const gt = lycee ? Math.round((ips + 4 + gaussian(random, 0, 2)) * 10) / 10 : null;
      const pro = lycee && random() < 0.5 ? Math.round((ips - 12 + gaussian(random, 0, 3)) * 10) / 10 : null;
      rows.push({
        rentree,
        niveau: s.niveau,
        uai: s.uai,
        nom: s.nom,
        code_commune: s.commune,
        nom_commune: s.communeNom,
        departement: s.departement,
        academie: null,
        secteur: s.secteur,
        type_lycee: lycee ? (pro === null ? "LEGT" : "LPO") : null,
        ips,
        ecart_type: Math.round((25 + gaussian(random, 0, 4)) * 10) / 10,
        ips_voie_gt: gt,
        ips_voie_pro: pro
      });
    }
  }
  return tableFromRows(summarizeColumns(IPS_COLUMNS), rows);
}

export const ips: DatasetDeclaration = {
  id: "ips",
  title: "Indice de position sociale des écoles, collèges et lycées",
  description:
    "Indice de position sociale (IPS) des élèves de chaque école, collège et lycée, par rentrée : plus il est élevé, plus le contexte familial est favorable à la réussite scolaire (moyenne nationale proche de 100).",
  producer: "DEPP, ministère de l'Éducation nationale",
  licence: "Licence Ouverte 2.0",
  vintage: "rentrée 2021",
  updateFrequency: "annuelle",
  level: "point",
  ...educationSource("fr-en-ips_ecoles"),
  sourceCheck: {
    date: "2026-12-02",
    evidence: [
      "Extrait réel de référence (NicolasBchb/IPS_dataviz, 2023) : fr-en-ips_ecoles, rentrée 2021-2022, « ; »",
      "Scripts publics 2025–2026 : les rentrées 2022 et suivantes (nouvelle méthode de la DEPP) sont dans fr-en-ips-ecoles-ap2022, fr-en-ips-colleges-ap2023, fr-en-ips-lycees-ap2023 (colonnes ips, uai, rentree_scolaire)"
    ],
    unconfirmed:
      "fr-en-ips_ecoles (rentrées jusqu'à 2021, ancienne méthode) existe-t-il encore ? S'il a disparu, fetch le dit et donne la commande pour l'export de fr-en-ips-ecoles-ap2022 ; les deux séries ne se comparent pas (changement de méthode en 2022)."
  },
  csv: {delimiter: ";", encoding: "utf-8"},
  key: "uai",
  columns: withMeasures(IPS_COLUMNS, {
    rentree: false,
    ips: {label: "IPS moyen des établissements", unit: "indice"}
  }),
  period: {column: "rentree", label: "rentrée la plus récente du fichier"},
  prepare: prepareIps,
  // « Lire cette donnée » (loaders/core/reading.ts): shown on its catalogue page and on the défis that use it.
  reading: {
    edition:
      "Indice de position sociale publié par la DEPP pour la rentrée 2021 (première version des fichiers ; les défis lisent celui des écoles). À partir de la rentrée 2022, la DEPP a changé de méthode : les IPS de 2021 et des années suivantes ne se comparent pas directement.",
    scale: "Indice sans unité ; plus il est haut, plus le milieu social des élèves est favorable.",
    dataDate: "Rentrée 2021 (année scolaire 2021-2022).",
    communeCodes: "codes publiés par la DEPP pour la rentrée 2021, à ramener au COG 2026",
    measures:
      "La moyenne, sur les élèves de l'établissement, d'un indice attaché à la profession de leurs parents et représentatif des conditions familiales favorables à la réussite scolaire.",
    doesNotMeasure:
      "Les résultats des élèves, le revenu des familles, ni leur équipement ou leurs compétences numériques.",
    limits: [
      "Une moyenne d'école masque la diversité des familles.",
      "Le kit fait la moyenne simple des écoles d'une commune : une petite école y pèse autant qu'une grande.",
      "La méthode a changé en 2022 : ne mélangez pas les millésimes."
    ],
    sources: [
      {
        label: "DEPP, IPS des écoles (data.education.gouv.fr)",
        url: "https://data.education.gouv.fr/explore/dataset/fr-en-ips_ecoles/"
      }
    ]
  },
  offline: {status: "démonstration", build: demoIps, note: DEMO_NOTE}
};
