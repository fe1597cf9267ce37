// Framework data loader: département boundaries of dataset "contours" (data/snapshots/contours/ or
// data/cache/contours/), else the kit's committed basemap (data/basemap/).
import {contoursOrAbsent} from "../../loaders/site/maps.ts";

process.stdout.write(JSON.stringify(await contoursOrAbsent("departement")));
