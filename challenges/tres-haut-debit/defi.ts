import {JURY_SESSION, OPENING, REPRODUCIBLE} from "../frame.ts";
import type {Defi} from "../types.ts";

export const defi: Defi = {
  id: "tres-haut-debit",
  title: "Très haut débit et usages",
  summary:
    "Confronter la couverture en fibre (ARCEP) à la fragilité numérique, commune par commune, sans confondre lien et cause.",
  question:
    "La couverture en très haut débit va-t-elle de pair avec une fragilité numérique plus faible, et où ne suffit-elle pas ?",
  datasets: ["communes", "couverture-thd", "fragilite-numerique", "passage-cog"],
  levels: ["commune", "departement"],
  audience: ["datathon", "lycée"],
  durationMinutes: 150,
  deliverable: [
    "Deux ou trois graphiques qui décrivent le lien entre la part des locaux éligibles à 1 Gbit/s et la fragilité, pondérés par la population et comparés à l'intérieur des régions.",
    "La liste commentée des territoires bien couverts mais fragiles : là où la fibre ne suffit pas et où la médiation compte.",
    "Une page de conclusions qui dit ce que les données montrent, ce qu'elles ne montrent pas (la cause), et pourquoi."
  ],
  jury: [
    {
      criterion: "Rigueur : lien décrit sans conclure à une cause, part mécanique de l'indice dite",
      points: 6
    },
    {criterion: "Justesse des calculs : pondération, écarts en points, codes ramenés au COG 2026", points: 5},
    {criterion: "Intérêt des territoires repérés pour l'action publique", points: 4},
    {criterion: "Clarté des graphiques", points: 3},
    REPRODUCIBLE
  ],
  programme: [
    OPENING,
    {
      day: 1,
      minutes: 90,
      step: "Lire les débits de l'ARCEP et l'indice : paliers, éligibilité, référence régionale"
    },
    {
      day: 1,
      minutes: 150,
      step: "Croiser couverture et fragilité commune par commune, puis par EPCI et par département, avec pondération"
    },
    {day: 1, minutes: 60, step: "Point d'étape avec les mentors : que dit le lien, que ne dit-il pas"},
    {
      day: 2,
      minutes: 120,
      step: "Repérer les territoires bien couverts mais fragiles, et les mal couverts mais peu fragiles"
    },
    {day: 2, minutes: 90, step: "Écrire les conclusions et leurs limites"},
    JURY_SESSION
  ],
  demoData: {
    meaningful: false,
    note: "Sur les données de démonstration, le lien entre fibre et fragilité est fabriqué par le kit : il ne dit rien du pays. Chargez les débits de l'ARCEP et l'indice réel."
  },
  traps: [
    "ifn-regional-reference",
    "ifn-built-in",
    "causal-question",
    "unweighted-small-communes",
    "percentage-points",
    "ecological-fallacy",
    "cog-vintages"
  ]
};
