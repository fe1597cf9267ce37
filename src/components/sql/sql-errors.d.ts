/** A DuckDB error explained in French. */
export interface SqlErrorExplanation {
  kind:
    | "table"
    | "column"
    | "syntax"
    | "function"
    | "type"
    | "group-by"
    | "ambiguous"
    | "extension"
    | "crash"
    | "other";
  /** The French message to show. */
  message: string;
  /** What to try next, in French. */
  hint?: string;
  /** DuckDB's message, unchanged. */
  original: string;
  /** Line of the error in the query (1-based), when DuckDB gives it. */
  line?: number;
  /** Column of the error in that line (0-based). */
  column?: number;
}
/** Explains a DuckDB error message in French; `tables` are listed when a table is unknown. */
export function explainSqlError(error: unknown, context?: {tables?: string[]}): SqlErrorExplanation;
