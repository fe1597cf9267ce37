import {mkdirSync, mkdtempSync, readFileSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import JSZip from "jszip";
import {describe, expect, it} from "vitest";
import {ZIP_FOLDER, zipDist} from "../../scripts/dist-zip.ts";

describe("zipDist(dist, target)", () => {
  it("writes every file of the site, hidden ones included, inside one folder", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kit-zip-"));
    const dist = join(dir, "dist");
    mkdirSync(join(dist, "defis"), {recursive: true});
    writeFileSync(join(dist, "index.html"), "<h1>Kit</h1>");
    writeFileSync(join(dist, "defis", "fibre.html"), "<h1>Fibre</h1>");
    writeFileSync(join(dist, ".htaccess"), "DirectoryIndex index.html\n");
    expect(await zipDist(dist, join(dir, "dist.zip"))).toBe(3);
    const zip = await JSZip.loadAsync(readFileSync(join(dir, "dist.zip")));
    const files = Object.values(zip.files)
      .filter((f) => !f.dir)
      .map((f) => f.name);
    expect(files.sort()).toEqual(
      [".htaccess", "defis/fibre.html", "index.html"].map((f) => `${ZIP_FOLDER}/${f}`).sort()
    );
    expect(await zip.file(`${ZIP_FOLDER}/defis/fibre.html`)!.async("string")).toBe("<h1>Fibre</h1>");
  });

  it("says to build first when there is no built site", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kit-zip-"));
    await expect(zipDist(join(dir, "dist"), join(dir, "dist.zip"))).rejects.toThrow(/npm run build/);
  });
});
