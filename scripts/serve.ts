/**
 * A minimal static server for `dist/` on 127.0.0.1, with Framework's clean URLs (`/guide` → `guide.html`), the
 * right content type for wasm and the cache headers a publishing host should send (see `cacheControl`). Used by
 * the browser tests and the benchmarks; `npm run preview` to use it by hand (then the site is exactly what will
 * be published).
 */
import {createReadStream, existsSync, statSync} from "node:fs";
import {createServer, type Server} from "node:http";
import type {AddressInfo} from "node:net";
import {extname, join, normalize, resolve} from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".topojson": "application/json",
  ".csv": "text/csv; charset=utf-8",
  ".arrow": "application/vnd.apache.arrow.stream",
  ".parquet": "application/vnd.apache.parquet",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png"
};

/**
 * The `Cache-Control` of a file of the built site. Framework names every asset by its content (a hash in the
 * file name, `_npm/d3@7.9.0/80488f9b.js`) or by an exact package version (`_npm/@duckdb/duckdb-wasm@1.29.0/`),
 * so those never change and are kept a year; pages are revalidated at each visit (ETag). Keeping DuckDB's 35 MB
 * WebAssembly in the HTTP cache is also what lets Chromium reuse its compiled code on the next visit.
 */
export function cacheControl(urlPath: string): string {
  return /^\/_(npm|observablehq|import|file)\//.test(urlPath)
    ? "public, max-age=31536000, immutable"
    : "no-cache";
}

/** Maps a URL path to a file of `root`, following clean URLs; undefined when there is none. */
export function resolveStaticPath(root: string, urlPath: string): string | undefined {
  const path = normalize(decodeURIComponent(urlPath.split("?")[0]!)).replace(/^(\.\.[/\\])+/, "");
  const base = join(root, path);
  if (!base.startsWith(resolve(root))) return undefined;
  for (const candidate of [base, `${base}.html`, join(base, "index.html")]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

/** Serves `root` on 127.0.0.1 (port 0: any free port); resolves with the server and its origin. */
export function serveStatic(root: string, port = 0): Promise<{server: Server; origin: string}> {
  const absolute = resolve(root);
  const server = createServer((request, response) => {
    const file = resolveStaticPath(absolute, request.url ?? "/");
    if (!file) {
      const notFound = join(absolute, "404.html");
      response.writeHead(404, {"content-type": TYPES[".html"]!});
      if (existsSync(notFound)) createReadStream(notFound).pipe(response);
      else response.end("Page introuvable");
      return;
    }
    const {size, mtimeMs} = statSync(file);
    const etag = `"${size.toString(36)}-${Math.floor(mtimeMs).toString(36)}"`;
    const headers = {"cache-control": cacheControl(request.url ?? "/"), etag};
    if (request.headers["if-none-match"] === etag) {
      response.writeHead(304, headers).end();
      return;
    }
    response.writeHead(200, {
      ...headers,
      "content-type": TYPES[extname(file)] ?? "application/octet-stream",
      "content-length": size
    });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolvePromise) => {
    server.listen(port, "127.0.0.1", () => {
      const {port: actual} = server.address() as AddressInfo;
      resolvePromise({server, origin: `http://127.0.0.1:${actual}`});
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.env.PORT ?? 3000);
  const {origin} = await serveStatic(process.argv[2] ?? "dist", port);
  console.log(`dist/ servi sur ${origin} (Ctrl+C pour arrêter)`);
}
