/**
 * The parts of the datathon frame that every défi shares, written once: the opening and the jury session of
 * the two-day programme, and the jury's reproducibility criterion. A `defi.ts` spreads them into its own lists.
 */
import type {JuryCriterion, ProgrammeStep} from "./types.ts";

/** First step of day 1. */
export const OPENING: ProgrammeStep = {
  day: 1,
  minutes: 30,
  step: "Accueil, présentation du défi et des données"
};

/** Last step of day 2. */
export const JURY_SESSION: ProgrammeStep = {
  day: 2,
  minutes: 60,
  step: "Restitution devant le jury (8 minutes par équipe, 4 minutes de questions)"
};

/** Last criterion of every jury (2 points out of 20). */
export const REPRODUCIBLE: JuryCriterion = {
  criterion: "Reproductibilité : code relançable, sources citées",
  points: 2
};
