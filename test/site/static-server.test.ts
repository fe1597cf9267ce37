import {mkdirSync, mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {gunzipSync} from "node:zlib";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {cacheControl, serveStatic, type SentResponse} from "../../scripts/serve.ts";
import {request} from "node:http";

describe("cacheControl", () => {
  it("keeps Framework's content-named assets a year and revalidates pages", () => {
    expect(cacheControl("/_npm/d3@7.9.0/80488f9b.js")).toMatch(/immutable/);
    expect(cacheControl("/_npm/@duckdb/duckdb-wasm@1.29.0/dist/duckdb-eh.wasm")).toMatch(/max-age=31536000/);
    expect(cacheControl("/_file/data/donnees/communes.e2d594bd.arrow")).toMatch(/immutable/);
    expect(cacheControl("/_observablehq/client.4499ba68.js")).toMatch(/immutable/);
    expect(cacheControl("/atelier?sql=SELECT%201")).toBe("no-cache");
    expect(cacheControl("/defis/fragilite")).toBe("no-cache");
    expect(cacheControl("/_npmx/file.js")).toBe("no-cache");
  });
});

describe("serveStatic", () => {
  let origin = "";
  let close = () => {};
  beforeAll(async () => {
    const root = mkdtempSync(join(tmpdir(), "kit-serve-"));
    mkdirSync(join(root, "_npm", "pkg@1.0.0"), {recursive: true});
    writeFileSync(join(root, "_npm", "pkg@1.0.0", "index.a1b2c3d4.js"), "export default 1;\n");
    writeFileSync(join(root, "guide.html"), "<h1>Guide</h1>");
    writeFileSync(join(root, "404.html"), "<h1>Introuvable</h1>");
    const served = await serveStatic(root);
    origin = served.origin;
    close = () => served.server.close();
  });
  afterAll(() => close());

  it("serves clean URLs as revalidated pages", async () => {
    const response = await fetch(`${origin}/guide`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    expect(response.headers.get("cache-control")).toBe("no-cache");
    expect(await response.text()).toBe("<h1>Guide</h1>");
  });

  it("answers 304 to a revalidation with the current ETag", async () => {
    const first = await fetch(`${origin}/_npm/pkg@1.0.0/index.a1b2c3d4.js`);
    const etag = first.headers.get("etag");
    expect(first.headers.get("cache-control")).toMatch(/immutable/);
    expect(etag).toMatch(/^".+"$/);
    const again = await fetch(`${origin}/_npm/pkg@1.0.0/index.a1b2c3d4.js`, {
      headers: {"if-none-match": etag!}
    });
    expect(again.status).toBe(304);
    const stale = await fetch(`${origin}/guide`, {headers: {"if-none-match": '"other"'}});
    expect(stale.status).toBe(200);
  });

  it("answers 404 with the site's page, and never outside the root", async () => {
    const missing = await fetch(`${origin}/nulle-part`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain("Introuvable");
    expect((await fetch(`${origin}/../../etc/passwd`)).status).toBe(404);
    expect((await fetch(`${origin}/%2e%2e/%2e%2e/etc/passwd`)).status).toBe(404);
  });
});

describe("serveStatic({gzip: true})", () => {
  let origin = "";
  let close = () => {};
  const sent: SentResponse[] = [];
  const script = `export const text = "${"compressible ".repeat(200)}";\n`;
  beforeAll(async () => {
    const root = mkdtempSync(join(tmpdir(), "kit-serve-gzip-"));
    writeFileSync(join(root, "page.html"), "<h1>Page</h1>");
    writeFileSync(join(root, "app.js"), script);
    writeFileSync(join(root, "table.arrow"), Buffer.alloc(4000, 1));
    const served = await serveStatic(root, 0, {gzip: true, onResponse: (s) => sent.push(s)});
    origin = served.origin;
    close = () => served.server.close();
  });
  afterAll(() => close());

  /** A raw GET (fetch would decode the body), with its headers and the bytes on the wire. */
  const get = (path: string, headers: Record<string, string>) =>
    new Promise<{headers: Record<string, unknown>; body: Buffer}>((done, fail) => {
      request(`${origin}${path}`, {headers}, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (c: Buffer) => chunks.push(c));
        response.on("end", () => done({headers: response.headers, body: Buffer.concat(chunks)}));
      })
        .on("error", fail)
        .end();
    });

  it("sends JavaScript gzip-compressed to a client that accepts it, and reports the compressed size", async () => {
    const {headers, body} = await get("/app.js", {"accept-encoding": "gzip, deflate, br"});
    expect(headers["content-encoding"]).toBe("gzip");
    expect(headers.vary).toBe("Accept-Encoding");
    expect(gunzipSync(body).toString()).toBe(script);
    expect(body.length).toBeLessThan(script.length / 5);
    await new Promise((r) => setTimeout(r, 20));
    expect(sent.at(-1)).toEqual({path: "/app.js", status: 200, bytes: body.length, encoding: "gzip"});
  });

  it("sends the file as it is to a client that does not accept gzip, and Arrow files always", async () => {
    const plain = await get("/app.js", {});
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString()).toBe(script);
    const arrow = await get("/table.arrow", {"accept-encoding": "gzip"});
    expect(arrow.headers["content-encoding"]).toBeUndefined();
    expect(arrow.body.length).toBe(4000);
  });
});
