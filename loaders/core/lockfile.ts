/**
 * `data/sources.lock.json` (committed): for each fetched dataset, the resolved URL, retrieval date, sha256, size,
 * row count, columns and schema hash, so that the next fetch can say what changed before replacing anything.
 */
import {readFile} from "node:fs/promises";
import {writeFileAtomic} from "./outputs.ts";
import type {ColumnSummary} from "./schema.ts";

/** The lock entry of one dataset. */
export interface LockEntry {
  url: string;
  retrieved: string;
  sha256: string;
  size: number;
  rows: number;
  schemaHash: string;
  columns: ColumnSummary[];
}

/** The whole lock file. */
export interface Lockfile {
  version: 1;
  datasets: Record<string, LockEntry>;
}

/** Reads the lock (an empty one when the file does not exist). */
export async function readLock(path: string): Promise<Lockfile> {
  try {
    const lock = JSON.parse(await readFile(path, "utf8")) as Lockfile;
    return {version: 1, datasets: lock.datasets ?? {}};
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return {version: 1, datasets: {}};
    throw error;
  }
}

/** Returns a new lock with `entry` set for `id` (datasets sorted by id, for stable diffs). */
export function withEntry(lock: Lockfile, id: string, entry: LockEntry): Lockfile {
  const datasets = {...lock.datasets, [id]: entry};
  const sorted: Record<string, LockEntry> = {};
  for (const key of Object.keys(datasets).sort()) sorted[key] = datasets[key]!;
  return {version: 1, datasets: sorted};
}

/** Writes the lock atomically. */
export async function writeLock(path: string, lock: Lockfile): Promise<void> {
  await writeFileAtomic(path, `${JSON.stringify(lock, null, 2)}\n`);
}
