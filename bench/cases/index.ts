/** The bench cases, in run order. Later issues add theirs here. */
import type {BenchCase} from "../types.ts";
import {csv1m} from "./csv-1m.ts";
import {entAudienceBench} from "./ent-audience.ts";
import {atelierBench} from "./atelier.ts";
import {geoBench} from "./geo.ts";
import {mapDrawBench} from "./map-draw.ts";
import {pagesBench} from "./pages.ts";

export const CASES: readonly BenchCase[] = [
  csv1m,
  entAudienceBench,
  geoBench,
  mapDrawBench,
  atelierBench,
  pagesBench
];
