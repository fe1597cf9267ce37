/**
 * Comparing names written in different ways: accents, case, ligatures, punctuation and spacing are folded away.
 */

/**
 * `Nom de l'établissement` → `nom_de_l_etablissement`; `ŒUILLY` → `oeuilly`: no accents, lower case, `œ`/`æ`
 * spelled out, any run of other characters → `_`, none at either end. Pure.
 */
export function slug(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
}
