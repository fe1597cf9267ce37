/**
 * `communes`: the current communes (COG 2026) with population, EPCI, département and région, read from the
 * `@etalab/decoupage-administratif` npm package (real data, offline).
 */
import {territories2026} from "../geo/territories.ts";
import type {DatasetDeclaration} from "../core/dataset.ts";
import {COG_PACKAGE_PROVENANCE, currentCommunes} from "../geo/cog-data.ts";
import type {ColumnSpec} from "../core/schema.ts";
import {summarizeColumns, withMeasures} from "../core/schema.ts";
import {tableFromRows} from "../core/table.ts";

const columns: ColumnSpec[] = [
  {
    name: "code",
    type: "code",
    code: "commune",
    description: "Code INSEE de la commune (COG 2026)",
    nullable: false,
    unique: true,
    aliases: ["code_commune", "insee_com", "codgeo", "com"]
  },
  {
    name: "nom",
    type: "string",
    description: "Nom de la commune",
    nullable: false,
    aliases: ["libelle", "libgeo", "lib_com", "commune"]
  },
  {
    name: "departement",
    type: "code",
    code: "departement",
    description: "Code du département",
    nullable: false,
    aliases: ["dep", "insee_dep", "code_departement"]
  },
  {
    name: "region",
    type: "code",
    code: "region",
    description: "Code de la région",
    nullable: false,
    aliases: ["reg", "insee_reg", "code_region"]
  },
  {
    name: "epci",
    type: "code",
    code: "siren",
    description: "SIREN de l'EPCI à fiscalité propre dont la commune est membre",
    nullable: true,
    aliases: ["siren_epci", "code_epci"]
  },
  {
    name: "population",
    type: "integer",
    description: "Population municipale",
    unit: "habitants",
    nullable: true,
    min: 0,
    aliases: ["pmun", "population_municipale"]
  }
];

/** The communes table built from the npm package (real data). */
export function communesFromPackage() {
  const index = territories2026();
  const rows = currentCommunes().map((c) => ({
    code: c.code,
    nom: c.nom,
    departement: c.departement,
    region: c.region,
    epci: index.parents.get(c.code)?.epci ?? null,
    population: c.population
  }));
  return tableFromRows(summarizeColumns(columns), rows);
}

export const communes: DatasetDeclaration = {
  id: "communes",
  title: "Communes (COG 2026), populations et EPCI",
  description:
    "Liste des communes actuelles du Code officiel géographique 2026 avec leur population municipale, leur département, leur région et l'EPCI à fiscalité propre dont elles sont membres.",
  ...COG_PACKAGE_PROVENANCE,
  homepage: "https://github.com/etalab/decoupage-administratif",
  key: "code",
  columns: withMeasures(columns, {population: {label: "Habitants", unit: "habitants", per: "habitant"}}),
  rowMeasure: {label: "Communes", unit: "communes", per: "commune"},
  // « Lire cette donnée » (loaders/core/reading.ts): shown on its catalogue page and on the défis that use it.
  reading: {
    edition:
      "Communes du Code officiel géographique 2026 de l'Insee, avec leur population légale et leur EPCI, diffusées par le paquet @etalab/decoupage-administratif 6.0.0.",
    scale: "Une ligne par commune ; population municipale en habitants.",
    dataDate:
      "Découpage au 1er janvier 2026 ; populations légales de l'Insee fournies avec ce découpage (Mayotte : recensement de 2017).",
    measures:
      "Le découpage communal en vigueur, l'appartenance aux EPCI, départements et régions, et la population recensée.",
    doesNotMeasure:
      "La population présente à un moment donné (touristes, étudiants), ni la population des années des autres sources.",
    limits: [
      "Les autres sources sont codées dans des COG plus anciens : ramenez-les au COG 2026 avant de joindre.",
      "Rapporter une source de 2019 à une population plus récente décale un peu les taux."
    ],
    sources: [
      {label: "Insee, Code officiel géographique", url: "https://www.insee.fr/fr/information/2560452"},
      {
        label: "Paquet decoupage-administratif d'Etalab",
        url: "https://github.com/etalab/decoupage-administratif"
      }
    ]
  },
  offline: {
    status: "réel",
    build: communesFromPackage,
    note: "Lu depuis le paquet npm @etalab/decoupage-administratif 6.0.0."
  }
};
