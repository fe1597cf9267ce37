// The Guide's demonstration table as Parquet, written by DuckDB in Node (FileAttachment(…).parquet()).
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {DuckDBInstance} from "@duckdb/node-api";
import {guideRows} from "../../../loaders/site/guide-table.ts";

const dir = mkdtempSync(join(tmpdir(), "guide-"));
try {
  writeFileSync(join(dir, "rows.json"), JSON.stringify(guideRows()));
  const connection = await (await DuckDBInstance.create(":memory:")).connect();
  await connection.run(
    `COPY (SELECT * FROM read_json('${join(dir, "rows.json")}', columns = {code: 'VARCHAR', nom: 'VARCHAR', population: 'BIGINT', indicateur: 'DOUBLE', lieux: 'INTEGER'})) TO '${join(dir, "rows.parquet")}' (FORMAT parquet)`
  );
  process.stdout.write(readFileSync(join(dir, "rows.parquet")));
} finally {
  rmSync(dir, {recursive: true, force: true});
}
