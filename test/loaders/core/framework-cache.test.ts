import {existsSync, mkdirSync, mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {invalidateFrameworkCache, loaderServesAll} from "../../../loaders/core/framework-cache.ts";

describe("invalidateFrameworkCache", () => {
  it("drops the site archive and its extracted members when any dataset changes", async () => {
    const site = mkdtempSync(join(tmpdir(), "site-"));
    const cache = join(site, ".observablehq", "cache");
    mkdirSync(join(site, "data"), {recursive: true});
    mkdirSync(join(cache, "data", "donnees"), {recursive: true});
    writeFileSync(
      join(site, "data", "donnees.zip.ts"),
      'import {siteArchive} from "../../../loaders/site/data-archive.ts";\n'
    );
    writeFileSync(join(site, "data", "autre.json.ts"), 'import {x} from "./x.ts";\n');
    writeFileSync(join(cache, "data", "donnees.zip"), "zip");
    writeFileSync(join(cache, "data", "donnees", "communes.arrow"), "arrow");
    writeFileSync(join(cache, "data", "autre.json"), "{}");
    await invalidateFrameworkCache(site, cache, "france-services");
    expect(existsSync(join(cache, "data", "donnees.zip"))).toBe(false);
    expect(existsSync(join(cache, "data", "donnees", "communes.arrow"))).toBe(false);
    expect(existsSync(join(cache, "data", "autre.json"))).toBe(true);
  });

  it("recognises loaders that serve every dataset by their import", () => {
    expect(loaderServesAll('import {siteArchive} from "../../../loaders/site/data-archive.ts";')).toBe(true);
    expect(loaderServesAll('import {guideRows} from "../../../loaders/site/guide-table.ts";')).toBe(false);
  });
});
