import {mkdirSync, mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {cacheControl, serveStatic} from "../../scripts/serve.ts";

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
