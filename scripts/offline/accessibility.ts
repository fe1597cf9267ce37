/**
 * Accessibility of Framework's page shell (1.13), fixed in the built HTML (a step of `localizeDist`) and, for what
 * cells add at run time, by `accessibility-client.js` inlined in every page's head (`accessibilityHead`).
 */
import {readFileSync} from "node:fs";
import {join} from "node:path";

/**
 * Replacements in Framework's page shell (exact strings, so an upgrade that changes them is visible): the viewport
 * lets readers zoom (WCAG 1.4.4); the sidebar's close label moves out of its `<ol>` (a list holds only `<li>`);
 * the search field gets a name.
 */
export const SHELL_FIXES: [string, string][] = [
  [
    '<meta name="viewport" content="width=device-width, initial-scale=1, maximum-scale=1">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">'
  ],
  [
    '<ol>\n    <label id="observablehq-sidebar-close" for="observablehq-sidebar-toggle"></label>',
    '<label id="observablehq-sidebar-close" for="observablehq-sidebar-toggle"></label>\n  <ol>'
  ],
  [
    '<input type="search" placeholder="Rechercher">',
    '<input type="search" placeholder="Rechercher" aria-label="Rechercher">'
  ]
];

/** Applies {@link SHELL_FIXES} to one HTML page (after `localizeHtml`, whose French placeholder it expects). */
export function accessibleHtml(html: string): string {
  let out = html;
  for (const [from, to] of SHELL_FIXES) out = out.split(from).join(to);
  return out;
}

/** The `<script>` that runs `kitAccessibility(document)` on every page (for the config's `head`). */
export function accessibilityHead(): string {
  const source = readFileSync(join(import.meta.dirname, "accessibility-client.js"), "utf8");
  return `<script>${source}\nkitAccessibility(document);</script>`;
}
