import {mkdtemp, readFile, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import iconv from "iconv-lite";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {headerNames, prepareDuckCsv} from "../../../loaders/core/heavy-csv.ts";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "kit-heavy-csv-"));
});
afterAll(async () => {
  await rm(dir, {recursive: true, force: true});
});

/** Writes `bytes` as a source file and a fresh scratch folder for it; returns both paths. */
async function source(name: string, bytes: Uint8Array | string): Promise<{path: string; scratch: string}> {
  const path = join(dir, name);
  await writeFile(path, bytes);
  const scratch = await mkdtemp(join(dir, "scratch-"));
  return {path, scratch};
}

describe("the header names of a large CSV", () => {
  it("are trimmed, without BOM, quotes read as CSV", () => {
    expect(headerNames('\uFEFF code ;"nom; commune"; pop ', ";")).toEqual(["code", "nom; commune", "pop"]);
  });

  it("rename a repeated name in all but its last occurrence", () => {
    expect(headerNames("code,valeur,valeur,valeur", ",")).toEqual([
      "code",
      "valeur (2)",
      "valeur (3)",
      "valeur"
    ]);
  });
});

describe("preparing a large CSV for DuckDB", () => {
  it("reads plain UTF-8 in place, separator and header found", async () => {
    const {path, scratch} = await source("plain.csv", "code;nom\n01001;L'Abergement\n");
    const csv = await prepareDuckCsv(path, {}, scratch);
    expect(csv).toEqual({path, read: {kind: "csv", delimiter: ";", skipLines: 0, columns: ["code", "nom"]}});
  });

  it("copies a file with a BOM without it, so the first name is exact", async () => {
    const {path, scratch} = await source("bom.csv", "\uFEFFcode,nom\n01001,Ambérieu\n");
    const csv = await prepareDuckCsv(path, {}, scratch);
    expect(csv.path).not.toBe(path);
    expect(csv.read.columns).toEqual(["code", "nom"]);
    expect(await readFile(csv.path, "utf8")).toBe("code,nom\n01001,Ambérieu\n");
  });

  it("transcodes Windows-1252 to a UTF-8 copy", async () => {
    const {path, scratch} = await source(
      "latin.csv",
      iconv.encode("code;libellé\n01001;Cœur €\n", "win1252")
    );
    const csv = await prepareDuckCsv(path, {}, scratch);
    expect(csv.read.columns).toEqual(["code", "libellé"]);
    expect(await readFile(csv.path, "utf8")).toBe("code;libellé\n01001;Cœur €\n");
  });

  it("skips a disclaimer above the header when told to look for it", async () => {
    const {path, scratch} = await source(
      "arcep.csv",
      "Données ARCEP, usage libre\ncode_insee|locaux\n01001|120\n"
    );
    const csv = await prepareDuckCsv(path, {skipLines: "auto", headerHints: ["code_insee"]}, scratch);
    expect(csv.read).toMatchObject({skipLines: 1, delimiter: "|", columns: ["code_insee", "locaux"]});
  });

  it("keeps a declared separator", async () => {
    const {path, scratch} = await source("tab.csv", "a;b\tc\n1;2\t3\n");
    const csv = await prepareDuckCsv(path, {delimiter: "\t"}, scratch);
    expect(csv.read.columns).toEqual(["a;b", "c"]);
  });

  it("refuses an HTML page saved in place of the data", async () => {
    const {path, scratch} = await source("page.csv", "<!doctype html><html><body>Erreur</body></html>");
    await expect(prepareDuckCsv(path, {}, scratch)).rejects.toThrow(/page HTML/);
  });
});
