/**
 * The heavy path of a declaration's CSV file, in DuckDB SQL: no row goes through JavaScript. The file is read
 * as text (`all_varchar`); `columnSql` (`sql-rules.ts`) gives, per declared column, the normalised value and the
 * error message of each cell. One pass copies the normalised SELECT straight to Parquet, stopping at the first bad
 * cell; duplicates of `unique` columns are then counted on the Parquet file. When there is a problem, another pass
 * counts them all and a last one lists the first ones with their line (header line + row number: exact for files
 * without quoted line breaks) in `validateFile`'s wording.
 */
import type {DuckDBConnection} from "@duckdb/node-api";
import type {DatasetContext, DatasetDeclaration} from "./dataset.ts";
import {readClause, sqlIdentifier, sqlString, withDuckDB} from "./duckdb.ts";
import type {DuckCsv} from "./heavy-csv.ts";
import {ValidationError, type Issue} from "./issues.ts";
import type {ParquetTable} from "./parquet-table.ts";
import {summarizeColumns, type ColumnSpec} from "./schema.ts";
import {bindRefs, columnSql, columnWorksInSql, sqlTrimmed} from "./sql-rules.ts";
import {matchColumns, missingColumnIssues} from "./validate.ts";

/** True when the SQL path gives exactly what `validateFile` gives for this declaration and context. */
export function sqlPathApplies(declaration: DatasetDeclaration, context: DatasetContext = {}): boolean {
  return (
    !declaration.prepare &&
    !declaration.deriveCommuneCode &&
    !declaration.ingest &&
    !context.mapCommune &&
    declaration.columns.every(columnWorksInSql)
  );
}

/** The SQL of one file: the query levels and, per declared column, the names of its value and error. */
export interface SqlPlan {
  /** `SELECT … FROM <from>` computing, per column `i`, `__v<i>` (value), `__e<i>` (error) and `__t<i>` (text). */
  select: (from: string) => string;
  columns: {spec: ColumnSpec; source: string | undefined}[];
}

const alias = (i: number, name: string) => sqlIdentifier(`__${name}${i}`);
/** Message of the error that stops the one-pass COPY at the first bad cell. */
const STOP = "tdathack: invalid cell";

/**
 * Builds the normalising and checking SELECT for a file whose header is `header`. Pure. A first level tells,
 * per column, whether the cell is clean (`ColumnSql.fast`: `__f<i>`); the steps run only on the other cells.
 * `fast: false` leaves that level out (every cell through every step), for the tests that compare both.
 */
export function planSql(
  columns: readonly ColumnSpec[],
  header: readonly string[],
  variant?: string,
  {fast = true}: {fast?: boolean} = {}
): SqlPlan {
  const sources = matchColumns(header, columns);
  const specs = columns.map((spec) => {
    const source = sources.get(spec.name);
    const sql = columnSql(spec, variant);
    // An absent column has no clean cell.
    return {spec, source, sql, fast: fast && source !== undefined ? sql.fast : undefined};
  });
  const select = (from: string) => {
    const bind = (i: number, expr: string) =>
      bindRefs(expr, (name) => (name === "cell" ? sqlIdentifier(specs[i]!.source!) : alias(i, name)));
    /** `expr`, or `clean` (NULL by default) where the cell is clean. */
    const unlessClean = (i: number, expr: string, clean = "NULL") =>
      specs[i]!.fast ? `CASE WHEN ${alias(i, "f")} THEN ${clean} ELSE ${expr} END` : expr;
    const tests = specs.flatMap(({fast}, i) => (fast ? [`${bind(i, fast.test)} AS ${alias(i, "f")}`] : []));
    let query = tests.length ? `SELECT *, ${tests.join(", ")} FROM ${from}` : `SELECT * FROM ${from}`;
    const trimmed = specs.map(({source}, i) => {
      const text = source === undefined ? "NULL::VARCHAR" : sqlIdentifier(source);
      // A clean cell has nothing to trim.
      return `${unlessClean(i, sqlTrimmed(text), text)} AS ${alias(i, "t")}`;
    });
    query = `SELECT *, ${trimmed.join(", ")} FROM (${query})`;
    const depth = Math.max(0, ...specs.map(({sql}) => sql.steps.length));
    for (let level = 0; level < depth; level++) {
      const steps = specs.flatMap(({sql}, i) => {
        const step = sql.steps[level];
        return step ? [`${unlessClean(i, bind(i, step[1]))} AS ${alias(i, step[0])}`] : [];
      });
      query = `SELECT *, ${steps.join(", ")} FROM (${query})`;
    }
    const outputs = specs.flatMap(({sql, fast}, i) => [
      `${unlessClean(i, bind(i, sql.value), fast && bind(i, fast.value))} AS ${alias(i, "v")}`,
      `${unlessClean(i, bind(i, sql.error), fast?.error && bind(i, fast.error))} AS ${alias(i, "e")}`
    ]);
    return `SELECT *, ${outputs.join(", ")} FROM (${query})`;
  };
  return {select, columns: specs.map(({spec, source}) => ({spec, source}))};
}

const jsNumber = (value: unknown) => (typeof value === "bigint" ? Number(value) : (value as number));

async function rowsOf(connection: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  return (await connection.runAndReadAll(sql)).getRowObjectsJS();
}

/** Options of `ingestCsvWithSql`. */
export interface SqlIngestOptions {
  /** File name shown in messages. */
  label: string;
  /** Where to write the normalised table; validation only when absent. */
  parquet?: string;
  /** Problems listed in the error (the count covers them all; default 50). */
  maxIssues?: number;
}

/**
 * Validates a CSV with DuckDB and, when it is valid and `parquet` is given, writes the normalised table there.
 * @throws ValidationError with the first problems (as `validateFile` words them) and their total count.
 */
export async function ingestCsvWithSql(
  declaration: DatasetDeclaration,
  csv: DuckCsv,
  options: SqlIngestOptions
): Promise<{table: ParquetTable | null; rowCount: number; variant: string | undefined}> {
  const from = readClause(csv.path, csv.read);
  const headerLine = csv.read.skipLines + 1;
  const place = {dataset: declaration.id, file: options.label};
  return withDuckDB(async (connection) => {
    const header = csv.read.columns;
    const variant = declaration.variants?.find((v) => v.detect(header))?.name;
    const plan = planSql(declaration.columns, header, variant);
    const missing = missingColumnIssues(
      declaration.columns,
      new Map(plan.columns.flatMap(({spec, source}) => (source === undefined ? [] : [[spec.name, source]]))),
      {...place, line: headerLine}
    );
    const columns = summarizeColumns(declaration.columns);
    const values = plan.columns.map(({spec}, i) => `${alias(i, "v")} AS ${sqlIdentifier(spec.name)}`);
    const copy = (where: string) =>
      `COPY (SELECT ${values.join(", ")} FROM (${plan.select(from)}) WHERE ${where}) TO ${sqlString(options.parquet!)} (FORMAT parquet, COMPRESSION zstd)`;
    const unique = plan.columns.flatMap(({spec}, i) => (spec.unique ? [i] : []));
    if (options.parquet && missing.length === 0) {
      // One pass: the COPY stops at the first bad cell; uniqueness is then checked on the Parquet (columnar).
      const bad = plan.columns.map((_, i) => `${alias(i, "e")} IS NOT NULL`).join(" OR ");
      const written = await connection
        .run(copy(`CASE WHEN ${bad} THEN error(${sqlString(STOP)}) ELSE true END`))
        .then(
          () => true,
          (error: unknown) => {
            if (String((error as Error).message).includes(STOP)) return false;
            throw error;
          }
        );
      if (written) {
        const parquet = `read_parquet(${sqlString(options.parquet)})`;
        const checks = [
          "count(*) AS n",
          ...unique.map((i) => {
            const name = sqlIdentifier(plan.columns[i]!.spec.name);
            return `count(${name}) - count(DISTINCT ${name}) AS d${i}`;
          })
        ];
        const [row] = await rowsOf(connection, `SELECT ${checks.join(", ")} FROM ${parquet}`);
        if (unique.every((i) => jsNumber(row![`d${i}`]) === 0)) {
          const rowCount = jsNumber(row!.n);
          return {table: {columns, rowCount, path: options.parquet}, rowCount, variant};
        }
      }
    }
    const key = (i: number) =>
      `CASE WHEN ${alias(i, "e")} IS NULL THEN CAST(${alias(i, "v")} AS VARCHAR) END`;
    const counts = [
      "count(*) AS n",
      ...plan.columns.map((_, i) => `count(${alias(i, "e")}) AS e${i}`),
      ...unique.map((i) => `count(${key(i)}) - count(DISTINCT ${key(i)}) AS d${i}`)
    ];
    const [tally] = await rowsOf(connection, `SELECT ${counts.join(", ")} FROM (${plan.select(from)})`);
    const rowCount = jsNumber(tally!.n);
    const total =
      missing.length +
      plan.columns.reduce((sum, _, i) => sum + jsNumber(tally![`e${i}`]), 0) +
      unique.reduce((sum, i) => sum + jsNumber(tally![`d${i}`]), 0);
    if (total > 0) {
      const max = options.maxIssues ?? 50;
      const listed = [...missing, ...(await listIssues(connection, plan, from, place, headerLine, max))];
      throw new ValidationError(listed.slice(0, max), 50, total);
    }
    if (!options.parquet) return {table: null, rowCount, variant};
    await connection.run(copy("true"));
    return {table: {columns, rowCount, path: options.parquet}, rowCount, variant};
  });
}

/** The first `max` bad cells and duplicates, in file then column order, as `validateFile` reports them. */
async function listIssues(
  connection: DuckDBConnection,
  plan: SqlPlan,
  from: string,
  place: Pick<Issue, "dataset" | "file">,
  headerLine: number,
  max: number
): Promise<Issue[]> {
  const numbered = `(SELECT row_number() OVER () AS __rn, * FROM ${from})`;
  const fields = plan.columns.flatMap(({spec}, i) => {
    const base = [`${alias(i, "e")} AS e${i}`, `${alias(i, "t")} AS t${i}`];
    if (!spec.unique) return base;
    const key = `CASE WHEN ${alias(i, "e")} IS NULL THEN CAST(${alias(i, "v")} AS VARCHAR) END`;
    return [...base, `${key} AS k${i}`, `min(__rn) OVER (PARTITION BY ${key}) AS f${i}`];
  });
  const bad = plan.columns.flatMap(({spec}, i) => [
    `e${i} IS NOT NULL`,
    ...(spec.unique ? [`(k${i} IS NOT NULL AND f${i} < __rn)`] : [])
  ]);
  const rows = await rowsOf(
    connection,
    `SELECT * FROM (SELECT __rn, ${fields.join(", ")} FROM (${plan.select(numbered)}))
     WHERE ${bad.join(" OR ")} ORDER BY __rn LIMIT ${max}`
  );
  return rows.flatMap((row) => {
    const line = headerLine + jsNumber(row.__rn);
    return plan.columns.flatMap(({spec, source}, i): Issue[] => {
      const column = source ?? spec.name;
      if (row[`e${i}`] !== null) {
        // `validateFile` skips errors of an absent nullable column (there are none: its cells are empty).
        return [{...place, line, column, value: String(row[`t${i}`]), message: String(row[`e${i}`])}];
      }
      const first = row[`f${i}`];
      if (spec.unique && row[`k${i}`] !== null && jsNumber(first) < jsNumber(row.__rn)) {
        const firstLine = headerLine + jsNumber(first);
        return [
          {
            ...place,
            line,
            column,
            value: String(row[`k${i}`]),
            message: `valeur en double (déjà ligne ${firstLine})`
          }
        ];
      }
      return [];
    });
  });
}
