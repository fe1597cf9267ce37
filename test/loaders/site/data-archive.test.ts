import JSZip from "jszip";
import {tableFromIPC} from "apache-arrow";
import {describe, expect, it} from "vitest";
import {DATASETS} from "../../../loaders/registry.ts";
import {
  parseServedName,
  SAMPLE_ROWS,
  servedArrow,
  servedMeta,
  servedNames,
  siteArchive
} from "../../../loaders/site/data-archive.ts";

describe("served tables", () => {
  it("serves every dataset and each derived part under its own name", () => {
    const names = servedNames();
    for (const d of DATASETS) expect(names).toContain(d.id);
    for (const d of DATASETS) for (const p of d.parts ?? []) expect(names).toContain(`${d.id}-${p.suffix}`);
    expect(parseServedName("communes")).toEqual({id: "communes"});
    expect(() => parseServedName("inconnu")).toThrow(/inconnu/);
  });

  it("describes a derived part with its own columns and row count", async () => {
    const part = DATASETS.find((d) => d.parts?.length)!;
    const name = `${part.id}-${part.parts![0]!.suffix}`;
    const meta = await servedMeta(name);
    expect(meta.parent).toBe(part.id);
    expect(meta.columns.map((c) => c.name)).toEqual(part.parts![0]!.columns.map((c) => c.name));
    expect(meta.rows).toBeGreaterThan(0);
  }, 60_000);

  it("packs metadata, sample and Parquet of every table plus the catalogue into one archive, no Arrow", async () => {
    const names = ["communes", "france-services"];
    const zip = await JSZip.loadAsync(await siteArchive(names));
    const catalogue = JSON.parse(await zip.file("catalogue.json")!.async("string"));
    expect(catalogue.map((m: {name: string}) => m.name)).toEqual(names);
    expect(Object.keys(zip.files).sort()).toEqual(
      [
        "catalogue.json",
        ...names.flatMap((n) => [`${n}.meta.json`, `${n}.sample.json`, `${n}.parquet`])
      ].sort()
    );
    const communes = tableFromIPC(await servedArrow("communes"));
    const meta = JSON.parse(await zip.file("communes.meta.json")!.async("string"));
    expect(communes.numRows).toBe(meta.rows);
    expect(typeof communes.get(0)!.toJSON().code).toBe("string");
    const sample = JSON.parse(await zip.file("communes.sample.json")!.async("string"));
    expect(sample).toHaveLength(SAMPLE_ROWS);
    expect(sample[0]).toEqual(communes.get(0)!.toJSON());
    const parquet = await zip.file("communes.parquet")!.async("uint8array");
    expect(new TextDecoder().decode(parquet.slice(0, 4))).toBe("PAR1");
  }, 120_000);
});
