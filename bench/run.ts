/**
 * `npm run bench [case…]`: runs each bench case; every variant in a child process, reporting wall time and peak
 * memory (`process.resourceUsage().maxRSS`), as medians and ranges when a case runs its variants several times,
 * and the ratios the case asks for. Not a test: prints figures only.
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

/** What one run of a variant measured. */
interface Measure {
  rows: number;
  ms: number;
  maxRssKb: number;
  /** A report the variant printed under its line (the last run's is shown). */
  lines?: string[];
}

/** Runs a variant in a child process; `null` (its error printed) when it fails. */
function runVariant(caseName: string, variant: string, input: string, dir: string): Measure | null {
  const run = spawnSync(
    process.execPath,
    [...process.execArgv, self, "--child", caseName, variant, input, dir],
    {
      encoding: "utf8",
      maxBuffer: 1 << 20,
      // A case's progress and errors (stderr) show while it runs.
      stdio: ["ignore", "pipe", "inherit"]
    }
  );
  if (run.status !== 0) {
    console.log(`${variant} : échec (code ${run.status})`);
    return null;
  }
  return JSON.parse(run.stdout) as Measure;
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

const seconds = (ms: number) => (ms < 1000 ? `${ms.toFixed(0)} ms` : `${(ms / 1000).toFixed(2)} s`);

/** One line per variant: median time and memory, with their range over several runs. */
function formatMeasures(variant: string, measures: readonly Measure[]): string {
  const ms = measures.map((m) => m.ms);
  const mb = measures.map((m) => m.maxRssKb / 1024);
  const range = (values: number[], format: (v: number) => string) =>
    values.length > 1 ? ` (${format(Math.min(...values))} à ${format(Math.max(...values))})` : "";
  const time = `${seconds(median(ms))}${range(ms, seconds)}`;
  const memory = `${median(mb).toFixed(0)} Mo max RSS${range(mb, (v) => v.toFixed(0))}`;
  return `${variant.padEnd(48)} ${time.padStart(8)}  ${memory}  (${measures[0]!.rows} lignes)`;
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
      const results = new Map<string, Measure[]>();
      for (let run = 0; run < (bench.runs ?? 1); run++) {
        for (const variant of Object.keys(bench.variants)) {
          const measure = runVariant(bench.name, variant, input, dir);
          if (measure) results.set(variant, [...(results.get(variant) ?? []), measure]);
        }
      }
      for (const [variant, measures] of results) {
        console.log(formatMeasures(variant, measures));
        const lines = measures.at(-1)!.lines;
        if (lines) console.log(lines.join("\n"));
      }
      for (const {label, of, to} of bench.ratios ?? []) {
        const a = results.get(of);
        const b = results.get(to);
        if (!a || !b) continue;
        const time = median(a.map((m) => m.ms)) / median(b.map((m) => m.ms));
        const memory = median(a.map((m) => m.maxRssKb)) / median(b.map((m) => m.maxRssKb));
        console.log(`${label} : ${time.toFixed(2)}× le temps, ${memory.toFixed(2)}× la mémoire (médianes)`);
      }
    } finally {
      await rm(dir, {recursive: true, force: true});
    }
  }
}

await main(process.argv.slice(2));
