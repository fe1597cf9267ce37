// Join of indicator values to map features by code, telling apart "no data" and "secret" and listing the codes
// that do not match. Pure: tested with vitest.

/** Values that mean "statistical secrecy" in French open data files. */
export const SECRET_MARKERS = new Set(["s", "secret", "nd", "n.d.", "c"]);

/**
 * Joins rows to features.
 * @param {{id?: string | number, properties?: object}[]} features map features (id = territory code)
 * @param {Iterable<object>} rows the indicator, one row per territory
 * @param {{code?: string | ((row: object) => string), value?: string | ((row: object) => unknown), secret?: (row: object) => boolean}} [options]
 *   `code` and `value`: field names or accessors (default "code" and "value"); `secret`: tells a secret row
 *   (default: the value is one of {@link SECRET_MARKERS}, case-insensitive).
 * @returns {{values: Map<string, {status: "value" | "secret" | "missing", value: number | null}>,
 *   unmatched: string[], missing: string[], counts: {value: number, secret: number, missing: number}}}
 *   `unmatched`: codes of rows with no feature (sorted); `missing`: features with no row (sorted).
 */
export function joinValues(features, rows, {code = "code", value = "value", secret} = {}) {
  const codeOf = typeof code === "function" ? code : (r) => r[code];
  const valueOf = typeof value === "function" ? value : (r) => r[value];
  const isSecret =
    secret ??
    ((r) => {
      const v = valueOf(r);
      return typeof v === "string" && SECRET_MARKERS.has(v.trim().toLowerCase());
    });
  const byCode = new Map();
  for (const row of rows) {
    const c = codeOf(row);
    if (c != null) byCode.set(String(c), row);
  }
  const values = new Map();
  const counts = {value: 0, secret: 0, missing: 0};
  const missing = [];
  const seen = new Set();
  for (const f of features) {
    const c = String(f.id);
    seen.add(c);
    const row = byCode.get(c);
    let entry;
    if (row === undefined) {
      entry = {status: "missing", value: null};
      missing.push(c);
    } else if (isSecret(row)) entry = {status: "secret", value: null};
    else {
      const raw = valueOf(row);
      const v = typeof raw === "string" ? Number(raw.replace(/\s/g, "").replace(",", ".")) : raw;
      entry =
        raw == null || raw === "" || !Number.isFinite(v)
          ? {status: "missing", value: null}
          : {status: "value", value: v};
    }
    counts[entry.status]++;
    values.set(c, entry);
  }
  const unmatched = [...byCode.keys()].filter((c) => !seen.has(c)).sort();
  return {values, unmatched, missing: missing.sort(), counts};
}

/**
 * Keeps the features inside one département or région (zoom filter). Commune codes start with their
 * département's code; départements and communes are placed in a région through `regionOf` (département → région).
 * @param {"commune" | "epci" | "departement" | "region"} level level of the features
 * @param {{departement?: string, region?: string} | null | undefined} within
 * @param {Map<string, string>} regionOf département code → région code
 * @param {Map<string, string[]>} [departementsOfEpci] EPCI SIREN → départements of its communes
 * @returns {(feature: {id?: string | number}) => boolean}
 */
export function territoryFilter(level, within, regionOf, departementsOfEpci) {
  if (!within || (!within.departement && !within.region)) return () => true;
  const depOf = (f) => {
    const c = String(f.id);
    if (level === "departement") return [c];
    if (level === "commune") return [c.startsWith("97") ? c.slice(0, 3) : c.slice(0, 2)];
    if (level === "epci") return departementsOfEpci?.get(c) ?? [];
    return [];
  };
  if (within.departement) return (f) => depOf(f).includes(within.departement);
  if (level === "region") return (f) => String(f.id) === within.region;
  return (f) => depOf(f).some((d) => regionOf.get(d) === within.region);
}
