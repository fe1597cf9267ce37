/**
 * The DuckDB-Wasm files the site ships, as the offline npm cache writes them (scripts/offline/npm-cache.ts).
 *
 * - **One build, `eh`** (WebAssembly exceptions: Chrome and Edge 95+, Firefox 100+, Safari 15.2+, every browser
 *   a school or a town hall runs). Framework 1.13 copies the `mvp` files to dist/ whatever `duckdb.platforms`
 *   says (`getImplicitDownloads` in its `libraries.js`), so the cache holds a few-byte stub for each instead of
 *   their 40 MB. The config keeps both platforms: with `platforms: {mvp: false}`, Framework 1.13.4's
 *   `DuckDBClient` fails on its first query (its extension loader reads `bundles[platform].mainModule` for every
 *   platform, `mvp` included: "Cannot read properties of undefined (reading 'mainModule')", seen on /guide).
 *   DuckDB-Wasm's `selectBundle` picks `eh` in every browser that has WebAssembly exceptions; an older one gets
 *   the stub worker, whose error says why.
 * - **The eh worker compiles the WebAssembly from the real HTTP response.** DuckDB-Wasm wraps the response in
 *   `new Response(response.body.pipeThrough(progress))` to report download progress; a constructed response has
 *   no URL and no HTTP cache entry, so V8 cannot cache the compiled module and every visit compiles 35 MB again.
 *   The kit does not show that progress: the worker is patched to give `WebAssembly.instantiateStreaming` the
 *   fetched response itself.
 */

/** The DuckDB-Wasm builds the site ships (the other one's files are stubs). */
export const DUCKDB_PLATFORMS = {eh: true, mvp: false} as const;

/** What replaces a file of a build that is not shipped (Framework still copies it). */
const STUBS: Record<string, string | Uint8Array> = {
  // The smallest valid WebAssembly module (magic number and version, no section).
  "dist/duckdb-mvp.wasm": new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]),
  "dist/duckdb-browser-mvp.worker.js":
    'throw new Error("DuckDB-Wasm : ce site ne publie que la version eh (exceptions WebAssembly) ; ' +
    "ce navigateur est trop ancien pour l'atelier SQL\");\n"
};

/** The progress wrapper around the WebAssembly response in DuckDB-Wasm 1.29's browser worker (minified). */
const PROGRESS_WRAPPER =
  /return new Response\(\((\w)=(\w)\.body\)==null\?void 0:\1\.pipeThrough\((\w)\),\2\)/g;

/**
 * The eh worker with the WebAssembly compiled from the fetched response (see above).
 * @throws Error when the worker no longer has exactly one such wrapper (a DuckDB-Wasm upgrade changed it).
 */
export function patchEhWorker(source: string): string {
  const found = [...source.matchAll(PROGRESS_WRAPPER)];
  if (found.length !== 1)
    throw new Error(
      `Offline build: DuckDB-Wasm's eh worker has ${found.length} progress wrappers around its WebAssembly ` +
        "response (expected 1): update scripts/offline/duckdb-files.ts for this version."
    );
  return source.replace(PROGRESS_WRAPPER, (_, _body, response) => `return ${response}`);
}

/**
 * The content the npm cache writes for a static file of `@duckdb/duckdb-wasm` (`path` inside the package), or
 * undefined to copy the installed file as it is.
 */
export function duckdbFileContent(path: string, read: () => string): string | Uint8Array | undefined {
  if (!DUCKDB_PLATFORMS.mvp && path in STUBS) return STUBS[path];
  if (path === "dist/duckdb-browser-eh.worker.js") return patchEhWorker(read());
  return undefined;
}
