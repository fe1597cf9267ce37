/**
 * The Content-Security-Policy of the built pages, a step of `npm run build` (scripts/framework.ts) after the
 * other rewritings of `dist/`: a `<meta http-equiv="Content-Security-Policy">` first in each page's head. Scripts
 * run only from the site's own origin or when they are one of the page's own inline scripts (Framework writes
 * each page's cells, and the kit its head scripts, inline: each is allowed by its sha256); WebAssembly may be
 * compiled (`'wasm-unsafe-eval'`, DuckDB-Wasm and parquet-wasm) but no text is ever run as code (`eval`,
 * `new Function`); DuckDB-Wasm's worker starts from a `blob:` that loads the site's own script. Styles may be
 * inline (Plot and Framework's inputs write `<style>` elements and `style` attributes). Nothing is fetched,
 * framed or submitted elsewhere.
 */
import {createHash} from "node:crypto";
import {readFileSync, writeFileSync} from "node:fs";
import {parse} from "parse5";
import {htmlFiles} from "./localize.ts";

/** A parse5 node, as far as this file reads it. */
interface Node {
  nodeName: string;
  attrs?: {name: string; value: string}[];
  childNodes?: Node[];
  content?: Node;
  value?: string;
}

/** The text of every inline `<script>` of a page (no `src`), as the browser hashes it. */
export function inlineScripts(html: string): string[] {
  const out: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeName === "script" && !(node.attrs ?? []).some((a) => a.name === "src"))
      out.push((node.childNodes ?? []).map((c) => c.value ?? "").join(""));
    for (const child of node.childNodes ?? []) walk(child);
    if (node.content) walk(node.content);
  };
  walk(parse(html) as unknown as Node);
  return out;
}

/** CSP source of a script text: `'sha256-…'` of its UTF-8 bytes. */
export function scriptHash(text: string): string {
  return `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
}

/** The policy of a page whose inline scripts are `scripts`. */
export function contentSecurityPolicy(scripts: readonly string[]): string {
  const hashes = [...new Set(scripts.map(scriptHash))];
  return [
    "default-src 'self'",
    // 'report-sample': a violation report shows the start of what was blocked.
    `script-src 'self' 'wasm-unsafe-eval' 'report-sample' ${hashes.join(" ")}`.trim(),
    "worker-src 'self' blob:",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self' blob: data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'"
  ].join("; ");
}

/** The `<meta>` element carrying a policy (in an attribute, so its quotes are escaped). */
export function cspMeta(policy: string): string {
  return `<meta http-equiv="Content-Security-Policy" content="${policy.replace(/&/g, "&amp;").replace(/"/g, "&quot;")}">`;
}

/**
 * The page with its policy first in `<head>` (after `<meta charset>` when it is there: a policy covers only
 * what follows it). A page that already has one gets it recomputed (a second build step is harmless).
 * @throws Error when the page has no `<head>` (Framework always writes one).
 */
export function withContentSecurityPolicy(html: string): string {
  const cleaned = html.replace(/<meta http-equiv="Content-Security-Policy" content="[^"]*">\n?/g, "");
  const meta = cspMeta(contentSecurityPolicy(inlineScripts(cleaned)));
  const charset = /<meta charset="[^"]*">\n?/i.exec(cleaned);
  if (charset) {
    const at = charset.index + charset[0].length;
    return `${cleaned.slice(0, at)}${meta}\n${cleaned.slice(at)}`;
  }
  const head = /<head(\s[^>]*)?>\n?/i.exec(cleaned);
  if (!head) throw new Error("page sans <head> : la politique de sécurité (CSP) ne peut pas y être mise");
  const at = head.index + head[0].length;
  return `${cleaned.slice(0, at)}${meta}\n${cleaned.slice(at)}`;
}

/** Writes the policy into every page of `dist`; returns how many pages got it. */
export function secureDist(dist: string): number {
  let count = 0;
  for (const file of htmlFiles(dist)) {
    const html = readFileSync(file, "utf-8");
    writeFileSync(file, withContentSecurityPolicy(html));
    count++;
  }
  return count;
}
