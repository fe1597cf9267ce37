/**
 * What the `data` command does, as functions (the CLI only parses arguments and prints): list, load, fetch,
 * check. Every writing command validates first, writes atomically, then invalidates Framework's cache.
 */
import {mkdir, readdir, readFile, rename, rm} from "node:fs/promises";
import {basename, join} from "node:path";
import type {DatasetContext, DatasetDeclaration} from "./core/dataset.ts";
import {
  diffVersions,
  formatDiff,
  shrinkRefusal,
  summarize,
  type DatasetDiff,
  type VersionSummary
} from "./core/diff.ts";
import {download, DownloadError, type FetchLike} from "./core/download.ts";
import {invalidateFrameworkCache} from "./core/framework-cache.ts";
import {convertFile, hashFile, hashInput, withWorkDir, type IngestOptions} from "./core/ingest.ts";
import {formatLockChange, readLock, withEntry, writeLock} from "./core/lockfile.ts";
import {countMissingNumbers, formatMissingNumbers, type MissingNumbers} from "./core/missing.ts";
import {ReadError, readFailure} from "./core/read-error.ts";
import {withDuckDB, sqlString} from "./core/duckdb.ts";
import {buildMeta, metaColumns, variantVintage, type DatasetMeta} from "./core/meta.ts";
import {readMeta, writeOutputFolder, writeParquetAtomic, type OutputTable} from "./core/outputs.ts";
import {parquetKeys, readParquetTable} from "./core/parquet-table.ts";
import {kitPaths, type KitPaths} from "./core/paths.ts";
import {extractMember} from "./core/archive.ts";
import {formatOfUrl, resolveSource, type PortalBases, type ResolvedResource} from "./core/portal.ts";
import {silentProgress, type ProgressReporter} from "./core/progress.ts";
import {schemaHash, summarizeColumns} from "./core/schema.ts";
import {fromArrowStream, type Cell, type DataTable} from "./core/table.ts";
import {mapCommuneCode} from "./geo/cog.ts";
import {
  deriveCommuneCodes,
  derivedCodesReport,
  formatDerivedCodes,
  type DerivedCodesReport
} from "./geo/commune-derivation.ts";
import {cogCodeReport, communeCodeColumnOf, formatCogReport, type CogCodeReport} from "./geo/cog-report.ts";
import {DATASETS, getDataset} from "./registry.ts";
import {findOnDisk, offlineTable} from "./resolve.ts";

/** Shared options of the commands. */
export interface CommandOptions extends DatasetContext {
  paths?: KitPaths;
  log?: (line: string) => void;
}

/**
 * A COG mapping to pass as `mapCommune` to map a dataset's commune codes to COG 2026 while loading (uses
 * `loaders/geo/cog.ts`; unknown codes are kept). Not applied by default: outputs keep the source's codes and
 * vintage (`cogVintage`), merged communes would otherwise collapse into duplicate rows.
 */
export function communeMapperFor(declaration: DatasetDeclaration): DatasetContext["mapCommune"] {
  if (!declaration.cogVintage || declaration.cogVintage >= 2026) return undefined;
  return (code) => mapCommuneCode(code).code ?? code;
}

/** The context the commands read files in: the caller's, with the kit's commune code derivation. */
const contextFor = (options: CommandOptions): DatasetContext => ({
  deriveCommuneCodes,
  ...(options.mapCommune ? {mapCommune: options.mapCommune} : {}),
  ...(options.paths ? {paths: options.paths} : {}),
  ...(options.attribution ? {attribution: options.attribution} : {})
});

/** One line of `data list`. */
export interface ListRow {
  id: string;
  title: string;
  producer: string;
  level: string;
  vintage: string;
  status: "réel" | "démonstration" | "absent";
  origin: "snapshot" | "cache" | "offline" | "absent";
  rows: number | null;
}

/** Lists the datasets with what is currently served for each. */
export async function listDatasets(options: CommandOptions = {}): Promise<ListRow[]> {
  const rows: ListRow[] = [];
  for (const d of DATASETS) {
    const base = {id: d.id, title: d.title, producer: d.producer, level: d.level};
    const disk = await findOnDisk(d.id, options.paths ?? kitPaths());
    if (disk) {
      rows.push({
        ...base,
        vintage: disk.meta.vintage,
        status: disk.meta.status,
        origin: disk.origin,
        rows: disk.meta.rows
      });
      continue;
    }
    try {
      const table = offlineTable(d);
      rows.push({
        ...base,
        vintage: d.vintage,
        status: d.offline.status,
        origin: "offline",
        rows: table.rowCount
      });
    } catch {
      rows.push({...base, vintage: d.vintage, status: "absent", origin: "absent", rows: null});
    }
  }
  return rows;
}

/** The version currently on disk (snapshot or cache) as a diff summary, or `null`. */
async function currentVersion(declaration: DatasetDeclaration, dir: string): Promise<VersionSummary | null> {
  try {
    const bytes = new Uint8Array(await readFile(join(dir, `${declaration.id}.arrow`)));
    return summarize(fromArrowStream(bytes, summarizeColumns(declaration.columns)), declaration.key);
  } catch {
    return null;
  }
}

/** The diff summary of a table about to be written (key values read by DuckDB for a Parquet table). */
async function summarizeOutput(output: OutputTable, key: string | undefined): Promise<VersionSummary> {
  if ("table" in output) return summarize(output.table, key);
  const {columns, rowCount} = output.parquet;
  const hasKey = key !== undefined && columns.some((c) => c.name === key);
  return {rows: rowCount, columns, ...(hasKey ? {keys: await parquetKeys(output.parquet, key)} : {})};
}

/**
 * Computes, prints and returns what the main table's commune codes become in COG 2026 (none without codes).
 * `table` is the main table when the caller has read it (declarations that derive codes: their marker column
 * tells which codes the kit derived).
 */
async function reportCogCodes(
  declaration: DatasetDeclaration,
  output: OutputTable,
  log: (line: string) => void,
  table: DataTable | undefined = "table" in output ? output.table : undefined
): Promise<{cog?: CogCodeReport}> {
  const column = communeCodeColumnOf(declaration);
  if (!column) return {};
  let values: Iterable<Cell>;
  if (table) {
    const cells = table.values[column];
    if (!cells) return {};
    values = cells;
  } else {
    if (!("parquet" in output) || !output.parquet.columns.some((c) => c.name === column)) return {};
    values = await parquetKeys(output.parquet, column);
  }
  const marker = declaration.deriveCommuneCode?.marker;
  const origins =
    marker && column === declaration.deriveCommuneCode?.column ? table?.values[marker] : undefined;
  const cog = cogCodeReport(declaration, column, values, origins ? {origins} : {});
  for (const line of formatCogReport(declaration.id, cog)) log(line);
  return {cog};
}

/**
 * The reports on the main table's commune codes for meta.json, printed: how many were derived from names
 * (declarations that derive them), then what the codes become in COG 2026.
 */
async function reportCodes(
  declaration: DatasetDeclaration,
  output: OutputTable,
  log: (line: string) => void
): Promise<{cog?: CogCodeReport; derivedCodes?: DerivedCodesReport}> {
  const derivation = declaration.deriveCommuneCode;
  let derivedCodes: DerivedCodesReport | undefined;
  let table: DataTable | undefined;
  if (derivation) {
    table = "table" in output ? output.table : await readParquetTable(output.parquet);
    derivedCodes = derivedCodesReport(table, derivation);
    for (const line of formatDerivedCodes(declaration.id, derivedCodes)) log(line);
  }
  return {
    ...(derivedCodes ? {derivedCodes} : {}),
    ...(await reportCogCodes(declaration, output, log, table))
  };
}

/** The missing numbers of the main table, printed, for meta.json (nothing when none is missing). */
function missingReport(
  missing: MissingNumbers,
  rows: number,
  log: (line: string) => void
): {missing?: MissingNumbers} {
  for (const line of formatMissingNumbers(missing, rows)) log(line);
  return Object.keys(missing).length ? {missing} : {};
}

async function afterWrite(id: string, paths: KitPaths, log: (line: string) => void): Promise<void> {
  const deleted = await invalidateFrameworkCache(paths.site, paths.frameworkCache, id);
  if (deleted.length) log(`cache Framework invalidé : ${deleted.length} fichier(s)`);
}

/**
 * Validates a source file and writes its main table to one Parquet file (atomically); returns the row count.
 * A heavy CSV goes from DuckDB's reader to the Parquet file without passing through JavaScript.
 * @throws ValidationError (nothing written).
 */
export async function convertToParquet(
  declaration: DatasetDeclaration,
  input: string,
  output: string,
  options: IngestOptions = {}
): Promise<number> {
  return withWorkDir(async (work) => {
    const result = await convertFile(declaration, input, work, options);
    const main = result.tables[0]!;
    await writeParquetAtomic("table" in main ? main.table : main.parquet, output);
    return result.rowCount;
  });
}

/** Options of `loadDataset`. */
export interface LoadOptions extends CommandOptions {
  /** Writes only the main table to this Parquet file instead of the dataset's folder. */
  output?: string;
  /** CSV files larger than this (bytes) are validated in DuckDB SQL (default: `ingest.ts`'s 64 MB). */
  heavyThreshold?: number;
  /** Writes a file that loses more than half the rows of the version in place (`--yes`). */
  yes?: boolean;
}

/**
 * Ingests a local file: validates it, then writes the dataset's outputs to `data/snapshots/<id>/`, or, with
 * `output`, only that Parquet file. A file that keeps less than half the rows of the version in place is
 * refused unless `yes`. @throws ValidationError or ReadError (nothing written) when the file has problems.
 */
export async function loadDataset(
  id: string,
  input: string,
  options: LoadOptions = {}
): Promise<{rows: number; written: string}> {
  return loadDeclaration(getDataset(id), input, options);
}

/** `loadDataset` for a declaration given as is (one outside the registry: the bench's, a test's). */
export async function loadDeclaration(
  declaration: DatasetDeclaration,
  input: string,
  options: LoadOptions = {}
): Promise<{rows: number; written: string}> {
  const id = declaration.id;
  const paths = options.paths ?? kitPaths();
  const log = options.log ?? (() => {});
  const ingest: IngestOptions = {
    ...contextFor(options),
    ...(options.heavyThreshold !== undefined ? {heavyThreshold: options.heavyThreshold} : {})
  };
  if (options.output) {
    const rows = await convertToParquet(declaration, input, options.output, ingest);
    return {rows, written: options.output};
  }
  // The file is hashed while it is read and validated (DuckDB's threads do the heavy path).
  const hashing = hashInput(input);
  hashing.catch(() => {}); // awaited below
  return withWorkDir(async (work) => {
    const converting = convertFile(declaration, input, work, ingest);
    // A file that can't be hashed fails as before, once its reading has stopped.
    const {sha256, size} = await hashing.catch(async (error: unknown) => {
      await converting;
      throw readFailure(error, {dataset: id, file: basename(input)});
    });
    const result = await converting;
    const main = result.tables[0]!;
    const dir = join(paths.snapshots, id);
    // The version in place: the snapshot, else the fetched (locked) one.
    const rowsBefore = (await readMeta(dir, id))?.rows ?? (await readLock(paths.lock)).datasets[id]?.rows;
    const shrink = shrinkRefusal(rowsBefore, result.rowCount, options.yes);
    if (shrink) throw new ReadError(shrink, undefined, {dataset: id, file: basename(input)});
    // The diff and the commune code report (which read the validated table again) are computed while the
    // table files are written; their lines are printed in the same order as ever.
    // Counted before the table files are written (a Parquet one is moved from the work folder).
    const missingNumbers = await countMissingNumbers(main);
    const meta = (async () => {
      const before = await currentVersion(declaration, dir);
      if (before)
        for (const line of formatDiff(diffVersions(before, await summarizeOutput(main, declaration.key))))
          log(line);
      const codes = await reportCodes(declaration, main, log);
      const missing = missingReport(missingNumbers, result.rowCount, log);
      return buildMeta(declaration, {
        source: {portal: "fichier local", file: basename(input)},
        retrieved: new Date().toISOString(),
        sha256,
        size,
        rows: result.rowCount,
        status: "réel",
        ...variantVintage(declaration, result.variant),
        ...(result.sources ? {sources: result.sources} : {}),
        ...missing,
        ...codes
      });
    })();
    await writeOutputFolder(dir, result.tables, meta);
    await afterWrite(id, paths, log);
    return {rows: result.rowCount, written: dir};
  });
}

/** Options of `fetchDataset`. */
export interface FetchOptions extends CommandOptions {
  fetch?: FetchLike;
  /** Portal API roots (default: `portalBases()`, i.e. `DATA_GOUV_API` / `DATA_EDUCATION_API` or the official ones). */
  bases?: PortalBases;
  /** The file's address, given by the user (`fetch <id> --url …`): no portal is asked. */
  url?: string;
  progress?: ProgressReporter;
  retries?: number;
  backoffMs?: number;
  /** Waits between download attempts (tests inject one that does not wait). */
  sleep?: (ms: number) => Promise<void>;
  timeoutMs?: number;
  /** Adopts a file whose sha256 differs from the lock (`--yes`); without it the locked version is kept. */
  yes?: boolean;
}

/** The outcome of a fetch. */
export interface FetchOutcome {
  id: string;
  url: string;
  rows: number;
  diff: DatasetDiff | null;
  /** Which file was taken, and why. */
  resource: ResolvedResource;
  /** True when the file changed since the lock and, without `yes`, nothing was written (cache and lock kept). */
  kept?: boolean;
}

/** The resource a fetch takes: the address given with `--url`, else the portal's answer. */
async function chooseResource(
  declaration: DatasetDeclaration,
  options: FetchOptions
): Promise<ResolvedResource> {
  if (options.url) {
    // A given address is resolved as a declared direct one, keeping the declaration's archive member rule.
    const format = formatOfUrl(options.url);
    const member = declaration.source.portal === "url" ? declaration.source.member : undefined;
    const given = await resolveSource({
      portal: "url",
      url: options.url,
      format,
      ...(format === "zip" && member ? {member} : {})
    });
    return {...given, reason: "adresse donnée par --url (aucun portail interrogé)"};
  }
  return resolveSource(declaration.source, {
    ...(options.fetch ? {fetch: options.fetch} : {}),
    ...(options.bases ? {bases: options.bases} : {})
  });
}

/**
 * Downloads a dataset from its official source (URL resolved through the portal's API, or given with `url`),
 * unpacks a zip archive's data file, validates it, shows what changed since the lock / the cached copy, then
 * writes `data/cache/<id>/` and updates the lock (with the resource chosen and why). A failed download,
 * archive or validation leaves the cached copy and the lock untouched.
 */
export async function fetchDataset(id: string, options: FetchOptions = {}): Promise<FetchOutcome> {
  const declaration = getDataset(id);
  if (declaration.source.portal === "package" && !options.url) {
    throw new Error(
      `${id} : données lues depuis le paquet ${declaration.source.package}, rien à télécharger`
    );
  }
  const portal = options.url ? "adresse donnée" : declaration.source.portal;
  const paths = options.paths ?? kitPaths();
  const log = options.log ?? (() => {});
  const resource = await chooseResource(declaration, options);
  log(`${id} : ${resource.url}`);
  log(`${id} : ${resource.reason}`);
  const downloads = join(paths.cache, ".downloads");
  await mkdir(downloads, {recursive: true});
  const ext = ["csv", "json", "parquet", "zip"].includes(resource.format) ? resource.format : "csv";
  // The file as downloaded (kept in the cache beside the tables, checked against the lock by `check`) and,
  // for a zip archive, its data file, which is what is read.
  const source = join(downloads, `${id}.source.${ext}`);
  let file = source;
  try {
    const downloaded = await download(resource.url, source, {
      ...(options.fetch ? {fetch: options.fetch} : {}),
      progress: options.progress ?? silentProgress,
      label: id,
      ...(options.retries !== undefined ? {retries: options.retries} : {}),
      ...(options.backoffMs !== undefined ? {backoffMs: options.backoffMs} : {}),
      ...(options.timeoutMs !== undefined ? {timeoutMs: options.timeoutMs} : {}),
      ...(options.sleep ? {sleep: options.sleep} : {}),
      onRetry: (n, error, delay) =>
        log(`${id} : ${error.message} ; nouvel essai dans ${delay / 1000} s (tentative ${n + 1})`)
    }).catch((error: unknown) => {
      if (!(error instanceof DownloadError)) throw error;
      throw new Error(
        `${id} : téléchargement de ${resource.url} impossible — ${error.reason} ; cache et verrou inchangés`,
        {cause: error}
      );
    });
    let member: string | undefined;
    if (ext === "zip") {
      ({member, file} = await unpack(source, downloads, id, resource.member, `${id} : ${resource.url}`));
      log(`${id} : ${member} lu dans l'archive`);
    }
    return await withWorkDir(async (work) => {
      // A fetched file's source is the declared producer, unless the caller says otherwise.
      const context = {attribution: `${declaration.producer} (${portal})`, ...contextFor(options)};
      const {tables, rowCount, sources, variant} = await convertFile(declaration, file, work, context);
      const lock = await readLock(paths.lock);
      const dir = join(paths.cache, id);
      const locked = lock.datasets[id];
      const before =
        (await currentVersion(declaration, dir)) ??
        (locked ? {rows: locked.rows, columns: locked.columns} : null);
      const diff = before ? diffVersions(before, await summarizeOutput(tables[0]!, declaration.key)) : null;
      if (diff) for (const line of formatDiff(diff)) log(`${id} : ${line}`);
      if (locked && locked.sha256 !== downloaded.sha256) {
        const change = formatLockChange(locked, {...downloaded, rows: rowCount});
        for (const line of change) log(`${id} : ${line}`);
        if (!options.yes) {
          log(
            `${id} : version verrouillée conservée (cache et verrou inchangés) ; relancez avec --yes pour adopter la nouvelle`
          );
          return {id, url: resource.url, rows: locked.rows, diff, resource, kept: true};
        }
        log(`${id} : nouvelle version adoptée (--yes)`);
      }
      const retrieved = new Date().toISOString();
      const codes = await reportCodes(declaration, tables[0]!, log);
      const missing = missingReport(await countMissingNumbers(tables[0]!), rowCount, (line) =>
        log(`${id} : ${line}`)
      );
      const meta = buildMeta(declaration, {
        source: {portal, ...(resource.dataset ? {dataset: resource.dataset} : {}), url: resource.url},
        retrieved,
        sha256: downloaded.sha256,
        size: downloaded.size,
        rows: rowCount,
        status: "réel",
        ...variantVintage(declaration, variant),
        ...(sources ? {sources} : {}),
        ...missing,
        ...codes
      });
      await writeOutputFolder(dir, tables, meta, [source]);
      const columns = summarizeColumns(declaration.columns);
      await writeLock(
        paths.lock,
        withEntry(lock, id, {
          url: resource.url,
          retrieved,
          sha256: downloaded.sha256,
          size: downloaded.size,
          rows: rowCount,
          schemaHash: schemaHash(columns),
          columns,
          resource: {
            ...(resource.dataset ? {dataset: resource.dataset} : {}),
            title: resource.title,
            ...(member ? {member} : {}),
            reason: resource.reason
          }
        })
      );
      await afterWrite(id, paths, log);
      return {id, url: resource.url, rows: rowCount, diff, resource};
    });
  } finally {
    await rm(file, {force: true});
    await rm(source, {force: true});
  }
}

/** Writes the data file of the archive `zip` into `dir` (as `<id>.member.<ext>`); returns its name and path. */
async function unpack(zip: string, dir: string, id: string, pattern: string | undefined, label: string) {
  const tmp = join(dir, `${id}.member`);
  const member = await extractMember(zip, tmp, pattern, label);
  const file = join(dir, `${id}.member.${formatOfUrl(member).replace("zip", "csv")}`);
  await rename(tmp, file);
  return {member, file};
}

/** Re-validates what is on disk for `id` against its schema and the lock; returns the problems (French). */
export async function checkDataset(id: string, options: CommandOptions = {}): Promise<string[]> {
  const declaration = getDataset(id);
  const paths = options.paths ?? kitPaths();
  const problems: string[] = [];
  const columns = summarizeColumns(declaration.columns);
  const expected = JSON.stringify(metaColumns(declaration.columns).map((c) => [c.name, c.type]));
  for (const [label, base] of [
    ["snapshot", paths.snapshots],
    ["cache", paths.cache]
  ] as const) {
    const dir = join(base, id);
    const where = `${id} (${label})`;
    let meta: DatasetMeta | null;
    try {
      meta = await readMeta(dir, id);
    } catch (error) {
      problems.push(`${where} : ${id}.meta.json illisible (${(error as Error).message})`);
      continue;
    }
    if (!meta) continue;
    problems.push(...(await checkAgainstMeta(declaration, dir, meta, where)));
    if (JSON.stringify(meta.columns.map((c) => [c.name, c.type])) !== expected) {
      problems.push(`${where} : les colonnes de ${id}.meta.json ne correspondent plus à la déclaration`);
    }
    try {
      const table = fromArrowStream(new Uint8Array(await readFile(join(dir, `${id}.arrow`))), columns);
      if (table.rowCount !== meta.rows)
        problems.push(`${where} : ${table.rowCount} lignes dans ${id}.arrow, ${meta.rows} annoncées`);
    } catch (error) {
      problems.push(`${where} : ${id}.arrow illisible (${(error as Error).message})`);
    }
    if (label !== "cache") continue;
    const locked = (await readLock(paths.lock)).datasets[id];
    if (!locked) {
      problems.push(`${where} : absent de data/sources.lock.json`);
      continue;
    }
    if (locked.sha256 !== meta.sha256) problems.push(`${where} : sha256 différent de celui du verrou`);
    if (locked.rows !== meta.rows)
      problems.push(`${where} : ${meta.rows} lignes, ${locked.rows} dans le verrou`);
    if (locked.schemaHash !== schemaHash(columns))
      problems.push(`${where} : schéma modifié depuis le verrou`);
    const source = (await readdir(dir)).find((f) => f.startsWith(`${id}.source.`));
    if (!source) continue;
    const {sha256} = await hashFile(join(dir, source));
    if (sha256 !== locked.sha256) problems.push(`${where} : le fichier source ne correspond plus au verrou`);
    if (sha256 !== meta.sha256)
      problems.push(`${where} : le fichier source ${source} ne correspond plus à ${id}.meta.json (sha256)`);
    try {
      if (source.endsWith(".zip")) {
        await withWorkDir(async (work) => {
          const pattern = locked.resource?.member ? `^${escapeRegExp(locked.resource.member)}$` : undefined;
          const {file} = await unpack(join(dir, source), work, id, pattern, `${where} : ${source}`);
          await convertFile(declaration, file, null, contextFor(options));
        });
      } else await convertFile(declaration, join(dir, source), null, contextFor(options));
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  return problems;
}

/**
 * What of a dataset's folder no longer matches its meta.json: the meta of another dataset, a table file
 * (`.parquet`, a derived part's `.arrow`) missing, or a Parquet file whose row count is not the one announced.
 */
async function checkAgainstMeta(
  declaration: DatasetDeclaration,
  dir: string,
  meta: DatasetMeta,
  where: string
): Promise<string[]> {
  const id = declaration.id;
  const problems: string[] = [];
  if (meta.id !== id) problems.push(`${where} : ${id}.meta.json décrit le jeu « ${meta.id} »`);
  const files = new Set(await readdir(dir));
  for (const part of meta.parts ?? [])
    if (!files.has(`${id}-${part}.arrow`)) problems.push(`${where} : ${id}-${part}.arrow manquant`);
  if (!files.has(`${id}.parquet`)) return [...problems, `${where} : ${id}.parquet manquant`];
  try {
    const rows = await withDuckDB(async (connection) => {
      const reader = await connection.runAndReadAll(
        `SELECT count(*)::INTEGER AS n FROM read_parquet(${sqlString(join(dir, `${id}.parquet`))})`
      );
      return Number(reader.getRowObjectsJS()[0]!.n);
    });
    if (rows !== meta.rows)
      problems.push(`${where} : ${rows} lignes dans ${id}.parquet, ${meta.rows} annoncées`);
  } catch (error) {
    problems.push(`${where} : ${id}.parquet illisible (${(error as Error).message.split("\n")[0]})`);
  }
  return problems;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
