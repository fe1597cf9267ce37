import {mkdtemp, readdir, readFile, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterEach, describe, expect, it} from "vitest";
import type {DatasetMeta} from "../../../loaders/core/meta.ts";
import {writeOutputFolder} from "../../../loaders/core/outputs.ts";
import {tableFromRows} from "../../../loaders/core/table.ts";

const columns = [{name: "code_commune", type: "code" as const}];
const table = tableFromRows(columns, [{code_commune: "01001"}, {code_commune: "2A004"}]);
const meta = (rows: number): DatasetMeta => ({
  id: "essai",
  title: "Essai",
  producer: "kit",
  licence: "-",
  vintage: "-",
  source: {portal: "fichier local", file: "essai.csv"},
  retrieved: "2026-12-02T00:00:00.000Z",
  sha256: null,
  size: null,
  rows,
  columns: [],
  status: "réel",
  parts: []
});

const folders: string[] = [];
afterEach(async () => {
  for (const folder of folders.splice(0)) await rm(folder, {recursive: true, force: true});
});

async function existingFolder(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), "kit-outputs-"));
  folders.push(root);
  const dir = join(root, "essai");
  await writeOutputFolder(dir, [{name: "essai", table}], meta(1));
  await writeFile(join(dir, "marque.txt"), "ancienne version");
  return dir;
}

describe("writeOutputFolder(dir, tables, meta)", () => {
  it("writes the tables while the meta is still computed, then the meta", async () => {
    const dir = await existingFolder();
    let resolve!: (m: DatasetMeta) => void;
    const later = new Promise<DatasetMeta>((r) => (resolve = r));
    const writing = writeOutputFolder(dir, [{name: "essai", table}], later);
    setTimeout(() => resolve(meta(2)), 20);
    await writing;
    expect((await readdir(dir)).sort()).toEqual(["essai.arrow", "essai.meta.json", "essai.parquet"]);
    expect(JSON.parse(await readFile(join(dir, "essai.meta.json"), "utf8")).rows).toBe(2);
  });

  it("leaves the folder as it was when the meta fails", async () => {
    const dir = await existingFolder();
    const failing = Promise.reject(new Error("rapport COG impossible"));
    await expect(writeOutputFolder(dir, [{name: "essai", table}], failing)).rejects.toThrow(
      "rapport COG impossible"
    );
    expect(await readFile(join(dir, "marque.txt"), "utf8")).toBe("ancienne version");
    expect(JSON.parse(await readFile(join(dir, "essai.meta.json"), "utf8")).rows).toBe(1);
    expect((await readdir(join(dir, ".."))).filter((f) => f.includes(".tmp-"))).toEqual([]);
  });
});
