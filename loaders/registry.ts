/**
 * The datasets the kit knows, by id. Adding a dataset = one declaration file in `datasets/` + one line here.
 */
import type {DatasetDeclaration} from "./core/dataset.ts";
import {communes} from "./datasets/communes.ts";
import {contours} from "./datasets/contours.ts";
import {conseillersNumeriques} from "./datasets/conseillers-numeriques.ts";
import {couvertureThd} from "./datasets/couverture-thd.ts";
import {fragiliteNumerique} from "./datasets/fragilite-numerique.ts";
import {fragiliteNumerique2023} from "./datasets/fragilite-numerique-2023.ts";
import {franceServices} from "./datasets/france-services.ts";
import {lieuxMediationNumerique} from "./datasets/lieux-mediation-numerique.ts";
import {pauvrete} from "./datasets/pauvrete.ts";
import {passageCog} from "./datasets/passage-cog.ts";
import {annuaireEducation} from "./datasets/annuaire-education.ts";
import {ips} from "./datasets/ips.ts";
import {effectifsEcoles} from "./datasets/effectifs-ecoles.ts";
import {pix} from "./datasets/pix.ts";
import {tne} from "./datasets/tne.ts";
import {entAudience} from "./datasets/ent-audience.ts";

/** All declarations, in catalogue order. */
export const DATASETS: readonly DatasetDeclaration[] = [
  communes,
  passageCog,
  fragiliteNumerique,
  fragiliteNumerique2023,
  lieuxMediationNumerique,
  conseillersNumeriques,
  franceServices,
  couvertureThd,
  pauvrete,
  annuaireEducation,
  ips,
  effectifsEcoles,
  pix,
  tne,
  entAudience,
  // Last: it ships nothing (empty until `npm run data -- load contours`).
  contours
];

/** The declaration of `id`. @throws Error listing the known ids when `id` is unknown. */
export function getDataset(id: string): DatasetDeclaration {
  const found = DATASETS.find((d) => d.id === id);
  if (!found)
    throw new Error(`Jeu de données inconnu : « ${id} » (connus : ${DATASETS.map((d) => d.id).join(", ")})`);
  return found;
}
