/**
 * What leaves the SQL workshop: the result as Parquet (written in the browser by parquet-wasm, offline), and
 * the query as a Framework ```sql cell for a team notebook, with the front matter that declares its tables.
 */
import {sqlTableName} from "../sql/sql-tables.js";

/**
 * A Framework page fragment running the query: front matter `sql:` naming each table's Arrow file, then the
 * ```sql cell. Paths are written for a page in a subfolder of src/ (src/equipes/<équipe>/… uses `../../`).
 * @param {string} sql
 * @param {string[]} tables served names the query reads
 * @param {{prefix?: string, id?: string}} [options] path from the notebook to src/ (default "../"), cell id
 * @returns {string}
 */
export function sqlCell(sql, tables, {prefix = "../", id = "resultat"} = {}) {
  const front = tables.length
    ? `---\nsql:\n${tables.map((t) => `  ${sqlTableName(t)}: ${prefix}data/donnees/${t}.arrow`).join("\n")}\n---\n\n`
    : "";
  const fence = sql.includes("```") ? "~~~~" : "```";
  return `${front}${fence}sql id=${id}\n${sql.trim()}\n${fence}\n`;
}

let parquetReady;

/**
 * The Parquet file of an Apache Arrow table (parquet-wasm default writer properties), as a Blob.
 * @param {import("apache-arrow").Table} table
 * @returns {Promise<Blob>}
 */
export async function parquetBlob(table) {
  const [Arrow, Parquet] = await Promise.all([
    import("npm:apache-arrow"),
    (parquetReady ??= import("npm:parquet-wasm").then(async (module) => {
      await module.default(import.meta.resolve("npm:parquet-wasm/esm/parquet_wasm_bg.wasm"));
      return module;
    }))
  ]);
  const wasmTable = Parquet.Table.fromIPCStream(Arrow.tableToIPC(table, "stream"));
  return new Blob([Parquet.writeParquet(wasmTable)], {type: "application/vnd.apache.parquet"});
}
