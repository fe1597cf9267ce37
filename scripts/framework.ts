/**
 * `npm run build` and `npm run dev`: Observable Framework with no network.
 *
 * Fills Framework's npm cache from node_modules (scripts/offline/npm-cache.ts), turns telemetry off, runs
 * `observable build` or `observable preview`, explains a missing package in plain words, and after a build
 * finishes the French interface of the pages Framework writes (scripts/offline/localize.ts), their French
 * typography (scripts/typography.ts) and their Content-Security-Policy (scripts/offline/csp.ts). Before Framework
 * runs, a page whose code that policy would stop (scripts/offline/eval-parsers.ts) fails the build and is
 * warned about in dev.
 *
 * Usage: tsx scripts/framework.ts build | preview [observable options…]
 */
import {spawn} from "node:child_process";
import {copyFileSync, watch, writeFileSync} from "node:fs";
import {createRequire} from "node:module";
import {delimiter, join, resolve} from "node:path";
import {fillNpmCache, explainMissingPackage, MissingPackageError} from "./offline/npm-cache.ts";
import {FrameworkAssumptionError} from "./offline/framework-assumptions.ts";
import {localizeDist} from "./offline/localize.ts";
import {typesetDist} from "./typography.ts";
import {secureDist} from "./offline/csp.ts";
import {acquireBuildLock, BuildLockError} from "./offline/build-lock.ts";
import {refreshDataCache} from "./offline/data-freshness.ts";
import {writeChallengePages} from "../challenges/pages.ts";
import {DefiError} from "../challenges/types.ts";
import {findEvalParsers, formatEvalParsers} from "./offline/eval-parsers.ts";

const projectRoot = resolve(import.meta.dirname, "..");
const sourceRoot = join(projectRoot, "src");

async function main(command: string | undefined, args: string[]): Promise<number> {
  if (command !== "build" && command !== "preview") {
    console.error("Usage: tsx scripts/framework.ts build | preview [options]");
    return 2;
  }
  let release: () => void;
  try {
    release = acquireBuildLock(
      join(sourceRoot, ".observablehq", "build.lock"),
      command === "build" ? "npm run build" : "npm run dev"
    );
  } catch (error) {
    if (!(error instanceof BuildLockError)) throw error;
    console.error(`\n${error.message}\n`);
    return 1;
  }
  process.on("exit", release);
  try {
    // The défi pages (src/defis/) are generated from challenges/ before Framework reads src/.
    const pages = await writeChallengePages(projectRoot);
    console.log(`Défis : ${pages.length} page(s) (re)générée(s) dans src/defis/`);
    const blocked = formatEvalParsers(findEvalParsers(sourceRoot));
    if (blocked && command === "build") {
      console.error(`\n${blocked}\n`);
      return 1;
    }
    if (blocked) console.warn(`\nAttention : ${blocked}\n`);
    await fillNpmCache({projectRoot, sourceRoot, log: (line) => console.log(line)});
    if (refreshDataCache(projectRoot, join(sourceRoot, ".observablehq", "cache"))) {
      console.log(
        "Données : loaders/, challenges/ ou data/ ont changé, les sorties en cache des data loaders sont effacées"
      );
    }
  } catch (error) {
    if (
      error instanceof MissingPackageError ||
      error instanceof FrameworkAssumptionError ||
      error instanceof DefiError
    ) {
      console.error(`\n${error.message}\n`);
      return 1;
    }
    throw error;
  }
  const defaults = command === "preview" ? ["--host", "127.0.0.1", "--port", "3000", "--no-open"] : [];
  if (command === "preview") watchChallenges();
  const code = await runObservable([command, ...defaults, ...args]);
  if (code !== 0) return code;
  if (command === "build") {
    const pages = localizeDist(join(projectRoot, "dist"));
    // GitHub Pages would hide Framework's _-prefixed folders (_npm, _file, _observablehq) without it.
    writeFileSync(join(projectRoot, "dist", ".nojekyll"), "");
    // Content types and caching for Apache and IIS (scripts/hosting/; the README's "Publier").
    copyFileSync(join(import.meta.dirname, "hosting", "htaccess"), join(projectRoot, "dist", ".htaccess"));
    copyFileSync(join(import.meta.dirname, "hosting", "web.config"), join(projectRoot, "dist", "web.config"));
    console.log(`French interface applied to ${pages} pages in dist/`);
    console.log(`French spacing applied to ${typesetDist(join(projectRoot, "dist"))} pages in dist/`);
    // Last, once no other step rewrites the pages: the policy holds the hashes of their inline scripts.
    console.log(
      `Content-Security-Policy written into ${secureDist(join(projectRoot, "dist"))} pages in dist/`
    );
  }
  return 0;
}

/**
 * During `npm run dev`: regenerates the défi pages when anything under challenges/ changes (debounced), so that
 * Framework's preview reloads the edited page. An invalid défi is reported and the previous pages are kept.
 */
function watchChallenges(): void {
  let timer: NodeJS.Timeout | undefined;
  const regenerate = async () => {
    try {
      const changed = await writeChallengePages(projectRoot);
      if (changed.length) console.log(`Défis : ${changed.length} page(s) régénérée(s)`);
    } catch (error) {
      console.error(`\n${error instanceof Error ? error.message : String(error)}\n`);
    }
  };
  watch(join(projectRoot, "challenges"), {recursive: true}, () => {
    clearTimeout(timer);
    timer = setTimeout(() => void regenerate(), 200);
  }).unref();
}

/** Runs Framework's CLI with telemetry off, echoing its output and explaining a missing package. */
function runObservable(args: string[]): Promise<number> {
  const require = createRequire(join(projectRoot, "package.json"));
  const bin = join(
    require.resolve("@observablehq/framework/package.json"),
    "..",
    "dist",
    "bin",
    "observable.js"
  );
  const child = spawn(process.execPath, [bin, ...args], {
    cwd: projectRoot,
    env: {
      ...process.env,
      OBSERVABLE_TELEMETRY_DISABLE: "true",
      // Framework runs .ts data loaders with the `tsx` command: make the project's own one found first.
      PATH: [join(projectRoot, "node_modules", ".bin"), process.env.PATH].join(delimiter)
    },
    stdio: ["inherit", "pipe", "pipe"]
  });
  let explained = false;
  const watch = (chunk: Buffer, out: NodeJS.WriteStream) => {
    const text = chunk.toString();
    out.write(text);
    const explanation = explainMissingPackage(text);
    if (explanation && !explained) {
      explained = true;
      console.error(`\n${explanation}\n`);
    }
  };
  child.stdout.on("data", (chunk: Buffer) => watch(chunk, process.stdout));
  child.stderr.on("data", (chunk: Buffer) => watch(chunk, process.stderr));
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
  return new Promise((resolve) => child.on("close", (code) => resolve(explained ? 1 : (code ?? 1))));
}

process.exitCode = await main(process.argv[2], process.argv.slice(3));
