// Framework data loader: the demonstration indicator per commune (COG 2026), "s" where secret. Fixed seed.
import {demoIndicator} from "../../loaders/site/maps.ts";

const {commune, label, status} = demoIndicator();
process.stdout.write(
  JSON.stringify({label, status, rows: commune.map((c) => ({code: c.code, value: c.secret ? "s" : c.value}))})
);
