/**
 * `npm run test:e2e:real`: the same browser tests once the real extracts of ../shared/data are loaded as
 * snapshots (`npm run data -- load <id> --input <file>` for each), so that every page is also checked on real
 * files and not only on the offline default. Skips with a message where ../shared is absent (a fork). The
 * snapshots it writes are removed afterwards; snapshots that were already there are left alone (it refuses to
 * run over them).
 */
import {execFileSync} from "node:child_process";
import {existsSync, readdirSync, rmSync} from "node:fs";
import {join, resolve} from "node:path";

const projectRoot = resolve(import.meta.dirname, "..", "..");
const shared = resolve(projectRoot, "..", "shared", "data");
const snapshots = join(projectRoot, "data", "snapshots");

/** The real extract loaded for each dataset (paths under ../shared/data; see each folder's SOURCE.md). */
export const REAL_EXTRACTS: Record<string, string> = {
  "fragilite-numerique": "indice-fragilite-numerique/ifn_mednum_tableau_long.parquet",
  "lieux-mediation-numerique": "lieux-mediation-numerique/lieux_hinaura_aura_2023.json",
  "conseillers-numeriques": "conseillers-numeriques/cnfs_structures_2021-06.json",
  "france-services": "france-services/liste-fs-20240801.csv",
  "couverture-thd": "arcep-debit-communes/commune-debit-beta.csv",
  pauvrete: "insee-filosofi-derived/taux_pauvrete_commune.csv",
  "annuaire-education": "annuaire-education/fr-en-annuaire-education_dep35.csv",
  ips: "ips-ecoles/fr-en-ips_ecoles.csv",
  "effectifs-ecoles": "effectifs-ecoles/fr-en-ecoles-effectifs-nb_classes_dep35.csv"
};

function main(args: string[]): number {
  if (!existsSync(shared)) {
    console.log("e2e (données réelles) : SKIPPED — ../shared/data absent.");
    return 0;
  }
  if (existsSync(snapshots) && readdirSync(snapshots).length > 0) {
    console.error("e2e (données réelles) : data/snapshots/ n'est pas vide ; ce test ne l'écrase pas.");
    return 1;
  }
  const npm = (...command: string[]) => execFileSync("npm", command, {cwd: projectRoot, stdio: "inherit"});
  try {
    for (const [id, file] of Object.entries(REAL_EXTRACTS)) {
      const input = join(shared, file);
      if (!existsSync(input)) {
        console.log(`${id} : ${file} absent, jeu laissé par défaut`);
        continue;
      }
      npm("run", "data", "--silent", "--", "load", id, "--input", input);
    }
    npm("run", "test:e2e", "--", "--real-data", ...args);
    return 0;
  } catch {
    return 1;
  } finally {
    rmSync(snapshots, {recursive: true, force: true});
  }
}

process.exitCode = main(process.argv.slice(2));
