/**
 * Downloads made in the browser: a CSV from an Arrow table (or an array of objects), with codes kept as text
 * and values written the way spreadsheets and DuckDB read them back (dot decimals, ISO dates).
 */

/** A text a spreadsheet would run as a formula: it starts with `=`, `+`, `-`, `@`, a tab or a carriage return. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A plain number as a CSV cell may hold it (`-12`, `+3.5`, `-1e-3`): not a formula. */
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * A text from the data that a spreadsheet would read as a formula (CSV injection: `=HYPERLINK(…)`, `@SUM(…)`,
 * `-2+3`), with an apostrophe in front so that it stays text; numbers (`-12.5`) are left as they are. Pure.
 * @param {string} text
 * @returns {string}
 */
export function neutralizeFormula(text) {
  return FORMULA_START.test(text) && !NUMBER.test(text) ? `'${text}` : text;
}

/**
 * Quotes one CSV field when it needs it (RFC 4180); a text that would run as a formula in a spreadsheet is
 * neutralised ({@link neutralizeFormula}).
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
        : typeof value === "string"
          ? neutralizeFormula(value)
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

/**
 * A download button whose file is made when first clicked (the table is fetched then, not with the page): the
 * label reads « (préparation…) » meanwhile, then the file is saved; later clicks save it again at once.
 * @param {string} label
 * @param {string} filename
 * @param {() => Promise<Blob>} make
 * @returns {HTMLAnchorElement}
 */
export function preparedDownload(label, filename, make) {
  const link = document.createElement("a");
  link.className = "kit-button";
  link.href = "#";
  link.download = filename;
  link.textContent = label;
  link.addEventListener("click", async (event) => {
    if (link.href.startsWith("blob:")) return;
    event.preventDefault();
    link.textContent = `${label} (préparation…)`;
    link.href = URL.createObjectURL(await make());
    link.textContent = label;
    link.click();
  });
  return link;
}
