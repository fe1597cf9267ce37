// Framework data loader: one position per commune for the défis ("contours" centroids when loaded, else seeded
// demonstration positions). See challenges/lib/commune-positions.ts.
import {communePositions} from "../../../challenges/lib/commune-positions.ts";

process.stdout.write(JSON.stringify(await communePositions()));
