/**
 * Expected commune codes for tests, read from COG 2026 by the commune's official name (never typed in).
 */
import {cogCommunes} from "../../../loaders/geo/cog-data.ts";

/** The code of the commune actuelle (or arrondissement municipal) with this official name in this département. */
export function official(nom: string, departement: string): string {
  const found = cogCommunes().filter(
    (c) =>
      c.nom === nom &&
      c.departement === departement &&
      (c.type === "commune-actuelle" || c.type === "arrondissement-municipal")
  );
  if (found.length !== 1) throw new Error(`${nom} (${departement}) : ${found.length} communes`);
  return found[0]!.code;
}

/** Postal codes of a commune actuelle of COG 2026. */
export const postalsOf = (code: string): string[] =>
  cogCommunes().find((c) => c.code === code && c.type === "commune-actuelle")?.codesPostaux ?? [];
