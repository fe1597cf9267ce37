import {JURY_SESSION, OPENING, REPRODUCIBLE} from "../frame.ts";
import type {Defi} from "../types.ts";

export const defi: Defi = {
  id: "diagnostic-territorial",
  title: "Diagnostic territorial",
  summary:
    "Choisir un département ou un EPCI et obtenir une fiche imprimable sur son inclusion et son éducation numériques.",
  question:
    "Comment se situe mon territoire, face à sa région et à la France, pour l'inclusion et l'éducation numériques ?",
  datasets: [
    "communes",
    "fragilite-numerique",
    "lieux-mediation-numerique",
    "conseillers-numeriques",
    "france-services",
    "couverture-thd",
    "effectifs-ecoles",
    "ips",
    "tne",
    "passage-cog"
  ],
  levels: ["epci", "departement", "region"],
  audience: ["datathon"],
  durationMinutes: 120,
  deliverable: [
    "Une fiche d'une page, imprimable, pour un département ou un EPCI choisi par l'équipe : indicateurs, comparaison avec la région, sources et millésimes.",
    "Trois messages pour les élus, chacun appuyé sur un chiffre et sa limite.",
    "Le carnet de l'équipe, que le jury peut relancer pour un autre territoire."
  ],
  jury: [
    {
      criterion:
        "Justesse : chaque chiffre avec sa source, son millésime et sa comparaison (région plutôt que France pour l'indice)",
      points: 6
    },
    {criterion: "Lisibilité de la fiche pour un élu ou un comité de pilotage", points: 5},
    {criterion: "Pertinence des trois messages", points: 4},
    {criterion: "Réutilisable pour un autre territoire", points: 3},
    REPRODUCIBLE
  ],
  programme: [
    OPENING,
    {day: 1, minutes: 90, step: "Choisir le territoire et lire chaque source : date, unité, référence"},
    {day: 1, minutes: 150, step: "Calculer les indicateurs du territoire, de sa région et de la France"},
    {day: 1, minutes: 60, step: "Point d'étape avec les mentors : comparaisons et millésimes"},
    {day: 2, minutes: 120, step: "Mettre en page la fiche et écrire les trois messages"},
    {day: 2, minutes: 60, step: "Relecture croisée par une autre équipe"},
    JURY_SESSION
  ],
  demoData: {
    meaningful: true,
    note: "La fiche se construit sur les données de démonstration et se remplit de chiffres réels dès que les fichiers sont chargés ; les chiffres de démonstration ne décrivent aucun territoire."
  },
  traps: [
    "ifn-regional-reference",
    "lieux-postes-units",
    "percentage-points",
    "ecological-fallacy",
    "cog-vintages"
  ]
};
