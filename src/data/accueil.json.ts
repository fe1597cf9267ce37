// The home page: the défis (metadata from challenges/) with a thumbnail indicator per département.
import {resolve} from "node:path";
import {loadDefis} from "../../challenges/pages.ts";
import {defiThumbnails} from "../../loaders/site/home-thumbnails.ts";
import {servedMeta, servedTable} from "../../loaders/site/data-archive.ts";

const names = [
  "communes",
  "fragilite-numerique-communes",
  "lieux-mediation-numerique",
  "france-services",
  "couverture-thd",
  "ips",
  "conseillers-numeriques"
];
const tables = Object.fromEntries(await Promise.all(names.map(async (n) => [n, await servedTable(n)])));
const metas = await Promise.all(names.map((n) => servedMeta(n)));
const statuses = Object.fromEntries(metas.map((m, i) => [names[i], m.status]));
// What the demonstration banner needs to name each dataset and the command that gets its real file.
const banner = metas.map(({name, id, status, tableTitle, source}) => ({name, id, status, tableTitle, source}));
const thumbnails = new Map(defiThumbnails(tables).map((t) => [t.defi, t]));
const defis = (await loadDefis(resolve(import.meta.dirname, "../.."))).map(({defi}) => ({
  ...defi,
  thumbnail: thumbnails.get(defi.id) ?? null
}));
process.stdout.write(JSON.stringify({defis, statuses, banner}));
