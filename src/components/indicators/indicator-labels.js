/**
 * What the indicator pages call a measure and an indicator, in words a person wrote: the short label and unit each
 * dataset declares beside its measures (`measure: {label, unit, per}` in loaders/datasets, carried by the catalogue
 * to `measuresOf`'s `words`), and the title and unit of a ratio composed from them ("Lieux de médiation pour
 * 10 000 habitants"). A measure nobody described keeps the machine-made label of `measuresOf` (table title —
 * column description). Pure.
 */
import {formatNumber} from "../formats/format.js";

/**
 * @typedef {object} MeasureWords
 * @property {string} label short label, capitalised ("Lieux de médiation")
 * @property {string} unit what one unit of the measure is, plural ("lieux", "habitants", "%")
 * @property {string} [per] the unit after "par" in a ratio with scale 1 ("habitant")
 */

/**
 * The words of a measure: those its dataset declares, else the machine-made label of the catalogue
 * (`described: false`) and the column's unit; `period`: which year of a table of several years is read.
 * @param {{value: string, label: string, unit?: string, words?: MeasureWords, period?: {label: string}}} measure
 *   from `measuresOf`
 * @returns {MeasureWords & {described: boolean, period?: string}}
 */
export function measureWords(measure) {
  const period = measure.period ? {period: measure.period.label} : {};
  if (measure.words) return {...measure.words, described: true, ...period};
  return {label: measure.label, unit: measure.unit ?? "", described: false, ...period};
}

/** The first letter in lower case, but not in an acronym ("IPS", "France services"). */
const lowerFirst = (text) =>
  /^\p{Lu}\p{Ll}/u.test(text) && !text.startsWith("France") ? text[0].toLowerCase() + text.slice(1) : text;

/**
 * The title and unit of an indicator: the numerator's label alone, or a ratio in words ("Lieux de médiation
 * pour 10 000 habitants", "Locaux éligibles à 100 Mbit/s ou plus, en % des locaux", "Habitants par commune").
 * Machine-made labels are joined by " / " when a measure was not described. A measure of a table of several years
 * adds which year is read: "Élèves des écoles (rentrée la plus récente du fichier)".
 * @param {{num: string, den: string, scale: number}} state
 * @param {{value: string, label: string, unit?: string, words?: MeasureWords, period?: {label: string}}[]} measures
 *   the measures offered
 * @returns {{title: string, unit: string, described: boolean}}
 */
export function indicatorWords(state, measures) {
  const find = (value) => measures.find((m) => m.value === value) ?? {value, label: value};
  const num = measureWords(find(state.num));
  const den = state.den ? measureWords(find(state.den)) : null;
  const words = ratioWords(num, den, Number(state.scale) || 1);
  // A table of several years is read for its latest year only: the title says so.
  const periods = [...new Set([num.period, den?.period].filter(Boolean))];
  return periods.length ? {...words, title: `${words.title} (${periods.join(", ")})`} : words;
}

/** The title and unit of a measure alone (`den` null) or of a ratio of two measures' words. */
function ratioWords(num, den, scale) {
  if (!den) return {title: num.label, unit: num.unit, described: num.described};
  if (!num.described || !den.described) {
    const title = `${num.label} / ${den.label}${scale !== 1 ? ` (pour ${formatNumber(scale)})` : ""}`;
    return {title, unit: "", described: false};
  }
  if (scale === 100 && num.unit === den.unit)
    return {title: `${num.label}, en % des ${lowerFirst(den.label)}`, unit: "%", described: true};
  const per = scale === 1 ? `par ${den.per ?? den.unit}` : `pour ${formatNumber(scale)} ${den.unit}`;
  return {title: `${num.label} ${per}`, unit: `${num.unit} ${per}`, described: true};
}
