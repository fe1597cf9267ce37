/**
 * A browser page on the served site that records what must fail a test: requests to any other host (aborted,
 * so nothing leaves the machine), page errors and console errors. Shared by the page visits and the scenarios.
 */
import type {Browser, BrowserContext, BrowserContextOptions, Page} from "playwright-core";

/** A tracked page, its context (close it when done), the problems seen so far and every URL requested. */
export interface TrackedPage {
  context: BrowserContext;
  page: Page;
  /** Outside requests, page errors and console errors, as they happen. */
  problems: string[];
  /** Every URL requested, in order. */
  urls: string[];
}

/** Opens a new context and page (1280 × 900, fr-FR, plus `options`) tracked against `origin`. */
export async function openTrackedPage(
  browser: Browser,
  origin: string,
  options: BrowserContextOptions = {}
): Promise<TrackedPage> {
  const context = await browser.newContext({
    viewport: {width: 1280, height: 900},
    locale: "fr-FR",
    ...options
  });
  const page = await context.newPage();
  const problems: string[] = [];
  const urls: string[] = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    urls.push(url);
    if (url.startsWith(origin) || url.startsWith("data:") || url.startsWith("blob:")) return route.continue();
    problems.push(`outside request: ${url}`);
    return route.abort();
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
  return {context, page, problems, urls};
}
