/**
 * French typography of the site's text, in one place: a narrow no-break space (U+202F) before « ; ? ! » and
 * «%», a no-break space (U+00A0) before « : » and inside guillemets, narrow no-break spaces between the digit
 * groups of a number (`35 000`). Only spaces that are already there are changed (`14:30`, `atelier?sql=` are
 * not prose), except inside guillemets, which always get one. Code is never touched: the build applies these
 * rules to the text of every built page (scripts/typography.ts), and the page shell (site-shell.js) to the
 * text that cells render, both through {@link textSegments}, which leaves out {@link SKIPPED_ELEMENTS}.
 */

export const NNBSP = "\u202f";
export const NBSP = "\u00a0";

/**
 * Elements whose text is not prose: code, preformatted text, form values, scripts. CodeMirror's editor is an
 * element with `contenteditable` (see {@link isSkipped}).
 */
export const SKIPPED_ELEMENTS = new Set([
  "code",
  "kbd",
  "samp",
  "var",
  "pre",
  "script",
  "style",
  "textarea",
  "option",
  "template"
]);

/**
 * Each rule: the whitespace it replaces (lookarounds keep the mark), the space put instead, and whether that
 * space goes before the character after the match (the mark) or after the character before it (« «»).
 */
const RULES = [
  [/\s+(?=[;?!])/g, NNBSP, "before"],
  [/(?<=\d)\s+(?=%)/g, NNBSP, "before"],
  [/\s+(?=:)/g, NBSP, "before"],
  [/(?<!\s)\s*(?=»)/g, NBSP, "before"],
  [/(?<=«)\s*/g, NBSP, "after"]
];

/** A number of 1–3 digits followed by groups of three, each after one space (any kind). */
const GROUPED_NUMBER = /(?<![\d.,])\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)/g;

/**
 * Applies the French spacing rules to consecutive runs of one text (the text nodes of a paragraph, in order),
 * as if they were one string: `["Question ", "?"]` → `["Question", "\u202f?"]`. Returns as many runs.
 * Idempotent: the output, given again, is returned unchanged.
 * @param {string[]} runs
 * @returns {string[]}
 */
export function frenchSpacingRuns(runs) {
  const text = runs.join("");
  /** What each UTF-16 unit of `text` becomes (only spaces change, so surrogate pairs stay whole). */
  const out = text.split("");
  let changed = false;
  for (const [pattern, space, where] of RULES) {
    for (const match of text.matchAll(/** @type {RegExp} */ (pattern))) {
      const start = /** @type {number} */ (match.index);
      const end = start + match[0].length;
      if (match[0] === space) continue;
      for (let i = start; i < end; i++) out[i] = "";
      if (where === "before") out[end] = space + out[end];
      else out[start - 1] = out[start - 1] + space;
      changed = true;
    }
  }
  for (const match of text.matchAll(GROUPED_NUMBER)) {
    for (let i = /** @type {number} */ (match.index); i < match.index + match[0].length; i++) {
      if (/\s/.test(text[i] ?? "") && out[i] !== NNBSP) {
        out[i] = NNBSP;
        changed = true;
      }
    }
  }
  if (!changed) return runs;
  const result = [];
  let offset = 0;
  for (const run of runs) {
    result.push(out.slice(offset, offset + run.length).join(""));
    offset += run.length;
  }
  return result;
}

/**
 * The French spacing of one text. @param {string} text
 * @returns {string}
 */
export function frenchSpacing(text) {
  return /** @type {string} */ (frenchSpacingRuns([text])[0]);
}

/**
 * Where a text breaks the rules: each plain (breakable) space before « : ; ? ! % » or after « «, and each
 * digit group after a plain space, with a few characters around it. Empty when the text is right.
 * @param {string} text
 * @returns {string[]}
 */
export function spacingProblems(text) {
  const problems = [];
  for (const pattern of [/[ \t\n\r]+[:;?!»]/g, /«[ \t\n\r]/g, /(?<=\d)[ \t\n\r]+%/g, GROUPED_NUMBER]) {
    for (const match of text.matchAll(pattern)) {
      if (pattern === GROUPED_NUMBER && !/[ \t\n\r]/.test(match[0])) continue;
      const at = /** @type {number} */ (match.index);
      problems.push(text.slice(Math.max(0, at - 30), at + match[0].length + 10).replace(/\s+/g, " "));
    }
  }
  return problems;
}

/**
 * @typedef {{nodeName: string, childNodes?: ArrayLike<TextTreeNode>}} TextTreeNode
 * A DOM node or a parse5 node: both name text nodes `#text` and list their children in `childNodes`.
 */

/**
 * The text nodes under `root` in document order, cut into segments at each skipped element, so that the text
 * before a `<code>` and the text after it are never read as one: `<p>Lancez <code>x</code> : …</p>` gives
 * `[["Lancez "], [" : …"]]`.
 * @template {TextTreeNode} N
 * @param {N} root
 * @param {(node: N) => boolean} skip true for an element whose text is left alone
 * @returns {N[][]}
 */
export function textSegments(root, skip) {
  /** @type {N[][]} */
  const segments = [[]];
  const walk = (/** @type {N} */ node) => {
    for (const child of Array.from(/** @type {ArrayLike<N>} */ (node.childNodes ?? []))) {
      if (child.nodeName === "#text") /** @type {N[][]} */ (segments).at(-1)?.push(child);
      else if (skip(child)) segments.push([]);
      else walk(child);
    }
  };
  walk(root);
  return segments.filter((segment) => segment.length > 0);
}

/**
 * True for a DOM element whose text is not prose ({@link SKIPPED_ELEMENTS}, an editable area such as the SQL
 * editor, or anything marked `translate="no"`).
 * @param {Node} node
 */
export function isSkipped(node) {
  if (!(node instanceof Element)) return false;
  return (
    SKIPPED_ELEMENTS.has(node.localName) ||
    node.getAttribute("contenteditable") !== null ||
    node.getAttribute("translate") === "no"
  );
}

/**
 * Applies {@link frenchSpacingRuns} to the text under a DOM node (or to a text node), segment by segment;
 * returns how many text nodes changed.
 * @param {Node} root
 */
export function applyFrenchSpacing(root) {
  let changed = 0;
  const segments = root.nodeType === Node.TEXT_NODE ? [[root]] : textSegments(root, isSkipped);
  for (const nodes of segments) {
    const texts = nodes.map((n) => /** @type {Text} */ (n).data);
    const fixed = frenchSpacingRuns(texts);
    if (fixed === texts) continue;
    nodes.forEach((node, i) => {
      if (fixed[i] !== texts[i]) {
        /** @type {Text} */ (node).data = /** @type {string} */ (fixed[i]);
        changed++;
      }
    });
  }
  return changed;
}

/** Above this many children, a parent is not read again for one added node (see {@link watchFrenchSpacing}). */
const SMALL_PARENT = 32;

/**
 * Keeps the French spacing of the text that scripts add under `root` (Observable cells, tables, charts): each
 * added subtree is fixed when it appears, unless it lies inside a skipped element. A node is read with its
 * parent when the parent is small: an inline cell (`${formatNumber(x)} %` in Markdown) adds the number alone
 * beside the text that follows it, and only the two together show the space to fix.
 * @param {Element} root
 * @returns {MutationObserver}
 */
export function watchFrenchSpacing(root) {
  const inSkipped = (/** @type {Node} */ node) => {
    for (let n = node.parentNode; n && n !== root; n = n.parentNode) if (isSkipped(n)) return true;
    return false;
  };
  const observer = new MutationObserver((records) => {
    /** @type {Set<Node>} */
    const targets = new Set();
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (!node.isConnected || isSkipped(node) || inSkipped(node)) continue;
        const parent = node.parentNode;
        const small = parent && parent !== root && parent.childNodes.length <= SMALL_PARENT;
        targets.add(small ? parent : node);
      }
    }
    for (const target of targets) applyFrenchSpacing(target);
  });
  observer.observe(root, {childList: true, subtree: true});
  applyFrenchSpacing(root);
  return observer;
}
