/**
 * Bench case `pages` (issue #12): every page of the built site, opened as a new reader would, in one run.
 *
 * - **Served like a static host**: dist/ through `scripts/serve.ts` with gzip on (HTML, JS, CSS, JSON, CSV, SVG
 *   and WebAssembly compressed, Arrow not: see `COMPRESSED_TYPES`) and its cache headers.
 * - **Cold visits**: each visit is a new private Chromium context (nothing cached), pages taken in turn, round
 *   after round (`BENCH_VISITS`, 3 by default), so that a change of machine load touches every page alike;
 *   the figures are the median of the visits, with their spread (min–max).
 * - **Time to first chart**, in ms from navigation start, measured in the page: the first `svg` or `canvas` of
 *   at least 100 × 50 px inside `#observablehq-main` (a Plot figure, a map), at the animation frame after it is
 *   in the document; a page that draws no chart is timed at its first table (`table`), else when its last
 *   cell has rendered (no `observablehq-loading` left). The atelier is timed at its first result
 *   (`.kit-atelier-status`). The kind is printed beside the time (graphique, tableau, page, résultat).
 * - **Bytes received**: the body bytes the server sent during the visit (compressed size when compressed),
 *   workers included, until the network is idle.
 * - **DuckDB**: whether the page requested a DuckDB-Wasm file (test/e2e/duckdb-pages.ts).
 * - **Ratios**: each page's time / the home page's (target ≤ 1.5×) and bytes ≤ 2.5 MB, where no SQL runs; for the
 *   atelier, its first result / the bare engine (a page that only opens DuckDB-Wasm from the site's files and
 *   runs `SELECT 6*7`, visited in the same rounds; target ≤ 1.1×) and a second visit / the first, in a real
 *   Chromium profile (HTTP cache and V8's code cache; target ≤ 0.5×).
 *
 * `BENCH_PAGES=/,/cartes` restricts the pages (the home page is always measured, for the ratios).
 */
import {execFileSync} from "node:child_process";
import {existsSync, mkdtempSync, rmSync} from "node:fs";
import {loadavg, tmpdir} from "node:os";
import {join, resolve} from "node:path";
import type {Browser, Page} from "playwright-core";
import {serveStatic, type SentResponse} from "../../scripts/serve.ts";
import {findChromium, launchChromium, launchChromiumWithProfile} from "../../test/e2e/browser.ts";
import {isDuckDBRequest, mayLoadDuckDB} from "../../test/e2e/duckdb-pages.ts";
import {pagePaths, pageUrl} from "../../test/e2e/visit.ts";
import type {BenchCase, VariantResult} from "../types.ts";
import {BARE_ENGINE_PATH, bareEnginePage, bareEngineResult, nextResult} from "./atelier.ts";

const projectRoot = resolve(import.meta.dirname, "..", "..");

/** Targets of issue #12. */
const TARGETS = {vsHome: 1.5, bytes: 2.5e6, vsEngine: 1.1, secondVisit: 0.5};

/** How long a visit may take to show its first chart and settle. */
const VISIT_TIMEOUT = 60_000;

/** What a visit measured, in ms from navigation start. */
interface Visit {
  /** First chart, table, settled page or atelier result, whichever defines the page's time (see above). */
  ms: number;
  kind: "graphique" | "tableau" | "page" | "résultat";
  bytes: number;
  duckdb: boolean;
}

/**
 * Runs in every page before its scripts: records (in `window.__kitBench`) when the first chart, the first table,
 * the atelier's first result appear, and when no cell is loading any more, checked once per animation frame
 * after a DOM change.
 */
const PROBE = `(() => {
  const marks = (window.__kitBench = {chart: null, table: null, result: null, settled: null});
  let scheduled = false;
  const big = (el) => { const r = el.getBoundingClientRect(); return r.width >= 100 && r.height >= 50; };
  const check = (now) => {
    scheduled = false;
    const main = document.getElementById("observablehq-main");
    if (!main) return;
    if (marks.chart === null && [...main.querySelectorAll("svg, canvas")].some(big)) marks.chart = now;
    if (marks.table === null && main.querySelector("table")) marks.table = now;
    if (marks.result === null && main.querySelector(".kit-atelier-status")) marks.result = now;
    if (marks.settled === null && document.readyState !== "loading" && !main.querySelector("observablehq-loading"))
      marks.settled = now;
  };
  const schedule = () => { if (!scheduled) { scheduled = true; requestAnimationFrame(() => check(performance.now())); } };
  new MutationObserver(schedule).observe(document, {subtree: true, childList: true, attributes: true});
  document.addEventListener("DOMContentLoaded", schedule);
})();`;

interface Marks {
  chart: number | null;
  table: number | null;
  result: number | null;
  settled: number | null;
}

function chromiumPath(): string {
  const executable = findChromium();
  if (!executable) throw new Error("Chromium introuvable (apt-get install chromium, ou CHROMIUM_PATH)");
  return executable;
}

/** The responses of the visit under way (visits run one at a time). */
let sent: SentResponse[] = [];

const received = (responses: SentResponse[]) => ({
  bytes: responses.reduce((sum, r) => sum + r.bytes, 0),
  duckdb: responses.some((r) => isDuckDBRequest(r.path))
});

/** One cold visit of a page of the site, in a new private context of `browser`. */
async function visitPage(browser: Browser, origin: string, path: string): Promise<Visit> {
  const context = await browser.newContext({viewport: {width: 1280, height: 900}, locale: "fr-FR"});
  try {
    const page = await context.newPage();
    await page.addInitScript(PROBE);
    sent = [];
    await page.goto(origin + pageUrl(path), {waitUntil: "commit"});
    await page.waitForFunction(
      (atelier) => {
        const m = (window as unknown as {__kitBench?: Marks}).__kitBench;
        return m && m.settled !== null && (!atelier || m.result !== null);
      },
      path === "/atelier",
      {timeout: VISIT_TIMEOUT, polling: 50}
    );
    await page.waitForLoadState("networkidle", {timeout: VISIT_TIMEOUT}).catch(() => {});
    const marks = await page.evaluate(() => (window as unknown as {__kitBench: Marks}).__kitBench);
    const timed: [Visit["kind"], number | null][] =
      path === "/atelier"
        ? [["résultat", marks.result]]
        : [
            ["graphique", marks.chart],
            ["tableau", marks.table],
            ["page", marks.settled]
          ];
    const [kind, ms] = timed.find(([, at]) => at !== null)!;
    return {ms: ms!, kind, ...received(sent)};
  } finally {
    await context.close();
  }
}

/** One cold visit of the bare engine page. */
async function visitBareEngine(browser: Browser, origin: string): Promise<Visit> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    sent = [];
    await page.goto(origin + BARE_ENGINE_PATH, {waitUntil: "commit"});
    const {ms} = await bareEngineResult(page);
    return {ms, kind: "résultat", ...received(sent)};
  } finally {
    await context.close();
  }
}

/**
 * The atelier's first result on a first and on a second visit, in a new Chromium profile: the first tab opens
 * it with nothing cached, waits 5 s (V8 caches the compiled WebAssembly after it is tiered up), closes; a new
 * tab opens it again.
 */
async function visitTwice(origin: string): Promise<[Visit, Visit]> {
  const profile = mkdtempSync(join(tmpdir(), "kit-bench-profile-"));
  const context = await launchChromiumWithProfile(chromiumPath(), profile);
  const open = async (): Promise<Visit> => {
    const page: Page = await context.newPage();
    sent = [];
    await page.goto(`${origin}${pageUrl("/atelier")}`, {waitUntil: "commit"});
    const {at} = await nextResult(page);
    const visit: Visit = {ms: at, kind: "résultat", ...received(sent)};
    await page.waitForTimeout(5000);
    await page.close();
    return visit;
  };
  try {
    return [await open(), await open()];
  } finally {
    await context.close();
    rmSync(profile, {recursive: true, force: true});
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

const seconds = (ms: number) => (ms / 1000).toFixed(2).replace(".", ",");
const megabytes = (bytes: number) => (bytes / 1e6).toFixed(2).replace(".", ",");
const ratio = (value: number) => `${value.toFixed(2).replace(".", ",")}×`;
const spread = (values: number[]) =>
  `${seconds(median(values))} s (${seconds(Math.min(...values))}–${seconds(Math.max(...values))})`;

/** The French verdict of a figure against its target. */
const verdict = (value: number, target: number) => (value <= target ? "atteint" : "**non atteint**");

/** Runs the rounds of visits and returns the report as Markdown lines. */
async function measure(dist: string): Promise<VariantResult> {
  const only = process.env.BENCH_PAGES?.split(",");
  const visits = Math.max(1, Number(process.env.BENCH_VISITS ?? 3));
  const paths = pagePaths(dist).filter((p) => !only || p === "/" || only.includes(p));
  const withAtelier = paths.includes("/atelier");
  const {server, origin} = await serveStatic(dist, 0, {
    gzip: true,
    onResponse: (response) => sent.push(response),
    pages: withAtelier ? {[BARE_ENGINE_PATH]: bareEnginePage(dist)} : {}
  });
  const load = [loadavg()[0]!];
  const started = performance.now();
  const byPage = new Map<string, Visit[]>(paths.map((p) => [p, []]));
  const bare: Visit[] = [];
  const firstAndSecond: [Visit, Visit][] = [];
  const browser = await launchChromium(chromiumPath());
  try {
    for (let round = 1; round <= visits; round++) {
      for (const path of paths) {
        process.stderr.write(`\r  passage ${round}/${visits} : ${path.padEnd(48)}`);
        byPage.get(path)!.push(await visitPage(browser, origin, path));
      }
      if (withAtelier) {
        process.stderr.write(`\r  passage ${round}/${visits} : moteur seul, seconde visite${" ".repeat(20)}`);
        bare.push(await visitBareEngine(browser, origin));
        firstAndSecond.push(await visitTwice(origin));
      }
      load.push(loadavg()[0]!);
    }
  } finally {
    process.stderr.write("\n");
    await browser.close();
    server.close();
  }

  const home = median(byPage.get("/")!.map((v) => v.ms));
  const lines = [
    "",
    `${visits} visites froides par page (contexte privé de Chromium, sans GPU), site servi compressé (gzip) ; ` +
      `durée ${seconds(performance.now() - started)} s ; charge de la machine (uptime, 1 min) ` +
      `${load.map((l) => l.toFixed(1).replace(".", ",")).join(" → ")}.`,
    "",
    "| Page | Temps (médiane, min–max) | Mesuré à | × accueil | Reçu (médiane) | DuckDB-Wasm | Cibles (≤ 1,5× accueil sans SQL ; ≤ 2,5 Mo) |",
    "| --- | --- | --- | --- | --- | --- | --- |"
  ];
  for (const [path, runs] of byPage) {
    const ms = runs.map((v) => v.ms);
    const bytes = median(runs.map((v) => v.bytes));
    const duckdb = runs.some((v) => v.duckdb);
    const vsHome = median(ms) / home;
    const sql = mayLoadDuckDB(path);
    const checks = sql
      ? ["page SQL"]
      : [
          `temps ${verdict(vsHome, TARGETS.vsHome)}`,
          `poids ${verdict(bytes, TARGETS.bytes)}`,
          duckdb ? "**DuckDB chargé**" : ""
        ].filter(Boolean);
    lines.push(
      `| \`${path}\` | ${spread(ms)} | ${[...new Set(runs.map((v) => v.kind))].join(", ")} | ${ratio(vsHome)} | ` +
        `${megabytes(bytes)} Mo | ${duckdb ? "oui" : "non"} | ${checks.join(", ")} |`
    );
  }
  if (withAtelier) {
    const atelier = byPage.get("/atelier")!.map((v) => v.ms);
    const engine = bare.map((v) => v.ms);
    const first = firstAndSecond.map(([a]) => a.ms);
    const second = firstAndSecond.map(([, b]) => b.ms);
    const vsEngine = median(atelier) / median(engine);
    const secondVsFirst = median(second) / median(first);
    lines.push(
      "",
      "| Atelier | Mesure | Rapport | Cible |",
      "| --- | --- | --- | --- |",
      `| premier résultat, visite froide | ${spread(atelier)} | ${ratio(vsEngine)} le moteur seul | ≤ ${ratio(TARGETS.vsEngine)} : ${verdict(vsEngine, TARGETS.vsEngine)} |`,
      `| moteur seul (page nue, \`SELECT 6*7\`) | ${spread(engine)}, ${megabytes(median(bare.map((v) => v.bytes)))} Mo reçus | référence | — |`,
      `| profil réel : première visite | ${spread(first)} | référence | — |`,
      `| profil réel : seconde visite (cache HTTP du profil) | ${spread(second)}, ${megabytes(median(firstAndSecond.map(([, b]) => b.bytes)))} Mo reçus | ${ratio(secondVsFirst)} la première | ≤ ${ratio(TARGETS.secondVisit)} : ${verdict(secondVsFirst, TARGETS.secondVisit)} |`
    );
  }
  return {rows: paths.length, ms: home, lines};
}

export const pagesBench: BenchCase = {
  name: "pages",
  description:
    "chaque page du site construit, visites froides dans Chromium : premier graphique, octets reçus, DuckDB-Wasm, rapports",
  prepare: async () => {
    const dist = process.env.BENCH_DIST ? resolve(process.env.BENCH_DIST) : join(projectRoot, "dist");
    if (!existsSync(join(dist, "index.html")))
      execFileSync("npm", ["run", "build", "--silent"], {cwd: projectRoot, stdio: "ignore"});
    return dist;
  },
  variants: {
    "accueil : premier graphique (médiane), puis chaque page": (dist) => measure(dist)
  }
};
