/** A measure's words, written by a person. */
export interface MeasureWords {
  /** Short label, capitalised ("Lieux de médiation"). */
  label: string;
  /** What one unit of the measure is, plural ("lieux", "habitants", "%"). */
  unit: string;
  /** The unit after "par" in a ratio with scale 1 ("habitant"). */
  per?: string;
}
/** Measure (`<served table>.<column>` or `<served table>.*`) → its words. */
export const MEASURE_WORDS: Record<string, MeasureWords>;
/** The words of a measure, or the catalogue's machine-made label (`described: false`). */
export function measureWords(measure: {
  value: string;
  label: string;
  unit?: string;
}): MeasureWords & {described: boolean};
/** Title and unit of an indicator ("Lieux de médiation pour 10 000 habitants"). */
export function indicatorWords(
  state: {num: string; den: string; scale: number},
  measures: {value: string; label: string; unit?: string}[]
): {title: string; unit: string; described: boolean};
