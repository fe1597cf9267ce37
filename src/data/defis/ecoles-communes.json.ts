// Framework data loader: schools per commune for the défis (latest rentrée of "effectifs-ecoles", mean IPS from
// "ips"), pupil counts under statistical secrecy. See challenges/lib/schools.ts.
import {servedMeta, servedTable} from "../../../loaders/serve.ts";
import {schoolsByCommune} from "../../../challenges/lib/schools.ts";

const [effectifs, ips] = await Promise.all([servedTable("effectifs-ecoles"), servedTable("ips")]);
const metas = await Promise.all([servedMeta("effectifs-ecoles"), servedMeta("ips")]);
const status = metas.every((m) => m.status === "réel") ? "réel" : "démonstration";
process.stdout.write(JSON.stringify({status, ...schoolsByCommune(effectifs, ips)}));
