// The Guide's demonstration table as Arrow IPC (stream format: the one DuckDB-Wasm ingests).
import {tableFromJSON, tableToIPC} from "apache-arrow";
import {guideRows} from "../../../loaders/site/guide-table.ts";

process.stdout.write(tableToIPC(tableFromJSON(guideRows().map((row) => ({...row}))), "stream"));
