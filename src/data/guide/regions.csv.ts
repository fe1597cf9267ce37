// The Guide's demonstration table as CSV (FileAttachment(…).csv, ```sql blocks).
import {csvFormat} from "d3-dsv";
import {guideRows} from "../../../loaders/demo/guide.ts";

process.stdout.write(csvFormat(guideRows()));
