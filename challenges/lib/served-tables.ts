/** Reads several served tables at once, for the défi data loaders of `src/data/defis/`. */
import type {DataTable} from "../../loaders/core/table.ts";
import {servedTable} from "../../loaders/serve.ts";

/**
 * The served tables named by `names` (key → served name, e.g. `{ifn: "fragilite-numerique-communes"}`), under
 * the same keys.
 */
export async function servedTables<K extends string>(
  names: Record<K, string>
): Promise<Record<K, DataTable>> {
  const entries = await Promise.all(
    Object.entries<string>(names).map(async ([key, name]) => [key, await servedTable(name)] as const)
  );
  return Object.fromEntries(entries) as Record<K, DataTable>;
}
