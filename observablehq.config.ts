/**
 * Observable Framework configuration of the T.Dat'Hack kit.
 * Everything the site needs is served from its own origin: no web font, no CDN, no DuckDB extension download
 * (see scripts/offline/ and the README's "Hors ligne" section).
 */
import {servedNames} from "./loaders/site/data-archive.ts";
import {accessibilityHead} from "./scripts/offline/accessibility.ts";
import {sidebarPages} from "./scripts/sidebar.ts";

export default {
  root: "src",
  title: "Kit T.Dat'Hack",
  pages: sidebarPages(),
  // Links name their file (`./atelier.html`, not `./atelier`), so that the site works on any static server,
  // from a domain's root or from a folder, with no rewrite rule; links built by cells get theirs from
  // src/components/site/page-links.js (loaded by the head below).
  preserveExtension: true,
  // Only the 404 page uses it (Framework gives it a <base>, since it is served at any missing address): the
  // folder the site is published in, e.g. "/kit/" (the GitHub Pages workflow sets it). Every other page uses
  // relative links.
  base: process.env.KIT_BASE_PATH || "/",
  // TypeScript data loaders run in one Node process with tsx's loader (`tsx <file>` starts a second one).
  interpreters: {".ts": [process.execPath, "--import", "tsx"]},
  // One catalogue page per served table (src/donnees/[name].md), listed from the dataset declarations.
  dynamicPaths: servedNames().map((name) => `/donnees/${name}`),
  // The default global stylesheet is a Google Fonts request: none here, the theme uses system fonts.
  globalStylesheets: [],
  style: "style.css",
  head: `<meta name="description" content="Kit de démarrage open source pour les défis de données publiques sur l'inclusion et l'éducation numériques.">
<link rel="icon" href="data:,">
<script>document.documentElement.lang = "fr";</script>
<script type="module" src="/components/site/site-shell.js"></script>
${accessibilityHead()}`,
  footer: `Kit T.Dat'Hack — logiciel libre (MIT). Les données restent sous leur licence d'origine (Licence Ouverte Etalab 2.0 le plus souvent), indiquée dans le catalogue. Construit avec Observable Framework, sans aucune ressource externe.`,
  toc: {label: "Sur cette page"},
  search: true,
  pager: true,
  // No DuckDB extension is downloaded: json and parquet are not built into DuckDB-Wasm 1.29, so the site
  // gives DuckDB CSV, JSON or Arrow, and reads Parquet through parquet-wasm (FileAttachment(…).parquet()).
  // Only DuckDB-Wasm's "eh" build is shipped, by the offline npm cache (scripts/offline/duckdb-files.ts), not by
  // `platforms`: Framework 1.13.4 cannot run DuckDBClient with `platforms: {mvp: false}` (see that file).
  duckdb: {extensions: {json: null, parquet: null}}
};
