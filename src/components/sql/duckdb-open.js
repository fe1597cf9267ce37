/**
 * Opens a DuckDB-Wasm database as Framework's `DuckDBClient.of()` does (same bundles from Framework's npm cache,
 * same query options, extension autoloading off through the kit's patched bundle), but creates the worker at
 * once, before the DuckDB-Wasm and Apache Arrow modules are loaded: the worker's script (760 kB) is fetched and
 * compiled while they load, and the WebAssembly download (35 MB) starts as soon as they are ready. With
 * `DuckDBClient.of()`, the worker script is only fetched once those modules have loaded.
 */

/** The one build the site ships, "eh" (scripts/offline/duckdb-files.ts: its worker is patched there). */
const BUNDLE = {
  mainModule: import.meta.resolve("npm:@duckdb/duckdb-wasm/dist/duckdb-eh.wasm"),
  mainWorker: import.meta.resolve("npm:@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js")
};

/** DuckDB-Wasm's own probe for WebAssembly exceptions (its `selectBundle` picks the "eh" build with them). */
const EXCEPTIONS_PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 10, 8, 1, 6, 0, 6, 64, 25, 11, 11
]);

/** The query options Framework's DuckDBClient sets by default (results as numbers and dates). */
const CONFIG = {query: {castTimestampToDate: true, castBigIntToDouble: true}};

/** A database started by {@link startDuckDB}, not yet taken by {@link openDuckDB}. */
let early = null;
/** Whether the page already opened a database (then starting one early would be a second, unused engine). */
let opened = false;

/**
 * Starts a database.
 * @returns {{client: Promise<{_db: any, query: (sql: string) => Promise<any>}>, started: Promise<void>}} `client`
 *   resolves to a client shaped like Framework's DuckDBClient as far as the workshop uses it (`_db`, the
 *   AsyncDuckDB, and `query(sql)`, an Apache Arrow table); `started` once the worker was asked to download and
 *   instantiate the WebAssembly (a page may wait for it before loading other heavy code).
 */
export function openDuckDB() {
  const started = early;
  early = null;
  opened = true;
  return started ?? openNew();
}

/**
 * Starts a database from `duckdb-start.js`, an `async` module script of the page, which does not wait for
 * Framework's runtime and the page's modules (measured: it may still run just after them). The page's first
 * {@link openDuckDB} call takes this database instead of starting another one; if that call came first (the
 * script loaded late), nothing is started.
 */
export function startDuckDB() {
  if (!opened) early ??= openNew();
}

function openNew() {
  if (!WebAssembly.validate(EXCEPTIONS_PROBE))
    throw new Error(
      "Ce navigateur ne gère pas les exceptions WebAssembly (Chrome ou Edge 95+, Firefox 100+, Safari 15.2+) : l'atelier SQL ne peut pas démarrer."
    );
  const bundle = BUNDLE;
  const worker = new Worker(bundle.mainWorker);
  const db = import("npm:@duckdb/duckdb-wasm").then(
    (duckdb) => new duckdb.AsyncDuckDB(new duckdb.ConsoleLogger(duckdb.LogLevel.WARNING), worker)
  );
  const instantiated = db.then((db) => db.instantiate(bundle.mainModule));
  const client = instantiated.then(async () => {
    const database = await db;
    await database.open(CONFIG);
    return {
      _db: database,
      async query(sql) {
        const connection = await database.connect();
        try {
          return await connection.query(sql);
        } finally {
          await connection.close();
        }
      }
    };
  });
  return {client, started: db.then(() => {})};
}
