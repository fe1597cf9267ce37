/**
 * Finding a commune code from the name and postal code that some Éducation nationale files give instead of
 * the code (the effectifs des écoles file has `Commune` = `ACIGNE` and `Code Postal` = `35690`). Matched against
 * the current communes of COG 2026 (`@etalab/decoupage-administratif`), by slug of the name within the postal
 * code, then within the département, then among the communes déléguées or associées of the département (an
 * older name of a merged commune gives the commune it merged into). Names that match no commune, or several,
 * give null.
 */
import {slug} from "../core/slug.ts";
import {cogCommunes} from "./cog-data.ts";
import type {CommuneCode} from "./codes.ts";

/** `SAINT-MALO`, `St Malo`, `Saint Malo` → `saint_malo`; `L'HERMITAGE` → `l_hermitage`. */
export function communeSlug(name: string): string {
  return slug(name).replace(/(^|_)st(e?)(?=_)/g, "$1saint$2");
}

/** A lookup built once from the COG. */
export interface CommuneLookup {
  find(name: string, postal: string, departement: string): CommuneCode | null;
}

/** Builds the lookup from the current communes (and arrondissements municipaux). */
export function communeLookup(): CommuneLookup {
  const byPostal = new Map<string, string[]>();
  const byDep = new Map<string, string[]>();
  const merged = new Map<string, string[]>();
  const add = (map: Map<string, string[]>, key: string, code: string) => {
    const list = map.get(key) ?? [];
    if (!list.includes(code)) list.push(code);
    map.set(key, list);
  };
  for (const c of cogCommunes()) {
    const slug = communeSlug(c.nom);
    if (c.type === "commune-deleguee" || c.type === "commune-associee") {
      if (c.departement && c.chefLieu) add(merged, `${c.departement}|${slug}`, c.chefLieu);
      continue;
    }
    const postals = c.codesPostaux ?? [];
    for (const p of postals) add(byPostal, `${p}|${slug}`, c.code);
    if (c.departement) add(byDep, `${c.departement}|${slug}`, c.code);
  }
  const unique = (list: string[] | undefined) => (list?.length === 1 ? (list[0] as CommuneCode) : null);
  return {
    find(name, postal, departement) {
      const slug = communeSlug(name);
      const key = `${departement}|${slug}`;
      return (
        unique(byPostal.get(`${postal.trim()}|${slug}`)) ?? unique(byDep.get(key)) ?? unique(merged.get(key))
      );
    }
  };
}
