/**
 * A minimal static server for `dist/` on 127.0.0.1, with Framework's clean URLs (`/guide` → `guide.html`), the
 * right content type for wasm and the cache headers a publishing host should send (see `cacheControl`). Used by
 * the browser tests and the benchmarks; `npm run preview` to use it by hand (then the site is exactly what will
 * be published). With `gzip`, it also compresses what a static host compresses (see `COMPRESSED_TYPES`), so that
 * `npm run bench -- pages` counts the bytes a reader really receives.
 */
import {createReadStream, existsSync, readFileSync, readdirSync, statSync} from "node:fs";
import {createServer, type Server} from "node:http";
import type {AddressInfo} from "node:net";
import {extname, join, normalize, relative, resolve} from "node:path";
import {promisify} from "node:util";
import {gzip as gzipCallback} from "node:zlib";

const gzip = promisify(gzipCallback);

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

/**
 * The content types sent gzip-compressed with `gzip: true`: text, JSON, JavaScript, SVG and WebAssembly, as the
 * README's nginx configuration does and GitHub Pages does for the types it knows. Arrow files are not in the list:
 * GitHub Pages serves `.arrow` as `application/octet-stream`, uncompressed, so the bench counts them whole (an
 * upper bound for a host configured to compress them); Parquet is already compressed inside.
 */
export const COMPRESSED_TYPES: ReadonlySet<string> = new Set([
  TYPES[".html"]!,
  TYPES[".js"]!,
  TYPES[".css"]!,
  TYPES[".json"]!,
  TYPES[".csv"]!,
  TYPES[".svg"]!,
  TYPES[".wasm"]!
]);

/** One response of the server, as reported to `onResponse`. */
export interface SentResponse {
  /** The URL path requested (query and fragment removed). */
  path: string;
  status: number;
  /** Body bytes sent: the compressed size when `encoding` is `gzip`, none for a 304. */
  bytes: number;
  encoding: "gzip" | "identity";
}

/** Options of {@link serveStatic}. */
export interface ServeOptions {
  /** Compress the files of `COMPRESSED_TYPES` for clients that accept gzip (compressed once, at start). */
  gzip?: boolean;
  /** Called for every response, once its body is sent. */
  onResponse?: (sent: SentResponse) => void;
  /** HTML pages served from memory at these URL paths, beside `root` (the bench's bare DuckDB-Wasm page). */
  pages?: Record<string, string>;
}

/** The gzip bytes of every compressible file of `root` (level 6, zlib's and most hosts' default). */
async function precompress(root: string): Promise<Map<string, Buffer>> {
  const compressed = new Map<string, Buffer>();
  const walk = (dir: string): string[] =>
    readdirSync(dir, {withFileTypes: true}).flatMap((entry) =>
      entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)]
    );
  for (const file of walk(root)) {
    if (!COMPRESSED_TYPES.has(TYPES[extname(file)] ?? "")) continue;
    compressed.set(relative(root, file), await gzip(readFileSync(file)));
  }
  return compressed;
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

/**
 * Serves `root` on 127.0.0.1 (port 0: any free port); resolves with the server and its origin. With
 * `options.gzip`, compressible files are compressed before the server listens (a few seconds for a built site).
 */
export async function serveStatic(
  root: string,
  port = 0,
  options: ServeOptions = {}
): Promise<{server: Server; origin: string}> {
  const absolute = resolve(root);
  const compressed = options.gzip ? await precompress(absolute) : new Map<string, Buffer>();
  const server = createServer((request, response) => {
    const path = (request.url ?? "/").split(/[?#]/)[0]!;
    const sent = (status: number, bytes: number, encoding: SentResponse["encoding"] = "identity") =>
      response.on("finish", () => options.onResponse?.({path, status, bytes, encoding}));
    const extra = options.pages?.[path];
    if (extra !== undefined) {
      sent(200, Buffer.byteLength(extra));
      response.writeHead(200, {"content-type": TYPES[".html"]!, "cache-control": "no-cache"}).end(extra);
      return;
    }
    const file = resolveStaticPath(absolute, request.url ?? "/");
    if (!file) {
      const notFound = join(absolute, "404.html");
      response.writeHead(404, {"content-type": TYPES[".html"]!});
      sent(404, existsSync(notFound) ? statSync(notFound).size : 0);
      if (existsSync(notFound)) createReadStream(notFound).pipe(response);
      else response.end("Page introuvable");
      return;
    }
    const {size, mtimeMs} = statSync(file);
    const type = TYPES[extname(file)] ?? "application/octet-stream";
    const zipped = /\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""))
      ? compressed.get(relative(absolute, file))
      : undefined;
    // The compressed variant has its own (weak) ETag, as nginx gives it.
    const tag = `"${size.toString(36)}-${Math.floor(mtimeMs).toString(36)}"`;
    const etag = zipped ? `W/${tag}` : tag;
    const headers = {
      "cache-control": cacheControl(request.url ?? "/"),
      etag,
      ...(COMPRESSED_TYPES.has(type) && options.gzip ? {vary: "Accept-Encoding"} : {})
    };
    if (request.headers["if-none-match"] === etag) {
      sent(304, 0);
      response.writeHead(304, headers).end();
      return;
    }
    if (zipped) {
      sent(200, zipped.length, "gzip");
      response.writeHead(200, {
        ...headers,
        "content-type": type,
        "content-encoding": "gzip",
        "content-length": zipped.length
      });
      response.end(zipped);
      return;
    }
    sent(200, size);
    response.writeHead(200, {...headers, "content-type": type, "content-length": size});
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
  const args = process.argv.slice(2);
  const root = args.find((a) => !a.startsWith("--")) ?? "dist";
  const {origin} = await serveStatic(root, port, {gzip: args.includes("--gzip")});
  console.log(`dist/ servi sur ${origin} (Ctrl+C pour arrêter)`);
}
