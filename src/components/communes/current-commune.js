// Today's commune (COG 2026) of a commune code found in a table: arrondissements municipaux of Paris, Lyon and
// Marseille, communes déléguées or associées and former communes go to the commune they belong to, through the
// `passage-cog` table (the défis and notebooks use it before joining a table to `communes`). Pure.

/**
 * The function giving today's commune of a code: the `passage-cog` row's `code_commune` when the code is listed,
 * else the code itself (already current, or unknown: kept, never dropped).
 * @param {Iterable<{ancien_code: string, code_commune: string}>} passage rows of `passage-cog` (an Arrow table)
 * @returns {(code: string | null | undefined) => string | null | undefined}
 */
export function currentCommune(passage) {
  const to = new Map(Array.from(passage, (d) => [d.ancien_code, d.code_commune]));
  return (code) => to.get(code) ?? code;
}
