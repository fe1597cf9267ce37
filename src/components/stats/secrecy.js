// Showing counts masked by the kit's small-count rule on a page: a masked count is written "masqué", never 0 or blank.
// Cells come as numbers, as {value, status} objects, or as a value column plus a "<column>_statut" column
// (the flat form of Arrow tables written by loaders/education). Pure functions, no imports.

/** Text shown in place of a secret count. */
export const SECRET_LABEL = "masqué";

/** Sentence explaining the label, for a table's note. */
export const SECRET_NOTE =
  "« masqué » : effectif de 1 à 10, ou masqué pour qu'on ne puisse pas le retrouver à partir des totaux publiés (règle de diffusion des petits effectifs du kit, seuil 11).";

/** True when the cell (or the row's `<column>_statut`) says the count is secret. */
export function isSecretCount(cell, status) {
  if (status === "secret") return true;
  return cell !== null && typeof cell === "object" && cell.status === "secret";
}

/** The number of a cell, or null when it is secret or missing (for charts: a gap, never a 0). */
export function countValue(cell, status) {
  if (isSecretCount(cell, status)) return null;
  if (cell !== null && typeof cell === "object") return typeof cell.value === "number" ? cell.value : null;
  if (typeof cell === "bigint") return Number(cell);
  return typeof cell === "number" ? cell : null;
}

/** A count as French text: `1 234`, `secret`, or "" when missing. */
export function formatCount(cell, status) {
  if (isSecretCount(cell, status)) return SECRET_LABEL;
  const value = countValue(cell, status);
  return value === null ? "" : value.toLocaleString("fr-FR");
}

/** Formats `row[column]` using the row's `<column>_statut` when present. */
export function formatRowCount(row, column) {
  return formatCount(row[column], row[`${column}_statut`]);
}
