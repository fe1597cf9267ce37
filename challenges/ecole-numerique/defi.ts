import type {Defi} from "../types.ts";

export const defi: Defi = {
  id: "ecole-numerique",
  title: "École et numérique",
  summary:
    "Croiser le profil social des écoles (IPS), la fragilité numérique du territoire et les Territoires numériques éducatifs.",
  question:
    "Les écoles au profil social le plus défavorable sont-elles dans les territoires les plus fragiles face au numérique, et les Territoires numériques éducatifs les ciblent-ils ?",
  datasets: ["communes", "fragilite-numerique", "effectifs-ecoles", "ips", "tne"],
  levels: ["commune", "departement", "etablissement"],
  audience: ["datathon", "lycée"],
  durationMinutes: 180
};
