import {readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {cacheControl} from "../../scripts/serve.ts";

const hosting = join(import.meta.dirname, "..", "..", "scripts", "hosting");
const FOLDERS = ["_npm", "_observablehq", "_import", "_file"];

describe("scripts/hosting: the host settings copied into dist/", () => {
  it("the kit's server keeps exactly these folders a year", () => {
    for (const folder of FOLDERS) expect(cacheControl(`/${folder}/x.js`)).toMatch(/immutable/);
  });

  it(".htaccess keeps the same folders a year, revalidates pages, types and compresses WebAssembly", () => {
    const htaccess = readFileSync(join(hosting, "htaccess"), "utf-8");
    expect(htaccess).toContain(`m#/_(${FOLDERS.map((f) => f.slice(1)).join("|")})/#`);
    expect(htaccess).toContain('Header set Cache-Control "public, max-age=31536000, immutable"');
    expect(htaccess).toContain('Header set Cache-Control "no-cache"');
    expect(htaccess).toMatch(/AddType application\/wasm \.wasm/);
    expect(htaccess).toMatch(/DEFLATE .*application\/wasm/);
  });

  it("web.config gives IIS every file type of the site and the same caching", () => {
    const config = readFileSync(join(hosting, "web.config"), "utf-8");
    for (const extension of [".wasm", ".arrow", ".parquet", ".topojson", ".json"])
      expect(config).toContain(`<mimeMap fileExtension="${extension}"`);
    for (const folder of FOLDERS)
      expect(config).toMatch(
        new RegExp(
          `<location path="${folder}">[^]*?cacheControlMaxAge="365\\.00:00:00" cacheControlCustom="public, immutable"`
        )
      );
    expect(config).toContain('<clientCache cacheControlMode="DisableCache" />');
  });
});
