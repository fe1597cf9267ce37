/**
 * Turns the défis of `challenges/<id>/` (typed metadata `defi.ts` + Markdown body `page.md`) into Framework pages:
 * `src/defis/<id>.md` (front matter, the metadata block in French, the body) and the gallery `src/defis/index.md`.
 * The generated files are not versioned: `scripts/framework.ts` writes them before every build and preview, and
 * again whenever `challenges/` changes during `npm run dev`.
 */
import {existsSync} from "node:fs";
import {mkdir, readdir, readFile, rename, rm, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {pathToFileURL} from "node:url";
import type {DatasetDeclaration} from "../loaders/core/dataset.ts";
import {COG_VINTAGE} from "../loaders/geo/cog-data.ts";
import {DATASETS} from "../loaders/registry.ts";
import {frenchSpacing} from "../src/components/formats/french-typography.js";
import {readingBoxHtml} from "../src/components/classe/reading-box.js";
import {TRAPS} from "./traps.ts";
import {formatDuration, LEVEL_NAMES, SLUG, validateDefi, DefiError, type Defi} from "./types.ts";

/** A défi read from disk: its metadata and its Markdown body. */
export interface LoadedDefi {
  defi: Defi;
  body: string;
}

/** Sections every body must have, in this order (French headings). */
export const BODY_SECTIONS = [
  "## Contexte",
  "## Les données et leurs limites",
  "## Questions pour guider",
  "## Pour aller plus loin"
] as const;

/** Where the défis live, and where their pages are written. */
export const challengesDir = (projectRoot: string) => join(projectRoot, "challenges");
export const pagesDir = (projectRoot: string) => join(projectRoot, "src", "defis");

/** Ids of the défis: the folders of `challenges/` holding a `defi.ts`, sorted. */
export async function defiIds(projectRoot: string): Promise<string[]> {
  const dir = challengesDir(projectRoot);
  const entries = await readdir(dir, {withFileTypes: true});
  return entries
    .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, "defi.ts")))
    .map((e) => e.name)
    .sort();
}

let generation = 0;

/**
 * Reads and checks one défi. The module is imported afresh each time (edits show during `npm run dev`).
 * @throws DefiError naming the défi and the field (metadata, or a missing body section)
 */
export async function loadDefi(projectRoot: string, id: string): Promise<LoadedDefi> {
  const folder = join(challengesDir(projectRoot), id);
  const url = `${pathToFileURL(join(folder, "defi.ts")).href}?v=${Date.now()}-${++generation}`;
  const module = (await import(url)) as {defi?: Defi; default?: Defi};
  const defi = module.defi ?? module.default;
  if (!defi) throw new DefiError(id, "defi", "defi.ts doit exporter `defi` (export const defi: Defi = {…})");
  validateDefi(
    defi,
    DATASETS.map((d) => d.id),
    id
  );
  const bodyPath = join(folder, "page.md");
  if (!existsSync(bodyPath)) throw new DefiError(id, "page.md", `fichier absent (${bodyPath})`);
  const body = await readFile(bodyPath, "utf8");
  checkBody(id, body);
  return {defi, body};
}

/** Checks the body's French sections. @throws DefiError naming the missing section */
export function checkBody(id: string, body: string): void {
  let from = 0;
  for (const heading of BODY_SECTIONS) {
    const at = body.search(new RegExp(`^${heading}\\s*$`, "m"));
    if (at < 0) throw new DefiError(id, "page.md", `section « ${heading} » absente`);
    if (at < from) throw new DefiError(id, "page.md", `section « ${heading} » hors de l'ordre attendu`);
    from = at;
  }
}

/** Every défi, checked, in id order. */
export async function loadDefis(projectRoot: string): Promise<LoadedDefi[]> {
  const out: LoadedDefi[] = [];
  for (const id of await defiIds(projectRoot)) out.push(await loadDefi(projectRoot, id));
  return out;
}

/** Escapes text for HTML and for Framework's `${…}` interpolation. */
export function escapeText(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/\$/g, "&#36;");
}

const AUDIENCE_NAMES: Record<Defi["audience"][number], string> = {
  datathon: "datathon (adultes, agents publics)",
  lycée: "lycée",
  collège: "collège"
};

/** What a défi page shows of a dataset declaration. */
export type DatasetFacts = Pick<
  DatasetDeclaration,
  "id" | "title" | "producer" | "vintage" | "cogVintage" | "level" | "reading"
>;

/** French prose for the page: HTML-escaped, with French spacing. */
const prose = (text: string) => escapeText(frenchSpacing(text));

const factsOf = (catalogue: readonly DatasetFacts[], id: string): DatasetFacts =>
  catalogue.find((d) => d.id === id) ?? {id, title: id, producer: "", vintage: "", level: "commune"};

/** The French metadata block of a défi page (pure). */
export function metadataBlock(defi: Defi, catalogue: readonly DatasetFacts[] = DATASETS): string {
  const datasets = defi.datasets
    .map((id) => `<a href="../donnees/${id}">${escapeText(factsOf(catalogue, id).title)}</a>`)
    .join(", ");
  const demo = defi.demoData.meaningful
    ? "suffisent pour pratiquer ce défi"
    : "ne suffisent pas : il faut les fichiers réels";
  const rows: [string, string][] = [
    ["Question", prose(defi.question)],
    ["Données", `${datasets} (sigles et termes : <a href="../glossaire">glossaire</a>)`],
    ["Niveaux géographiques", defi.levels.map((l) => LEVEL_NAMES[l]).join(", ")],
    ["Public", defi.audience.map((a) => AUDIENCE_NAMES[a]).join(", ")],
    ["Durée conseillée", formatDuration(defi.durationMinutes)],
    ["Données de démonstration", `${prose(demo)}. ${prose(defi.demoData.note)}`]
  ];
  return [
    `<div class="card defi-fiche">`,
    `<p style="font-size: 1.1rem; margin-top: 0;"><strong>${prose(defi.summary)}</strong></p>`,
    `<dl class="kit-provenance">`,
    ...rows.map(([term, value]) => `<dt>${term}</dt><dd>${value}</dd>`),
    `</dl>`,
    `</div>`
  ].join("\n");
}

/** Modules every défi page imports, with the names they give the page (the preamble imports them once). */
export const PREAMBLE_IMPORTS: readonly {from: string; names: readonly string[]}[] = [
  {from: "../components/formats/format.js", names: ["formatNumber", "formatPercent"]},
  {from: "../components/site/demo-banner.js", names: ["demoBanner"]},
  {from: "../components/maps/choropleth.js", names: ["choropleth"]},
  {from: "../components/site/provenance.js", names: ["provenance"]}
];

/**
 * The hidden code every défi page starts with (pure): the imports of {@link PREAMBLE_IMPORTS}, then `metas`, the
 * metadata files of the défi's datasets (`data/donnees/<id>.meta.json`, in `defi.datasets` order), and the
 * demonstration banner when one of them is demonstration data; when `body` uses `fondDep`, the map background of
 * départements ({@link BASEMAP_BLOCK}). A page body may use `metas`, `fondDep` and these imports, and must not
 * declare them again.
 */
export function preambleBlock(defi: Defi, body = ""): string {
  const imports = PREAMBLE_IMPORTS.map(({from, names}) => `import {${names.join(", ")}} from "${from}";`);
  const metas = defi.datasets.map((id) => `  FileAttachment("../data/donnees/${id}.meta.json").json()`);
  return [
    "```js",
    ...imports,
    "```",
    "",
    "```js",
    "const metas = await Promise.all([",
    metas.join(",\n"),
    "]);",
    "const banner = demoBanner(metas);",
    "if (banner) display(banner);",
    "```",
    ...(/\bfondDep\b/.test(body) ? ["", BASEMAP_BLOCK] : [])
  ].join("\n");
}

/**
 * `fondDep`, the départements to draw a map on: the real contours when they are loaded, otherwise the committed
 * basemap (`data/basemap/`, a tile grid where no real shapes were built).
 */
export const BASEMAP_BLOCK = [
  "```js",
  'const fondDepartements = await FileAttachment("../data/fond-departements.topojson").json();',
  'const contoursDepartements = await FileAttachment("../data/contours-departement.topojson").json();',
  "const fondDep = contoursDepartements.kit?.absent ? fondDepartements : contoursDepartements;",
  "```"
].join("\n");

/** What the « Codes commune » column says of a dataset. */
function communeCodes(d: DatasetFacts): string {
  if (d.reading?.communeCodes) return d.reading.communeCodes;
  if (d.level === "departement") return "codes de département";
  if (d.cogVintage === undefined) return "—";
  return d.cogVintage === COG_VINTAGE
    ? `COG ${COG_VINTAGE}`
    : `COG ${d.cogVintage}, à ramener au COG ${COG_VINTAGE}`;
}

/**
 * The « Millésimes et pièges » section (pure): a table of the défi's sources with the date of their data and
 * the vintage of their commune codes, the method traps it lists, then the « Lire cette donnée » box of each
 * dataset that has reading facts.
 */
export function vintagesAndTraps(defi: Defi, catalogue: readonly DatasetFacts[] = DATASETS): string {
  const sources = defi.datasets.map((id) => factsOf(catalogue, id));
  const rows = sources.map(
    (d) =>
      `<tr><td><a href="../donnees/${d.id}">${prose(d.title)}</a></td><td>${prose(d.producer)}</td><td>${prose(d.reading?.dataDate ?? d.vintage)}</td><td>${prose(communeCodes(d))}</td></tr>`
  );
  const traps = [...defi.traps.map((id) => TRAPS[id]), ...(defi.ownTraps ?? [])];
  const boxes = sources
    .filter((d) => d.reading)
    .map((d) => readingBoxHtml(d.reading!, {title: d.title, href: `../donnees/${d.id}`}));
  return [
    "## Millésimes et pièges",
    "",
    frenchSpacing(
      "Les sources de ce défi ne décrivent pas la même date. Avant de les croiser, lisez de quand date chacune et dans quels codes commune elle est écrite :"
    ),
    "",
    `<table class="kit-vintages">`,
    `<thead><tr><th>Source</th><th>Producteur</th><th>Date des données</th><th>Codes commune</th></tr></thead>`,
    `<tbody>`,
    ...rows,
    `</tbody>`,
    `</table>`,
    "",
    frenchSpacing("Les pièges de méthode de ce défi :"),
    "",
    ...traps.map((t) => `- **${prose(t.title)}.** ${prose(t.text)}`),
    "",
    ...(boxes.length
      ? [frenchSpacing("Pour chaque source, ce qu'il faut savoir pour la lire :"), "", ...boxes]
      : [])
  ]
    .join("\n")
    .trim();
}

/** The datathon frame of a défi (pure): « Livrable attendu », « Critères du jury », « Programme sur deux jours ». */
export function datathonFrame(defi: Defi): string {
  const day = (n: 1 | 2) => {
    const steps = defi.programme.filter((p) => p.day === n);
    const total = steps.reduce((s, p) => s + p.minutes, 0);
    return [
      `**Jour ${n}** (${formatDuration(total)} de travail)${frenchSpacing(" :")}`,
      "",
      ...steps.map((p) => `- ${formatDuration(p.minutes)} — ${prose(p.step)}`)
    ];
  };
  return [
    "## Livrable attendu",
    "",
    ...defi.deliverable.map((d) => `- ${prose(d)}`),
    "",
    "## Critères du jury",
    "",
    `<table class="kit-jury">`,
    `<thead><tr><th>Critère</th><th>Points</th></tr></thead>`,
    `<tbody>`,
    ...defi.jury.map((c) => `<tr><td>${prose(c.criterion)}</td><td>${c.points}</td></tr>`),
    `<tr><td><strong>Total</strong></td><td><strong>20</strong></td></tr>`,
    `</tbody>`,
    `</table>`,
    "",
    "## Programme sur deux jours",
    "",
    ...day(1),
    "",
    ...day(2)
  ].join("\n");
}

/**
 * The body with the « Millésimes et pièges » section inserted right after « Les données et leurs limites »
 * (before the next `##` heading), and the datathon frame at the end.
 */
export function assembleBody(
  defi: Defi,
  body: string,
  catalogue: readonly DatasetFacts[] = DATASETS
): string {
  const lines = body.trim().split("\n");
  const limits = lines.findIndex((l) => l.trim() === "## Les données et leurs limites");
  let next = lines.findIndex((l, i) => i > limits && /^## /.test(l));
  if (next < 0) next = lines.length;
  return [
    ...lines.slice(0, next),
    ...(next > 0 && lines[next - 1]!.trim() !== "" ? [""] : []),
    vintagesAndTraps(defi, catalogue),
    "",
    ...lines.slice(next),
    "",
    datathonFrame(defi)
  ].join("\n");
}

/** The whole page `src/defis/<id>.md` (pure). */
export function renderDefiPage(
  {defi, body}: LoadedDefi,
  catalogue: readonly DatasetFacts[] = DATASETS
): string {
  return `---
title: ${JSON.stringify(defi.title)}
toc: true
---

<!-- Page générée par challenges/pages.ts à partir de challenges/${defi.id}/ : modifiez ces fichiers-là, pas celui-ci. -->

# ${escapeText(defi.title)}

${metadataBlock(defi, catalogue)}

${preambleBlock(defi, body)}

${assembleBody(defi, body, catalogue)}
`;
}

/** The gallery `src/defis/index.md` (pure). */
export function renderGallery(defis: readonly Defi[]): string {
  const cards = defis.map(
    (d) => `  <a class="card" href="./${d.id}" style="text-decoration: none; color: inherit;">
    <h2 style="color: var(--kit-blue);">${escapeText(d.title)}</h2>
    <p>${escapeText(d.summary)}</p>
    <p class="muted" style="margin-bottom: 0;">Public : ${d.audience.join(", ")} · Durée : ${formatDuration(d.durationMinutes)} · ${d.datasets.length} jeu${d.datasets.length > 1 ? "x" : ""} de données</p>
  </a>`
  );
  return `---
title: Défis
toc: false
---

<!-- Page générée par challenges/pages.ts à partir de challenges/ : ne pas modifier ici. -->

# Les défis

Chaque défi part d'une question de politique publique sur l'inclusion ou l'éducation numériques, avec ses données, ses limites, des questions pour guider l'équipe et des graphiques de départ dont le code est affiché et copiable. Pour démarrer le carnet de votre équipe : \`npm run new -- equipe <nom> --defi <défi>\`.

<div class="grid grid-cols-2">
${cards.join("\n")}
</div>
`;
}

/** Writes a file through a temporary name, and only when its content changed (no needless reload). */
async function writeIfChanged(path: string, text: string): Promise<boolean> {
  if (existsSync(path) && (await readFile(path, "utf8")) === text) return false;
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, text);
  await rename(temp, path);
  return true;
}

/**
 * Writes `src/defis/<id>.md` for every défi and the gallery `src/defis/index.md`, and removes the pages of
 * défis that no longer exist. Nothing is written when a défi is invalid.
 * @returns the paths written or removed
 * @throws DefiError naming the défi and the field
 */
export async function writeChallengePages(projectRoot: string): Promise<string[]> {
  const defis = await loadDefis(projectRoot);
  const out = pagesDir(projectRoot);
  await mkdir(out, {recursive: true});
  const changed: string[] = [];
  const expected = new Set(["index.md", ...defis.map((d) => `${d.defi.id}.md`)]);
  for (const loaded of defis) {
    const path = join(out, `${loaded.defi.id}.md`);
    if (await writeIfChanged(path, renderDefiPage(loaded))) changed.push(path);
  }
  const gallery = join(out, "index.md");
  if (await writeIfChanged(gallery, renderGallery(defis.map((d) => d.defi)))) changed.push(gallery);
  for (const file of await readdir(out)) {
    if (file.endsWith(".md") && !expected.has(file) && SLUG.test(file.slice(0, -3))) {
      await rm(join(out, file));
      changed.push(join(out, file));
    }
  }
  return changed;
}

/** `tsx challenges/pages.ts [projectRoot]`: writes the pages once and prints what changed. */
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const root = process.argv[2] ?? join(import.meta.dirname, "..");
  try {
    const changed = await writeChallengePages(root);
    console.log(`Défis : ${changed.length} page(s) écrite(s) dans src/defis/`);
  } catch (error) {
    console.error(error instanceof DefiError ? error.message : error);
    process.exitCode = 1;
  }
}
