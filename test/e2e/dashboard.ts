/**
 * Browser scenarios of the indicator pages: the dashboard prints on one A4 page with its map, KPIs, two charts
 * and sources (written to test-results/tableau-de-bord.pdf, and as a picture in the screenshots when pdftoppm
 * is installed); no territory is shown as a bare code.
 */
import {spawnSync} from "node:child_process";
import {existsSync} from "node:fs";
import {join} from "node:path";
import type {Page} from "playwright-core";
import type {Scenario} from "./scenarios.ts";
import {openTrackedPage} from "./tracking.ts";

/** Waits until every cell has run and the dashboard shows its sources and its three figures. */
async function dashboardReady(page: Page) {
  await page.waitForFunction(
    () =>
      document.querySelectorAll("observablehq-loading").length === 0 &&
      document.querySelector(".kit-dashboard-sources") !== null &&
      document.querySelectorAll("#observablehq-main svg").length >= 3,
    undefined,
    {timeout: 60_000}
  );
}

/** Pages of a PDF (its page objects; `/Type /Pages` is the tree, not a page). */
const pdfPages = (pdf: Buffer) => (pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g) ?? []).length;

export const dashboardScenarios: Scenario[] = [
  {
    name: "tableau de bord: prints on one A4 page with map, KPIs, two charts and sources",
    paths: ["/tableau-de-bord"],
    async run({browser, origin, screenshotDir}) {
      const {context, page, problems} = await openTrackedPage(browser, origin);
      try {
        await page.goto(`${origin}/tableau-de-bord`, {waitUntil: "load"});
        await dashboardReady(page);
        await page.emulateMedia({media: "print"});
        // What the printed page must hold, each visible (not hidden by the print stylesheet).
        // (No named function in here: tsx would wrap it in a helper the page does not have.)
        const [kpis, map, charts, sources] = await page.evaluate(
          (selectors) =>
            selectors.map(
              (selector) =>
                [...document.querySelectorAll<HTMLElement>(selector)].filter((e) => e.offsetParent !== null)
                  .length
            ),
          [
            ".kit-kpi",
            "figure.kit-map",
            ".kit-dashboard-charts svg.plot-d6a7b5, .kit-dashboard-charts figure",
            ".kit-dashboard-sources"
          ]
        );
        const shown = {kpis, map, charts: charts ?? 0, sources};
        if (shown.kpis !== 4 || shown.map !== 1 || shown.charts < 2 || shown.sources !== 1)
          problems.push(`printed page lacks something: ${JSON.stringify(shown)}`);
        const path = join(screenshotDir, "..", "tableau-de-bord.pdf");
        const pdf = await page.pdf({path, format: "A4", printBackground: true, preferCSSPageSize: true});
        const pages = pdfPages(Buffer.from(pdf));
        if (pages !== 1) problems.push(`the printed dashboard takes ${pages} A4 pages (${path}), not 1`);
        const png = spawnSync("pdftoppm", [
          "-png",
          "-r",
          "80",
          "-singlefile",
          path,
          join(screenshotDir, "tableau-de-bord.print")
        ]);
        if (png.error) console.log("     (pdftoppm absent: no picture of the printed dashboard)");
        else if (png.status !== 0) problems.push(`pdftoppm failed: ${png.stderr}`);
        else if (!existsSync(join(screenshotDir, "tableau-de-bord.print.png")))
          problems.push("pdftoppm wrote no picture of the printed dashboard");
      } finally {
        await context.close();
      }
      return problems;
    }
  },
  {
    name: "indicateurs, tableau de bord: territories are named, never bare codes",
    paths: ["/indicateurs", "/tableau-de-bord"],
    async run({browser, origin}) {
      const {context, page, problems} = await openTrackedPage(browser, origin);
      try {
        for (const path of ["/tableau-de-bord", "/tableau-de-bord?level=region", "/indicateurs"]) {
          await page.goto(origin + path, {waitUntil: "load"});
          if (path.startsWith("/tableau")) await dashboardReady(page);
          else await page.waitForSelector(".kit-atelier-status[data-rows]", {timeout: 60_000});
          // A picker option "975 (975)" or a bar of a ranking labelled "986" (bar charts name territories on y).
          const bare = await page.evaluate(() => {
            const texts = [
              ...[...document.querySelectorAll("#observablehq-main select option")].map(
                (o) => o.textContent ?? ""
              ),
              ...[
                ...document.querySelectorAll(
                  "#observablehq-main svg:has(g[aria-label='bar']) [aria-label='y-axis tick label'] text"
                )
              ].map((t) => t.textContent ?? "")
            ];
            return texts.filter((t) => /^\s*(\d{2,3}|2[AB]|\d{9})(\s*\(\1\))?\s*$/.test(t));
          });
          if (bare.length)
            problems.push(`${path}: bare codes shown as names: ${bare.slice(0, 5).join(", ")}`);
        }
      } finally {
        await context.close();
      }
      return problems;
    }
  }
];
