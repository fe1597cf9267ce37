/**
 * `npm run test:e2e`: builds the site, serves dist/ on 127.0.0.1 and opens every page in headless Chromium.
 * A page fails on any request to another host, any page error, any cell that renders an Observable error, a
 * missing expectation (test/e2e/expectations.ts), a request for a DuckDB-Wasm file on a page where nobody writes
 * SQL (test/e2e/duckdb-pages.ts), or a critical or serious accessibility violation found by axe-core
 * (test/e2e/axe.ts; all of them in test-results/axe.json). A screenshot of each page goes to
 * test-results/screenshots/.
 *
 * A full run (no --only, no --no-build, offline) then runs test/e2e/injection.ts (hostile names in every dataset,
 * its own build; --no-injection to skip it).
 *
 * Options: --no-build (use dist/ as it is), --only <path> (one page), --real-data (expectations for loaded
 * real extracts instead of the offline default), --contours (expectations for loaded commune, EPCI and
 * département contours; not a fresh clone either). Env: CHROMIUM_PATH.
 */
import {execFileSync, spawnSync} from "node:child_process";
import {mkdirSync, writeFileSync} from "node:fs";
import {join, relative, resolve} from "node:path";
import type {Browser} from "playwright-core";
import {serveStatic} from "../../scripts/serve.ts";
import {describeViolation, isBlocking} from "./axe.ts";
import {findChromium, launchChromium} from "./browser.ts";
import {isDuckDBRequest, mayLoadDuckDB} from "./duckdb-pages.ts";
import {EXPECTATIONS, type Expectation} from "./expectations.ts";
import {SCENARIOS} from "./scenarios.ts";
import {pagePaths, visitPage, type PageReport} from "./visit.ts";

const projectRoot = resolve(import.meta.dirname, "..", "..");
const dist = join(projectRoot, "dist");
const screenshots = join(projectRoot, "test-results", "screenshots");

async function main(args: string[]): Promise<number> {
  const executable = findChromium();
  if (!executable) {
    console.log("e2e: SKIPPED — no Chromium found (apt-get install chromium, or set CHROMIUM_PATH).");
    return 0;
  }
  if (!args.includes("--no-build")) {
    execFileSync("npm", ["run", "build", "--silent"], {cwd: projectRoot, stdio: "inherit"});
  }
  const only = args.includes("--only") ? args[args.indexOf("--only") + 1] : undefined;
  // --real-data / --contours: real extracts / contours are loaded (test/e2e/real-data.ts), so the checks of a
  // fresh clone (mode "offline") are skipped and theirs are made.
  const modes = new Set<Expectation["mode"]>();
  if (args.includes("--real-data")) modes.add("real");
  if (args.includes("--contours")) modes.add("contours");
  if (modes.size === 0) modes.add("offline");
  const paths = pagePaths(dist).filter((path) => !only || path === only);
  mkdirSync(screenshots, {recursive: true});
  const {server, origin} = await serveStatic(dist);
  let browser: Browser | undefined;
  const reports: PageReport[] = [];
  try {
    browser = await launchChromium(executable);
    for (const path of paths) {
      const expectations = (EXPECTATIONS[path] ?? []).filter((e) => !e.mode || modes.has(e.mode));
      const report = await visitPage(browser, origin, path, expectations, screenshots);
      // DuckDB-Wasm only where a person writes SQL (test/e2e/duckdb-pages.ts lists those pages).
      const duckdb = mayLoadDuckDB(path) ? [] : report.urls.filter(isDuckDBRequest);
      if (duckdb.length)
        report.problems.push(`a page without SQL requested DuckDB-Wasm: ${duckdb.join(", ")}`);
      reports.push(report);
      const status = report.problems.length === 0 ? "ok  " : "FAIL";
      console.log(`${status} ${path} (${report.requests} requests, ${report.ms} ms)`);
      for (const problem of report.problems) console.log(`     - ${problem}`);
      const minor = (report.axe ?? []).filter((v) => !isBlocking(v));
      if (minor.length) console.log(`     axe (non bloquant) : ${minor.map(describeViolation).join(" | ")}`);
    }
    // Scenarios (test/e2e/scenarios.ts): interactions beyond opening a page, reported like pages.
    for (const scenario of SCENARIOS.filter((s) => !only || s.paths.includes(only))) {
      const started = Date.now();
      const problems = await scenario
        .run({browser, origin, dist, screenshotDir: screenshots, reports})
        .catch((error: Error) => [`crashed: ${error.message}`]);
      reports.push({path: scenario.name, requests: 0, urls: [], problems, ms: Date.now() - started});
      console.log(`${problems.length === 0 ? "ok  " : "FAIL"} ${scenario.name} (${Date.now() - started} ms)`);
      for (const problem of problems) console.log(`     - ${problem}`);
    }
  } finally {
    await browser?.close();
    server.close();
  }
  writeFileSync(
    join(projectRoot, "test-results", "axe.json"),
    JSON.stringify(
      reports.filter((r) => r.axe).map(({path, axe}) => ({path, axe})),
      null,
      2
    ) + "\n"
  );
  const failed = reports.filter((r) => r.problems.length > 0).length;
  console.log(`\nScreenshots: ${relative(projectRoot, screenshots)}/`);
  console.log(`e2e: ${reports.length - failed} passed, ${failed} failed`);
  // A full run of a fresh clone ends with the injection test (test/e2e/injection.ts: its own build, on hostile
  // names), unless --no-injection.
  const injection =
    !only && !args.includes("--no-build") && !args.includes("--no-injection") && modes.has("offline")
      ? spawnSync("npx", ["tsx", join(projectRoot, "test", "e2e", "injection.ts")], {
          cwd: projectRoot,
          stdio: "inherit"
        }).status
      : 0;
  return failed === 0 && reports.length > 0 && injection === 0 ? 0 : 1;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await main(process.argv.slice(2));
}
