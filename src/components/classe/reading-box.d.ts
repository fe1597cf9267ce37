import type {ReadingGuide} from "../../loaders/core/reading.ts";

/** The `reading` facts of a dataset declaration, written once in `loaders/core/reading.ts`. */
export type ReadingFacts = ReadingGuide;

/** A dataset named in the box: its French title and, optionally, its catalogue page. */
export interface ReadingBoxDataset {
  title: string;
  href?: string;
}

/** The « Lire cette donnée » box as one HTML block without blank lines (open when there is a warning). */
export function readingBoxHtml(reading: ReadingFacts, dataset: ReadingBoxDataset): string;

/** The same box as an element (catalogue page, facts read from meta.json at run time). */
export function readingBox(reading: ReadingFacts, dataset: ReadingBoxDataset): HTMLElement;
