/**
 * `conseillers-numeriques`: structures hosting Conseillers numériques France Services (employers, with the
 * number of posts), as published by ANCT in 2021 (JSON array).
 */
import {LATITUDE, LONGITUDE} from "../core/columns.ts";
import type {DatasetDeclaration} from "../core/dataset.ts";
import {DEMO_NOTE, demoCommunes, demoRandom} from "../demo/communes.ts";
import {poisson} from "../core/prng.ts";
import {summarizeColumns, type ColumnSpec, withMeasures} from "../core/schema.ts";
import {tableFromRows, type Cell} from "../core/table.ts";

/** Values meaning "not filled in". */
const UNKNOWN = ["non renseigné", "null"];

const columns: ColumnSpec[] = [
  {name: "id", type: "string", description: "Identifiant de la structure", nullable: false, unique: true},
  {
    name: "raison_sociale",
    type: "string",
    description: "Raison sociale de la structure d'accueil",
    nullable: false,
    aliases: ["nom_structure", "structure"]
  },
  {
    name: "siret",
    type: "code",
    code: "siret",
    description: "SIRET de la structure",
    nullable: true,
    nullTokens: UNKNOWN
  },
  {
    name: "code_commune",
    type: "code",
    code: "commune",
    description: "Code INSEE de la commune (absent quand la structure n'a pas pu être géocodée)",
    nullable: true,
    aliases: ["insee_com", "code_insee", "result_citycode"]
  },
  {
    name: "code_departement",
    type: "code",
    code: "departement",
    description: "Code du département",
    nullable: true,
    aliases: ["insee_dep", "code_département", "code_departement"]
  },
  {
    name: "code_region",
    type: "code",
    code: "region",
    description: "Code de la région",
    nullable: true,
    aliases: ["insee_reg"]
  },
  {
    name: "nb_conseillers",
    type: "integer",
    description: "Nombre de postes de conseillers numériques attribués",
    unit: "postes",
    nullable: false,
    min: 0,
    aliases: ["nb_cnfs"]
  },
  {
    name: "date_validation",
    type: "date",
    description: "Date de validation en comité de sélection",
    nullable: true,
    aliases: ["date_de_validation_en_comité_de_sélection"]
  },
  {
    name: "type",
    type: "string",
    description: "Structure publique ou privée",
    nullable: true,
    allowed: {values: ["publique", "privée"]}
  },
  {
    name: "zrr",
    type: "boolean",
    nullTokens: UNKNOWN,
    description: "Située en zone de revitalisation rurale",
    nullable: true
  },
  {
    name: "qpv",
    type: "boolean",
    nullTokens: UNKNOWN,
    description: "Située en quartier prioritaire de la politique de la ville",
    nullable: true
  },
  {
    name: "france_services",
    type: "boolean",
    nullTokens: UNKNOWN,
    description: "Labellisée France services",
    nullable: true
  },
  LATITUDE,
  LONGITUDE
];

/** Demonstration structures: about one per 25,000 inhabitants, with 1 to 4 posts. */
export function demoConseillers() {
  const random = demoRandom("conseillers-numeriques");
  const rows: Record<string, Cell>[] = [];
  for (const c of demoCommunes()) {
    const count = poisson(random, c.population / 25_000 + 0.01);
    for (let k = 0; k < count; k++) {
      rows.push({
        id: `demo-${c.code}-${k + 1}`,
        raison_sociale: `${random() < 0.6 ? "Commune" : "Association numérique"} de ${c.nom}`,
        code_commune: c.code,
        code_departement: c.departement,
        code_region: c.region,
        nb_conseillers: 1 + Math.floor(random() * Math.min(4, 1 + c.population / 20_000)),
        type: random() < 0.6 ? "publique" : "privée",
        zrr: c.population < 2000 && random() < 0.5,
        qpv: c.population > 20_000 && random() < 0.3,
        france_services: random() < 0.2
      });
    }
  }
  return tableFromRows(summarizeColumns(columns), rows);
}

export const conseillersNumeriques: DatasetDeclaration = {
  id: "conseillers-numeriques",
  title: "Conseillers numériques France Services (structures d'accueil)",
  description:
    "Structures retenues pour accueillir des conseillers numériques France Services, avec le nombre de postes attribués, la commune et la localisation.",
  producer: "ANCT",
  licence: "Licence Ouverte 2.0",
  vintage: "2021-06",
  updateFrequency: "irrégulière",
  level: "point",
  cogVintage: 2021,
  source: {
    portal: "data.gouv.fr",
    dataset: "conseillers-numeriques-france-services",
    resource: {format: "json"},
    search: {q: "conseillers numériques France Services structures"}
  },
  sourceCheck: {
    date: "2026-12-02",
    evidence: [
      "Fichier réel de référence : anct-carto/conseillers-numeriques, data/cnfs.json (juin 2021, Licence Ouverte, ANCT) — 1 450 structures, champs nb_cnfs, insee_com, siret",
      "Les permanences des conseillers numériques sont republiées par l'organisation cartographie-nationale-des-lieux-de-mediation-numerique (jeu …-fournis-par-conseiller-numerique-1) : ce sont des lieux, pas les structures d'accueil de 2021"
    ],
    unconfirmed:
      "Aucune référence publique ne confirme l'identifiant data.gouv.fr conseillers-numeriques-france-services : s'il n'existe pas, fetch cherche et liste les candidats."
  },
  key: "id",
  columns: withMeasures(columns, {
    nb_conseillers: {label: "Postes de conseiller numérique", unit: "postes", per: "poste"},
    latitude: false,
    longitude: false
  }),
  rowMeasure: {label: "Structures accueillant un conseiller numérique", unit: "structures"},
  // « Lire cette donnée » (loaders/core/reading.ts): shown on its catalogue page and on the défis that use it.
  reading: {
    edition:
      "Liste des structures retenues pour accueillir des conseillers numériques France Services, publiée par l'ANCT en juin 2021, au lancement du programme.",
    scale:
      "Une ligne par structure d'accueil (l'employeur), avec le nombre de postes qui lui sont attribués.",
    dataDate: "Postes validés en comité de sélection de mars à mai 2021 ; fichier de juin 2021.",
    measures: "Les postes de conseillers attribués à chaque structure au printemps 2021.",
    doesNotMeasure:
      "Les conseillers en poste aujourd'hui, les lieux où ils tiennent leurs permanences, ni les heures d'accompagnement assurées.",
    limits: [
      "Environ 1 450 structures et 2 138 postes dans le fichier réel : le programme en a financé bien davantage ensuite.",
      "Une structure d'accueil est souvent elle-même un lieu de médiation : n'additionnez pas postes et lieux.",
      "Le poste est rattaché à la commune de la structure, pas forcément à celles où le conseiller intervient."
    ],
    sources: [
      {
        label: "Fichier de l'équipe cartographie de l'ANCT (juin 2021)",
        url: "https://github.com/anct-carto/conseillers-numeriques"
      }
    ]
  },
  offline: {status: "démonstration", build: demoConseillers, note: DEMO_NOTE}
};
