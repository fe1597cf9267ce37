/**
 * What `npm run new` writes (pure functions; the I/O is in scripts/new.ts): a team notebook prefilled with a
 * défi's starter cells, and the skeleton of a new défi for organisers.
 */
import {BODY_SECTIONS, preambleBlock} from "./pages.ts";
import {SLUG, type Defi} from "./types.ts";

/** A name refused by `npm run new`; the message is in French. */
export class NewNameError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "NewNameError";
  }
}

/**
 * The file name of a team notebook from the team's name: lower case, accents removed, spaces → hyphens
 * (« Les Zèbres » → `les-zebres`).
 * @throws NewNameError when the name holds anything but letters, digits, spaces, hyphens and apostrophes
 */
export function teamSlug(name: string): string {
  const trimmed = name.trim();
  if (!/^[\p{L}\p{N}][\p{L}\p{N} _'’-]*$/u.test(trimmed))
    throw new NewNameError(
      `Nom d'équipe invalide : « ${name} ». Utilisez des lettres, des chiffres, des espaces ou des tirets (par exemple « Les Zèbres »).`
    );
  const slug = trimmed
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (!SLUG.test(slug) || slug.length > 60)
    throw new NewNameError(
      `Nom d'équipe invalide : « ${name} » (il doit commencer par une lettre et faire au plus 60 caractères).`
    );
  return slug;
}

/** Checks a défi id for `npm run new -- defi <id>`. @throws NewNameError */
export function checkDefiId(id: string): string {
  if (!SLUG.test(id) || id.length > 60)
    throw new NewNameError(
      `Identifiant de défi invalide : « ${id} ». Minuscules sans accents, chiffres et tirets, en commençant par une lettre (par exemple « mobilite-numerique »).`
    );
  return id;
}

const FENCE = /^```/;

/**
 * The starter cells of a défi body: every ```js cell, in order, under the `##` heading of its section (the
 * French sections of context, limits, questions and ideas are left on the défi page). `echo` is dropped: in
 * the team's notebook the code is in the file itself.
 */
export function starterCells(body: string): string {
  const lines = body.split("\n");
  const out: string[] = [];
  let heading: string | null = null;
  let headingWritten = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (/^##\s/.test(line)) {
      heading = (BODY_SECTIONS as readonly string[]).includes(line.trim()) ? null : line.trim();
      headingWritten = false;
      continue;
    }
    const open = /^```js(\s|$)/.exec(line);
    if (!open) continue;
    const cell = ["```js"];
    for (i++; i < lines.length && !FENCE.test(lines[i] as string); i++) cell.push(lines[i] as string);
    cell.push("```");
    if (heading && !headingWritten) {
      out.push(heading, "");
      headingWritten = true;
    }
    out.push(cell.join("\n"), "");
  }
  return out.join("\n").trim() + "\n";
}

/** The team notebook `src/equipes/<slug>.md`: the défi's generated preamble, then its starter cells. */
export function renderTeamNotebook(team: string, defi: Defi, body: string): string {
  const title = `Équipe ${team.trim()}`;
  return `---
title: ${JSON.stringify(title)}
toc: true
---

# ${title}

Défi : [${defi.title}](../defis/${defi.id}). ${defi.question}

Ce carnet est le vôtre : modifiez les blocs de code, ajoutez les vôtres ; la page se recharge à chaque enregistrement (\`npm run dev\`). Les données : [catalogue](../donnees/).

${starterCells(`${preambleBlock(defi, body)}\n\n${body}`)}
## Nos conclusions

À écrire : ce que montrent nos graphiques, leurs limites, et ce que nous recommandons.
`;
}

/** The skeleton of a new défi: `challenges/<id>/defi.ts` and `challenges/<id>/page.md`. */
export function renderDefiScaffold(id: string): {defiTs: string; pageMd: string} {
  const defiTs = `import type {Defi} from "../types.ts";

export const defi: Defi = {
  id: ${JSON.stringify(id)},
  title: "Titre du défi",
  summary: "Une phrase qui dit ce que les équipes vont faire.",
  question: "Quelle question de politique publique ce défi pose-t-il ?",
  // Identifiants du catalogue (loaders/registry.ts) : communes, fragilite-numerique, france-services…
  datasets: ["communes"],
  levels: ["commune", "departement"],
  audience: ["datathon"],
  durationMinutes: 120,
  // Cadre du datathon (challenges/types.ts) : livrable, jury sur 20, programme de deux jours (4 à 7 h par jour).
  deliverable: ["Ce que les équipes remettent au jury."],
  jury: [
    {criterion: "Lecture juste des données (millésimes, pièges évités)", points: 8},
    {criterion: "Réponse argumentée à la question", points: 8},
    {criterion: "Clarté et reproductibilité", points: 4}
  ],
  programme: [
    {day: 1, minutes: 120, step: "Lire les données"},
    {day: 1, minutes: 180, step: "Calculer les indicateurs"},
    {day: 2, minutes: 180, step: "Rédiger les conclusions"},
    {day: 2, minutes: 60, step: "Restitution devant le jury"}
  ],
  demoData: {meaningful: true, note: "Dire si le défi a un sens sur les données de démonstration."},
  // Pièges de méthode (challenges/traps.ts) qui s'appliquent.
  traps: ["ecological-fallacy"]
};
`;
  // The imports, metadata and demonstration banner are generated from \`datasets\` (challenges/pages.ts).
  const pageMd = `## Contexte

Pourquoi la question compte pour une collectivité ou pour l'État.

## Les données et leurs limites

- **Communes** (COG 2026) : population municipale, codes des départements et des EPCI.

## Démarrer : les données

\`\`\`js echo
const communes = await FileAttachment("../data/donnees/communes.arrow").arrow();
\`\`\`

## Graphique 1

\`\`\`js echo
display(
  Plot.plot({
    title: "Population par département",
    marginLeft: 40,
    x: {label: "Habitants", grid: true, tickFormat: (d) => formatNumber(d)},
    marks: [Plot.barX(communes, Plot.groupY({x: "sum"}, {y: "departement", x: "population", sort: {y: "-x"}, fill: "#000091"}))]
  })
);
\`\`\`

## Questions pour guider

1. Première question.

## Pour aller plus loin

- Une piste.
`;
  return {defiTs, pageMd};
}
