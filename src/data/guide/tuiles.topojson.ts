// The Guide's tile-grid map of régions as TopoJSON (one square per région, generated geometry).
import {topology} from "topojson-server";
import {guideTiles} from "../../../loaders/demo/guide.ts";

process.stdout.write(JSON.stringify(topology({regions: guideTiles()})));
