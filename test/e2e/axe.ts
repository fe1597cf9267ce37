/**
 * Accessibility audit of an open page with axe-core (WCAG 2.1 A and AA rules, which axe maps to RGAA criteria),
 * injected from node_modules (no network). Critical and serious violations fail the page; the others are reported.
 */
import {readFileSync} from "node:fs";
import {createRequire} from "node:module";
import type {Page} from "playwright-core";

const AXE_PATH = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

/** The WCAG tags axe runs. */
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** One rule violated on the page, with how many elements and a few of their selectors. */
export interface AxeViolation {
  id: string;
  impact: "minor" | "moderate" | "serious" | "critical" | null;
  help: string;
  nodes: number;
  targets: string[];
}

/** Runs axe on the page as it is now (its cells have run) and returns its violations. */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol, not added as an inline <script>: the page's Content-Security-Policy
  // (scripts/offline/csp.ts) rightly blocks inline scripts it does not list.
  await page.evaluate(readFileSync(AXE_PATH, "utf8"));
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as {axe: {run: (...args: unknown[]) => Promise<AxeResults>}}).axe;
    type AxeResults = {
      violations: {id: string; impact: AxeViolation["impact"]; help: string; nodes: {target: unknown[]}[]}[];
    };
    const results = await axe.run(document, {
      runOnly: {type: "tag", values: tags},
      resultTypes: ["violations"]
    });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.length,
      targets: v.nodes.slice(0, 3).map((n) => n.target.map(String).join(" "))
    }));
  }, AXE_TAGS);
}

/** Whether a violation fails the page (critical or serious). */
export const isBlocking = (v: AxeViolation) => v.impact === "critical" || v.impact === "serious";

/** One line per violation: `serious color-contrast (12): Elements must meet… — .a, .b`. */
export function describeViolation(v: AxeViolation): string {
  return `${v.impact ?? "?"} ${v.id} (${v.nodes}) : ${v.help} — ${v.targets.join(", ")}`;
}
