import {DuckDBInstance} from "@duckdb/node-api";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {explainSqlError} from "../../../src/components/sql/sql-errors.js";

/** Real DuckDB messages (same engine family as DuckDB-Wasm), so the patterns follow DuckDB's wording. */
describe("explainSqlError on DuckDB's own messages", () => {
  let connection: Awaited<ReturnType<DuckDBInstance["connect"]>>;
  const messageOf = async (sql: string) => {
    try {
      await connection.run(sql);
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error(`no error for ${sql}`);
  };
  const tables = ["communes", "pauvrete"];
  beforeAll(async () => {
    connection = await (await DuckDBInstance.create(":memory:")).connect();
    await connection.run("CREATE TABLE communes AS SELECT '01001' AS code, 10 AS population");
  });
  afterAll(() => connection.closeSync());

  it("unknown table: names it and lists the tables", async () => {
    const e = explainSqlError(await messageOf("SELECT * FROM commune"), {tables});
    expect(e.kind).toBe("table");
    expect(e.message).toBe("table inconnue : commune — tables disponibles : communes, pauvrete");
    expect(e.hint).toContain("« communes »");
    expect(e.line).toBe(1);
    expect("SELECT * FROM commune".slice(e.column)).toMatch(/^commune/);
  });
  it("unknown column: names it and the close ones", async () => {
    const e = explainSqlError(await messageOf("SELECT popu FROM communes"), {tables});
    expect(e.kind).toBe("column");
    expect(e.message).toBe("colonne inconnue : popu");
    expect(e.hint).toContain("population");
  });
  it("syntax error near a word, and at the end of the query", async () => {
    expect(explainSqlError(await messageOf("SELEC 1")).message).toBe("erreur de syntaxe près de « SELEC »");
    const end = explainSqlError(await messageOf("SELECT * FROM communes WHERE"));
    expect(end.kind).toBe("syntax");
    expect(end.message).toMatch(/s'arrête trop tôt/);
  });
  it("functions, types, GROUP BY and ambiguous columns", async () => {
    expect(explainSqlError(await messageOf("SELECT foo(1)")).message).toBe("fonction inconnue : foo");
    expect(explainSqlError(await messageOf("SELECT sum(code) FROM communes")).kind).toBe("type");
    const group = explainSqlError(await messageOf("SELECT code, count(*) FROM communes"));
    expect(group.message).toMatch(/^la colonne code doit figurer dans GROUP BY/);
    const ambiguous = explainSqlError(
      await messageOf("SELECT code FROM communes c JOIN communes d ON c.code = d.code")
    );
    expect(ambiguous.kind).toBe("ambiguous");
    expect(ambiguous.hint).toContain("c.code");
  });
  it("keeps DuckDB's message whole and drops the error class from unknown ones", () => {
    const e = explainSqlError(new Error("Out of Memory Error: failed to allocate"));
    expect(e).toMatchObject({
      kind: "other",
      message: "failed to allocate",
      original: "Out of Memory Error: failed to allocate"
    });
  });
});

describe("explainSqlError on DuckDB-Wasm's offline messages", () => {
  it("explains a missing extension (autoload off) without suggesting a download", () => {
    const e = explainSqlError(
      "Catalog Error: Table Function with name read_parquet is not in the catalog, but it exists in the parquet extension.",
      {tables: ["communes"]}
    );
    expect(e.kind).toBe("extension");
    expect(e.message).toContain("read_parquet");
    expect(e.hint).toContain("communes");
  });
});

describe("explainSqlError after a crash of DuckDB-Wasm", () => {
  it("says that the engine crashed and that a fresh database was opened", () => {
    const crash = Object.assign(new Error("memory access out of bounds"), {databaseReset: true});
    const e = explainSqlError(crash, {tables: ["communes"]});
    expect(e.kind).toBe("crash");
    expect(e.message).toMatch(/planter/);
    expect(e.hint).toMatch(/nouvelle base/);
    expect(e.original).toBe("memory access out of bounds");
  });
  it("keeps an ordinary message of the same text as it is when the database was not reset", () => {
    expect(explainSqlError(new Error("memory access out of bounds")).kind).toBe("other");
  });
});
