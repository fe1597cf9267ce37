// Framework data loader of the « Parentalité numérique » défi: the IFN, the schools (pupils and IPS) and the
// poverty rates brought to today's communes (COG 2026) and joined to `communes`, then each ingredient turned
// into a percentile rank (loaders/site/defis/parentalite.ts). The page weights the ranks with its sliders.
import {communePortraits} from "../../../loaders/site/defis/commune-portrait.ts";
import {currentCodes} from "../../../loaders/site/defis/current-codes.ts";
import {parentingIngredients, povertyByCommune} from "../../../loaders/site/defis/parentalite.ts";
import {schoolsByCommune} from "../../../loaders/site/defis/schools.ts";
import {servedTables} from "../../../loaders/site/defis/served-tables.ts";
import {servedTable} from "../../../loaders/site/data-archive.ts";

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
