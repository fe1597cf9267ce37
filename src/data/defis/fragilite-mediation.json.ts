// Framework data loader of the « Fragilité numérique et offre de médiation » défi: the IFN, the lieux de
// médiation and the postes de conseillers brought to today's communes (COG 2026) and joined to `communes`
// (loaders/site/defis/commune-portrait.ts), then summed per département, binned by score and listed for the
// communes without a lieu (loaders/site/defis/fragilite-mediation.ts).
import {servedTables} from "../../../loaders/site/defis/served-tables.ts";
import {servedTable} from "../../../loaders/site/data-archive.ts";
import {hierarchy} from "../../../loaders/site/maps.ts";
import {communePortraits} from "../../../loaders/site/defis/commune-portrait.ts";
import {
  communesWithoutLieu,
  departementOffers,
  scoreDistribution
} from "../../../loaders/site/defis/fragilite-mediation.ts";

const {communes, ifn, lieux, conseillers} = await servedTables(servedTable, {
  communes: "communes",
  ifn: "fragilite-numerique-communes",
  lieux: "lieux-mediation-numerique",
  conseillers: "conseillers-numeriques"
});
const {communes: portraits, unmapped} = communePortraits({communes, ifn, lieux, conseillers});
process.stdout.write(
  JSON.stringify({
    unmapped,
    departements: departementOffers(portraits, hierarchy()),
    distribution: scoreDistribution(portraits),
    sansLieu: communesWithoutLieu(portraits)
  })
);
