import type {Defi} from "../types.ts";

export const defi: Defi = {
  id: "fragilite-mediation",
  title: "Fragilité numérique et offre de médiation",
  summary:
    "Repérer les territoires les plus fragiles face au numérique qui ont le moins de lieux de médiation et de conseillers numériques.",
  question:
    "Où sont les territoires les plus fragiles (indice de fragilité numérique) qui ont le moins de lieux de médiation et de conseillers numériques par habitant ?",
  datasets: ["communes", "fragilite-numerique", "lieux-mediation-numerique", "conseillers-numeriques"],
  levels: ["commune", "departement"],
  audience: ["datathon", "lycée"],
  durationMinutes: 180
};
