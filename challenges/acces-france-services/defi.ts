import {JURY_SESSION, OPENING, REPRODUCIBLE} from "../frame.ts";
import type {Defi} from "../types.ts";

export const defi: Defi = {
  id: "acces-france-services",
  title: "Accès aux France services",
  summary:
    "Mesurer la distance de chaque commune à la France services la plus proche et compter les habitants qui en sont loin.",
  question:
    "Combien d'habitants vivent à plus de 10 ou 20 km d'une France services, et dans quels départements ?",
  datasets: ["communes", "france-services", "passage-cog"],
  levels: ["commune", "departement"],
  audience: ["datathon", "lycée"],
  durationMinutes: 180,
  deliverable: [
    "Le nombre d'habitants à plus de 10 et de 20 km (à vol d'oiseau) d'une France services, par département, avec la méthode de calcul.",
    "Une carte des communes les plus éloignées et une proposition chiffrée : où une antenne ou un bus itinérant rapprocherait le plus d'habitants.",
    "Le carnet de l'équipe (code et sources), que le jury peut relancer."
  ],
  jury: [
    {
      criterion: "Méthode de distance expliquée et ses limites dites (vol d'oiseau, centre de la commune)",
      points: 5
    },
    {criterion: "Justesse des chiffres : habitants comptés, millésimes et codes commune alignés", points: 5},
    {criterion: "Pertinence des propositions d'implantation", points: 5},
    {criterion: "Clarté de la carte et de la restitution", points: 3},
    REPRODUCIBLE
  ],
  programme: [
    OPENING,
    {
      day: 1,
      minutes: 90,
      step: "Charger la liste réelle des France services et les contours des communes ; vérifier les positions"
    },
    {
      day: 1,
      minutes: 150,
      step: "Calculer la distance de chaque commune à la France services la plus proche et compter les habitants par tranche"
    },
    {
      day: 1,
      minutes: 60,
      step: "Point d'étape avec les mentors : seuils retenus, cas des îles et de la montagne"
    },
    {
      day: 2,
      minutes: 150,
      step: "Simuler une ou deux implantations nouvelles et mesurer les habitants rapprochés"
    },
    {day: 2, minutes: 90, step: "Préparer la carte et la note de proposition"},
    JURY_SESSION
  ],
  demoData: {
    meaningful: false,
    note: "Sur les données de démonstration, les communes sont placées au hasard autour du chef-lieu de leur département : les distances ne veulent rien dire. Chargez la liste des France services et les contours des communes."
  },
  traps: ["percentage-points", "ecological-fallacy", "cog-vintages"],
  ownTraps: [
    {
      title: "La distance à vol d'oiseau n'est pas un temps de trajet",
      text: "En montagne, sur une île ou sans voiture, 10 km à vol d'oiseau peuvent être une heure de trajet. Dites-le, et ne présentez pas la distance comme un temps d'accès."
    }
  ]
};
