import type {Defi} from "../types.ts";

export const defi: Defi = {
  id: "parentalite-numerique",
  title: "Parentalité numérique",
  summary:
    "Construire pas à pas un indice de fragilité numérique « parentalité » et choisir soi-même le poids de chaque ingrédient.",
  question:
    "Où les familles ont-elles le plus besoin d'accompagnement pour suivre la scolarité numérique de leurs enfants (ENT, démarches, outils) ?",
  datasets: ["communes", "fragilite-numerique", "effectifs-ecoles", "ips", "pauvrete"],
  levels: ["commune", "departement"],
  audience: ["datathon", "lycée", "collège"],
  durationMinutes: 120
};
