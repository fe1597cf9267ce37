import {JURY_SESSION, OPENING} from "../frame.ts";
import type {Defi} from "../types.ts";

export const defi: Defi = {
  id: "parentalite-numerique",
  title: "Parentalité numérique",
  summary:
    "Construire pas à pas un indice de fragilité numérique « parentalité » et choisir soi-même le poids de chaque ingrédient.",
  question:
    "Où les familles ont-elles le plus besoin d'accompagnement pour suivre la scolarité numérique de leurs enfants (ENT, démarches, outils) ?",
  datasets: ["communes", "fragilite-numerique", "effectifs-ecoles", "ips", "pauvrete", "passage-cog"],
  levels: ["commune", "departement"],
  audience: ["datathon", "lycée", "collège"],
  durationMinutes: 120,
  deliverable: [
    "Un indice « parentalité numérique » par commune : ses ingrédients, leurs poids et la raison de chaque choix.",
    "Une carte des territoires prioritaires et un test de robustesse : lesquels restent en tête quand on change les poids ?",
    "Une proposition d'action (ateliers « parents et numérique », permanences) pour une caisse d'allocations familiales, un département ou une commune."
  ],
  jury: [
    {
      criterion:
        "Choix des ingrédients et des poids expliqués, doubles comptes évités (l'indice contient déjà la pauvreté)",
      points: 6
    },
    {criterion: "Robustesse : résultats qui tiennent quand les poids changent", points: 4},
    {criterion: "Utilité de la proposition pour un acteur de la parentalité", points: 4},
    {criterion: "Lecture juste des données : millésimes, référence régionale, valeurs manquantes", points: 4},
    {criterion: "Clarté et reproductibilité", points: 2}
  ],
  programme: [
    OPENING,
    {day: 1, minutes: 90, step: "Lire chaque ingrédient : ce qu'il mesure, son millésime, ses trous"},
    {day: 1, minutes: 150, step: "Construire l'indice pas à pas, choisir et justifier les poids"},
    {day: 1, minutes: 60, step: "Point d'étape avec les mentors : doubles comptes, valeurs manquantes"},
    {day: 2, minutes: 120, step: "Tester la robustesse et repérer les territoires prioritaires"},
    {day: 2, minutes: 90, step: "Préparer la proposition d'action et la carte"},
    JURY_SESSION
  ],
  demoData: {
    meaningful: true,
    note: "Le défi porte sur la construction d'un indice et le choix de ses poids : il se pratique sur les données de démonstration. Les territoires désignés, eux, n'ont de sens qu'avec les fichiers réels."
  },
  traps: [
    "ifn-regional-reference",
    "ifn-built-in",
    "unweighted-small-communes",
    "ecological-fallacy",
    "cog-vintages"
  ],
  ownTraps: [
    {
      title: "Un rang centile efface les écarts",
      text: "Convertir chaque ingrédient en rang rend les échelles comparables, mais deux communes de rangs voisins peuvent être très différentes, et un écart de rang ne dit pas de combien elles diffèrent."
    }
  ]
};
