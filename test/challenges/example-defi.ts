import type {Defi} from "../../challenges/types.ts";

/** A small valid défi for the tests, with its datathon frame. */
export const exampleDefi: Defi = {
  id: "exemple",
  title: "Exemple",
  summary: "Une ligne.",
  question: "Une question ?",
  datasets: ["communes"],
  levels: ["commune"],
  audience: ["collège"],
  durationMinutes: 60,
  deliverable: ["Une carte commentée."],
  jury: [
    {criterion: "Justesse", points: 12},
    {criterion: "Clarté", points: 8}
  ],
  programme: [
    {day: 1, minutes: 120, step: "Lire les données"},
    {day: 1, minutes: 180, step: "Calculer"},
    {day: 2, minutes: 180, step: "Rédiger"},
    {day: 2, minutes: 60, step: "Restituer"}
  ],
  demoData: {meaningful: true, note: "La méthode se pratique sur les données de démonstration."},
  traps: ["ecological-fallacy"]
};

/** The six défis the kit ships. */
export const KIT_DEFIS = [
  "fragilite-mediation",
  "acces-france-services",
  "tres-haut-debit",
  "ecole-numerique",
  "parentalite-numerique",
  "diagnostic-territorial"
];
