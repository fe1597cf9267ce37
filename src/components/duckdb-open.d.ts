/**
 * Starts a DuckDB-Wasm database as Framework's `DuckDBClient.of()` does, creating its worker at once. `client`
 * resolves to `{_db, query}` (the AsyncDuckDB, and a query returning an Apache Arrow table); `started` once the
 * worker was asked to download and instantiate DuckDB's WebAssembly.
 */
export function openDuckDB(): {
  client: Promise<{_db: any; query: (sql: string) => Promise<any>}>;
  started: Promise<void>;
};
