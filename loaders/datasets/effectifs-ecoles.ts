/**
 * `effectifs-ecoles`: pupils and classes of each école (public and private under contract), by rentrée
 * (DEPP, `fr-en-ecoles-effectifs-nb_classes`): total pupils and classes, pre-elementary, elementary, ULIS, and
 * each elementary level (CP to CM2).
 *
 * The file gives the commune by NAME and postal code, not by code: the commune code is found in COG 2026
 * (`geo/commune-lookup.ts`; a name matching no commune, or several, leaves it null and the count of such
 * rows is reported). The département comes from a département column when a vintage has one, else from the
 * UAI prefix. Counts are published here as the DEPP publishes them (school level): pages that show them at
 * school or commune level go through `education/secrecy.ts` and the build guard.
 */
import {normalizeDepartement} from "../core/codes.ts";
import {educationSource} from "../core/portal.ts";
import type {DatasetDeclaration} from "../core/dataset.ts";
import {DEMO_NOTE, demoRandom} from "../demo/communes.ts";
import {gaussian} from "../core/prng.ts";
import type {RawFile} from "../core/records.ts";
import {summarizeColumns, type ColumnSpec, withMeasures} from "../core/schema.ts";
import {tableFromRows} from "../core/table.ts";
import {checkUai, departementOfUai, parseRentree} from "../education/codes.ts";
import {
  communeColumn,
  departementColumn,
  postalColumn,
  rentreeColumn,
  secteurColumn,
  textColumn,
  uaiColumn
} from "../education/schema.ts";
import {renameColumns, warnUnknownColumns, type ColumnVocabulary} from "../education/columns.ts";
import {demoSchools} from "../education/demo-schools.ts";
import {secteur, upperCode} from "../education/prepare.ts";
import {communeLookup, type CommuneLookup} from "../geo/commune-lookup.ts";

/** The count columns, in file order: canonical name, French description, source labels. */
const COUNTS: readonly [string, string, string[]][] = [
  ["nb_classes", "Nombre total de classes", ["Nombre total de classes"]],
  ["nb_eleves", "Nombre total d'élèves", ["Nombre total d'élèves"]],
  [
    "eleves_preelementaire",
    "Élèves en pré-élémentaire hors ULIS",
    ["Nombre d'élèves en pré-élémentaire hors ULIS"]
  ],
  ["eleves_elementaire", "Élèves en élémentaire hors ULIS", ["Nombre d'élèves en élémentaire hors ULIS"]],
  ["eleves_ulis", "Élèves en ULIS", ["Nombre d'élèves en ULIS"]],
  ["eleves_cp", "Élèves en CP hors ULIS", ["Nombre d'élèves en CP hors ULIS"]],
  ["eleves_ce1", "Élèves en CE1 hors ULIS", ["Nombre d'élèves en CE1 hors ULIS"]],
  ["eleves_ce2", "Élèves en CE2 hors ULIS", ["Nombre d'élèves en CE2 hors ULIS"]],
  ["eleves_cm1", "Élèves en CM1 hors ULIS", ["Nombre d'élèves en CM1 hors ULIS"]],
  ["eleves_cm2", "Élèves en CM2 hors ULIS", ["Nombre d'élèves en CM2 hors ULIS"]]
];

/** Names of the count columns (for secrecy and the build guard). */
export const EFFECTIFS_COUNT_COLUMNS: readonly string[] = COUNTS.map(([name]) => name);

export const EFFECTIFS_VOCABULARY: ColumnVocabulary = {
  aliases: {
    rentree: ["Rentrée scolaire", "rentree_scolaire"],
    uai: ["Numéro de l'école", "numero_de_l_ecole", "UAI", "numero_ecole"],
    denomination: ["Dénomination principale", "denomination_principale"],
    patronyme: ["Patronyme", "patronyme"],
    secteur: ["Secteur", "secteur"],
    rep: ["REP", "rep"],
    rep_plus: ["REP +", "REP+", "rep_plus"],
    code_commune: ["Code INSEE de la commune", "code_insee_de_la_commune", "Code commune"],
    nom_commune: ["Commune", "commune", "Nom de la commune"],
    code_postal: ["Code Postal", "code_postal"],
    departement: ["Code du département", "code_du_departement", "code_departement"],
    academie: ["Académie", "academie"],
    ...Object.fromEntries(COUNTS.map(([name, , labels]) => [name, labels]))
  },
  ignored: ["Région académique", "Département", "tri"]
};

const alias = (name: string) => EFFECTIFS_VOCABULARY.aliases[name] ?? [];

const count = ([name, description]: readonly [string, string, string[]]): ColumnSpec => ({
  name,
  type: "integer",
  description,
  unit: name === "nb_classes" ? "classes" : "élèves",
  nullable: true,
  min: 0,
  aliases: alias(name)
});

export const EFFECTIFS_COLUMNS: ColumnSpec[] = [
  rentreeColumn(alias("rentree")),
  uaiColumn(alias("uai"), "Code UAI de l'école"),
  textColumn("nom", "Dénomination et patronyme de l'école"),
  secteurColumn(alias("secteur"), false),
  {
    name: "rep",
    type: "boolean",
    description: "École en réseau d'éducation prioritaire (REP)",
    nullable: true,
    aliases: alias("rep")
  },
  {
    name: "rep_plus",
    type: "boolean",
    description: "École en REP+",
    nullable: true,
    aliases: alias("rep_plus")
  },
  communeColumn(
    alias("code_commune"),
    true,
    "Code INSEE de la commune (donné par le fichier, ou retrouvé d'après le nom et le code postal dans le COG 2026)"
  ),
  textColumn("nom_commune", "Nom de la commune, tel qu'écrit dans le fichier", alias("nom_commune")),
  postalColumn(alias("code_postal")),
  departementColumn(
    alias("departement"),
    "Code du département (d'après le code UAI quand le fichier ne le donne pas)"
  ),
  textColumn("academie", "Académie", alias("academie")),
  ...COUNTS.map(count)
];

const text = (value: unknown) => (value === null || value === undefined ? "" : String(value).trim());

let lookup: CommuneLookup | undefined;

/** Renames, normalises, derives name, département and commune code; reports unknown columns and unmatched communes. */
export function prepareEffectifs(raw: RawFile): RawFile {
  lookup ??= communeLookup();
  const departement = (value: unknown, r: Readonly<Record<string, unknown>>) => {
    if (text(value) !== "") return value;
    const uai = checkUai(text(r.uai));
    return uai.problem === "format" ? "" : (departementOfUai(uai.uai) ?? "");
  };
  const {raw: prepared, mapping} = renameColumns(raw, EFFECTIFS_VOCABULARY, {
    uai: upperCode,
    secteur,
    departement,
    rentree: (value) => String(parseRentree(text(value)) ?? text(value)),
    nom: (_, r) => [text(r.denomination), text(r.patronyme)].filter(Boolean).join(" "),
    code_commune: (value, r) => {
      if (text(value) !== "") return value;
      const dep = normalizeDepartement(text(departement(r.departement, r))) ?? "";
      return lookup!.find(text(r.nom_commune), text(r.code_postal), dep) ?? "";
    }
  });
  warnUnknownColumns("effectifs-ecoles", raw.file, mapping.unknown);
  const unmatched = prepared.records.filter(
    (r) => r.values.code_commune === "" && text(r.values.nom_commune) !== ""
  );
  if (unmatched.length > 0) {
    const names = [...new Set(unmatched.map((r) => text(r.values.nom_commune)))].slice(0, 10).join(", ");
    process.emitWarning(
      `effectifs-ecoles: ${raw.file} : ${unmatched.length} ligne(s) dont la commune n'a pas été retrouvée dans le COG 2026 (code_commune vide) : ${names}`,
      {code: "TDATHACK_COMMUNE_NOT_FOUND"}
    );
  }
  return prepared;
}

/** Demonstration effectifs: every demo école, rentrées 2021 and 2022 (two, to keep the site light), pupils split by level. */
export function demoEffectifs() {
  const random = demoRandom("effectifs-ecoles");
  const rows = [];
  for (const s of demoSchools().filter((x) => x.niveau === "école")) {
    const maternelleShare = Math.min(0.6, Math.max(0, 0.36 + gaussian(random, 0, 0.12)));
    for (const rentree of [2021, 2022]) {
      const total = Math.max(
        3,
        Math.round(s.eleves * (1 - (rentree - 2022) * 0.012) + gaussian(random, 0, 4))
      );
      const ulis = total > 60 && random() < 0.1 ? 6 + Math.floor(random() * 7) : 0;
      const pre = Math.round((total - ulis) * maternelleShare);
      const elem = Math.max(0, total - ulis - pre);
      const levels: [number, number, number, number, number] = [0, 0, 0, 0, 0];
      for (let i = 0; i < elem; i++) levels[Math.floor(random() * 5) as 0 | 1 | 2 | 3 | 4] += 1;
      rows.push({
        rentree,
        uai: s.uai,
        nom: s.nom,
        secteur: s.secteur,
        rep: s.educationPrioritaire === "REP",
        rep_plus: s.educationPrioritaire === "REP+",
        code_commune: s.commune,
        nom_commune: s.communeNom,
        code_postal: null,
        departement: s.departement,
        academie: null,
        nb_classes: Math.max(1, Math.ceil(total / 23)),
        nb_eleves: total,
        eleves_preelementaire: pre,
        eleves_elementaire: elem,
        eleves_ulis: ulis,
        eleves_cp: levels[0],
        eleves_ce1: levels[1],
        eleves_ce2: levels[2],
        eleves_cm1: levels[3],
        eleves_cm2: levels[4]
      });
    }
  }
  return tableFromRows(summarizeColumns(EFFECTIFS_COLUMNS), rows);
}

export const effectifsEcoles: DatasetDeclaration = {
  id: "effectifs-ecoles",
  title: "Effectifs d'élèves et nombre de classes des écoles",
  description:
    "Nombre d'élèves (total, pré-élémentaire, élémentaire, ULIS, du CP au CM2) et nombre de classes de chaque école publique et privée sous contrat, par rentrée.",
  producer: "DEPP, ministère de l'Éducation nationale",
  licence: "Licence Ouverte 2.0",
  vintage: "rentrées 2019 à 2022",
  updateFrequency: "annuelle",
  level: "point",
  ...educationSource("fr-en-ecoles-effectifs-nb_classes"),
  sourceCheck: {
    date: "2026-12-02",
    evidence: [
      "Extrait réel de référence (msimonin/coll-ges35, 2023) : fr-en-ecoles-effectifs-nb_classes, « ; » avec BOM, « Numéro de l'école », rentrées 2019 à 2022"
    ]
  },
  csv: {delimiter: ";", encoding: "utf-8"},
  key: "uai",
  columns: withMeasures(EFFECTIFS_COLUMNS, {
    rentree: false,
    nb_eleves: {label: "Élèves des écoles", unit: "élèves", per: "élève"},
    nb_classes: {label: "Classes des écoles", unit: "classes", per: "classe"}
  }),
  period: {column: "rentree", label: "rentrée la plus récente du fichier"},
  prepare: prepareEffectifs,
  // « Lire cette donnée » (loaders/core/reading.ts): shown on its catalogue page and on the défis that use it.
  reading: {
    edition:
      "Effectifs d'élèves et nombre de classes des écoles, publiés par la DEPP pour les rentrées 2019 à 2022.",
    scale: "Nombres d'élèves et de classes par école, par niveau.",
    dataDate: "Constat de chaque rentrée scolaire, de 2019 à 2022.",
    communeCodes: "retrouvés par le kit d'après le nom et le code postal, dans le COG 2026",
    measures: "Les élèves inscrits dans chaque école à la rentrée.",
    doesNotMeasure:
      "Les enfants qui habitent la commune (beaucoup sont scolarisés ailleurs), ni les familles.",
    limits: [
      "La DEPP publie ces effectifs école par école. Sur ses pages, le kit applique sa propre règle de diffusion des petits effectifs : il masque les effectifs de 1 à 10 élèves d'une école ou d'une commune, et d'autres cases pour qu'on ne puisse pas les retrouver par soustraction. Une case masquée par le kit est un trou, pas un zéro, et pas un secret statistique de la source.",
      "Le fichier donne la commune par son nom : quelques écoles ne sont pas retrouvées."
    ],
    sources: [
      {
        label: "DEPP, effectifs et classes des écoles (data.education.gouv.fr)",
        url: "https://data.education.gouv.fr/explore/dataset/fr-en-ecoles-effectifs-nb_classes/"
      }
    ]
  },
  offline: {status: "démonstration", build: demoEffectifs, note: DEMO_NOTE}
};
