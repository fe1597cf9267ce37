/**
 * Framework re-runs a data loader only when the loader file is newer than its cached output. The site's data
 * loaders depend on much more: the dataset library (`loaders/`), the défis (`challenges/`) and the files in
 * `data/`. Before each build or preview, a fingerprint of those inputs is compared with the one of the last
 * run; when it changed, the cached loader outputs are dropped, so a new dataset, a fixed declaration or a
 * loaded snapshot is never hidden behind a stale output.
 */
import {createHash} from "node:crypto";
import {existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from "node:fs";
import {join, relative} from "node:path";

/** Folders whose files the site's data loaders read. */
export const DATA_INPUTS = ["loaders", "challenges", "data/snapshots", "data/cache"];

/** A fingerprint of every file under the given folders: path, size and modification time. */
export function inputsFingerprint(projectRoot: string, folders: readonly string[] = DATA_INPUTS): string {
  const hash = createHash("sha256");
  const visit = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir).sort()) {
      if (entry === "node_modules") continue;
      const path = join(dir, entry);
      const stat = statSync(path);
      if (stat.isDirectory()) visit(path);
      else hash.update(`${relative(projectRoot, path)}\0${stat.size}\0${stat.mtimeMs}\n`);
    }
  };
  for (const folder of folders) visit(join(projectRoot, folder));
  return hash.digest("hex");
}

/**
 * Drops Framework's cached data loader outputs (`<cache>/data/`) when the inputs changed since the last call;
 * returns true when it did.
 */
export function refreshDataCache(projectRoot: string, frameworkCache: string): boolean {
  const stampFile = join(frameworkCache, "kit-data-inputs.sha256");
  const fingerprint = inputsFingerprint(projectRoot);
  const previous = existsSync(stampFile) ? readFileSync(stampFile, "utf-8") : undefined;
  if (previous === fingerprint) return false;
  rmSync(join(frameworkCache, "data"), {recursive: true, force: true});
  mkdirSync(frameworkCache, {recursive: true});
  writeFileSync(stampFile, fingerprint);
  return previous !== undefined;
}
