/**
 * What the site's Framework data loaders print: for a served table name (`communes`, or a derived part such as
 * `fragilite-numerique-communes`), its Arrow bytes, metadata, CSV and Parquet, resolved through
 * {@link resolveDataset} (snapshot > cache > offline default). The loaders in `src/data/` are one call each.
 */
import {existsSync} from "node:fs";
import {mkdtemp, readFile, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import JSZip from "jszip";
import {writeParquet} from "../core/duckdb.ts";
import type {SourceCheck} from "../core/dataset.ts";
import {metaColumns, type DatasetMeta} from "../core/meta.ts";
import type {ReadingGuide} from "../core/reading.ts";
import {summarizeColumns, type MeasureWords} from "../core/schema.ts";
import {fromArrowStream, rowAt, toArrowStream, type Cell, type DataTable} from "../core/table.ts";
import {DATASETS, getDataset} from "../registry.ts";
import {findOnDisk, offlineMeta, offlineTable, resolveDataset, type Origin} from "../resolve.ts";

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
  /** What one row counts, as a measure of the indicator pages (the declaration's or part's `rowMeasure`). */
  rowMeasure?: MeasureWords;
  /** The year column whose latest year only the indicator pages read (the declaration's `period`). */
  period?: {column: string; label: string};
}

function columnsOf(name: ServedName) {
  const declaration = DATASETS.find((d) => d.id === name.id)!;
  const part = name.part ? declaration.parts?.find((p) => p.suffix === name.part) : undefined;
  return {declaration, part, columns: part ? part.columns : declaration.columns};
}

/**
 * A served table resolved once (snapshot > cache > offline default, as {@link resolveDataset}): its Arrow bytes
 * (read from disk, or encoded when first asked for an offline table: most loaders only read its rows), the
 * metadata of its resolution, its rows (decoded when first asked) and, when it comes from disk, the folder
 * whose `<name>.parquet` was written beside the Arrow file by `data load` or `data fetch`.
 */
interface ResolvedServed {
  origin: Origin;
  arrow: () => Uint8Array;
  meta: DatasetMeta;
  table: () => DataTable;
  dir?: string;
}

/**
 * Resolutions made by this process (a data loader is one short process), by served name and state on disk, so
 * that a loader asking for a table's meta, Arrow, rows and Parquet resolves it once; and offline default tables
 * by dataset id, so that a dataset and its derived parts build it once (offline tables are deterministic).
 */
const resolutions = new Map<string, Promise<ResolvedServed>>();
const offlineBases = new Map<string, DataTable>();

async function resolveServed(name: string): Promise<ResolvedServed> {
  const served = parseServedName(name);
  const disk = await findOnDisk(served.id);
  const key = disk
    ? `${name}\0${disk.dir}\0${disk.meta.retrieved}\0${disk.meta.sha256}\0${disk.meta.rows}`
    : name;
  let resolution = resolutions.get(key);
  if (!resolution) {
    resolution = disk ? fromDisk(served, disk.dir) : Promise.resolve(offline(served));
    resolutions.set(key, resolution);
  }
  return resolution;
}

async function fromDisk(served: ServedName, dir: string): Promise<ResolvedServed> {
  const resolved = await resolveDataset(served.id, served.part ? {part: served.part} : {});
  let rows: DataTable | undefined;
  const table = () => (rows ??= fromArrowStream(resolved.arrow, summarizeColumns(columnsOf(served).columns)));
  return {origin: resolved.origin, arrow: () => resolved.arrow, meta: resolved.meta, table, dir};
}

function offline(served: ServedName): ResolvedServed {
  const declaration = getDataset(served.id);
  let base = offlineBases.get(served.id);
  if (!base) offlineBases.set(served.id, (base = offlineTable(declaration)));
  const part = served.part ? declaration.parts?.find((p) => p.suffix === served.part) : undefined;
  const rows = part ? part.build(base) : base;
  let arrow: Uint8Array | undefined;
  return {
    origin: "offline",
    arrow: () => (arrow ??= toArrowStream(rows)),
    meta: offlineMeta(declaration, rows.rowCount),
    table: () => rows
  };
}

/** Arrow IPC stream bytes of a served table. */
export async function servedArrow(name: string): Promise<Uint8Array> {
  return (await resolveServed(name)).arrow();
}

/** Metadata of a served table (row count of the part itself for a part). */
export async function servedMeta(name: string): Promise<ServedMeta> {
  const served = parseServedName(name);
  const resolved = await resolveServed(name);
  const {declaration, part, columns} = columnsOf(served);
  // A column's words as a measure are the declaration's of today (a meta.json written before may lack them).
  const measureOf = new Map(metaColumns(columns).map((c) => [c.name, c.measure]));
  const rowMeasure = part ? part.rowMeasure : declaration.rowMeasure;
  const period = part ? undefined : declaration.period;
  return {
    ...resolved.meta,
    ...(part ? {rows: resolved.table().rowCount} : {}),
    columns: (part ? metaColumns(columns) : resolved.meta.columns).map((c) => {
      const measure = measureOf.get(c.name);
      return measure === undefined ? c : {...c, measure};
    }),
    ...(rowMeasure ? {rowMeasure} : {}),
    ...(period ? {period} : {}),
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
  return (await resolveServed(name)).table();
}

/**
 * Parquet bytes of a served table: the file `data load` or `data fetch` wrote beside the Arrow file when the
 * table comes from disk, else written by DuckDB from the rows.
 */
export async function servedParquet(name: string): Promise<Uint8Array> {
  const resolved = await resolveServed(name);
  if (resolved.dir) {
    const written = join(resolved.dir, `${name}.parquet`);
    if (existsSync(written)) return new Uint8Array(await readFile(written));
  }
  const dir = await mkdtemp(join(tmpdir(), "served-"));
  try {
    const path = join(dir, `${name}.parquet`);
    await writeParquet(resolved.table(), path);
    return new Uint8Array(await readFile(path));
  } finally {
    await rm(dir, {recursive: true, force: true});
  }
}

/** How many rows a catalogue page previews (`<name>.sample.json`). */
export const SAMPLE_ROWS = 100;

/**
 * The first `rows` rows of a served table as objects (dates as ISO strings): what its catalogue page previews,
 * so that the page does not download the whole table (the full files are downloads).
 */
export async function servedSample(name: string, rows = SAMPLE_ROWS): Promise<Record<string, Cell>[]> {
  const resolved = await resolveServed(name);
  const table = resolved.dir
    ? fromArrowStream(resolved.arrow(), summarizeColumns(columnsOf(parseServedName(name)).columns), rows)
    : resolved.table();
  return Array.from({length: Math.min(rows, table.rowCount)}, (_, i) => rowAt(table, i));
}

/** The whole catalogue: metadata of every served table, in catalogue order. */
export async function catalogue(): Promise<ServedMeta[]> {
  const out: ServedMeta[] = [];
  for (const name of servedNames()) out.push(await servedMeta(name));
  return out;
}

/**
 * Everything the site shows about the data, as one ZIP archive (one process instead of one per file): for each
 * served table `<name>.meta.json`, `<name>.sample.json` (its first rows, for its catalogue page) and
 * `<name>.parquet`, plus `catalogue.json`. Pages read its members as
 * `FileAttachment("data/donnees/<name>.parquet")`. A table's Arrow file is not in it (no page of the site reads
 * it, and it is ten times the Parquet file, which Framework re-reads whole for each member it extracts): the
 * parameterised loader `src/data/donnees/[name].arrow.ts` writes it when a notebook names it ({@link servedArrow}).
 * `names` restricts the archive to some tables (tests).
 */
export async function siteArchive(names: readonly string[] = servedNames()): Promise<Uint8Array> {
  const zip = new JSZip();
  const metas: ServedMeta[] = [];
  for (const name of names) {
    const meta = await servedMeta(name);
    metas.push(meta);
    zip.file(`${name}.meta.json`, JSON.stringify(meta));
    zip.file(`${name}.sample.json`, JSON.stringify(await servedSample(name)));
    zip.file(`${name}.parquet`, await servedParquet(name));
  }
  zip.file("catalogue.json", JSON.stringify(metas));
  return zip.generateAsync({type: "uint8array", compression: "STORE"});
}
