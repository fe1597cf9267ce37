import {createServer, type Server} from "node:http";
import {mkdtemp, readFile, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {download, DownloadError} from "../../../loaders/core/download.ts";

const CSV = "code;valeur\n01001;1,5\n";
let server: Server;
let base = "";
const hits = new Map<string, number>();

beforeAll(async () => {
  server = createServer((req, res) => {
    const n = (hits.get(req.url!) ?? 0) + 1;
    hits.set(req.url!, n);
    if (req.url === "/flaky.csv" && n < 3) {
      res.writeHead(503).end("busy");
    } else if (req.url === "/html.csv") {
      res
        .writeHead(200, {"content-type": "text/csv"})
        .end("<!DOCTYPE html><html><body>Connexion</body></html>");
    } else if (req.url === "/drop.csv") {
      res.writeHead(200, {"content-type": "text/csv", "content-length": "100000"});
      res.write("code;valeur\n01001;1\n");
      setTimeout(() => res.destroy(), 20);
    } else {
      res.writeHead(200, {"content-type": "text/csv"}).end(CSV);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("download (local server on 127.0.0.1)", () => {
  it("retries on 5xx then succeeds, recording sha256 and size", async () => {
    const dir = await mkdtemp(join(tmpdir(), "dl-"));
    const result = await download(`${base}/flaky.csv`, join(dir, "x.csv"), {backoffMs: 5, retries: 3});
    expect(hits.get("/flaky.csv")).toBe(3);
    expect(await readFile(join(dir, "x.csv"), "utf8")).toBe(CSV);
    expect(result.size).toBe(Buffer.byteLength(CSV));
    expect(result.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
  it("rejects an HTML page served instead of CSV and keeps the cached copy", async () => {
    const dir = await mkdtemp(join(tmpdir(), "dl-"));
    const dest = join(dir, "x.csv");
    await writeFile(dest, "ancienne copie");
    await expect(download(`${base}/html.csv`, dest, {backoffMs: 5})).rejects.toThrow(/page HTML/);
    expect(await readFile(dest, "utf8")).toBe("ancienne copie");
  });
  it("leaves the cached copy untouched when the connection drops mid-body", async () => {
    const dir = await mkdtemp(join(tmpdir(), "dl-"));
    const dest = join(dir, "x.csv");
    await writeFile(dest, "ancienne copie");
    const error = await download(`${base}/drop.csv`, dest, {backoffMs: 5, retries: 1}).catch(
      (e: unknown) => e
    );
    expect(error).toBeInstanceOf(DownloadError);
    expect(hits.get("/drop.csv")).toBe(2);
    expect(await readFile(dest, "utf8")).toBe("ancienne copie");
    const {readdir} = await import("node:fs/promises");
    expect(await readdir(dir)).toEqual(["x.csv"]);
  });
});
