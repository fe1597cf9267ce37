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
  /**
   * Checked only on a fresh clone, nothing loaded (`offline`: e.g. the demonstration banner), only once the
   * real extracts are loaded (`real`), or only once the official commune and EPCI contours are loaded
   * (`contours`); both of the last two in `npm run test:e2e:real`. Always checked when absent.
   */
  mode?: "offline" | "real" | "contours";
}

/**
 * The page's text contains `text`. A `text` written with plain spaces matches no-break ones too: the site's
 * French typography (src/components/formats/typography.js) turns `Sources : …` into `Sources\u00a0: …`. A `text`
 * that names a no-break space must match exactly.
 */
const hasText = (text: string) => (page: Page) =>
  page.evaluate((t) => {
    const main = document.querySelector("#observablehq-main")?.textContent ?? "";
    return /[\u00a0\u202f]/.test(t) ? main.includes(t) : main.replace(/[\u00a0\u202f]/g, " ").includes(t);
  }, text);

const count = (selector: string, min: number) => async (page: Page) =>
  (await page.locator(selector).count()) >= min;

/** The page says its data is real and shows no demonstration banner. */
const noBannerAndReal = async (page: Page) =>
  (await page.locator(".demo-banner").count()) === 0 && (await hasText("données réelles")(page));

/** A table (Inputs.table) whose text contains every given string (no-break spaces matched as in hasText). */
const tableWith =
  (...texts: string[]) =>
  (page: Page) =>
    page.evaluate(
      (ts) =>
        [...document.querySelectorAll("#observablehq-main table")].some((t) =>
          ts.every((s) =>
            /[\u00a0\u202f]/.test(s)
              ? t.textContent?.includes(s)
              : t.textContent?.replace(/[\u00a0\u202f]/g, " ").includes(s)
          )
        ),
      texts
    );

/**
 * Every map of the page draws real boundaries, not a tile grid: each kit map (figure.kit-map) names IGN in its
 * sources and never "carte en tuiles", and the shapes of its SVG (Plot geo marks; a canvas map is judged by its
 * sources) have
 * on average more than 12 vertices (a tile has 4). Thumbnail maps outside figures (home page) are counted too.
 */
export const realBoundaries: Expectation = {
  what: "real boundaries on every map (not tiles), with their attribution",
  check: (page) =>
    page.evaluate(() => {
      const main = document.querySelector("#observablehq-main");
      const figures = [...(main?.querySelectorAll("figure.kit-map") ?? [])];
      const thumbnails = [...(main?.querySelectorAll(".kit-defi svg") ?? [])];
      if (figures.length + thumbnails.length === 0) return false;
      // (No named function in here: tsx would wrap it in a helper the page does not have.)
      for (const figure of figures) {
        const source = figure.querySelector(".kit-map-attribution")?.textContent ?? "";
        if (!source.includes("IGN") || source.includes("carte en tuiles")) return false;
      }
      if (
        thumbnails.length &&
        !main?.querySelector(".kit-attribution, .kit-map-attribution")?.textContent?.includes("IGN")
      )
        return false;
      // Mean vertices per shape of each map drawn in SVG (a canvas map's accessible layer has no shapes).
      const svgs = [...figures.map((f) => f.querySelector("svg[role='img']")), ...thumbnails];
      const means = svgs.map((svg) => {
        const paths = [...(svg?.querySelectorAll("g[aria-label='geo'] path[d]") ?? [])];
        const points = paths.map((p) => (p.getAttribute("d")?.match(/[ML]/g) ?? []).length);
        return paths.length ? points.reduce((x, y) => x + y, 0) / paths.length : Infinity;
      });
      return means.every((mean) => mean > 12);
    })
};

export const EXPECTATIONS: Record<string, Expectation[]> = {
  "/": [
    {what: "the French home page title", check: hasText("Kit T.Dat'Hack")},
    {what: "a link to the guide, naming its file", check: count('a[href="./guide.html"]', 1)},
    {
      what: "six défi cards, each with a thumbnail map",
      check: count(".kit-defi svg g[aria-label='geo'] path", 6)
    },
    {what: "the state of the data", check: hasText("Données réelles")},
    realBoundaries
  ],
  "/donnees/": [
    {
      what: "the catalogue table with every dataset",
      check: tableWith("Communes", "France services", "Lignes")
    },
    {what: "the demonstration banner (offline default)", check: count(".demo-banner", 1), mode: "offline"}
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
      check: hasText("npm run data -- fetch france-services"),
      mode: "offline"
    },
    {what: "real data: provenance says so, no banner", check: noBannerAndReal, mode: "real"},
    {what: "a preview table", check: count("#observablehq-main table tbody tr", 5)},
    {
      what: "real data: what the commune codes become in COG 2026 (codes ramenés, by reason)",
      check: hasText("Codes commune et COG 2026"),
      mode: "real"
    }
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

/** The page downloaded no whole served table (`data/donnees/*.parquet` or `.arrow`): it reads its build-time aggregate. */
const noWholeTable = (page: Page) =>
  page.evaluate(
    () =>
      !performance
        .getEntriesByType("resource")
        .some((e) => /\/data\/donnees\/[^/]+\.(arrow|parquet)/.test(e.name))
  );

/**
 * Every défi page (challenges/<id>/): its metadata, three starter charts with code, a map with sources, the
 * banner, and no whole national table downloaded.
 */
const defiPage = (...extra: Expectation[]): Expectation[] => [
  {what: "the défi's metadata block in French", check: hasText("Durée conseillée")},
  {
    what: "at least three Plot charts besides the map",
    check: count("#observablehq-main svg[class^='plot']:not(.kit-map svg):not([class$='-ramp'])", 3)
  },
  {
    what: "a map drawn by the choropleth component",
    check: count("#observablehq-main figure.kit-map svg[role='img']", 1)
  },
  {what: "the sources under the map", check: count("#observablehq-main .kit-map-attribution", 1)},
  {what: "the starter code shown (```js echo)", check: count("#observablehq-main pre code", 3)},
  {what: "the demonstration banner (offline default)", check: count(".demo-banner", 1), mode: "offline"},
  realBoundaries,
  {what: "no whole national table downloaded (data/donnees/*.parquet)", check: noWholeTable},
  ...extra
];
EXPECTATIONS["/defis/"] = [
  {what: "a card for each of the six défis", check: count("#observablehq-main a.card[href]", 6)},
  {what: "how a team starts its notebook", check: hasText("npm run new -- equipe")}
];
EXPECTATIONS["/defis/fragilite-mediation"] = defiPage({
  what: "the table of fragile communes without a lieu",
  check: tableWith("Commune", "Fragilité")
});
EXPECTATIONS["/defis/acces-france-services"] = defiPage({
  what: "the statement that distances are great-circle distances",
  check: hasText("vol d'oiseau")
});
EXPECTATIONS["/defis/tres-haut-debit"] = defiPage({
  what: "the warning on causality",
  check: hasText("corrélation n'est pas causalité")
});
EXPECTATIONS["/defis/ecole-numerique"] = defiPage(
  {what: "the table of pupil counts by sector", check: tableWith("Élèves (public)", "IPS moyen")},
  {what: "the statement of statistical secrecy", check: hasText("cases masquées car petites")}
);
EXPECTATIONS["/defis/parentalite-numerique"] = defiPage({
  what: "sliders to change the weights",
  check: count("#observablehq-main input[type='range']", 4)
});
EXPECTATIONS["/defis/diagnostic-territorial"] = defiPage(
  {what: "a territory picker", check: count("#observablehq-main select", 1)},
  {what: "the comparison table territory / région / France", check: tableWith("Indicateur", "France")},
  {
    what: "the territory compared with its région, not with France = 100",
    check: hasText("sa région (région = 100)")
  }
);
EXPECTATIONS["/atelier"] = [
  {what: "the schema browser with the catalogue tables", check: count(".kit-schema details", 10)},
  {what: "the SQL editor (CodeMirror)", check: count(".kit-sql-editor .cm-content", 1)},
  {what: "the default query's result table", check: tableWith("region", "communes", "population")},
  {what: "the automatic chart: région codes give a map", check: count("#observablehq-main figure.kit-map", 1)}
];
EXPECTATIONS["/indicateurs"] = [
  {what: "the builder's controls", check: hasText("Agrégation")},
  {what: "the indicator titled in words a person wrote", check: hasText("Lieux de médiation pour 10")},
  {
    what: "the SQL to take to the atelier, as text",
    check: count("details a[href*='atelier'][href*='sql=']", 1)
  },
  {what: "a computed indicator per territory", check: count(".kit-atelier-status[data-rows]", 1)},
  {what: "a map of the territories", check: count("#observablehq-main figure.kit-map svg", 1)},
  {what: "the result table with French headers", check: tableWith("Territoire", "Valeur", "Dénominateur")},
  realBoundaries
];
EXPECTATIONS["/tableau-de-bord"] = [
  {what: "the KPI cards", check: count(".kit-kpi", 4)},
  {what: "the rank among the territories that have a value", check: hasText("ayant une valeur")},
  {what: "comparison with France", check: hasText("France")},
  {what: "a map and two charts", check: count("#observablehq-main svg", 3)},
  {what: "the sources in the footer", check: hasText("Sources.")},
  realBoundaries
];

/**
 * The choropleth whose caption contains `title` (a `figure.kit-map`) is drawn: its canvas has painted pixels,
 * or, without a canvas, its SVG has shapes, none covering half the map (an inverted ring covers all of it);
 * its map element (`[role=img]`) has an accessible name; its attribution contains `source` (any case).
 */
const mapDrawn = (title: string, source: string) => (page: Page) =>
  page.evaluate(
    ([t, s]) => {
      const figure = [...document.querySelectorAll("#observablehq-main figure.kit-map")].find((f) =>
        f.querySelector("figcaption")?.textContent?.includes(t!)
      );
      const attribution = figure?.querySelector(".kit-map-attribution")?.textContent?.toLowerCase();
      if (!figure || !attribution?.includes(s!.toLowerCase())) return false;
      if (!figure.querySelector("[role='img']")?.getAttribute("aria-label")) return false;
      const canvas = figure.querySelector("canvas");
      if (canvas) {
        const pixels = canvas.getContext("2d")?.getImageData(0, 0, canvas.width, canvas.height).data;
        return !!pixels && pixels.some((value, i) => i % 4 === 3 && value > 0);
      }
      const svg = figure.querySelector("svg[role='img']");
      const shapes = [...(svg?.querySelectorAll("path[d]") ?? [])].filter((p) => p.getAttribute("d") !== "");
      // A ring the wrong way round is drawn as the rest of the globe: no territory may cover half the map.
      const half = (svg!.clientWidth * svg!.clientHeight) / 2;
      // (No named function in here: tsx would wrap it in a helper the page does not have.)
      const areas = shapes.map((p) => p.getBoundingClientRect()).map((box) => box.width * box.height);
      return shapes.length > 0 && (shapes.length < 10 || areas.every((area) => area < half));
    },
    [title, source]
  );
const NO_CONTOURS = "Contours des communes et des EPCI non chargés";
/** Sources of the kit's committed basemap (data/basemap/basemap.meta.json), as its maps name them. */
const BASEMAP_COMMUNES = "gregoiredavid/france-geojson";
const BASEMAP_EPCI = "bellice/ngeofr-maps";
EXPECTATIONS["/cartes"] = [
  realBoundaries,
  {
    what: "the région map drawn on real boundaries, with their source",
    check: mapDrawn("Indice de démonstration par région", BASEMAP_COMMUNES)
  },
  {
    what: "the département map drawn on real boundaries (the basemap on a fresh clone), with their source",
    check: mapDrawn("Indice de démonstration par département", "IGN"),
    mode: "offline"
  },
  {
    what: "no notice that contours are missing (the basemap is there)",
    check: async (page) => !(await hasText(NO_CONTOURS)(page))
  },
  {
    what: "the EPCI map drawn on real boundaries, with their source (bellice/ngeofr-maps)",
    check: mapDrawn("Indice de démonstration par EPCI", BASEMAP_EPCI)
  },
  {
    what: "the commune map drawn on real boundaries, with their source (gregoiredavid/france-geojson)",
    check: mapDrawn("Indice de démonstration par commune", BASEMAP_COMMUNES)
  },
  {
    what: "the département map drawn on the loaded contours, with their own source (bellice/ngeofr-maps)",
    check: mapDrawn("Indice de démonstration par département", BASEMAP_EPCI),
    mode: "contours"
  },
  {
    what: "canvas maps draw a light border between two neighbouring territories, and leave their fills as they are",
    check: (page) => page.evaluate(CANVAS_BORDER)
  },
  {
    what: "map exports wrap long title and source lines to the map's width (as Chromium draws the text)",
    check: (page) => page.evaluate(EXPORT_WRAP)
  }
];

// The two checks below import the page's own map modules (its modulepreload links) and run as strings, so that
// tsx adds no helper to them.
const MODULE_OF = `(name) => import(document.querySelector('link[rel=modulepreload][href*="/' + name + '."]').href)`;

/**
 * Two squares side by side sharing one arc, drawn by canvasMap: the pixels at their border are lighter than both
 * fills, and the middle of each square keeps its fill.
 */
const CANVAS_BORDER = `(async () => {
  const {canvasMap} = await (${MODULE_OF})("map-canvas");
  const topology = {
    type: "Topology",
    objects: {},
    arcs: [[[1, 0], [1, 1]], [[1, 1], [0, 1], [0, 0], [1, 0]], [[1, 0], [2, 0], [2, 1], [1, 1]]]
  };
  const geometries = [{type: "Polygon", id: "a", arcs: [[1, 0]]}, {type: "Polygon", id: "b", arcs: [[2, -1]]}];
  const fills = {a: [8, 48, 107], b: [8, 81, 156]};
  const map = canvasMap({
    topology,
    geometries,
    spec: {type: "identity"},
    width: 200,
    fillOf: (g) => "rgb(" + fills[g.id].join(",") + ")",
    tipText: () => ""
  });
  const canvas = map.element.querySelector("canvas");
  const data = canvas.getContext("2d").getImageData(0, Math.floor(canvas.height / 2), canvas.width, 1).data;
  const sum = (x) => data[4 * x] + data[4 * x + 1] + data[4 * x + 2];
  const w = canvas.width;
  const same = (x, rgb) => rgb.every((v, i) => Math.abs(data[4 * x + i] - v) <= 2);
  let lightest = 0;
  for (let x = Math.round(0.45 * w); x < Math.round(0.55 * w); x++) lightest = Math.max(lightest, sum(x));
  return (
    Number(map.element.dataset.border) > 0 &&
    same(Math.round(0.25 * w), fills.a) &&
    same(Math.round(0.75 * w), fills.b) &&
    lightest > Math.max(sum(Math.round(0.25 * w)), sum(Math.round(0.75 * w))) + 60
  );
})()`;

/** An export 300 px wide with a long title and source: every line fits, and it is taller than with short ones. */
const EXPORT_WRAP = `(async () => {
  const {composeSvg} = await (${MODULE_OF})("map-export");
  const part = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  part.setAttribute("width", "300");
  part.setAttribute("height", "100");
  const title = "Part des ménages sans abonnement internet fixe, par commune, en 2021";
  const source = "Sources : INSEE, recensement de la population 2021 ; IGN, ADMIN EXPRESS COG 2025, " +
    "https://www.data.gouv.fr/fr/datasets/contours-administratifs/ ; traitement de l'équipe";
  const layouts = [["Source : INSEE"], [source]].map((lines) => {
    const svg = composeSvg([part], {title, lines});
    svg.style.cssText = "position:absolute;left:0;top:0;visibility:hidden";
    document.body.append(svg);
    const spans = [...svg.querySelectorAll("tspan")];
    const layout = {
      height: Number(svg.getAttribute("height")),
      lines: spans.length,
      right: Math.max(...spans.map((s) => Number(s.getAttribute("x")) + s.getComputedTextLength()))
    };
    svg.remove();
    return layout;
  });
  const [short, long] = layouts;
  return long.lines > short.lines + 1 && long.height > short.height && layouts.every((l) => l.right <= 300);
})()`;
