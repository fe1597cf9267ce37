/** A count as loaders/education/secrecy.ts writes it. */
export type CountCell = {value: number; status: "published"} | {value: null; status: "secret"};
/** Text shown in place of a secret count: "secret". */
export const SECRET_LABEL: string;
/** Sentence explaining the label, for a table's note (French). */
export const SECRET_NOTE: string;
/** True when the cell, or the parallel status (`<column>_statut`), says the count is secret. */
export function isSecretCount(cell: unknown, status?: unknown): boolean;
/** The number of a cell; null when secret or missing (a gap in a chart, never a 0). */
export function countValue(cell: unknown, status?: unknown): number | null;
/** A count as French text: `1 234`, `secret`, or "" when missing. */
export function formatCount(cell: unknown, status?: unknown): string;
/** Formats `row[column]` with the row's `<column>_statut`. */
export function formatRowCount(row: Record<string, unknown>, column: string): string;
