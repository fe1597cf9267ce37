/**
 * `passage-cog`: every old or sub-communal code that COG 2026 maps to a current commune (communes fusionnées,
 * déléguées, associées, arrondissements municipaux), so that a file coded in an older COG joins today's
 * communes in SQL as well as in Node (`loaders/geo/cog.ts` holds the rules). Built from the npm package, offline.
 */
import type {DatasetDeclaration} from "../core/dataset.ts";
import {COG_PACKAGE_PROVENANCE} from "../geo/cog-data.ts";
import {communeCodeColumn, summarizeColumns, type ColumnSpec} from "../core/schema.ts";
import {tableFromRows} from "../core/table.ts";
import {cog2026, type CogIndex, type MappingReason} from "../geo/cog.ts";

const REASONS: readonly MappingReason[] = [
  "ancien-code",
  "commune-deleguee",
  "commune-associee",
  "arrondissement-municipal"
];

const columns: ColumnSpec[] = [
  communeCodeColumn("ancien_code", {
    description:
      "Code commune d'un COG antérieur, d'une commune déléguée ou associée, ou d'un arrondissement",
    unique: true
  }),
  communeCodeColumn("code_commune", {description: "Code de la commune actuelle (COG 2026)"}),
  {
    name: "raison",
    type: "string",
    description:
      "Pourquoi le code change : ancien-code (commune fusionnée), commune-deleguee, commune-associee, arrondissement-municipal",
    nullable: false,
    allowed: {values: REASONS}
  }
];

/** The passage table of a COG index (pure), sorted by old code. */
export function passageTable(index: CogIndex = cog2026()) {
  const rows = [...index.redirects]
    .map(([from, {to, reason}]) => ({ancien_code: from, code_commune: to, raison: reason}))
    .sort((a, b) => a.ancien_code.localeCompare(b.ancien_code));
  return tableFromRows(summarizeColumns(columns), rows);
}

export const passageCog: DatasetDeclaration = {
  id: "passage-cog",
  title: "Passage des anciens codes commune au COG 2026",
  description:
    "Table de passage des codes commune d'avant 2026 (communes fusionnées depuis, communes déléguées et associées, arrondissements municipaux de Paris, Lyon et Marseille) vers la commune actuelle du COG 2026. À joindre avant de croiser un fichier ancien avec les communes ou les contours : COALESCE(p.code_commune, t.code_commune).",
  ...COG_PACKAGE_PROVENANCE,
  homepage: "https://www.insee.fr/fr/information/2560452",
  key: "ancien_code",
  columns,
  // « Lire cette donnée » (loaders/core/reading.ts): shown on its catalogue page and on the défis that use it.
  reading: {
    edition:
      "Table construite par le kit à partir du COG 2026 : anciens codes de chaque commune, communes déléguées et associées, arrondissements municipaux.",
    scale: "Un ancien code commune par ligne, et le code de la commune actuelle qui le contient.",
    dataDate: "Découpage au 1er janvier 2026.",
    measures: "Dans quelle commune d'aujourd'hui se trouve chaque ancien code.",
    doesNotMeasure:
      "Les partages d'une ancienne commune entre plusieurs communes actuelles (rares), ni la population de chaque ancienne commune.",
    limits: [
      "Après le passage, plusieurs lignes d'une source tombent parfois dans la même commune : additionnez les effectifs, pondérez les indices par la population."
    ],
    sources: [
      {label: "Insee, Code officiel géographique", url: "https://www.insee.fr/fr/information/2560452"}
    ]
  },
  offline: {
    status: "réel",
    build: () => passageTable(),
    note: "Construit depuis le paquet npm @etalab/decoupage-administratif 6.0.0 (champs anciensCodes, chefLieu, commune)."
  }
};
