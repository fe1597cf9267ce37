// Framework data loader of the « Très haut débit et usages » défi: the ARCEP rows (COG 2019) and the IFN
// (COG 2020) brought to today's communes (COG 2026) and joined to `communes` (loaders/site/defis/commune-portrait.ts),
// one row per commune with both (loaders/site/defis/tres-haut-debit.ts).
import {communePortraits} from "../../../loaders/site/defis/commune-portrait.ts";
import {servedTables} from "../../../loaders/site/defis/served-tables.ts";
import {servedTable} from "../../../loaders/site/data-archive.ts";
import {coverageAndFragility} from "../../../loaders/site/defis/tres-haut-debit.ts";

const {communes, ifn, thd} = await servedTables(servedTable, {
  communes: "communes",
  ifn: "fragilite-numerique-communes",
  thd: "couverture-thd"
});
const {communes: portraits, unmapped} = communePortraits({communes, ifn, thd});
process.stdout.write(JSON.stringify({unmapped, communes: coverageAndFragility(portraits)}));
