import {JURY_SESSION, OPENING, REPRODUCIBLE} from "../frame.ts";
import type {Defi} from "../types.ts";

export const defi: Defi = {
  id: "ecole-numerique",
  title: "École et numérique",
  summary:
    "Croiser le profil social des écoles (IPS), la fragilité numérique du territoire et les Territoires numériques éducatifs.",
  question:
    "Les écoles au profil social le plus défavorable sont-elles dans les territoires les plus fragiles face au numérique, et les Territoires numériques éducatifs les ciblent-ils ?",
  datasets: ["communes", "fragilite-numerique", "effectifs-ecoles", "ips", "tne", "passage-cog"],
  levels: ["commune", "departement", "etablissement"],
  audience: ["datathon", "lycée"],
  durationMinutes: 180,
  deliverable: [
    "Un graphique et une carte qui comparent le profil social des écoles (IPS) et la fragilité numérique du territoire, à l'intérieur des régions.",
    "Une analyse des Territoires numériques éducatifs : leurs départements se distinguent-ils des autres, avant même le programme ?",
    "Une note pour un rectorat ou une collectivité : où les moyens pour le numérique à l'école et l'accompagnement des familles sont le plus utiles."
  ],
  jury: [
    {
      criterion:
        "Lecture juste des données : IPS de la rentrée 2021, référence régionale de l'indice, cases masquées traitées comme des trous",
      points: 6
    },
    {criterion: "Réponse argumentée à la question", points: 5},
    {criterion: "Utilité pour un rectorat ou une collectivité", points: 4},
    {criterion: "Clarté des graphiques", points: 3},
    REPRODUCIBLE
  ],
  programme: [
    OPENING,
    {
      day: 1,
      minutes: 90,
      step: "Lire l'IPS, les effectifs, l'indice et la liste des Territoires numériques éducatifs"
    },
    {
      day: 1,
      minutes: 150,
      step: "Croiser l'IPS moyen des écoles et la fragilité, commune par commune puis par département"
    },
    {
      day: 1,
      minutes: 60,
      step: "Point d'étape avec les mentors : pondération, petites communes, cases masquées"
    },
    {day: 2, minutes: 120, step: "Comparer les départements du programme aux autres de leur région"},
    {day: 2, minutes: 90, step: "Rédiger la note et finaliser les graphiques"},
    JURY_SESSION
  ],
  demoData: {
    meaningful: false,
    note: "Sur les données de démonstration, l'IPS, les effectifs et l'indice sont inventés ; seule la liste des Territoires numériques éducatifs est réelle. Chargez les fichiers de la DEPP et l'indice réel."
  },
  traps: [
    "ifn-regional-reference",
    "ifn-built-in",
    "unweighted-small-communes",
    "ecological-fallacy",
    "cog-vintages"
  ]
};
