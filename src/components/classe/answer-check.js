// Self-checking exercises of the "En classe" lessons: the expected answer is never sent in clear. A numeric
// answer becomes the salted hashes of every value of its tolerance interval on a grid (the tolerance step);
// the page hashes what the pupil typed, rounded to the same grid, and looks it up. A choice is the salted hash
// of the right option. Not cryptography (a determined pupil can brute-force a hash in the console): the aim is
// that the answer cannot be read in the page source or the JSON. Pure (no DOM, no npm import): used by the
// data loader in Node and by the pages.

/**
 * FNV-1a 32-bit hash of a string, as 8 hexadecimal digits.
 * @param {string} text
 * @returns {string}
 */
export function fnv1a(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

/**
 * Reads a number typed the French way or the English way: `12,5`, `12.5`, `1 234,5` (spaces, no-break spaces
 * and narrow no-break spaces as thousands separators), `−3` (minus sign), `45 %` (a trailing % is ignored).
 * @param {string} text
 * @returns {number | null} null when the text is not a number
 */
export function parseFrenchNumber(text) {
  const t = String(text ?? "")
    .trim()
    .replace(/[\s\u00a0\u202f]/g, "")
    .replace(/%$/, "")
    .replace(/^\u2212/, "-")
    .replace(",", ".");
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(t)) return null;
  const x = Number(t);
  return Number.isFinite(x) ? x : null;
}

/** Grid index of a value: the nearest multiple of `step`, as an integer (robust to float noise). */
const gridIndex = (x, step) => Math.round(Number((x / step).toFixed(6)));

/**
 * The key of a numeric answer: salted hashes of the grid points `k × step` within `tolerance` of `value`.
 * @param {number} value the expected answer
 * @param {{tolerance: number, step: number, salt: string}} options tolerance (absolute), grid step (≤ tolerance,
 *   or the answer's precision when the tolerance is 0), salt (unique per exercise and département)
 * @returns {{kind: "number", salt: string, step: number, hashes: string[]}}
 */
export function numberKey(value, {tolerance, step, salt}) {
  if (!Number.isFinite(value))
    throw new Error(`numberKey: la réponse attendue n'est pas un nombre (${value})`);
  if (!(step > 0)) throw new Error(`numberKey: pas invalide (${step})`);
  const lo = Math.ceil(Number(((value - tolerance) / step).toFixed(6)));
  const hi = Math.floor(Number(((value + tolerance) / step).toFixed(6)));
  const hashes = [];
  for (let k = lo; k <= hi; k++) hashes.push(fnv1a(`${salt}|${k}`));
  // The value itself when the interval holds no grid point (tolerance smaller than half a step).
  if (hashes.length === 0) hashes.push(fnv1a(`${salt}|${gridIndex(value, step)}`));
  return {kind: "number", salt, step, hashes: hashes.sort()};
}

/**
 * The key of a multiple-choice answer: the salted hash of the right option's index.
 * @param {number} index index of the right option
 * @param {string} salt
 * @returns {{kind: "choice", salt: string, hashes: string[]}}
 */
export function choiceKey(index, salt) {
  return {kind: "choice", salt, hashes: [fnv1a(`${salt}|choice|${index}`)]};
}

/**
 * Checks an answer against its key.
 * @param {string | number} answer what the pupil typed (numeric key) or the chosen option's index (choice key)
 * @param {{kind: "number" | "choice", salt: string, step?: number, hashes: string[]}} key
 * @returns {"right" | "wrong" | "invalid"} `invalid` when a numeric answer is not a number
 */
export function checkAnswer(answer, key) {
  if (key.kind === "choice") {
    return key.hashes.includes(fnv1a(`${key.salt}|choice|${Number(answer)}`)) ? "right" : "wrong";
  }
  const x = typeof answer === "number" ? answer : parseFrenchNumber(answer);
  if (x === null || !Number.isFinite(x)) return "invalid";
  return key.hashes.includes(fnv1a(`${key.salt}|${gridIndex(x, key.step)}`)) ? "right" : "wrong";
}
