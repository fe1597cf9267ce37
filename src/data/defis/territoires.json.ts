// Framework data loader: names of the régions, départements (with their région) and EPCI of the COG 2026, for the
// défis' territory pickers.
import {cogEpci} from "../../../loaders/geo/cog-data.ts";
import {hierarchy} from "../../../loaders/geo/site-maps.ts";

const {departements, regions} = hierarchy();
const epci = cogEpci()
  .map((e) => ({code: e.code, nom: e.nom}))
  .sort((a, b) => a.nom.localeCompare(b.nom, "fr"));
process.stdout.write(JSON.stringify({regions, departements, epci}));
