// Framework data loader of the « Fragilité numérique et offre de médiation » défi: the IFN, the lieux de
// médiation and the postes de conseillers brought to today's communes (COG 2026) and joined to `communes`
// (challenges/lib/commune-portrait.ts), then summed per département, binned by score and listed for the
// communes without a lieu (challenges/lib/fragilite-mediation.ts).
import {servedTables} from "../../../challenges/lib/served-tables.ts";
import {servedTable} from "../../../loaders/serve.ts";
import {hierarchy} from "../../../loaders/geo/site-maps.ts";
import {communePortraits} from "../../../challenges/lib/commune-portrait.ts";
import {
  communesWithoutLieu,
  departementOffers,
  scoreDistribution
} from "../../../challenges/lib/fragilite-mediation.ts";

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
