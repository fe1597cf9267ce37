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
    "tne"
  ],
  levels: ["epci", "departement", "region"],
  audience: ["datathon"],
  durationMinutes: 120
};
