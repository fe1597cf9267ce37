/**
 * `pauvrete`: FILOSOFI poverty rate per commune (INSEE). Values under statistical secrecy stay `null`, never 0:
 * empty cells and INSEE's secrecy markers (`s`, `nd`, `n.d.`) are read as missing.
 */
import type {DatasetDeclaration} from "../core/dataset.ts";
import {DEMO_NOTE, demoCommunes, demoRandom, rurality} from "../core/demo.ts";
import {gaussian} from "../core/prng.ts";
import {communeCodeColumn, summarizeColumns, type ColumnSpec} from "../core/schema.ts";
import {tableFromRows, type Cell} from "../core/table.ts";

/** Cell values meaning "secret or not available" in INSEE files. */
export const SECRET_TOKENS = ["s", "nd", "n.d.", "ND", "NA", "secret", "c"] as const;

const columns: ColumnSpec[] = [
  communeCodeColumn("code_commune", {unique: true, aliases: ["CODE_INSEE", "CODGEO", "code_insee"]}),
  {
    name: "nom_commune",
    type: "string",
    description: "Nom de la commune",
    nullable: true,
    aliases: ["LIBCOM", "LIBGEO"]
  },
  {
    name: "taux_pauvrete",
    type: "number",
    description: "Taux de pauvreté au seuil de 60 % du revenu médian (vide : secret statistique)",
    unit: "%",
    nullable: true,
    min: 0,
    max: 100,
    nullTokens: SECRET_TOKENS,
    aliases: ["TX_POVERTY", "TP6017", "TP6018", "TP6019", "TP6020", "TP6021", "TP60"]
  }
];

/** Demonstration rates: published only above 2,000 inhabitants (secrecy), higher in cities and in the DROM. */
export function demoPauvrete() {
  const random = demoRandom("pauvrete");
  const rows: Record<string, Cell>[] = [];
  for (const c of demoCommunes()) {
    const drom = c.departement.length === 3;
    const mean = (drom ? 30 : 11) + 6 * (1 - rurality(c.population));
    const rate = Math.round(Math.min(60, Math.max(2, gaussian(random, mean, 4))) * 10) / 10;
    rows.push({code_commune: c.code, nom_commune: c.nom, taux_pauvrete: c.population >= 2000 ? rate : null});
  }
  return tableFromRows(summarizeColumns(columns), rows);
}

export const pauvrete: DatasetDeclaration = {
  id: "pauvrete",
  title: "Taux de pauvreté par commune (FILOSOFI)",
  description:
    "Taux de pauvreté monétaire (seuil à 60 % du niveau de vie médian) des communes, d'après le dispositif FILOSOFI de l'INSEE ; non diffusé sous le seuil du secret statistique.",
  producer: "INSEE",
  licence: "Licence Ouverte 2.0",
  vintage: "2017",
  updateFrequency: "annuelle",
  level: "commune",
  cogVintage: 2019,
  source: {
    portal: "data.gouv.fr",
    dataset: "revenus-et-pauvrete-des-menages-aux-niveaux-national-et-local",
    resource: {format: "csv", match: "commune"}
  },
  homepage: "https://www.insee.fr/fr/metadonnees/source/serie/s1172",
  csv: {delimiter: "auto"},
  key: "code_commune",
  columns,
  // « Lire cette donnée » (loaders/core/reading.ts): shown on its catalogue page and on the défis that use it.
  reading: {
    edition:
      "Taux de pauvreté par commune du dispositif FILOSOFI de l'Insee, tel que repris par Data For Good en 2020 ; le fichier communal d'origine de l'Insee n'est pas celui du kit.",
    reference: "Seuil de pauvreté : 60 % du niveau de vie médian national.",
    scale: "Pourcentage des habitants vivant sous le seuil ; l'écart entre deux communes se dit en points.",
    dataDate: "Revenus de 2017 (millésime retenu par le kit ; l'extrait repris ne le précise pas).",
    measures:
      "La part des personnes dont le niveau de vie (revenu disponible du ménage par unité de consommation) est inférieur au seuil de pauvreté.",
    doesNotMeasure:
      "La pauvreté en conditions de vie, ni le nombre de personnes pauvres, ni les revenus d'aujourd'hui.",
    limits: [
      "Secret statistique de l'Insee : le taux n'est publié que pour les communes qui comptent assez de ménages ; il manque pour environ 29 400 communes sur 35 000 dans l'extrait réel.",
      "Les taux communaux existent pour la France métropolitaine, la Martinique et La Réunion, pas pour les autres départements d'outre-mer.",
      "Un taux communal décrit la commune, pas ses habitants un par un."
    ],
    sources: [
      {label: "Insee, dispositif FILOSOFI", url: "https://www.insee.fr/fr/metadonnees/source/serie/s1172"},
      {label: "Extrait repris par Data For Good (saison 8, La MedNum, 2020)"}
    ]
  },
  offline: {status: "démonstration", build: demoPauvrete, note: DEMO_NOTE}
};
