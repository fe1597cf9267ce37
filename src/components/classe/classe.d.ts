import type {AnswerKey, ChoiceKey, NumberKey} from "./answer-check.js";

/** Département shown when the address names none ("35"). */
export const DEFAULT_DEPARTEMENT: string;
/** The département of the address (`?dep=`) if listed in `codes`, else the default one. */
export function departementFromUrl(codes: string[], search?: string): string;
/** A labelled `<select>` of départements (value: the code), kept in the address; use with `view()`. */
export function departementPicker(
  departements: Record<string, {nom: string}>
): HTMLFormElement & {value: string};
/** A link to a page of the same folder that keeps the département (`./page?dep=35`). */
export function linkWithDepartement(page: string, dep: string, text: string): HTMLAnchorElement;
/** An exercise where the pupil types a number, checked against its hashed key. */
export function numberExercise(
  key: NumberKey,
  options: {id: string; question: string; hint: string; tolerance: number; unit?: string}
): HTMLFormElement;
/** A multiple-choice exercise; the options come with the key. */
export function choiceExercise(
  key: ChoiceKey & {options: string[]},
  options: {id: string; question: string; hint: string}
): HTMLFormElement;
/** Why a lesson has no exercise for this département. */
export function emptyNotice(text: string): HTMLParagraphElement;
/** One expected answer of `corriges.json`. */
export interface ExpectedAnswer {
  id: string;
  value: number;
  kind: "number" | "choice";
  tolerance?: number;
  option?: string;
}
/** How the teacher sheet names an exercise and formats its answer. */
export type Questions = Record<string, {question: string; digits?: number; unit?: string}>;
/** The expected answers of a lesson for a département, as a table. */
export function answersTable(answers: ExpectedAnswer[], questions: Questions): HTMLTableElement;
/** The teacher sheet's answers block (département named, then the table). */
export function ficheAnswers(
  corriges: {
    departements: Record<string, {nom: string}>;
    lecons: Record<string, Record<string, ExpectedAnswer[]>>;
  },
  lesson: string,
  dep: string,
  questions: Questions
): HTMLElement;
export type {AnswerKey};
