// The Guide's tile-grid map of régions as TopoJSON (one square per région, generated geometry).
import {topology} from "topojson-server";
import {guideTiles} from "../../../loaders/site/guide-table.ts";

process.stdout.write(JSON.stringify(topology({regions: guideTiles()})));
