/**
 * Raw records: what a parser hands to validation. Values are still text (or JSON scalars), each record knows the
 * line of the file it came from, so that every problem can be reported with its place.
 */

/** One raw record before validation. */
export interface RawRecord {
  /** 1-based line of the file where the record starts (for JSON: the 1-based index of the element). */
  line: number;
  /** Cell values by source column name, as read. */
  values: Record<string, unknown>;
}

/** A parsed source file: the header (source column names, in order) and its records. */
export interface RawFile {
  /** Path or name of the file, used in error messages. */
  file: string;
  /** Source column names, in file order. */
  header: string[];
  /** 1-based line of the header (0 for formats without one). */
  headerLine: number;
  records: RawRecord[];
}
