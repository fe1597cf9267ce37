// Framework data loader: what /indicateurs and /tableau-de-bord read instead of running SQL in the browser
// (the communes, the territories' names, each measure per commune). Pages read its members as
// FileAttachment("data/indicateurs/<member>"), listed in src/components/indicators/indicator-files.js.
import {indicatorArchive} from "../../loaders/site/indicators.ts";

process.stdout.write(await indicatorArchive());
