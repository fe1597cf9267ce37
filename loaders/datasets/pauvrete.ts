/**
 * `pauvrete`: FILOSOFI poverty rate per commune (INSEE). Values under statistical secrecy stay `null`, never 0:
 * empty cells and INSEE's secrecy markers (`s`, `nd`, `n.d.`) are read as missing.
 */
import type {DatasetDeclaration} from "../core/dataset.ts";
import {DEMO_NOTE, demoCommunes, demoRandom, rurality} from "../demo/communes.ts";
import {gaussian} from "../core/prng.ts";
import {communeCodeColumn, summarizeColumns, type ColumnSpec, withMeasures} from "../core/schema.ts";
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
  vintage: "2021",
  updateFrequency: "annuelle",
  level: "commune",
  cogVintage: 2023,
  source: {
    portal: "url",
    url: "https://www.insee.fr/fr/statistiques/fichier/7756855/indic-struct-distrib-revenu-2021-COMMUNES_csv.zip",
    format: "zip",
    member: "FILO2021_DISP_PAUVRES_COM\\.csv$"
  },
  sourceCheck: {
    date: "2026-12-02",
    evidence: [
      "insee.fr, page 7756855 (« Revenus, pauvreté et niveau de vie en 2021 – communes ») : archive indic-struct-distrib-revenu-2021-COMMUNES_csv.zip, cité avec cette adresse par plusieurs scripts publics de téléchargement (2024–2026)",
      "Scripts publics qui lisent FILO2021_DISP_PAUVRES_COM.csv : colonnes CODGEO et TP6021 (taux de pauvreté au seuil de 60 %), « s » pour secret statistique et « nd » pour non disponible",
      "FILOSOFI n'est pas publié comme jeu data.gouv.fr par l'INSEE : le fichier se télécharge sur insee.fr"
    ],
    unconfirmed:
      "La géographie (COG 2023) de FILOSOFI 2021 n'a pas été confirmée ; un fichier plus ancien chargé avec load (TP6017, TX_POVERTY) est étiqueté avec son millésime (TP6017 → 2017)."
  },
  homepage: "https://www.insee.fr/fr/metadonnees/source/serie/s1172",
  csv: {delimiter: "auto"},
  // Older FILOSOFI files name the rate by its year (TP6017…); the Data For Good extract's TX_POVERTY is
  // probably FILOSOFI 2017 (its SOURCE.md says so as an inference).
  variants: [
    ...[2017, 2018, 2019, 2020].map((year) => ({
      name: `filosofi-${year}`,
      vintage: String(year),
      detect: (header: readonly string[]) =>
        header.some((h) => h.trim().toUpperCase() === `TP60${year % 100}`)
    })),
    {
      name: "filosofi-tx-poverty",
      vintage: "2017 (probable, fichier dérivé de Data For Good)",
      detect: (header: readonly string[]) => header.some((h) => h.trim().toUpperCase() === "TX_POVERTY")
    }
  ],
  key: "code_commune",
  columns: withMeasures(columns, {taux_pauvrete: {label: "Taux de pauvreté", unit: "%"}}),
  // « Lire cette donnée » (loaders/core/reading.ts): shown on its catalogue page and on the défis that use it.
  reading: {
    edition:
      "Taux de pauvreté par commune du dispositif FILOSOFI de l'Insee. Le kit télécharge le millésime 2021 ; un fichier plus ancien chargé à la main (millésimes 2017 à 2020, ou l'extrait repris par Data For Good en 2020, probablement 2017) garde son propre millésime, indiqué dans la provenance.",
    reference: "Seuil de pauvreté : 60 % du niveau de vie médian national.",
    scale: "Pourcentage des habitants vivant sous le seuil ; l'écart entre deux communes se dit en points.",
    dataDate:
      "Revenus de l'année du millésime : 2021 pour le fichier que télécharge le kit, 2017 (probablement) pour l'extrait de Data For Good.",
    measures:
      "La part des personnes dont le niveau de vie (revenu disponible du ménage par unité de consommation) est inférieur au seuil de pauvreté.",
    doesNotMeasure:
      "La pauvreté en conditions de vie, ni le nombre de personnes pauvres, ni les revenus d'aujourd'hui.",
    limits: [
      "Secret statistique de l'Insee : le taux n'est publié que pour les communes qui comptent assez de ménages ; dans l'extrait de Data For Good, il manque pour environ 29 400 communes sur 35 000.",
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
