/**
 * The function giving today's commune (COG 2026) of a commune code, from the rows of `passage-cog`
 * (arrondissements municipaux, communes déléguées or associées, former communes); other codes are returned as is.
 */
export function currentCommune(
  passage: Iterable<{ancien_code: string; code_commune: string}>
): <T extends string | null | undefined>(code: T) => string | T;
