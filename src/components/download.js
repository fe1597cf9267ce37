/**
 * Downloads made in the browser: a CSV from an Arrow table (or an array of objects), with codes kept as text
 * and values written the way spreadsheets and DuckDB read them back (dot decimals, ISO dates).
 */

/**
 * Quotes one CSV field when it needs it (RFC 4180).
 * @param {unknown} value
 * @returns {string}
 */
export function csvField(value) {
  if (value == null) return "";
  const text =
    value instanceof Date
      ? value.toISOString().slice(0, 10)
      : typeof value === "bigint"
        ? value.toString()
        : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A CSV text of a table: an Apache Arrow table (columns from its schema) or an array of objects.
 * @param {any} table
 * @returns {string}
 */
export function toCsv(table) {
  const columns = table?.schema?.fields
    ? table.schema.fields.map((f) => f.name)
    : Object.keys((Array.isArray(table) && table[0]) || {});
  const lines = [columns.map(csvField).join(",")];
  for (const row of table) lines.push(columns.map((c) => csvField(row[c])).join(","));
  return lines.join("\n") + "\n";
}

/**
 * The CSV of a table as a Blob, ready for `URL.createObjectURL`.
 * @param {any} table
 * @returns {Blob}
 */
export function csvBlob(table) {
  return new Blob([toCsv(table)], {type: "text/csv;charset=utf-8"});
}
