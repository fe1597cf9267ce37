/**
 * Validation problems, each with its place: dataset, file, line, column and value.
 */

/** One problem found in a source file. */
export interface Issue {
  dataset: string;
  file: string;
  /** 1-based line of the file (element index for JSON); the header line for a missing column. */
  line: number;
  column: string;
  /** The offending value as read (`""` when empty). */
  value: string;
  /** What is wrong, in French. */
  message: string;
}

/** One-line French rendering of an issue: `communes: x.csv, ligne 12, colonne « code » (« 1A001 ») : …`. */
export function formatIssue(issue: Issue): string {
  const value = issue.value.length > 60 ? `${issue.value.slice(0, 57)}…` : issue.value;
  return `${issue.dataset}: ${issue.file}, ligne ${issue.line}, colonne « ${issue.column} » (valeur « ${value} ») : ${issue.message}`;
}

/**
 * Error thrown when a file has problems. Nothing has been written when it is thrown. `issues` holds all of them,
 * or the first ones only when `total` (the number of problems found) is larger (DuckDB path).
 */
export class ValidationError extends Error {
  readonly issues: readonly Issue[];
  readonly total: number;
  constructor(issues: readonly Issue[], shown = 50, total = issues.length) {
    const lines = issues.slice(0, shown).map(formatIssue);
    if (total > lines.length) lines.push(`… et ${total - lines.length} autre(s) problème(s)`);
    super(`${total} problème(s) de validation, rien n'a été écrit :\n${lines.join("\n")}`);
    this.name = "ValidationError";
    this.issues = issues;
    this.total = total;
  }
}
