import type {Defi} from "../types.ts";

export const defi: Defi = {
  id: "tres-haut-debit",
  title: "Très haut débit et usages",
  summary:
    "Confronter la couverture en fibre (ARCEP) à la fragilité numérique, commune par commune, sans confondre lien et cause.",
  question: "La couverture en très haut débit explique-t-elle la fragilité numérique des territoires ?",
  datasets: ["communes", "couverture-thd", "fragilite-numerique"],
  levels: ["commune", "departement"],
  audience: ["datathon", "lycée"],
  durationMinutes: 150
};
