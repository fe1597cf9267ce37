/**
 * French number and date formats, shared by every chart, table and map of the kit: `1 234,5`, not `1,234.5`.
 * Plain functions over Intl, usable as Plot's `tickFormat` or in `Inputs.table({format})`.
 */

const numberFormats = new Map();

/**
 * @param {number | undefined} digits fraction digits (undefined: 0 to 2)
 * @param {"decimal" | "percent"} [style]
 */
function numberFormat(digits, style = "decimal") {
  const key = `${style}:${digits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat("fr-FR", {
      style,
      minimumFractionDigits: digits ?? 0,
      maximumFractionDigits: digits ?? 2
    });
    numberFormats.set(key, format);
  }
  return format;
}

/**
 * Formats a number the French way (narrow no-break space between thousands, decimal comma).
 * @param {number | null | undefined} x
 * @param {number} [digits] fixed number of decimals; by default up to two, without trailing zeros
 * @returns {string} "" for null, undefined or NaN
 */
export function formatNumber(x, digits) {
  if (x == null || Number.isNaN(x)) return "";
  return numberFormat(digits).format(x);
}

/**
 * Formats a ratio (0.123 → "12,3 %").
 * @param {number | null | undefined} x
 * @param {number} [digits=1]
 */
export function formatPercent(x, digits = 1) {
  if (x == null || Number.isNaN(x)) return "";
  return numberFormat(digits, "percent").format(x);
}

const dateFormats = {
  day: new Intl.DateTimeFormat("fr-FR", {day: "numeric", month: "long", year: "numeric", timeZone: "UTC"}),
  month: new Intl.DateTimeFormat("fr-FR", {month: "short", year: "numeric", timeZone: "UTC"}),
  year: new Intl.DateTimeFormat("fr-FR", {year: "numeric", timeZone: "UTC"})
};

/**
 * Formats a date in French ("28 novembre 2026", "nov. 2026" or "2026").
 * @param {Date | string | number | null | undefined} date
 * @param {"day" | "month" | "year"} [precision="day"]
 */
export function formatDate(date, precision = "day") {
  if (date == null) return "";
  const d = date instanceof Date ? date : new Date(date);
  if (Number.isNaN(d.getTime())) return "";
  return dateFormats[precision].format(d);
}
