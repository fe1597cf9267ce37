// The Guide's demonstration table as JSON (FileAttachment(…).json).
import {guideRows} from "../../../loaders/site/guide-table.ts";

process.stdout.write(JSON.stringify(guideRows()));
