/**
 * Parquet to Arrow in the browser, offline: the site publishes each catalogue table once, as the Parquet file
 * DuckDB wrote (a tenth of its Arrow size), and parquet-wasm (from the site's own files) turns it into the Arrow
 * IPC stream that DuckDB-Wasm ingests or that a page reads with Apache Arrow.
 */

let ready;

/** parquet-wasm, initialised once (its WebAssembly, 5 MB, is fetched on first use). */
export function parquetWasm() {
  return (ready ??= import("npm:parquet-wasm").then(async (module) => {
    await module.default(import.meta.resolve("npm:parquet-wasm/esm/parquet_wasm_bg.wasm"));
    return module;
  }));
}

/**
 * The Arrow IPC stream of a Parquet file's bytes (columns and types as written: text as Utf8, INTEGER as Int32,
 * DOUBLE as Float64, DATE as DateDay).
 * @param {ArrayBuffer | Uint8Array} bytes
 * @returns {Promise<Uint8Array>}
 */
export async function parquetToArrowStream(bytes) {
  const Parquet = await parquetWasm();
  return Parquet.readParquet(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)).intoIPCStream();
}

/**
 * A source of a table's Arrow IPC stream read from its Parquet file when first asked, shaped like the
 * FileAttachment that `catalogueDatabase` downloads (`arrayBuffer()`).
 * @param {{arrayBuffer: () => Promise<ArrayBuffer>}} parquetFile
 */
export function arrowFromParquet(parquetFile) {
  return {arrayBuffer: async () => parquetToArrowStream(await parquetFile.arrayBuffer())};
}
