/** Reads several served tables at once, for the défi data loaders of `src/data/defis/`. */
import type {DataTable} from "../../core/table.ts";

/**
 * The served tables named by `names` (key → served name, e.g. `{ifn: "fragilite-numerique-communes"}`), under
 * the same keys, read with `read`. A loader passes `servedTable` of `loaders/site/data-archive.ts`: importing it there is
 * what tells the kit's cache invalidation (`loaders/core/framework-cache.ts`) to rebuild the loader's output
 * whenever any dataset is loaded.
 */
export async function servedTables<K extends string>(
  read: (name: string) => Promise<DataTable>,
  names: Record<K, string>
): Promise<Record<K, DataTable>> {
  const entries = await Promise.all(
    Object.entries<string>(names).map(async ([key, name]) => [key, await read(name)] as const)
  );
  return Object.fromEntries(entries) as Record<K, DataTable>;
}
