/**
 * Branded string types for French territorial codes (INSEE COG, SIREN of EPCI).
 *
 * A code is always a string: `01001`, `2A004`, `971`; never a number (leading zeros and Corsica's 2A/2B).
 */

declare const brand: unique symbol;
type Brand<T, B extends string> = T & {readonly [brand]: B};

/** INSEE commune code, 5 characters (`01001`, `2A004`, `97101`); also used for arrondissements municipaux. */
export type CommuneCode = Brand<string, "CommuneCode">;
/** SIREN of an EPCI à fiscalité propre, 9 digits (`200054781`). */
export type EpciCode = Brand<string, "EpciCode">;
/** INSEE département code, 2 or 3 characters (`01`, `2A`, `971`). */
export type DepartementCode = Brand<string, "DepartementCode">;
/** INSEE région code, 2 digits (`84`) or a COM code (`975`). */
export type RegionCode = Brand<string, "RegionCode">;

/** The four levels of territory the kit maps and aggregates to. */
export type Level = "commune" | "epci" | "departement" | "region";

/** Code type of each level. */
export interface LevelCode {
  commune: CommuneCode;
  epci: EpciCode;
  departement: DepartementCode;
  region: RegionCode;
}

const PATTERNS: Record<Level, RegExp> = {
  commune: /^(?:\d{5}|2[AB]\d{3})$/,
  epci: /^\d{9}$/,
  departement: /^(?:\d{2}|2[AB]|9[78]\d)$/,
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
