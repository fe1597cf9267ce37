// Framework data loader of the « Diagnostic territorial » défi: every source brought to today's communes
// (COG 2026) and joined once, here, then summed per département, EPCI, région and France
// (loaders/site/defis/diagnostic.ts). The page reads two members: territoires.json (the fiche of every territory)
// and communes.json (the commune columns its charts use).
import JSZip from "jszip";
import {servedTables} from "../../../loaders/site/defis/served-tables.ts";
import {servedTable} from "../../../loaders/site/data-archive.ts";
import {hierarchy} from "../../../loaders/site/maps.ts";
import {cogEpci} from "../../../loaders/geo/cog-data.ts";
import {communePortraits} from "../../../loaders/site/defis/commune-portrait.ts";
import {currentCodes} from "../../../loaders/site/defis/current-codes.ts";
import {schoolsByCommune} from "../../../loaders/site/defis/schools.ts";
import {diagnosticCommunes, diagnosticTerritories, withSchools} from "../../../loaders/site/defis/diagnostic.ts";

const {communes, ifn, lieux, conseillers, franceServices, thd, effectifs, ips, tne} = await servedTables(servedTable, {
  communes: "communes",
  ifn: "fragilite-numerique-communes",
  lieux: "lieux-mediation-numerique",
  conseillers: "conseillers-numeriques",
  franceServices: "france-services",
  thd: "couverture-thd",
  effectifs: "effectifs-ecoles",
  ips: "ips",
  tne: "tne"
});
const {communes: portraits, unmapped} = communePortraits({communes, ifn, lieux, conseillers, franceServices, thd});
const {toCurrent} = currentCodes(effectifs.values.code_commune ?? []);
const schools = schoolsByCommune(effectifs, ips, 11, (code) => toCurrent(code) ?? code);
const {regions, departements} = hierarchy();
const epci = cogEpci().map((e) => ({code: e.code, nom: e.nom}));
const tneYears = new Map(
  Array.from({length: tne.rowCount}, (_, i) => [tne.values.departement![i] as string, tne.values.annee_entree![i] as number])
);
const territories = diagnosticTerritories(withSchools(portraits, schools.communes), {regions, departements, epci}, tneYears);
const zip = new JSZip();
zip.file("territoires.json", JSON.stringify({rentreeIps: schools.rentreeIps, unmapped, ...territories}));
zip.file("communes.json", JSON.stringify(diagnosticCommunes(portraits)));
process.stdout.write(await zip.generateAsync({type: "uint8array", compression: "STORE"}));
