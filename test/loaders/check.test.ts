import {createServer, type Server} from "node:http";
import {mkdir, mkdtemp, readFile, readdir, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {checkDataset, fetchDataset, loadDataset} from "../../loaders/commands.ts";
import {kitPaths} from "../../loaders/core/paths.ts";

let server: Server;
let base = "";
const body = "CODE_INSEE,LIBCOM,TX_POVERTY\n01001,A,12\n2A004,Ajaccio,18.5\n";

beforeAll(async () => {
  server = createServer((_req, res) => res.writeHead(200, {"content-type": "text/csv"}).end(body));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function kit() {
  const paths = kitPaths(await mkdtemp(join(tmpdir(), "kit-check-")));
  await mkdir(join(paths.frameworkCache, "data"), {recursive: true});
  await mkdir(join(paths.site, "data"), {recursive: true});
  return paths;
}

/** A kit with a loaded snapshot of `pauvrete` (2 rows); returns its paths and the snapshot folder. */
async function loaded() {
  const paths = await kit();
  const input = join(paths.root, "in.csv");
  await writeFile(input, "CODGEO;LIBGEO;TP6021\n01001;A;12,5\n2A004;Ajaccio;18,5\n");
  await loadDataset("pauvrete", input, {paths});
  return {paths, dir: join(paths.snapshots, "pauvrete")};
}

const editMeta = async (dir: string, change: (meta: Record<string, unknown>) => void) => {
  const file = join(dir, "pauvrete.meta.json");
  const meta = JSON.parse(await readFile(file, "utf8"));
  change(meta);
  await writeFile(file, JSON.stringify(meta));
};

describe("data check: a file on disk that no longer matches its meta.json or its lock fails, named", () => {
  it("finds nothing to say of a snapshot as load wrote it", async () => {
    const {paths} = await loaded();
    expect(await checkDataset("pauvrete", {paths})).toEqual([]);
  });
  it("names a missing or unreadable Parquet file", async () => {
    const {paths, dir} = await loaded();
    await writeFile(join(dir, "pauvrete.parquet"), "pas du parquet");
    expect(await checkDataset("pauvrete", {paths})).toEqual([
      expect.stringMatching(/^pauvrete \(snapshot\) : pauvrete\.parquet illisible/)
    ]);
    await rm(join(dir, "pauvrete.parquet"));
    expect(await checkDataset("pauvrete", {paths})).toEqual([
      "pauvrete (snapshot) : pauvrete.parquet manquant"
    ]);
  });
  it("names a row count that meta.json announces and the files do not hold", async () => {
    const {paths, dir} = await loaded();
    await editMeta(dir, (meta) => (meta.rows = 3));
    expect(await checkDataset("pauvrete", {paths})).toEqual([
      "pauvrete (snapshot) : 2 lignes dans pauvrete.parquet, 3 annoncées",
      "pauvrete (snapshot) : 2 lignes dans pauvrete.arrow, 3 annoncées"
    ]);
  });
  it("names a meta.json that is not JSON, or that describes another dataset", async () => {
    const {paths, dir} = await loaded();
    await editMeta(dir, (meta) => (meta.id = "ips"));
    expect(await checkDataset("pauvrete", {paths})).toEqual([
      "pauvrete (snapshot) : pauvrete.meta.json décrit le jeu « ips »"
    ]);
    await writeFile(join(dir, "pauvrete.meta.json"), '{"id": "pauvrete", ');
    expect(await checkDataset("pauvrete", {paths})).toEqual([
      expect.stringMatching(/^pauvrete \(snapshot\) : pauvrete\.meta\.json illisible/)
    ]);
  });
  it("names a cached source file changed since the fetch: against the lock and against meta.json", async () => {
    const paths = await kit();
    await fetchDataset("pauvrete", {paths, url: `${base}/pauvrete.csv`, backoffMs: 1});
    expect(await checkDataset("pauvrete", {paths})).toEqual([]);
    const dir = join(paths.cache, "pauvrete");
    const source = (await readdir(dir)).find((f) => f.startsWith("pauvrete.source."))!;
    await writeFile(join(dir, source), body.replace("18.5", "19.5"));
    expect(await checkDataset("pauvrete", {paths})).toEqual([
      "pauvrete (cache) : le fichier source ne correspond plus au verrou",
      `pauvrete (cache) : le fichier source ${source} ne correspond plus à pauvrete.meta.json (sha256)`
    ]);
  });
});
