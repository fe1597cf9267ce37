/** A numeric answer's key: salted hashes of the grid points of its tolerance interval. */
export interface NumberKey {
  kind: "number";
  salt: string;
  step: number;
  hashes: string[];
}
/** A multiple-choice answer's key: the salted hash of the right option. */
export interface ChoiceKey {
  kind: "choice";
  salt: string;
  hashes: string[];
  /** The options, in the order shown (added by the lessons' loader). */
  options?: string[];
}
export type AnswerKey = NumberKey | ChoiceKey;
/** FNV-1a 32-bit hash of a string, as 8 hexadecimal digits. */
export function fnv1a(text: string): string;
/** Reads `12,5`, `12.5`, `1 234,5`, `−3`, `45 %`; null when not a number. */
export function parseFrenchNumber(text: string): number | null;
/** The key of a numeric answer, accepted within `tolerance` (values rounded to `step`). */
export function numberKey(value: number, options: {tolerance: number; step: number; salt: string}): NumberKey;
/** The key of a multiple-choice answer (index of the right option). */
export function choiceKey(index: number, salt: string): ChoiceKey;
/** Checks a typed number or a chosen option's index against its key. */
export function checkAnswer(answer: string | number, key: AnswerKey): "right" | "wrong" | "invalid";
