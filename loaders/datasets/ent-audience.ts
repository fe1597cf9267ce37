/**
 * `ent-audience`: audience of the espaces numériques de travail (ENT), DNMA (Dispositif national de mesure
 * d'audience, DNE), source `fr-en-dnma-par-uai-appareils`: one row per UAI and week (from September 2019),
 * visits by device (computer, smartphone, tablet, other). About 4 million rows nationally: the file goes
 * through the streaming path (`education/ent-stream.ts`, DuckDB in Node, bounded memory), never through
 * JavaScript records, and the kit keeps aggregates only:
 * - main table: per département (from the UAI) and week;
 * - part `etablissements`: per establishment and school year.
 *
 * Column names are those of the Opendatasoft export as documented by third-party descriptions of the
 * dataset (`debutsemaine`, `uai`, `visites_ordinateur`, `visites_smartphone`, `visites_tablette`,
 * `visites_autreappareil`); no real extract was available to check them, so unknown columns are reported and
 * the sister datasets (`fr-en-dnma-par-uai-profils`, `-services`) would need their own vocabulary.
 */
import type {DatasetDeclaration} from "../core/dataset.ts";
import {educationSource} from "../core/portal.ts";
import {DEMO_NOTE, demoRandom} from "../core/demo.ts";
import {gaussian} from "../core/prng.ts";
import type {ColumnSpec} from "../core/schema.ts";
import {tableFromRows, type Cell} from "../core/table.ts";
import {demoSchools} from "../education/demo-schools.ts";
import {
  ENT_SCHOOL_COLUMNS,
  ENT_WEEKLY_COLUMNS,
  streamEntAudience,
  type EntStreamOptions
} from "../education/ent-stream.ts";
import {departementColumn} from "../education/schema.ts";

const visits = (name: string, description: string): ColumnSpec => ({
  name,
  type: "number",
  description,
  unit: "visites",
  nullable: true,
  min: 0
});

const VISIT_COLUMNS: ColumnSpec[] = [
  visits("visites", "Visites de l'ENT (tous appareils)"),
  visits("visites_ordinateur", "Visites depuis un ordinateur"),
  visits("visites_smartphone", "Visites depuis un smartphone"),
  visits("visites_tablette", "Visites depuis une tablette"),
  visits("visites_autre", "Visites depuis un autre appareil")
];

/** Main table: per département and week. */
export const ENT_COLUMNS: ColumnSpec[] = [
  {
    ...departementColumn(
      [],
      "Code du département (d'après le code UAI ; vide pour les établissements hors département)"
    ),
    nullable: true
  },
  {name: "semaine", type: "date", description: "Premier jour (lundi) de la semaine", nullable: false},
  {
    name: "etablissements",
    type: "integer",
    description: "Établissements ayant des visites mesurées cette semaine",
    unit: "établissements",
    nullable: false,
    min: 0
  },
  ...VISIT_COLUMNS
];

/** Part `etablissements`: per establishment and school year. */
export const ENT_SCHOOL_COLUMN_SPECS: ColumnSpec[] = [
  {name: "uai", type: "string", description: "Code UAI de l'établissement", nullable: false},
  {
    name: "annee_scolaire",
    type: "integer",
    description: "Année scolaire (année de la rentrée)",
    nullable: false
  },
  {...departementColumn([], "Code du département (d'après le code UAI)"), nullable: true},
  {
    name: "semaines",
    type: "integer",
    description: "Semaines avec des visites mesurées",
    unit: "semaines",
    nullable: false,
    min: 0
  },
  ...VISIT_COLUMNS
];

/** Mondays of the school year starting in September of `year`, with school holidays marked. */
function weeksOf(year: number): {semaine: string; holiday: boolean}[] {
  const weeks = [];
  const start = new Date(Date.UTC(year, 8, 1));
  start.setUTCDate(start.getUTCDate() + ((8 - start.getUTCDay()) % 7));
  for (let d = new Date(start); d < new Date(Date.UTC(year + 1, 6, 1)); d.setUTCDate(d.getUTCDate() + 7)) {
    const m = d.getUTCMonth();
    const day = d.getUTCDate();
    const holiday =
      (m === 9 && day > 20) ||
      (m === 11 && day > 18) ||
      (m === 1 && day > 10) ||
      (m === 3 && day > 12 && day < 27);
    weeks.push({semaine: d.toISOString().slice(0, 10), holiday});
  }
  return weeks;
}

/** Demonstration per-establishment visits for school year 2023 (collèges and lycées: ENT are mostly there). */
function demoSchoolVisits() {
  const random = demoRandom("ent-audience");
  const weeks = weeksOf(2023);
  return demoSchools()
    .filter((s) => s.niveau !== "école")
    .map((s) => {
      const perPupilWeek = Math.max(0.5, gaussian(random, 6, 2));
      const smartphone = Math.min(0.8, Math.max(0.2, gaussian(random, 0.5, 0.1)));
      const weekly = weeks.map(
        (w) => (w.holiday ? 0.15 : 1) * s.eleves * perPupilWeek * (0.85 + 0.3 * random())
      );
      return {school: s, weekly, smartphone};
    });
}

/** Demonstration weekly table per département (the offline default). */
export function demoEntWeekly() {
  const weeks = weeksOf(2023);
  // Per département and week: establishments, then visits by device (computer, smartphone, tablet, other).
  const sums = new Map<string, [number, number, number, number, number]>();
  for (const {school, weekly, smartphone} of demoSchoolVisits()) {
    weekly.forEach((v, i) => {
      const key = `${school.departement}|${i}`;
      const acc = sums.get(key) ?? [0, 0, 0, 0, 0];
      acc[0] += 1;
      acc[1] += v * (1 - smartphone) * 0.9;
      acc[2] += v * smartphone;
      acc[3] += v * (1 - smartphone) * 0.08;
      acc[4] += v * (1 - smartphone) * 0.02;
      sums.set(key, acc);
    });
  }
  const rows = [...sums].map(([key, acc]): Record<string, Cell> => {
    const [departement, i] = key.split("|") as [string, string];
    const [n, ordi, phone, tab, other] = acc.map(Math.round) as [number, number, number, number, number];
    return {
      departement,
      semaine: weeks[Number(i)]!.semaine,
      etablissements: n,
      visites: ordi + phone + tab + other,
      visites_ordinateur: ordi,
      visites_smartphone: phone,
      visites_tablette: tab,
      visites_autre: other
    };
  });
  rows.sort(
    (a, b) =>
      String(a.departement).localeCompare(String(b.departement)) ||
      String(a.semaine).localeCompare(String(b.semaine))
  );
  return tableFromRows(ENT_WEEKLY_COLUMNS, rows);
}

/** Demonstration per-establishment table (part `etablissements` offline). */
export function demoEntSchools() {
  const rows = demoSchoolVisits().map(({school, weekly, smartphone}): Record<string, Cell> => {
    const total = Math.round(weekly.reduce((a, b) => a + b, 0));
    const phone = Math.round(total * smartphone);
    const tab = Math.round((total - phone) * 0.08);
    const other = Math.round((total - phone) * 0.02);
    const ordi = total - phone - tab - other;
    return {
      uai: school.uai,
      annee_scolaire: 2023,
      departement: school.departement,
      semaines: weekly.length,
      visites: total,
      visites_ordinateur: ordi,
      visites_smartphone: phone,
      visites_tablette: tab,
      visites_autre: other
    };
  });
  return tableFromRows(ENT_SCHOOL_COLUMNS, rows);
}

/** The streaming ingest of the declaration (also used by the bench). */
export async function ingestEntAudience(path: string, options: EntStreamOptions = {}) {
  const {weekly, schools} = await streamEntAudience(path, {dataset: "ent-audience", ...options});
  return {
    table: weekly,
    tables: [
      {name: "ent-audience", table: weekly},
      {name: "ent-audience-etablissements", table: schools}
    ]
  };
}

export const entAudience: DatasetDeclaration = {
  id: "ent-audience",
  title: "Audience des espaces numériques de travail (ENT)",
  description:
    "Visites des espaces numériques de travail par établissement et par semaine, selon l'appareil (ordinateur, smartphone, tablette), mesurées par le dispositif national de mesure d'audience (DNMA). Le kit en garde des agrégats : par département et semaine, et par établissement et année scolaire.",
  producer: "Direction du numérique pour l'éducation (DNE), ministère de l'Éducation nationale",
  licence: "Licence Ouverte 2.0",
  vintage: "depuis la rentrée 2019 (hebdomadaire)",
  updateFrequency: "hebdomadaire",
  level: "departement",
  ...educationSource("fr-en-dnma-par-uai-appareils"),
  sourceCheck: {
    date: "2026-12-02",
    evidence: [
      "Scripts publics (2024–2026) : fr-en-dnma-par-uai-appareils sur data.education.gouv.fr (API Explore v2.1, environ 3,9 millions de lignes, Licence Ouverte), colonnes UAI et debutSemaine",
      "Famille fr-en-dnma-par-uai-* (services, profils, profils-appareils)"
    ]
  },
  csv: {delimiter: ";", encoding: "utf-8"},
  key: "semaine",
  columns: ENT_COLUMNS,
  ingest: (path) => ingestEntAudience(path),
  parts: [
    {
      suffix: "etablissements",
      title: "Visites par établissement et année scolaire",
      columns: ENT_SCHOOL_COLUMN_SPECS,
      // Offline only: real per-establishment tables come straight from the streaming ingest.
      build: () => demoEntSchools()
    }
  ],
  offline: {status: "démonstration", build: demoEntWeekly, note: DEMO_NOTE}
};
