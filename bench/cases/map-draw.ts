/**
 * Bench case: drawing all French communes (~35 000) in headless Chromium with the kit's choropleth component,
 * on the built site (dist/). The topology is the national commune TopoJSON of ../shared/geo (not shipped: this
 * case is skipped without it). Reports the gzipped size of the geometry and the time from "topology parsed" to
 * "map painted" (target: under 1 s, under 1.5 MB gzipped), as drawn by default (canvas) and forced to SVG; and the
 * same for the ~1,250 EPCI (Lambert-93 file beside it), which sets the SVG/canvas threshold of the component.
 * The file has the DROM at their true place, so the whole map is mostly ocean and its communes too small for
 * borders: the metropolitan communes alone (the frame of the site's maps, whose DROM are insets) are drawn too,
 * with their borders.
 */
import {execFileSync} from "node:child_process";
import {existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync} from "node:fs";
import {join, resolve} from "node:path";
import {gzipSync} from "node:zlib";
import {serveStatic} from "../../scripts/serve.ts";
import {findChromium, launchChromium} from "../../test/e2e/browser.ts";
import type {BenchCase, VariantResult} from "../types.ts";

const projectRoot = resolve(import.meta.dirname, "..", "..");
const dist = join(projectRoot, "dist");
const TOPOLOGY = resolve(
  projectRoot,
  "..",
  "shared",
  "geo",
  "derived",
  "communes-cog2026-from2018-ms5pct.topo.json"
);

/** The built choropleth module (its name carries a content hash). */
function builtChoropleth(): string {
  const dir = join(dist, "_import", "components", "maps");
  const file = readdirSync(dir).find((f) => /^choropleth\.[0-9a-f]+\.js$/.test(f));
  if (!file) throw new Error("choropleth absent de dist/ : lancer npm run build");
  return `/_import/components/maps/${file}`;
}

const EPCI = resolve(TOPOLOGY, "..", "epci-frdrom-compact-2025-surface-gen.topo.json");

/**
 * The bench page: draws `?file=` (a topology served beside it, its `kit.projection` set from `?projection=`) with
 * `?render=` (auto, svg or canvas) and reports the time, how it was drawn, the features drawn and a proof that
 * something was painted (SVG paths, or non-blank canvas pixels).
 */
const PAGE = (
  module: string
) => `<!doctype html><html lang="fr"><body><div id="map"></div><script type="module">
import {drawTopology} from "${module}";
const params = new URLSearchParams(location.search);
const topology = await (await fetch(params.get("file"))).json();
if (params.get("projection")) topology.kit = {...topology.kit, projection: params.get("projection")};
if (params.get("metropole"))
  for (const o of Object.values(topology.objects)) o.geometries = o.geometries.filter((g) => !String(g.id).startsWith("97"));
await new Promise((r) => requestAnimationFrame(r));
const start = performance.now();
const figure = drawTopology(topology, {width: 960, render: params.get("render") ?? undefined});
document.querySelector("#map").append(figure);
await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
const ms = performance.now() - start;
const canvas = figure.querySelector("canvas");
let painted = figure.querySelectorAll("svg[role=img] path").length;
if (canvas) {
  const pixels = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
  painted = 0;
  for (let i = 3; i < pixels.length; i += 4) if (pixels[i]) painted++;
}
const border = figure.querySelector(".kit-map-canvas")?.dataset.border;
window.benchResult = {ms, render: figure.dataset.render, features: Number(figure.dataset.features), painted, border};
</script></body></html>`;

/** Draws one topology in headless Chromium; fails when nothing was drawn. */
async function drawInBrowser(topology: string, query: Record<string, string>): Promise<VariantResult> {
  const executable = findChromium();
  if (!executable) throw new Error("Chromium introuvable (apt-get install chromium, ou CHROMIUM_PATH)");
  if (!existsSync(topology)) throw new Error(`topologie absente : ${topology}`);
  const benchDir = join(dist, "_bench");
  mkdirSync(benchDir, {recursive: true});
  writeFileSync(join(benchDir, "topology.json"), readFileSync(topology));
  writeFileSync(join(benchDir, "carte.html"), PAGE(builtChoropleth()));
  const {server, origin} = await serveStatic(dist);
  const browser = await launchChromium(executable);
  try {
    const page = await browser.newPage({viewport: {width: 1280, height: 1000}});
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    const search = new URLSearchParams({file: "./topology.json", ...query});
    await page.goto(`${origin}/_bench/carte.html?${search}`);
    const handle = await page
      .waitForFunction(() => (window as {benchResult?: unknown}).benchResult, undefined, {timeout: 120_000})
      .catch((error: Error) => {
        throw new Error(errors.length ? errors.join("\n") : error.message);
      });
    const {ms, render, features, painted, border} = (await handle.jsonValue()) as {
      ms: number;
      render: string;
      features: number;
      painted: number;
      border?: string;
    };
    if (!features || !painted) throw new Error(`rien n'a été dessiné (${render}, ${features} territoires)`);
    if (query.metropole && !Number(border)) throw new Error(`bordures non dessinées (${border})`);
    return {rows: features, ms};
  } finally {
    await browser.close();
    server.close();
    rmSync(benchDir, {recursive: true, force: true});
  }
}

export const mapDrawBench: BenchCase = {
  name: "carte-communes",
  description: "carte de toutes les communes dans Chromium headless (composant choropleth, site construit)",
  prepare: async () => {
    if (!existsSync(TOPOLOGY)) throw new Error(`topologie nationale absente (${TOPOLOGY}) : cas ignoré`);
    if (!existsSync(join(dist, "index.html")))
      execFileSync("npm", ["run", "build", "--silent"], {cwd: projectRoot, stdio: "ignore"});
    const raw = readFileSync(TOPOLOGY);
    console.log(
      `TopoJSON des communes : ${(raw.length / 1e6).toFixed(2)} Mo, ${(gzipSync(raw, {level: 9}).length / 1e6).toFixed(2)} Mo compressé (gzip -9)`
    );
    return TOPOLOGY;
  },
  variants: {
    "dessin de ~35 000 communes (navigateur)": (input) => drawInBrowser(input, {}),
    "~34 700 communes de métropole avec bordures": (input) => drawInBrowser(input, {metropole: "1"}),
    "les mêmes en SVG (un chemin par commune)": (input) => drawInBrowser(input, {render: "svg"}),
    "dessin des ~1 250 EPCI en SVG": () => drawInBrowser(EPCI, {projection: "lambert93", render: "svg"}),
    "dessin des ~1 250 EPCI sur canvas": () =>
      drawInBrowser(EPCI, {projection: "lambert93", render: "canvas"})
  }
};
