/**
 * Normalisation of the identifier codes found in French public data files.
 *
 * Every code stays a string: `01001` read as a number would lose its leading zero, and Corsica's `2A004` is not
 * a number at all. Each function returns the canonical form, or `null` when the value cannot be such a code.
 */

/** A canonical code kind understood by the schema (`type: "code"` columns). */
export type CodeKind = "commune" | "departement" | "region" | "iris" | "siret" | "siren" | "postal";

/**
 * Commune (or arrondissement municipal) code: 5 characters, `01001`, `2A004`, `97101`.
 * Accepts `1001` (leading zero lost by a spreadsheet) and lower-case `2a004`.
 */
export function normalizeCommune(raw: string): string | null {
  const value = raw.trim().toUpperCase();
  if (/^\d{4}$/.test(value)) return `0${value}`;
  if (/^(?:\d{5}|2[AB]\d{3})$/.test(value)) return value;
  return null;
}

/**
 * Département code: `01`, `2A`, `971`. Accepts `1` → `01` and Éducation nationale's three-character form
 * (`001` → `01`, `035` → `35`, `02A` → `2A`); DROM/COM codes (`971`…`989`) keep three characters.
 */
export function normalizeDepartement(raw: string): string | null {
  let value = raw.trim().toUpperCase();
  if (/^0(?:\d{2}|2[AB])$/.test(value)) value = value.slice(1);
  if (/^\d$/.test(value)) value = `0${value}`;
  if (/^(?:\d{2}|2[AB]|9[78]\d)$/.test(value) && value !== "20") return value;
  return null;
}

/** Région code: `84`, `01` (Guadeloupe), accepts `1` → `01`. */
export function normalizeRegion(raw: string): string | null {
  let value = raw.trim();
  if (/^\d$/.test(value)) value = `0${value}`;
  return /^\d{2}$/.test(value) ? value : null;
}

/** IRIS code: 9 characters, commune code + 4 digits (`010010000`, `2A0040101`); accepts 8 digits (lost zero). */
export function normalizeIris(raw: string): string | null {
  const value = raw.trim().toUpperCase();
  if (/^\d{8}$/.test(value)) return `0${value}`;
  return /^(?:\d{5}|2[AB]\d{3})\d{4}$/.test(value) ? value : null;
}

/** SIRET: 14 digits; spaces are removed (`123 456 789 00012`). */
export function normalizeSiret(raw: string): string | null {
  const value = raw.replace(/[\s\u00a0]/g, "");
  return /^\d{14}$/.test(value) ? value : null;
}

/** SIREN: 9 digits; spaces are removed. */
export function normalizeSiren(raw: string): string | null {
  const value = raw.replace(/[\s\u00a0]/g, "");
  return /^\d{9}$/.test(value) ? value : null;
}

/** Postal code: 5 digits; accepts `1100` (lost leading zero) → `01100`. */
export function normalizePostal(raw: string): string | null {
  const value = raw.trim();
  if (/^\d{4}$/.test(value)) return `0${value}`;
  return /^\d{5}$/.test(value) ? value : null;
}

/** The normaliser of each code kind. */
export const CODE_NORMALIZERS: Record<CodeKind, (raw: string) => string | null> = {
  commune: normalizeCommune,
  departement: normalizeDepartement,
  region: normalizeRegion,
  iris: normalizeIris,
  siret: normalizeSiret,
  siren: normalizeSiren,
  postal: normalizePostal
};

/** Commune code an IRIS code belongs to (its first 5 characters). */
export function communeOfIris(iris: string): string {
  return iris.slice(0, 5);
}

/** Département of a commune code: `2A004` → `2A`, `97101` → `971`, `01001` → `01`. */
export function departementOfCommune(commune: string): string {
  return commune.startsWith("97") || commune.startsWith("98") ? commune.slice(0, 3) : commune.slice(0, 2);
}
