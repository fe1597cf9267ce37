// The "En classe" pages' controls: the département picker kept in the address (`?dep=35`) and the
// self-checking exercises (a typed number or a choice, checked against a hashed key, see answer-check.js).
import {checkAnswer} from "./answer-check.js";
import {formatNumber} from "../formats/format.js";

/** Département shown when the address names none. */
export const DEFAULT_DEPARTEMENT = "35";

/**
 * The département of the address (`?dep=`), if it is one of `codes`, else {@link DEFAULT_DEPARTEMENT} (or the
 * first code).
 * @param {string[]} codes
 * @param {string} [search] the address's query string (default: the page's)
 * @returns {string}
 */
export function departementFromUrl(codes, search = globalThis.location?.search ?? "") {
  const asked = new URLSearchParams(search).get("dep")?.toUpperCase();
  if (asked && codes.includes(asked)) return asked;
  return codes.includes(DEFAULT_DEPARTEMENT) ? DEFAULT_DEPARTEMENT : codes[0];
}

/**
 * A labelled `<select>` of départements whose value is the chosen code; choosing one updates the address
 * (`?dep=`, without reloading) so that the link can be shared. Use with `view()`.
 * @param {Record<string, {nom: string}>} departements by code
 * @returns {HTMLElement & {value: string}}
 */
export function departementPicker(departements) {
  const codes = Object.keys(departements).sort(compareCodes);
  const form = /** @type {HTMLFormElement & {value: string}} */ (document.createElement("form"));
  form.className = "kit-dep-picker";
  const [label, select] = labelled("select", "Département étudié");
  select.name = "dep";
  for (const code of codes) select.append(new Option(`${code} – ${departements[code].nom}`, code));
  select.value = departementFromUrl(codes);
  form.append(label, select);
  form.value = select.value;
  form.addEventListener("submit", (e) => e.preventDefault());
  select.addEventListener("change", () => {
    form.value = select.value;
    const url = new URL(location.href);
    url.searchParams.set("dep", select.value);
    history.replaceState(history.state, "", url);
    form.dispatchEvent(new Event("input", {bubbles: true}));
  });
  return form;
}

/** Sorts département codes as the COG does: 01…19, 2A, 2B, 21…95, 971… */
function compareCodes(a, b) {
  const key = (c) => (c === "2A" ? "20.1" : c === "2B" ? "20.2" : c.padStart(3, "0"));
  return key(a).localeCompare(key(b));
}

/** A link to a page of the same folder that keeps the chosen département. */
export function linkWithDepartement(page, dep, text) {
  const a = document.createElement("a");
  a.href = `./${page}?dep=${encodeURIComponent(dep)}`;
  a.textContent = text;
  return a;
}

let exerciseCount = 0;

/** A control (`tag`) with a unique id and its `<label>`. */
function labelled(tag, text) {
  const control = document.createElement(tag);
  control.id = `kit-classe-${++exerciseCount}`;
  const label = document.createElement("label");
  label.htmlFor = control.id;
  label.textContent = text;
  return [label, control];
}

/** The shell of an exercise: a form with its question, its answer zone, a button and a live result. */
function exerciseForm(id, question, answerZone) {
  const form = document.createElement("form");
  form.className = "kit-exercise";
  form.dataset.exercise = id;
  const q = document.createElement("p");
  q.className = "kit-exercise-question";
  // Plain text: questions name communes and départements, which come from the data (never parsed as HTML).
  q.textContent = question;
  const button = document.createElement("button");
  button.type = "submit";
  button.textContent = "Vérifier";
  const result = document.createElement("p");
  result.className = "kit-exercise-result";
  result.setAttribute("role", "status");
  result.setAttribute("aria-live", "polite");
  form.append(q, answerZone, button, result);
  return {form, result};
}

/** Writes the outcome of a check. */
function showResult(result, outcome, hint) {
  result.dataset.result = outcome;
  result.textContent =
    outcome === "right"
      ? "Juste ! Bravo."
      : outcome === "invalid"
        ? "Écris un nombre (par exemple 12,5)."
        : `Pas encore. Indice : ${hint}`;
}

/**
 * An exercise where the pupil types a number (French decimal comma or point), checked against a hashed key.
 * @param {{kind: "number", salt: string, step: number, hashes: string[]}} key from the lesson file
 * @param {{id: string, question: string, hint: string, tolerance: number, unit?: string}} options the question
 *   (text), the hint shown after a wrong answer, the accepted distance (said on the page) and the unit
 * @returns {HTMLFormElement}
 */
export function numberExercise(key, {id, question, hint, tolerance, unit}) {
  const zone = document.createElement("span");
  zone.className = "kit-exercise-answer";
  const [label, input] = labelled("input", "Ta réponse");
  input.type = "text";
  input.inputMode = "decimal";
  input.autocomplete = "off";
  input.size = 10;
  zone.append(label, input);
  if (unit) zone.append(` ${unit}`);
  const note = document.createElement("small");
  note.textContent =
    tolerance > 0
      ? ` (accepté à ${formatNumber(tolerance)} près${unit ? ` ${unit}` : ""})`
      : " (nombre exact)";
  zone.append(note);
  const {form, result} = exerciseForm(id, question, zone);
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    showResult(result, checkAnswer(input.value, key), hint);
  });
  return form;
}

/**
 * A multiple-choice exercise, checked against a hashed key. The options come with the key, in the order the
 * data loader chose (shuffled for questions whose right option is always the same).
 * @param {{kind: "choice", salt: string, hashes: string[], options: string[]}} key
 * @param {{id: string, question: string, hint: string}} options
 * @returns {HTMLFormElement}
 */
export function choiceExercise(key, {id, question, hint}) {
  const zone = document.createElement("fieldset");
  zone.className = "kit-exercise-choices";
  const legend = document.createElement("legend");
  legend.textContent = "Choisis une réponse";
  zone.append(legend);
  const name = `kit-choice-${++exerciseCount}`;
  key.options.forEach((text, i) => {
    const label = document.createElement("label");
    const radio = document.createElement("input");
    radio.type = "radio";
    radio.name = name;
    radio.value = String(i);
    label.append(radio, ` ${text}`);
    zone.append(label);
  });
  const {form, result} = exerciseForm(id, question, zone);
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const chosen = /** @type {HTMLInputElement | null} */ (
      form.querySelector(`input[name="${name}"]:checked`)
    );
    if (!chosen) {
      result.dataset.result = "invalid";
      result.textContent = "Choisis une réponse.";
      return;
    }
    showResult(result, checkAnswer(Number(chosen.value), key), hint);
  });
  return form;
}

/** A short paragraph saying why a lesson has no exercise for this département. */
export function emptyNotice(text) {
  const p = document.createElement("p");
  p.className = "kit-exercise-empty";
  p.textContent = `${text} Choisissez un autre département.`;
  return p;
}

/**
 * The expected answers of a lesson for a département, as a table for the teacher sheet.
 * @param {{id: string, value: number, kind: "number" | "choice", tolerance?: number, option?: string}[]} answers
 *   from `corriges.json`
 * @param {Record<string, {question: string, digits?: number, unit?: string}>} questions by exercise id
 * @returns {HTMLTableElement}
 */
export function answersTable(answers, questions) {
  const table = document.createElement("table");
  table.className = "kit-fiche-answers";
  table.innerHTML = "<thead><tr><th>Exercice</th><th>Réponse attendue</th></tr></thead>";
  const body = document.createElement("tbody");
  for (const a of answers) {
    const q = questions[a.id] ?? {question: a.id};
    const tr = document.createElement("tr");
    const question = document.createElement("td");
    question.textContent = q.question;
    const answer = document.createElement("td");
    answer.dataset.answer = a.id;
    if (a.kind === "choice") answer.textContent = `«\u00a0${a.option}\u00a0»`;
    else {
      const value = formatNumber(a.value, q.digits ?? 2);
      const unit = q.unit ? ` ${q.unit}` : "";
      answer.textContent =
        a.tolerance > 0
          ? `${value}${unit} (accepté à ${formatNumber(a.tolerance)} près)`
          : `${value}${unit} (exact)`;
    }
    tr.append(question, answer);
    body.append(tr);
  }
  table.append(body);
  return table;
}

/**
 * The teacher sheet's answers block: the département named (it prints), then the table of expected answers.
 * @param {{departements: Record<string, {nom: string}>, lecons: Record<string, Record<string, object[]>>}} corriges
 * @param {string} lesson lesson id
 * @param {string} dep département code
 * @param {Record<string, {question: string, digits?: number, unit?: string}>} questions by exercise id
 * @returns {HTMLElement}
 */
export function ficheAnswers(corriges, lesson, dep, questions) {
  const div = document.createElement("div");
  div.className = "kit-fiche-answers-block";
  const p = document.createElement("p");
  const strong = document.createElement("strong");
  strong.textContent = "Département\u00a0:";
  p.append(strong, " ");
  p.append(`${dep} – ${corriges.departements[dep]?.nom ?? ""}`);
  div.append(p);
  const answers = corriges.lecons[lesson]?.[dep] ?? [];
  if (answers.length === 0) {
    const none = document.createElement("p");
    none.textContent = "Pas d'exercice pour ce département (trop peu de données) : choisissez-en un autre.";
    div.append(none);
  } else div.append(answersTable(answers, questions));
  return div;
}
