/**
 * The offline-build check of `npm test`: fails if a built page or stylesheet links to any outside host.
 * It reads the HTML and CSS that the browser loads first (src, href, url(), @import), not the libraries'
 * bundled code, which may mention a CDN in a branch that never runs: the browser's request log in
 * `npm run test:e2e` is the real judge of those.
 *
 * Usage: tsx scripts/check-offline.ts [dist]
 */
import {readdirSync, readFileSync, statSync} from "node:fs";
import {join, relative} from "node:path";

export interface OutsideLink {
  file: string;
  line: number;
  url: string;
}

/** Links that leave the site: http(s) URLs and protocol-relative ones, in attributes and CSS. */
const LINK =
  /(?:\b(?:src|href|action|poster|data)\s*=\s*["']?|url\(\s*["']?|@import\s+["'])((?:https?:)?\/\/[^"')\s>]+)/gi;

/** Outbound links of one HTML or CSS text; `<a href>` to another site is a link for the reader, not a request. */
export function findOutsideLinks(text: string, file: string): OutsideLink[] {
  const found: OutsideLink[] = [];
  const lines = text.split("\n");
  lines.forEach((content, index) => {
    for (const match of content.matchAll(LINK)) {
      const before = content.slice(0, match.index);
      if (/<a\b[^>]*$/i.test(before)) continue;
      found.push({file, line: index + 1, url: match[1]!});
    }
  });
  return found;
}

function* builtFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) yield* builtFiles(path);
    else if (/\.(html|css)$/.test(entry)) yield path;
  }
}

/** Checks every HTML page and stylesheet of a built site. */
export function checkDist(dist: string): {files: number; links: OutsideLink[]} {
  let files = 0;
  const links: OutsideLink[] = [];
  for (const file of builtFiles(dist)) {
    files++;
    links.push(...findOutsideLinks(readFileSync(file, "utf-8"), relative(dist, file)));
  }
  return {files, links};
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dist = process.argv[2] ?? "dist";
  const {files, links} = checkDist(dist);
  for (const link of links) console.error(`${link.file}:${link.line}: outside link ${link.url}`);
  console.log(`offline check: ${files} pages and stylesheets, ${links.length} outside links`);
  process.exitCode = links.length === 0 && files > 0 ? 0 : 1;
}
