/**
 * CSV rows as objects without running generated code. d3-dsv's `csvParse` (behind `FileAttachment(…).csv()`)
 * builds its row objects with `new Function`, which the site's Content-Security-Policy forbids
 * (scripts/offline/csp.ts); `d3.csvParseRows` does not, and this turns its arrays into objects. Pure.
 */

/**
 * Objects keyed by the header (the first row), every value a string (codes such as `"01"` stay text). A short
 * row leaves its missing fields empty; a header name given twice keeps the last value, as `csvParse` does.
 * @param {string[][]} rows header first, as `d3.csvParseRows(text)` gives them
 * @returns {Record<string, string>[]}
 */
export function csvObjects(rows) {
  const [header = [], ...body] = rows;
  return body.map((row) => {
    /** @type {Record<string, string>} */
    const object = {};
    header.forEach((name, i) => (object[name] = row[i] ?? ""));
    return object;
  });
}
