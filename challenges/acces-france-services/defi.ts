import type {Defi} from "../types.ts";

export const defi: Defi = {
  id: "acces-france-services",
  title: "Accès aux France services",
  summary:
    "Mesurer la distance de chaque commune à la France services la plus proche et compter les habitants qui en sont loin.",
  question:
    "Combien d'habitants vivent à plus de 10 ou 20 km d'une France services, et dans quels départements ?",
  datasets: ["communes", "france-services"],
  levels: ["commune", "departement"],
  audience: ["datathon", "lycée"],
  durationMinutes: 180
};
