// All served tables as one archive: <name>.meta.json, <name>.sample.json, <name>.parquet and catalogue.json.
// Framework reads its members as FileAttachment("data/donnees/<name>.parquet"); a table's Arrow file is written
// by the parameterised loader donnees/[name].arrow.ts, only when a notebook names it.
import {siteArchive} from "../../loaders/site/data-archive.ts";

process.stdout.write(await siteArchive());
