/**
 * Browser scenario of a catalogue page (/donnees/<table>): the site publishes each table once, as Parquet, and
 * the CSV and Arrow buttons make their file from it in the browser. Both downloads are read back and compared
 * with the published Parquet file read by DuckDB in Node: same rows, same columns, same totals.
 */
import {readdirSync, readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {DuckDBInstance} from "@duckdb/node-api";
import {tableFromIPC} from "apache-arrow";
import type {Scenario} from "./scenarios.ts";
import {openTrackedPage} from "./tracking.ts";

/** The table whose downloads are checked: the largest demonstration table, with codes, numbers and text. */
const TABLE = "ips";

/** The published Parquet file of a catalogue table in dist/ (content-hashed name). */
function distFile(dist: string, name: string, extension: string): string | undefined {
  const dir = join(dist, "_file", "data", "donnees");
  const file = readdirSync(dir).find((f) => new RegExp(`^${name}\\.[0-9a-f]+\\.${extension}$`).test(f));
  return file && join(dir, file);
}

export const catalogueScenarios: Scenario[] = [
  {
    name: `catalogue: the CSV and Arrow downloads of /donnees/${TABLE} are made from its Parquet file, same rows and totals`,
    paths: [`/donnees/${TABLE}`],
    async run({browser, origin, dist}) {
      const problems: string[] = [];
      const parquet = distFile(dist, TABLE, "parquet");
      if (!parquet) return [`no published Parquet file for ${TABLE}`];
      if (distFile(dist, TABLE, "arrow"))
        problems.push(`${TABLE}.arrow is published beside its Parquet file`);
      const connection = await (await DuckDBInstance.create(":memory:")).connect();
      const tracked = await openTrackedPage(browser, origin, {acceptDownloads: true});
      const {page} = tracked;
      problems.push(...tracked.problems);
      try {
        await page.goto(`${origin}/donnees/${TABLE}`, {waitUntil: "load"});
        const save = async (label: string) => {
          const [file] = await Promise.all([
            page.waitForEvent("download", {timeout: 60_000}),
            page.click(`.kit-downloads a:text-is('${label}')`)
          ]);
          return readFileSync((await file.path())!);
        };
        await connection.run(`CREATE TABLE t AS SELECT * FROM read_parquet('${parquet}')`);
        const columns = (await connection.runAndReadAll("DESCRIBE t"))
          .getRowObjectsJson()
          .map((r) => r.column_name);
        // Totals compared with a relative tolerance: DuckDB may add doubles in another order.
        const TOTALS = "count(*)::INTEGER AS n, sum(ips::DOUBLE) AS s, min(code_commune) AS code";
        const [expected] = (await connection.runAndReadAll(`SELECT ${TOTALS} FROM t`)).getRowObjectsJson();
        const close = (a: unknown, b: unknown) =>
          Math.abs(Number(a) - Number(b)) <= 1e-9 * Math.abs(Number(b));
        const csvPath = join(process.env.TMPDIR ?? "/tmp", `catalogue-${process.pid}.csv`);
        writeFileSync(csvPath, await save("CSV"));
        const [fromCsv] = (
          await connection.runAndReadAll(
            `SELECT ${TOTALS} FROM read_csv('${csvPath}', header = true, all_varchar = true)`
          )
        ).getRowObjectsJson();
        if (fromCsv!.n !== expected!.n || !close(fromCsv!.s, expected!.s) || fromCsv!.code !== expected!.code)
          problems.push(`CSV download: ${JSON.stringify(fromCsv)} ≠ Parquet ${JSON.stringify(expected)}`);
        const arrow = tableFromIPC(await save("Arrow"));
        const names = arrow.schema.fields.map((f) => f.name);
        if (JSON.stringify(names) !== JSON.stringify(columns))
          problems.push(`Arrow download columns ${names.join(",")} ≠ Parquet ${columns.join(",")}`);
        let sum = 0;
        for (const v of arrow.getChild("ips") ?? []) sum += v ?? 0;
        if (arrow.numRows !== expected!.n || !close(sum, expected!.s))
          problems.push(
            `Arrow download: ${arrow.numRows} rows, sum ${sum} ≠ Parquet ${JSON.stringify(expected)}`
          );
      } finally {
        connection.closeSync();
        await tracked.context.close();
      }
      return problems;
    }
  }
];
