/**
 * The site as a school or a collectivité publishes it: dist/ copied into a folder (`/kit/`) of a plain static
 * server (test/e2e/plain-server.ts: no rewrite rule, no clean URLs). Every page is opened in the browser and
 * every internal link and asset it uses or offers is followed; all must answer 200. Then the atelier runs a
 * query from a link that another page shares.
 */
import type {Page} from "playwright-core";
import {servePlainFolder} from "./plain-server.ts";
import type {Scenario} from "./scenarios.ts";
import {openTrackedPage} from "./tracking.ts";
import {pagePaths, pageUrl, settle} from "./visit.ts";

/** The folder the site is published in. */
const FOLDER = "/kit/";

/** Links and asset addresses of a rendered page (`a`, `link`, `script`, `img`…), resolved. */
function pageAddresses(page: Page): Promise<{links: string[]; assets: string[]}> {
  // No inner named function here: tsx would wrap it in a helper that does not exist in the page.
  return page.evaluate(() => {
    const out = {links: [] as string[], assets: [] as string[]};
    for (const [selector, attribute, list] of [
      ["a[href]", "href", out.links],
      ["link[href]", "href", out.assets],
      ["script[src], img[src], source[src]", "src", out.assets]
    ] as const) {
      for (const node of document.querySelectorAll(selector))
        list.push(new URL(node.getAttribute(attribute)!, node.baseURI).href);
    }
    return out;
  });
}

/** True for the address of a page of the site (a `.html` file or a folder), fragment and query aside. */
const isPage = (url: URL) => url.pathname.endsWith("/") || url.pathname.endsWith(".html");

export const publishScenario: Scenario = {
  name: "published in a folder of a plain static server: every link and asset answers 200, a shared atelier link runs",
  paths: ["/", "/atelier"],
  async run({browser, dist}) {
    const {server, site} = await servePlainFolder(dist, FOLDER);
    const origin = new URL(site).origin;
    const problems: string[] = [];
    /** Pages to open (address without fragment or query) → the page that links to it. */
    const pages = new Map<string, string>(
      pagePaths(dist).map((path) => [site + pageUrl(path).slice(1), "(built)"])
    );
    const opened = new Set<string>();
    /** Other addresses to fetch → the page where they were found. */
    const others = new Map<string, string>();
    const shared: string[] = [];
    let requests = 0;
    try {
      for (const [address, from] of pages) {
        if (opened.has(address)) continue;
        opened.add(address);
        const tracked = await openTrackedPage(browser, origin);
        tracked.page.on("response", (response) => {
          requests++;
          const status = response.status();
          if (status !== 200 && response.url().startsWith(origin))
            problems.push(`${status} for ${response.url()} (requested by ${address})`);
        });
        // A request cancelled after its response (a reader that needed only the start of a file) is no failure.
        tracked.page.on("requestfailed", async (request) => {
          if (request.url().startsWith(origin) && !(await request.response()))
            problems.push(
              `failed: ${request.url()} (${request.failure()?.errorText}, requested by ${address})`
            );
        });
        try {
          const response = await tracked.page.goto(address, {waitUntil: "load"});
          if (response?.status() !== 200) {
            problems.push(`${response?.status()} for the page ${address} (linked from ${from})`);
            continue;
          }
          await settle(tracked.page, tracked.problems);
          const {links, assets} = await pageAddresses(tracked.page);
          for (const link of [...links, ...assets]) {
            const url = new URL(link);
            // A link for the reader to another site, or a file the page made (blob:, data:).
            if (url.origin !== origin || !url.protocol.startsWith("http")) continue;
            if (!url.href.startsWith(site)) {
              problems.push(`${address} links outside the site's folder: ${url.href}`);
              continue;
            }
            if (/atelier\.html\?sql=/.test(url.href)) shared.push(url.href);
            url.hash = "";
            const bare = new URL(url.href);
            bare.search = "";
            if (isPage(bare) && !pages.has(bare.href)) pages.set(bare.href, address);
            if (!isPage(bare) || url.search) others.set(url.href, address);
          }
          problems.push(...tracked.problems.map((p) => `${address}: ${p}`));
        } finally {
          await tracked.context.close();
        }
      }
      for (const [address, from] of others) {
        const response = await fetch(address);
        await response.arrayBuffer();
        if (response.status !== 200) problems.push(`${response.status} for ${address} (on ${from})`);
      }
      if (opened.size < pagePaths(dist).length) problems.push(`only ${opened.size} pages opened`);
      console.log(
        `     ${opened.size} pages opened, ${requests} requests, ${others.size} other links fetched, ${shared.length} shared atelier links`
      );
      if (shared.length === 0) problems.push("no page shares an atelier link (atelier.html?sql=…)");
      else problems.push(...(await runSharedLink(browser, origin, shared[0]!)));
    } finally {
      server.close();
    }
    return problems;
  }
};

/** Opens a shared atelier link and waits for the result of its query. */
async function runSharedLink(
  browser: Parameters<Scenario["run"]>[0]["browser"],
  origin: string,
  link: string
) {
  const {context, page, problems} = await openTrackedPage(browser, origin);
  try {
    await page.goto(link, {waitUntil: "load"});
    const sql = new URL(link).searchParams.get("sql");
    const outcome = await page
      .waitForFunction(
        (wanted) => {
          const node = document.querySelector<HTMLElement>(".kit-atelier-status, .kit-sql-error");
          if (!node || node.dataset.sql !== wanted) return null;
          return node.classList.contains("kit-sql-error") ? `error: ${node.textContent}` : "result";
        },
        sql,
        {timeout: 90_000}
      )
      .then((handle) => handle.jsonValue())
      .catch(() => "no outcome after 90 s");
    if (outcome !== "result") problems.push(`the shared link ${link.slice(0, 120)}… gave ${outcome}`);
    else {
      const rows = await page.locator(".kit-atelier-status").getAttribute("data-rows");
      if (!(Number(rows) > 0)) problems.push(`the shared link's query returned ${rows} rows`);
    }
  } finally {
    await context.close();
  }
  return problems;
}
