/**
 * What the indicator builder (/indicateurs) and the dashboard (/tableau-de-bord) read, computed at build time so
 * that those pages need no SQL engine: the communes (code, name, département, région, EPCI, population), each
 * measure of the catalogue per current commune (src/components/indicators/indicator-compute.js `communeValues`, rows of
 * arrondissements and older codes brought to today's commune through `passage-cog`), and the names of the
 * territories of every level. The pages roll those values up with `indicatorRows`.
 */
import {Dictionary, Int32, Table, Utf8, makeVector, tableToIPC, vectorFromArray} from "apache-arrow";
import JSZip from "jszip";
import {
  communeValues,
  latestPeriodKeys,
  measureFile,
  passageMap,
  withinOf
} from "../../src/components/indicators/indicator-compute.js";
import {encodeMeasure} from "../../src/components/formats/measure-codec.js";
import {measuresOf, type Measure} from "../../src/components/indicators/indicator-sql.js";
import type {DataTable} from "../core/table.ts";
import {cogDepartements, cogEpci, cogRegions} from "../geo/cog-data.ts";
import {servedMeta, servedNames, servedTable} from "./data-archive.ts";

/**
 * Arrow IPC stream of named columns: numbers as Float64 (NaN where missing), strings as Utf8, or dictionary-coded
 * when `repeated` (département, région and EPCI codes, a few distinct values over 35 000 rows).
 */
function arrowOf(
  columns: Record<string, (string | null)[] | Float64Array>,
  repeated: string[] = []
): Uint8Array {
  // (Float64Array → a Float64 vector without nulls: missing values stay NaN.)
  const vectors = Object.fromEntries(
    Object.entries(columns).map(([name, values]) => [
      name,
      values instanceof Float64Array
        ? makeVector(values)
        : vectorFromArray(
            values,
            repeated.includes(name) ? new Dictionary(new Utf8(), new Int32()) : new Utf8()
          )
    ])
  );
  return tableToIPC(new Table(vectors), "stream");
}

/**
 * Arrow IPC stream of one measure per commune: column `v` in the smallest exact type ({@link encodeMeasure});
 * for integers, the schema's metadata says how many `decimals` they carry and which value marks a `missing` one.
 */
export function measureArrow(values: Float64Array): Uint8Array {
  const encoded = encodeMeasure(values);
  const table = new Table({v: makeVector(encoded.data)});
  if ("decimals" in encoded) {
    table.schema.metadata.set("decimals", String(encoded.decimals));
    table.schema.metadata.set("missing", String(encoded.missing));
  }
  return tableToIPC(table, "stream");
}

const numbers = (values: readonly unknown[]) =>
  Float64Array.from(values, (v) => (v === null || v === undefined ? NaN : Number(v)));
const strings = (values: readonly unknown[]) =>
  values.map((v) => (v === null || v === undefined ? null : String(v)));

/** Names of the départements, régions (collectivités d'outre-mer included) and EPCI, by code. */
export function territoryNames(): Record<"departement" | "region" | "epci", Record<string, string>> {
  const byCode = (rows: {code: string; nom: string}[]) =>
    Object.fromEntries(rows.map((r) => [r.code, r.nom]));
  return {departement: byCode(cogDepartements()), region: byCode(cogRegions()), epci: byCode(cogEpci())};
}

/** Every measure the builder offers (the catalogue's numeric columns and row counts by commune). */
export async function indicatorMeasures(names: readonly string[] = servedNames()): Promise<Measure[]> {
  const out: Measure[] = [];
  for (const name of names) out.push(...measuresOf(await servedMeta(name)));
  return out;
}

/**
 * The archive `src/data/indicateurs.zip`: `communes.arrow`, `communes-noms.arrow`, `noms.json` and one `<measure>.arrow` (a single
 * column `v`, one row per commune of `communes.arrow`, written by {@link measureArrow}) per measure; a measure of a
 * table of several years (its `period`) is computed on the latest year only.
 */
export async function indicatorArchive(names: readonly string[] = servedNames()): Promise<Uint8Array> {
  const measures = await indicatorMeasures(names);
  const communes = await servedTable("communes");
  const codes = strings(communes.values.code!) as string[];
  const passage = await servedTable("passage-cog");
  const mapping = passageMap(strings(passage.values.ancien_code!), strings(passage.values.code_commune!));
  const zip = new JSZip();
  zip.file(
    "communes.arrow",
    arrowOf(
      {
        code: codes,
        departement: strings(communes.values.departement!),
        region: strings(communes.values.region!),
        epci: strings(communes.values.epci!),
        population: numbers(communes.values.population!)
      },
      ["departement", "region", "epci"]
    )
  );
  zip.file("communes-noms.arrow", arrowOf({nom: strings(communes.values.nom!)}));
  zip.file("noms.json", JSON.stringify(territoryNames()));
  const tables = new Map<string, DataTable>([["communes", communes]]);
  for (const m of measures) {
    if (!tables.has(m.table)) tables.set(m.table, await servedTable(m.table));
    const table = tables.get(m.table)!;
    // A table of several years is read for its latest year (a count of pupils is not added across rentrées).
    const keys = strings(table.values[m.key]!);
    const values = communeValues(
      codes,
      m.period ? latestPeriodKeys(keys, table.values[m.period.column] ?? []).keys : keys,
      m.column === "*" ? null : (table.values[m.column]! as (number | null)[]),
      withinOf(m),
      m.table === "communes" ? null : mapping
    );
    zip.file(measureFile(m.value), measureArrow(values));
  }
  return zip.generateAsync({type: "uint8array", compression: "STORE"});
}
