/**
 * The `prepare` step shared by the education declarations: rename the columns of any known vintage to the
 * canonical ones, normalise the values whose spelling drifts (UAI case, secteur, éducation prioritaire), and
 * report the columns no known vintage has.
 */
import {departementOfCommune, normalizeCommune} from "../core/codes.ts";
import type {RawFile} from "../core/records.ts";
import {renameColumns, warnUnknownColumns, type CellRewrite, type ColumnVocabulary} from "./columns.ts";

const text = (value: unknown): string => (value === null || value === undefined ? "" : String(value).trim());

/** UAI: trimmed and upper-cased (validated afterwards against the UAI pattern). */
export const upperCode: CellRewrite = (value) => text(value).toUpperCase();

/**
 * Secteur: `Public`, `PUBLIC`, `public` → `public`; `Privé`, `PRIVE`, `privé sous contrat` → `privé`;
 * anything else is left as written (and rejected by the column's vocabulary, with its line).
 */
export const secteur: CellRewrite = (value) => {
  const v = text(value)
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
  if (v === "") return "";
  if (v === "public" || v === "pu") return "public";
  if (v.startsWith("prive") || v === "pr") return "privé";
  return text(value);
};

/** Éducation prioritaire: `REP`, `REP+` (`REP +`, `rep plus`); empty, `0`, `Hors EP`, `HEP` → empty. */
export const educationPrioritaire: CellRewrite = (value) => {
  const v = text(value).toUpperCase().replace(/\s+/g, "");
  if (v === "" || v === "0" || v === "HORSEP" || v === "HEP" || v === "NON") return "";
  if (v === "REP+" || v === "REPPLUS") return "REP+";
  return v === "REP" ? "REP" : text(value);
};

/** Département: as written when the file has it, else from the commune code (vintages without the column). */
export const departementFromCommune: CellRewrite = (value, record) => {
  if (text(value) !== "") return value;
  const commune = normalizeCommune(text(record.code_commune));
  return commune === null ? "" : departementOfCommune(commune);
};

/** Builds a `prepare` function for a declaration: rename, rewrite, warn about unknown columns. */
export function educationPrepare(
  dataset: string,
  vocabulary: ColumnVocabulary,
  rewrite: Readonly<Record<string, CellRewrite>> = {}
): (raw: RawFile) => RawFile {
  return (raw) => {
    const result = renameColumns(raw, vocabulary, rewrite);
    warnUnknownColumns(dataset, raw.file, result.mapping.unknown);
    return result.raw;
  };
}
