/**
 * `npm run test:e2e:injection` (also run at the end of a full `npm run test:e2e`): the names in the data are
 * hostile. Every dataset's offline table is written as a snapshot (`data/snapshots/<id>/`, removed afterwards;
 * it refuses to run over snapshots that are there) whose names of places, schools and services carry a
 * `<script>`, an `"><img src=x onerror=…>`, an `<svg onload=…>`, a `javascript:` link and a spreadsheet formula;
 * the file name and note of each meta.json too. The site is built, every page is opened (and the atelier on
 * queries that show those names), and a page fails when anything ran: the `window` flag the payloads set, a
 * dialog, an element or link made from a payload, a request for the payloads' image, a page or console error.
 * The CSV export of the atelier is checked for formulas. The payloads must be seen as text on enough pages, or
 * the test would prove nothing. Afterwards the snapshots and dist/ (built on the hostile names) are removed.
 *
 * Options: --no-build (dist/ already built from these snapshots; they are then neither written nor removed),
 * --only <path>. Env: CHROMIUM_PATH.
 */
import {execFileSync} from "node:child_process";
import {existsSync, readdirSync, readFileSync, rmSync} from "node:fs";
import {join, resolve} from "node:path";
import type {Browser, Page} from "playwright-core";
import {buildMeta} from "../../loaders/core/meta.ts";
import {writeOutputFolder, type NamedTable} from "../../loaders/core/outputs.ts";
import type {DatasetDeclaration} from "../../loaders/core/dataset.ts";
import type {DataTable} from "../../loaders/core/table.ts";
import {DATASETS} from "../../loaders/registry.ts";
import {offlineTable} from "../../loaders/resolve.ts";
import {serveStatic} from "../../scripts/serve.ts";
import {sqlToUrlParts} from "../../src/components/sql/sql-url.js";
import {findChromium, launchChromium} from "./browser.ts";
import {openTrackedPage} from "./tracking.ts";
import {pagePaths, pageUrl, settle} from "./visit.ts";

const projectRoot = resolve(import.meta.dirname, "..", "..");
const snapshots = join(projectRoot, "data", "snapshots");
const dist = join(projectRoot, "dist");

/** The flag every script payload sets: it must stay undefined on every page. */
const FLAG = "__kitInjected";

/**
 * The hostile texts, each put in front of a real name (so keys stay unique and joins still work). A script tag
 * (inert through innerHTML, run by document.write or a parser), an attribute break-out with an image whose error
 * handler runs, an SVG whose load handler runs, a link target, and a spreadsheet formula (CSV exports).
 */
export const PAYLOADS = [
  `<script>window.${FLAG}=1</script>`,
  `"><img src=x onerror="window.${FLAG}=1">`,
  `'><svg onload=alert(1)>`,
  `javascript:window.${FLAG}=1//`,
  `=HYPERLINK("http://x.invalid","clic")`
];

/** Columns holding names of places, schools, services, addresses or web sites: those the payloads go into. */
const NAME_COLUMN =
  /^(nom|nom_.+|commune|adresse|raison_sociale|academie|site_web|structure_parente|typologie|dispositif)$/;

/** The names of the table poisoned: row i gets payload i mod 5 in front of its value. Other columns as they are. */
export function poisonTable(
  declaration: DatasetDeclaration,
  table: DataTable
): {table: DataTable; columns: string[]} {
  const columns = declaration.columns
    .filter((c) => c.type === "string" && !c.allowed && !c.pattern && NAME_COLUMN.test(c.name))
    .map((c) => c.name);
  const values = {...table.values};
  for (const name of columns)
    values[name] = table.values[name]!.map((v, i) => `${PAYLOADS[i % PAYLOADS.length]}${v ?? ""}`);
  return {table: {...table, values}, columns};
}

/** Writes the poisoned snapshot of every dataset with name columns; returns `id: columns` lines. */
async function writePoisonedSnapshots(): Promise<string[]> {
  const written: string[] = [];
  for (const declaration of DATASETS) {
    const {table, columns} = poisonTable(declaration, offlineTable(declaration));
    if (columns.length === 0 || table.rowCount === 0) continue;
    const tables: NamedTable[] = [
      {name: declaration.id, table},
      ...(declaration.parts ?? []).map((p) => ({
        name: `${declaration.id}-${p.suffix}`,
        table: p.build(table)
      }))
    ];
    const meta = buildMeta(declaration, {
      source: {portal: "fichier local", file: `${PAYLOADS[1]}.csv`},
      retrieved: new Date().toISOString(),
      sha256: "0".repeat(64),
      size: 1,
      rows: table.rowCount,
      status: "réel",
      note: PAYLOADS.join(" ")
    });
    await writeOutputFolder(join(snapshots, declaration.id), tables, meta);
    written.push(`${declaration.id}: ${columns.join(", ")}`);
  }
  return written;
}

/** What a page shows of the payloads and what ran: read in the page, after its cells have rendered. */
async function inspect(page: Page): Promise<{ran: string[]; shown: boolean}> {
  return page.evaluate(
    ({flag, marks}) => {
      const ran: string[] = [];
      if ((window as unknown as Record<string, unknown>)[flag] !== undefined)
        ran.push(`window.${flag} was set`);
      for (const a of document.querySelectorAll("a[href]"))
        if (/^\s*javascript:/i.test(a.getAttribute("href") ?? ""))
          ran.push(`javascript: link made from the data: ${a.outerHTML.slice(0, 160)}`);
      for (const el of document.querySelectorAll('img[src="x"], [onerror], [onload]'))
        ran.push(`element made from the data: ${el.outerHTML.slice(0, 160)}`);
      for (const script of document.scripts)
        if (script.textContent?.includes(flag)) ran.push("a <script> made from the data is in the page");
      const text = document.body.textContent ?? "";
      return {ran, shown: marks.some((m) => text.includes(m))};
    },
    {flag: FLAG, marks: PAYLOADS.slice(0, 2)}
  );
}

/** Moves the pointer over the first charts and maps (their tooltips show names). */
async function hoverCharts(page: Page): Promise<void> {
  const boxes = await page.$$eval("svg[class*=plot], figure svg, canvas", (nodes) =>
    nodes.slice(0, 4).map((n) => {
      const r = n.getBoundingClientRect();
      return {x: r.x + r.width / 2, y: r.y + r.height / 2, w: r.width};
    })
  );
  for (const box of boxes.filter((b) => b.w > 50)) {
    await page.mouse.move(box.x, box.y).catch(() => {});
    await page.waitForTimeout(150);
  }
}

/** Opens `url` (path and query) and returns its problems and whether a payload was seen as text. */
async function visit(
  browser: Browser,
  origin: string,
  url: string
): Promise<{problems: string[]; shown: boolean}> {
  const {context, page, problems, urls} = await openTrackedPage(browser, origin, {acceptDownloads: true});
  page.on("dialog", (dialog) => {
    problems.push(`a dialog opened: ${dialog.type()} « ${dialog.message()} »`);
    void dialog.dismiss().catch(() => {});
  });
  let shown = false;
  try {
    await page.goto(origin + url, {waitUntil: "load"});
    await settle(page, problems);
    if (url.includes("atelier"))
      await page.waitForSelector(".kit-atelier-status, .kit-sql-error", {timeout: 90_000});
    await hoverCharts(page);
    const found = await inspect(page);
    problems.push(...found.ran);
    shown = found.shown;
    if (url.includes("atelier") && (await page.$('a[download="resultat.csv"]'))) {
      const [file] = await Promise.all([
        page.waitForEvent("download"),
        page.click('a[download="resultat.csv"]')
      ]);
      const csv = readFileSync((await file.path())!, "utf8");
      const formulas = csv
        .split("\n")
        .flatMap((line) => line.split(","))
        .filter((cell) => /^"?[=+@]/.test(cell));
      if (formulas.length)
        problems.push(`CSV export: ${formulas.length} cell(s) a spreadsheet would run: ${formulas[0]}`);
      if (url.includes("?sql=") && !csv.includes("'=HYPERLINK"))
        problems.push("CSV export: the neutralised formula is not there");
    }
    const image = urls.filter((u) => new URL(u).pathname.endsWith("/x"));
    if (image.length) problems.push(`the payloads' image was requested (${image[0]})`);
  } catch (error) {
    problems.push(`could not open: ${(error as Error).message}`);
  } finally {
    await context.close();
  }
  return {problems, shown};
}

/** Atelier queries that put the poisoned names on screen (a table of results, then the CSV export). */
export const ATELIER_QUERIES = [
  "SELECT code, nom FROM communes ORDER BY code LIMIT 12",
  'SELECT nom, commune, adresse, site_web FROM "lieux-mediation-numerique" LIMIT 12',
  'SELECT uai, nom, nom_commune, academie FROM "annuaire-education" LIMIT 12'
];

async function main(args: string[]): Promise<number> {
  const executable = findChromium();
  if (!executable) {
    console.log("injection: SKIPPED — no Chromium found (apt-get install chromium, or set CHROMIUM_PATH).");
    return 0;
  }
  const only = args.includes("--only") ? args[args.indexOf("--only") + 1] : undefined;
  const build = !args.includes("--no-build");
  if (build && existsSync(snapshots) && readdirSync(snapshots).length > 0) {
    console.error("injection : data/snapshots/ n'est pas vide ; ce test ne l'écrase pas.");
    return 1;
  }
  try {
    if (build) {
      for (const line of await writePoisonedSnapshots()) console.log(`poisoned ${line}`);
      execFileSync("npm", ["run", "build", "--silent"], {cwd: projectRoot, stdio: "inherit"});
    }
    const urls = [
      ...pagePaths(dist).map(pageUrl),
      ...(await Promise.all(
        ATELIER_QUERIES.map(async (sql) => {
          const {search, hash} = await sqlToUrlParts(sql);
          return `/atelier.html${search}${hash}`;
        })
      ))
    ].filter((url) => !only || url === pageUrl(only) || url.startsWith(`${pageUrl(only)}?`));
    const {server, origin} = await serveStatic(dist);
    const browser = await launchChromium(executable);
    let failed = 0;
    const shownOn: string[] = [];
    try {
      for (const url of urls) {
        const {problems, shown} = await visit(browser, origin, url);
        if (shown) shownOn.push(url);
        if (problems.length) failed++;
        console.log(`${problems.length ? "FAIL" : "ok  "} ${url}${shown ? " (noms piégés affichés)" : ""}`);
        for (const problem of problems) console.log(`     - ${problem}`);
      }
    } finally {
      await browser.close();
      server.close();
    }
    // Without the names on screen the test proves nothing: most pages of a full run must show them.
    const enough = only ? shownOn.length >= 1 : shownOn.length >= Math.ceil(urls.length / 3);
    console.log(
      `\ninjection: ${urls.length - failed} of ${urls.length} pages inert, payloads seen as text on ${shownOn.length}`
    );
    if (!enough)
      console.log("injection: too few pages show the poisoned names: the test would prove nothing");
    return failed === 0 && enough ? 0 : 1;
  } finally {
    if (build) {
      rmSync(snapshots, {recursive: true, force: true});
      // A site built on hostile names must not be published by mistake.
      rmSync(dist, {recursive: true, force: true});
      console.log(
        "injection : data/snapshots/ et dist/ (construit sur les noms piégés) effacés ; relancez npm run build."
      );
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await main(process.argv.slice(2));
}
