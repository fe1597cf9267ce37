/**
 * DuckDB error messages explained in French for the SQL workshop. Pure: takes DuckDB's message (and the tables
 * the workshop knows), returns what to show. Messages that cannot be explained are kept as they are.
 */

/** Splits DuckDB's "LINE 1: … ^" footer from the message and finds the caret's column in that line. */
function splitContext(message) {
  const at = message.search(/\n\s*LINE \d+:/);
  if (at < 0) return {head: message.trim(), line: undefined, column: undefined};
  const tail = message.slice(at).replace(/^\n+/, "");
  const [first = "", caret = ""] = tail.split("\n");
  const match = /^\s*LINE (\d+):\s?/.exec(first);
  const prefix = match ? match[0].length : 0;
  const column = caret.indexOf("^") >= 0 ? caret.indexOf("^") - prefix : undefined;
  return {
    head: message.slice(0, at).trim(),
    line: match ? Number(match[1]) : undefined,
    column: column !== undefined && column >= 0 ? column : undefined
  };
}

const quoted = (s) => `« ${s} »`;

/** The "Did you mean" / "Candidate bindings" suggestions of a message, without quotes. */
function suggestions(head) {
  const found = /(?:Did you mean|Candidate bindings:|Candidate tables:)\s*(.+)/.exec(head);
  if (!found) return [];
  return [...found[1].matchAll(/"([^"]+)"/g)].map((m) => m[1]);
}

/**
 * @typedef {object} SqlErrorExplanation
 * @property {string} message the French message to show
 * @property {string} [hint] what to try next, in French
 * @property {string} original DuckDB's message, unchanged (shown in small below the French one)
 * @property {string} kind "table" | "column" | "syntax" | "function" | "type" | "group-by" | "ambiguous" | "extension" | "crash" | "other"
 * @property {number} [line] line of the error in the query (1-based), when DuckDB gives it
 * @property {number} [column] column of the error in that line (0-based)
 */

/**
 * Explains a DuckDB error message in French.
 * @param {unknown} error an Error or a message; an error with `databaseReset: true` (the query crashed
 *   DuckDB-Wasm and the workshop opened a fresh database) is explained as such
 * @param {{tables?: string[]}} [context] the tables the workshop offers (listed when a table is unknown)
 * @returns {SqlErrorExplanation}
 */
export function explainSqlError(error, {tables = []} = {}) {
  const original = String(error instanceof Error ? error.message : (error ?? "erreur inconnue"));
  if (/** @type {{databaseReset?: boolean}} */ (error)?.databaseReset)
    return {
      kind: "crash",
      message: "cette requête a fait planter le moteur DuckDB-Wasm.",
      hint:
        "Une nouvelle base a été ouverte : relancez une requête, les tables dont elle a besoin seront rechargées. " +
        "Une requête très imbriquée (par exemple des centaines de UNION ALL enchaînés) peut dépasser la pile du moteur : découpez-la.",
      original
    };
  const {head, line, column} = splitContext(original);
  const where = line !== undefined ? {line, column} : {};
  const list = tables.length ? tables.join(", ") : "aucune";
  const alike = suggestions(head);
  const didYouMean = alike.length ? ` Vouliez-vous dire ${alike.map(quoted).join(" ou ")} ?` : "";
  let m;

  if (
    (m = /Table Function with name (\w+) is not in the catalog, but it exists in the (\w+) extension/.exec(
      head
    ))
  )
    return {
      kind: "extension",
      message: `la fonction ${m[1]} n'est pas disponible dans le navigateur hors ligne (extension ${m[2]} absente)`,
      hint: `Les tables du catalogue sont déjà chargées : interrogez-les par leur nom (${list}).`,
      original,
      ...where
    };
  if ((m = /(?:Table|View|Table Function) with name "?([^"!\s]+)"? does not exist/.exec(head)))
    return {
      kind: "table",
      message: `table inconnue : ${m[1]} — tables disponibles : ${list}`,
      hint: didYouMean.trim() || undefined,
      original,
      ...where
    };
  if (
    (m = /Referenced column "([^"]+)" not found/.exec(head)) ||
    (m = /column "([^"]+)" not found/i.exec(head))
  )
    return {
      kind: "column",
      message: `colonne inconnue : ${m[1]}`,
      hint: alike.length
        ? `Colonnes proches : ${alike.join(", ")}.`
        : "Voyez les colonnes dans le panneau des tables.",
      original,
      ...where
    };
  if ((m = /Referenced table "([^"]+)" not found/.exec(head)))
    return {
      kind: "table",
      message: `table ou alias inconnu : ${m[1]}`,
      hint: alike.length ? `Tables ou alias de la requête : ${alike.join(", ")}.` : undefined,
      original,
      ...where
    };
  if ((m = /syntax error at or near "([^"]*)"/.exec(head)))
    return {kind: "syntax", message: `erreur de syntaxe près de ${quoted(m[1])}`, original, ...where};
  if (/syntax error at end of input/.test(head))
    return {
      kind: "syntax",
      message: "erreur de syntaxe : la requête s'arrête trop tôt",
      hint: "Il manque sans doute la fin d'une clause (WHERE, une expression, une parenthèse…).",
      original,
      ...where
    };
  if (/unterminated quoted string/i.test(head))
    return {
      kind: "syntax",
      message: "erreur de syntaxe : une apostrophe ou un guillemet n'est pas refermé",
      original,
      ...where
    };
  if ((m = /(?:Scalar|Aggregate|Table) Function with name "?(\w+)"? does not exist/.exec(head)))
    return {
      kind: "function",
      message: `fonction inconnue : ${m[1]}`,
      hint: didYouMean.trim() || undefined,
      original,
      ...where
    };
  if ((m = /No function matches the given name and argument types '([^']+)'/.exec(head)))
    return {
      kind: "type",
      message: `types incompatibles : ${m[1]} n'existe pas pour ces types`,
      hint: "Convertissez la colonne, par exemple avec CAST(x AS DOUBLE) ou x::INTEGER.",
      original,
      ...where
    };
  if ((m = /column "([^"]+)" must appear in the GROUP BY clause/.exec(head)))
    return {
      kind: "group-by",
      message: `la colonne ${m[1]} doit figurer dans GROUP BY ou dans une fonction d'agrégation`,
      hint: `Ajoutez-la à GROUP BY, ou utilisez ANY_VALUE(${m[1]}).`,
      original,
      ...where
    };
  if ((m = /Ambiguous reference to column name "([^"]+)"(?: \(use: (.+)\))?/.exec(head)))
    return {
      kind: "ambiguous",
      message: `colonne ambiguë : ${m[1]} existe dans plusieurs tables`,
      hint: m[2]
        ? `Précisez la table : ${m[2].replace(/"/g, "")}.`
        : "Préfixez-la par le nom ou l'alias de sa table.",
      original,
      ...where
    };
  if ((m = /Could not convert string '([^']*)' to (\w+)/.exec(head)))
    return {kind: "type", message: `conversion impossible de « ${m[1]} » en ${m[2]}`, original, ...where};
  return {kind: "other", message: head.replace(/^[A-Z][A-Za-z ]* Error: /, ""), original, ...where};
}
