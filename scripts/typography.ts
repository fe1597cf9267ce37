/**
 * French typography of the built pages, a step of `npm run build` (scripts/framework.ts): every text of every
 * page of `dist/` gets the no-break spaces of src/components/formats/typography.js, outside code, scripts, styles and
 * attributes. The page is read with parse5 (the WHATWG parser, so text is where a browser finds it) and only
 * the text ranges are rewritten in the original file, which stays byte for byte the same elsewhere.
 */
import {readFileSync, writeFileSync} from "node:fs";
import {relative} from "node:path";
import {parse} from "parse5";
import {
  frenchSpacingRuns,
  SKIPPED_ELEMENTS,
  spacingProblems,
  textSegments,
  type TextTreeNode
} from "../src/components/formats/typography.js";
import {htmlFiles} from "./offline/localize.ts";

/** A parse5 node with its place in the source (`sourceCodeLocationInfo`). */
interface LocatedNode extends TextTreeNode {
  childNodes?: LocatedNode[];
  attrs?: {name: string; value: string}[];
  sourceCodeLocation?: {startOffset: number; endOffset: number} | null;
}

/** True for an element whose text is not prose: see SKIPPED_ELEMENTS; also `contenteditable`, `translate="no"`. */
function skipped(node: LocatedNode): boolean {
  if (SKIPPED_ELEMENTS.has(node.nodeName)) return true;
  return (node.attrs ?? []).some(
    (a) => a.name === "contenteditable" || (a.name === "translate" && a.value === "no")
  );
}

/**
 * The prose of a page as segments of source text: each segment is the text nodes between two skipped elements,
 * each given by its range in `html` (the raw source, character references included: `&nbsp;` stays as it is).
 */
export function proseRanges(html: string): {start: number; end: number}[][] {
  const document = parse(html, {sourceCodeLocationInfo: true}) as unknown as LocatedNode;
  return textSegments(document, skipped).map((nodes) =>
    nodes.flatMap((node) => {
      const location = node.sourceCodeLocation;
      // Text moved by the parser (foster parenting) or implied has no single range of its own: left alone.
      if (!location || html.slice(location.startOffset, location.endOffset).includes("<")) return [];
      return [{start: location.startOffset, end: location.endOffset}];
    })
  );
}

/** The page with French spacing applied to its prose (see {@link proseRanges}). */
export function typesetHtml(html: string): string {
  const replacements: {start: number; end: number; text: string}[] = [];
  for (const ranges of proseRanges(html)) {
    const texts = ranges.map(({start, end}) => html.slice(start, end));
    const fixed = frenchSpacingRuns(texts);
    ranges.forEach((range, i) => {
      if (fixed[i] !== texts[i]) replacements.push({...range, text: fixed[i]!});
    });
  }
  let out = "";
  let at = 0;
  for (const {start, end, text} of replacements.sort((a, b) => a.start - b.start)) {
    out += html.slice(at, start) + text;
    at = end;
  }
  return out + html.slice(at);
}

/** The prose of a page where French spacing is wrong (see spacingProblems), segment by segment. */
export function pageSpacingProblems(html: string): string[] {
  return proseRanges(html).flatMap((ranges) =>
    spacingProblems(ranges.map(({start, end}) => html.slice(start, end)).join(""))
  );
}

/** Typesets every page of `dist`; returns how many files changed. */
export function typesetDist(dist: string): number {
  let changed = 0;
  for (const file of htmlFiles(dist)) {
    const html = readFileSync(file, "utf-8");
    const typeset = typesetHtml(html);
    if (typeset !== html) {
      writeFileSync(file, typeset);
      changed++;
    }
  }
  return changed;
}

/** The pages of `dist` whose prose breaks the French spacing rules, with the places (none when all are right). */
export function checkTypography(dist: string): {pages: number; problems: {file: string; at: string}[]} {
  const files = htmlFiles(dist);
  const problems = files.flatMap((file) =>
    pageSpacingProblems(readFileSync(file, "utf-8")).map((at) => ({file: relative(dist, file), at}))
  );
  return {pages: files.length, problems};
}
