/**
 * The build wiring of the secrecy guard: a Framework data loader that publishes counts of pupils at school or
 * commune level passes its tables through {@link assertPublishable} before printing them. An unsuppressed small
 * count throws, the loader exits non-zero, and `npm run build` fails with the page, table, row and column named.
 */
import {checkPublishedTables, formatViolation, type GuardOptions, type PublishedTable} from "./guard.ts";

/** Thrown when a page would publish small counts without statistical secrecy. */
export class SecrecyViolationError extends Error {
  constructor(readonly lines: readonly string[]) {
    super(
      `Secret statistique : ${lines.length} effectif(s) de moins de 11 publiés sans protection.\n` +
        lines.join("\n") +
        "\nAppliquez loaders/education/secrecy.ts, ou déclarez une dérogation motivée (optOut: {reason})."
    );
    this.name = "SecrecyViolationError";
  }
}

/**
 * Checks the tables a page publishes; returns the opt-outs that were used (for the build log).
 * @throws SecrecyViolationError listing every unprotected small count.
 */
export function assertPublishable(tables: readonly PublishedTable[], options: GuardOptions = {}): string[] {
  const report = checkPublishedTables(tables, options);
  if (report.violations.length > 0) throw new SecrecyViolationError(report.violations.map(formatViolation));
  return report.waived.map((w) => `${w.page} : table « ${w.table} » publiée par dérogation (${w.reason})`);
}
