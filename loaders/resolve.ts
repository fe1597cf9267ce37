/**
 * The one function the site's data loaders call: a dataset id → its current Arrow table bytes and metadata,
 * following the precedence snapshot (`data/snapshots/<id>/`) > fetched cache (`data/cache/<id>/`) > offline
 * default (generated in memory, or read from an npm package).
 *
 * A Framework data loader (`src/data/<id>.arrow.ts`) is then two lines:
 * `const {arrow} = await resolveDataset("communes"); process.stdout.write(arrow);`
 */
import {readFile} from "node:fs/promises";
import {join} from "node:path";
import type {DatasetDeclaration} from "./core/dataset.ts";
import {buildMeta, type DatasetMeta} from "./core/meta.ts";
import {readMeta} from "./core/outputs.ts";
import {kitPaths, type KitPaths} from "./core/paths.ts";
import {toArrowStream, type DataTable} from "./core/table.ts";
import {getDataset} from "./registry.ts";

/** Where a resolved table comes from. */
export type Origin = "snapshot" | "cache" | "offline";

/** A dataset (or one of its parts) ready to serve. */
export interface ResolvedDataset {
  id: string;
  origin: Origin;
  /** Arrow IPC stream bytes. */
  arrow: Uint8Array;
  meta: DatasetMeta;
}

/** Options of `resolveDataset`. */
export interface ResolveOptions {
  paths?: KitPaths;
  /** A derived part (e.g. `communes` for `fragilite-numerique-communes`). */
  part?: string;
}

/** The folder holding outputs of `id` on disk and its meta, by precedence; `null` when none. */
export async function findOnDisk(
  id: string,
  paths: KitPaths = kitPaths()
): Promise<{origin: "snapshot" | "cache"; dir: string; meta: DatasetMeta} | null> {
  for (const [origin, base] of [
    ["snapshot", paths.snapshots],
    ["cache", paths.cache]
  ] as const) {
    const dir = join(base, id);
    const meta = await readMeta(dir, id);
    if (meta) return {origin, dir, meta};
  }
  return null;
}

/** The offline default table of a declaration (and of its part when asked). */
export function offlineTable(declaration: DatasetDeclaration, part?: string): DataTable {
  const table = declaration.offline.build({});
  if (!part) return table;
  const found = declaration.parts?.find((p) => p.suffix === part);
  if (!found) throw new Error(`${declaration.id} n'a pas de partie « ${part} »`);
  return found.build(table);
}

/** The metadata of an offline default table of `rows` rows. */
export function offlineMeta(declaration: DatasetDeclaration, rows: number): DatasetMeta {
  return buildMeta(declaration, {
    source: {portal: declaration.source.portal},
    retrieved: new Date(0).toISOString(),
    sha256: null,
    size: null,
    rows,
    status: declaration.offline.status,
    note: declaration.offline.note
  });
}

/** Resolves `id` following the precedence snapshot > cache > offline default. */
export async function resolveDataset(id: string, options: ResolveOptions = {}): Promise<ResolvedDataset> {
  const declaration = getDataset(id);
  const name = options.part ? `${id}-${options.part}` : id;
  const disk = await findOnDisk(id, options.paths ?? kitPaths());
  if (disk) {
    const arrow = new Uint8Array(await readFile(join(disk.dir, `${name}.arrow`)));
    return {id, origin: disk.origin, arrow, meta: disk.meta};
  }
  const table = offlineTable(declaration, options.part);
  return {id, origin: "offline", arrow: toArrowStream(table), meta: offlineMeta(declaration, table.rowCount)};
}
