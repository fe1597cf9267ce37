/** Narrow no-break space (U+202F): before « ; ? ! % », between the digit groups of a number. */
export const NNBSP: string;
/** No-break space (U+00A0): before « : », inside guillemets. */
export const NBSP: string;
/** Elements whose text is not prose (code, pre, script, style, form values…), left untouched. */
export const SKIPPED_ELEMENTS: Set<string>;
/** French spacing of consecutive runs of one text, read as one string; as many runs out; idempotent. */
export function frenchSpacingRuns(runs: string[]): string[];
/** French spacing of one text. */
export function frenchSpacing(text: string): string;
/** Each plain space that breaks the rules, with its context; empty when the text is right. */
export function spacingProblems(text: string): string[];
/** A DOM node or a parse5 node: text nodes are named `#text`, children are in `childNodes`. */
export interface TextTreeNode {
  nodeName: string;
  childNodes?: ArrayLike<TextTreeNode>;
}
/** The text nodes under `root` in order, cut into segments at each element `skip` accepts. */
export function textSegments<N extends TextTreeNode>(root: N, skip: (node: N) => boolean): N[][];
/** True for a DOM element whose text is not prose (skipped element, editable area, `translate="no"`). */
export function isSkipped(node: Node): boolean;
/** Applies French spacing to the text under a DOM node; returns how many text nodes changed. */
export function applyFrenchSpacing(root: Node): number;
/** Fixes the text under `root` now and each subtree added later; returns the observer. */
export function watchFrenchSpacing(root: Element): MutationObserver;
