/**
 * Resolving a dataset's source to a download URL through its portal's API (never a hard-coded file URL):
 * data.gouv.fr API v1 (`/api/1/datasets/{id}/` → resources) and Opendatasoft Explore API v2.1
 * (data.education.gouv.fr, `/catalog/datasets/{id}` then `/exports/{format}`).
 */
import type {DatasetDeclaration, ResourcePick, SourceSpec} from "./dataset.ts";
import type {FetchLike} from "./download.ts";

/** Base URLs of the portals (overridden in tests by a local server). */
export interface PortalBases {
  dataGouv: string;
  education: string;
}

/** The official API roots. */
export const OFFICIAL_PORTALS: PortalBases = {
  dataGouv: "https://www.data.gouv.fr/api/1",
  education: "https://data.education.gouv.fr/api/explore/v2.1"
};

/** A resolved resource. */
export interface ResolvedResource {
  url: string;
  format: string;
  title: string;
  lastModified: string | null;
}

/** One resource of a data.gouv.fr dataset (fields used here). */
export interface DataGouvResource {
  url: string;
  format?: string | null;
  title?: string | null;
  last_modified?: string | null;
}

/** Picks the most recently modified resource matching `pick`; `null` when none matches. Pure. */
export function pickResource(
  resources: readonly DataGouvResource[],
  pick: ResourcePick
): DataGouvResource | null {
  const pattern = pick.match ? new RegExp(pick.match, "i") : null;
  const candidates = resources.filter(
    (r) =>
      (!pick.format || (r.format ?? "").toLowerCase() === pick.format.toLowerCase()) &&
      (!pattern || pattern.test(r.title ?? "") || pattern.test(r.url))
  );
  candidates.sort((a, b) => (b.last_modified ?? "").localeCompare(a.last_modified ?? ""));
  return candidates[0] ?? null;
}

async function getJson(fetchImpl: FetchLike, url: string): Promise<unknown> {
  const response = await fetchImpl(url, {
    signal: AbortSignal.timeout(30_000),
    headers: {accept: "application/json"}
  });
  if (!response.ok) throw new Error(`${url} : HTTP ${response.status}`);
  return response.json();
}

/**
 * Asks the portal where the current file of `source` is.
 * @throws Error when the portal does not know the dataset or no resource matches (the portal's answer changed).
 */
export async function resolveSource(
  source: SourceSpec,
  options: {fetch?: FetchLike; bases?: PortalBases} = {}
): Promise<ResolvedResource> {
  const fetchImpl = options.fetch ?? fetch;
  const bases = options.bases ?? OFFICIAL_PORTALS;
  if (source.portal === "data.gouv.fr") {
    const api = `${bases.dataGouv}/datasets/${encodeURIComponent(source.dataset)}/`;
    const body = (await getJson(fetchImpl, api)) as {resources?: DataGouvResource[]};
    const resource = pickResource(body.resources ?? [], source.resource);
    if (!resource) {
      throw new Error(
        `${api} : aucune ressource ne correspond à ${JSON.stringify(source.resource)} — la page du jeu de données a changé ?`
      );
    }
    return {
      url: resource.url,
      format: (resource.format ?? "").toLowerCase(),
      title: resource.title ?? "",
      lastModified: resource.last_modified ?? null
    };
  }
  if (source.portal === "data.education.gouv.fr") {
    const api = `${bases.education}/catalog/datasets/${encodeURIComponent(source.dataset)}`;
    const body = (await getJson(fetchImpl, api)) as {metas?: {default?: {modified?: string; title?: string}}};
    const meta = body.metas?.default ?? {};
    return {
      url: `${api}/exports/${source.format}`,
      format: source.format,
      title: meta.title ?? source.dataset,
      lastModified: meta.modified ?? null
    };
  }
  throw new Error(`La source « ${source.package} » est un paquet npm : rien à télécharger`);
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
