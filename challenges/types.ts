/**
 * What a défi (challenge) is: typed metadata written once in `challenges/<id>/defi.ts`, checked here against the
 * dataset catalogue, and rendered in French by `challenges/pages.ts` above the body `challenges/<id>/page.md`.
 */

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
  /** Suggested duration, in minutes (30 minutes to two days). */
  durationMinutes: number;
}

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
  return defi;
}

/** A duration in French: 90 → « 1 h 30 », 120 → « 2 h », 45 → « 45 min ». */
export function formatDuration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${String(m).padStart(2, "0")}`;
}
