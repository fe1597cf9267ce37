import {JURY_SESSION, OPENING, REPRODUCIBLE} from "../frame.ts";
import type {Defi} from "../types.ts";

export const defi: Defi = {
  id: "fragilite-mediation",
  title: "Fragilité numérique et offre de médiation",
  summary:
    "Repérer les territoires les plus fragiles face au numérique qui ont le moins de lieux de médiation et de conseillers numériques.",
  question:
    "Où sont les territoires les plus fragiles (indice de fragilité numérique) qui ont le moins de lieux de médiation et de conseillers numériques par habitant ?",
  datasets: [
    "communes",
    "fragilite-numerique",
    "lieux-mediation-numerique",
    "conseillers-numeriques",
    "passage-cog"
  ],
  levels: ["commune", "departement"],
  audience: ["datathon", "lycée"],
  durationMinutes: 180,
  deliverable: [
    "Une carte et un tableau des 20 territoires (communes, EPCI ou départements, au choix de l'équipe) où l'offre de médiation est la plus faible au regard de la fragilité, comparés à l'intérieur de leur région.",
    "Une note de deux pages pour un comité de pilotage : où placer les prochains postes de conseillers ou une permanence itinérante, et pourquoi.",
    "Le carnet de l'équipe (code et sources), que le jury peut relancer."
  ],
  jury: [
    {
      criterion:
        "Lecture juste des données : référence régionale de l'indice, lieux et postes tenus séparés, millésimes dits",
      points: 6
    },
    {criterion: "Réponse argumentée à la question : où l'offre manque au regard des besoins", points: 5},
    {
      criterion: "Utilité pour une collectivité ou une préfecture : recommandations précises et réalisables",
      points: 4
    },
    {criterion: "Clarté des cartes et des graphiques", points: 3},
    REPRODUCIBLE
  ],
  programme: [
    OPENING,
    {
      day: 1,
      minutes: 90,
      step: "Prise en main : lire l'indice, les lieux et les conseillers, charger les fichiers réels"
    },
    {
      day: 1,
      minutes: 150,
      step: "Construire l'indicateur d'offre (lieux et postes séparés, pour 10 000 habitants) et le croiser avec la fragilité, région par région"
    },
    {
      day: 1,
      minutes: 60,
      step: "Point d'étape avec les mentors : choix de l'échelle (commune, EPCI, département)"
    },
    {
      day: 2,
      minutes: 150,
      step: "Repérer les territoires prioritaires, vérifier sur le terrain connu (exceptions, lieux itinérants)"
    },
    {day: 2, minutes: 90, step: "Rédiger la note et finaliser la carte"},
    JURY_SESSION
  ],
  demoData: {
    meaningful: false,
    note: "Sur les données de démonstration, la méthode se prépare mais les territoires désignés sont inventés : chargez l'indice, les lieux et les conseillers réels pour répondre à la question."
  },
  traps: [
    "ifn-regional-reference",
    "lieux-postes-units",
    "unweighted-small-communes",
    "ecological-fallacy",
    "cog-vintages"
  ]
};
