/** Served table name → a function giving its Parquet FileAttachment (nothing is fetched before use). */
export const PARQUET_FILES: Record<
  string,
  () => {arrayBuffer: () => Promise<ArrayBuffer>; url: () => Promise<string>}
>;
/** Served table name → a function giving the source of its Arrow IPC stream, read from the Parquet file. */
export const ARROW_FILES: Record<string, () => {arrayBuffer: () => Promise<Uint8Array>}>;
