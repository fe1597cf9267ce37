/**
 * `couverture-thd`: ARCEP « Ma connexion internet », number of premises (locaux) per commune by best available
 * speed class. CSV `;` UTF-8 with a disclaimer line before the header.
 */
import type {DatasetDeclaration} from "../core/dataset.ts";
import {DEMO_NOTE, demoCommunes, demoRandom, rurality} from "../demo/communes.ts";
import {communeCodeColumn, summarizeColumns, type ColumnSpec, withMeasures} from "../core/schema.ts";
import {tableFromRows, type Cell} from "../core/table.ts";

const count = (name: string, description: string): ColumnSpec => ({
  name,
  type: "integer",
  description: `Nombre de locaux ${description}`,
  unit: "locaux",
  nullable: true,
  min: 0
});

/** Speed classes, worst to best. */
export const SPEED_CLASSES = [
  "inel_hd",
  "elig_hd05",
  "elig_hd3",
  "elig_hd8",
  "elig_thd30",
  "elig_thd100",
  "elig_thd1g"
] as const;

const columns: ColumnSpec[] = [
  communeCodeColumn("code_commune", {unique: true, aliases: ["code_insee", "insee_com"]}),
  {
    name: "nom_commune",
    type: "string",
    description: "Nom de la commune",
    nullable: true,
    aliases: ["nom_com"]
  },
  {
    name: "code_departement",
    type: "code",
    code: "departement",
    description: "Code du département",
    nullable: true,
    aliases: ["code_dep"]
  },
  {
    name: "code_region",
    type: "code",
    code: "region",
    description: "Code de la région",
    nullable: true,
    aliases: ["code_reg"]
  },
  {
    name: "locaux",
    type: "integer",
    description: "Nombre de locaux (logements et locaux professionnels)",
    unit: "locaux",
    nullable: false,
    min: 0,
    aliases: ["nbr"]
  },
  {
    name: "type",
    type: "string",
    description: "Type de décompte (logloc = logements et locaux)",
    nullable: true
  },
  count("inel_hd", "inéligibles au haut débit"),
  count("elig_hd05", "dont le meilleur débit est d'au moins 512 kbit/s"),
  count("elig_hd3", "dont le meilleur débit est d'au moins 3 Mbit/s"),
  count("elig_hd8", "dont le meilleur débit est d'au moins 8 Mbit/s"),
  count("elig_thd30", "dont le meilleur débit est d'au moins 30 Mbit/s"),
  count("elig_thd100", "dont le meilleur débit est d'au moins 100 Mbit/s"),
  count("elig_thd1g", "dont le meilleur débit est d'au moins 1 Gbit/s"),
  {name: "date", type: "date", description: "Date des données", nullable: true}
];

/** Demonstration coverage: premises ≈ 0.55 × population; gigabit share falls with rurality. */
export function demoCouverture() {
  const random = demoRandom("couverture-thd");
  const rows: Record<string, Cell>[] = [];
  for (const c of demoCommunes()) {
    const locaux = Math.max(1, Math.round(c.population * (0.5 + 0.1 * random())));
    const r = rurality(c.population);
    const fibre = Math.min(1, Math.max(0, 0.95 - 0.6 * r + 0.2 * (random() - 0.5)));
    const thd = Math.round(locaux * fibre);
    const rest = locaux - thd;
    const weak = Math.round(rest * r * 0.3 * random());
    const row: Record<string, Cell> = {
      code_commune: c.code,
      nom_commune: c.nom,
      code_departement: c.departement,
      code_region: c.region,
      locaux,
      type: "logloc",
      inel_hd: Math.round(weak * 0.2),
      elig_hd05: 0,
      elig_hd3: weak - Math.round(weak * 0.2),
      elig_hd8: rest - weak,
      elig_thd30: 0,
      elig_thd100: 0,
      elig_thd1g: thd,
      date: "2024-12-31"
    };
    rows.push(row);
  }
  return tableFromRows(summarizeColumns(columns), rows);
}

export const couvertureThd: DatasetDeclaration = {
  id: "couverture-thd",
  title: "Débits internet fixe par commune (ARCEP)",
  description:
    "Nombre de locaux de chaque commune selon le meilleur débit internet fixe disponible (de l'inéligibilité au haut débit jusqu'au gigabit), d'après « Ma connexion internet » de l'ARCEP.",
  producer: "ARCEP",
  licence: "Licence Ouverte 2.0",
  vintage: "2019-09-30",
  updateFrequency: "trimestrielle",
  level: "commune",
  cogVintage: 2019,
  source: {
    portal: "data.gouv.fr",
    dataset: "ma-connexion-internet",
    resource: {format: "csv", match: "commune"}
  },
  sourceCheck: {
    date: "2026-12-02",
    evidence: [
      "Références publiques (scripts et documentations 2023–2026) : data.gouv.fr/datasets/ma-connexion-internet (ARCEP, trimestriel, fichiers commune_debit et commune_techno) ; identifiant 5e836644ca07c8558d91a6fc",
      "Fichier réel de référence : commune-debit-beta.csv (30/09/2019, dataforgoodfr/batch8_mednum) : « ; », une ligne d'avertissement avant l'en-tête, code_insee, elig_thd30, elig_thd100, elig_thd1g"
    ],
    unconfirmed:
      "Les noms de colonnes des fichiers trimestriels actuels (commune_debit) n'ont pas été comparés à ceux du fichier bêta de 2019."
  },
  homepage: "https://maconnexioninternet.arcep.fr/",
  csv: {delimiter: ";", skipLines: "auto", headerHints: ["code_insee;", "code_commune;"]},
  key: "code_commune",
  columns: withMeasures(columns, {
    locaux: {label: "Locaux", unit: "locaux", per: "local"},
    inel_hd: {label: "Locaux inéligibles au haut débit", unit: "locaux"},
    elig_hd05: {label: "Locaux éligibles à 512 kbit/s ou plus", unit: "locaux"},
    elig_hd3: {label: "Locaux éligibles à 3 Mbit/s ou plus", unit: "locaux"},
    elig_hd8: {label: "Locaux éligibles à 8 Mbit/s ou plus", unit: "locaux"},
    elig_thd30: {label: "Locaux éligibles à 30 Mbit/s ou plus", unit: "locaux"},
    elig_thd100: {label: "Locaux éligibles à 100 Mbit/s ou plus", unit: "locaux"},
    elig_thd1g: {label: "Locaux éligibles à 1 Gbit/s ou plus", unit: "locaux"}
  }),
  // « Lire cette donnée » (loaders/core/reading.ts): shown on its catalogue page and on the défis that use it.
  reading: {
    edition:
      "Fichier « Ma connexion internet » de l'ARCEP par commune (version bêta), état au 30 septembre 2019. L'ARCEP en publie une nouvelle version chaque trimestre.",
    scale:
      "Nombre de locaux (logements et locaux professionnels) de la commune, et nombre de locaux éligibles à chaque classe de débit maximal : au moins 0,5, 3, 8, 30, 100 Mbit/s et 1 Gbit/s. Une part se calcule sur le nombre total de locaux ; l'écart entre deux parts se dit en points.",
    dataDate: "30 septembre 2019.",
    measures:
      "Ce qu'il est possible de souscrire dans chaque local : l'éligibilité au meilleur débit disponible, toutes technologies de réseau fixe confondues.",
    doesNotMeasure:
      "Les abonnements, les débits réellement obtenus ni l'usage d'internet ; ni le réseau mobile.",
    limits: [
      "La classe « 1 Gbit/s et plus » comprend la fibre jusqu'à l'abonné (FttH), mais aussi le câble modernisé : ce n'est pas la fibre seule.",
      "Éligible ne veut pas dire abonné.",
      "Le déploiement a beaucoup avancé depuis 2019 : ne lisez pas ces chiffres comme la couverture d'aujourd'hui.",
      "Les communes fusionnées depuis 2019 s'additionnent (locaux et locaux éligibles) avant de recalculer la part."
    ],
    sources: [
      {label: "ARCEP, Ma connexion internet", url: "https://maconnexioninternet.arcep.fr/"},
      {
        label:
          "Extrait réel repris par Data For Good (saison 8, La MedNum, 2020) ; sa première ligne est un avertissement de l'ARCEP"
      }
    ]
  },
  offline: {status: "démonstration", build: demoCouverture, note: DEMO_NOTE}
};
