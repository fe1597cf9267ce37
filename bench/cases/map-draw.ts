/**
 * Bench case: drawing all French communes (~35 000) in headless Chromium with the kit's choropleth component,
 * on the built site (dist/). The topology is the national commune TopoJSON of ../shared/geo (not shipped: this
 * case is skipped without it). Reports the gzipped size of the geometry and the time from "topology parsed" to
 * "map painted" (target: under 1 s, under 1.5 MB gzipped).
 */
import {execFileSync} from "node:child_process";
import {existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync} from "node:fs";
import {join, resolve} from "node:path";
import {gzipSync} from "node:zlib";
import {serveStatic} from "../../scripts/serve.ts";
import {findChromium, launchChromium} from "../../test/e2e/browser.ts";
import type {BenchCase} from "../types.ts";

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
  const dir = join(dist, "_import", "components");
  const file = readdirSync(dir).find((f) => /^choropleth\.[0-9a-f]+\.js$/.test(f));
  if (!file) throw new Error("choropleth absent de dist/ : lancer npm run build");
  return `/_import/components/${file}`;
}

const PAGE = (
  module: string
) => `<!doctype html><html lang="fr"><body><div id="map"></div><script type="module">
import {drawTopology} from "${module}";
const topology = await (await fetch("./communes.json")).json();
await new Promise((r) => requestAnimationFrame(r));
const start = performance.now();
document.querySelector("#map").append(drawTopology(topology, {width: 960}));
await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
window.benchResult = {ms: performance.now() - start, paths: document.querySelectorAll("#map path").length};
</script></body></html>`;

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
    "dessin de ~35 000 communes (navigateur)": async (input) => {
      const executable = findChromium();
      if (!executable) throw new Error("Chromium introuvable (apt-get install chromium, ou CHROMIUM_PATH)");
      const benchDir = join(dist, "_bench");
      mkdirSync(benchDir, {recursive: true});
      writeFileSync(join(benchDir, "communes.json"), readFileSync(input));
      writeFileSync(join(benchDir, "carte.html"), PAGE(builtChoropleth()));
      const {server, origin} = await serveStatic(dist);
      const browser = await launchChromium(executable);
      try {
        const page = await browser.newPage({viewport: {width: 1280, height: 1000}});
        await page.goto(`${origin}/_bench/carte.html`);
        const handle = await page.waitForFunction(
          () => (window as {benchResult?: unknown}).benchResult,
          undefined,
          {
            timeout: 120_000
          }
        );
        const {ms, paths} = (await handle.jsonValue()) as {ms: number; paths: number};
        return {rows: paths, ms};
      } finally {
        await browser.close();
        server.close();
        rmSync(benchDir, {recursive: true, force: true});
      }
    }
  }
};
