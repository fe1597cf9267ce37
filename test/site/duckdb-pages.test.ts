import {describe, expect, it} from "vitest";
import {isDuckDBRequest, mayLoadDuckDB} from "../e2e/duckdb-pages.ts";

describe("isDuckDBRequest(url)", () => {
  it("recognises DuckDB-Wasm's module, worker and WebAssembly, and the modules that open it", () => {
    const origin = "http://127.0.0.1:4000";
    expect(isDuckDBRequest(`${origin}/_npm/@duckdb/duckdb-wasm@1.29.0/dist/duckdb-eh.wasm`)).toBe(true);
    expect(isDuckDBRequest(`${origin}/_npm/@duckdb/duckdb-wasm@1.29.0/a1b2c3d4.js`)).toBe(true);
    expect(isDuckDBRequest(`${origin}/_observablehq/stdlib/duckdb.5f0e2a1b.js`)).toBe(true);
    expect(isDuckDBRequest(`${origin}/_import/components/sql/duckdb-open.0a1b2c3d.js`)).toBe(true);
  });
  it("ignores other files, and a query string that merely mentions DuckDB", () => {
    expect(isDuckDBRequest("http://127.0.0.1:4000/_npm/d3@7.9.0/80488f9b.js")).toBe(false);
    expect(isDuckDBRequest("http://127.0.0.1:4000/atelier?sql=SELECT%20'duckdb'")).toBe(false);
    expect(isDuckDBRequest("http://127.0.0.1:4000/_file/data/donnees/communes.e2d594bd.arrow")).toBe(false);
  });
});

describe("mayLoadDuckDB(path)", () => {
  it("allows the pages where a person writes SQL and no other", () => {
    expect(mayLoadDuckDB("/atelier")).toBe(true);
    expect(mayLoadDuckDB("/guide")).toBe(true);
    expect(mayLoadDuckDB("/")).toBe(false);
    expect(mayLoadDuckDB("/donnees/communes")).toBe(false);
    expect(mayLoadDuckDB("/defis/tres-haut-debit")).toBe(false);
    expect(mayLoadDuckDB("/indicateurs")).toBe(false);
    expect(mayLoadDuckDB("/tableau-de-bord")).toBe(false);
  });
});
