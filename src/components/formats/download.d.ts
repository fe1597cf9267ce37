/** A text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`…), apostrophe-prefixed; numbers kept. */
export function neutralizeFormula(text: string): string;
/** Quotes one CSV field when it needs it (RFC 4180), formulas neutralised; null and undefined give an empty field. */
export function csvField(value: unknown): string;
/** CSV text of an Apache Arrow table or an array of objects, header first, one line per row. */
export function toCsv(
  table: Iterable<Record<string, unknown>> & {schema?: {fields: {name: string}[]}}
): string;
/** The CSV of a table as a Blob (text/csv, UTF-8). */
export function csvBlob(
  table: Iterable<Record<string, unknown>> & {schema?: {fields: {name: string}[]}}
): Blob;
/** A download button whose file is made by `make` when first clicked. */
export function preparedDownload(
  label: string,
  filename: string,
  make: () => Promise<Blob>
): HTMLAnchorElement;
