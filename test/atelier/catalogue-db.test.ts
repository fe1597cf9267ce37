import {describe, expect, it} from "vitest";
import {catalogueDatabase} from "../../src/components/catalogue-db.js";

/** A stand-in for Framework's DuckDBClient recording what the workshop asks of it. */
function fakeDuckDB(options: {failInsert?: Set<string>} = {}) {
  const tables = new Set<string>();
  const log: string[] = [];
  let opened = 0;
  const connection = {
    async insertArrowFromIPCStream(_: Uint8Array, {name}: {name: string}) {
      if (options.failInsert?.has(name)) {
        options.failInsert.delete(name);
        throw new Error("Invalid IPC stream");
      }
      tables.add(name);
      log.push(`insert ${name}`);
    },
    async query(sql: string) {
      const view = /VIEW "([^"]+)"/.exec(sql);
      if (view) tables.add(view[1]!);
    },
    async close() {}
  };
  const client = {
    _db: {connect: async () => connection},
    async query(sql: string) {
      if (sql.includes("duckdb_tables()")) return [...tables].map((table_name) => ({table_name}));
      log.push(`query ${sql}`);
      return [{ok: true}];
    }
  };
  return {
    DuckDBClient: {
      of: async () => {
        opened++;
        return client;
      }
    },
    tables,
    log,
    opened: () => opened
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
    expect(duck.tables.has("fragilite-numerique-communes")).toBe(true);
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
});
