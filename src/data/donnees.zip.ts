// All served tables as one archive: <name>.arrow, <name>.meta.json, <name>.parquet and catalogue.json.
// Framework reads its members as FileAttachment("data/donnees/<name>.arrow").
import {siteArchive} from "../../loaders/site/data-archive.ts";

process.stdout.write(await siteArchive());
