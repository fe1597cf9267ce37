/**
 * What a défi (challenge) is: typed metadata written once in `challenges/<id>/defi.ts`, checked here against the
 * dataset catalogue, and rendered in French by `challenges/pages.ts` above the body `challenges/<id>/page.md`.
 */

import {TRAP_IDS, type Trap, type TrapId} from "./traps.ts";

/** Who the défi is written for. */
export type Audience = "datathon" | "lycée" | "collège";

/** Geographic levels a défi works at. */
export type DefiLevel = "iris" | "commune" | "epci" | "departement" | "region" | "etablissement";

/** A défi's metadata. Every text is in French. */
export interface Defi {
  /** Folder name and URL (`/defis/<id>`): lower-case letters, digits and hyphens. */
  id: string;
  /** Title shown on the page, in the sidebar and in the gallery. */
  title: string;
  /** One line saying what teams will do (gallery card). */
  summary: string;
  /** The public-policy question the défi answers, as one question. */
  question: string;
  /** Ids of the datasets used, from the catalogue (`loaders/registry.ts`). */
  datasets: readonly string[];
  /** Geographic levels the défi works at. */
  levels: readonly DefiLevel[];
  /** Audiences it suits (at least one). */
  audience: readonly Audience[];
  /** Suggested duration of a class or workshop session, in minutes (30 minutes to two days). */
  durationMinutes: number;
  /** « Livrable attendu »: what a datathon team hands in, one item each (1 to 6). */
  deliverable: readonly string[];
  /** « Critères du jury »: what the jury weighs; the points add up to 20. */
  jury: readonly JuryCriterion[];
  /** « Programme sur deux jours »: the steps of each day, in order; each day holds 4 to 7 hours of work. */
  programme: readonly ProgrammeStep[];
  /** Whether the défi means something on the kit's demonstration data, or needs the real files. */
  demoData: DemoDataUse;
  /** Method traps of `challenges/traps.ts` that apply (a défi reading the IFN lists `ifn-regional-reference`). */
  traps: readonly TrapId[];
  /** Traps of this défi alone, written like those of `challenges/traps.ts`. */
  ownTraps?: readonly Trap[];
}

/** One criterion of the jury and its points out of 20. */
export interface JuryCriterion {
  criterion: string;
  points: number;
}

/** One step of the two-day programme. */
export interface ProgrammeStep {
  day: 1 | 2;
  /** Duration in minutes (15 to 240). */
  minutes: number;
  /** What the teams do, in French. */
  step: string;
}

/** What the demonstration data allow. */
export interface DemoDataUse {
  /** True when the défi can be done, method and charts, on demonstration data alone. */
  meaningful: boolean;
  /** Why, in one or two sentences. */
  note: string;
}

/** Work per day of the two-day programme, in minutes (4 to 7 hours). */
export const DAY_MINUTES = {min: 4 * 60, max: 7 * 60} as const;

export const AUDIENCES: readonly Audience[] = ["datathon", "lycée", "collège"];

export const LEVELS: readonly DefiLevel[] = [
  "iris",
  "commune",
  "epci",
  "departement",
  "region",
  "etablissement"
];

/** French names of the levels, for the pages. */
export const LEVEL_NAMES: Record<DefiLevel, string> = {
  iris: "IRIS",
  commune: "commune",
  epci: "EPCI",
  departement: "département",
  region: "région",
  etablissement: "établissement scolaire"
};

/** A défi id (also a team-notebook slug): starts with a letter, then letters, digits and single hyphens. */
export const SLUG = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** A défi whose metadata is wrong; the message names the défi and the field. */
export class DefiError extends Error {
  constructor(
    readonly defi: string,
    readonly field: string,
    detail: string
  ) {
    super(`Défi « ${defi} », champ « ${field} » : ${detail}`);
    this.name = "DefiError";
  }
}

/**
 * Checks a défi's metadata; returns it unchanged when valid.
 * @param defi the metadata, as exported by `defi.ts`
 * @param knownDatasets ids of the catalogue (`DATASETS.map((d) => d.id)`)
 * @param folder the folder it was read from, when it must match the id
 * @throws DefiError naming the défi and the first wrong field
 */
export function validateDefi(defi: Defi, knownDatasets: readonly string[], folder?: string): Defi {
  const name = typeof defi?.id === "string" && defi.id ? defi.id : (folder ?? "?");
  const fail = (field: string, detail: string): never => {
    throw new DefiError(name, field, detail);
  };
  if (typeof defi?.id !== "string" || !SLUG.test(defi.id))
    fail("id", "minuscules, chiffres et tirets seulement (par exemple « acces-france-services »)");
  if (folder !== undefined && defi.id !== folder)
    fail("id", `doit être le nom du dossier (« ${folder} »), pas « ${defi.id} »`);
  for (const field of ["title", "summary", "question"] as const) {
    if (typeof defi[field] !== "string" || defi[field].trim() === "") fail(field, "texte obligatoire");
  }
  if (defi.summary.length > 200) fail("summary", "une seule ligne de 200 caractères au plus");
  if (defi.summary.includes("\n")) fail("summary", "une seule ligne");
  if (!defi.question.trim().endsWith("?")) fail("question", "une question, terminée par « ? »");
  if (!Array.isArray(defi.datasets) || defi.datasets.length === 0)
    fail("datasets", "au moins un jeu de données du catalogue");
  for (const id of defi.datasets) {
    if (!knownDatasets.includes(id))
      fail("datasets", `jeu de données inconnu « ${id} » (catalogue : ${knownDatasets.join(", ")})`);
  }
  if (!Array.isArray(defi.levels) || defi.levels.length === 0)
    fail("levels", "au moins un niveau géographique");
  for (const level of defi.levels) {
    if (!LEVELS.includes(level))
      fail("levels", `niveau inconnu « ${level} » (connus : ${LEVELS.join(", ")})`);
  }
  if (!Array.isArray(defi.audience) || defi.audience.length === 0) fail("audience", "au moins un public");
  for (const audience of defi.audience) {
    if (!AUDIENCES.includes(audience))
      fail("audience", `public inconnu « ${audience} » (connus : ${AUDIENCES.join(", ")})`);
  }
  if (
    !Number.isInteger(defi.durationMinutes) ||
    defi.durationMinutes < 30 ||
    defi.durationMinutes > 2 * 24 * 60
  )
    fail("durationMinutes", "un nombre entier de minutes, de 30 à 2 880 (deux jours)");
  checkFrame(defi, fail);
  return defi;
}

const texts = (value: unknown): value is readonly string[] =>
  Array.isArray(value) && value.every((v) => typeof v === "string" && v.trim() !== "");

/** Checks the datathon frame and the traps of a défi. */
function checkFrame(defi: Defi, fail: (field: string, detail: string) => never): void {
  if (!texts(defi.deliverable) || defi.deliverable.length < 1 || defi.deliverable.length > 6)
    fail("deliverable", "de 1 à 6 éléments, chacun un texte");
  if (!Array.isArray(defi.jury) || defi.jury.length < 2) fail("jury", "au moins deux critères");
  for (const c of defi.jury) {
    if (
      typeof c?.criterion !== "string" ||
      !c.criterion.trim() ||
      !Number.isInteger(c.points) ||
      c.points < 1
    )
      fail("jury", "chaque critère a un texte et un nombre entier de points (au moins 1)");
  }
  const points = defi.jury.reduce((s, c) => s + c.points, 0);
  if (points !== 20) fail("jury", `les points font 20 au total, pas ${points}`);
  if (!Array.isArray(defi.programme)) fail("programme", "la liste des étapes des deux jours");
  for (const p of defi.programme) {
    if (p?.day !== 1 && p?.day !== 2) fail("programme", "chaque étape est du jour 1 ou du jour 2");
    if (!Number.isInteger(p.minutes) || p.minutes < 15 || p.minutes > 240)
      fail("programme", `« ${p.step} » : de 15 à 240 minutes`);
    if (typeof p.step !== "string" || !p.step.trim())
      fail("programme", "chaque étape dit ce que font les équipes");
  }
  for (const day of [1, 2] as const) {
    const minutes = defi.programme.filter((p) => p.day === day).reduce((s, p) => s + p.minutes, 0);
    if (minutes < DAY_MINUTES.min || minutes > DAY_MINUTES.max)
      fail(
        "programme",
        `le jour ${day} compte ${formatDuration(minutes)} de travail ; de ${formatDuration(DAY_MINUTES.min)} à ${formatDuration(DAY_MINUTES.max)} par jour`
      );
  }
  const days = defi.programme.map((p) => p.day);
  if (days.some((d, i) => i > 0 && d < days[i - 1]!))
    fail("programme", "les étapes du jour 1 avant celles du jour 2");
  if (
    typeof defi.demoData?.meaningful !== "boolean" ||
    typeof defi.demoData.note !== "string" ||
    !defi.demoData.note.trim()
  )
    fail("demoData", "{meaningful: true ou false, note: une ou deux phrases}");
  if (!Array.isArray(defi.traps))
    fail("traps", "la liste des pièges de challenges/traps.ts qui s'appliquent");
  for (const trap of defi.traps) {
    if (!TRAP_IDS.includes(trap))
      fail("traps", `piège inconnu « ${trap} » (connus : ${TRAP_IDS.join(", ")})`);
  }
  if (defi.datasets.includes("fragilite-numerique") && !defi.traps.includes("ifn-regional-reference"))
    fail("traps", "un défi qui lit l'indice de fragilité numérique liste « ifn-regional-reference »");
  for (const trap of defi.ownTraps ?? []) {
    if (
      typeof trap?.title !== "string" ||
      !trap.title.trim() ||
      typeof trap.text !== "string" ||
      !trap.text.trim()
    )
      fail("ownTraps", "chaque piège a un titre et un texte");
  }
}

/** A duration in French: 90 → « 1 h 30 », 120 → « 2 h », 45 → « 45 min ». */
export function formatDuration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${String(m).padStart(2, "0")}`;
}
