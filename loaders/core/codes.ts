/**
 * The identifier codes of French public data files, in one place: their branded types (INSEE COG, SIREN of EPCI,
 * and the `Brand` other floors use for theirs, e.g. the UAI of `education/codes.ts`), their shapes, and the
 * normalisation of what files write into them.
 *
 * Every code stays a string: `01001` read as a number would lose its leading zero, and Corsica's `2A004` is not
 * a number at all. Each normaliser returns the canonical form, branded, or `null` when the value cannot be such a
 * code.
 */

declare const brand: unique symbol;
/** A string (or other base type) branded `B`: only a checked value becomes one. */
export type Brand<T, B extends string> = T & {readonly [brand]: B};

/** INSEE commune code, 5 characters (`01001`, `2A004`, `97101`); also used for arrondissements municipaux. */
export type CommuneCode = Brand<string, "CommuneCode">;
/** SIREN of an EPCI à fiscalité propre, 9 digits (`200054781`). */
export type EpciCode = Brand<string, "EpciCode">;
/** INSEE département code, 2 or 3 characters (`01`, `2A`, `971`). */
export type DepartementCode = Brand<string, "DepartementCode">;
/** INSEE région code, 2 digits (`84`) or a COM code (`975`). */
export type RegionCode = Brand<string, "RegionCode">;
/** INSEE IRIS code: commune code + 4 digits (`010010000`, `2A0040101`). */
export type IrisCode = Brand<string, "IrisCode">;
/** SIRET of an establishment, 14 digits. */
export type Siret = Brand<string, "Siret">;
/** SIREN of a legal unit, 9 digits. */
export type Siren = Brand<string, "Siren">;
/** Postal code, 5 digits. */
export type PostalCode = Brand<string, "PostalCode">;

/** The four levels of territory the kit maps and aggregates to. */
export type Level = "commune" | "epci" | "departement" | "region";

/** Code type of each level. */
export interface LevelCode {
  commune: CommuneCode;
  epci: EpciCode;
  departement: DepartementCode;
  region: RegionCode;
}

/** Commune code shape: five digits, or Corsica's `2A`/`2B` and three digits. */
const COMMUNE = /^(?:\d{5}|2[AB]\d{3})$/;
/** Département code shape: two digits, `2A`/`2B`, or an overseas three-digit code (`971`…`989`). */
const DEPARTEMENT = /^(?:\d{2}|2[AB]|9[78]\d)$/;

const PATTERNS: Record<Level, RegExp> = {
  commune: COMMUNE,
  epci: /^\d{9}$/,
  departement: DEPARTEMENT,
  region: /^(?:\d{2}|9[78]\d)$/
};

/** True when `value` has the shape of a code of `level` (shape only, not existence). */
export function isCode<L extends Level>(level: L, value: string): value is LevelCode[L] {
  return PATTERNS[level].test(value);
}

/**
 * Brands `value` as a code of `level` after checking its shape.
 * @throws Error naming the level and the value when the shape is wrong.
 */
export function asCode<L extends Level>(level: L, value: string): LevelCode[L] {
  if (!isCode(level, value)) throw new Error(`Invalid ${level} code: ${JSON.stringify(value)}`);
  return value;
}

/** Brands a commune code (shape-checked). */
export const asCommuneCode = (value: string): CommuneCode => asCode("commune", value);

/** A canonical code kind understood by the schema (`type: "code"` columns). */
export type CodeKind = "commune" | "departement" | "region" | "iris" | "siret" | "siren" | "postal";

/**
 * Commune (or arrondissement municipal) code: 5 characters, `01001`, `2A004`, `97101`.
 * Accepts `1001` (leading zero lost by a spreadsheet) and lower-case `2a004`.
 */
export function normalizeCommune(raw: string): CommuneCode | null {
  const value = raw.trim().toUpperCase();
  if (/^\d{4}$/.test(value)) return `0${value}` as CommuneCode;
  return COMMUNE.test(value) ? (value as CommuneCode) : null;
}

/**
 * Département code: `01`, `2A`, `971`. Accepts `1` → `01` and Éducation nationale's three-character form
 * (`001` → `01`, `035` → `35`, `02A` → `2A`); DROM/COM codes (`971`…`989`) keep three characters.
 */
export function normalizeDepartement(raw: string): DepartementCode | null {
  let value = raw.trim().toUpperCase();
  if (/^0(?:\d{2}|2[AB])$/.test(value)) value = value.slice(1);
  if (/^\d$/.test(value)) value = `0${value}`;
  return DEPARTEMENT.test(value) && value !== "20" ? (value as DepartementCode) : null;
}

/** Région code: `84`, `01` (Guadeloupe), accepts `1` → `01`. */
export function normalizeRegion(raw: string): RegionCode | null {
  let value = raw.trim();
  if (/^\d$/.test(value)) value = `0${value}`;
  return /^\d{2}$/.test(value) ? (value as RegionCode) : null;
}

/** IRIS code: 9 characters, commune code + 4 digits (`010010000`, `2A0040101`); accepts 8 digits (lost zero). */
export function normalizeIris(raw: string): IrisCode | null {
  const value = raw.trim().toUpperCase();
  if (/^\d{8}$/.test(value)) return `0${value}` as IrisCode;
  return COMMUNE.test(value.slice(0, 5)) && /^\d{4}$/.test(value.slice(5)) ? (value as IrisCode) : null;
}

/** SIRET: 14 digits; spaces are removed (`123 456 789 00012`). */
export function normalizeSiret(raw: string): Siret | null {
  const value = raw.replace(/[\s\u00a0]/g, "");
  return /^\d{14}$/.test(value) ? (value as Siret) : null;
}

/** SIREN: 9 digits; spaces are removed. */
export function normalizeSiren(raw: string): Siren | null {
  const value = raw.replace(/[\s\u00a0]/g, "");
  return /^\d{9}$/.test(value) ? (value as Siren) : null;
}

/** Postal code: 5 digits; accepts `1100` (lost leading zero) → `01100`. */
export function normalizePostal(raw: string): PostalCode | null {
  const value = raw.trim();
  if (/^\d{4}$/.test(value)) return `0${value}` as PostalCode;
  return /^\d{5}$/.test(value) ? (value as PostalCode) : null;
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
