/**
 * `npm run test:e2e:real`: the same browser tests once the real extracts of ../shared/data are loaded as
 * snapshots (`npm run data -- load <id> --input <file>` for each), and the official contours of ../shared/geo
 * (`npm run data -- load contours --input <file or folder>`, one level after the other into one snapshot), so
 * that every page is also checked on real files and the maps of communes and EPCI are drawn, not only the
 * offline default. Skips with a message where ../shared is absent (a fork). The snapshots it writes are removed
 * afterwards; snapshots that were already there are left alone (it refuses to run over them).
 *
 * Arguments are passed on to test/e2e/run.ts (e.g. `--only /cartes`).
 */
import {execFileSync} from "node:child_process";
import {existsSync, readdirSync, rmSync} from "node:fs";
import {join, resolve} from "node:path";

const projectRoot = resolve(import.meta.dirname, "..", "..");
const shared = resolve(projectRoot, "..", "shared", "data");
const sharedGeo = resolve(projectRoot, "..", "shared", "geo");
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

/** Attribution that ../shared/geo/bellice-ngeofr-maps/SOURCE.md asks for (IGN upstream, then the repository). */
const BELLICE = "IGN – ADMIN EXPRESS COG 2025 (Licence Ouverte 2.0) ; bellice/ngeofr-maps (MIT)";

/**
 * The official contours loaded, in this order, into the `contours` snapshot (paths under ../shared/geo; see
 * each folder's SOURCE.md), each with the attribution its SOURCE.md asks for (`--attribution`): one input per
 * level, the formats a user meets. (A folder of per-département files is covered by test/loaders/geo/.)
 */
export const REAL_CONTOURS: {level: string; input: string; attribution: string}[] = [
  // All communes of France (34,868, DROM at real positions), COG 2018 geometry of gregoiredavid/france-geojson
  // already keyed by COG 2026 codes: TopoJSON, WGS 84, features keyed by id (../shared/geo/derived/SOURCE.md).
  {
    level: "commune",
    input: "derived/communes-cog2026-from2018-ms5pct.topo.json",
    attribution:
      "IGN – Admin Express COG 2018 ; INSEE COG 2018 ; mise en forme gregoiredavid/france-geojson (Licence Ouverte), codes ramenés au COG 2026 et simplifiés (mapshaper)"
  },
  // IGN ADMIN EXPRESS COG 2025 via bellice/ngeofr-maps: GeoParquet, Lambert-93, DROM already placed as insets.
  {
    level: "epci",
    input: "bellice-ngeofr-maps/frdrom-compact/epci-frdrom-compact-2025-surface-gen.parquet",
    attribution: BELLICE
  },
  {
    level: "departement",
    input: "bellice-ngeofr-maps/frdrom-compact/dep-frdrom-compact-2025-surface-gen.parquet",
    attribution: BELLICE
  }
];

type Npm = (...command: string[]) => void;

/** Loads the real extracts present; true when ../shared/data is there. */
function loadExtracts(npm: Npm): boolean {
  if (!existsSync(shared)) {
    console.log("données réelles : ../shared/data absent, jeux laissés par défaut");
    return false;
  }
  for (const [id, file] of Object.entries(REAL_EXTRACTS)) {
    const input = join(shared, file);
    if (!existsSync(input)) {
      console.log(`${id} : ${file} absent, jeu laissé par défaut`);
      continue;
    }
    npm("run", "data", "--silent", "--", "load", id, "--input", input);
  }
  return true;
}

/** Loads the contours of every level; true when all of them were there (the maps can then be checked). */
function loadContours(npm: Npm): boolean {
  const missing = REAL_CONTOURS.filter(({input}) => !existsSync(join(sharedGeo, input)));
  if (missing.length > 0) {
    const what = missing.map(({level, input}) => `${level} (../shared/geo/${input})`).join(", ");
    console.log(`contours : ${what} absent(s), cartes des communes et des EPCI non vérifiées`);
    return false;
  }
  for (const {input, attribution} of REAL_CONTOURS) {
    const file = join(sharedGeo, input);
    npm("run", "data", "--silent", "--", "load", "contours", "--input", file, "--attribution", attribution);
  }
  return true;
}

function main(args: string[]): number {
  if (!existsSync(shared) && !existsSync(sharedGeo)) {
    console.log("e2e (données réelles) : SKIPPED — ../shared/data et ../shared/geo absents.");
    return 0;
  }
  if (existsSync(snapshots) && readdirSync(snapshots).length > 0) {
    console.error("e2e (données réelles) : data/snapshots/ n'est pas vide ; ce test ne l'écrase pas.");
    return 1;
  }
  const npm: Npm = (...command) => execFileSync("npm", command, {cwd: projectRoot, stdio: "inherit"});
  try {
    const flags = [
      ...(loadExtracts(npm) ? ["--real-data"] : []),
      ...(loadContours(npm) ? ["--contours"] : [])
    ];
    npm("run", "test:e2e", "--", ...flags, ...args);
    return 0;
  } catch {
    return 1;
  } finally {
    rmSync(snapshots, {recursive: true, force: true});
  }
}

process.exitCode = main(process.argv.slice(2));
