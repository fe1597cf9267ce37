/** Helpers of the education dataset tests: real extracts in ../shared (optional) and generated files. */
import {existsSync, readFileSync} from "node:fs";
import {parse} from "csv-parse/sync";
import {parseCsvText} from "../../../loaders/core/csv.ts";
import type {DatasetDeclaration} from "../../../loaders/core/dataset.ts";
import {validateRaw} from "../../../loaders/core/ingest.ts";
import {ValidationError, type Issue} from "../../../loaders/core/issues.ts";
import {rowAt, type Cell, type DataTable} from "../../../loaders/core/table.ts";

/** Path of a real extract, relative to the repository root. */
export const shared = (path: string) => `../shared/data/${path}`;

/** True when the real extract exists; logs why the tests using it are skipped otherwise. */
export function hasShared(path: string): boolean {
  const present = existsSync(shared(path));
  if (!present) console.info(`skipped: ${shared(path)} is absent (a fork has no ../shared)`);
  return present;
}

/** Records of a `;` CSV (BOM tolerated), keyed by header, read independently of the loaders. */
export function readRecords(path: string, delimiter = ";"): Record<string, string>[] {
  return parse(readFileSync(path, "utf8"), {delimiter, columns: true, bom: true}) as Record<string, string>[];
}

/** A `;` CSV as Éducation nationale writes it: UTF-8 BOM, header line, CRLF optional. */
export function enCsv(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  return "\uFEFF" + [header, ...rows].map((r) => r.join(";")).join("\r\n") + "\r\n";
}

/** Parses and validates CSV text with a declaration (the light path of `load`). */
export function loadText(declaration: DatasetDeclaration, text: string, file = "generated.csv") {
  return validateRaw(declaration, parseCsvText(text, file, declaration.csv));
}

/** The issues a loading attempt fails with (fails the test when it does not fail). */
export function issuesOf(fn: () => unknown): Issue[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof ValidationError) return [...error.issues];
    throw error;
  }
  throw new Error("expected a ValidationError");
}

/** All rows of a table as objects. */
export function rows(table: DataTable): Record<string, Cell>[] {
  return Array.from({length: table.rowCount}, (_, i) => rowAt(table, i));
}
