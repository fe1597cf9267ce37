/**
 * `fragilite-numerique`: Indice de fragilité numérique (first generation, 4 axes) per IRIS, with the commune
 * derived from the IRIS code, plus a commune-level part (`fragilite-numerique-communes`) weighted by population.
 * Reads the long Parquet of the MedNum dashboard extract (pivoted) and the wide CSV.
 */
import {communeOfIris, normalizeIris} from "../core/codes.ts";
import type {DatasetDeclaration} from "../core/dataset.ts";
import {DEMO_NOTE, demoCommunes, demoRandom, rurality} from "../demo/communes.ts";
import {gaussian} from "../core/prng.ts";
import type {RawFile, RawRecord} from "../core/records.ts";
import {communeCodeColumn, summarizeColumns, type ColumnSpec, withMeasures} from "../core/schema.ts";
import {tableFromRows, type Cell, type DataTable} from "../core/table.ts";

const score = (name: string, description: string, aliases: string[]): ColumnSpec => ({
  name,
  type: "number",
  description: `${description} (indice, 100 = moyenne de la région de l'IRIS, plus haut = plus fragile)`,
  unit: "indice",
  nullable: true,
  min: 0,
  aliases
});

/** The score columns, shared by the IRIS table and the commune aggregate. */
export const IFN_SCORES: readonly ColumnSpec[] = [
  score("acces_information", "Accès à l'information", ["ACCES A L'INFORMATION", "ACCÈS À L'INFORMATION"]),
  score("acces_interfaces", "Accès aux interfaces numériques", [
    "ACCÈS AUX INTERFACES NUMERIQUES",
    "ACCES AUX INTERFACES NUMERIQUES"
  ]),
  score("competences_administratives", "Compétences administratives", [
    "COMPETENCES ADMINISTATIVES",
    "COMPETENCES ADMINISTRATIVES",
    "COMPÉTENCES ADMINISTRATIVES"
  ]),
  score("competences_numeriques", "Compétences numériques / scolaires", [
    "COMPÉTENCES NUMÉRIQUES / SCOLAIRES",
    "COMPETENCES NUMERIQUES / SCOLAIRES"
  ]),
  score("global_acces", "Sous-total accès", ["GLOBAL ACCES", "GLOBAL ACCÈS"]),
  score("global_competences", "Sous-total compétences", ["GLOBAL COMPETENCES", "GLOBAL COMPÉTENCES"]),
  score("score_global", "Score global", ["SCORE GLOBAL", "SCORE GLOBAL "])
];

const columns: ColumnSpec[] = [
  {
    name: "code_iris",
    type: "code",
    code: "iris",
    description: "Code IRIS (9 caractères)",
    nullable: false,
    unique: true,
    aliases: ["Code Iris", "CODE_IRIS", "iris"]
  },
  {
    name: "code_commune",
    type: "code",
    code: "commune",
    description: "Code INSEE de la commune (5 premiers caractères du code IRIS)",
    nullable: false
  },
  {
    name: "nom_iris",
    type: "string",
    description: "Nom de l'IRIS",
    nullable: true,
    aliases: ["Nom Iris", "LIB_IRIS"]
  },
  {
    name: "nom_commune",
    type: "string",
    description: "Nom de la commune",
    nullable: true,
    aliases: ["Nom Com", "nom_com", "LIBCOM"]
  },
  {
    name: "rang_region",
    type: "integer",
    description: "Rang du score global dans la région",
    nullable: true,
    aliases: ["rang_score_global_region", "Classement de SCORE GLOBAL region 1"]
  },
  ...IFN_SCORES,
  {
    name: "population",
    type: "number",
    description: "Population de l'IRIS",
    unit: "habitants",
    nullable: true,
    min: 0,
    aliases: ["Population"]
  }
];

const communeColumns: ColumnSpec[] = [
  communeCodeColumn("code_commune"),
  {name: "nom_commune", type: "string", description: "Nom de la commune", nullable: true},
  {name: "iris", type: "integer", description: "Nombre d'IRIS de la commune", nullable: false},
  {
    name: "population",
    type: "number",
    description: "Population (somme des IRIS)",
    unit: "habitants",
    nullable: true
  },
  ...IFN_SCORES.map((c) => ({
    ...c,
    description: `${c.description}, moyenne des IRIS pondérée par la population`
  }))
];

/** Pivots the long format (one row per IRIS × measure) to one record per IRIS. Pure. */
export function pivotLong(raw: RawFile): RawFile {
  const byIris = new Map<string, RawRecord>();
  const measures = new Set<string>();
  for (const record of raw.records) {
    const iris = String(record.values["Code Iris"] ?? "");
    let target = byIris.get(iris);
    if (!target) {
      const {["Noms de mesures"]: _m, ["Valeurs de mesures"]: _v, ...rest} = record.values;
      target = {line: record.line, values: rest};
      byIris.set(iris, target);
    }
    const measure = String(record.values["Noms de mesures"] ?? "");
    measures.add(measure);
    target.values[measure] = record.values["Valeurs de mesures"];
  }
  const header = raw.header.filter((h) => h !== "Noms de mesures" && h !== "Valeurs de mesures");
  return {...raw, header: [...header, ...measures], records: [...byIris.values()]};
}

/** Adds `code_commune` from the IRIS code (left empty when the IRIS code is invalid: validation reports it). */
export function withCommune(raw: RawFile): RawFile {
  const irisColumn = raw.header.find((h) =>
    ["code_iris", "code iris", "iris"].includes(h.trim().toLowerCase())
  );
  return {
    ...raw,
    header: [...raw.header, "code_commune"],
    records: raw.records.map((r) => {
      const iris = normalizeIris(String(irisColumn === undefined ? "" : (r.values[irisColumn] ?? "")));
      return {line: r.line, values: {...r.values, code_commune: iris ? communeOfIris(iris) : ""}};
    })
  };
}

/** Commune-level aggregate: scores averaged over IRIS weighted by population (unweighted if no population). */
export function aggregateByCommune(table: DataTable): DataTable {
  const groups = new Map<string, number[]>();
  const codes = table.values.code_commune!;
  for (let i = 0; i < table.rowCount; i++) {
    const code = codes[i] as string;
    if (!groups.has(code)) groups.set(code, []);
    groups.get(code)!.push(i);
  }
  const rows: Record<string, Cell>[] = [];
  for (const [code, indices] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    const pops = indices.map((i) => table.values.population![i] as number | null);
    const total = pops.reduce<number>((s, p) => s + (p ?? 0), 0);
    const row: Record<string, Cell> = {
      code_commune: code,
      nom_commune: table.values.nom_commune![indices[0]!] ?? null,
      iris: indices.length,
      population: pops.some((p) => p !== null) ? total : null
    };
    for (const s of IFN_SCORES) {
      let sum = 0;
      let weight = 0;
      indices.forEach((i, k) => {
        const v = table.values[s.name]![i] as number | null;
        if (v === null) return;
        const w = total > 0 ? (pops[k] ?? 0) : 1;
        sum += v * w;
        weight += w;
      });
      row[s.name] = weight > 0 ? Math.round((sum / weight) * 10) / 10 : null;
    }
    rows.push(row);
  }
  return tableFromRows(summarizeColumns(communeColumns), rows);
}

/** Demonstration IFN: one IRIS per small commune, one per ~2,500 inhabitants above 10,000; more fragile when rural. */
export function demoIfn(): DataTable {
  const random = demoRandom("fragilite-numerique");
  const rows: Record<string, Cell>[] = [];
  for (const c of demoCommunes()) {
    const count = c.population > 10_000 ? Math.ceil(c.population / 2500) : 1;
    const r = rurality(c.population);
    for (let k = 0; k < count; k++) {
      const axis = () => Math.max(20, Math.round(gaussian(random, 80 + 45 * r, 15)));
      const a = [axis(), axis(), axis(), axis()];
      const globalAcces = Math.round((a[0]! + a[1]!) / 2);
      const globalCompetences = Math.round((a[2]! + a[3]!) / 2);
      rows.push({
        code_iris: count === 1 ? `${c.code}0000` : `${c.code}${String(101 + k).padStart(4, "0")}`,
        code_commune: c.code,
        nom_iris: count === 1 ? c.nom : `${c.nom} ${k + 1}`,
        nom_commune: c.nom,
        rang_region: null,
        acces_information: a[0]!,
        acces_interfaces: a[1]!,
        competences_administratives: a[2]!,
        competences_numeriques: a[3]!,
        global_acces: globalAcces,
        global_competences: globalCompetences,
        score_global: Math.round((globalAcces + globalCompetences) / 2),
        population: Math.round(c.population / count)
      });
    }
  }
  return tableFromRows(summarizeColumns(columns), rows);
}

export const fragiliteNumerique: DatasetDeclaration = {
  id: "fragilite-numerique",
  title: "Indice de fragilité numérique (IRIS)",
  description:
    "Indice de fragilité numérique de première génération (4 axes : accès à l'information, accès aux interfaces numériques, compétences administratives, compétences numériques/scolaires), par IRIS, avec une agrégation communale pondérée par la population.",
  producer: "La MedNum, ANSA, SGAR Occitanie, Institut du Numérique Responsable (INR)",
  licence: "Licence Ouverte 2.0 (à vérifier)",
  vintage: "2019-2020",
  updateFrequency: "ponctuelle (nouvelle méthode en 2023)",
  level: "iris",
  cogVintage: 2020,
  source: {
    portal: "manual",
    where:
      "Le fichier IRIS de la première édition (MedNum, 2019–2020) n'est publié sur aucun portail que le kit ait pu confirmer : chargez votre copie avec npm run data -- load fragilite-numerique --input <fichier>, ou passez son adresse avec fetch fragilite-numerique --url <adresse>. L'indice actuel (édition 2023, échelle de 1 à 10) est sur fragilite-numerique.fr."
  },
  sourceCheck: {
    date: "2026-12-02",
    evidence: [
      "Aucun jeu « indice de fragilité numérique » trouvé sur data.gouv.fr dans les références publiques consultées ; le code public (Portrea, Assembleurs) lit l'indice sur les adresses de fragilite-numerique.fr",
      "Le fichier réel de référence du kit vient du « playground » MedNum × Data For Good (slamer59/fragilite_num_playground, 2020) : extraction du tableau de bord MedNum, format long (« Noms de mesures », « Valeurs de mesures »)",
      "infos.fragilite-numerique.fr décrit l'indice actuel : échelle de 1 à 10, cinq indicateurs, niveaux département, EPCI, commune et IRIS, variantes tout âge, senior et jeune"
    ],
    unconfirmed:
      "L'adresse de téléchargement de la première édition et celle des fichiers de l'édition 2023 n'ont pas été trouvées : le kit ne télécharge pas l'IFN lui-même."
  },
  homepage: "https://www.fragilite-numerique.fr/",
  csv: {delimiter: "auto"},
  key: "code_iris",
  columns: withMeasures(columns, {rang_region: false}),
  variants: [{name: "long", detect: (header) => header.includes("Noms de mesures")}],
  prepare: (raw, variant) => withCommune(variant === "long" ? pivotLong(raw) : raw),
  parts: [
    {
      suffix: "communes",
      title: "Indice de fragilité numérique par commune",
      columns: withMeasures(communeColumns, {
        iris: false,
        score_global: {label: "Score de fragilité numérique", unit: "indice (100 = moyenne de la région)"},
        global_acces: {label: "Fragilité numérique : accès", unit: "indice (100 = moyenne de la région)"},
        global_competences: {
          label: "Fragilité numérique : compétences",
          unit: "indice (100 = moyenne de la région)"
        },
        population: {label: "Habitants des IRIS", unit: "habitants", per: "habitant"}
      }),
      build: aggregateByCommune
    }
  ],
  // « Lire cette donnée » (loaders/core/reading.ts): shown on its catalogue page and on the défis that use it.
  reading: {
    edition:
      "Première édition de l'indice (2019-2020), à quatre axes : accès à l'information, accès aux interfaces numériques, compétences administratives, compétences numériques et scolaires ; extraite du tableau de bord de La MedNum. L'édition actuelle (2023, sur fragilite-numerique.fr) suit une autre méthode : une échelle de 1 à 10, cinq indicateurs (non-couverture en très haut débit et en 4G, part des 65 ans et plus, part des personnes peu ou pas diplômées, taux de pauvreté) et trois déclinaisons (tout âge, senior, jeune). Le kit ne la lit pas encore, et ses scores ne se comparent pas à ceux de la première édition.",
    reference:
      "100 = moyenne, pondérée par la population, des IRIS de la même région, et non de la France. Mesuré sur le fichier réel : la moyenne pondérée de chaque région est comprise entre 98,8 et 99,9 (99,4 pour la France entière), celle des départements entre 96,6 et 109,9.",
    warning:
      "Dans cette édition, 100 est la moyenne de la région de l'IRIS, pas celle de la France : comparez des territoires d'une même région. Un classement ou une carte nationale de ces scores mélange des références régionales différentes.",
    scale:
      "Indice sans unité, autour de 100 ; plus haut = plus fragile. Le score global combine les sous-totaux « accès » et « compétences », eux-mêmes tirés des quatre axes.",
    dataDate:
      "Indice publié en 2019-2020, calculé pour l'essentiel sur le recensement de la population de 2016 (Insee).",
    measures:
      "Un risque de fragilité numérique, estimé à partir des caractéristiques des habitants de chaque IRIS (âge, diplôme, pauvreté, situation familiale…) et de la couverture des réseaux.",
    doesNotMeasure:
      "Les usages ni les compétences réelles des personnes : personne n'a été interrogé. Ni l'offre de médiation numérique du territoire.",
    limits: [
      "Relatif à la région : deux scores de régions différentes n'ont pas la même référence.",
      "Construit avec la pauvreté, l'âge, le diplôme et la couverture réseau : le rapprocher de ces variables, ou de l'IPS des écoles, est en partie circulaire.",
      "La table par commune du kit est la moyenne des IRIS pondérée par leur population ; les arrondissements de Paris, Lyon et Marseille et les communes fusionnées depuis 2020 sont à ramener au COG 2026.",
      "La licence n'est pas indiquée dans l'extrait repris : à vérifier auprès de La MedNum avant une publication."
    ],
    sources: [
      {
        label: "Portail de l'indice, édition 2023 (fragilite-numerique.fr)",
        url: "https://www.fragilite-numerique.fr/"
      },
      {
        label: "Comment est construit l'indice (édition actuelle)",
        url: "https://infos.fragilite-numerique.fr/ressources-cgu"
      },
      {
        label:
          "Moyennes régionales et départementales mesurées par le kit sur l'extrait réel du tableau de bord de La MedNum (dépôt de Data For Good, 2020)"
      }
    ]
  },
  offline: {status: "démonstration", build: demoIfn, note: DEMO_NOTE}
};
