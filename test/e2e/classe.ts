/**
 * Browser scenarios of the "En classe" lessons (/classe/…): each lesson renders for a département of the
 * address, and each exercise says "right" to the right answer and "wrong" to a wrong one. The right answers are
 * computed here, independently of the page's hashes, from the data the lesson shows (the lesson's JSON in
 * dist/). Screenshots at 1024 × 768 and on a 768-pixel-wide tablet; a PDF of each teacher sheet printed by
 * Chromium into test-results/fiches/ (one or two A4 pages).
 */
import {existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync} from "node:fs";
import {gzipSync} from "node:zlib";
import {join, resolve} from "node:path";
import type {Browser, Page} from "playwright-core";
import {
  CAUSATION_OPTIONS,
  COUNT_OPTIONS,
  LESSONS,
  MEAN_OPTIONS,
  NO_DATA_OPTIONS,
  SECRECY_OPTIONS,
  type LessonId
} from "../../loaders/site/classe-lessons.ts";
import type {Scenario} from "./scenarios.ts";
import {openTrackedPage} from "./tracking.ts";

/** Départements tried: a large one, Corsica (code 2A) and an overseas one. */
const DEPARTEMENTS = ["35", "2A", "971"];

/**
 * The départements a lesson is tried on: the first of DEPARTEMENTS that has data in the lesson (with the real
 * extracts loaded, a regional file may leave Ille-et-Vilaine empty: then the first département that has data),
 * then the others of DEPARTEMENTS, whose page may say it has no data.
 */
export function departementsFor(file: Json): string[] {
  const has = (dep: string) => file.departements[dep] && !file.departements[dep].empty;
  const first = DEPARTEMENTS.find(has) ?? Object.keys(file.departements).sort().find(has) ?? DEPARTEMENTS[0]!;
  return [first, ...DEPARTEMENTS.filter((d) => d !== first)];
}
const TIMEOUT = 30_000;
const PDF_DIR = resolve(import.meta.dirname, "..", "..", "test-results", "fiches");

/** An exercise to try: a number to type, or the text of the option to choose; and a wrong answer. */
type Attempt =
  {id: string; right: string; wrong: string} | {id: string; option: string; wrongOption?: string};

/** A number typed the French way, with enough decimals for the tolerance. */
const typed = (x: number, digits = 2) => x.toFixed(digits).replace(".", ",");

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Class index of a value: how many thresholds are at or below it. */
const classIndex = (value: number, thresholds: number[]) => thresholds.filter((t) => value >= t).length;

type Json = any;

/** The right and wrong answers of a lesson for a département, computed from the lesson's own data. */
export function attempts(lesson: LessonId, file: Json, dep: string): Attempt[] {
  const d = file.departements[dep];
  if (!d || d.empty) return [];
  switch (lesson) {
    case "lire-une-carte": {
      const {values, thresholds} = file.national;
      const mine = values.find((v: Json) => v.code === dep).value;
      const k = classIndex(mine, thresholds);
      const same = values.filter(
        (v: Json) => v.value !== null && classIndex(v.value, thresholds) === k
      ).length;
      const labels = d.exercises.classe.options as string[];
      return [
        {id: "classe", option: labels[k]!, wrongOption: labels[(k + 1) % labels.length]},
        {id: "meme-classe", right: String(same), wrong: String(same + 3)},
        {id: "sans-donnee", option: NO_DATA_OPTIONS[0]}
      ];
    }
    case "nombres-et-taux": {
      const rate = (10_000 * d.lieux) / d.population;
      const first = d.parNombre[0];
      const firstRate = (10_000 * first.lieux) / first.population;
      return [
        {id: "taux-departement", right: typed(rate), wrong: typed(rate / 10_000, 6)},
        {id: "taux-premiere", right: typed(firstRate), wrong: typed(firstRate + 1)},
        {id: "pourquoi", option: COUNT_OPTIONS[0]}
      ];
    }
    case "moyenne-et-mediane": {
      const scores = d.echantillon.map((r: Json) => r.score as number);
      const pops = d.echantillon.map((r: Json) => r.population as number);
      const weighted =
        scores.reduce((s: number, x: number, i: number) => s + x * pops[i], 0) /
        pops.reduce((a: number, b: number) => a + b, 0);
      const simple = scores.reduce((a: number, b: number) => a + b, 0) / scores.length;
      const m = median(scores);
      return [
        {id: "mediane", right: typed(m), wrong: typed(m + 2)},
        // The classic mistake: the plain mean of the communes (when it differs enough from the weighted one).
        {
          id: "moyenne-ponderee",
          right: typed(weighted, 1),
          wrong: typed(Math.abs(simple - weighted) > 1 ? simple : weighted + 3, 1)
        },
        {id: "score-departement", option: MEAN_OPTIONS[0]}
      ];
    }
    case "correlation-causalite": {
      const seuil = Math.round(median(d.fibre) * 10) / 10;
      let well = 0;
      let wellFragile = 0;
      d.fibre.forEach((f: number, i: number) => {
        if (f < seuil) return;
        well++;
        if (d.score[i] > 100) wellFragile++;
      });
      const share = (100 * wellFragile) / well;
      return [
        {id: "part-fragiles", right: typed(share, 1), wrong: typed(share > 50 ? share - 10 : share + 10, 1)},
        {id: "conclusion", option: CAUSATION_OPTIONS[0]}
      ];
    }
    case "secret-statistique": {
      const hidden = d.communes.filter(([, v]: [string, number | null]) => v === null).length;
      const published = d.communes.reduce((s: number, [, v]: [string, number | null]) => s + (v ?? 0), 0);
      const out: Attempt[] = [{id: "communes-masquees", right: String(hidden), wrong: String(hidden + 1)}];
      if (d.total !== null && hidden > 0)
        out.push({id: "eleves-caches", right: String(d.total - published), wrong: "0"});
      out.push({id: "pourquoi", option: SECRECY_OPTIONS[0]});
      return out;
    }
  }
}

/** The built JSON of a lesson (dist/_file/data/classe/<id>.<hash>.json). */
function lessonFile(dist: string, lesson: string): Json {
  const dir = join(dist, "_file", "data", "classe");
  const name = readdirSync(dir).find((f) => f.startsWith(`${lesson}.`) && f.endsWith(".json"));
  if (!name) throw new Error(`${lesson}: no built file in ${dir}`);
  return JSON.parse(readFileSync(join(dir, name), "utf8"));
}

/** The result the page shows after submitting an exercise. */
async function submit(page: Page, id: string): Promise<string> {
  const form = page.locator(`form.kit-exercise[data-exercise="${id}"]`);
  await form.locator("button").click();
  const result = form.locator(".kit-exercise-result");
  await result.waitFor({state: "visible", timeout: TIMEOUT});
  return (await result.getAttribute("data-result")) ?? "";
}

/** Tries one exercise: the wrong answer must say "wrong", the right one "right". */
async function tryExercise(page: Page, attempt: Attempt): Promise<string[]> {
  const problems: string[] = [];
  const form = page.locator(`form.kit-exercise[data-exercise="${attempt.id}"]`);
  if ((await form.count()) !== 1) return [`exercise ${attempt.id} not found`];
  if ("right" in attempt) {
    for (const [answer, expected] of [
      [attempt.wrong, "wrong"],
      [attempt.right, "right"]
    ] as const) {
      await form.locator("input").fill(answer);
      const got = await submit(page, attempt.id);
      if (got !== expected)
        problems.push(`${attempt.id}: typed ${answer}, page said ${got}, expected ${expected}`);
    }
  } else {
    const exact = (text: string) => new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*$`);
    const choose = (text: string) =>
      form
        .locator("label")
        .filter({hasText: exact(text)})
        .locator("input")
        .check();
    const labels = (await form.locator("label").allTextContents()).map((l) => l.trim());
    const right = attempt.option;
    const wrongOption = attempt.wrongOption ?? labels.find((l) => l !== right)!;
    await choose(wrongOption);
    const wrong = await submit(page, attempt.id);
    if (wrong !== "wrong") problems.push(`${attempt.id}: chose « ${wrongOption} », page said ${wrong}`);
    await choose(right);
    const got = await submit(page, attempt.id);
    if (got !== "right") problems.push(`${attempt.id}: chose « ${right} », page said ${got}`);
  }
  return problems;
}

/** The instant-pages budget of a page: at most 2.5 MB received, compressed as a static host sends it. */
const BUDGET = 2.5e6;

/** Bytes of the requested files of dist/ once gzipped (each file counted once). */
function gzippedBytes(dist: string, origin: string, urls: readonly string[]): number {
  let total = 0;
  for (const url of new Set(urls.filter((u) => u.startsWith(origin)))) {
    let path = decodeURIComponent(new URL(url).pathname);
    if (path.endsWith("/")) path += "index";
    const file = [join(dist, path), join(dist, `${path}.html`)].find(
      (f) => existsSync(f) && statSync(f).isFile()
    );
    if (file) total += gzipSync(readFileSync(file)).length;
  }
  return total;
}

/** Number of pages of a PDF (its `/Type /Page` objects). */
export const pdfPageCount = (pdf: Buffer) =>
  (pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g) ?? []).length;

async function lessonScenario(
  browser: Browser,
  origin: string,
  dist: string,
  shots: string,
  lesson: LessonId
) {
  const problems: string[] = [];
  const file = lessonFile(dist, lesson);
  for (const [i, dep] of departementsFor(file).entries()) {
    const tracked = await openTrackedPage(browser, origin, {viewport: {width: 1024, height: 768}});
    try {
      const started = Date.now();
      await tracked.page.goto(`${origin}/classe/${lesson}?dep=${encodeURIComponent(dep)}`, {
        waitUntil: "load"
      });
      // Measured for the log only (no timed assertion): until the first chart or map is drawn, or, for a
      // département without data, until the page says so.
      const empty = !file.departements[dep] || file.departements[dep].empty;
      await tracked.page.waitForSelector(
        empty ? ".kit-exercise-empty" : "#observablehq-main figure svg, #observablehq-main svg[role]",
        {timeout: TIMEOUT}
      );
      const firstChart = Date.now() - started;
      await tracked.page.waitForSelector(".kit-dep-picker select", {timeout: TIMEOUT});
      const chosen = await tracked.page.locator(".kit-dep-picker select").inputValue();
      if (chosen !== dep) problems.push(`${dep}: the picker shows ${chosen}`);
      const list = attempts(lesson, file, dep);
      if (list.length === 0 && i === 0) problems.push(`${dep}: no exercise`);
      if (list.length > 0) await tracked.page.waitForSelector("form.kit-exercise", {timeout: TIMEOUT});
      for (const attempt of list)
        problems.push(...(await tryExercise(tracked.page, attempt)).map((p) => `${dep}: ${p}`));
      const errors = await tracked.page.locator(".observablehq--error").count();
      if (errors > 0) problems.push(`${dep}: ${errors} cell(s) in error`);
      const duckdb = tracked.urls.filter((u) => /duckdb/i.test(u));
      if (duckdb.length) problems.push(`${dep}: requested DuckDB-Wasm (${duckdb[0]})`);
      if (i === 0) {
        const bytes = gzippedBytes(dist, origin, tracked.urls);
        console.log(
          `     /classe/${lesson}: ${(bytes / 1e3).toFixed(0)} kB received (gzip), ${tracked.urls.length} requests, first chart after ${firstChart} ms`
        );
        if (bytes > BUDGET) problems.push(`${dep}: ${bytes} bytes received, over the 2.5 MB budget`);
        await tracked.page.screenshot({path: join(shots, `classe-${lesson}-1024.png`), fullPage: true});
        await tracked.page.setViewportSize({width: 768, height: 1024});
        await tracked.page.waitForTimeout(300);
        const overflow = await tracked.page.evaluate(
          () => document.documentElement.scrollWidth - window.innerWidth
        );
        if (overflow > 2) problems.push(`${dep}: the page is ${overflow} px wider than a 768-px tablet`);
        await tracked.page.screenshot({path: join(shots, `classe-${lesson}-768.png`), fullPage: true});
      }
      problems.push(...tracked.problems.map((p) => `${dep}: ${p}`));
    } finally {
      await tracked.context.close();
    }
  }
  return problems;
}

async function ficheScenario(browser: Browser, origin: string, dist: string, lesson: LessonId) {
  const problems: string[] = [];
  const tracked = await openTrackedPage(browser, origin);
  const dep = departementsFor(lessonFile(dist, lesson))[0]!;
  try {
    await tracked.page.goto(`${origin}/classe/${lesson}-fiche?dep=${encodeURIComponent(dep)}`, {
      waitUntil: "load"
    });
    await tracked.page.waitForSelector("td[data-answer]", {timeout: TIMEOUT});
    await tracked.page.emulateMedia({media: "print"});
    mkdirSync(PDF_DIR, {recursive: true});
    const pdf = await tracked.page.pdf({format: "A4", printBackground: true, preferCSSPageSize: true});
    writeFileSync(join(PDF_DIR, `${lesson}-fiche.pdf`), pdf);
    const pages = pdfPageCount(pdf);
    if (pages < 1 || pages > 2)
      problems.push(`${lesson}-fiche: the PDF has ${pages} pages (1 or 2 expected)`);
    const hiddenInPrint = await tracked.page.evaluate(() =>
      ["#observablehq-sidebar", ".kit-dep-picker", "button"].filter((s) =>
        [...document.querySelectorAll(s)].some((e) => getComputedStyle(e).display !== "none")
      )
    );
    if (hiddenInPrint.length) problems.push(`${lesson}-fiche: printed with ${hiddenInPrint.join(", ")}`);
    problems.push(...tracked.problems);
  } finally {
    await tracked.context.close();
  }
  return problems;
}

export const classeScenarios: Scenario[] = [
  ...LESSONS.map((lesson): Scenario => ({
    name: `classe: ${lesson}, right and wrong answers (35, 2A, 971), 1024 × 768 and 768-px tablet`,
    paths: [`/classe/${lesson}`],
    run: ({browser, origin, dist, screenshotDir}) =>
      lessonScenario(browser, origin, dist, screenshotDir, lesson)
  })),
  {
    name: "classe: teacher sheets printed to PDF (test-results/fiches/), one or two A4 pages",
    paths: LESSONS.map((l) => `/classe/${l}-fiche`),
    run: async ({browser, origin, dist}) => {
      const problems: string[] = [];
      for (const lesson of LESSONS) problems.push(...(await ficheScenario(browser, origin, dist, lesson)));
      return problems;
    }
  }
];
