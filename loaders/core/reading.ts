/**
 * How to read a dataset, as an expert would tell a newcomer: which edition, compared with what, on which scale,
 * dated when, what it measures and does not, its known limits and where these facts come from. Written once
 * in the dataset's declaration (`reading`), shown in the « Lire cette donnée » box of its catalogue page and of
 * every défi that uses it (`src/components/classe/reading-box.js`). Every text is in French.
 */

/** A document or a measurement that backs the facts of a {@link ReadingGuide}. */
export interface ReadingSource {
  /** What it is, in French (« Méthodologie de l'indice, La MedNum, 2020 »). */
  label: string;
  /** Where a person can read it (documentation only; never requested by the kit). */
  url?: string;
}

/** The facts of the « Lire cette donnée » box. */
export interface ReadingGuide {
  /** The edition the kit reads, and the newer editions it does not read yet. */
  edition: string;
  /** What a value is compared with (reference territory or population), when it is a relative measure. */
  reference?: string;
  /** Scale, unit and direction (« autour de 100 ; plus haut = plus fragile »). */
  scale: string;
  /** When the data describe the world (census year, date of the state), as opposed to the file's date. */
  dataDate: string;
  /** Which commune codes the rows carry, when the declaration's `cogVintage` does not say it. */
  communeCodes?: string;
  /** What a value measures. */
  measures: string;
  /** What it does not measure, and is often taken for. */
  doesNotMeasure: string;
  /** Known limits, one sentence each. */
  limits: readonly string[];
  /** Where these facts come from (at least one). */
  sources: readonly ReadingSource[];
  /** One sentence to read before any chart, shown first and open (the reference of a relative index). */
  warning?: string;
}
