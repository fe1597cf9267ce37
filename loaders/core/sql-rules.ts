/**
 * The validation rules of `validate.ts` (`convertCell`) written as DuckDB SQL, for the heavy path
 * (`sql-ingest.ts`): per column, a few intermediate steps, then one expression for the typed value and one for
 * the French error message of a cell (NULL when valid). They follow `convertCell` exactly (JavaScript trimming,
 * null tokens, code normalisers, French numbers, booleans, dates, bounds, patterns, vocabularies, messages);
 * the tests run the same files through both. Pure: builds SQL text only.
 */
import type {CodeKind} from "./codes.ts";
import {sqlString} from "./duckdb.ts";
import {MISSING_NUMBER_MARKERS} from "./numbers.ts";
import type {ColumnSpec} from "./schema.ts";

/** The characters JavaScript's `trim` and `\s` remove (ECMAScript WhiteSpace and LineTerminator). */
export const JS_SPACES =
  "\t\n\u000b\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff";
/** The same set as an RE2 character class. */
const SPACE_CLASS = `[${[...JS_SPACES].map((c) => `\\x{${c.codePointAt(0)!.toString(16)}}`).join("")}]`;

/** The code points of `JS_SPACES`, as a DuckDB list. */
const SPACE_CODES = `[${[...JS_SPACES].map((c) => c.codePointAt(0)!).join(", ")}]`;

/** SQL: a VARCHAR expression (possibly NULL) trimmed like JavaScript's `trim`; `''` for NULL. */
export function sqlTrimmed(text: string): string {
  // DuckDB's trim with a character set is slow: only call it when there is something to trim.
  const edges = sqlString(`^${SPACE_CLASS}|${SPACE_CLASS}$`);
  return `coalesce(CASE WHEN regexp_matches(${text}, ${edges}) THEN trim(${text}, ${sqlString(JS_SPACES)}) ELSE ${text} END, '')`;
}

/** Placeholder for a step's value (or `t`, the trimmed text) inside the expressions of a `ColumnSql`. */
export const ref = (name: string) => `⟦${name}⟧`;

/** Replaces the placeholders of `expr` with `alias(name)`. */
export function bindRefs(expr: string, alias: (name: string) => string): string {
  return expr.replace(/⟦(\w+)⟧/g, (_, name: string) => alias(name));
}

/** SQL validating and normalising one column, in terms of `ref("t")` (the trimmed text) and its steps. */
export interface ColumnSql {
  /** Intermediate values, in order: `[name, expression]`; each may use `t` and the steps before it. */
  steps: [string, string][];
  /** The typed value (VARCHAR, INTEGER, DOUBLE, BOOLEAN or DATE); NULL when empty or a null token. */
  value: string;
  /** The French error message of the cell, as `convertCell` gives it; NULL when the cell is valid. */
  error: string;
  /**
   * A cheaper way for the common clean cell (no space to trim, one usual spelling), in terms of `ref("cell")`, the
   * cell as read (VARCHAR, possibly NULL): when `test` is true, `value` and `error` (NULL when absent) are
   * exactly what `value` and `error` give, without the intermediate steps. Absent for columns without one.
   */
  fast?: {test: string; value: string; error?: string};
}

const t = ref("t");
/** `text` without any JavaScript white space (plain spaces first; the regular expression only runs if more). */
function withoutSpaces(text: string): string {
  const spaces = sqlString(SPACE_CLASS);
  const r = `replace(${text}, ' ', '')`;
  return `CASE WHEN regexp_matches(${r}, ${spaces}) THEN regexp_replace(${r}, ${spaces}, '', 'g') ELSE ${r} END`;
}
const full = (value: string, pattern: string) => `regexp_full_match(${value}, ${sqlString(pattern)})`;
const when = (pairs: [string, string][], otherwise = "NULL") =>
  `CASE ${pairs.map(([w, v]) => `WHEN ${w} THEN ${v}`).join(" ")} ELSE ${otherwise} END`;

/** Steps ending with `code`: the normalised code, NULL when invalid (as `CODE_NORMALIZERS`). One regular
 * expression accepts every spelling; the length then tells how to normalise it. */
function codeSteps(kind: CodeKind): [string, string][] {
  const u = ref("u");
  const upper: [string, string] = ["u", `upper(${t})`];
  /** Accepts `text` when it fully matches `pattern`; a `short`-character value gets a leading zero. */
  const padded = (text: string, pattern: string, short: number): string =>
    when([[full(text, pattern), when([[`length(${text}) = ${short}`, `'0' || ${text}`]], text)]]);
  switch (kind) {
    case "commune":
      return [upper, ["code", padded(u, "\\d{4,5}|2[AB]\\d{3}", 4)]];
    case "departement": {
      // `035` → `35`, `02A` → `2A`, `1` → `01`; DROM `971` stays; `20` (and `020`) is not a département.
      const value = when(
        [
          [`length(${u}) = 1`, `'0' || ${u}`],
          [`length(${u}) = 3 AND starts_with(${u}, '0')`, `substr(${u}, 2)`]
        ],
        u
      );
      const valid = `${full(u, "0?(?:\\d{2}|2[AB])|\\d|9[78]\\d")} AND ${u} NOT IN ('20', '020')`;
      return [upper, ["code", when([[valid, value]])]];
    }
    case "region":
      return [["code", padded(t, "\\d{1,2}", 1)]];
    case "iris":
      return [upper, ["code", padded(u, "\\d{8,9}|2[AB]\\d{7}", 8)]];
    case "siret":
    case "siren": {
      const d = ref("d");
      return [
        ["d", withoutSpaces(t)],
        ["code", when([[full(d, kind === "siret" ? "\\d{14}" : "\\d{9}"), d]])]
      ];
    }
    case "postal":
      return [["code", padded(t, "\\d{4,5}", 4)]];
  }
}

const cell = ref("cell");

/**
 * The clean spellings of a code (digits and capital letters only, so neither trimming nor `upper` changes
 * them), and its normalised value: the pattern is the one `codeSteps` accepts, or a part of it.
 */
function fastCode(kind: CodeKind): {test: string; value: string} {
  const padded = (pattern: string, short: number) => ({
    test: full(cell, pattern),
    value: when([[`length(${cell}) = ${short}`, `'0' || ${cell}`]], cell)
  });
  switch (kind) {
    case "commune":
      return padded("\\d{4,5}|2[AB]\\d{3}", 4);
    case "departement":
      return {
        test: `${full(cell, "0?(?:\\d{2}|2[AB])|\\d|9[78]\\d")} AND ${cell} NOT IN ('20', '020')`,
        value: when(
          [
            [`length(${cell}) = 1`, `'0' || ${cell}`],
            [`length(${cell}) = 3 AND starts_with(${cell}, '0')`, `substr(${cell}, 2)`]
          ],
          cell
        )
      };
    case "region":
      return padded("\\d{1,2}", 1);
    case "iris":
      return padded("\\d{8,9}|2[AB]\\d{7}", 8);
    case "siret":
      return {test: full(cell, "\\d{14}"), value: cell};
    case "siren":
      return {test: full(cell, "\\d{9}"), value: cell};
    case "postal":
      return padded("\\d{4,5}", 4);
  }
}

/**
 * The clean spellings of a French number: digits (at most 9 for an integer, so that it fits INTEGER; 15 before
 * and after the comma for a number), optionally grouped by three with plain spaces, a minus sign, and for a
 * number one decimal comma. `numberSteps` reads them as this value.
 */
function fastNumber(integer: boolean): {test: string; value: string} {
  // Most cells have no thousands space: `replace` (a new string per cell) only runs on the others.
  const unspaced = when([[`contains(${cell}, ' ')`, `replace(${cell}, ' ', '')`]], cell);
  return integer
    ? {test: full(cell, "-?(?:\\d{1,9}|\\d{1,3}(?: \\d{3}){1,2})"), value: `CAST(${unspaced} AS INTEGER)`}
    : {
        test: full(cell, "-?(?:\\d{1,15}|\\d{1,3}(?: \\d{3}){1,4})(?:,\\d{1,15})?"),
        value: `TRY_CAST(replace(${unspaced}, ',', '.') AS DOUBLE)`
      };
}

/** Steps ending with `num`: the French number as DOUBLE, NULL when unreadable (as `parseFrenchNumber`). */
function numberSteps(): [string, string][] {
  const s = ref("s");
  const n = ref("n");
  // With one comma, dots are thousands separators: each must be followed by exactly three digits.
  const badDot = `contains(${s}, '.') AND regexp_matches(${s}, '\\.(?:\\d{0,2}(?:\\D|$)|\\d{4})')`;
  const thousands = `length(${s}) - length(replace(${s}, ',', '')) = 1 AND NOT (${badDot})`;
  return [
    ["w", withoutSpaces(t)],
    ["s", when([[`suffix(${ref("w")}, '%')`, `left(${ref("w")}, -1)`]], ref("w"))],
    [
      "n",
      when([
        [`NOT contains(${s}, ',')`, s],
        [thousands, `replace(replace(${s}, '.', ''), ',', '.')`]
      ])
    ],
    ["num", when([[full(n, "[-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?"), `TRY_CAST(${n} AS DOUBLE)`]])]
  ];
}

/** Steps ending with `iso`: `YYYY-MM-DD` of an `AAAA-MM-JJ[…]` or `JJ/MM/AAAA` calendar date, else NULL. */
function dateSteps(): [string, string][] {
  const iso = "(\\d{4})-(\\d{2})-(\\d{2})(?:[T ][^\\n\\r\\x{2028}\\x{2029}]*)?";
  const fr = "(\\d{2})/(\\d{2})/(\\d{4})";
  const x = ref("x");
  const text = `${x}.y || '-' || ${x}.m || '-' || ${x}.d`;
  return [
    [
      "x",
      when([
        [full(t, iso), `regexp_extract(${t}, ${sqlString(`^${iso}$`)}, ['y', 'm', 'd'])`],
        [full(t, fr), `regexp_extract(${t}, ${sqlString(`^${fr}$`)}, ['d', 'm', 'y'])`]
      ])
    ],
    ["iso", when([[`TRY_CAST(${text} AS DATE) IS NOT NULL`, text]])]
  ];
}

const TRUE_WORDS = ["true", "oui", "1", "vrai", "o", "yes"];
const FALSE_WORDS = ["false", "non", "0", "faux", "n", "no"];
/**
 * `value IN (…values)`, written as `list_contains` (the same result, NULL included): DuckDB plans an `IN` of
 * many values as a join run on every row, outside the `CASE` that would have skipped the clean cells.
 */
const inList = (value: string, values: readonly string[]) =>
  `list_contains([${values.map(sqlString).join(", ")}], ${value})`;

/**
 * True when a regular expression means the same for JavaScript (`u` flag, search) and DuckDB's RE2: no
 * look-around, named group, back-reference or Unicode escape, no `\s`/`\b` (ASCII in RE2), no `.` outside a
 * character class (JavaScript's excludes more line terminators).
 */
export function patternWorksInSql(pattern: string): boolean {
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === "\\") {
      if (/[sSbBkpPuc1-9]/.test(pattern[i + 1] ?? "")) return false;
      i++;
    } else if (inClass) {
      if (c === "]") inClass = false;
    } else if (c === "[") inClass = true;
    else if (c === ".") return false;
    else if (c === "(" && pattern[i + 1] === "?" && pattern[i + 2] !== ":") return false;
  }
  return true;
}

/** True when every rule of the column has an exact SQL equivalent. */
export function columnWorksInSql(column: ColumnSpec): boolean {
  if (column.type === "string" && column.pattern !== undefined && !patternWorksInSql(column.pattern))
    return false;
  // A duplicate's message shows the value, and JavaScript and DuckDB print some doubles differently.
  return !(column.unique && column.type === "number");
}

/** The SQL of one column for file variant `variant` (rules restricted to other variants are left out). */
export function columnSql(column: ColumnSpec, variant?: string): ColumnSql {
  const nulls = [
    `${t} = ''`,
    ...(column.nullTokens?.length ? [inList(t, column.nullTokens)] : []),
    // A clean number never is a marker (`fast` needs digits).
    ...(column.type === "integer" || column.type === "number"
      ? [inList(`lower(${t})`, MISSING_NUMBER_MARKERS)]
      : [])
  ];
  const empty = nulls.length > 1 ? `(${nulls.join(" OR ")})` : nulls[0]!;
  const applies = (variants: readonly string[] | undefined) =>
    !variants || (variant !== undefined && variants.includes(variant));
  let steps: [string, string][] = [];
  let value: string;
  let fast: {test: string; value: string; error?: string} | undefined;
  const checks: [string, string][] = [];
  const check = (condition: string, message: string) => checks.push([condition, sqlString(message)]);
  switch (column.type) {
    case "code": {
      const kind = column.code ?? "commune";
      steps = codeSteps(kind);
      value = ref("code");
      check(`${value} IS NULL`, `code ${kind} invalide`);
      fast = fastCode(kind);
      break;
    }
    case "integer":
    case "number": {
      steps = numberSteps();
      const num = ref("num");
      value = column.type === "integer" ? `CAST(${num} AS INTEGER)` : num;
      check(`${num} IS NULL OR isinf(${num})`, "nombre attendu");
      if (column.type === "integer") check(`${num} <> trunc(${num})`, "nombre entier attendu");
      // A clean number is a number (an integer for an integer column): only its bounds remain to check.
      fast = fastNumber(column.type === "integer");
      const bounds: [string, string][] = [];
      if (column.min !== undefined) {
        check(`${num} < ${column.min}`, `valeur inférieure à ${column.min}`);
        bounds.push([`${fast.value} < ${column.min}`, sqlString(`valeur inférieure à ${column.min}`)]);
      }
      if (column.max !== undefined) {
        check(`${num} > ${column.max}`, `valeur supérieure à ${column.max}`);
        bounds.push([`${fast.value} > ${column.max}`, sqlString(`valeur supérieure à ${column.max}`)]);
      }
      if (bounds.length) fast = {...fast, error: when(bounds)};
      break;
    }
    case "boolean":
      steps = [
        ["l", `lower(${t})`],
        [
          "b",
          when([
            [inList(ref("l"), TRUE_WORDS), "true"],
            [inList(ref("l"), FALSE_WORDS), "false"]
          ])
        ]
      ];
      value = ref("b");
      check(`${value} IS NULL`, "booléen attendu (oui/non)");
      fast = {test: inList(cell, [...TRUE_WORDS, ...FALSE_WORDS]), value: inList(cell, TRUE_WORDS)};
      break;
    case "date":
      steps = dateSteps();
      value = `CAST(${ref("iso")} AS DATE)`;
      check(`${ref("iso")} IS NULL`, "date attendue (AAAA-MM-JJ)");
      fast = {
        test: `${full(cell, "\\d{4}-\\d{2}-\\d{2}")} AND TRY_CAST(${cell} AS DATE) IS NOT NULL`,
        value: `CAST(${cell} AS DATE)`
      };
      break;
    default: {
      value = t;
      // Neither empty nor with a space to trim: the text is the value; its checks (below) still apply.
      // (First and last characters by code point, cheaper than a regular expression over the whole text.)
      if (!column.allowed) {
        const edge = (c: string) => `NOT list_contains(${SPACE_CODES}, ord(${c}))`;
        fast = {test: `${cell} <> '' AND ${edge(cell)} AND ${edge(`right(${cell}, 1)`)}`, value: cell};
      }
      if (column.maxLength !== undefined) {
        // JavaScript counts UTF-16 units: a character beyond U+FFFF counts twice.
        const astral = `length(regexp_replace(${t}, '[^\\x{10000}-\\x{10FFFF}]', '', 'g'))`;
        check(
          `length(${t}) + ${astral} > ${column.maxLength}`,
          `texte de plus de ${column.maxLength} caractères`
        );
      }
      if (column.pattern && applies(column.patternVariants)) {
        check(
          `NOT regexp_matches(${t}, ${sqlString(column.pattern)})`,
          `ne respecte pas le motif ${column.pattern}`
        );
      }
      const allowed = column.allowed;
      if (allowed && applies(allowed.variants)) {
        const parts = allowed.separator
          ? `list_transform(string_split(${t}, ${sqlString(allowed.separator)}), p -> trim(p, ${sqlString(JS_SPACES)}))`
          : `[${t}]`;
        const values = `[${allowed.values.map(sqlString).join(", ")}]::VARCHAR[]`;
        steps = [["unknown", `list_filter(${parts}, p -> NOT list_contains(${values}, p))`]];
        checks.push([
          `len(${ref("unknown")}) > 0`,
          `'valeur hors vocabulaire : ' || array_to_string(${ref("unknown")}, ', ')`
        ]);
      }
    }
  }
  const missing = column.nullable ? "NULL" : sqlString("valeur obligatoire manquante");
  const errorOf = (pairs: [string, string][], otherwise = "") =>
    `CASE ${otherwise} ${pairs.map(([w, m]) => `WHEN ${w} THEN ${m}`).join(" ")} END`;
  const sql: ColumnSql = {
    steps,
    value: when([[empty, "NULL"]], value),
    error: errorOf(checks, `WHEN ${empty} THEN ${missing}`)
  };
  if (!fast) return sql;
  // A clean cell is never empty, but it may be a null token.
  const test = column.nullTokens?.length
    ? `${fast.test} AND NOT ${inList(cell, column.nullTokens)}`
    : fast.test;
  // A text's checks apply to the clean text as they are (the trimmed text is the text itself).
  const error =
    column.type === "string" && checks.length
      ? bindRefs(errorOf(checks), (name) => (name === "t" ? cell : ref(name)))
      : fast.error;
  return {...sql, fast: {test, value: fast.value, ...(error ? {error} : {})}};
}
