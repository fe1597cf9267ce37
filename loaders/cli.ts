/**
 * `npm run data -- <command>`: list | fetch [id…] | load <id> --input <file> [--output <file.parquet>] | check [id…]
 * | basemap [--from <folder>].
 * Exit code 1 on any failure. Messages in French.
 */
import {checkDataset, fetchDataset, listDatasets, loadDataset} from "./commands.ts";
import {streamProgress} from "./core/progress.ts";
import {buildBasemap} from "./geo/basemap.ts";
import {DATASETS} from "./registry.ts";

const USAGE = `Usage : npm run data -- <commande>
  list                                         jeux de données, statut (réel / démonstration / absent), lignes
  fetch [id…]                                  télécharger depuis la source officielle, valider, écrire data/cache/<id>/
  fetch <id> --url <adresse>                   télécharger ce fichier-là (même validation, cache et verrou)
  fetch … --yes                                adopter un fichier dont le sha256 diffère du verrou (sinon : conservé)
                                               (portails : variables DATA_GOUV_API et DATA_EDUCATION_API)
  load <id> --input <fichier> [--output x.parquet]  charger un fichier local dans data/snapshots/<id>/ (ou seulement x.parquet)
       [--attribution "<texte>"]               source du fichier à citer sous les cartes (contours)
       [--yes]                                 charger même s'il perd plus de la moitié des lignes en place
  check [id…]                                  revalider ce qui est sur le disque (schémas, verrou)
  basemap [--from <dossier>]                   reconstruire le fond de carte livré (data/basemap/) depuis ../shared/geo`;

/** Options that take no value (`--yes`). */
const SWITCHES = new Set(["yes"]);

/** Parses `--name value` options, `--yes` switches and positional arguments. */
export function parseArgs(args: readonly string[]): {positional: string[]; flags: Record<string, string>} {
  const positional: string[] = [];
  const flags: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg.startsWith("--")) {
      const [name, inline] = arg.slice(2).split("=", 2);
      flags[name!] = inline ?? (SWITCHES.has(name!) ? "" : (args[++i] ?? ""));
    } else positional.push(arg);
  }
  return {positional, flags};
}

const log = (line: string) => console.log(line);

/** Runs the CLI; returns the exit code. */
export async function main(args: readonly string[]): Promise<number> {
  const [command, ...rest] = args;
  const {positional, flags} = parseArgs(rest);
  const ids = positional.length ? positional : DATASETS.map((d) => d.id);
  switch (command) {
    case "list": {
      const rows = await listDatasets();
      console.table(
        rows.map((r) => ({
          id: r.id,
          titre: r.title,
          producteur: r.producer,
          niveau: r.level,
          millésime: r.vintage,
          statut: r.status,
          origine: r.origin,
          lignes: r.rows
        }))
      );
      return 0;
    }
    case "load": {
      const id = positional[0];
      if (!id || !flags.input) {
        console.error(USAGE);
        return 2;
      }
      const result = await loadDataset(id, flags.input, {
        log,
        ...(flags.output ? {output: flags.output} : {}),
        ...(flags.attribution ? {attribution: flags.attribution} : {}),
        ...(flags.yes !== undefined ? {yes: true} : {})
      });
      log(`${id} : ${result.rows} lignes validées, écrit dans ${result.written}`);
      return 0;
    }
    case "fetch": {
      let failed = 0;
      // Without ids, datasets read from an npm package (communes) have nothing to download, and those with no
      // address the kit could confirm (portal "manual") are said, not counted as failures.
      for (const d of positional.length ? [] : DATASETS)
        if (d.source.portal === "manual") log(`${d.id} : non téléchargé — ${d.source.where}`);
      const fetchable = positional.length
        ? ids
        : DATASETS.filter((d) => d.source.portal !== "package" && d.source.portal !== "manual").map(
            (d) => d.id
          );
      if (flags.url !== undefined && (positional.length !== 1 || !flags.url)) {
        console.error(
          "fetch --url : donnez un seul jeu et l'adresse du fichier (fetch <id> --url <adresse>)"
        );
        return 2;
      }
      for (const id of fetchable) {
        try {
          const outcome = await fetchDataset(id, {
            log,
            progress: streamProgress(),
            ...(flags.url ? {url: flags.url} : {}),
            ...(flags.yes !== undefined ? {yes: true} : {})
          });
          // A changed file kept out (no --yes) is a failure for scripts: the user has to decide.
          if (outcome.kept) failed++;
          else log(`${id} : ${outcome.rows} lignes, cache et verrou mis à jour`);
        } catch (error) {
          failed++;
          console.error(`${id} : échec — ${(error as Error).message}`);
        }
      }
      return failed ? 1 : 0;
    }
    case "check": {
      let problems = 0;
      for (const id of ids) {
        const found = await checkDataset(id);
        problems += found.length;
        for (const p of found) console.error(p);
        if (!found.length) log(`${id} : OK`);
      }
      return problems ? 1 : 0;
    }
    case "basemap": {
      await buildBasemap({log, ...(flags.from ? {geoDir: flags.from} : {})});
      log(`fond de carte écrit dans data/basemap/`);
      return 0;
    }
    default:
      console.error(USAGE);
      return 2;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: Error) => {
      console.error(error.message);
      process.exitCode = 1;
    }
  );
}
