/**
 * Bench case: the SQL workshop in headless Chromium, on the built site (dist/, built first when it has no
 * atelier page). Two figures measured in the page itself: the time from navigation to the first result of a
 * query on a catalogue table (target < 3 s: DuckDB-Wasm start + table download + query), and the time of a
 * population-weighted aggregation of all communes by département once the tables are loaded (target < 100 ms).
 * The memory column is the Node driver's, not Chromium's.
 */
import {execFileSync} from "node:child_process";
import {existsSync} from "node:fs";
import {join, resolve} from "node:path";
import type {Page} from "playwright-core";
import {serveStatic} from "../../scripts/serve.ts";
import {indicatorSql, DEFAULT_STATE, type Measure} from "../../src/components/indicator-sql.js";
import {sqlToUrlParts} from "../../src/components/sql-url.js";
import {findChromium, launchChromium} from "../../test/e2e/browser.ts";
import type {BenchCase, VariantResult} from "../types.ts";

const projectRoot = resolve(import.meta.dirname, "..", "..");

const FIRST_SQL =
  "SELECT region, count(*) AS communes, sum(population) AS population FROM communes GROUP BY region";

/** The indicator builder's SQL: score of digital fragility by département, weighted by population. */
const WEIGHTED_MEASURE: Measure = {
  value: "fragilite-numerique-communes.score_global",
  table: "fragilite-numerique-communes",
  column: "score_global",
  key: "code_commune",
  within: "avg",
  label: "Score global"
};
const WEIGHTED_SQL = indicatorSql(
  {...DEFAULT_STATE, num: WEIGHTED_MEASURE.value, den: "", level: "departement", agg: "weighted"},
  [WEIGHTED_MEASURE]
);

/** Opens the workshop on a query in Chromium, runs `measure`, closes everything. */
async function withAtelier(
  dist: string,
  sql: string,
  measure: (page: Page) => Promise<VariantResult>
): Promise<VariantResult> {
  const executable = findChromium();
  if (!executable) throw new Error("Chromium introuvable (apt-get install chromium, ou CHROMIUM_PATH)");
  const {server, origin} = await serveStatic(dist);
  const browser = await launchChromium(executable);
  try {
    const page = await browser.newPage();
    const {search, hash} = await sqlToUrlParts(sql);
    await page.goto(`${origin}/atelier${search}${hash}`, {waitUntil: "commit"});
    return await measure(page);
  } finally {
    await browser.close();
    server.close();
  }
}

/** Waits for a result whose time (`data-ms`) differs from `previous`; returns its row count and query time. */
async function nextResult(page: Page, previous = ""): Promise<{rows: number; ms: number; at: number}> {
  const handle = await page.waitForFunction(
    (prev) => {
      const error = document.querySelector(".kit-sql-error");
      if (error) throw new Error(error.textContent ?? "erreur");
      const status = document.querySelector<HTMLElement>(".kit-atelier-status");
      if (!status || status.dataset.ms === prev) return null;
      return {rows: Number(status.dataset.rows), ms: Number(status.dataset.ms), at: performance.now()};
    },
    previous,
    {timeout: 120_000, polling: 10}
  );
  return (await handle.jsonValue()) as {rows: number; ms: number; at: number};
}

export const atelierBench: BenchCase = {
  name: "atelier",
  description: "atelier SQL dans Chromium headless (site construit) : premier résultat, agrégation pondérée",
  prepare: async () => {
    const dist = join(projectRoot, "dist");
    if (!existsSync(join(dist, "atelier.html")))
      execFileSync("npm", ["run", "build", "--silent"], {cwd: projectRoot, stdio: "ignore"});
    return dist;
  },
  variants: {
    "navigation → premier résultat (communes, cible < 3 s)": (dist) =>
      withAtelier(dist, FIRST_SQL, async (page) => {
        const first = await nextResult(page);
        // `at` is counted from the navigation start (performance.timeOrigin).
        return {rows: first.rows, ms: first.at};
      }),
    "agrégation pondérée, toutes communes (cible < 100 ms)": (dist) =>
      withAtelier(dist, WEIGHTED_SQL, async (page) => {
        let last = await nextResult(page); // first run: loads the tables
        const times: number[] = [];
        for (let i = 0; i < 5; i++) {
          const status = await page.evaluate(
            () => document.querySelector<HTMLElement>(".kit-atelier-status")?.dataset.ms ?? ""
          );
          await page.click(".kit-atelier-actions button.kit-button");
          last = await nextResult(page, status);
          times.push(last.ms);
        }
        times.sort((a, b) => a - b);
        return {rows: last.rows, ms: times[Math.floor(times.length / 2)]!};
      })
  }
};
