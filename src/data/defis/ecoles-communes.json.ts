// Framework data loader of the « École et numérique » défi: schools per commune (latest rentrée of
// "effectifs-ecoles", mean IPS from "ips"), pupil counts under the kit's small-count rule, each school's commune
// brought to COG 2026 before grouping, with the commune's population and IFN score (loaders/site/defis/schools.ts,
// loaders/site/defis/ecole-numerique.ts), and the list of Territoires numériques éducatifs.
import {assertPublishable} from "../../../loaders/education/publish.ts";
import {communePortraits} from "../../../loaders/site/defis/commune-portrait.ts";
import {currentCodes} from "../../../loaders/site/defis/current-codes.ts";
import {schoolsAndFragility} from "../../../loaders/site/defis/ecole-numerique.ts";
import {schoolsByCommune} from "../../../loaders/site/defis/schools.ts";
import {servedTables} from "../../../loaders/site/defis/served-tables.ts";
import {servedTable} from "../../../loaders/site/data-archive.ts";
import {rowAt} from "../../../loaders/core/table.ts";

const {communes, ifn, effectifs, ips, tne} = await servedTables(servedTable, {
  communes: "communes",
  ifn: "fragilite-numerique-communes",
  effectifs: "effectifs-ecoles",
  ips: "ips",
  tne: "tne"
});
const {toCurrent} = currentCodes(effectifs.values.code_commune ?? []);
const schools = schoolsByCommune(effectifs, ips, 11, (code) => toCurrent(code) ?? code);
const {communes: portraits, unmapped} = communePortraits({communes, ifn});
// The build fails if a pupil count of 1 to 10 would be published at commune level without the rule.
assertPublishable([
  {
    page: "src/defis/ecole-numerique.md",
    table: "ecoles-communes (élèves par commune)",
    rows: schools.communes.map((c) => ({...c, level: "commune"})),
    idColumn: "code",
    countColumns: ["eleves", "eleves_public", "eleves_prive"]
  }
]);
process.stdout.write(
  JSON.stringify({
    ...schools,
    unmapped,
    communes: schoolsAndFragility(schools.communes, portraits),
    tne: Array.from({length: tne.rowCount}, (_, i) => rowAt(tne, i))
  })
);
