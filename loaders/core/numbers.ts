/**
 * Parsing of numbers written the French way: decimal comma, thousands separated by spaces (normal,
 * non-breaking U+00A0 or narrow non-breaking U+202F), optional percent sign. Plain `1234.5` also works.
 */

const SPACES = /[\s\u00a0\u202f]/g;

/** Parses `1 234,5`, `1234.5`, `-0,25`, `12,5 %`; returns `null` for anything else (never `NaN`). */
export function parseFrenchNumber(raw: string): number | null {
  let value = raw.replace(SPACES, "");
  if (value.endsWith("%")) value = value.slice(0, -1);
  if (value === "") return null;
  if (value.includes(",")) {
    // A comma is the decimal separator; a dot beside it can only be a thousands separator (1.234,5).
    if (value.indexOf(",") !== value.lastIndexOf(",")) return null;
    value = value.replace(/\.(?=\d{3}(?:\D|$))/g, "").replace(",", ".");
  }
  if (!/^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/.test(value)) return null;
  const number = Number(value);
  return Number.isFinite(number) ? number : null;
}

/**
 * How producers write a missing number (compared in lower case): not available, not applicable, statistical
 * secrecy (`s`, INSEE), not significant, dashes. In a numeric column they are read as null, as an empty cell.
 */
export const MISSING_NUMBER_MARKERS: readonly string[] = [
  "na",
  "n/a",
  "n.a.",
  "nan",
  "null",
  "-",
  "–",
  "—",
  "s",
  "nd",
  "n.d.",
  "nc",
  "n.c.",
  "ns",
  "n.s.",
  "secret"
];

/** True when trimmed `text` is a missing-number marker (`NA`, `-`, `s`, `nd`, `n.d.`…). */
export const isMissingNumberMarker = (text: string) => MISSING_NUMBER_MARKERS.includes(text.toLowerCase());
