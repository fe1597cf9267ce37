/**
 * What the site's Framework data loaders print: for a served table name (`communes`, or a derived part such as
 * `fragilite-numerique-communes`), its Arrow bytes, metadata, CSV and Parquet, resolved through
 * {@link resolveDataset} (snapshot > cache > offline default). The loaders in `src/data/` are one call each.
 */
import {mkdtemp, readFile, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import JSZip from "jszip";
import {writeParquet} from "./core/duckdb.ts";
import type {SourceCheck} from "./core/dataset.ts";
import {metaColumns, type DatasetMeta} from "./core/meta.ts";
import type {ReadingGuide} from "./core/reading.ts";
import {summarizeColumns} from "./core/schema.ts";
import {fromArrowStream, type DataTable} from "./core/table.ts";
import {DATASETS} from "./registry.ts";
import {resolveDataset, type Origin} from "./resolve.ts";

/** A served table: a dataset id and, for a derived table, the part's suffix. */
export interface ServedName {
  id: string;
  part?: string;
}

/** Every table name the site serves: each dataset, then each of its derived parts. */
export function servedNames(): string[] {
  return DATASETS.flatMap((d) => [d.id, ...(d.parts ?? []).map((p) => `${d.id}-${p.suffix}`)]);
}

/** Splits a served name into dataset id and part. @throws Error naming the served names when unknown. */
export function parseServedName(name: string): ServedName {
  for (const d of DATASETS) {
    if (name === d.id) return {id: d.id};
    const part = d.parts?.find((p) => name === `${d.id}-${p.suffix}`);
    if (part) return {id: d.id, part: part.suffix};
  }
  throw new Error(`Table inconnue : « ${name} » (connues : ${servedNames().join(", ")})`);
}

/** Metadata of a served table, with where it comes from; a part's columns replace the dataset's own. */
export interface ServedMeta extends DatasetMeta {
  /** `snapshot` (loaded by the user), `cache` (fetched) or `offline` (the embedded default). */
  origin: Origin;
  /** The served name (`fragilite-numerique-communes`). */
  name: string;
  /** For a part, the dataset it is derived from. */
  parent?: string;
  /** French title of the served table. */
  tableTitle: string;
  /** Dataset description, in French. */
  description: string;
  homepage?: string;
  /** How to read it (the declaration's `reading` facts), for the « Lire cette donnée » box. */
  reading?: ReadingGuide;
  /** Where the declared source was checked against public references, and when (absent: « à vérifier »). */
  sourceCheck?: SourceCheck;
}

function columnsOf(name: ServedName) {
  const declaration = DATASETS.find((d) => d.id === name.id)!;
  const part = name.part ? declaration.parts?.find((p) => p.suffix === name.part) : undefined;
  return {declaration, part, columns: part ? part.columns : declaration.columns};
}

/** Arrow IPC stream bytes of a served table. */
export async function servedArrow(name: string): Promise<Uint8Array> {
  const {id, part} = parseServedName(name);
  return (await resolveDataset(id, part ? {part} : {})).arrow;
}

/** Metadata of a served table (row count of the part itself for a part). */
export async function servedMeta(name: string): Promise<ServedMeta> {
  const served = parseServedName(name);
  const resolved = await resolveDataset(served.id, served.part ? {part: served.part} : {});
  const {declaration, part, columns} = columnsOf(served);
  const table = part ? fromArrowStream(resolved.arrow, summarizeColumns(columns)) : undefined;
  return {
    ...resolved.meta,
    ...(part
      ? {
          rows: table!.rowCount,
          columns: metaColumns(columns)
        }
      : {}),
    origin: resolved.origin,
    name,
    ...(part ? {parent: served.id} : {}),
    tableTitle: part ? part.title : declaration.title,
    description: declaration.description,
    ...(declaration.homepage ? {homepage: declaration.homepage} : {}),
    ...(declaration.reading ? {reading: declaration.reading} : {}),
    ...(declaration.sourceCheck ? {sourceCheck: declaration.sourceCheck} : {})
  };
}

/** The served table as a {@link DataTable}. */
export async function servedTable(name: string): Promise<DataTable> {
  const served = parseServedName(name);
  return fromArrowStream(await servedArrow(name), summarizeColumns(columnsOf(served).columns));
}

/** Parquet bytes of a served table, written by DuckDB. */
export async function servedParquet(name: string): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), "served-"));
  try {
    const path = join(dir, `${name}.parquet`);
    await writeParquet(await servedTable(name), path);
    return new Uint8Array(await readFile(path));
  } finally {
    await rm(dir, {recursive: true, force: true});
  }
}

/** The whole catalogue: metadata of every served table, in catalogue order. */
export async function catalogue(): Promise<ServedMeta[]> {
  const out: ServedMeta[] = [];
  for (const name of servedNames()) out.push(await servedMeta(name));
  return out;
}

/**
 * Everything the site shows about the data, as one ZIP archive (one process instead of one per file): for each
 * served table `<name>.arrow`, `<name>.meta.json` and `<name>.parquet`, plus `catalogue.json`. Pages read its
 * members as `FileAttachment("data/donnees/<name>.arrow")`. `names` restricts it to some tables (tests).
 */
export async function siteArchive(names: readonly string[] = servedNames()): Promise<Uint8Array> {
  const zip = new JSZip();
  const metas: ServedMeta[] = [];
  for (const name of names) {
    const meta = await servedMeta(name);
    metas.push(meta);
    zip.file(`${name}.arrow`, await servedArrow(name));
    zip.file(`${name}.meta.json`, JSON.stringify(meta));
    zip.file(`${name}.parquet`, await servedParquet(name));
  }
  zip.file("catalogue.json", JSON.stringify(metas));
  return zip.generateAsync({type: "uint8array", compression: "STORE"});
}
