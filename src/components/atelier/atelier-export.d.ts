/** A Framework page fragment (front matter `sql:` + ```sql cell) running the query in a team notebook. */
export function sqlCell(sql: string, tables: string[], options?: {prefix?: string; id?: string}): string;
/** The Parquet file of an Apache Arrow table, written in the browser by parquet-wasm. */
export function parquetBlob(table: unknown): Promise<Blob>;
