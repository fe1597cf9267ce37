/** A lazily loaded DuckDB-Wasm database over the catalogue tables. */
export interface CatalogueDatabase {
  /** The served names offered. */
  names: string[];
  /** Fetch + ingest time of each loaded table (ms), in load order. */
  timings: {table: string; ms: number}[];
  /**
   * Loads the tables the query names, then runs it; resolves to an Apache Arrow table. When the query crashed
   * DuckDB-Wasm, the error has `databaseReset: true` and a fresh database is already starting.
   */
  query(sql: string): Promise<any>;
  /**
   * Starts DuckDB now, for a page that will query at once; given that query, downloads the tables it names.
   * Resolves once DuckDB's WebAssembly is on its way (never rejects).
   */
  warm(sql?: string): Promise<void>;
  /** Loads the given served tables. */
  ensure(names: string[]): Promise<unknown>;
  /** SQL names of the tables and views already in the database. */
  loaded(): Promise<Set<string>>;
}
/** Opens (on first query) a DuckDB-Wasm database whose catalogue tables are loaded when a query names them. */
export function catalogueDatabase(options: {
  /** Framework's DuckDBClient; without it, the database is opened by `openDuckDB` (duckdb-open.js). */
  DuckDBClient?: {of: () => Promise<any>};
  files: Record<string, () => {arrayBuffer: () => Promise<ArrayBuffer>}>;
  names?: string[];
}): CatalogueDatabase;
/** Whether an error is a crash of the DuckDB-Wasm engine (a WebAssembly trap), not a SQL error. */
export function isEngineCrash(error: unknown): boolean;
