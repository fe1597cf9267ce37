/**
 * Build-time guard against publishing small counts: given the tables a page publishes, lists every count from
 * 1 to threshold - 1 shown unsuppressed at a fine geographic level (a school, a commune), naming the page,
 * the table, the row and the column. The site build fails on any, unless the page opts out with a reason.
 * Pure functions; the build wiring lives with the site.
 *
 * A count cell may be written three ways, all understood:
 * - a number (`7`) or a numeric string;
 * - a {@link Count} object (`{value: null, status: "secret"}`, `{value: 7, status: "published"}`);
 * - a value column with a parallel status column `<column>_statut` whose value is `secret` (the flat form used
 *   in Arrow tables, see {@link flattenCounts}).
 */
import {DEFAULT_SECRECY_THRESHOLD, isSmallCount, type Count} from "./secrecy.ts";

/** Suffix of the parallel status column of a count column in flat tables. */
export const STATUS_SUFFIX = "_statut";

/** Status values of a flat status column. */
export type FlatStatus = "publié" | "secret";

/** Geographic levels at which a small count can identify pupils (default of the guard). */
export const FINE_LEVELS: readonly string[] = ["school", "commune"];

/** A table as a page publishes it. */
export interface PublishedTable {
  /** Source path of the page, e.g. `src/education/effectifs.md`. */
  readonly page: string;
  /** Name of the table on the page (for messages). */
  readonly table: string;
  readonly rows: readonly Readonly<Record<string, unknown>>[];
  /** Column holding each row's geographic level (`school`, `commune`, `departement`…). Default `level`. */
  readonly levelColumn?: string;
  /** Column identifying a row (UAI, commune code), for messages. */
  readonly idColumn?: string;
  /** The count columns. */
  readonly countColumns: readonly string[];
  /** The page publishes these counts on purpose (e.g. numbers of schools, not of pupils): say why. */
  readonly optOut?: {readonly reason: string};
}

/** An unsuppressed small count. */
export interface SmallCountViolation {
  readonly page: string;
  readonly table: string;
  /** 0-based index of the row in the published table. */
  readonly row: number;
  /** Value of the id column, when given. */
  readonly id: string | null;
  readonly level: string;
  readonly column: string;
  readonly value: number;
}

/** Options of the guard. */
export interface GuardOptions {
  /** Default 11, as for suppression. */
  readonly threshold?: number;
  /** Levels checked; default {@link FINE_LEVELS}. */
  readonly levels?: readonly string[];
}

/** The published number of a cell, or null when it is secret or empty. */
export function publishedNumber(row: Readonly<Record<string, unknown>>, column: string): number | null {
  if (row[`${column}${STATUS_SUFFIX}`] === "secret") return null;
  const cell = row[column];
  if (cell === null || cell === undefined) return null;
  if (typeof cell === "object" && "status" in cell) {
    const count = cell as Count;
    return count.status === "secret" ? null : count.value;
  }
  if (typeof cell === "number") return cell;
  if (typeof cell === "bigint") return Number(cell);
  if (typeof cell === "string" && /^\s*\d+\s*$/.test(cell)) return Number(cell);
  return null;
}

/** Every unsuppressed small count of a table at the checked levels (ignores the opt-out). */
export function findUnprotectedSmallCounts(
  table: PublishedTable,
  options: GuardOptions = {}
): SmallCountViolation[] {
  const threshold = options.threshold ?? DEFAULT_SECRECY_THRESHOLD;
  const levels = new Set(options.levels ?? FINE_LEVELS);
  const levelColumn = table.levelColumn ?? "level";
  const found: SmallCountViolation[] = [];
  table.rows.forEach((row, index) => {
    const level = String(row[levelColumn] ?? "");
    if (!levels.has(level)) return;
    for (const column of table.countColumns) {
      const value = publishedNumber(row, column);
      if (value === null || !isSmallCount(value, threshold)) continue;
      const id = table.idColumn === undefined ? null : String(row[table.idColumn] ?? "");
      found.push({page: table.page, table: table.table, row: index, id, level, column, value});
    }
  });
  return found;
}

/** The verdict on a page's tables. */
export interface GuardReport {
  /** Small counts that fail the build. */
  readonly violations: readonly SmallCountViolation[];
  /** Tables that opted out, with their reason and what they would have failed on. */
  readonly waived: readonly {page: string; table: string; reason: string; count: number}[];
}

/**
 * Checks the tables of one or more pages. An opt-out needs a non-empty reason.
 * @throws Error naming page and table when an opt-out gives no reason.
 */
export function checkPublishedTables(
  tables: readonly PublishedTable[],
  options: GuardOptions = {}
): GuardReport {
  const violations: SmallCountViolation[] = [];
  const waived: {page: string; table: string; reason: string; count: number}[] = [];
  for (const table of tables) {
    const found = findUnprotectedSmallCounts(table, options);
    if (table.optOut) {
      if (table.optOut.reason.trim() === "") {
        throw new Error(
          `${table.page} : table « ${table.table} » : dérogation au secret statistique sans motif`
        );
      }
      waived.push({page: table.page, table: table.table, reason: table.optOut.reason, count: found.length});
    } else violations.push(...found);
  }
  return {violations, waived};
}

/** One line, in French, for the build log. */
export function formatViolation(v: SmallCountViolation): string {
  const who = v.id ? ` (${v.level} ${v.id})` : ` (${v.level})`;
  return `${v.page} : table « ${v.table} », ligne ${v.row + 1}${who}, colonne « ${v.column} » : effectif ${v.value} publié sans secret statistique`;
}

/** Flat form of counts for Arrow tables: `{[column]: value | null, [column + "_statut"]: "publié" | "secret"}`. */
export function flattenCounts(
  columns: readonly string[],
  cells: readonly Count[]
): Record<string, number | string | null> {
  const out: Record<string, number | string | null> = {};
  columns.forEach((column, i) => {
    const cell = cells[i] as Count;
    out[column] = cell.value;
    out[`${column}${STATUS_SUFFIX}`] = cell.status === "secret" ? "secret" : "publié";
  });
  return out;
}
