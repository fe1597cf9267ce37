/**
 * A dataset declaration for generated files (tests, bench): only its id, columns and reading options matter; the
 * rest is placeholder metadata.
 */
import type {DatasetDeclaration} from "./dataset.ts";
import type {ColumnSpec} from "./schema.ts";
import {emptyTable} from "./table.ts";

/** The declaration `id` with `columns`, and `extra` fields (`csv`, `key`, `prepare`, `title`…). */
export function generatedDeclaration(
  id: string,
  columns: readonly ColumnSpec[],
  extra: Partial<DatasetDeclaration> = {}
): DatasetDeclaration {
  return {
    id,
    title: "Essai",
    description: "Fichier généré",
    producer: "kit",
    licence: "-",
    vintage: "-",
    updateFrequency: "-",
    level: "commune",
    source: {portal: "package", package: "none"},
    columns,
    offline: {status: "démonstration", build: () => emptyTable([]), note: ""},
    ...extra
  };
}
