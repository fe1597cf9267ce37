/**
 * What the indicator pages call a measure and an indicator, in words a person wrote: a short label and a unit
 * for each measure people build indicators from, declared once here beside the measure's name, and the title
 * and unit of a ratio composed from them ("Lieux de médiation pour 10 000 habitants"). A measure nobody
 * described keeps the machine-made label of `measuresOf` (table title — column description). Pure.
 */
import {formatNumber} from "./format.js";

/**
 * @typedef {object} MeasureWords
 * @property {string} label short label, capitalised ("Lieux de médiation")
 * @property {string} unit what one unit of the measure is, plural ("lieux", "habitants", "%")
 * @property {string} [per] the unit after "par" in a ratio with scale 1 ("habitant")
 */

/** Measure (`<served table>.<column>` or `<served table>.*`) → its words. */
export const MEASURE_WORDS = {
  "communes.*": {label: "Communes", unit: "communes", per: "commune"},
  "communes.population": {label: "Habitants", unit: "habitants", per: "habitant"},
  "lieux-mediation-numerique.*": {label: "Lieux de médiation", unit: "lieux", per: "lieu"},
  "conseillers-numeriques.*": {label: "Structures accueillant un conseiller numérique", unit: "structures"},
  "conseillers-numeriques.nb_conseillers": {
    label: "Postes de conseiller numérique",
    unit: "postes",
    per: "poste"
  },
  "france-services.*": {label: "France services", unit: "France services", per: "France services"},
  "couverture-thd.locaux": {label: "Locaux", unit: "locaux", per: "local"},
  "couverture-thd.inel_hd": {label: "Locaux inéligibles au haut débit", unit: "locaux"},
  "couverture-thd.elig_hd3": {label: "Locaux éligibles à 3 Mbit/s ou plus", unit: "locaux"},
  "couverture-thd.elig_hd8": {label: "Locaux éligibles à 8 Mbit/s ou plus", unit: "locaux"},
  "couverture-thd.elig_thd30": {label: "Locaux éligibles à 30 Mbit/s ou plus", unit: "locaux"},
  "couverture-thd.elig_thd100": {label: "Locaux éligibles à 100 Mbit/s ou plus", unit: "locaux"},
  "couverture-thd.elig_thd1g": {label: "Locaux éligibles à 1 Gbit/s ou plus", unit: "locaux"},
  "pauvrete.taux_pauvrete": {label: "Taux de pauvreté", unit: "%"},
  "fragilite-numerique-communes.score_global": {
    label: "Score de fragilité numérique",
    unit: "indice (100 = moyenne)"
  },
  "fragilite-numerique-communes.global_acces": {
    label: "Fragilité numérique : accès",
    unit: "indice (100 = moyenne)"
  },
  "fragilite-numerique-communes.global_competences": {
    label: "Fragilité numérique : compétences",
    unit: "indice (100 = moyenne)"
  },
  "fragilite-numerique-communes.population": {
    label: "Habitants des IRIS",
    unit: "habitants",
    per: "habitant"
  },
  "annuaire-education.*": {label: "Établissements scolaires", unit: "établissements", per: "établissement"},
  "annuaire-education.effectif": {label: "Élèves (annuaire)", unit: "élèves", per: "élève"},
  "ips.ips": {label: "IPS moyen des établissements", unit: "indice"},
  "effectifs-ecoles.nb_eleves": {label: "Élèves des écoles", unit: "élèves", per: "élève"},
  "effectifs-ecoles.nb_classes": {label: "Classes des écoles", unit: "classes", per: "classe"},
  "pix.inscrits": {label: "Élèves inscrits à la certification Pix", unit: "élèves", per: "élève"},
  "pix.participants": {label: "Élèves ayant passé la certification Pix", unit: "élèves", per: "élève"},
  "pix.certifies": {label: "Élèves certifiés Pix", unit: "élèves", per: "élève"},
  "pix.score_moyen": {label: "Score Pix moyen", unit: "pix"}
};

/**
 * The words of a measure: those written in {@link MEASURE_WORDS}, else the machine-made label of the catalogue
 * (`described: false`) and the column's unit.
 * @param {{value: string, label: string, unit?: string}} measure from `measuresOf`
 * @returns {MeasureWords & {described: boolean}}
 */
export function measureWords(measure) {
  const words = MEASURE_WORDS[measure.value];
  if (words) return {...words, described: true};
  return {label: measure.label, unit: measure.unit ?? "", described: false};
}

/** The first letter in lower case, but not in an acronym ("IPS", "France services"). */
const lowerFirst = (text) =>
  /^\p{Lu}\p{Ll}/u.test(text) && !text.startsWith("France") ? text[0].toLowerCase() + text.slice(1) : text;

/**
 * The title and unit of an indicator: the numerator's label alone, or a ratio in words ("Lieux de médiation
 * pour 10 000 habitants", "Locaux éligibles à 100 Mbit/s ou plus, en % des locaux", "Habitants par commune").
 * Machine-made labels are joined by " / " when a measure was not described.
 * @param {{num: string, den: string, scale: number}} state
 * @param {{value: string, label: string, unit?: string}[]} measures the measures offered
 * @returns {{title: string, unit: string, described: boolean}}
 */
export function indicatorWords(state, measures) {
  const find = (value) => measures.find((m) => m.value === value) ?? {value, label: value};
  const num = measureWords(find(state.num));
  if (!state.den) return {title: num.label, unit: num.unit, described: num.described};
  const den = measureWords(find(state.den));
  const scale = Number(state.scale) || 1;
  if (!num.described || !den.described) {
    const title = `${num.label} / ${den.label}${scale !== 1 ? ` (pour ${formatNumber(scale)})` : ""}`;
    return {title, unit: "", described: false};
  }
  if (scale === 100 && num.unit === den.unit)
    return {title: `${num.label}, en % des ${lowerFirst(den.label)}`, unit: "%", described: true};
  const per = scale === 1 ? `par ${den.per ?? den.unit}` : `pour ${formatNumber(scale)} ${den.unit}`;
  return {title: `${num.label} ${per}`, unit: `${num.unit} ${per}`, described: true};
}
