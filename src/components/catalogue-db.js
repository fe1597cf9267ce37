/**
 * A DuckDB-Wasm database over the kit's catalogue, loaded lazily: the database starts only when the first query
 * runs, and a table's Arrow file is downloaded and ingested only when a query names it. No DuckDB extension is
 * ever needed (Arrow IPC streams are read natively). After a failed query the database stays usable.
 */
import {referencedTables, sqlTableName} from "./sql-tables.js";

/**
 * @param {object} options
 * @param {{of: () => Promise<any>}} options.DuckDBClient Framework's DuckDBClient (the page's global)
 * @param {Record<string, () => {arrayBuffer: () => Promise<ArrayBuffer>}>} options.files served name → Arrow file
 * @param {string[]} [options.names] the served names offered (default: every key of `files`)
 */
export function catalogueDatabase({DuckDBClient, files, names = Object.keys(files)}) {
  let client;
  const pending = new Map();
  const timings = [];

  const open = () => (client ??= DuckDBClient.of());

  async function existing(db) {
    const rows = await db.query(
      "SELECT table_name FROM duckdb_tables() UNION ALL SELECT view_name FROM duckdb_views()"
    );
    return new Set(Array.from(rows, (r) => r.table_name));
  }

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
    downloads.delete(name);
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

  /** Makes sure the served tables are in the database (loading each one once, even under concurrent calls). */
  async function ensure(wanted) {
    if (!client) for (const name of wanted) download(name).catch(() => {});
    const db = await open();
    const present = await existing(db);
    await Promise.all(
      wanted
        .filter((name) => !present.has(sqlTableName(name)))
        .map((name) => {
          if (!pending.has(name))
            pending.set(
              name,
              ingest(db, name).finally(() => pending.delete(name))
            );
          return pending.get(name);
        })
    );
    return db;
  }

  return {
    /** The served names offered. */
    names,
    /** How long each table took to fetch and ingest (ms), in load order. */
    timings,
    /** Loads the tables the query names, then runs it; resolves to an Apache Arrow table. */
    async query(sql) {
      const db = await ensure(referencedTables(sql, names));
      return db.query(sql);
    },
    /** Starts DuckDB now (its WebAssembly takes seconds to compile), for a page that will query at once. */
    warm() {
      open().catch(() => {});
    },
    /** Loads the given served tables (e.g. before showing their row counts). */
    ensure,
    /** The tables already in the database (SQL names). */
    async loaded() {
      return client ? existing(await client) : new Set();
    }
  };
}
