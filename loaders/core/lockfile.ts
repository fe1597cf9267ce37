/**
 * `data/sources.lock.json` (committed): for each fetched dataset, the resolved URL, retrieval date, sha256, size,
 * row count, columns, schema hash and the resource chosen (with the reason), so that the next fetch can say what changed before replacing anything.
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
  /** The resource `fetch` took and why (absent in locks written before the kit recorded it). */
  resource?: LockedResource;
}

/** Which resource of the source a fetch took, and why (printed by `fetch`, kept for the next reader). */
export interface LockedResource {
  /** The portal's dataset (after a search on a vanished id: the one found). */
  dataset?: string;
  title: string;
  /** For a zip archive: the data file read in it. */
  member?: string;
  /** The rule that chose it, in French. */
  reason: string;
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

/** What a fetched file is, to compare with its lock entry. */
export interface FetchedVersion {
  sha256: string;
  size: number;
  /** Rows once validated (unknown when the file could not be read). */
  rows?: number;
}

const frenchInteger = (n: number) => n.toLocaleString("fr-FR").replace(/\s/g, "\u202f");

/**
 * The lines (French) that say how a fetched file differs from the locked one: retrieval date, old and new sha256,
 * size and rows. Empty when the sha256 is the same.
 */
export function formatLockChange(locked: LockEntry, fetched: FetchedVersion): string[] {
  if (locked.sha256 === fetched.sha256) return [];
  const rows =
    fetched.rows === undefined
      ? `${frenchInteger(locked.rows)} dans le verrou, inconnu pour le nouveau`
      : `${frenchInteger(locked.rows)} → ${frenchInteger(fetched.rows)}`;
  return [
    `le fichier a changé depuis le verrou (récupéré le ${locked.retrieved.slice(0, 10)}) :`,
    `  sha256 ${locked.sha256} → ${fetched.sha256}`,
    `  taille ${frenchInteger(locked.size)} → ${frenchInteger(fetched.size)} octets`,
    `  lignes ${rows}`
  ];
}
