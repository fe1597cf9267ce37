// Framework data loader: the map of régions, real boundaries: contours loaded or fetched, else the kit's committed
// basemap (data/basemap/). The tile grid stays available as data/tuiles-regions.topojson.
import {contoursOrAbsent} from "../../loaders/site/maps.ts";

process.stdout.write(JSON.stringify(await contoursOrAbsent("region")));
