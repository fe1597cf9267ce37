/**
 * Where the kit keeps its data, relative to the repository root.
 */
import {join} from "node:path";
import {fileURLToPath} from "node:url";

/** Folders and files used by the loaders. */
export interface KitPaths {
  root: string;
  /** User-loaded outputs (`data load`), committed: highest precedence. */
  snapshots: string;
  /** Fetched outputs (`data fetch`), git-ignored. */
  cache: string;
  /** `data/sources.lock.json`, committed. */
  lock: string;
  /** Observable Framework's source root (`src/`). */
  site: string;
  /** Framework's cache of data loader outputs. */
  frameworkCache: string;
  /** The committed offline basemap (`data/basemap/`, `npm run data -- basemap`): the maps' default boundaries. */
  basemap: string;
}

/** The repository root (two levels above this file). */
export const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** The paths of a kit rooted at `root`. */
export function kitPaths(root: string = REPO_ROOT): KitPaths {
  return {
    root,
    snapshots: join(root, "data", "snapshots"),
    cache: join(root, "data", "cache"),
    lock: join(root, "data", "sources.lock.json"),
    site: join(root, "src"),
    frameworkCache: join(root, "src", ".observablehq", "cache"),
    basemap: join(root, "data", "basemap")
  };
}
