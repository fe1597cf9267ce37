/**
 * The streaming path of `ent-audience` (ENT visits per UAI and week, millions of rows): DuckDB in Node reads
 * the CSV, checks it and aggregates it without ever holding the rows in JavaScript, under a memory limit
 * (DuckDB spills to a temporary folder beyond it). The site only gets aggregates:
 * - per département and week (the main table, a few tens of thousands of rows);
 * - per establishment and school year (part `etablissements`).
 * The normalised row-level table is written to Parquet on the way (kept when `rowsParquet` names a file).
 *
 * Bad rows are counted in one pass; when there are some, the first ones are listed with their line (header
 * line + row number: exact for files without quoted line breaks, as in the core's DuckDB path) and column.
 */
import {mkdtemp, open, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {basename, join} from "node:path";
import type {DuckDBConnection} from "@duckdb/node-api";
import {detectDelimiter} from "../core/csv.ts";
import {sqlIdentifier, sqlString, withDuckDB} from "../core/duckdb.ts";
import {ValidationError, type Issue} from "../core/issues.ts";
import type {ColumnSummary} from "../core/schema.ts";
import {tableFromRows, type Cell, type DataTable} from "../core/table.ts";
import {mapHeader, warnUnknownColumns, type ColumnVocabulary} from "./columns.ts";

/** Device columns of the DNMA "appareils" file, canonical names. */
export const ENT_DEVICES = [
  "visites_ordinateur",
  "visites_smartphone",
  "visites_tablette",
  "visites_autre"
] as const;

/** Every known spelling of the columns the kit reads, and the context columns it does not keep. */
export const ENT_VOCABULARY: ColumnVocabulary = {
  aliases: {
    uai: ["uai", "UAI", "code_uai"],
    semaine: ["debutsemaine", "debutSemaine", "debut_semaine", "Début de semaine", "semaine"],
    visites_ordinateur: ["visites_ordinateur"],
    visites_smartphone: ["visites_smartphone"],
    visites_tablette: ["visites_tablette"],
    visites_autre: [
      "visites_autreappareil",
      "visites_autresappareil",
      "visites_autre_appareil",
      "visites_autre"
    ],
    visites: ["visites_globales", "visites", "visites_total"]
  },
  ignored: [
    "academie",
    "commune",
    "departement",
    "region",
    "ministere",
    "circonscription",
    "nature_uai",
    "secteur",
    "utilisateurs_*",
    "duree_*",
    "visites_navigateur_*",
    "visites_os_*"
  ]
};

/** Options of {@link streamEntAudience}. */
export interface EntStreamOptions {
  /** Dataset id used in messages and table names (default `ent-audience`). */
  dataset?: string;
  /** DuckDB memory limit (default `1GB`); beyond it DuckDB spills to a temporary folder. */
  memoryLimit?: string;
  /** DuckDB threads (default 2). */
  threads?: number;
  /** Where to keep the normalised rows (uai, semaine, departement, visits) as Parquet (zstd); a temporary file otherwise. */
  rowsParquet?: string;
  /** Bad rows listed in the error (default 50). */
  maxIssues?: number;
}

/** What the streaming path returns. */
export interface EntAggregates {
  /** Per département and week. */
  weekly: DataTable;
  /** Per establishment and school year. */
  schools: DataTable;
  /** Rows read. */
  rows: number;
}

/** Columns of the weekly table. */
export const ENT_WEEKLY_COLUMNS: readonly ColumnSummary[] = [
  {name: "departement", type: "code"},
  {name: "semaine", type: "date"},
  {name: "etablissements", type: "integer"},
  {name: "visites", type: "number"},
  ...ENT_DEVICES.map((name) => ({name, type: "number" as const}))
];

/** Columns of the per-establishment table. */
export const ENT_SCHOOL_COLUMNS: readonly ColumnSummary[] = [
  {name: "uai", type: "string"},
  {name: "annee_scolaire", type: "integer"},
  {name: "departement", type: "code"},
  {name: "semaines", type: "integer"},
  {name: "visites", type: "number"},
  ...ENT_DEVICES.map((name) => ({name, type: "number" as const}))
];

/**
 * SQL giving the département of a UAI column: `620…` → 2A, `720…` → 2B, `97x…` → 97x, `0xx…` → xx, else NULL.
 * The same rule as `departementOfUai` (tested against it).
 */
export function departementOfUaiSql(uai: string): string {
  const p = `substr(${uai}, 1, 3)`;
  return `CASE WHEN ${p} = '620' THEN '2A' WHEN ${p} = '720' THEN '2B'
    WHEN regexp_full_match(${p}, '97[1-6]') THEN ${p}
    WHEN regexp_full_match(${p}, '0(0[1-9]|[1-8][0-9]|9[0-5])') AND ${p} <> '020' THEN substr(${uai}, 2, 2)
    ELSE NULL END`;
}

async function firstLine(path: string): Promise<string> {
  const handle = await open(path, "r");
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const {bytesRead} = await handle.read(buffer, 0, buffer.length, 0);
    return (
      buffer
        .subarray(0, bytesRead)
        .toString("utf8")
        .replace(/^\uFEFF/, "")
        .split(/\r?\n/)[0] ?? ""
    );
  } finally {
    await handle.close();
  }
}

const jsNumber = (value: unknown): Cell => (typeof value === "bigint" ? Number(value) : (value as Cell));

async function readAll(connection: DuckDBConnection, sql: string): Promise<Record<string, Cell>[]> {
  const reader = await connection.runAndReadAll(sql);
  return reader.getRowObjectsJS().map((row) => {
    const out: Record<string, Cell> = {};
    for (const [k, v] of Object.entries(row))
      out[k] = v instanceof Date ? v.toISOString().slice(0, 10) : jsNumber(v);
    return out;
  });
}

/**
 * Reads, checks and aggregates an ENT audience CSV in bounded memory.
 * @throws ValidationError listing the first bad rows (dataset, file, line, column, value); nothing is written.
 */
export async function streamEntAudience(
  path: string,
  options: EntStreamOptions = {}
): Promise<EntAggregates> {
  const dataset = options.dataset ?? "ent-audience";
  const file = basename(path);
  const headerLine = await firstLine(path);
  const delimiter = detectDelimiter(headerLine);
  const header = headerLine.split(delimiter).map((h) => h.trim().replace(/^"|"$/g, ""));
  const mapping = mapHeader(header, ENT_VOCABULARY);
  warnUnknownColumns(dataset, file, mapping.unknown);
  const source = new Map([...mapping.rename].map(([from, to]) => [to, from]));
  const missing = ["uai", "semaine"].filter((c) => !source.has(c));
  const devices = ENT_DEVICES.filter((d) => source.has(d));
  if (!source.has("visites") && devices.length === 0) missing.push("visites ou visites_<appareil>");
  if (missing.length > 0) {
    const issues = missing.map((column): Issue => ({
      dataset,
      file,
      line: 1,
      column,
      value: "",
      message: "colonne obligatoire absente"
    }));
    throw new ValidationError(issues);
  }
  const col = (name: string) => sqlIdentifier(source.get(name)!);
  const countCols = [...devices, ...(source.has("visites") ? ["visites"] : [])];
  const temp = await mkdtemp(join(tmpdir(), "tdathack-ent-"));
  try {
    return await withDuckDB(async (db) => {
      await db.run(`SET memory_limit = ${sqlString(options.memoryLimit ?? "1GB")}`);
      await db.run(`SET threads = ${options.threads ?? 2}`);
      await db.run(`SET temp_directory = ${sqlString(temp)}`);
      await db.run(
        `CREATE VIEW src AS SELECT * FROM read_csv(${sqlString(path)}, all_varchar = true, header = true, delim = ${sqlString(delimiter)}, quote = '"')`
      );
      const date = `COALESCE(TRY_CAST(trim(${col("semaine")}) AS DATE), CAST(try_strptime(trim(${col("semaine")}), '%d/%m/%Y') AS DATE))`;
      const count = (c: string) => `TRY_CAST(NULLIF(trim(${col(c)}), '') AS BIGINT)`;
      const checks: [string, string][] = [
        ["uai", `NOT regexp_full_match(upper(trim(coalesce(${col("uai")}, ''))), '[0-9]{7}[A-Z]')`],
        ["semaine", `${date} IS NULL`],
        ...countCols.map((c): [string, string] => [
          c,
          `(trim(coalesce(${col(c)}, '')) <> '' AND coalesce(${count(c)}, -1) < 0)`
        ])
      ];
      const [tally] = await readAll(
        db,
        `SELECT count(*) AS n, ${checks.map(([, sql], i) => `count(*) FILTER (WHERE ${sql}) AS bad${i}`).join(", ")} FROM src`
      );
      const rows = Number(tally!.n);
      const bad = checks.filter((_, i) => Number(tally![`bad${i}`]) > 0);
      if (bad.length > 0)
        throw new ValidationError(await listIssues(db, dataset, file, bad, col, options.maxIssues ?? 50));

      await db.run("SET preserve_insertion_order = false");
      const total = source.has("visites")
        ? count("visites")
        : devices.map((d) => `coalesce(${count(d)}, 0)`).join(" + ");
      const deviceSelect = ENT_DEVICES.map((d) =>
        source.has(d) ? `${count(d)} AS ${d}` : `CAST(NULL AS BIGINT) AS ${d}`
      );
      await db.run(
        `CREATE VIEW norm AS SELECT upper(trim(${col("uai")})) AS uai, ${date} AS semaine, ${total} AS visites, ${deviceSelect.join(", ")} FROM src`
      );
      await db.run(
        `CREATE VIEW enriched AS SELECT *, ${departementOfUaiSql("uai")} AS departement FROM norm`
      );
      // One more pass over the CSV writes the normalised rows to Parquet; the aggregates then read the Parquet
      // (columnar, a fraction of the CSV's cost).
      const parquet = options.rowsParquet ?? join(temp, "rows.parquet");
      await db.run(
        `COPY (SELECT uai, semaine, departement, visites, ${ENT_DEVICES.join(", ")} FROM enriched) TO ${sqlString(parquet)} (FORMAT parquet, COMPRESSION zstd)`
      );
      await db.run(`CREATE OR REPLACE VIEW enriched AS SELECT * FROM read_parquet(${sqlString(parquet)})`);
      const sums = ["visites", ...ENT_DEVICES].map((c) => `CAST(sum(${c}) AS DOUBLE) AS ${c}`).join(", ");
      const weekly = await readAll(
        db,
        `SELECT departement, semaine, CAST(count(*) AS INTEGER) AS etablissements, ${sums}
         FROM enriched GROUP BY departement, semaine ORDER BY departement NULLS LAST, semaine`
      );
      const schools = await readAll(
        db,
        `SELECT uai, CAST(CASE WHEN month(semaine) >= 8 THEN year(semaine) ELSE year(semaine) - 1 END AS INTEGER) AS annee_scolaire,
           any_value(departement) AS departement, CAST(count(*) AS INTEGER) AS semaines, ${sums}
         FROM enriched GROUP BY uai, annee_scolaire ORDER BY uai, annee_scolaire`
      );
      return {
        weekly: tableFromRows(ENT_WEEKLY_COLUMNS, weekly),
        schools: tableFromRows(ENT_SCHOOL_COLUMNS, schools),
        rows
      };
    });
  } finally {
    await rm(temp, {recursive: true, force: true});
  }
}

/** The first bad rows, in file order, with their line. */
async function listIssues(
  db: DuckDBConnection,
  dataset: string,
  file: string,
  bad: readonly [string, string][],
  col: (name: string) => string,
  max: number
): Promise<Issue[]> {
  await db.run("SET preserve_insertion_order = true");
  const flags = bad.map(([, sql], i) => `(${sql}) AS f${i}`).join(", ");
  const values = bad.map(([c], i) => `${col(c)} AS v${i}`).join(", ");
  const found = await readAll(
    db,
    `SELECT * FROM (SELECT row_number() OVER () AS rn, ${flags}, ${values} FROM src)
     WHERE ${bad.map((_, i) => `f${i}`).join(" OR ")} ORDER BY rn LIMIT ${max}`
  );
  const message: Record<string, string> = {
    uai: "code UAI invalide (7 chiffres et une lettre)",
    semaine: "date attendue (AAAA-MM-JJ)"
  };
  return found.flatMap((row) =>
    bad.flatMap(([c], i): Issue[] =>
      row[`f${i}`]
        ? [
            {
              dataset,
              file,
              line: Number(row.rn) + 1,
              column: c,
              value: String(row[`v${i}`] ?? ""),
              message: message[c] ?? "nombre entier positif attendu"
            }
          ]
        : []
    )
  );
}
