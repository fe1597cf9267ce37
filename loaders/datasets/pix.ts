/**
 * `pix`: Pix certification of pupils per établissement (collèges and lycées) and school year: sessions,
 * registered and certified pupils, scores.
 *
 * Source id, with a doubt written down: `fr-en-pix_certification_pix_inscription_et_passation_par_eple` on
 * data.education.gouv.fr ("Pix : nombre de sessions et certifications de profil Pix par établissement",
 * about 43,000 rows, school years from 2022). We could not read the portal from here: the id and the field
 * names below (`annee`, `uai`, `etablissement`, `commune_code`, `departement_code`, `secteur`,
 * `sessions_programmees`, `sessions_finalisees`, `inscrits`, `participants`, `certifies`, `non_obtenues`,
 * `average_pix_score`, `median_pix_score`…) come from public descriptions of the dataset, not from a file.
 * Labels and field names are both accepted (slug matching) and unknown columns are reported, so a changed
 * export is loaded or refused loudly, never misread silently. Other Pix datasets of the portal (campaign
 * results by EPLE, certifications by class) are different tables.
 *
 * Counts are per establishment: small ones must go through `education/secrecy.ts` before a page shows them.
 */
import type {DatasetDeclaration} from "../core/dataset.ts";
import {educationSource} from "../core/portal.ts";
import {DEMO_NOTE, demoRandom} from "../demo/communes.ts";
import {gaussian} from "../core/prng.ts";
import type {ColumnSpec} from "../core/schema.ts";
import {summarizeColumns, withMeasures} from "../core/schema.ts";
import {tableFromRows} from "../core/table.ts";
import {parseRentree} from "../education/codes.ts";
import type {ColumnVocabulary} from "../education/columns.ts";
import {demoSchools} from "../education/demo-schools.ts";
import {departementFromCommune, educationPrepare, secteur, upperCode} from "../education/prepare.ts";
import {communeColumn, departementColumn, secteurColumn, textColumn, uaiColumn} from "../education/schema.ts";

const COUNTS: readonly [string, string, string[]][] = [
  [
    "sessions_programmees",
    "Sessions de certification programmées",
    ["sessions_programmees", "Sessions programmées"]
  ],
  [
    "sessions_finalisees",
    "Sessions de certification finalisées",
    ["sessions_finalisees", "Sessions finalisées"]
  ],
  ["inscrits", "Élèves inscrits à une session", ["inscrits", "Inscrits"]],
  ["participants", "Élèves ayant passé la certification", ["participants", "Participants"]],
  ["certifies", "Élèves certifiés", ["certifies", "Certifiés"]],
  ["non_obtenues", "Certifications non obtenues", ["non_obtenues", "Non obtenues"]]
];

/** Names of the count columns (for secrecy and the build guard). */
export const PIX_COUNT_COLUMNS: readonly string[] = COUNTS.map(([name]) => name);

export const PIX_VOCABULARY: ColumnVocabulary = {
  aliases: {
    annee: ["annee", "Année", "annee_scolaire", "Année scolaire"],
    uai: ["uai", "UAI"],
    nom: ["etablissement", "Établissement", "nom_etablissement"],
    secteur: ["secteur", "Secteur"],
    code_commune: ["commune_code", "Code commune", "code_commune"],
    nom_commune: ["commune_nom", "Commune", "nom_commune"],
    departement: ["departement_code", "Code département", "code_departement"],
    academie: ["academie_nom", "Académie"],
    score_moyen: ["average_pix_score", "Score Pix moyen"],
    score_median: ["median_pix_score", "Score Pix médian"],
    ...Object.fromEntries(COUNTS.map(([name, , labels]) => [name, labels]))
  },
  ignored: [
    "academie_code",
    "departement_nom",
    "position",
    "inscrits_distincts",
    "first_quartile_pix_score",
    "third_quartile_pix_score",
    "code_insee_de_la_region",
    "libelle_de_la_region",
    "code_region",
    "libelle_region"
  ]
};

const alias = (name: string) => PIX_VOCABULARY.aliases[name] ?? [];

const score = (name: string, description: string): ColumnSpec => ({
  name,
  type: "number",
  description,
  unit: "pix",
  nullable: true,
  min: 0,
  max: 1024,
  aliases: alias(name)
});

export const PIX_COLUMNS: ColumnSpec[] = [
  {
    name: "annee",
    type: "integer",
    description: "Année scolaire (année de la rentrée) ou année de session, telle que publiée",
    nullable: false,
    min: 2015,
    max: 2100,
    aliases: alias("annee")
  },
  uaiColumn(alias("uai")),
  textColumn("nom", "Nom de l'établissement", alias("nom")),
  secteurColumn(alias("secteur"), true),
  communeColumn(alias("code_commune"), false),
  textColumn("nom_commune", "Nom de la commune", alias("nom_commune")),
  departementColumn(
    alias("departement"),
    "Code du département (d'après la commune quand le fichier ne le donne pas)"
  ),
  textColumn("academie", "Académie", alias("academie")),
  ...COUNTS.map(([name, description]): ColumnSpec => ({
    name,
    type: "integer",
    description,
    unit: name.startsWith("sessions") ? "sessions" : "élèves",
    nullable: true,
    min: 0,
    aliases: alias(name)
  })),
  score("score_moyen", "Score Pix moyen des certifiés"),
  score("score_median", "Score Pix médian des certifiés")
];

const text = (value: unknown) => (value === null || value === undefined ? "" : String(value).trim());

/** Demonstration Pix results: collèges and lycées of the demo universe, years 2022 to 2024. */
export function demoPix() {
  const random = demoRandom("pix");
  const rows = [];
  for (const s of demoSchools().filter((x) => x.niveau !== "école")) {
    for (const annee of [2022, 2023, 2024]) {
      // About a quarter of pupils are in a certified grade (3e, terminale).
      const inscrits = Math.max(0, Math.round((s.eleves / 4) * (0.85 + 0.15 * random())));
      const participants = Math.round(inscrits * Math.min(1, Math.max(0.6, gaussian(random, 0.93, 0.04))));
      const rate = Math.min(0.99, Math.max(0.3, 0.72 + (s.ips - 100) * 0.006 + gaussian(random, 0, 0.05)));
      const certifies = Math.round(participants * rate);
      const sessions = Math.max(1, Math.ceil(inscrits / 28));
      rows.push({
        annee,
        uai: s.uai,
        nom: s.nom,
        secteur: s.secteur,
        code_commune: s.commune,
        nom_commune: s.communeNom,
        departement: s.departement,
        academie: null,
        sessions_programmees: sessions,
        sessions_finalisees: sessions - (random() < 0.1 ? 1 : 0),
        inscrits,
        participants,
        certifies,
        non_obtenues: participants - certifies,
        score_moyen: certifies > 0 ? Math.round(gaussian(random, 250 + (s.ips - 100) * 1.5, 15)) : null,
        score_median: certifies > 0 ? Math.round(gaussian(random, 245 + (s.ips - 100) * 1.5, 15)) : null
      });
    }
  }
  return tableFromRows(summarizeColumns(PIX_COLUMNS), rows);
}

export const pix: DatasetDeclaration = {
  id: "pix",
  title: "Certification Pix des élèves par établissement",
  description:
    "Sessions de certification Pix et résultats (inscrits, participants, certifiés, scores) des collèges et lycées publics et privés sous contrat, par année.",
  producer: "Ministère de l'Éducation nationale (DNE) et GIP Pix",
  licence: "Licence Ouverte 2.0",
  vintage: "années 2022 et suivantes",
  updateFrequency: "annuelle",
  level: "point",
  ...educationSource("fr-en-pix_certification_pix_inscription_et_passation_par_eple"),
  sourceCheck: {
    date: "2026-12-02",
    evidence: [
      "Documentation publique d'une carte Pix (2026-09) : export complet de fr-en-pix_certification_pix_inscription_et_passation_par_eple, 43 479 lignes, 26 champs"
    ]
  },
  csv: {delimiter: ";", encoding: "utf-8"},
  key: "uai",
  columns: withMeasures(PIX_COLUMNS, {
    annee: false,
    inscrits: {label: "Élèves inscrits à la certification Pix", unit: "élèves", per: "élève"},
    participants: {label: "Élèves ayant passé la certification Pix", unit: "élèves", per: "élève"},
    certifies: {label: "Élèves certifiés Pix", unit: "élèves", per: "élève"},
    score_moyen: {label: "Score Pix moyen", unit: "pix"}
  }),
  period: {column: "annee", label: "année la plus récente du fichier"},
  prepare: educationPrepare("pix", PIX_VOCABULARY, {
    uai: upperCode,
    secteur,
    annee: (value) => String(parseRentree(text(value)) ?? text(value)),
    departement: departementFromCommune
  }),
  offline: {status: "démonstration", build: demoPix, note: DEMO_NOTE}
};
