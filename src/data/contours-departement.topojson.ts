// Framework data loader: département boundaries of dataset "contours" (data/snapshots/contours/ or
// data/cache/contours/), or an empty topology marked absent until they are loaded (the page then uses the tile
// grid of fond-departements).
import {contoursOrAbsent} from "../../loaders/geo/site-maps.ts";

process.stdout.write(JSON.stringify(await contoursOrAbsent("departement")));
