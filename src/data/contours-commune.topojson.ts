// Framework data loader: commune boundaries of dataset "contours" (data/snapshots/contours/ or
// data/cache/contours/), or an empty topology marked absent until they are loaded.
import {contoursOrAbsent} from "../../loaders/geo/site-maps.ts";

process.stdout.write(JSON.stringify(await contoursOrAbsent("commune")));
