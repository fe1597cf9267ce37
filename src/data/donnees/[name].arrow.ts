// Framework data loader, parameterised: the Arrow IPC stream of one served table, for a notebook that names
// `data/donnees/<name>.arrow` (the `sql:` front matter the SQL workshop exports). Framework runs it with
// `--name=<name>` only when a page names that file; the site's own pages read the Parquet file of
// src/data/donnees.zip.ts instead.
import {parseArgs} from "node:util";
import {servedArrow} from "../../../loaders/site/data-archive.ts";

const {name} = parseArgs({options: {name: {type: "string"}}, strict: false}).values;
if (typeof name !== "string") throw new Error("Usage : [name].arrow.ts --name=<table servie>");
process.stdout.write(await servedArrow(name));
