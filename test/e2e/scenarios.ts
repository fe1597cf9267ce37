/**
 * Browser scenarios that go beyond opening a page (typing a query, downloading a result…), run by
 * test/e2e/run.ts after the page visits. Each returns its problems (none when it passes). Append yours here.
 */
import type {Browser} from "playwright-core";
import {atelierScenarios} from "./atelier.ts";
import {catalogueScenarios} from "./catalogue.ts";
import {classeScenarios} from "./classe.ts";
import {publishScenario} from "./publish.ts";
import {dashboardScenarios} from "./dashboard.ts";
import type {PageReport} from "./visit.ts";

export interface ScenarioContext {
  browser: Browser;
  /** Origin of the served dist/ (http://127.0.0.1:port). */
  origin: string;
  /** The built site folder. */
  dist: string;
  screenshotDir: string;
  /** Reports of the page visits of this run (request logs included). */
  reports: PageReport[];
}

export interface Scenario {
  name: string;
  /** The page paths it concerns: with `--only <path>`, only the scenarios naming that path run. */
  paths: string[];
  run: (context: ScenarioContext) => Promise<string[]>;
}

export const SCENARIOS: Scenario[] = [
  ...atelierScenarios,
  ...classeScenarios,
  ...dashboardScenarios,
  publishScenario,
  ...catalogueScenarios
];
