import {describe, expect, it} from "vitest";
import {catalogueDatabase, isEngineCrash} from "../../../src/components/sql/catalogue-db.js";

/** An error shaped like the ones DuckDB-Wasm's worker sends back (name and message). */
function workerError(name: string, message: string): Error {
  return Object.assign(new Error(message), {name});
}

/**
 * A stand-in for Framework's DuckDBClient recording what the workshop asks of it. Each `of()` opens a fresh
 * database; the query `CRASH` breaks it the way a WebAssembly trap does (every later call fails).
 */
function fakeDuckDB(options: {failInsert?: Set<string>} = {}) {
  const log: string[] = [];
  const databases: {tables: Set<string>; broken: boolean; terminated: boolean}[] = [];
  const current = () => databases.at(-1)!;
  function open() {
    const state = {tables: new Set<string>(), broken: false, terminated: false};
    databases.push(state);
    const connection = {
      async insertArrowFromIPCStream(_: Uint8Array, {name}: {name: string}) {
        if (state.broken) throw workerError("RuntimeError", "memory access out of bounds");
        if (options.failInsert?.has(name)) {
          options.failInsert.delete(name);
          throw new Error("Invalid IPC stream");
        }
        state.tables.add(name);
        log.push(`insert ${name}`);
      },
      async query(sql: string) {
        if (state.broken) throw workerError("RuntimeError", "memory access out of bounds");
        if (sql === "CRASH") {
          state.broken = true;
          throw workerError("RuntimeError", "null function");
        }
        const view = /VIEW "([^"]+)"/.exec(sql);
        if (view) state.tables.add(view[1]!);
        const drop = /^DROP TABLE (\w+)$/.exec(sql);
        if (drop) state.tables.delete(drop[1]!);
        const from = /FROM (\w+)/.exec(sql);
        if (from && !view && from[1] !== "range" && !state.tables.has(from[1]!))
          throw workerError("Error", `Catalog Error: Table with name ${from[1]} does not exist!`);
        log.push(`query ${sql}`);
        return [{ok: true}];
      },
      async close() {}
    };
    return {
      _db: {
        connect: async () => connection,
        terminate: async () => {
          state.terminated = true;
        }
      },
      async query(sql: string) {
        if (sql.includes("duckdb_tables()")) return [...state.tables].map((table_name) => ({table_name}));
        return connection.query(sql);
      }
    };
  }
  return {
    DuckDBClient: {of: async () => open()},
    tables: () => current().tables,
    databases,
    log,
    opened: () => databases.length
  };
}

function fakeFiles(names: string[]) {
  const fetched: string[] = [];
  const files = Object.fromEntries(
    names.map((n) => [
      n,
      () => ({
        arrayBuffer: async () => {
          fetched.push(n);
          return new ArrayBuffer(8);
        },
        url: async () => n
      })
    ])
  );
  return {files, fetched};
}

describe("catalogueDatabase", () => {
  it("opens DuckDB only at the first query and fetches no table for a query that names none", async () => {
    const duck = fakeDuckDB();
    const {files, fetched} = fakeFiles(["communes", "pauvrete"]);
    const db = catalogueDatabase({DuckDBClient: duck.DuckDBClient, files});
    expect(duck.opened()).toBe(0);
    await db.query("SELECT 6*7 AS x");
    expect(duck.opened()).toBe(1);
    expect(fetched).toEqual([]);
  });
  it("loads each named table once, even for concurrent queries, with a quoted hyphenated alias", async () => {
    const duck = fakeDuckDB();
    const {files, fetched} = fakeFiles(["communes", "fragilite-numerique-communes"]);
    const db = catalogueDatabase({DuckDBClient: duck.DuckDBClient, files});
    await Promise.all([
      db.query("SELECT * FROM fragilite_numerique_communes"),
      db.query('SELECT * FROM "fragilite-numerique-communes" JOIN communes USING (code)')
    ]);
    await db.query("SELECT count(*) FROM communes");
    expect(fetched.sort()).toEqual(["communes", "fragilite-numerique-communes"]);
    expect(duck.tables().has("fragilite-numerique-communes")).toBe(true);
    expect(duck.opened()).toBe(1);
  });
  it("a failed load fails that query only; the next query loads the table again", async () => {
    const duck = fakeDuckDB({failInsert: new Set(["communes"])});
    const {files, fetched} = fakeFiles(["communes"]);
    const db = catalogueDatabase({DuckDBClient: duck.DuckDBClient, files});
    await expect(db.query("SELECT * FROM communes")).rejects.toThrow(/IPC/);
    await expect(db.query("SELECT * FROM communes")).resolves.toBeDefined();
    expect(fetched).toEqual(["communes", "communes"]);
    expect(duck.log.at(-1)).toBe("query SELECT * FROM communes");
  });
  it("warm(sql) starts DuckDB and the downloads of the first query's tables before it runs", async () => {
    const duck = fakeDuckDB();
    const {files, fetched} = fakeFiles(["communes", "pauvrete"]);
    const db = catalogueDatabase({DuckDBClient: duck.DuckDBClient, files});
    db.warm("SELECT * FROM communes");
    expect(duck.opened()).toBe(1);
    await Promise.resolve();
    expect(fetched).toEqual(["communes"]);
    await db.query("SELECT * FROM communes");
    expect(fetched).toEqual(["communes"]);
    expect(duck.opened()).toBe(1);
  });
  it("a catalogue table dropped by a query is loaded again when a later query names it", async () => {
    const duck = fakeDuckDB();
    const {files, fetched} = fakeFiles(["communes"]);
    const db = catalogueDatabase({DuckDBClient: duck.DuckDBClient, files});
    await db.query("SELECT * FROM communes");
    await db.query("DROP TABLE communes");
    await expect(db.query("SELECT * FROM communes")).resolves.toBeDefined();
    expect(fetched).toEqual(["communes", "communes"]);
  });
  it("after a query that crashes DuckDB-Wasm, opens a fresh database and loads the tables again", async () => {
    const duck = fakeDuckDB();
    const {files, fetched} = fakeFiles(["communes"]);
    const db = catalogueDatabase({DuckDBClient: duck.DuckDBClient, files});
    await db.query("SELECT * FROM communes");
    const crash = await db.query("CRASH").catch((error: unknown) => error);
    expect(crash).toMatchObject({message: "null function", databaseReset: true});
    expect(duck.databases[0]!.terminated).toBe(true);
    expect(duck.opened()).toBe(2); // the fresh database starts at once
    await expect(db.query("SELECT * FROM communes")).resolves.toBeDefined();
    expect(fetched).toEqual(["communes", "communes"]);
    expect(duck.opened()).toBe(2);
  });
  it("a SQL error keeps the database and its tables", async () => {
    const duck = fakeDuckDB();
    const {files, fetched} = fakeFiles(["communes"]);
    const db = catalogueDatabase({DuckDBClient: duck.DuckDBClient, files});
    await db.query("SELECT * FROM communes");
    const error = await db.query("SELECT * FROM inconnue").catch((e: unknown) => e);
    expect(error).toMatchObject({message: expect.stringMatching(/^Catalog Error/)});
    expect((error as {databaseReset?: boolean}).databaseReset).toBeUndefined();
    await db.query("SELECT * FROM communes");
    expect(duck.opened()).toBe(1);
    expect(fetched).toEqual(["communes"]);
  });
});

describe("isEngineCrash", () => {
  it("tells WebAssembly traps from SQL errors", () => {
    expect(isEngineCrash(workerError("RuntimeError", "memory access out of bounds"))).toBe(true);
    expect(isEngineCrash(new Error("null function"))).toBe(true);
    expect(isEngineCrash(new RangeError("Maximum call stack size exceeded"))).toBe(true);
    expect(isEngineCrash(new Error('Parser Error: syntax error at or near "SELEC"'))).toBe(false);
    expect(isEngineCrash(new Error("Catalog Error: Table with name x does not exist!"))).toBe(false);
    expect(isEngineCrash(undefined)).toBe(false);
  });
});
