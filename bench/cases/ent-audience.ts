/**
 * Bench case: 10,000,000 rows of ENT audience (UAI × week, DNMA "appareils" columns) generated as a `;` CSV with
 * BOM, streamed to disk (never held in memory), then loaded through the dataset's streaming path (DuckDB,
 * bounded memory): checks, aggregates per département × week and per establishment × school year, and the
 * row-level Parquet.
 */
import {createWriteStream} from "node:fs";
import {join} from "node:path";
import {mulberry32} from "../../loaders/core/prng.ts";
import {makeUai, uaiPrefix} from "../../loaders/education/codes.ts";
import {streamEntAudience} from "../../loaders/education/ent-stream.ts";
import type {DepartementCode} from "../../loaders/core/codes.ts";
import type {BenchCase} from "../types.ts";

const ROWS = 10_000_000;
const WEEKS = 200;

/** Mondays from 2 September 2019, one per week. */
function mondays(n: number): string[] {
  const start = Date.UTC(2019, 8, 2);
  return Array.from({length: n}, (_, i) => new Date(start + i * 7 * 86_400_000).toISOString().slice(0, 10));
}

async function generate(file: string): Promise<void> {
  const random = mulberry32(2022);
  const deps = Array.from({length: 95}, (_, i) => String(i + 1).padStart(2, "0"))
    .filter((d) => d !== "20")
    .concat(["2A", "2B", "971", "972", "973", "974", "976"]) as DepartementCode[];
  const schools = Array.from({length: Math.ceil(ROWS / WEEKS)}, (_, i) =>
    makeUai(`${uaiPrefix(deps[i % deps.length]!)}${String(Math.floor(i / deps.length)).padStart(4, "0")}`)
  );
  const weeks = mondays(WEEKS);
  const out = createWriteStream(file);
  out.write(
    "\uFEFFdebutsemaine;uai;academie;secteur;visites_ordinateur;visites_smartphone;visites_tablette;visites_autreappareil;utilisateurs_ordinateur\n"
  );
  let written = 0;
  let chunk = "";
  for (const week of weeks) {
    for (const uai of schools) {
      if (written === ROWS) break;
      const base = Math.floor(random() * 4000);
      chunk += `${week};${uai};Académie;PU;${base};${base >> 1};${base >> 4};${base >> 6};${base >> 3}\n`;
      written++;
      if (chunk.length > 1 << 20) {
        if (!out.write(chunk)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
        chunk = "";
      }
    }
  }
  out.end(chunk);
  await new Promise<void>((resolve) => out.on("finish", () => resolve()));
}

export const entAudienceBench: BenchCase = {
  name: "ent-audience",
  description: `${ROWS.toLocaleString("fr-FR")} lignes ENT (UAI × semaine) → agrégats + Parquet, en mémoire bornée`,
  prepare: async (dir) => {
    const file = join(dir, "ent-audience.csv");
    await generate(file);
    return file;
  },
  variants: {
    "ent-audience (DuckDB en flux, limite 1 Go)": async (input, dir) =>
      (await streamEntAudience(input, {rowsParquet: join(dir, "rows-1g.parquet"), memoryLimit: "1GB"})).rows,
    "ent-audience (DuckDB en flux, limite 256 Mo)": async (input, dir) =>
      (await streamEntAudience(input, {rowsParquet: join(dir, "rows-256m.parquet"), memoryLimit: "256MB"}))
        .rows
  }
};
