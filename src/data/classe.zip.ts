// Framework data loader: the "En classe" lessons (loaders/site/classe-lessons.ts). One archive, one process: for each
// lesson `<id>.json` (what its charts show and the hashed exercise keys, for every département), `corriges.json`
// (the expected answers in clear, read only by the teacher sheets) and `metas.json` (the tables' metadata, for
// the demonstration banner). Pages read `FileAttachment("../data/classe/<id>.json")`.
import JSZip from "jszip";
import {schoolsByCommune} from "../../loaders/site/defis/schools.ts";
import {allLessons, lessonInputs} from "../../loaders/site/classe-lessons.ts";
import {assertPublishable} from "../../loaders/education/publish.ts";
import {mapCommuneCodes} from "../../loaders/geo/cog.ts";
import {hierarchy} from "../../loaders/site/maps.ts";
import {servedMeta, servedTable} from "../../loaders/site/data-archive.ts";

const names = [
  "communes",
  "lieux-mediation-numerique",
  "fragilite-numerique-communes",
  "couverture-thd",
  "effectifs-ecoles",
  "ips"
] as const;
const [communes, lieux, ifn, thd, effectifs, ips] = await Promise.all(names.map((n) => servedTable(n)));
const metas = await Promise.all(names.map((n) => servedMeta(n)));

// Codes of older COG vintages (ARCEP 2019, IFN 2020, places) brought to today's communes, as passage-cog does.
const codes = new Set<string>();
for (const [table, column] of [
  [lieux!, "code_insee"],
  [ifn!, "code_commune"],
  [thd!, "code_commune"]
] as const) {
  for (const c of table.values[column] ?? []) if (typeof c === "string") codes.add(c);
}
const {lookup} = mapCommuneCodes(codes);
const toCurrent = (code: string) => lookup.get(code) ?? code;

const departements = new Map(hierarchy().departements.map((d) => [d.code, d.nom]));
const inputs = lessonInputs(
  {communes: communes!, lieux: lieux!, ifn: ifn!, thd: thd!},
  departements,
  toCurrent,
  schoolsByCommune(effectifs!, ips!)
);
const lessons = allLessons(inputs);
// The build fails if the secrecy lesson would publish a pupil count of 1 to 10 at commune level.
const secrecy = Object.values(lessons["secret-statistique"].file.departements);
assertPublishable([
  {
    page: "src/classe/secret-statistique.md",
    table: "secret-statistique (élèves par commune)",
    rows: secrecy.flatMap((d) =>
      ((d.communes ?? []) as [string, number | null][]).map(([code, eleves]) => ({code, eleves, level: "commune"}))
    ),
    idColumn: "code",
    countColumns: ["eleves"]
  },
  {
    page: "src/classe/secret-statistique.md",
    table: "secret-statistique (communes à case secrète)",
    rows: secrecy.flatMap((d) => ((d.secretes ?? []) as object[]).map((r) => ({...r, level: "commune"}))),
    idColumn: "code",
    countColumns: ["public", "prive", "eleves"]
  }
]);
const zip = new JSZip();
const corriges: Record<string, unknown> = {};
for (const [id, result] of Object.entries(lessons)) {
  zip.file(`${id}.json`, JSON.stringify(result.file));
  corriges[id] = result.answers;
}
zip.file(
  "corriges.json",
  JSON.stringify({departements: Object.fromEntries([...departements].map(([c, nom]) => [c, {nom}])), lecons: corriges})
);
zip.file(
  "metas.json",
  JSON.stringify(metas.map((m) => ({name: m.name, id: m.id, tableTitle: m.tableTitle, status: m.status})))
);
process.stdout.write(await zip.generateAsync({type: "uint8array", compression: "STORE"}));
