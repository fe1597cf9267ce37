/**
 * Finding a commune code from the commune's name and postal code, for files that give these instead of the code
 * (the effectifs des écoles file has `Commune` = `ACIGNE` and `Code Postal` = `35690`; older lieux de médiation
 * numérique files have `commune` and `code_postal` only). Matched against COG 2026 (`@etalab/decoupage-administratif`).
 *
 * Names are read as people write them: accents, case, hyphens, apostrophes and spaces do not count, `ST`/`STE`
 * are `Saint`/`Sainte` and `S/` is `sur`, a `CEDEX 03`, `BP 12` or `CS 30001` is dropped, an article in brackets
 * goes first (`PUY-EN-VELAY (LE)`). A postal code that lost its leading zero (`1000`) is padded. The département
 * is the one given, else the postal code's (`20xxx`: 2A or 2B; `97x`: three digits).
 *
 * Each step must designate exactly one commune, else the next step is tried; after the last, the answer is null:
 * 1. the name among the communes of the postal code, then of the département, then among the communes déléguées
 *    and associées of the département (the former name of a merged commune gives the commune it merged into);
 * 2. the same, leading article and separators ignored (`Pont de Claix` → `Le Pont-de-Claix`, `lHerbasse`);
 * 3. each part of a name joined by ` - `, `/` or brackets (`Cran-Gevrier - Annecy`), when all parts agree;
 * 4. among the communes of the postal code only: whole words of one name found in the other (`Chamonix` →
 *    `Chamonix-Mont-Blanc`, `Sciez-sur-Léman` → `Sciez`), then a name one letter off (`Tourettes-sur-Loup`);
 * 5. a name with no letter at all (the postal code written twice): the postal code's only commune.
 * A name that designates no commune is never replaced by the commune of its postal code: a hamlet (`Puyricard`)
 * or an unknown name stays unmatched, for the caller to report.
 *
 * Paris, Lyon and Marseille: with `arrondissements`, the arrondissement municipal that the name (`Marseille 13e`,
 * `MARSEILLE 3`, `7e Arrondissement`) or else the postal code (`13015`, `69003`) designates; the commune when
 * neither tells (`LYON CEDEX 03` with `69421`) or when they disagree.
 */
import {normalizeDepartement, normalizePostal} from "../core/codes.ts";
import {slug} from "../core/slug.ts";
import {cogCommunes, type CogCommuneRecord} from "./cog-data.ts";
import type {CommuneCode} from "../core/codes.ts";

/** `SAINT-MALO`, `St Malo`, `Saint Malo` → `saint_malo`; `L'HERMITAGE` → `l_hermitage`; `Chalon s/ Saône` → `chalon_sur_saone`. */
export function communeSlug(name: string): string {
  return slug(name)
    .replace(/(^|_)st(e?)(?=_)/g, "$1saint$2")
    .replace(/(^|_)s(?=_)/g, "$1sur");
}

/** A name's slug without mail routing words (`CEDEX 03`, `BP 12`, `CS 30001`) and with a bracketed article first. */
export function nameSlug(name: string): string {
  const article = /^(.*?)\s*\(\s*(l['’]|le|la|les)\s*\)\s*$/i.exec(name);
  const text = article ? `${article[2]} ${article[1]}` : name;
  return communeSlug(text)
    .replace(/(^|_)cedex(_?\d+)?(?=_|$)/g, "")
    .replace(/(^|_)(bp|cs|tsa)_?\d+(?=_|$)/g, "")
    .replace(/_+/g, "_")
    .replace(/^_|_$/g, "");
}

/** `le_pont_de_claix` → `pontdeclaix`: no leading article, no separator. */
const compact = (s: string) => s.replace(/^(le|la|les|l)_/, "").replace(/_/g, "");

/** Départements a postal code belongs to, by the postal convention (`20xxx`: Corse-du-Sud or Haute-Corse). */
export function departementsOfPostal(postal: string): string[] {
  if (!/^\d{5}$/.test(postal)) return [];
  if (postal.startsWith("20")) return ["2A", "2B"];
  return [/^9[78]/.test(postal) ? postal.slice(0, 3) : postal.slice(0, 2)];
}

/** A lookup built once from the COG. */
export interface CommuneLookup {
  /**
   * The code of the commune `name` designates, given its postal code (string, or number that lost its leading
   * zero) and its département when known (else told by the postal code); null when none or several match.
   */
  find(name: string, postal: string | number, departement?: string): CommuneCode | null;
}

/** Options of {@link communeLookup}. */
export interface CommuneLookupOptions {
  /** Paris, Lyon, Marseille: the arrondissement municipal's code when the name or postal code tells which. */
  arrondissements?: boolean;
}

interface Entry {
  code: string;
  slug: string;
  compact: string;
  words: string[];
}

interface Arrondissement {
  code: string;
  number: number;
  postals: readonly string[];
}

/** Words that do not make a name on their own (`Saint`, `sur`, articles). */
const FILLERS = new Set("saint sainte le la les l d de du des sur sous en et au aux lez les".split(" "));

/** `Marseille 13e Arrondissement`, `MARSEILLE 3`, `Lyon 03`, `Paris 1er`, `7e Arrondissement` (slugs). */
const ARRONDISSEMENT = /^(?:(.+?)_)?(\d{1,2})_?(?:er|ere|e|eme|ieme|em)?(?:_(?:arrondissement|arrdt|arr))?$/;

const unique = (codes: Iterable<string>): string | null => {
  const set = new Set(codes);
  return set.size === 1 ? set.values().next().value! : null;
};

/** True when `inner` appears in `outer` as consecutive whole words. */
function containsWords(outer: readonly string[], inner: readonly string[]): boolean {
  for (let i = 0; i + inner.length <= outer.length; i++)
    if (inner.every((w, k) => outer[i + k] === w)) return true;
  return false;
}

/** True when `a` and `b` differ by at most one inserted, deleted or replaced letter. */
export function oneEditApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const tail = (x: string, y: string) => x.slice(i + 1) === y.slice(i);
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? tail(a, b) : tail(b, a);
}

const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

/** Builds the lookup from the communes of COG 2026 (or the given records). */
export function communeLookup(
  options: CommuneLookupOptions = {},
  records: readonly CogCommuneRecord[] = cogCommunes()
): CommuneLookup {
  const byPostal = new Map<string, Entry[]>();
  const byDep = new Map<string, string[]>();
  const merged = new Map<string, string[]>();
  const arrondissements = new Map<string, Arrondissement[]>();
  for (const c of records) {
    const s = communeSlug(c.nom);
    if (c.type === "arrondissement-municipal") {
      if (c.commune)
        push(arrondissements, c.commune, {
          code: c.code,
          number: Number(/\d+/.exec(c.nom)?.[0] ?? NaN),
          postals: c.codesPostaux ?? []
        });
      continue;
    }
    const keys = [s, `~${compact(s)}`];
    if (c.type === "commune-deleguee" || c.type === "commune-associee") {
      if (c.departement && c.chefLieu)
        for (const k of keys) push(merged, `${c.departement}|${k}`, c.chefLieu);
      continue;
    }
    const entry = {code: c.code, slug: s, compact: compact(s), words: s.split("_")};
    for (const p of c.codesPostaux ?? []) push(byPostal, p, entry);
    if (c.departement) for (const k of keys) push(byDep, `${c.departement}|${k}`, c.code);
  }

  const inDeps = (map: Map<string, string[]>, deps: readonly string[], key: string) =>
    deps.flatMap((d) => map.get(`${d}|${key}`) ?? []);

  /** Steps 1 and 2. */
  const exact = (s: string, postal: string, deps: readonly string[]): string | null => {
    const here = byPostal.get(postal) ?? [];
    const c = compact(s);
    return (
      unique(here.filter((e) => e.slug === s).map((e) => e.code)) ??
      unique(inDeps(byDep, deps, s)) ??
      unique(inDeps(merged, deps, s)) ??
      unique(here.filter((e) => e.compact === c).map((e) => e.code)) ??
      unique(inDeps(byDep, deps, `~${c}`)) ??
      unique(inDeps(merged, deps, `~${c}`))
    );
  };

  /** Step 4. */
  const near = (s: string, postal: string): string | null => {
    const here = byPostal.get(postal) ?? [];
    const words = s.split("_");
    const meaningful = (w: readonly string[]) => w.some((x) => !FILLERS.has(x) && !/^\d+$/.test(x));
    const contained = here.filter((e) =>
      e.words.length < words.length
        ? meaningful(e.words) && containsWords(words, e.words)
        : meaningful(words) && containsWords(e.words, words)
    );
    const c = compact(s);
    return (
      unique(contained.map((e) => e.code)) ??
      (c.length >= 5 ? unique(here.filter((e) => oneEditApart(e.compact, c)).map((e) => e.code)) : null)
    );
  };

  /** Steps 1 to 5 for a name as written. */
  const resolve = (name: string, postal: string, deps: readonly string[]): string | null => {
    const s = nameSlug(name);
    if (!/[a-z]/.test(s)) return unique((byPostal.get(postal) ?? []).map((e) => e.code));
    const whole = exact(s, postal, deps);
    if (whole) return whole;
    const parts = name.split(/\s[-–]\s|[/()]/).filter((p) => /[a-z]/i.test(p));
    if (parts.length > 1) {
      const codes = parts.map((p) => exact(nameSlug(p), postal, deps));
      const agreed = codes.includes(null) ? null : unique(codes as string[]);
      if (agreed) return agreed;
    }
    return near(s, postal);
  };

  /** The arrondissement of `commune` that the number (from the name) or the postal code designates. */
  const arrondissementOf = (commune: string, number: number | null, postal: string): string => {
    const list = arrondissements.get(commune);
    if (!options.arrondissements || !list) return commune;
    const named = number === null ? undefined : list.find((a) => a.number === number);
    const posted = list.filter((a) => a.postals.includes(postal));
    const fromPostal = posted.length === 1 ? posted[0] : undefined;
    if (named && fromPostal && named !== fromPostal) return commune;
    return (named ?? fromPostal)?.code ?? commune;
  };

  return {
    find(name, postalValue, departement) {
      const postal = normalizePostal(String(postalValue ?? "")) ?? "";
      const given = departement ? normalizeDepartement(departement) : null;
      const deps = given ? [given] : departementsOfPostal(postal);
      const parsed = ARRONDISSEMENT.exec(nameSlug(name));
      if (parsed) {
        const base = parsed[1]
          ? exact(parsed[1], postal, deps)
          : unique(
              (byPostal.get(postal) ?? []).filter((e) => arrondissements.has(e.code)).map((e) => e.code)
            );
        if (base && arrondissements.has(base))
          return arrondissementOf(base, Number(parsed[2]), postal) as CommuneCode;
      }
      const code = resolve(name, postal, deps);
      return code === null ? null : (arrondissementOf(code, null, postal) as CommuneCode);
    }
  };
}
