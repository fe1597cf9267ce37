/**
 * Codes used by Éducation nationale files: the UAI of a school (unité administrative immatriculée) and the
 * rentrée scolaire.
 *
 * All codes are branded strings, never numbers. Commune and département codes are normalised by
 * `loaders/core/codes.ts` (`035` → `35`, `02A` → `2A`, `971` stays), which brands them as this module brands the UAI.
 */
import type {Brand, DepartementCode} from "../core/codes.ts";

/** A UAI: seven digits and a check letter, e.g. `0350001A`. Always trimmed and upper case. */
export type Uai = Brand<string, "Uai">;

/**
 * The 23 letters of the UAI check key: the letter is `UAI_KEY_LETTERS[number mod 23]`, where `number` is
 * the seven digits. I, O and Q are left out (they read as 1, 0 and 0). Verified on the 32,091 UAI of the
 * national IPS file (rentrée 2021).
 */
export const UAI_KEY_LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ";

/** The shape of a UAI, as a Table Schema `pattern` (for column declarations). */
export const UAI_PATTERN = "^\\d{7}[A-Z]$";

const UAI_FORMAT = new RegExp(UAI_PATTERN);

/** The check letter a UAI with these seven digits should end with. */
export function uaiKey(digits: string): string {
  if (!/^\d{7}$/.test(digits)) throw new Error(`uaiKey: seven digits expected, got "${digits}"`);
  return UAI_KEY_LETTERS[Number(digits) % 23] as string;
}

/** What is wrong with a UAI, if anything: its shape (`format`) or its check letter (`key`). */
export type UaiProblem = "format" | "key";

/** A UAI read from a file: the normalised code, and the problem found in it (undefined when valid). */
export interface CheckedUai {
  /** Trimmed, upper-cased input (a valid UAI when `problem` is undefined). */
  readonly uai: Uai;
  /** `format`: not seven digits and a letter; `key`: the letter does not match the digits. */
  readonly problem?: UaiProblem;
}

/** Normalises (trim, upper case) and checks a UAI. Never throws. */
export function checkUai(raw: string): CheckedUai {
  const uai = raw.trim().toUpperCase() as Uai;
  if (!UAI_FORMAT.test(uai)) return {uai, problem: "format"};
  if (uaiKey(uai.slice(0, 7)) !== uai[7]) return {uai, problem: "key"};
  return {uai};
}

/** Builds a valid UAI from seven digits, appending its check letter. */
export function makeUai(digits: string): Uai {
  return (digits + uaiKey(digits)) as Uai;
}

/** The three digits a UAI starts with for a département: `035`, `971`; Corsica uses `620` (2A) and `720` (2B). */
export function uaiPrefix(departement: DepartementCode): string {
  if (departement === "2A") return "620";
  if (departement === "2B") return "720";
  return departement.padStart(3, "0");
}

/**
 * The département a UAI belongs to, from its first three digits (`035…` → `35`, `620…` → `2A`, `720…` → `2B`,
 * `971…` → `971`). Null when the prefix is no département (e.g. schools abroad).
 */
export function departementOfUai(uai: Uai): DepartementCode | null {
  const prefix = uai.slice(0, 3);
  if (prefix === "620") return "2A" as DepartementCode;
  if (prefix === "720") return "2B" as DepartementCode;
  if (/^0(?:0[1-9]|[1-8]\d|9[0-5])$/.test(prefix) && prefix !== "020")
    return prefix.slice(1) as DepartementCode;
  if (/^97[1-6]$/.test(prefix)) return prefix as DepartementCode;
  return null;
}

/**
 * The start year of a rentrée scolaire, as written in Éducation nationale files: `2021-2022`, `2021/2022`,
 * `2021`. Returns null for anything else.
 */
export function parseRentree(raw: string): number | null {
  const m = /^\s*(\d{4})(?:\s*[-/]\s*(\d{4}))?\s*$/.exec(raw);
  if (!m) return null;
  const start = Number(m[1]);
  if (m[2] !== undefined && Number(m[2]) !== start + 1) return null;
  return start >= 1950 && start <= 2100 ? start : null;
}
