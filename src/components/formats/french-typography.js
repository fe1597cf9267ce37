/**
 * French typography for prose written by the kit: a narrow no-break space (U+202F) before « ; ? ! » and « % »
 * and between groups of three digits, a no-break space (U+00A0) before « : » and inside guillemets. Pure and
 * idempotent; apply it to text, never to code.
 */

const NNBSP = "\u202f";
const NBSP = "\u00a0";

/**
 * @param {string} text French prose
 * @returns {string} the same prose, with the spaces French typography asks for
 */
export function frenchSpacing(text) {
  return text
    .replace(/[ \u00a0\u202f]+([;?!%])/g, `${NNBSP}$1`)
    .replace(/[ \u00a0\u202f]+:(?=\s|$)/g, `${NBSP}:`)
    .replace(/«[ \u00a0\u202f]*/g, `«${NBSP}`)
    .replace(/[ \u00a0\u202f]*»/g, `${NBSP}»`)
    .replace(/(\d)[ \u00a0](?=\d{3}(?!\d))/g, `$1${NNBSP}`);
}
