/**
 * Which pages may load DuckDB-Wasm (issue #12: DuckDB-Wasm only where a person writes SQL). The e2e run fails
 * when any other page requests a DuckDB-Wasm file; `npm run bench -- pages` reports the same flag.
 */

/** The pages where a person writes SQL: the workshop, and the guide that shows the ```sql idiom. */
export const SQL_PAGES: readonly string[] = ["/atelier", "/guide"];

/**
 * Pages that still run DuckDB-Wasm while they are moved to build-time aggregates (the dashboards branch). Drop
 * each one from this list when that change is merged: from then on, the e2e run fails if it loads DuckDB again.
 */
export const DUCKDB_PENDING: readonly string[] = [];

/** Whether a page (URL path, as test/e2e/run.ts lists them) may request DuckDB-Wasm files. */
export function mayLoadDuckDB(path: string): boolean {
  return SQL_PAGES.includes(path) || DUCKDB_PENDING.includes(path);
}

/**
 * Whether a requested URL is a DuckDB-Wasm file or a module that loads one: the package's files under
 * `/_npm/@duckdb/` (module, worker, WebAssembly), Framework's `DuckDBClient` (`/_observablehq/stdlib/duckdb…`)
 * and the kit's own openers (`/_import/components/sql/duckdb-…`).
 */
export function isDuckDBRequest(url: string): boolean {
  const path = new URL(url, "http://localhost").pathname;
  return /\/_npm\/@duckdb\/|\/stdlib\/duckdb|\/components\/sql\/duckdb-/.test(path);
}
