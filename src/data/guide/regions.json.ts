// The Guide's demonstration table as JSON (FileAttachment(…).json).
import {guideRows} from "../../../loaders/demo/guide.ts";

process.stdout.write(JSON.stringify(guideRows()));
