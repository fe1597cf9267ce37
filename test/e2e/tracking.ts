/**
 * A browser page on the served site that records what must fail a test: requests to any other host (aborted,
 * so nothing leaves the machine), page errors, console errors and Content-Security-Policy violations. Shared by the page visits and the scenarios.
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

/** How Chrome's console repeats a Content-Security-Policy violation of an inline event handler. */
const CSP_HANDLER_ECHO = "Executing inline event handler violates the following Content Security Policy";

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
  // What the page's Content-Security-Policy (scripts/offline/csp.ts) blocked: a violation fails the page.
  await context.exposeBinding("__kitCspViolation", (_source, text: string) =>
    problems.push(`Content-Security-Policy violation: ${text}`)
  );
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      // htl (Framework's html``) parses `onclick=${fn}` as a placeholder attribute `onclick="::3"`, then sets the
      // function as a property: the placeholder, never code, is what the policy reports (its 'report-sample').
      if (e.effectiveDirective === "script-src-attr" && /^::\d+$/.test(e.sample)) return;
      const where = e.sourceFile ? ` (${e.sourceFile}:${e.lineNumber})` : "";
      const report = (window as unknown as {__kitCspViolation?: (text: string) => void}).__kitCspViolation;
      const what = e.blockedURI || `inline code${e.sample ? ` « ${e.sample} »` : ""}`;
      report?.(`${e.effectiveDirective} blocked ${what}${where}`);
    });
  });
  page.on("console", (message) => {
    // Chrome's echo of a blocked inline handler: the securitypolicyviolation event above reports it, with a sample.
    if (message.type() === "error" && !message.text().startsWith(CSP_HANDLER_ECHO))
      problems.push(`console error: ${message.text()}`);
  });
  return {context, page, problems, urls};
}
