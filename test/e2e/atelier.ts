/**
 * Browser scenarios of the SQL workshop (/atelier): a query from the address, numbers equal to DuckDB in Node on
 * the same data, an error followed by a working query, long compressed links, CSV and Parquet exports. (That no
 * other page loads DuckDB is checked on every page by test/e2e/run.ts.)
 */
import {readdirSync, readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {DuckDBInstance} from "@duckdb/node-api";
import type {Browser, Page} from "playwright-core";
import {sqlToUrlParts} from "../../src/components/sql/sql-url.js";
import type {Scenario} from "./scenarios.ts";
import {openTrackedPage} from "./tracking.ts";

const RESULT_TIMEOUT = 60_000;

/** A tracked page (test/e2e/tracking.ts) that accepts downloads, opened at `path`. */
async function openTracked(browser: Browser, origin: string, path: string) {
  const {context, page, problems} = await openTrackedPage(browser, origin, {acceptDownloads: true});
  const started = Date.now();
  await page.goto(origin + path, {waitUntil: "load"});
  return {page, problems, started, close: () => context.close()};
}

/** Waits for the outcome (result status or error) of `sql`, or of any query when not given. */
async function waitOutcome(page: Page, sql?: string): Promise<"result" | "error"> {
  const handle = await page.waitForFunction(
    (wanted) => {
      for (const node of document.querySelectorAll<HTMLElement>(".kit-atelier-status, .kit-sql-error"))
        if (wanted === null || node.dataset.sql === wanted)
          return node.classList.contains("kit-sql-error") ? "error" : "result";
      return null;
    },
    sql ?? null,
    {timeout: RESULT_TIMEOUT}
  );
  return (await handle.jsonValue()) as "result" | "error";
}

/** The outcome's text, no-break spaces (the site's French typography) read as spaces. */
const outcomeText = async (page: Page) =>
  (
    await page.evaluate(
      () => document.querySelector(".kit-atelier-status, .kit-sql-error")?.textContent ?? ""
    )
  ).replace(/[\u00a0\u202f]/g, " ");

/** Replaces the editor's query by typing, then runs it with Ctrl+Enter. */
async function typeAndRun(page: Page, sql: string): Promise<"result" | "error"> {
  await page.click(".kit-sql-editor .cm-content");
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(sql);
  await page.keyboard.press("Control+Enter");
  return waitOutcome(page, sql);
}

/** Downloads what a link or button gives, as bytes. */
async function download(page: Page, selector: string): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.click(selector)]);
  return readFileSync((await file.path())!);
}

/** Rows of the workshop's CSV export (no quoted commas in the queries used here). */
function parseCsv(text: string): Record<string, string>[] {
  const [header, ...lines] = text.trim().split("\n");
  const names = header!.split(",");
  return lines.map((l) => Object.fromEntries(l.split(",").map((v, i) => [names[i], v])));
}

/** The published Parquet file of a catalogue table in dist/ (content-hashed name). */
function distParquet(dist: string, name: string): string {
  const dir = join(dist, "_file", "data", "donnees");
  const file = readdirSync(dir).find((f) => new RegExp(`^${name}\\.[0-9a-f]+\\.parquet$`).test(f));
  if (!file) throw new Error(`no ${name}.parquet in ${dir}`);
  return join(dir, file);
}

const COMPARED_SQL = `SELECT region, count(*) AS communes, sum(population) AS population, avg(population) AS moyenne
FROM communes GROUP BY region ORDER BY region`;

export const atelierScenarios: Scenario[] = [
  {
    name: "atelier: ?sql= runs at load and shows 42",
    paths: ["/atelier"],
    async run({browser, origin}) {
      const {page, problems, close} = await openTracked(
        browser,
        origin,
        "/atelier?sql=SELECT%206*7%20AS%20x"
      );
      try {
        if ((await waitOutcome(page)) !== "result")
          problems.push(`error instead of 42: ${await outcomeText(page)}`);
        const cell = await page.locator("#observablehq-main table td").allTextContents();
        if (!cell.some((t) => t.trim() === "42"))
          problems.push(`no cell 42 in the result (${cell.join(" | ")})`);
        const requested = await page.evaluate(() =>
          performance.getEntriesByType("resource").map((e) => e.name)
        );
        if (requested.some((u) => /donnees\/.+\.(arrow|parquet)$/.test(u)))
          problems.push("a catalogue table was downloaded for a query that names none");
        // duckdb-start.js starts the engine early and the page's first query must take it, not start another.
        const engines = page.workers().filter((w) => /duckdb-browser-\w+\.worker/.test(w.url())).length;
        if (engines !== 1) problems.push(`${engines} DuckDB-Wasm workers started for one query (expected 1)`);
      } finally {
        await close();
      }
      return problems;
    }
  },
  {
    name: "atelier: same numbers as DuckDB in Node, error then recovery, CSV/Parquet export, long link",
    paths: ["/atelier"],
    async run({browser, origin, dist}) {
      const {search} = await sqlToUrlParts(COMPARED_SQL);
      const {page, problems, close} = await openTracked(browser, origin, `/atelier${search}`);
      const connection = await (await DuckDBInstance.create(":memory:")).connect();
      try {
        if ((await waitOutcome(page)) !== "result")
          return [...problems, `query failed: ${await outcomeText(page)}`];
        // Same query in Node on the published Parquet file of the same table.
        await connection.run(
          `CREATE TABLE communes AS SELECT * FROM read_parquet('${distParquet(dist, "communes")}')`
        );
        const expected = (await connection.runAndReadAll(COMPARED_SQL)).getRowObjectsJson();
        const csv = parseCsv((await download(page, "a[download='resultat.csv']")).toString("utf8"));
        if (csv.length !== expected.length) problems.push(`CSV rows ${csv.length} ≠ Node ${expected.length}`);
        for (const [i, row] of expected.entries()) {
          const got = csv[i];
          if (
            !got ||
            got.region !== row.region ||
            Number(got.communes) !== Number(row.communes) ||
            Number(got.population) !== Number(row.population) ||
            Math.abs(Number(got.moyenne) - Number(row.moyenne)) > 1e-9 * Math.abs(Number(row.moyenne))
          ) {
            problems.push(`row ${i}: browser ${JSON.stringify(got)} ≠ Node ${JSON.stringify(row)}`);
            break;
          }
        }
        // Parquet export, read back by DuckDB in Node.
        const parquet = await download(page, "button:has-text('Parquet')");
        await connection.run("CREATE TABLE exported AS SELECT * FROM read_parquet($1)", [writeTemp(parquet)]);
        const exported = (
          await connection.runAndReadAll("SELECT count(*) AS n, sum(population) AS p FROM exported")
        ).getRowObjectsJson()[0]!;
        const total = expected.reduce((s, r) => s + Number(r.population), 0);
        if (Number(exported.n) !== expected.length || Number(exported.p) !== total)
          problems.push(
            `Parquet export: ${JSON.stringify(exported)} (expected ${expected.length} rows, ${total})`
          );
        // A bad query shows a French error; the next good one works.
        if ((await typeAndRun(page, "SELECT * FROM table_inexistante")) !== "error")
          problems.push("no error shown for an unknown table");
        const message = await outcomeText(page);
        if (!message.includes("table inconnue : table_inexistante"))
          problems.push(`error not explained: ${message}`);
        if ((await typeAndRun(page, "SELECT count(*) AS n FROM communes")) !== "result")
          problems.push(`query after an error failed: ${await outcomeText(page)}`);
        if (!decodeURIComponent(page.url()).includes("SELECT count(*) AS n FROM communes"))
          problems.push(`address not updated: ${page.url()}`);
        // A long query travels compressed in the fragment.
        // (Not 300 UNION ALL: deep nesting overflows DuckDB-Wasm's stack.)
        const list = Array.from({length: 300}, (_, i) => 3 * i).join(", ");
        const long = `SELECT x FROM range(1000) t(x) WHERE x IN (${list}) ORDER BY x`;
        const {hash} = await sqlToUrlParts(long);
        if (!hash.startsWith("#z=")) problems.push("long query not compressed");
        await page.goto(`${origin}/atelier${hash}`, {waitUntil: "load"});
        await waitOutcome(page);
        const status = await page.locator(".kit-atelier-status").getAttribute("data-rows");
        if (status !== "300") problems.push(`long link: ${status} rows instead of 300`);
      } finally {
        connection.closeSync();
        await close();
      }
      return problems;
    }
  }
];

function writeTemp(bytes: Buffer): string {
  const path = join(process.env.TMPDIR ?? "/tmp", `atelier-export-${process.pid}.parquet`);
  writeFileSync(path, bytes);
  return path;
}

/**
 * A query that crashes DuckDB-Wasm itself (hundreds of chained UNION ALL overflow its stack: "memory access out
 * of bounds"): the page says so in French, opens a fresh database, and the next query on a catalogue table works.
 */
const crashRecoveryScenario: Scenario = {
  name: "atelier: a query that crashes DuckDB-Wasm is explained, and the next query works on a fresh database",
  paths: ["/atelier"],
  async run({browser, origin}) {
    const crash = Array.from({length: 300}, () => "SELECT 1").join(" UNION ALL ");
    const {search, hash} = await sqlToUrlParts(crash);
    const {page, problems, close} = await openTracked(browser, origin, `/atelier${search}${hash}`);
    try {
      if ((await waitOutcome(page, crash)) !== "error") problems.push("the crashing query gave no error");
      const message = await outcomeText(page);
      if (!/planter/.test(message) || !/nouvelle base/.test(message))
        problems.push(`crash not explained in French: ${message}`);
      const sql = "SELECT count(*) AS n FROM communes";
      if ((await typeAndRun(page, sql)) !== "result")
        problems.push(`query after the crash failed: ${await outcomeText(page)}`);
    } finally {
      await close();
    }
    return problems;
  }
};
atelierScenarios.push(crashRecoveryScenario);
