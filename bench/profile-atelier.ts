/**
 * Where the SQL workshop's first result spends its time, in headless Chromium on the built site (not a bench:
 * a timeline to read). `npx tsx bench/profile-atelier.ts [dist]` prints, in ms from navigation start: every
 * download (page and DuckDB worker), each message to and from DuckDB-Wasm's worker (INSTANTIATE, OPEN,
 * INSERT_ARROW_FROM_IPC_STREAM, RUN_QUERY…), long main-thread tasks, and when the editor, the table list, the
 * result and the chart appear. With `TRACE=file.json`, also writes a Chromium trace (V8 wasm compilation and CPU
 * samples included; open it in chrome://tracing or Perfetto).
 */
import type {Worker} from "playwright-core";
import {serveStatic} from "../scripts/serve.ts";
import {sqlToUrlParts} from "../src/components/sql/sql-url.js";
import {findChromium, launchChromium} from "../test/e2e/browser.ts";

const SQL =
  "SELECT region, count(*) AS communes, sum(population) AS population FROM communes GROUP BY region";

/** Runs in the page before its scripts: marks DOM milestones, worker messages and long tasks. */
const INSTRUMENT = `
  window.__marks = [];
  const mark = (n) => window.__marks.push([n, performance.now()]);
  const seen = new Set();
  new MutationObserver(() => {
    for (const sel of [".kit-sql-editor", ".kit-schema", ".kit-atelier-status", ".kit-sql-error", "table", "figure, svg"])
      if (!seen.has(sel) && document.querySelector(sel)) { seen.add(sel); mark("dom " + sel); }
  }).observe(document, {subtree: true, childList: true});
  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    constructor(url, options) {
      super(url, options);
      mark("new Worker from " + (/duckdb-start/.test(new Error().stack) ? "duckdb-start.js" : "the page's cells"));
    }
  };
  const post = Worker.prototype.postMessage;
  const types = new Map();
  Worker.prototype.postMessage = function (m, t) {
    if (m && m.type) {
      types.set(m.messageId, m.type);
      mark("-> " + m.type + (m.type === "RUN_QUERY" ? " " + String(m.data[1]).slice(0, 50) : ""));
    }
    if (!this.__hooked) {
      this.__hooked = true;
      this.addEventListener("message", (e) => {
        const d = e.data;
        if (d && d.requestId !== undefined && d.type !== "LOG" && d.type !== "INSTANTIATE_PROGRESS")
          mark("<- " + d.type + " for " + types.get(d.requestId));
      });
    }
    return post.call(this, m, t);
  };
  new PerformanceObserver((l) => l.getEntries().forEach((e) => mark("long task " + e.duration.toFixed(0) + " ms")))
    .observe({type: "longtask", buffered: true});
`;

const dist = process.argv[2] ?? new URL("../dist", import.meta.url).pathname;
const trace = process.env.TRACE;
const {server, origin} = await serveStatic(dist);
const browser = await launchChromium(findChromium()!);
try {
  const page = await browser.newPage();
  const workers: Worker[] = [];
  page.on("worker", (w) => workers.push(w));
  await page.addInitScript(INSTRUMENT);
  if (trace)
    await browser.startTracing(page, {
      path: trace,
      categories: [
        "devtools.timeline",
        "v8",
        "v8.wasm",
        "disabled-by-default-v8.wasm.detailed",
        "disabled-by-default-v8.cpu_profiler",
        "toplevel"
      ]
    });
  const {search, hash} = await sqlToUrlParts(SQL);
  await page.goto(`${origin}/atelier${search}${hash}`, {waitUntil: "commit"});
  await page.waitForSelector(".kit-atelier-status, .kit-sql-error", {timeout: 120_000});
  const first = await page.evaluate(() => performance.now());
  await page.waitForTimeout(1500); // the chart
  const data = await page.evaluate(() => ({
    marks: (window as unknown as {__marks: [string, number][]}).__marks,
    resources: performance
      .getEntriesByType("resource")
      .map((e) => [
        e.name.replace(location.origin, ""),
        e.startTime,
        (e as PerformanceResourceTiming).responseEnd
      ]),
    timeOrigin: performance.timeOrigin
  }));
  const rows: [number, string][] = data.marks.map(([name, at]) => [at, name]);
  for (const [name, start, end] of data.resources as [string, number, number][])
    rows.push([start, `get ${name.slice(0, 90)} → ${end.toFixed(0)} (${(end - start).toFixed(0)} ms)`]);
  for (const worker of workers) {
    const w = await worker.evaluate(() => ({
      timeOrigin: performance.timeOrigin,
      resources: performance
        .getEntriesByType("resource")
        .map((e) => [e.name, e.startTime, (e as PerformanceResourceTiming).responseEnd])
    }));
    const offset = w.timeOrigin - data.timeOrigin;
    rows.push([offset, `worker starts ${worker.url().split("/").pop()}`]);
    for (const [name, start, end] of w.resources as [string, number, number][])
      rows.push([start + offset, `worker get ${name.split("/").pop()} → ${(end + offset).toFixed(0)}`]);
  }
  rows.sort((a, b) => a[0] - b[0]);
  for (const [at, what] of rows) console.log(at.toFixed(0).padStart(6), what);
  console.log(`first result shown at ${first.toFixed(0)} ms`);
  if (trace) await browser.stopTracing();
} finally {
  await browser.close();
  server.close();
}
