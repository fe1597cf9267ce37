/** A measure's words, written by a person. */
export interface MeasureWords {
  /** Short label, capitalised ("Lieux de médiation"). */
  label: string;
  /** What one unit of the measure is, plural ("lieux", "habitants", "%"). */
  unit: string;
  /** The unit after "par" in a ratio with scale 1 ("habitant"). */
  per?: string;
}
/** A measure as `measuresOf` gives it: machine-made label, declared words, period of a table of several years. */
export interface WordedMeasure {
  value: string;
  label: string;
  unit?: string;
  words?: MeasureWords;
  period?: {label: string};
}
/** The declared words of a measure, or the catalogue's machine-made label (`described: false`). */
export function measureWords(measure: WordedMeasure): MeasureWords & {described: boolean; period?: string};
/** Title and unit of an indicator ("Lieux de médiation pour 10 000 habitants"). */
export function indicatorWords(
  state: {num: string; den: string; scale: number},
  measures: WordedMeasure[]
): {title: string; unit: string; described: boolean};
