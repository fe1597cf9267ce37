/**
 * Starts a DuckDB-Wasm database as Framework's `DuckDBClient.of()` does, creating its worker at once. `client`
 * resolves to `{_db, query}` (the AsyncDuckDB, and a query returning an Apache Arrow table); `started` once the
 * worker was asked to download and instantiate DuckDB's WebAssembly.
 */
/**
 * Starts a database early, from the page's `async` module script `duckdb-start.js`; the page's first
 * {@link openDuckDB} call takes it instead of starting another one. Does nothing once a database was opened.
 */
export function startDuckDB(): void;
export function openDuckDB(): {
  client: Promise<{_db: any; query: (sql: string) => Promise<any>}>;
  started: Promise<void>;
};
