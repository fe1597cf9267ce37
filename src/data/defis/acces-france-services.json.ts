// Framework data loader of the « Accès aux France services » défi: the France services (their commune brought
// to COG 2026) and one position per current commune (contour centroids when loaded, else demonstration
// positions: loaders/site/defis/commune-positions.ts); for each commune the nearest France services as the crow
// flies, then the population by distance band per département, the access curve and the communes 20 km away
// or more (loaders/site/defis/acces-france-services.ts).
import {
  accessCurve,
  bandsByDepartement,
  distancesToNearest,
  type Site
} from "../../../loaders/site/defis/acces-france-services.ts";
import {communePositions} from "../../../loaders/site/defis/commune-positions.ts";
import {currentCodes} from "../../../loaders/site/defis/current-codes.ts";
import {servedTables} from "../../../loaders/site/defis/served-tables.ts";
import {servedTable} from "../../../loaders/site/data-archive.ts";
import {rowAt} from "../../../loaders/core/table.ts";

const {communes, franceServices} = await servedTables(servedTable, {communes: "communes", franceServices: "france-services"});
const {rows: positions, ...positionStatus} = await communePositions();
const position = new Map(positions.map((p) => [p.code, [p.longitude, p.latitude] as [number, number]]));
const {toCurrent, report} = currentCodes(franceServices.values.code_commune ?? []);
const sites: Site[] = Array.from({length: franceServices.rowCount}, (_, i) => {
  const r = rowAt(franceServices, i);
  const lon = r.longitude;
  const lat = r.latitude;
  return {
    nom: String(r.nom),
    commune: typeof r.commune === "string" ? r.commune : null,
    code: toCurrent(r.code_commune),
    position: typeof lon === "number" && typeof lat === "number" ? [lon, lat] : null
  };
});
const rows = Array.from({length: communes.rowCount}, (_, i) => rowAt(communes, i)).map((c) => ({
  code: String(c.code),
  nom: String(c.nom),
  departement: String(c.departement),
  population: typeof c.population === "number" ? c.population : 0
}));
const distances = distancesToNearest(rows, sites, position);
process.stdout.write(
  JSON.stringify({
    positions: positionStatus,
    unmapped: {"france-services": report.unmapped},
    departements: bandsByDepartement(distances),
    courbe: accessCurve(distances),
    eloignees: distances.filter((d) => d.km >= 20).sort((a, b) => b.population - a.population)
  })
);
