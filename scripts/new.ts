/**
 * `npm run new`: starts a team notebook or a new défi.
 *
 *   npm run new -- equipe <nom> --defi <id>   → src/equipes/<slug>.md, prefilled with the défi's starter cells
 *   npm run new -- defi <id>                  → challenges/<id>/defi.ts and challenges/<id>/page.md
 *
 * Refuses, with a French message and a non-zero exit code, an invalid name, an existing file or an unknown défi.
 */
import {existsSync} from "node:fs";
import {mkdir, writeFile} from "node:fs/promises";
import {join, relative, resolve} from "node:path";
import {pathToFileURL} from "node:url";
import {
  checkDefiId,
  NewNameError,
  renderDefiScaffold,
  renderTeamNotebook,
  teamSlug
} from "../challenges/notebook.ts";
import {challengesDir, defiIds, loadDefi} from "../challenges/pages.ts";
import {DefiError} from "../challenges/types.ts";

const USAGE = `Utilisation :
  npm run new -- equipe <nom> --defi <défi>   crée le carnet de l'équipe (src/equipes/<nom>.md)
  npm run new -- defi <identifiant>           crée un nouveau défi (challenges/<identifiant>/)`;

/** Creates the notebook of team `name` for défi `defiId`; returns its path. @throws NewNameError, DefiError */
export async function newTeamNotebook(projectRoot: string, name: string, defiId: string): Promise<string> {
  const slug = teamSlug(name);
  const ids = await defiIds(projectRoot);
  if (!ids.includes(defiId))
    throw new NewNameError(`Défi inconnu : « ${defiId} ». Défis disponibles : ${ids.join(", ") || "aucun"}.`);
  const path = join(projectRoot, "src", "equipes", `${slug}.md`);
  if (existsSync(path))
    throw new NewNameError(
      `Le carnet ${relative(projectRoot, path)} existe déjà : choisissez un autre nom d'équipe, ou ouvrez ce fichier.`
    );
  const {defi, body} = await loadDefi(projectRoot, defiId);
  await mkdir(join(projectRoot, "src", "equipes"), {recursive: true});
  await writeFile(path, renderTeamNotebook(name, defi, body), {flag: "wx"});
  return path;
}

/** Creates the skeleton of défi `id`; returns the folder. @throws NewNameError */
export async function newDefi(projectRoot: string, id: string): Promise<string> {
  checkDefiId(id);
  const folder = join(challengesDir(projectRoot), id);
  if (existsSync(folder))
    throw new NewNameError(
      `Le défi « ${id} » existe déjà (${relative(projectRoot, folder)}) : choisissez un autre identifiant.`
    );
  const {defiTs, pageMd} = renderDefiScaffold(id);
  await mkdir(folder, {recursive: true});
  await writeFile(join(folder, "defi.ts"), defiTs, {flag: "wx"});
  await writeFile(join(folder, "page.md"), pageMd, {flag: "wx"});
  return folder;
}

/** Runs the command line; returns the exit code. */
export async function main(args: string[], projectRoot: string, log = console.log, error = console.error) {
  const [kind, name, ...rest] = args;
  try {
    if (kind === "equipe" && name) {
      const at = rest.indexOf("--defi");
      const defiId = at >= 0 ? rest[at + 1] : undefined;
      if (!defiId) {
        error(
          `Précisez le défi de l'équipe : --defi <défi> (défis : ${(await defiIds(projectRoot)).join(", ")}).`
        );
        return 2;
      }
      const path = await newTeamNotebook(projectRoot, name, defiId);
      log(
        `Carnet créé : ${relative(projectRoot, path)}. Lancez « npm run dev » et ouvrez la page dans la rubrique Équipes.`
      );
      return 0;
    }
    if (kind === "defi" && name) {
      const folder = await newDefi(projectRoot, name);
      log(
        `Défi créé : ${relative(projectRoot, folder)}/ (defi.ts et page.md). Complétez-les ; la page /defis/${name} apparaît avec « npm run dev ».`
      );
      return 0;
    }
    error(USAGE);
    return 2;
  } catch (e) {
    if (e instanceof NewNameError || e instanceof DefiError) {
      error(e.message);
      return 1;
    }
    throw e;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  process.exitCode = await main(process.argv.slice(2), resolve(import.meta.dirname, ".."));
}
