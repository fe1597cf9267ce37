/**
 * `fetch` end to end against a local stand-in of data.gouv.fr (API v1) and data.education.gouv.fr (Opendatasoft
 * Explore v2.1) on 127.0.0.1, answering in the documented shapes: datasets with several resources, a vanished
 * id found by search, a changed file behind a stable address, an HTML page instead of a CSV, INSEE's zip.
 * The served files are generated from each dataset's offline table, written with the source's column names.
 */
import {createServer, type Server} from "node:http";
import {mkdtemp, readFile} from "node:fs/promises";
import {existsSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import JSZip from "jszip";
import {afterAll, afterEach, beforeAll, describe, expect, it} from "vitest";
import {checkDataset, fetchDataset} from "../../loaders/commands.ts";
import type {DatasetDeclaration} from "../../loaders/core/dataset.ts";
import {readLock} from "../../loaders/core/lockfile.ts";
import {kitPaths} from "../../loaders/core/paths.ts";
import {DATASETS, getDataset} from "../../loaders/registry.ts";
import {sourceFile} from "./source-file.ts";

/** What the stand-in serves; tests change it between calls. */
const state = {
  files: new Map<string, {body: string | Uint8Array; type: string}>(),
  /** data.gouv.fr datasets by slug: their resources. */
  dataGouv: new Map<string, {slug: string; title: string; resources: object[]}>(),
  /** data.gouv.fr search answers, by `q`. */
  searches: new Map<string, object[]>(),
  requests: [] as string[]
};

let server: Server;
let origin = "";
const bases = () => ({dataGouv: `${origin}/dg/api/1`, education: `${origin}/ods/api/explore/v2.1`});

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url!, origin);
    state.requests.push(url.pathname + url.search);
    const json = (status: number, body: unknown) =>
      res.writeHead(status, {"content-type": "application/json"}).end(JSON.stringify(body));
    let m = /^\/dg\/api\/1\/datasets\/([^/]+)\/$/.exec(url.pathname);
    if (m) {
      const dataset = state.dataGouv.get(decodeURIComponent(m[1]!));
      return dataset ? json(200, dataset) : json(404, {message: "dataset not found"});
    }
    if (url.pathname === "/dg/api/1/datasets/")
      return json(200, {data: state.searches.get(url.searchParams.get("q") ?? "") ?? [], total: 0});
    m = /^\/ods\/api\/explore\/v2\.1\/catalog\/datasets\/([^/]+)(\/exports\/csv)?$/.exec(url.pathname);
    if (m) {
      const file = state.files.get(`ods/${m[1]}`);
      if (!file) return json(404, {error_code: "NotFound"});
      if (!m[2])
        return json(200, {
          dataset_id: m[1],
          metas: {default: {title: `Jeu ${m[1]}`, modified: "2026-11-30", records_count: 30}}
        });
      return res.writeHead(200, {"content-type": file.type}).end(file.body);
    }
    const file = state.files.get(url.pathname.slice(1));
    if (!file) return res.writeHead(404).end("not found");
    res.writeHead(200, {"content-type": file.type}).end(file.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
afterEach(() => {
  delete process.env.DATA_GOUV_API;
  delete process.env.DATA_EDUCATION_API;
});

/** Resource titles as the portals word them, for the declarations whose rule matches a title. */
const RESOURCE_TITLES: Record<string, string> = {
  "couverture-thd": "Éligibilité par commune",
  contours: "Contours des communes (50m)"
};

/** Serves `declaration` as its portal would: several resources on data.gouv.fr, an export on Opendatasoft. */
async function publish(declaration: DatasetDeclaration, body = sourceFile(declaration)) {
  const source = declaration.source;
  if (source.portal === "data.gouv.fr") {
    const format = source.resource.format ?? "csv";
    const title = RESOURCE_TITLES[declaration.id] ?? "Fichier";
    state.files.set(`files/${declaration.id}.${format}`, {
      body,
      type: format === "json" ? "application/json" : "text/csv"
    });
    state.dataGouv.set(source.dataset, {
      slug: source.dataset,
      title: declaration.title,
      resources: [
        {url: `${origin}/files/notice.pdf`, format: "pdf", title: "Notice", last_modified: "2026-11-30"},
        {
          url: `${origin}/files/${declaration.id}-2019.${format}`,
          format,
          title: `${title} 2019`,
          last_modified: "2019-10-01"
        },
        {
          url: `${origin}/files/${declaration.id}.${format}`,
          format,
          title: `${title} (dernière version)`,
          last_modified: "2026-11-01"
        }
      ]
    });
  } else if (source.portal === "data.education.gouv.fr") {
    state.files.set(`ods/${source.dataset}`, {body, type: "text/csv"});
  } else if (source.portal === "url") {
    const zip = new JSZip();
    zip.file("documentation.txt", "Documentation de l'INSEE");
    zip.file("FILO2021_DISP_PAUVRES_COM.csv", body);
    state.files.set(new URL(source.url).pathname.slice(1), {
      body: await zip.generateAsync({type: "uint8array"}),
      type: "application/zip"
    });
  }
}

/** The declaration with its direct address moved to the stand-in (the real one is on insee.fr). */
function onStandIn(declaration: DatasetDeclaration): DatasetDeclaration {
  if (declaration.source.portal !== "url") return declaration;
  return {
    ...declaration,
    source: {...declaration.source, url: `${origin}${new URL(declaration.source.url).pathname}`}
  };
}

async function kit() {
  return kitPaths(await mkdtemp(join(tmpdir(), "kit-fetch-")));
}

const fetchable = DATASETS.filter((d) => d.source.portal !== "package" && d.source.portal !== "manual");

describe("fetch against local stand-ins of data.gouv.fr and data.education.gouv.fr", () => {
  it.each(fetchable.map((d) => [d.id]))(
    "fetch %s: finds the file through the portal, validates it, and locks URL, sha256, size, rows and the resource chosen",
    async (id) => {
      const declaration = getDataset(id);
      await publish(onStandIn(declaration));
      const paths = await kit();
      const url = declaration.source.portal === "url" ? onStandIn(declaration).source : undefined;
      const lines: string[] = [];
      const outcome = await fetchDataset(id, {
        paths,
        bases: bases(),
        backoffMs: 1,
        log: (l) => lines.push(l),
        ...(url && url.portal === "url" ? {url: url.url} : {})
      });
      expect(outcome.rows).toBeGreaterThan(0);
      const entry = (await readLock(paths.lock)).datasets[id]!;
      expect(entry).toMatchObject({url: outcome.url, rows: outcome.rows});
      expect(entry.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(entry.size).toBeGreaterThan(0);
      expect(entry.resource?.reason).toBeTruthy();
      expect(lines).toContain(`${id} : ${outcome.resource.reason}`);
      if (declaration.source.portal === "data.gouv.fr") {
        // Three resources: a PDF notice, an older file, the current one — the rule takes the current one.
        expect(outcome.url).toBe(`${origin}/files/${id}.${declaration.source.resource.format ?? "csv"}`);
        expect(entry.resource?.reason).toMatch(/^3 ressources ; la plus récente des 2 ressources/);
      }
      expect(await checkDataset(id, {paths})).toEqual([]);
    },
    60_000
  );

  it("FILOSOFI: reads the data file of INSEE's zip archive (the notice beside it is left), and check re-reads the archive", async () => {
    const declaration = onStandIn(getDataset("pauvrete"));
    await publish(declaration);
    const paths = await kit();
    const source = declaration.source;
    const lines: string[] = [];
    if (source.portal !== "url") throw new Error("pauvrete is declared by its address on insee.fr");
    const outcome = await fetchDataset("pauvrete", {paths, url: source.url, log: (l) => lines.push(l)});
    expect(lines).toContain("pauvrete : FILO2021_DISP_PAUVRES_COM.csv lu dans l'archive");
    expect((await readLock(paths.lock)).datasets.pauvrete!.resource?.member).toBe(
      "FILO2021_DISP_PAUVRES_COM.csv"
    );
    expect(existsSync(join(paths.cache, "pauvrete", "pauvrete.source.zip"))).toBe(true);
    expect(outcome.rows).toBe(30);
    expect(await checkDataset("pauvrete", {paths})).toEqual([]);
  });

  it("a truncated zip is refused, named, and the cached copy stays byte for byte", async () => {
    const declaration = onStandIn(getDataset("pauvrete"));
    await publish(declaration);
    const paths = await kit();
    const source = declaration.source;
    if (source.portal !== "url") throw new Error("pauvrete is declared by its address on insee.fr");
    await fetchDataset("pauvrete", {paths, url: source.url});
    const before = await readFile(join(paths.cache, "pauvrete", "pauvrete.arrow"));
    const key = new URL(source.url).pathname.slice(1);
    const whole = state.files.get(key)!.body as Uint8Array;
    state.files.set(key, {body: whole.subarray(0, Math.floor(whole.length / 2)), type: "application/zip"});
    await expect(fetchDataset("pauvrete", {paths, url: source.url})).rejects.toThrow(
      /pauvrete : .*\.zip : archive zip illisible, tronquée ou abîmée/
    );
    expect(await readFile(join(paths.cache, "pauvrete", "pauvrete.arrow"))).toEqual(before);
  });

  it("a vanished data.gouv.fr id: fetch searches the organisation, takes the one dataset with a CSV and says so", async () => {
    const declaration = getDataset("lieux-mediation-numerique");
    if (declaration.source.portal !== "data.gouv.fr" || !declaration.source.search)
      throw new Error("search expected");
    await publish(declaration);
    const found = "lieux-de-mediation-numerique-sur-le-territoire-national-fournis-par-data-inclusion-1";
    state.dataGouv.set(found, {...state.dataGouv.get(declaration.source.dataset)!, slug: found});
    state.dataGouv.delete(declaration.source.dataset);
    state.searches.set(declaration.source.search.q, [
      {slug: found, title: "Lieux (data·inclusion)", resources: state.dataGouv.get(found)!.resources},
      {
        slug: "lieux-documentation",
        title: "Documentation",
        resources: [{url: `${origin}/files/notice.pdf`, format: "pdf", title: "Notice"}]
      }
    ]);
    const paths = await kit();
    state.requests.length = 0;
    const outcome = await fetchDataset(declaration.id, {paths, bases: bases()});
    expect(outcome.resource.dataset).toBe(found);
    expect(outcome.resource.reason).toMatch(
      /n'existe plus \(HTTP 404\) ; la recherche .* en trouve un seul qui convienne/
    );
    const search = state.requests.find((r) => r.startsWith("/dg/api/1/datasets/?"));
    expect(new URLSearchParams(search!.split("?")[1]).get("organization")).toBe(
      declaration.source.search.organization
    );
    expect((await readLock(paths.lock)).datasets[declaration.id]!.resource?.dataset).toBe(found);
  });

  it("a vanished id with several fitting datasets: fetch lists the candidates and writes nothing", async () => {
    const declaration = getDataset("conseillers-numeriques");
    if (declaration.source.portal !== "data.gouv.fr" || !declaration.source.search)
      throw new Error("search expected");
    await publish(declaration);
    const resources = state.dataGouv.get(declaration.source.dataset)!.resources;
    state.dataGouv.delete(declaration.source.dataset);
    state.searches.set(declaration.source.search.q, [
      {slug: "cnfs-structures-2021", title: "Structures 2021", resources},
      {slug: "cnfs-structures-2022", title: "Structures 2022", resources}
    ]);
    const paths = await kit();
    await expect(fetchDataset(declaration.id, {paths, bases: bases()})).rejects.toThrow(
      /2 jeux conviennent.*cnfs-structures-2021.*cnfs-structures-2022/
    );
    expect(existsSync(paths.lock)).toBe(false);
  });

  it("a vanished data.education.gouv.fr id says the portal renames datasets by vintage and how to pass the export's address", async () => {
    const paths = await kit();
    state.files.delete("ods/fr-en-ips_ecoles");
    await expect(fetchDataset("ips", {paths, bases: bases()})).rejects.toThrow(
      /HTTP 404, le jeu « fr-en-ips_ecoles » n'existe plus .*fetch <id> --url .*\/exports\/csv/
    );
  });

  it("an HTML page instead of the CSV is refused and the cached copy stays", async () => {
    const declaration = getDataset("france-services");
    await publish(declaration);
    const paths = await kit();
    await fetchDataset(declaration.id, {paths, bases: bases()});
    const before = await readFile(join(paths.cache, declaration.id, `${declaration.id}.arrow`));
    state.files.set(`files/${declaration.id}.csv`, {
      body: "<!DOCTYPE html><html><body>Maintenance</body></html>",
      type: "text/csv"
    });
    await expect(fetchDataset(declaration.id, {paths, bases: bases()})).rejects.toThrow(
      /page HTML au lieu des données/
    );
    expect(await readFile(join(paths.cache, declaration.id, `${declaration.id}.arrow`))).toEqual(before);
  });

  it("a changed file behind the same address: fetch tells what changed before locking the new version", async () => {
    const declaration = getDataset("france-services");
    await publish(declaration, sourceFile(declaration, 20));
    const paths = await kit();
    await fetchDataset(declaration.id, {paths, bases: bases()});
    const first = (await readLock(paths.lock)).datasets[declaration.id]!;
    await publish(declaration, sourceFile(declaration, 20, 5));
    const lines: string[] = [];
    const second = await fetchDataset(declaration.id, {
      paths,
      bases: bases(),
      yes: true,
      log: (l) => lines.push(l)
    });
    expect(lines).toContain(`${declaration.id} : nouvelle version adoptée (--yes)`);
    expect([second.diff?.rowsAdded, second.diff?.rowsRemoved]).toEqual([5, 5]);
    expect((await readLock(paths.lock)).datasets[declaration.id]!.sha256).not.toBe(first.sha256);
  });

  it("DATA_GOUV_API and DATA_EDUCATION_API point fetch at a mirror", async () => {
    process.env.DATA_GOUV_API = `${origin}/dg/api/1/`;
    process.env.DATA_EDUCATION_API = bases().education;
    for (const id of ["france-services", "annuaire-education"]) {
      await publish(getDataset(id));
      const outcome = await fetchDataset(id, {paths: await kit()});
      expect(outcome.url.startsWith(origin)).toBe(true);
    }
  });

  const manual = DATASETS.filter((d) => d.source.portal === "manual").map((d) => [d.id]);
  it("the datasets with no address the kit could confirm are the two IFN editions", () => {
    expect(manual).toEqual([["fragilite-numerique"], ["fragilite-numerique-2023"]]);
  });
  it.each(manual)(
    "%s: with no address the kit could confirm, fetch says where to find it; --url fetches a given file",
    async (id) => {
      const declaration = getDataset(id);
      const paths = await kit();
      await expect(fetchDataset(declaration.id, {paths, bases: bases()})).rejects.toThrow(
        /pas de téléchargement automatique.*npm run data -- load/
      );
      const url = `${origin}/files/${id}-manual.csv`;
      state.files.set(`files/${id}-manual.csv`, {body: sourceFile(declaration), type: "text/csv"});
      const outcome = await fetchDataset(declaration.id, {paths, url});
      expect(outcome.rows).toBe(30);
      expect(outcome.resource.reason).toBe("adresse donnée par --url (aucun portail interrogé)");
      expect((await readLock(paths.lock)).datasets[declaration.id]!.url).toBe(url);
      expect(await checkDataset(id, {paths})).toEqual([]);
    }
  );
});
