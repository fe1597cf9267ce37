/**
 * Bench case: a 1,000,000-row French-format CSV (`;`, decimal commas, thousands spaces, codes with leading zeros)
 * converted by DuckDB's raw `COPY (SELECT * FROM read_csv(...)) TO 'x.parquet'` (the reference), by the library's
 * validation alone (each cell validated and normalised in DuckDB SQL, as `data load <id> --input x.csv --output
 * x.parquet`), by the whole `data load` path (meta.json, `.arrow` and `.parquet` of the folder the site reads),
 * and by the light path (csv-parse + validation in JavaScript). Three runs each, taking turns; then the ratios.
 */
import {createWriteStream} from "node:fs";
import {mkdtemp} from "node:fs/promises";
import {join} from "node:path";
import type {DatasetDeclaration} from "../../loaders/core/dataset.ts";
import {convertToParquet, loadDeclaration} from "../../loaders/commands.ts";
import {withDuckDB, sqlString} from "../../loaders/core/duckdb.ts";
import {ingestFile} from "../../loaders/core/ingest.ts";
import {writeParquetAtomic} from "../../loaders/core/outputs.ts";
import {kitPaths} from "../../loaders/core/paths.ts";
import {mulberry32} from "../../loaders/core/prng.ts";
import {generatedDeclaration} from "../../loaders/core/generated-declaration.ts";
import type {BenchCase} from "../types.ts";

const ROWS = 1_000_000;

/** The declaration used to convert the generated file. */
export const benchDataset: DatasetDeclaration = generatedDeclaration(
  "bench",
  [
    {name: "code_commune", type: "code", code: "commune", description: "Code commune", nullable: false},
    {
      name: "code_departement",
      type: "code",
      code: "departement",
      description: "Département",
      nullable: false
    },
    {name: "libelle", type: "string", description: "Libellé", nullable: true},
    {name: "valeur", type: "number", description: "Valeur décimale", nullable: true},
    {name: "effectif", type: "integer", description: "Effectif", nullable: true}
  ],
  {title: "Bench", description: "Fichier généré pour le banc d'essai", csv: {delimiter: ";"}}
);

async function generate(file: string): Promise<void> {
  const random = mulberry32(42);
  const out = createWriteStream(file);
  out.write("code_commune;code_departement;libelle;valeur;effectif\n");
  for (let i = 0; i < ROWS; i++) {
    const n = 1 + Math.floor(random() * 95);
    const dep = n === 20 ? (random() < 0.5 ? "2A" : "2B") : String(n).padStart(2, "0");
    const code = `${dep}${String(Math.floor(random() * 999) + 1).padStart(3, "0")}`;
    const value = (random() * 10_000).toFixed(2).replace(".", ",");
    const count = Math.floor(random() * 2_000_000);
    const countText = count.toLocaleString("fr-FR").replace(/\u202f/g, " ");
    const line = `${code};0${dep};Ligne ${i};${value};${countText}\n`;
    if (!out.write(line)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
  }
  out.end();
  await new Promise<void>((resolve) => out.on("finish", () => resolve()));
}

const RAW = "DuckDB brut (COPY read_csv → parquet)";
const VALIDATION = "validation seule (DuckDB SQL → .parquet)";
const LOAD = "chemin complet de load (.arrow, .parquet, meta)";

export const csv1m: BenchCase = {
  name: "csv-1m",
  description: `${ROWS.toLocaleString("fr-FR")} lignes CSV françaises → Parquet`,
  prepare: async (dir) => {
    const file = join(dir, "input.csv");
    await generate(file);
    return file;
  },
  runs: 3,
  variants: {
    [RAW]: async (input, dir) =>
      withDuckDB(async (connection) => {
        const out = join(dir, "raw.parquet");
        await connection.run(
          `COPY (SELECT * FROM read_csv(${sqlString(input)})) TO ${sqlString(out)} (FORMAT parquet)`
        );
        const count = await connection.runAndReadAll(`SELECT count(*) FROM read_parquet(${sqlString(out)})`);
        return Number(count.getRows()[0]![0]);
      }),
    [VALIDATION]: async (input, dir) =>
      convertToParquet(benchDataset, input, join(dir, "lib-duckdb.parquet"), {heavyThreshold: 0}),
    // What `npm run data -- load bench --input input.csv` does (hash, validation, COG report, meta.json, .arrow
    // and .parquet written atomically), in a kit of its own; the SQL path is asked for, as for files over 64 MB.
    [LOAD]: async (input, dir) => {
      const paths = kitPaths(await mkdtemp(join(dir, "kit-")));
      return (await loadDeclaration(benchDataset, input, {paths, heavyThreshold: 0})).rows;
    },
    "chemin léger (csv-parse + validation → .parquet)": async (input, dir) => {
      const result = await ingestFile(benchDataset, input, {heavyThreshold: Number.POSITIVE_INFINITY});
      await writeParquetAtomic(result.table, join(dir, "lib-light.parquet"));
      return result.table.rowCount;
    }
  },
  ratios: [
    {label: "validation seule / DuckDB brut", of: VALIDATION, to: RAW},
    {label: "chemin complet de load / DuckDB brut", of: LOAD, to: RAW}
  ]
};
