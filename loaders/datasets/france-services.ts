/**
 * `france-services`: the official list of France services (ANCT), CSV `,` quoted UTF-8, one row per structure.
 */
import {LATITUDE, LONGITUDE} from "../core/columns.ts";
import type {DatasetDeclaration} from "../core/dataset.ts";
import {DEMO_NOTE, demoCommunes, demoRandom, rurality} from "../demo/communes.ts";
import {communeCodeColumn, summarizeColumns, type ColumnSpec, withMeasures} from "../core/schema.ts";
import {tableFromRows, type Cell} from "../core/table.ts";

const columns: ColumnSpec[] = [
  {
    name: "id",
    type: "string",
    description: "Identifiant de la France services",
    nullable: false,
    unique: true,
    aliases: ["id_fs"]
  },
  {name: "nom", type: "string", description: "Nom de la structure", nullable: false, aliases: ["lib_fs"]},
  {
    name: "code_departement",
    type: "code",
    code: "departement",
    description: "Code du département",
    nullable: false,
    aliases: ["insee_dep"]
  },
  communeCodeColumn("code_commune", {aliases: ["insee_com"]}),
  {name: "commune", type: "string", description: "Nom de la commune", nullable: true, aliases: ["lib_com"]},
  {name: "code_postal", type: "code", code: "postal", description: "Code postal", nullable: true},
  {name: "adresse", type: "string", description: "Adresse", nullable: true},
  LATITUDE,
  LONGITUDE,
  {name: "type", type: "string", description: "Principal ou antenne", nullable: true, aliases: ["type_fs"]},
  {name: "format", type: "string", description: "Fixe ou itinérant", nullable: true, aliases: ["format_fs"]},
  {
    name: "groupe",
    type: "string",
    description: "Réseau porteur (La Poste, MSA…)",
    nullable: true,
    aliases: ["groupe_fs"]
  },
  {
    name: "labellisation",
    type: "string",
    description: "Date ou mention de labellisation",
    nullable: true,
    aliases: ["labellisation_fs"]
  }
];

/** Demonstration France services: mostly in bourgs-centres (1,500–20,000 inhabitants), some in towns. */
export function demoFranceServices() {
  const random = demoRandom("france-services");
  const rows: Record<string, Cell>[] = [];
  for (const c of demoCommunes()) {
    const p = c.population < 1500 ? 0.01 : c.population < 20_000 ? 0.12 + 0.1 * rurality(c.population) : 0.6;
    if (random() >= p) continue;
    rows.push({
      id: `demo-${c.code}`,
      nom: `France services de ${c.nom}`,
      code_departement: c.departement,
      code_commune: c.code,
      commune: c.nom,
      code_postal: c.codesPostaux[0] ?? null,
      type: random() < 0.85 ? "Principal" : "Antenne",
      format: random() < 0.93 ? "Fixe" : "Itinérant"
    });
  }
  return tableFromRows(summarizeColumns(columns), rows);
}

export const franceServices: DatasetDeclaration = {
  id: "france-services",
  title: "France services",
  description:
    "Liste des structures labellisées France services : adresse, commune, localisation, horaires, type et format.",
  producer: "ANCT",
  licence: "Licence Ouverte 2.0",
  vintage: "2024-08-01",
  updateFrequency: "mensuelle",
  level: "point",
  cogVintage: 2024,
  source: {
    portal: "data.gouv.fr",
    dataset: "liste-des-structures-france-services",
    resource: {format: "csv"}
  },
  sourceCheck: {
    date: "2026-12-02",
    evidence: [
      "Cartes publiques de l'ANCT (anct-carto/france_services, 2025) : « les données sont disponibles sur data.gouv.fr/fr/datasets/liste-des-structures-france-services/ »",
      "Fichier réel de référence : liste-fs-20240801.csv du même dépôt (virgule, UTF-8, champs entre guillemets, id_fs, insee_com, latitude, longitude)"
    ]
  },
  homepage: "https://www.data.gouv.fr/fr/datasets/liste-des-structures-france-services/",
  csv: {delimiter: "auto"},
  key: "id",
  columns: withMeasures(columns, {
    latitude: false,
    longitude: false
  }),
  rowMeasure: {label: "France services", unit: "France services", per: "France services"},
  // « Lire cette donnée » (loaders/core/reading.ts): shown on its catalogue page and on the défis that use it.
  reading: {
    edition: "Liste officielle des France services de l'ANCT, état au 1er août 2024.",
    scale: "Une ligne par structure (principale, antenne ou itinérante), avec sa commune et ses coordonnées.",
    dataDate: "1er août 2024.",
    measures: "Où se trouvent les guichets France services labellisés.",
    doesNotMeasure: "Les horaires réellement tenus, la fréquentation, ni le temps de trajet des habitants.",
    limits: [
      "Une France services itinérante a plusieurs arrêts ; le fichier n'en donne qu'une position.",
      "Des structures ouvrent et ferment chaque mois : le réseau a changé depuis août 2024.",
      "Quelques lignes n'ont pas de coordonnées : le kit prend alors la position de la commune."
    ],
    sources: [
      {
        label: "ANCT, liste des structures France services (data.gouv.fr)",
        url: "https://www.data.gouv.fr/fr/datasets/liste-des-structures-france-services/"
      }
    ]
  },
  offline: {status: "démonstration", build: demoFranceServices, note: DEMO_NOTE}
};
