/**
 * Column declarations shared by the education datasets (same meaning, same checks everywhere): UAI, rentrée,
 * secteur, département, commune, and plain text columns.
 */
import type {ColumnSpec} from "../core/schema.ts";
import {UAI_PATTERN} from "./codes.ts";

/** The UAI column: seven digits and a letter, upper-cased by `prepare`. */
export const uaiColumn = (
  aliases: readonly string[],
  description = "Code UAI de l'établissement (7 chiffres et une lettre)"
): ColumnSpec => ({
  name: "uai",
  type: "string",
  description,
  nullable: false,
  pattern: UAI_PATTERN,
  aliases
});

/** The rentrée column: start year of the school year (2021 for 2021-2022). */
export const rentreeColumn = (aliases: readonly string[]): ColumnSpec => ({
  name: "rentree",
  type: "integer",
  description: "Année de la rentrée scolaire (2021 pour 2021-2022)",
  nullable: false,
  min: 1950,
  max: 2100,
  aliases
});

/** The secteur column: `public` or `privé` (normalised by `prepare`). */
export const secteurColumn = (aliases: readonly string[], nullable: boolean): ColumnSpec => ({
  name: "secteur",
  type: "string",
  description: "Secteur : public ou privé (sous contrat)",
  nullable,
  allowed: {values: ["public", "privé"]},
  aliases
});

/** The département code column (COG form: `35`, `2A`, `971`; files write `035`, `02A`). */
export const departementColumn = (
  aliases: readonly string[],
  description = "Code du département (COG : 35, 2A, 971 ; le fichier écrit 035, 02A)"
): ColumnSpec => ({
  name: "departement",
  type: "code",
  code: "departement",
  description,
  nullable: false,
  aliases
});

/** The commune code column. */
export const communeColumn = (
  aliases: readonly string[],
  nullable: boolean,
  description = "Code INSEE de la commune"
): ColumnSpec => ({
  name: "code_commune",
  type: "code",
  code: "commune",
  description,
  nullable,
  aliases
});

/** A nullable text column. */
export const textColumn = (
  name: string,
  description: string,
  aliases: readonly string[] = []
): ColumnSpec => ({
  name,
  type: "string",
  description,
  nullable: true,
  aliases
});

/** A nullable postal code column. */
export const postalColumn = (aliases: readonly string[]): ColumnSpec => ({
  name: "code_postal",
  type: "code",
  code: "postal",
  description: "Code postal",
  nullable: true,
  aliases
});
