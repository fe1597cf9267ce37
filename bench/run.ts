/**
 * `npm run bench [case…]`: runs each bench case; every variant in a child process, reporting wall time and peak
 * memory (`process.resourceUsage().maxRSS`). Not a test: prints figures only.
 */
import {spawnSync} from "node:child_process";
import {mkdtemp, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {CASES} from "./cases/index.ts";

const self = fileURLToPath(import.meta.url);

async function child(caseName: string, variant: string, input: string, dir: string): Promise<void> {
  const bench = CASES.find((c) => c.name === caseName)!;
  const start = performance.now();
  const result = await bench.variants[variant]!(input, dir);
  const {rows, ms, lines} =
    typeof result === "number" ? {rows: result, ms: performance.now() - start, lines: undefined} : result;
  process.stdout.write(JSON.stringify({rows, ms, lines, maxRssKb: process.resourceUsage().maxRSS}));
}

async function main(args: string[]): Promise<void> {
  if (args[0] === "--child") return child(args[1]!, args[2]!, args[3]!, args[4]!);
  const selected = args.length ? CASES.filter((c) => args.includes(c.name)) : CASES;
  for (const bench of selected) {
    const dir = await mkdtemp(join(tmpdir(), `bench-${bench.name}-`));
    try {
      console.log(`\n# ${bench.name} — ${bench.description}`);
      let input: string;
      try {
        input = await bench.prepare(dir);
      } catch (error) {
        console.log(`ignoré : ${(error as Error).message}`);
        continue;
      }
      for (const variant of Object.keys(bench.variants)) {
        const run = spawnSync(
          process.execPath,
          [...process.execArgv, self, "--child", bench.name, variant, input, dir],
          {
            encoding: "utf8",
            maxBuffer: 1 << 20,
            // A case's progress (stderr) shows while it runs.
            stdio: ["ignore", "pipe", "inherit"]
          }
        );
        if (run.status !== 0) {
          console.log(`${variant} : échec (code ${run.status})`);
          continue;
        }
        const {rows, ms, lines, maxRssKb} = JSON.parse(run.stdout) as {
          rows: number;
          ms: number;
          lines?: string[];
          maxRssKb: number;
        };
        console.log(
          `${variant.padEnd(48)} ${(ms < 1000 ? `${ms.toFixed(0)} ms` : `${(ms / 1000).toFixed(1)} s`).padStart(8)}  ${(maxRssKb / 1024).toFixed(0).padStart(6)} Mo max RSS  (${rows} lignes)`
        );
        if (lines) console.log(lines.join("\n"));
      }
    } finally {
      await rm(dir, {recursive: true, force: true});
    }
  }
}

await main(process.argv.slice(2));
