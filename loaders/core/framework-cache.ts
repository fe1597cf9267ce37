/**
 * Invalidating Observable Framework's cache of data loader outputs. Framework re-runs a loader only when the
 * loader file is newer than its cached output, so when a dataset changes on disk the outputs that depend on it
 * must be deleted: `cache/data/<id>*`, and the output of every loader under `src/` whose code names the dataset.
 */
import {readdir, readFile, rm} from "node:fs/promises";
import {join, relative} from "node:path";

const LOADER = /\.[a-z0-9]+\.(?:ts|js|mjs|py|sh)$/i;

async function listFiles(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, {withFileTypes: true});
  } catch {
    return [];
  }
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await listFiles(path)));
    else files.push(path);
  }
  return files;
}

/** True when loader source `code` names dataset `id` as a quoted string. */
export function loaderMentions(code: string, id: string): boolean {
  return code.includes(`"${id}"`) || code.includes(`'${id}'`) || code.includes(`\`${id}\``);
}

/** True when loader source `code` serves every dataset (imports `loaders/site/data-archive.ts`, e.g. the site's archive). */
export function loaderServesAll(code: string): boolean {
  return /from\s+["'][./]*loaders\/site\/data-archive(?:\.ts)?["']/.test(code);
}

/**
 * Deletes the cached outputs depending on dataset `id`; returns the deleted paths.
 * @param site Framework's source root (`src/`)
 * @param cache Framework's cache folder (`src/.observablehq/cache`)
 */
export async function invalidateFrameworkCache(site: string, cache: string, id: string): Promise<string[]> {
  const deleted: string[] = [];
  for (const file of await listFiles(join(cache, "data"))) {
    if (relative(join(cache, "data"), file).startsWith(id)) {
      await rm(file, {force: true});
      deleted.push(file);
    }
  }
  for (const loader of (await listFiles(site)).filter((f) => LOADER.test(f))) {
    const code = await readFile(loader, "utf8");
    if (!loaderMentions(code, id) && !loaderServesAll(code)) continue;
    const output = join(cache, relative(site, loader).replace(/\.[^.]+$/, ""));
    await rm(output, {force: true});
    deleted.push(output);
    // Members of an archive (data/donnees.zip → data/donnees/*) are cached beside it and must go too.
    const archive = /\.(?:zip|tar|tgz|tar\.gz)$/.exec(output);
    if (archive) {
      const members = output.slice(0, -archive[0].length);
      await rm(members, {recursive: true, force: true});
      deleted.push(members);
    }
  }
  return deleted;
}
