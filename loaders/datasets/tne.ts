/**
 * `tne`: Territoires numériques éducatifs, the départements of the programme with their wave and year of entry.
 * Aisne (02) and Val-d'Oise (95) were first, at the rentrée 2020 (experiment, PIA3); ten more joined in 2021
 * (extension, PIA4): Bouches-du-Rhône, Cher, Corse-du-Sud, Doubs, Finistère, Guadeloupe, Hérault, Isère,
 * Vienne and Vosges.
 *
 * Offline default: that list, which is a public fact, not invented data (status `réel`): taken from the
 * announcements (académie de Rennes, "Territoire numérique éducatif du Finistère"; Banque des Territoires,
 * "Les territoires numériques éducatifs prennent leur envol"), département names from COG 2026.
 *
 * Source, with a doubt written down: the DNE publishes TNE follow-up tables on data.education.gouv.fr
 * (`fr-en-tne_suivi_deploiement_solutions_numeriques_dept`, 12 rows; also `fr-en-tne_suivi_audiences`,
 * `fr-en-tne_personnels_formes_par_departement_secteur_type_etablissement`). Their columns could not be read
 * from here: the declaration points at the deployment table and accepts the likely names (`code_departement`,
 * `departement`, `vague`, `annee`…); a file it cannot map is refused with the column named, and a
 * hand-compiled list `code_departement, nom_departement, vague_tne, annee_lancement` (`vague_tne` like
 * `1 (expérimentation PIA3)`) loads too.
 */
import type {DatasetDeclaration} from "../core/dataset.ts";
import {educationSource} from "../core/portal.ts";
import {summarizeColumns, type ColumnSpec} from "../core/schema.ts";
import {tableFromRows} from "../core/table.ts";
import {cogDepartements} from "../geo/cog-data.ts";
import {educationPrepare} from "../education/prepare.ts";
import {departementColumn, textColumn} from "../education/schema.ts";
import {aliasesOf, cellText, type ColumnVocabulary} from "../education/columns.ts";

/** The waves of the programme: number, label, year of entry, départements (COG codes). */
export const TNE_WAVES: readonly {
  vague: number;
  dispositif: string;
  annee: number;
  departements: readonly string[];
}[] = [
  {vague: 1, dispositif: "expérimentation (PIA3)", annee: 2020, departements: ["02", "95"]},
  {
    vague: 2,
    dispositif: "extension (PIA4)",
    annee: 2021,
    departements: ["13", "18", "2A", "25", "29", "971", "34", "38", "86", "88"]
  }
];

export const TNE_VOCABULARY: ColumnVocabulary = {
  aliases: {
    departement: ["code_departement", "Code département", "code_du_departement", "dep", "departement_code"],
    nom_departement: [
      "nom_departement",
      "libelle_departement",
      "Département",
      "departement_nom",
      "departement"
    ],
    vague: ["vague_tne", "vague", "Vague"],
    annee_entree: ["annee_lancement", "annee_entree", "annee", "Année", "annee_scolaire", "rentree"],
    dispositif: ["dispositif", "programme"]
  },
  ignored: []
};

const alias = aliasesOf(TNE_VOCABULARY);

export const TNE_COLUMNS: ColumnSpec[] = [
  {...departementColumn(alias("departement"), "Code du département"), unique: true},
  textColumn("nom_departement", "Nom du département", alias("nom_departement")),
  {
    name: "vague",
    type: "integer",
    description: "Vague du programme : 1 (expérimentation, 2020), 2 (extension, 2021)…",
    nullable: false,
    min: 1,
    max: 9,
    aliases: alias("vague")
  },
  {
    name: "annee_entree",
    type: "integer",
    description: "Année (rentrée) d'entrée dans le programme",
    nullable: false,
    min: 2019,
    max: 2100,
    aliases: alias("annee_entree")
  },
  textColumn("dispositif", "Dispositif de financement (PIA3, PIA4)", alias("dispositif"))
];

/** The TNE départements from the waves above (real, public list). */
export function tneDepartements() {
  const names = new Map(cogDepartements().map((d) => [d.code, d.nom]));
  const rows = TNE_WAVES.flatMap((w) =>
    w.departements.map((code) => ({
      departement: code,
      nom_departement: names.get(code) ?? null,
      vague: w.vague,
      annee_entree: w.annee,
      dispositif: w.dispositif
    }))
  );
  return tableFromRows(summarizeColumns(TNE_COLUMNS), rows);
}

export const tne: DatasetDeclaration = {
  id: "tne",
  title: "Territoires numériques éducatifs (départements)",
  description:
    "Départements engagés dans le programme Territoires numériques éducatifs, avec leur vague et leur année d'entrée : Aisne et Val-d'Oise à la rentrée 2020, dix autres départements en 2021.",
  producer: "Direction du numérique pour l'éducation (DNE), ministère de l'Éducation nationale",
  licence: "Licence Ouverte 2.0",
  vintage: "2021",
  updateFrequency: "ponctuelle",
  level: "departement",
  ...educationSource("fr-en-tne_suivi_deploiement_solutions_numeriques_dept"),
  sourceCheck: {
    date: "2026-12-02",
    evidence: [
      "La liste du kit est compilée depuis des annonces publiques (académie de Rennes, Banque des Territoires) : Aisne et Val-d'Oise en 2020, dix départements en 2021",
      "Jeux DNE cités dans une note publique : fr-en-tne_suivi_deploiement_solutions_numeriques_dept, fr-en-tne_suivi_audiences"
    ],
    unconfirmed:
      "Les colonnes du jeu DNE fr-en-tne_suivi_deploiement_solutions_numeriques_dept n'ont pas été vues."
  },
  csv: {delimiter: "auto", encoding: "auto"},
  key: "departement",
  columns: TNE_COLUMNS,
  prepare: educationPrepare("tne", TNE_VOCABULARY, {
    // `1 (expérimentation PIA3)`, `Vague 1` → vague 1; the parenthesis gives the dispositif.
    vague: (value) => /(\d+)/.exec(cellText(value))?.[1] ?? cellText(value),
    dispositif: (value, record) => cellText(value) || (/\((.+)\)/.exec(cellText(record.vague))?.[1] ?? ""),
    annee_entree: (value) => /(\d{4})/.exec(cellText(value))?.[1] ?? cellText(value)
  }),
  // « Lire cette donnée » (loaders/core/reading.ts): shown on its catalogue page and on the défis that use it.
  reading: {
    edition:
      "Liste des départements Territoires numériques éducatifs compilée pour le kit à partir d'annonces publiques (ministère, académie de Rennes, Banque des Territoires) : ce n'est pas un fichier de la DNE.",
    scale: "Un département par ligne, avec son année d'entrée dans le programme.",
    dataDate: "Vagues de 2020 (Aisne, Val-d'Oise) et de 2021 (dix départements).",
    measures: "Quels départements sont entrés dans le programme, et quand.",
    doesNotMeasure:
      "Les moyens engagés, les équipements, les personnes formées ni les effets du programme. La DNE publie des tableaux de suivi (déploiement, formations, audiences) que le kit ne lit pas.",
    limits: [
      "Liste recopiée à la main : vérifiez-la avant une publication.",
      "Les départements du programme ont été choisis : les comparer aux autres ne mesure pas l'effet du programme."
    ],
    sources: [
      {
        label: "Académie de Rennes, le Territoire numérique éducatif du Finistère",
        url: "https://www.ac-rennes.fr/territoire-numerique-educatif-du-finistere-123169"
      },
      {
        label: "Banque des Territoires, « Les territoires numériques éducatifs prennent leur envol »",
        url: "https://banquedesterritoires.fr/les-territoires-numeriques-educatifs-prennent-leur-envol"
      }
    ]
  },
  offline: {
    status: "réel",
    build: tneDepartements,
    note: "Liste publique des départements TNE (annonces du ministère et de la Banque des Territoires), noms du COG 2026 ; pas le fichier de suivi de la DNE."
  }
};
