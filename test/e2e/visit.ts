/** Opens one page and reports everything a reader would notice: outside requests, errors, missing content. */
import {join, relative} from "node:path";
import type {Browser, Page} from "playwright-core";
import {htmlFiles} from "../../scripts/offline/localize.ts";
import {spacingProblems} from "../../src/components/formats/typography.js";
import {describeViolation, isBlocking, runAxe, type AxeViolation} from "./axe.ts";
import type {Expectation} from "./expectations.ts";
import {openTrackedPage} from "./tracking.ts";

export interface PageReport {
  path: string;
  /** Requests made by the page (all of them on the site's own origin when it passes). */
  requests: number;
  /** Every URL that was requested, in order (for the "no DuckDB on pages without SQL" checks). */
  urls: string[];
  problems: string[];
  /** What axe-core found once the page's cells had run (WCAG 2.1 A/AA); critical and serious ones are problems. */
  axe?: AxeViolation[];
  ms: number;
}

/** How long a page may take to settle (all cells rendered) before it is judged. */
const SETTLE_TIMEOUT = 60_000;

/** How long an expectation may take to hold (DuckDB-Wasm first loads ~35 MB of WebAssembly). */
const EXPECTATION_TIMEOUT = 30_000;

/** Calls `check` until it resolves true or `timeout` ms have passed. */
async function poll(check: () => Promise<boolean>, timeout: number): Promise<boolean> {
  const deadline = Date.now() + timeout;
  for (;;) {
    if (await check().catch(() => false)) return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The URL path of each built page: `dist/guide.html` → `/guide`, `dist/defis/index.html` → `/defis/`. */
export function pagePaths(root: string): string[] {
  return htmlFiles(root)
    .map(
      (file) =>
        "/" +
        relative(root, file)
          .split("\\")
          .join("/")
          .replace(/\.html$/, "")
    )
    .map((path) => (path.endsWith("/index") ? path.slice(0, -"index".length) : path))
    .filter((path) => path !== "/404")
    .sort();
}

/**
 * The address of a page as the site links to it (Framework's `preserveExtension`): `/guide` → `/guide.html`; a
 * folder (`/defis/`) is its index. The kit's own server also answers the clean form.
 */
export function pageUrl(path: string): string {
  return path.endsWith("/") ? path : `${path}.html`;
}

/**
 * The text the reader sees, outside code, as segments: read with the kit's own walker (textSegments in
 * src/components/formats/typography.js, which every page loads), after the cells have rendered.
 */
function renderedProse(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const link = document.querySelector<HTMLLinkElement>('link[rel=modulepreload][href*="/typography."]');
    if (!link) throw new Error("typography.js is not loaded by the page");
    const typography = await import(link.href);
    const segments: Text[][] = typography.textSegments(document.body, typography.isSkipped);
    return segments.map((nodes) => nodes.map((node) => node.data).join(""));
  });
}

/** Waits until every cell of the page has rendered and the network is idle; a page that never settles is a problem. */
export async function settle(page: Page, problems: string[]): Promise<void> {
  await page
    .waitForFunction(() => document.querySelectorAll("observablehq-loading").length === 0, undefined, {
      timeout: SETTLE_TIMEOUT
    })
    .catch(() => problems.push(`cells still loading after ${SETTLE_TIMEOUT / 1000} s`));
  await page.waitForLoadState("networkidle").catch(() => {});
}

export async function visitPage(
  browser: Browser,
  origin: string,
  path: string,
  expectations: Expectation[],
  screenshotDir: string
): Promise<PageReport> {
  const started = Date.now();
  const {context, page, problems, urls} = await openTrackedPage(browser, origin);
  let axe: AxeViolation[] | undefined;
  try {
    const response = await page.goto(origin + pageUrl(path), {waitUntil: "load"});
    if (!response?.ok()) problems.push(`HTTP ${response?.status()} for ${path}`);
    await settle(page, problems);
    for (const expectation of expectations) {
      if (!(await poll(() => expectation.check(page), EXPECTATION_TIMEOUT))) {
        problems.push(`missing: ${expectation.what}`);
      }
    }
    const errors = await page.$$eval(".observablehq--error", (nodes) =>
      nodes.map((n) => n.textContent ?? "")
    );
    for (const error of errors) problems.push(`error cell: ${error.trim().slice(0, 300)}`);
    const spacing = (await renderedProse(page)).flatMap(spacingProblems);
    if (spacing.length)
      problems.push(
        `${spacing.length} plain space(s) where French needs a no-break one: ${spacing.slice(0, 3).join(" | ")}`
      );
    const lang = await page.evaluate(() => document.documentElement.lang);
    if (lang !== "fr") problems.push(`<html lang> is "${lang}", not "fr"`);
    axe = await runAxe(page).catch((error: Error) => {
      problems.push(`axe-core could not run: ${error.message}`);
      return undefined;
    });
    for (const v of axe?.filter(isBlocking) ?? []) problems.push(`accessibility: ${describeViolation(v)}`);
    const file =
      path === "/" ? "index" : path.replace(/^\//, "").replace(/\/$/, "/index").replace(/\//g, "__");
    await page.screenshot({path: join(screenshotDir, `${file}.png`), fullPage: true});
  } catch (error) {
    problems.push(`could not open: ${(error as Error).message}`);
  } finally {
    await context.close();
  }
  return {path, requests: urls.length, urls, problems, ...(axe ? {axe} : {}), ms: Date.now() - started};
}
