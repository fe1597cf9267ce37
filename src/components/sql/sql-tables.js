/**
 * Which catalogue tables a SQL query needs, so that the workshop loads only those into DuckDB. Pure.
 * A served name such as `fragilite-numerique-communes` is a SQL table `fragilite_numerique_communes` (no quotes
 * needed); the quoted form `"fragilite-numerique-communes"` is understood too.
 */

/** The SQL table name of a served table name: hyphens become underscores. */
export function sqlTableName(name) {
  return name.replace(/-/g, "_");
}

/** The query without its comments and string literals (so that `'communes'` or `-- communes` load nothing). */
export function stripLiteralsAndComments(sql) {
  return sql
    .replace(/--[^\n]*/g, " ")
    .replace(/\/\*[\s\S]*?\*\//g, " ")
    .replace(/'(?:[^']|'')*'/g, "''");
}

/**
 * The served names among `names` that the query refers to, as a bare identifier (any case) or a quoted one.
 * A name may be found in a column position too (`SELECT communes.code`): loading one table too many is harmless.
 * @param {string} sql
 * @param {readonly string[]} names served table names (`communes`, `fragilite-numerique-communes`…)
 * @returns {string[]} served names, in the order of `names`
 */
export function referencedTables(sql, names) {
  const text = stripLiteralsAndComments(sql);
  const quoted = new Set([...text.matchAll(/"((?:[^"]|"")+)"/g)].map((m) => m[1].replace(/""/g, '"')));
  const bare = new Set(
    [...text.replace(/"(?:[^"]|"")+"/g, " ").matchAll(/[A-Za-z_][A-Za-z0-9_$]*/g)].map((m) =>
      m[0].toLowerCase()
    )
  );
  return names.filter((name) => {
    const id = sqlTableName(name);
    return bare.has(id.toLowerCase()) || quoted.has(name) || quoted.has(id);
  });
}
