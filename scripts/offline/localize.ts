/**
 * The French interface of built pages. Framework 1.13 writes `<html>` with no language and a few English labels
 * in its page shell; the stylesheet and a head script cover the running page (src/style.css, the config's
 * `head`), and this step fixes the static HTML so that it is right before any script runs.
 */
import {readdirSync, readFileSync, statSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {accessibleHtml} from "./accessibility.ts";

/** Label replacements in Framework's page shell (exact strings, so an upgrade that changes them is visible). */
export const SHELL_LABELS: [string, string][] = [
  ["<html>", '<html lang="fr">'],
  ['title="Toggle sidebar"', 'title="Afficher ou masquer le menu"'],
  ['placeholder="Search"', 'placeholder="Rechercher"']
];

/** Applies {@link SHELL_LABELS} to one HTML page. */
export function localizeHtml(html: string): string {
  let out = html;
  for (const [from, to] of SHELL_LABELS) out = out.split(from).join(to);
  return out;
}

/** Localizes every `.html` file under `dist`; returns how many pages were written. */
export function localizeDist(dist: string): number {
  let count = 0;
  for (const file of htmlFiles(dist)) {
    const html = readFileSync(file, "utf-8");
    const localized = accessibleHtml(localizeHtml(html));
    if (localized !== html) writeFileSync(file, localized);
    count++;
  }
  return count;
}

/** Lists the HTML files under a folder (skipping Framework's `_` asset folders). */
export function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) {
      if (!entry.startsWith("_")) out.push(...htmlFiles(path));
    } else if (entry.endsWith(".html")) out.push(path);
  }
  return out;
}
