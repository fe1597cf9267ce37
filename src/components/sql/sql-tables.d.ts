/** The SQL table name of a served table name: hyphens become underscores. */
export function sqlTableName(name: string): string;
/** The query without its comments and string literals. */
export function stripLiteralsAndComments(sql: string): string;
/** The served names among `names` that the query refers to (bare or quoted), in the order of `names`. */
export function referencedTables(sql: string, names: readonly string[]): string[];
