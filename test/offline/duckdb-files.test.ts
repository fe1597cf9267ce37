import {readFileSync} from "node:fs";
import {join, resolve} from "node:path";
import {describe, expect, it} from "vitest";
import {DUCKDB_PLATFORMS, duckdbFileContent, patchEhWorker} from "../../scripts/offline/duckdb-files.ts";

const installed = join(
  resolve(import.meta.dirname, "..", ".."),
  "node_modules",
  "@duckdb",
  "duckdb-wasm",
  "dist"
);

describe("patchEhWorker(source)", () => {
  it("gives instantiateStreaming the fetched response instead of a constructed one", () => {
    const source = readFileSync(join(installed, "duckdb-browser-eh.worker.js"), "utf-8");
    const patched = patchEhWorker(source);
    expect(source).toContain("return new Response((g=c.body)==null?void 0:g.pipeThrough(m),c)");
    expect(patched).not.toContain("pipeThrough(m),c)");
    expect(patched).toContain("m=new TransformStream(p);return c})()");
    expect(patched.length).toBe(
      source.length - "new Response((g=c.body)==null?void 0:g.pipeThrough(m),)".length
    );
  });

  it("fails loudly when the worker no longer has the wrapper (a DuckDB-Wasm upgrade)", () => {
    expect(() => patchEhWorker("WebAssembly.instantiateStreaming(fetch(url))")).toThrow(
      /0 progress wrappers/
    );
  });
});

describe("duckdbFileContent(path)", () => {
  it("answers the mvp files, which Framework copies whatever the config, with stubs", () => {
    expect(DUCKDB_PLATFORMS).toEqual({eh: true, mvp: false});
    const wasm = new Uint8Array(duckdbFileContent("dist/duckdb-mvp.wasm", () => "") as Uint8Array);
    expect(WebAssembly.validate(wasm)).toBe(true);
    expect(wasm.length).toBe(8);
    expect(String(duckdbFileContent("dist/duckdb-browser-mvp.worker.js", () => ""))).toMatch(/version eh/);
  });

  it("copies the eh WebAssembly as it is", () => {
    expect(duckdbFileContent("dist/duckdb-eh.wasm", () => "")).toBeUndefined();
  });
});
