/**
 * What each page must show in the browser, beyond the checks every page gets (no outside request, no page
 * error, no Observable error cell). Keyed by URL path; a page without an entry gets the common checks only.
 */
import type {Page} from "playwright-core";

export interface Expectation {
  /** What the reader should see, in words (printed when it fails). */
  what: string;
  /** Resolves true when the page shows it. */
  check: (page: Page) => Promise<boolean>;
}

const hasText = (text: string) => (page: Page) =>
  page.evaluate((t) => document.querySelector("#observablehq-main")?.textContent?.includes(t) ?? false, text);

const count = (selector: string, min: number) => async (page: Page) =>
  (await page.locator(selector).count()) >= min;

/** A table (Inputs.table) whose text contains every given string. */
const tableWith =
  (...texts: string[]) =>
  (page: Page) =>
    page.evaluate(
      (ts) =>
        [...document.querySelectorAll("#observablehq-main table")].some((t) =>
          ts.every((s) => t.textContent?.includes(s))
        ),
      texts
    );

export const EXPECTATIONS: Record<string, Expectation[]> = {
  "/": [
    {what: "the French home page title", check: hasText("Kit T.Dat'Hack")},
    {what: "a link to the guide", check: count('a[href="./guide"]', 1)}
  ],
  "/donnees/": [
    {
      what: "the catalogue table with every dataset",
      check: tableWith("Communes", "France services", "Lignes")
    },
    {what: "the demonstration banner (offline default)", check: count(".demo-banner", 1)}
  ],
  "/donnees/communes": [
    {what: "the provenance of real COG data", check: hasText("données réelles")},
    {what: "the schema table", check: tableWith("Colonne", "Description")},
    {what: "a preview with commune codes kept as text", check: tableWith("01001")},
    {what: "CSV and Parquet download links", check: count("a[download$='.csv'], a[download$='.parquet']", 2)}
  ],
  "/donnees/france-services": [
    {
      what: "the demonstration banner naming the dataset",
      check: hasText("npm run data -- fetch france-services")
    },
    {what: "a preview table", check: count("#observablehq-main table tbody tr", 5)}
  ],
  "/guide": [
    {what: "a Plot bar chart with French thousands separators", check: hasText("Population par région")},
    {
      what: "Plot charts (svg)",
      check: count("#observablehq-main figure svg, #observablehq-main svg[class^='plot']", 2)
    },
    {what: "an Inputs.table listing the régions", check: tableWith("Île-de-France", "Indicateur (démo)")},
    {what: "the result of a ```sql block", check: tableWith("Hexagone et Corse", "Outre-mer")},
    {what: "a DuckDBClient query on an Arrow file", check: tableWith("Pour 100 000 hab.")},
    {
      what: "JSON, Arrow and Parquet files read (18 rows each)",
      check: tableWith("JSON", "Arrow", "Parquet", "18")
    },
    {
      what: "a TopoJSON map with one shape per région",
      check: count("#observablehq-main svg g[aria-label='geo'] path", 18)
    },
    {what: "the demonstration-data banner", check: count(".demo-banner", 1)},
    {what: "French number format (1 234,5)", check: hasText("1\u202f234,5")}
  ]
};
