// Framework data loader: schools per commune for the défis (latest rentrée of "effectifs-ecoles", mean IPS from
// "ips"), pupil counts under statistical secrecy. See challenges/lib/schools.ts.
import {servedMeta, servedTable} from "../../../loaders/serve.ts";
import {schoolsByCommune} from "../../../challenges/lib/schools.ts";
import {assertPublishable} from "../../../loaders/education/publish.ts";

const [effectifs, ips] = await Promise.all([servedTable("effectifs-ecoles"), servedTable("ips")]);
const metas = await Promise.all([servedMeta("effectifs-ecoles"), servedMeta("ips")]);
const status = metas.every((m) => m.status === "réel") ? "réel" : "démonstration";
const schools = schoolsByCommune(effectifs, ips);
// The build fails if a pupil count of 1 to 10 would be published at commune level without secrecy.
assertPublishable([
  {
    page: "src/defis/ecole-numerique.md, parentalite-numerique.md, diagnostic-territorial.md",
    table: "ecoles-communes (élèves par commune)",
    rows: schools.communes.map((c) => ({...c, level: "commune"})),
    idColumn: "code",
    countColumns: ["eleves", "eleves_public", "eleves_prive"]
  }
]);
process.stdout.write(JSON.stringify({status, ...schools}));
