// The Guide's demonstration table as CSV (FileAttachment(…).csv, ```sql blocks).
import {csvFormat} from "d3-dsv";
import {guideRows} from "../../../loaders/site/guide-table.ts";

process.stdout.write(csvFormat(guideRows()));
