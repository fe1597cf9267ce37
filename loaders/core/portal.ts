/**
 * Resolving a dataset's source to a download URL: through its portal's API for data.gouv.fr (API v1,
 * `/api/1/datasets/{id}/` → resources) and Opendatasoft (data.education.gouv.fr, Explore API v2.1,
 * `/catalog/datasets/{id}` then `/exports/{format}`), or as declared for a file no portal lists (INSEE's
 * archives on insee.fr). Every resolution says which file it took and why.
 */
import type {DatasetDeclaration, ResourcePick, SourceSpec} from "./dataset.ts";
import type {FetchLike} from "./download.ts";

/** Base URLs of the portals' APIs (a mirror, a proxy, or a local stand-in in tests). */
export interface PortalBases {
  dataGouv: string;
  education: string;
}

/** The official API roots. */
export const OFFICIAL_PORTALS: PortalBases = {
  dataGouv: "https://www.data.gouv.fr/api/1",
  education: "https://data.education.gouv.fr/api/explore/v2.1"
};

/**
 * The API roots in force: `DATA_GOUV_API` and `DATA_EDUCATION_API` when set (an organiser's mirror or proxy),
 * else the official ones. A trailing slash is dropped.
 */
export function portalBases(env: Readonly<Record<string, string | undefined>> = process.env): PortalBases {
  const pick = (value: string | undefined, fallback: string) =>
    value && value.trim() ? value.trim().replace(/\/+$/, "") : fallback;
  return {
    dataGouv: pick(env.DATA_GOUV_API, OFFICIAL_PORTALS.dataGouv),
    education: pick(env.DATA_EDUCATION_API, OFFICIAL_PORTALS.education)
  };
}

/** A resolved resource, with the reason it was chosen (printed by `fetch`, kept in the lock). */
export interface ResolvedResource {
  url: string;
  /** `csv`, `json`, `parquet`, or `zip` (an archive whose data file is named by `member`). */
  format: string;
  title: string;
  lastModified: string | null;
  /** The portal's dataset the file belongs to (after a search, the one found), if any. */
  dataset?: string;
  /** For a zip archive: the pattern naming its data file. */
  member?: string;
  /** Why this file, in French: how many resources, which rule, which one was taken. */
  reason: string;
}

/** One resource of a data.gouv.fr dataset (fields used here). */
export interface DataGouvResource {
  url: string;
  format?: string | null;
  title?: string | null;
  last_modified?: string | null;
}

/** A failed call to a portal's API; `status` is the HTTP status (absent for a network error). */
export class PortalError extends Error {
  readonly status: number | undefined;
  constructor(message: string, status?: number) {
    super(message);
    this.name = "PortalError";
    this.status = status;
  }
}

/** The resources matching `pick`, most recently modified first. Pure. */
export function matchingResources(
  resources: readonly DataGouvResource[],
  pick: ResourcePick
): DataGouvResource[] {
  const pattern = pick.match ? new RegExp(pick.match, "i") : null;
  return resources
    .filter(
      (r) =>
        (!pick.format || (r.format ?? "").toLowerCase() === pick.format.toLowerCase()) &&
        (!pattern || pattern.test(r.title ?? "") || pattern.test(r.url))
    )
    .sort((a, b) => (b.last_modified ?? "").localeCompare(a.last_modified ?? ""));
}

/** Picks the most recently modified resource matching `pick`; `null` when none matches. Pure. */
export function pickResource(
  resources: readonly DataGouvResource[],
  pick: ResourcePick
): DataGouvResource | null {
  return matchingResources(resources, pick)[0] ?? null;
}

/** The rule of `pick` in words (« au format csv dont le titre ou l'adresse contient /commune/ »). Pure. */
export function describePick(pick: ResourcePick): string {
  const parts = [
    pick.format ? `au format ${pick.format}` : "",
    pick.match ? `dont le titre ou l'adresse correspond à /${pick.match}/` : ""
  ].filter(Boolean);
  return parts.length ? parts.join(" ") : "de tout format";
}

/** Why `chosen` was taken among `resources` under `pick`, in French. Pure. */
export function explainPick(
  resources: readonly DataGouvResource[],
  pick: ResourcePick,
  chosen: DataGouvResource
): string {
  const matching = matchingResources(resources, pick).length;
  const date = chosen.last_modified ? `, modifiée le ${chosen.last_modified.slice(0, 10)}` : "";
  const among =
    matching > 1
      ? `la plus récente des ${matching} ressources ${describePick(pick)}`
      : `la seule ressource ${describePick(pick)}`;
  return `${resources.length} ressource${resources.length > 1 ? "s" : ""} ; ${among} : « ${chosen.title ?? chosen.url} »${date}`;
}

async function getJson(fetchImpl: FetchLike, url: string): Promise<unknown> {
  let response: Response;
  try {
    response = await fetchImpl(url, {
      signal: AbortSignal.timeout(30_000),
      headers: {accept: "application/json"}
    });
  } catch (error) {
    throw new PortalError(`${url} : portail injoignable (${(error as Error).message})`);
  }
  if (!response.ok) throw new PortalError(`${url} : HTTP ${response.status}`, response.status);
  try {
    return await response.json();
  } catch {
    throw new PortalError(`${url} : la réponse du portail n'est pas du JSON (page HTML, proxy ?)`);
  }
}

interface DataGouvDataset {
  id?: string;
  slug?: string;
  title?: string;
  organization?: {slug?: string; name?: string} | null;
  resources?: DataGouvResource[];
}

/** A dataset of a data.gouv.fr search and the resource of it that fits the declaration, if any. */
export interface SearchCandidate {
  dataset: string;
  title: string;
  /** Every resource the search answer lists for it (data.gouv.fr's search returns them whole). */
  resources: DataGouvResource[];
  resource: DataGouvResource | null;
}

/** The datasets of a data.gouv.fr search answer with the resource each offers under `pick`. Pure. */
export function searchCandidates(answer: unknown, pick: ResourcePick): SearchCandidate[] {
  const data = ((answer as {data?: DataGouvDataset[]})?.data ?? []).filter(Boolean);
  return data.map((d) => ({
    dataset: d.slug ?? d.id ?? "?",
    title: d.title ?? "",
    resources: d.resources ?? [],
    resource: pickResource(d.resources ?? [], pick)
  }));
}

async function resolveDataGouv(
  source: Extract<SourceSpec, {portal: "data.gouv.fr"}>,
  fetchImpl: FetchLike,
  bases: PortalBases
): Promise<ResolvedResource> {
  const api = `${bases.dataGouv}/datasets/${encodeURIComponent(source.dataset)}/`;
  let body: DataGouvDataset;
  let dataset = source.dataset;
  let found = "";
  try {
    body = (await getJson(fetchImpl, api)) as DataGouvDataset;
  } catch (error) {
    if (!(error instanceof PortalError) || error.status !== 404 || !source.search) throw error;
    const query = new URLSearchParams({q: source.search.q, page_size: "20"});
    if (source.search.organization) query.set("organization", source.search.organization);
    const searchUrl = `${bases.dataGouv}/datasets/?${query}`;
    const candidates = searchCandidates(await getJson(fetchImpl, searchUrl), source.resource);
    const fitting = candidates.filter((c) => c.resource);
    if (fitting.length !== 1) {
      const listed = candidates.map(
        (c) => `${c.dataset} (« ${c.title} »${c.resource ? "" : ", aucune ressource qui convienne"})`
      );
      throw new PortalError(
        `${api} : HTTP 404, le jeu « ${source.dataset} » n'existe plus. Recherche ${searchUrl} : ` +
          (fitting.length === 0
            ? `aucun jeu n'a de ressource ${describePick(source.resource)}`
            : `${fitting.length} jeux conviennent, le kit ne choisit pas à votre place`) +
          (listed.length ? ` — candidats : ${listed.join(" ; ")}` : "") +
          `. Corrigez la déclaration, ou passez l'adresse du fichier : npm run data -- fetch <id> --url <adresse>`,
        404
      );
    }
    // The search answer already lists the dataset's resources: no second request.
    const match = fitting[0]!;
    body = {resources: match.resources};
    dataset = match.dataset;
    found = `le jeu « ${source.dataset} » n'existe plus (HTTP 404) ; la recherche « ${source.search.q} »${source.search.organization ? ` de l'organisation ${source.search.organization}` : ""} en trouve un seul qui convienne, « ${match.dataset} » ; `;
  }
  const resources = body.resources ?? [];
  const resource = pickResource(resources, source.resource);
  if (!resource) {
    const listed = resources.map((r) => `« ${r.title ?? r.url} » (${r.format ?? "?"})`).join(", ");
    throw new PortalError(
      `${bases.dataGouv}/datasets/${dataset}/ : aucune ressource ${describePick(source.resource)} parmi ${resources.length}${listed ? ` : ${listed}` : ""} — la page du jeu de données a changé ?`
    );
  }
  return {
    url: resource.url,
    format: (resource.format ?? "").toLowerCase(),
    title: resource.title ?? "",
    lastModified: resource.last_modified ?? null,
    dataset,
    reason: found + explainPick(resources, source.resource, resource)
  };
}

async function resolveEducation(
  source: Extract<SourceSpec, {portal: "data.education.gouv.fr"}>,
  fetchImpl: FetchLike,
  bases: PortalBases
): Promise<ResolvedResource> {
  const api = `${bases.education}/catalog/datasets/${encodeURIComponent(source.dataset)}`;
  let body: {metas?: {default?: {modified?: string; title?: string; records_count?: number}}};
  try {
    body = (await getJson(fetchImpl, api)) as typeof body;
  } catch (error) {
    if (error instanceof PortalError && error.status === 404) {
      throw new PortalError(
        `${api} : HTTP 404, le jeu « ${source.dataset} » n'existe plus sur data.education.gouv.fr (les jeux y sont parfois renommés par millésime, par exemple fr-en-ips-ecoles-ap2022). Cherchez-le sur le portail, puis corrigez la déclaration ou passez l'adresse de l'export : npm run data -- fetch <id> --url ${bases.education}/catalog/datasets/<nouvel-id>/exports/${source.format}`,
        404
      );
    }
    throw error;
  }
  const meta = body.metas?.default ?? {};
  const count = meta.records_count === undefined ? "" : `, ${meta.records_count} enregistrements annoncés`;
  return {
    url: `${api}/exports/${source.format}`,
    format: source.format,
    title: meta.title ?? source.dataset,
    lastModified: meta.modified ?? null,
    dataset: source.dataset,
    reason: `export ${source.format} complet du jeu « ${meta.title ?? source.dataset} » (un seul fichier par jeu${count})`
  };
}

/**
 * Asks the portal where the current file of `source` is.
 * @throws PortalError when the portal does not know the dataset (after a search, for data.gouv.fr) or no
 * resource matches (the portal's answer changed).
 */
export async function resolveSource(
  source: SourceSpec,
  options: {fetch?: FetchLike; bases?: PortalBases} = {}
): Promise<ResolvedResource> {
  const fetchImpl = options.fetch ?? fetch;
  const bases = options.bases ?? portalBases();
  if (source.portal === "data.gouv.fr") return resolveDataGouv(source, fetchImpl, bases);
  if (source.portal === "data.education.gouv.fr") return resolveEducation(source, fetchImpl, bases);
  if (source.portal === "url") {
    return {
      url: source.url,
      format: source.format,
      title: source.url.split("/").pop() ?? source.url,
      lastModified: null,
      ...(source.member ? {member: source.member} : {}),
      reason: `adresse directe du producteur (aucun portail ne liste ce fichier)${source.member ? `, fichier /${source.member}/ de l'archive` : ""}`
    };
  }
  if (source.portal === "manual") throw new PortalError(`pas de téléchargement automatique. ${source.where}`);
  throw new Error(`La source « ${source.package} » est un paquet npm : rien à télécharger`);
}

/** The format of a file given by its address (`--url`): from its extension, else `csv`. Pure. */
export function formatOfUrl(url: string): "csv" | "json" | "parquet" | "zip" {
  const path = url.split(/[?#]/)[0]!.toLowerCase();
  const ext = /\.([a-z0-9]+)$/.exec(path)?.[1] ?? "";
  if (ext === "geojson") return "json";
  return ext === "json" || ext === "parquet" || ext === "zip" ? ext : "csv";
}

/**
 * `source` and `homepage` of a dataset of data.education.gouv.fr (Opendatasoft): the CSV export of `id`, and
 * the dataset's page for people.
 */
export function educationSource(id: string): Pick<DatasetDeclaration, "source" | "homepage"> {
  return {
    source: {portal: "data.education.gouv.fr", dataset: id, format: "csv"},
    homepage: `https://data.education.gouv.fr/explore/dataset/${id}/`
  };
}
