/**
 * `fetch` under network faults, against a local server on 127.0.0.1 (random port, small bodies, every stalled
 * answer released when the server closes): slow, 500 then 200, reset mid-body, a changed file behind a stable
 * address, a portal's HTML error page served with a 200, a 404. In every case the snapshot, the cache and the
 * lock stay byte for byte as they were, and no partial file is left.
 */
import {createHash} from "node:crypto";
import {createServer, type IncomingMessage, type Server, type ServerResponse} from "node:http";
import {mkdtemp, readdir, readFile, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join, relative} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {parseArgs} from "../../loaders/cli.ts";
import {fetchDataset, loadDataset, type FetchOptions} from "../../loaders/commands.ts";
import {readLock} from "../../loaders/core/lockfile.ts";
import {kitPaths, type KitPaths} from "../../loaders/core/paths.ts";
import {getDataset} from "../../loaders/registry.ts";
import {sourceFile} from "./source-file.ts";

const ID = "france-services";
const declaration = getDataset(ID);
const FIRST = sourceFile(declaration, 20);
/** The same dataset a month later: 5 rows gone, 5 new. */
const LATER = sourceFile(declaration, 20, 5);
/** Per attempt, in the tests that stall: far below the default, far above a local answer. */
const TIMEOUT_MS = 1000;

type Route = (req: IncomingMessage, res: ServerResponse, hit: number) => void;

const csv =
  (body: string): Route =>
  (_req, res) =>
    void res.writeHead(200, {"content-type": "text/csv"}).end(body);
/** Never answers: the client's timeout ends the attempt (the socket is freed when the server closes). */
const stall: Route = () => {};
const error500: Route = (_req, res) => void res.writeHead(500).end("Internal Server Error");
/** Sends the headers and a third of the body, then resets the connection. */
const reset: Route = (_req, res) => {
  const body = Buffer.from(FIRST);
  res.writeHead(200, {"content-type": "text/csv", "content-length": String(body.length)});
  res.write(body.subarray(0, Math.floor(body.length / 3)));
  setTimeout(() => res.socket?.resetAndDestroy(), 10);
};
/** A route that answers with `routes[k]` on its k-th hit (the last one afterwards). */
const sequence =
  (...routes: Route[]): Route =>
  (req, res, hit) =>
    routes[Math.min(hit, routes.length) - 1]!(req, res, hit);

const routes = new Map<string, Route>();
const hits = new Map<string, number>();
let server: Server;
let origin = "";

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = new URL(req.url!, origin).pathname;
    const hit = (hits.get(path) ?? 0) + 1;
    hits.set(path, hit);
    const route = routes.get(path);
    if (!route) return void res.writeHead(404, {"content-type": "text/plain"}).end("Not Found");
    route(req, res, hit);
  });
  // Bounded: no request lives longer than a few seconds, whatever a route does.
  server.requestTimeout = 5_000;
  server.headersTimeout = 5_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** Every file under the kit's data folder (snapshots, cache, lock), with its sha256. */
async function dataFiles(paths: KitPaths): Promise<Record<string, string>> {
  const root = join(paths.root, "data");
  const files: Record<string, string> = {};
  for (const entry of await readdir(root, {recursive: true, withFileTypes: true})) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files[relative(root, path)] = createHash("sha256")
      .update(await readFile(path))
      .digest("hex");
  }
  return files;
}

let counter = 0;
/**
 * A kit with a snapshot (loaded from a local file), a cache and a lock (fetched from `/<name>/first.csv`); returns
 * the paths, the address of the faulty route and the waits the fetch asked for.
 */
async function kitWith(route: Route) {
  const paths = kitPaths(await mkdtemp(join(tmpdir(), "kit-faults-")));
  const name = `/case-${++counter}`;
  routes.set(`${name}/first.csv`, csv(FIRST));
  const local = join(paths.root, "local.csv");
  await writeFile(local, FIRST);
  await loadDataset(ID, local, {paths});
  await fetchDataset(ID, {paths, url: `${origin}${name}/first.csv`});
  const url = `${origin}${name}/data.csv`;
  routes.set(`${name}/data.csv`, route);
  const waits: number[] = [];
  const lines: string[] = [];
  const options: FetchOptions = {
    paths,
    url,
    timeoutMs: TIMEOUT_MS,
    retries: 2,
    backoffMs: 1000,
    sleep: async (ms) => void waits.push(ms),
    log: (line) => lines.push(line)
  };
  return {paths, url, path: new URL(url).pathname, waits, lines, options, before: await dataFiles(paths)};
}

describe("fetch under network faults (local server on 127.0.0.1)", () => {
  it("a server that fails twice with 500 then answers: fetch waits 1 s then 2 s (backoff doubled) and succeeds", async () => {
    const k = await kitWith(sequence(error500, error500, csv(LATER)));
    const outcome = await fetchDataset(ID, {...k.options, yes: true});
    expect(hits.get(k.path)).toBe(3);
    expect(k.waits).toEqual([1000, 2000]);
    expect(k.lines).toContain(
      `${ID} : ${k.url} : erreur serveur HTTP 500 ; nouvel essai dans 1 s (tentative 2)`
    );
    expect(outcome.rows).toBe(20);
    expect((await readLock(k.paths.lock)).datasets[ID]!.url).toBe(k.url);
  });

  it("a server that always answers 500: fetch gives up after its budget (3 attempts), naming dataset and address, and changes nothing", async () => {
    const k = await kitWith(error500);
    await expect(fetchDataset(ID, k.options)).rejects.toThrow(
      `${ID} : téléchargement de ${k.url} impossible — abandon après 3 tentatives (dernière erreur : erreur serveur HTTP 500) ; cache et verrou inchangés`
    );
    expect(hits.get(k.path)).toBe(3);
    expect(k.waits).toEqual([1000, 2000]);
    expect(await dataFiles(k.paths)).toEqual(k.before);
  });

  it("a slow server that does not answer within the timeout once, then answers: the second attempt succeeds", async () => {
    const k = await kitWith(sequence(stall, csv(FIRST)));
    const outcome = await fetchDataset(ID, k.options);
    expect(hits.get(k.path)).toBe(2);
    expect(k.lines).toContain(
      `${ID} : ${k.url} : délai dépassé (1 s par tentative) ; nouvel essai dans 1 s (tentative 2)`
    );
    // The same file at another address: same sha256, nothing to confirm.
    expect(outcome.kept).toBeUndefined();
  });

  it("a server that never answers in time: fetch gives up with a timeout message and changes nothing", async () => {
    const k = await kitWith(stall);
    await expect(fetchDataset(ID, k.options)).rejects.toThrow(
      new RegExp(
        `^${ID} : téléchargement de ${k.url} impossible — abandon après 3 tentatives .*délai dépassé`
      )
    );
    expect(hits.get(k.path)).toBe(3);
    expect(await dataFiles(k.paths)).toEqual(k.before);
  });

  it("a connection reset mid-body: no partial file is left, and the next attempt gets the whole file", async () => {
    const k = await kitWith(sequence(reset, csv(FIRST)));
    await fetchDataset(ID, k.options);
    expect(hits.get(k.path)).toBe(2);
    expect(k.lines.some((l) => l.includes("connexion interrompue"))).toBe(true);
    // Same bytes as the locked file: the cache's files are unchanged but for meta.json's date and the lock's URL.
    const after = await dataFiles(k.paths);
    expect(Object.keys(after).sort()).toEqual(Object.keys(k.before).sort());
    expect(after[`cache/${ID}/${ID}.arrow`]).toBe(k.before[`cache/${ID}/${ID}.arrow`]);
  });

  it("a connection reset mid-body on every attempt: gives up, no partial file, nothing changed", async () => {
    const k = await kitWith(reset);
    await expect(fetchDataset(ID, k.options)).rejects.toThrow(
      new RegExp(
        `^${ID} : téléchargement de ${k.url} impossible — abandon après 3 tentatives .*connexion interrompue`
      )
    );
    expect(await dataFiles(k.paths)).toEqual(k.before);
  });

  it("a changed file behind a stable address: fetch shows old and new sha256, size and rows, and keeps the locked version", async () => {
    const k = await kitWith(csv(FIRST));
    // The kit's lock now points at the stable address.
    await fetchDataset(ID, k.options);
    const before = await dataFiles(k.paths);
    const locked = (await readLock(k.paths.lock)).datasets[ID]!;
    routes.set(k.path, csv(LATER));
    k.lines.length = 0;
    const outcome = await fetchDataset(ID, k.options);
    expect(outcome.kept).toBe(true);
    const sha = createHash("sha256").update(LATER).digest("hex");
    const size = (n: number) => n.toLocaleString("fr-FR").replace(/\s/g, "\u202f");
    expect(k.lines).toEqual(
      expect.arrayContaining([
        `${ID} : le fichier a changé depuis le verrou (récupéré le ${locked.retrieved.slice(0, 10)}) :`,
        `${ID} :   sha256 ${locked.sha256} → ${sha}`,
        `${ID} :   taille ${size(locked.size)} → ${size(Buffer.byteLength(LATER))} octets`,
        `${ID} :   lignes 20 → 20`,
        `${ID} : version verrouillée conservée (cache et verrou inchangés) ; relancez avec --yes pour adopter la nouvelle`
      ])
    );
    expect(await dataFiles(k.paths)).toEqual(before);
    // With --yes the new version replaces the cache and the lock; the snapshot stays.
    const adopted = await fetchDataset(ID, {...k.options, yes: true});
    expect(adopted.kept).toBeUndefined();
    expect([adopted.diff?.rowsAdded, adopted.diff?.rowsRemoved]).toEqual([5, 5]);
    expect((await readLock(k.paths.lock)).datasets[ID]!.sha256).toBe(sha);
    const after = await dataFiles(k.paths);
    for (const file of Object.keys(before).filter((f) => f.startsWith("snapshots/")))
      expect(after[file]).toBe(before[file]);
  });

  it.each([
    ["declared as HTML", "text/html; charset=utf-8"],
    ["declared as CSV", "text/csv"]
  ])(
    "a portal's error page served with a 200 (%s): refused at once, named, nothing changed",
    async (_label, type) => {
      const page =
        "<!DOCTYPE html><html><head><title>Erreur</title></head><body>Service indisponible</body></html>";
      const k = await kitWith((_req, res) => void res.writeHead(200, {"content-type": type}).end(page));
      await expect(fetchDataset(ID, k.options)).rejects.toThrow(
        `${ID} : téléchargement de ${k.url} impossible — le serveur a renvoyé une page HTML au lieu des données`
      );
      expect(hits.get(k.path)).toBe(1);
      expect(k.waits).toEqual([]);
      expect(await dataFiles(k.paths)).toEqual(k.before);
    }
  );

  it("a 404: refused at once (no retry), naming dataset and address, nothing changed", async () => {
    const k = await kitWith(csv(FIRST));
    const missing = `${origin}/nowhere/data.csv`;
    await expect(fetchDataset(ID, {...k.options, url: missing})).rejects.toThrow(
      `${ID} : téléchargement de ${missing} impossible — HTTP 404, aucun fichier à cette adresse ; cache et verrou inchangés`
    );
    expect(hits.get("/nowhere/data.csv")).toBe(1);
    expect(k.waits).toEqual([]);
    expect(await dataFiles(k.paths)).toEqual(k.before);
  });
});

describe("fetch's command line", () => {
  it("--yes is a switch: it takes no value, the dataset after it stays a dataset", () => {
    expect(parseArgs(["--yes", "france-services"])).toEqual({
      positional: ["france-services"],
      flags: {yes: ""}
    });
    expect(parseArgs(["ips", "--url", "http://127.0.0.1/x.csv", "--yes"]).flags).toEqual({
      url: "http://127.0.0.1/x.csv",
      yes: ""
    });
  });
});
