// Framework data loader of the « Parentalité numérique » défi: the IFN, the schools (pupils and IPS) and the
// poverty rates brought to today's communes (COG 2026) and joined to `communes`, then each ingredient turned
// into a percentile rank (challenges/lib/parentalite.ts). The page weights the ranks with its sliders.
import {communePortraits} from "../../../challenges/lib/commune-portrait.ts";
import {currentCodes} from "../../../challenges/lib/current-codes.ts";
import {parentingIngredients, povertyByCommune} from "../../../challenges/lib/parentalite.ts";
import {schoolsByCommune} from "../../../challenges/lib/schools.ts";
import {servedTables} from "../../../challenges/lib/served-tables.ts";
import {servedTable} from "../../../loaders/serve.ts";

const {communes, ifn, effectifs, ips, pauvrete} = await servedTables(servedTable, {
  communes: "communes",
  ifn: "fragilite-numerique-communes",
  effectifs: "effectifs-ecoles",
  ips: "ips",
  pauvrete: "pauvrete"
});
const {communes: portraits, unmapped} = communePortraits({communes, ifn});
const schoolCodes = currentCodes(effectifs.values.code_commune ?? []);
const schools = schoolsByCommune(effectifs, ips, 11, (code) => schoolCodes.toCurrent(code) ?? code);
const povertyCodes = currentCodes(pauvrete.values.code_commune ?? []);
const poverty = povertyByCommune(pauvrete, povertyCodes.toCurrent);
process.stdout.write(
  JSON.stringify({
    rentreeEffectifs: schools.rentreeEffectifs,
    unmapped: {...unmapped, pauvrete: povertyCodes.report.unmapped},
    communes: parentingIngredients(portraits, schools.communes, poverty)
  })
);
