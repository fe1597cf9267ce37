/**
 * The code of a page that the built site's Content-Security-Policy (scripts/offline/csp.ts) would stop: d3-dsv's
 * object parsers (`FileAttachment(…).csv()`, `.tsv()`, `d3.csvParse`, `d3.tsvParse`, `d3.csv`, `dsvFormat(…).parse`)
 * build their row objects with `new Function`, which the policy forbids. Such a page works in `npm run dev`
 * (no policy there) and shows an error once built: `npm run build` refuses it first, naming the page and the
 * line, and `npm run dev` warns. The rows parsers (`csvParseRows`) run no text and stay allowed.
 */
import {readdirSync, readFileSync} from "node:fs";
import {join, relative} from "node:path";

/** One call the policy would stop. */
export interface EvalParserCall {
  /** The file, relative to the site's root (`src/`). */
  file: string;
  /** 1-based line. */
  line: number;
  /** The call as written (`.csv(`, `d3.csvParse(`…). */
  call: string;
}

/** d3-dsv's parsers that compile a row converter with `new Function`. */
const CALLS = [
  /\)\s*\.\s*(?:csv|tsv)\s*\(/g,
  /\b(?:d3\s*\.\s*)?(?:csv|tsv)Parse\s*\(/g,
  /\bd3\s*\.\s*(?:csv|tsv|dsv)\s*\(/g,
  /\bdsvFormat\s*\([^)]*\)\s*\.\s*parse\s*\(/g
];

/** The lines of `source` that run in the page: all of a module, the live ```js / ```ts fences of Markdown. */
function codeLines(source: string, markdown: boolean): [number, string][] {
  const lines = source.split("\n");
  if (!markdown) return lines.map((text, i) => [i + 1, text]);
  const out: [number, string][] = [];
  let live: boolean | undefined;
  lines.forEach((text, i) => {
    const fence = /^\s*```+\s*(\S*)(.*)$/.exec(text);
    if (fence) {
      if (live === undefined) {
        const lang = fence[1]!.toLowerCase();
        live =
          ["js", "javascript", "ts", "typescript"].includes(lang) && !/\brun\s*=\s*false\b/.test(fence[2]!);
      } else live = undefined;
      return;
    }
    if (live) out.push([i + 1, text]);
  });
  return out;
}

/** The calls in one file's text that the policy would stop (comments are not told apart: say it in prose). */
export function evalParserCalls(file: string, source: string): EvalParserCall[] {
  const calls: EvalParserCall[] = [];
  for (const [line, text] of codeLines(source, file.endsWith(".md"))) {
    if (/^\s*(\/\/|\*)/.test(text)) continue;
    for (const pattern of CALLS)
      for (const match of text.matchAll(pattern))
        calls.push({file, line, call: match[0].replace(/\s+/g, "").replace(/^\)/, "")});
  }
  return calls.sort((a, b) => a.line - b.line);
}

/**
 * Page sources under `root` (Markdown pages, browser modules), leaving Framework's cache, `data/` and data loaders
 * elsewhere (`name.csv.ts`: they run in Node, where d3-dsv may compile).
 */
function pageSources(root: string, dir = root): string[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory())
      return entry.name === ".observablehq" || path === join(root, "data") ? [] : pageSources(root, path);
    return /\.md$/.test(entry.name) || /^[^.]+\.(js|ts)$/.test(entry.name) ? [path] : [];
  });
}

/** Every such call in the site's sources (`src/`). */
export function findEvalParsers(root: string): EvalParserCall[] {
  return pageSources(root).flatMap((path) =>
    evalParserCalls(relative(root, path), readFileSync(path, "utf8"))
  );
}

/** The French message for the calls found (empty when none). */
export function formatEvalParsers(calls: EvalParserCall[]): string {
  if (calls.length === 0) return "";
  const list = calls.map((c) => `  src/${c.file}:${c.line} : ${c.call}`).join("\n");
  return (
    `Ces lectures de CSV ne fonctionneront pas sur le site publié : sa politique de sécurité interdit ` +
    `\`new Function\`, que d3-dsv utilise pour fabriquer ses objets.\n${list}\n` +
    `Lisez le texte du fichier avec \`d3.csvParseRows\` puis \`csvObjects\` (src/components/formats/csv-rows.js : les mêmes ` +
    `objets, sans rien exécuter), comme le montre la page /guide, ou publiez le fichier en Arrow ou en Parquet.`
  );
}
