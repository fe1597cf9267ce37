/**
 * A DuckDB-Wasm database over the kit's catalogue, loaded lazily: the database starts only when the first query
 * runs (or `warm` is called), and a table's Arrow file is downloaded and ingested only when a query names it.
 * No DuckDB extension is ever needed (Arrow IPC streams are read natively). After a failed query the database
 * stays usable; after a query that crashes DuckDB-Wasm itself (a WebAssembly trap), the broken database is
 * thrown away and a fresh one is opened, whose tables are loaded again when a query names them.
 */
import {openDuckDB} from "./duckdb-open.js";
import {referencedTables, sqlTableName} from "./sql-tables.js";

/** Messages of WebAssembly traps and engine failures after which DuckDB-Wasm's memory can't be trusted. */
const CRASH =
  /memory access out of bounds|null function|unreachable|table index is out of bounds|function signature mismatch|call stack|Aborted\(|duckdb is not initialized/i;

/**
 * Whether an error comes from a crash of the DuckDB-Wasm engine (a WebAssembly trap such as "memory access out
 * of bounds"), after which the database must be reopened, rather than from a SQL error. Pure.
 * @param {unknown} error
 */
export function isEngineCrash(error) {
  if (!error) return false;
  const name = /** @type {{name?: unknown}} */ (error).name;
  if (name === "RuntimeError" || name === "RangeError") return true;
  return CRASH.test(String(error instanceof Error ? error.message : error));
}

/** DuckDB's own errors ("Parser Error: …", "Catalog Error: …"): the database is fine after them. */
const SQL_ERROR = /^[A-Z][A-Za-z ]* Error: /;

/** A catalog error saying that a table is missing (e.g. a catalogue table dropped by a query). */
const MISSING_TABLE = /Table with name [^\s]+ does not exist|Table [^\s]+ does not exist/i;

/**
 * @param {object} options
 * @param {{of: () => Promise<any>}} [options.DuckDBClient] Framework's DuckDBClient (the page's global); without
 *   it, the database is opened by {@link openDuckDB}, which starts DuckDB-Wasm's worker sooner
 * @param {Record<string, () => {arrayBuffer: () => Promise<ArrayBuffer>}>} options.files served name → Arrow file
 * @param {string[]} [options.names] the served names offered (default: every key of `files`)
 */
export function catalogueDatabase({DuckDBClient, files, names = Object.keys(files)}) {
  /**
   * The open database: its client, one connection reused by every query (connecting costs a round trip to the
   * worker), and the served names loaded (or being loaded) into it.
   * @type {{client: Promise<any>, started: Promise<void>, connection?: Promise<any>, tables: Map<string, Promise<void>>} | null}
   */
  let session = null;
  const timings = [];

  const start = () => (DuckDBClient ? {client: DuckDBClient.of(), started: Promise.resolve()} : openDuckDB());
  const open = () => (session ??= {...start(), tables: new Map()});

  // Downloads start before DuckDB is ready (both take seconds on a first query); each file is fetched once.
  const downloads = new Map();
  const download = (name) => {
    if (!downloads.has(name))
      downloads.set(
        name,
        files[name]()
          .arrayBuffer()
          .catch((error) => {
            downloads.delete(name);
            throw error;
          })
      );
    return downloads.get(name);
  };

  async function ingest(db, name) {
    const started = performance.now();
    const buffer = new Uint8Array(await download(name));
    downloads.delete(name); // the buffer is handed over to the worker
    const table = sqlTableName(name);
    const connection = await db._db.connect();
    try {
      await connection.insertArrowFromIPCStream(buffer, {name: table, schema: "main", create: true});
      if (table !== name)
        await connection.query(`CREATE OR REPLACE VIEW "${name}" AS SELECT * FROM ${table}`);
    } catch (error) {
      await connection.query(`DROP TABLE IF EXISTS ${table}`).catch(() => {});
      throw error;
    } finally {
      await connection.close();
    }
    timings.push({table: name, ms: performance.now() - started});
  }

  /** Loads the served tables into the session's database, each once (even under concurrent calls). */
  async function load(current, wanted) {
    if (!wanted.length) return current.client;
    // Tables not yet loaded are fetched while DuckDB starts.
    for (const name of wanted) if (!current.tables.has(name)) download(name).catch(() => {});
    const db = await current.client;
    await Promise.all(
      wanted.map((name) => {
        if (!current.tables.has(name)) {
          const loading = ingest(db, name);
          current.tables.set(name, loading);
          loading.catch(() => current.tables.get(name) === loading && current.tables.delete(name));
        }
        return current.tables.get(name);
      })
    );
    return db;
  }

  async function existing(db) {
    const rows = await db.query(
      "SELECT table_name FROM duckdb_tables() UNION ALL SELECT view_name FROM duckdb_views()"
    );
    return new Set(Array.from(rows, (r) => r.table_name));
  }

  /** Forgets the loaded tables that a query dropped, so that they are loaded again. */
  async function forgetDropped(current, db) {
    const present = await existing(db);
    for (const name of current.tables.keys())
      if (!present.has(sqlTableName(name))) current.tables.delete(name);
  }

  /** Throws the session away (terminating its worker), so that the next query opens a fresh database. */
  function discard(current) {
    if (session === current) session = null;
    current.client.then((db) => db._db?.terminate?.()).catch(() => {});
  }

  async function run(current, db, sql) {
    current.connection ??= db._db.connect();
    const connection = await current.connection;
    return connection.query(sql);
  }

  async function query(sql, retried = false) {
    const current = open();
    const wanted = referencedTables(sql, names);
    let db;
    try {
      db = await load(current, wanted);
      return await run(current, db, sql);
    } catch (error) {
      const sqlError = SQL_ERROR.test(String(/** @type {Error} */ (error)?.message));
      if (isEngineCrash(error) || (db && !sqlError && !(await healthy(current, db)))) {
        discard(current);
        open(); // the fresh database starts now, while the user reads the message
        throw Object.assign(error instanceof Error ? error : new Error(String(error)), {databaseReset: true});
      }
      if (
        !retried &&
        db &&
        MISSING_TABLE.test(String(/** @type {Error} */ (error)?.message)) &&
        wanted.length
      ) {
        await forgetDropped(current, db);
        if (wanted.some((name) => !current.tables.has(name))) return query(sql, true);
      }
      throw error;
    }
  }

  /** Whether the database still answers after an error that does not look like a SQL error. */
  async function healthy(current, db) {
    try {
      await run(current, db, "SELECT 1");
      return true;
    } catch {
      return false;
    }
  }

  return {
    /** The served names offered. */
    names,
    /** How long each table took to fetch and ingest (ms), in load order. */
    timings,
    /**
     * Loads the tables the query names, then runs it; resolves to an Apache Arrow table. When the query crashed
     * DuckDB-Wasm, the error has `databaseReset: true` and a fresh database is already starting.
     */
    query,
    /**
     * Starts DuckDB now (its WebAssembly takes seconds to compile), for a page that will query at once; given
     * that first query, also starts downloading the tables it names. Resolves once DuckDB's WebAssembly is on
     * its way (never rejects: the first query reports any failure).
     * @param {string} [sql]
     * @returns {Promise<void>}
     */
    warm(sql) {
      const current = open();
      current.client.catch(() => {});
      if (sql) for (const name of referencedTables(sql, names)) download(name).catch(() => {});
      return current.started.catch(() => {});
    },
    /** Loads the given served tables (e.g. before showing their row counts). */
    ensure: (wanted) => load(open(), wanted),
    /** The tables already in the database (SQL names). */
    async loaded() {
      return session ? existing(await session.client) : new Set();
    }
  };
}
