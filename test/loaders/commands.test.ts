import {createServer, type Server} from "node:http";
import {mkdir, mkdtemp, readFile, readdir, writeFile} from "node:fs/promises";
import {existsSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {checkDataset, fetchDataset, loadDataset} from "../../loaders/commands.ts";
import {kitPaths} from "../../loaders/core/paths.ts";
import {readLock} from "../../loaders/core/lockfile.ts";
import {resolveDataset} from "../../loaders/resolve.ts";

let server: Server;
let base = "";
let body = "CODE_INSEE,LIBCOM,TX_POVERTY\n01001,A,\n2A004,Ajaccio,18.5\n";

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url?.startsWith("/api/1/datasets/")) {
      const resources = [
        {
          url: `${base}/files/pauvrete.csv`,
          format: "csv",
          title: "Taux par commune",
          last_modified: "2024-01-01"
        }
      ];
      res.writeHead(200, {"content-type": "application/json"}).end(JSON.stringify({resources}));
    } else res.writeHead(200, {"content-type": "text/csv"}).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function kit() {
  const root = await mkdtemp(join(tmpdir(), "kit-"));
  const paths = kitPaths(root);
  await mkdir(join(paths.frameworkCache, "data"), {recursive: true});
  await mkdir(join(paths.site, "data"), {recursive: true});
  await writeFile(join(paths.frameworkCache, "data", "pauvrete.arrow"), "old");
  await writeFile(join(paths.site, "data", "carte.json.ts"), 'await resolveDataset("pauvrete");');
  await writeFile(join(paths.frameworkCache, "data", "carte.json"), "old");
  return paths;
}

describe("data commands in a temporary kit", () => {
  it("fetch downloads the file (INSEE publishes FILOSOFI by its address), writes the cache and the lock, then shows the diff", async () => {
    const paths = await kit();
    const bases = {dataGouv: `${base}/api/1`, education: `${base}/ods`};
    const url = `${base}/files/pauvrete.csv`;
    const first = await fetchDataset("pauvrete", {paths, bases, url, backoffMs: 1});
    expect(first.url).toBe(`${base}/files/pauvrete.csv`);
    const lock = await readLock(paths.lock);
    expect(lock.datasets.pauvrete).toMatchObject({rows: 2, url: first.url});
    expect(existsSync(join(paths.frameworkCache, "data", "pauvrete.arrow"))).toBe(false);
    expect(existsSync(join(paths.frameworkCache, "data", "carte.json"))).toBe(false);
    const resolved = await resolveDataset("pauvrete", {paths});
    expect([resolved.origin, resolved.meta.status, resolved.meta.rows]).toEqual(["cache", "réel", 2]);
    expect(await checkDataset("pauvrete", {paths})).toEqual([]);

    body = "CODE_INSEE,LIBCOM,TX_POVERTY\n2A004,Ajaccio,18.5\n97101,Les Abymes,30\n97102,Baie,31\n";
    const lines: string[] = [];
    const second = await fetchDataset("pauvrete", {
      paths,
      bases,
      url,
      backoffMs: 1,
      yes: true,
      log: (l) => lines.push(l)
    });
    expect([second.diff?.rowsAdded, second.diff?.rowsRemoved]).toEqual([2, 1]);
    expect(lines.some((l) => l.includes("+2"))).toBe(true);

    const before = await readFile(join(paths.cache, "pauvrete", "pauvrete.arrow"));
    body = "CODE_INSEE,LIBCOM,TX_POVERTY\n2A004,Ajaccio,cent\n";
    await expect(fetchDataset("pauvrete", {paths, bases, url, backoffMs: 1})).rejects.toThrow(
      /ligne 2, colonne « TX_POVERTY »/
    );
    expect(await readFile(join(paths.cache, "pauvrete", "pauvrete.arrow"))).toEqual(before);
    expect((await readLock(paths.lock)).datasets.pauvrete!.rows).toBe(3);
  });

  it("load writes a snapshot that wins over the cache and the offline default; a bad file writes nothing", async () => {
    const paths = await kit();
    const input = join(paths.root, "in.csv");
    await writeFile(input, "CODGEO;LIBGEO;TP6021\n01001;A;12,5\n");
    await loadDataset("pauvrete", input, {paths});
    const files = (await readdir(join(paths.snapshots, "pauvrete"))).sort();
    expect(files).toEqual(["pauvrete.arrow", "pauvrete.meta.json", "pauvrete.parquet"]);
    const resolved = await resolveDataset("pauvrete", {paths});
    expect([resolved.origin, resolved.meta.rows]).toEqual(["snapshot", 1]);
    await writeFile(input, "CODGEO;LIBGEO;TP6021\nXXXXX;A;12,5\n");
    await expect(loadDataset("pauvrete", input, {paths})).rejects.toThrow(/XXXXX/);
    expect((await resolveDataset("pauvrete", {paths})).meta.rows).toBe(1);
    const offline = await resolveDataset("couverture-thd", {paths});
    expect([offline.origin, offline.meta.status]).toEqual(["offline", "démonstration"]);
  });
  it("load labels an older FILOSOFI file with its own vintage (TP6017 → 2017), a current one with the declaration's", async () => {
    const paths = await kit();
    const input = join(paths.root, "in.csv");
    await writeFile(input, "CODGEO;LIBGEO;TP6017\n01001;A;12,5\n");
    await loadDataset("pauvrete", input, {paths});
    expect((await resolveDataset("pauvrete", {paths})).meta.vintage).toBe("2017");
    await writeFile(input, "CODGEO;LIBGEO;TP6021\n01001;A;12,5\n");
    await loadDataset("pauvrete", input, {paths});
    expect((await resolveDataset("pauvrete", {paths})).meta.vintage).toBe("2021");
  });
});
